"""The store: revisions, conflicts, permissions, and real processes saving and crashing."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from goalkit.errors import ConflictError, GoalkitError, StoreError
from goalkit.model import Worksheet, evolve
from goalkit.store import DB_NAME, Store, default_home
from tests.conftest import ROOT, full_worksheet

WORKER = [sys.executable, str(Path(__file__).with_name("store_worker.py"))]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def test_every_save_appends_a_revision(store: Store) -> None:
    ws = full_worksheet()
    assert store.save(ws, base=None) == 1
    assert store.save(evolve(ws, notes="second"), base=1) == 2
    assert store.load(ws.id).worksheet.notes == "second"
    assert store.load(ws.id, 1).worksheet == ws
    assert [r.revision for r in store.history(ws.id)] == [1, 2]
    [summary] = store.list()
    assert (summary.id, summary.patient_ref, summary.revision) == (ws.id, "P-014", 2)


def test_list_is_most_recent_first(store: Store) -> None:
    a, b = Worksheet(patient_ref="A"), Worksheet(patient_ref="B")
    store.save(a, base=None)
    store.save(b, base=None)
    assert [s.patient_ref for s in store.list()] == ["B", "A"]
    store.save(a, base=1)
    assert [s.patient_ref for s in store.list()] == ["A", "B"]


def test_stale_save_is_a_conflict_and_writes_nothing(store: Store) -> None:
    ws = full_worksheet()
    store.save(ws, base=None)
    store.save(evolve(ws, notes="theirs"), base=1)
    with pytest.raises(ConflictError, match="now at revision 2"):
        store.save(evolve(ws, notes="mine"), base=1)
    with pytest.raises(ConflictError, match="already stored"):
        store.save(ws, base=None)
    with pytest.raises(ConflictError, match="not in the store"):
        store.save(Worksheet(), base=3)
    assert store.load(ws.id).worksheet.notes == "theirs"
    assert len(store.history(ws.id)) == 2


def test_restore_appends_the_old_revision(store: Store) -> None:
    ws = full_worksheet()
    store.save(ws, base=None)
    store.save(evolve(ws, notes="changed"), base=1)
    assert store.restore(ws.id, 1, base=2) == 3
    assert store.load(ws.id).worksheet.notes == ws.notes
    history = store.history(ws.id)
    assert [h.revision for h in history] == [1, 2, 3]
    assert history[-1].note == "restored revision 1"
    assert store.load(ws.id, 2).worksheet.notes == "changed"  # nothing lost


def test_missing_things_are_clear_errors(store: Store) -> None:
    with pytest.raises(StoreError, match="no worksheet 'nope'"):
        store.load("nope")
    with pytest.raises(StoreError, match="no revision 9 of worksheet"):
        store.save(Worksheet(id="w1"), base=None) and store.load("w1", 9)
    with pytest.raises(StoreError, match="no worksheet"):
        store.history("nope")


def test_files_are_private_to_their_owner(store: Store) -> None:
    store.save(full_worksheet(), base=None)
    assert stat.S_IMODE(store.home.stat().st_mode) == 0o700
    for name in (DB_NAME, DB_NAME + "-wal"):
        path = store.home / name
        assert path.exists(), name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_widened_permissions_are_narrowed_on_open(home: Path) -> None:
    Store(home).close()
    (home / DB_NAME).chmod(0o644)
    Store(home).close()
    assert stat.S_IMODE((home / DB_NAME).stat().st_mode) == 0o600


def test_goalkit_home_decides_the_folder(home: Path) -> None:
    assert default_home() == home


def test_unusable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot write to the goalkit data folder"):
        Store(blocker / "home")


def test_a_file_that_is_not_a_store(home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a goalkit store"):
        Store(home)


def test_stored_data_is_validated_on_the_way_out(store: Store) -> None:
    ws = full_worksheet()
    store.save(ws, base=None)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE revisions SET data = '{\"schema_version\": 99}'")
    with pytest.raises(GoalkitError, match=r"stored worksheet ws-sample-01: .*newer goalkit"):
        store.load(ws.id)


# -- real processes ---------------------------------------------------------------------------
@pytest.mark.slow
def test_two_processes_saving_the_same_base_one_wins_one_conflicts(home: Path) -> None:
    ws = full_worksheet()
    with Store(home) as s:
        s.save(ws, base=None)
    for round_ in range(3):
        with Store(home) as s:
            base = s.load(ws.id).revision
        procs = [
            subprocess.Popen(
                [*WORKER, "once", str(home), ws.id, str(base), f"p{i}-{round_}"],
                stdout=subprocess.PIPE,
                env=ENV,
                text=True,
            )
            for i in range(2)
        ]
        outs = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
        assert all(p.returncode == 0 for p in procs)
        assert outs == ["conflict", f"saved {base + 1}"], outs
    with Store(home) as s:
        assert s.load(ws.id).revision == 4


@pytest.mark.slow
def test_two_processes_saving_different_worksheets_both_succeed(home: Path) -> None:
    a, b = Worksheet(id="wa"), Worksheet(id="wb")
    with Store(home) as s:
        s.save(a, base=None)
        s.save(b, base=None)
    procs = [
        subprocess.Popen(
            [*WORKER, "loop", str(home), wid], stdout=subprocess.PIPE, env=ENV, text=True
        )
        for wid in ("wa", "wb")
    ]
    time.sleep(3)
    for p in procs:
        p.terminate()
    outs = [p.communicate(timeout=30)[0].split() for p in procs]
    assert all(len(o) >= 5 for o in outs), [len(o) for o in outs]
    with Store(home) as s:
        for wid, out in zip(("wa", "wb"), outs, strict=True):
            head = s.load(wid).revision
            assert head >= int(out[-1])
            assert [h.revision for h in s.history(wid)] == list(range(1, head + 1))


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.3, 0.7, 1.1, 1.6])
def test_sigkill_while_saving_leaves_the_last_committed_revision(home: Path, delay: float) -> None:
    ws = full_worksheet()
    with Store(home) as s:
        s.save(ws, base=None)
    proc = subprocess.Popen(
        [*WORKER, "loop", str(home), ws.id], stdout=subprocess.PIPE, env=ENV, text=True
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    printed = proc.communicate(timeout=30)[0].split()
    assert proc.returncode == -signal.SIGKILL
    last_reported = int(printed[-1]) if printed else 1
    with sqlite3.connect(home / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with Store(home) as s:
        latest = s.load(ws.id)
        # a commit may finish just after the last print: never fewer revisions than reported
        assert latest.revision in (last_reported, last_reported + 1)
        assert latest.revision == 1 or latest.worksheet.notes.startswith(
            f"revision after {latest.revision - 1}"
        )
        for info in s.history(ws.id):
            s.load(ws.id, info.revision)  # every revision still validates


def test_archive_hides_keeps_and_brings_back(store: Store) -> None:
    from goalkit.model import Worksheet

    store.save(Worksheet(id="keep1", patient_ref="P-1"), base=None)
    store.save(Worksheet(id="oops1", patient_ref="P-2"), base=None, note="uploaded")
    store.archive("oops1")
    assert [s.id for s in store.list()] == ["keep1"]
    [hidden] = store.list(archived=True)
    assert hidden.id == "oops1" and hidden.archived and hidden.uploaded
    assert store.load("oops1").worksheet.patient_ref == "P-2"  # nothing deleted
    store.archive("oops1", archived=False)
    assert sorted(s.id for s in store.list()) == ["keep1", "oops1"]
    with pytest.raises(StoreError, match="no worksheet 'nope'"):
        store.archive("nope")


def test_a_store_from_before_archiving_opens_and_lists(tmp_path: Path) -> None:
    import sqlite3

    from goalkit.model import Worksheet

    db = sqlite3.connect(tmp_path / "goalkit.sqlite3")
    db.executescript(
        "CREATE TABLE worksheets (id TEXT PRIMARY KEY, patient_ref TEXT NOT NULL, head INTEGER "
        "NOT NULL); CREATE TABLE revisions (worksheet_id TEXT NOT NULL REFERENCES "
        "worksheets(id), revision INTEGER NOT NULL, saved_at TEXT NOT NULL, note TEXT NOT NULL "
        "DEFAULT '', data TEXT NOT NULL, PRIMARY KEY (worksheet_id, revision));"
    )
    db.close()
    with Store(tmp_path) as old:
        old.save(Worksheet(id="w1"), base=None)
        assert [s.id for s in old.list()] == ["w1"]
