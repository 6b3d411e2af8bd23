"""Faults the app and the command survive without losing a worksheet (issue 8).

1. The kernel killed (SIGKILL) in the middle of editing: reopening restores the last autosave
   (:func:`test_kernel_killed_while_editing_reopens_at_the_last_autosave`, real Voilà + Chromium).
2. SIGKILL during a store write: the store opens with the last committed revision
   (``tests/test_store.py::test_sigkill_while_saving_leaves_the_last_committed_revision``).
3. A full disk or an unwritable data folder: a clear message in the app and the CLI, the edits
   stay in memory and can still be exported, and once there is room they are saved. Real faults
   on a tiny tmpfs when this machine lets us mount one (root), and the same failures injected
   everywhere else.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import re
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from goalkit import fileformat
from goalkit.errors import StoreError
from goalkit.model import Worksheet
from goalkit.store import Store, _problem
from goalkit.widgets.app import WorksheetApp
from goalkit.widgets.export_panel import ExportPanel
from goalkit.widgets.goal_panel import GoalPanel
from tests.conftest import AppServer, full_worksheet
from tests.conftest import goalkit_cli as run_cli

GOAL = "Walk 1 km to the shop without a rest, on my own, within 6 weeks"
LATER = "Walk 2 km to the park without a rest, on my own, within 8 weeks"


# -- helpers -------------------------------------------------------------------------------------
def mount_tmpfs(where: Path, size: str = "512k") -> bool:
    where.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.fixture
def tiny_fs(tmp_path: Path) -> Iterator[Path]:
    """A 512 kB tmpfs (needs root); skipped where it cannot be mounted."""
    where = tmp_path / "tiny"
    if not mount_tmpfs(where):
        pytest.skip("cannot mount a tmpfs here; the injected-failure tests cover this case")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def fill(folder: Path) -> Path:
    """Write a file until the disk holding ``folder`` is full."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def app_with_worksheet(store: Store) -> WorksheetApp:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)  # synchronous saves, no timer
    app.start.patient_ref.value = "P-FAULT"
    app.start.new_button.click()
    assert app.session is not None and app.session.revision == 1
    return app


def goal_panel(app: WorksheetApp) -> GoalPanel:
    panel = app.panels["goal0"]
    assert isinstance(panel, GoalPanel)
    return panel


def downloads(app: WorksheetApp) -> dict[str, bytes]:
    """Click "Prepare downloads" and decode every link."""
    panel = app.panels["export"]
    assert isinstance(panel, ExportPanel)
    panel.make.click()
    links = re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', panel.links.value)
    return {name.rsplit(".", 1)[1]: base64.b64decode(data) for name, data in links}


def assert_unsaved_but_exportable(app: WorksheetApp, store: Store, reason: str) -> None:
    """The app says why it cannot save, keeps the edit, and exports it; the store still holds
    the last good revision."""
    assert app.session is not None
    assert not app.session.state.saved
    assert re.search(reason, app.status.value), app.status.value
    assert "Your edits are still here" in app.status.value
    assert goal_panel(app).statement.value == GOAL
    files = downloads(app)
    assert set(files) == {"pdf", "html", "json", "csv"}
    assert fileformat.loads(files["json"]).primary.statement == GOAL
    assert GOAL in files["csv"].decode() and files["pdf"].startswith(b"%PDF")
    assert "downloads hold everything on screen" in app.messages.html.value
    worksheet_id = app.session.worksheet.id
    assert store.load(worksheet_id).revision == 1  # the last committed revision, unchanged


# -- 3. full disk, unwritable folder: injected (runs everywhere) ---------------------------------
@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), r"disk holding .* is full"),
        (PermissionError(errno.EACCES, "Permission denied"), r"cannot write to the goalkit data"),
        (OSError(errno.EROFS, "Read-only file system"), r"cannot write to the goalkit data"),
    ],
    ids=["disk-full", "permission", "read-only"],
)
def test_a_failing_store_keeps_the_edits_and_exports_them(
    store: Store, monkeypatch: pytest.MonkeyPatch, failure: OSError, reason: str
) -> None:
    app = app_with_worksheet(store)
    real_save = Store.save

    def failing_save(self: Store, *args: object, **kwargs: object) -> int:
        raise _problem(failure, self.home)

    monkeypatch.setattr(Store, "save", failing_save)
    goal_panel(app).statement.value = GOAL
    assert_unsaved_but_exportable(app, store, reason)

    monkeypatch.setattr(Store, "save", real_save)  # the disk has room again
    goal_panel(app).why.value = "so I can shop for myself"
    assert app.session is not None and app.session.state.saved
    saved = store.load(app.session.worksheet.id)
    assert saved.revision == 2 and saved.worksheet.primary.statement == GOAL


def test_an_unusable_data_folder_is_a_clear_message_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GOALKIT_HOME under a regular file: no folder can be made there, root or not."""
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    with pytest.raises(StoreError, match="cannot write to the goalkit data folder"):
        Store(a_file / "goalkit")
    monkeypatch.setenv("GOALKIT_HOME", str(a_file / "goalkit"))
    app = WorksheetApp(list_refresh=0)
    assert app.store is None
    assert "The worksheet store cannot be opened" in app.messages.html.value
    assert "cannot write to the goalkit data folder" in app.messages.html.value
    assert a_file.read_text() == "x"


# -- 3. full disk, read-only folder: real (tmpfs, root only) -------------------------------------
def test_full_disk_for_real_then_room_again(tiny_fs: Path) -> None:
    with Store(tiny_fs / "home") as store:
        app = app_with_worksheet(store)
        filler = fill(tiny_fs)
        goal_panel(app).statement.value = GOAL
        goal_panel(app).why.value = "x" * 1900  # more than any page the log could still reuse
        assert app.session is not None
        assert not app.session.state.saved, "the store wrote to a full disk?"
        assert_unsaved_but_exportable(app, store, r"disk holding .* is full")
        filler.unlink()
        goal_panel(app).why.value = "so I can shop for myself"
        assert app.session.state.saved
        saved = store.load(app.session.worksheet.id)
        assert saved.worksheet.primary.statement == GOAL
        assert [h.revision for h in store.history(saved.worksheet.id)] == [1, 2]


def test_read_only_data_folder_for_real(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "ro"
    if not mount_tmpfs(where):
        pytest.skip("cannot mount a tmpfs here")
    try:
        with Store(where / "home") as store:
            store.save(full_worksheet(), base=None)
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, timeout=30)
        with pytest.raises(StoreError, match="cannot write to the goalkit data folder"):
            Store(where / "home")
        with pytest.raises(StoreError, match="cannot write to the goalkit data folder"):
            Store(where / "elsewhere")
        monkeypatch.setenv("GOALKIT_HOME", str(where / "home"))
        app = WorksheetApp(list_refresh=0)
        assert "The worksheet store cannot be opened" in app.messages.html.value
        assert "cannot write to the goalkit data folder" in app.messages.html.value
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


# -- 3. the command: one line, exit 2, nothing written -------------------------------------------
@pytest.fixture
def ws_file(tmp_path: Path) -> Path:
    path = tmp_path / "worksheet.json"
    fileformat.save(full_worksheet(), path)
    return path


def assert_refused(out: subprocess.CompletedProcess[str], reason: str) -> None:
    assert out.returncode == 2, out
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith("goalkit: error: ")
    assert re.search(reason, out.stderr), out.stderr


@pytest.mark.parametrize("fmt", ["pdf", "json"])
def test_cli_export_to_a_full_disk(tiny_fs: Path, ws_file: Path, fmt: str) -> None:
    filler = fill(tiny_fs)
    assert_refused(run_cli("export", str(ws_file), "--to", fmt, "-o", str(tiny_fs)), "No space")
    assert list(tiny_fs.iterdir()) == [filler]  # no file, no temporary left behind


def test_cli_export_to_a_read_only_folder(tmp_path: Path, ws_file: Path) -> None:
    where = tmp_path / "ro"
    if not mount_tmpfs(where):
        pytest.skip("cannot mount a tmpfs here")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True, timeout=30)
        out = run_cli("export", str(ws_file), "--to", "csv", "-o", str(where))
        assert_refused(out, "Read-only file system")
        assert list(where.iterdir()) == []
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def test_cli_export_to_places_that_cannot_hold_a_file(tmp_path: Path, ws_file: Path) -> None:
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    assert_refused(
        run_cli("export", str(ws_file), "--to", "html", "-o", str(a_file / "out.html")),
        "is not a folder",
    )
    assert a_file.read_text() == "x"
    # /proc takes no new files, whoever asks (root included)
    assert_refused(run_cli("export", str(ws_file), "--to", "json", "-o", "/proc"), "cannot write")


# -- 1. the kernel killed while editing (real Voilà, real Chromium) ------------------------------
def kernel_process(server_pid: int, kernel_id: str) -> int:
    """The process of one kernel: a child of the Voilà server whose connection file names it."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid and kernel_id.encode() in cmdline:
            return int(entry)
    raise LookupError(f"no process for kernel {kernel_id}")


@pytest.mark.browser
@pytest.mark.slow
def test_kernel_killed_while_editing_reopens_at_the_last_autosave(
    app_server: AppServer, page: object
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    slow = 60_000
    page.set_default_timeout(slow)
    page.set_default_navigation_timeout(slow)
    page.goto(app_server.url)
    page.locator(".goalkit-patient-ref input").fill("P-KILL")
    page.locator(".goalkit-new").click()
    status = page.locator(".goalkit-save-state")
    expect(status).to_contain_text("All changes saved (version 1)", timeout=slow)
    page.get_by_role("tab", name="Goals").click()
    page.locator(".goalkit-goal-statement textarea").fill(GOAL)
    expect(status).to_contain_text("All changes saved (version 2)", timeout=slow)

    config = page.evaluate("document.getElementById('jupyter-config-data').textContent")
    kernel_id = json.loads(config)["kernelId"]
    pid = kernel_process(app_server.proc.pid, kernel_id)
    os.kill(pid, signal.SIGKILL)  # mid-session: the widgets lose their kernel
    page.locator(".goalkit-goal-statement textarea").fill(LATER)  # typed into a dead kernel

    page.reload()
    listing = page.locator(".goalkit-open-list select")
    expect(listing.locator("option")).to_have_count(1, timeout=slow)
    expect(listing.locator("option")).to_contain_text("P-KILL")
    listing.select_option(index=0)
    page.locator(".goalkit-open").click()
    page.get_by_role("tab", name="Goals").click()
    expect(page.locator(".goalkit-goal-statement textarea")).to_have_value(GOAL, timeout=slow)
    with Store(app_server.home) as store:
        [summary] = store.list()
        assert summary.revision == 2 and summary.patient_ref == "P-KILL"
        assert store.load(summary.id).worksheet.primary.statement == GOAL
        assert isinstance(store.load(summary.id).worksheet, Worksheet)
