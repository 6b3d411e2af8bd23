"""Patient identifiers stay out of file names, logs and URLs; exports can be de-identified
(issue 8). The store is owner-only: ``tests/test_store.py::test_files_are_private_to_their_owner``;
loopback by default: ``tests/test_serving.py::test_the_app_listens_on_loopback_only``."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from goalkit import export, fileformat
from goalkit.export.deidentify import DROPPED, deidentify
from goalkit.model import Agreement, Worksheet
from goalkit.store import Store
from tests.conftest import ROOT, AppServer, full_worksheet, stop

REF = "ZQX-PRIV-4411"  # a patient reference no other text contains
CLINICIAN = "Dr Quentin Example"
NOTE = "Lives at 12 Example Road, phone 0123 456789"
GOAL = "Walk 1 km to the shop without a rest, on my own, within 6 weeks"


def identifiable() -> Worksheet:
    ws = full_worksheet()
    checkins = tuple(
        c.model_copy(update={"notes": NOTE, "goals": tuple(g.model_copy(update={"note": NOTE})
                                                            for g in c.goals)})
        for c in ws.checkins
    )  # fmt: skip
    support = ws.support.model_copy(update={"how_they_help": f"{NOTE}, my wife Jane"})  # type: ignore[union-attr]
    agreed = ws.primary.model_copy(
        update={"agreed": Agreement(by=f"the patient and {CLINICIAN}", on=dt.date(2026, 1, 7))}
    )
    return ws.model_copy(
        update={
            "goals": (agreed, *ws.secondary),
            "patient_ref": REF,
            "clinician": CLINICIAN,
            "notes": NOTE,
            "checkins": checkins,
            "support": support,
        }
    )


# -- de-identification ---------------------------------------------------------------------------
def test_deidentify_drops_exactly_what_it_lists() -> None:
    ws = identifiable()
    clean = deidentify(ws)
    assert [path for path, _ in DROPPED] == [
        "clinician",
        "notes",
        "support.how_they_help",
        "checkins[].notes",
        "checkins[].goals[].note",
        "goals[].agreed.by",
    ]
    assert clean.clinician is None and clean.notes == ""
    assert all(g.agreed is None or g.agreed.by == "" for g in clean.goals)
    assert clean.support is not None and clean.support.how_they_help == ""
    assert clean.support.relationship == ws.support.relationship  # type: ignore[union-attr]
    assert all(c.notes == "" and all(g.note == "" for g in c.goals) for c in clean.checkins)
    # everything else is kept, the pseudonymous reference included
    kept = clean.model_copy(
        update={
            "clinician": ws.clinician,
            "notes": ws.notes,
            "support": ws.support,
            "checkins": ws.checkins,
            "goals": ws.goals,
        }
    )
    assert kept == ws and clean.patient_ref == REF
    assert clean.primary.agreed is not None and clean.primary.agreed.on == dt.date(2026, 1, 7)
    assert deidentify(clean) == clean


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_every_export_can_be_deidentified(fmt: str) -> None:
    ws = identifiable()
    full = export.render(ws, fmt)
    clean = export.render(ws, fmt, deidentify=True)

    def text(data: bytes) -> str:
        if fmt == "pdf":
            pages = PdfReader(io.BytesIO(data)).pages
            return " ".join(" ".join(p.extract_text().split()) for p in pages)
        return data.decode()

    if fmt == "ics":  # the calendar never carries the record's identifying fields at all
        assert not [s for s in ("Example Road", CLINICIAN, REF, "Jane") if s in text(full)]
        assert full == clean
        return
    assert "Example Road" in text(full)
    assert (CLINICIAN in text(full)) == (fmt != "csv")  # the CSV has no clinician column
    assert CLINICIAN not in text(clean) and "Example Road" not in text(clean)
    assert "Jane" not in text(clean)
    assert "Walk 2 km to the park" in text(clean)
    assert (REF in text(clean)) == (fmt != "csv")  # the CSV names the worksheet id only


def test_cli_deidentify_names_the_file_and_drops_the_fields(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    fileformat.save(identifiable(), src)
    out = tmp_path / "out"
    out.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "goalkit", "export", str(src), "--to", "json", "-o", str(out),
         "--deidentify"],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [written] = out.iterdir()
    assert re.fullmatch(r"goalkit-ws-sample-01-\d{4}-\d{2}-\d{2}-deidentified\.json", written.name)
    ws = fileformat.load(written)
    assert ws.clinician is None and ws.notes == "" and ws.patient_ref == REF
    assert written.stat().st_mode & 0o777 == 0o600


# -- names, logs, URLs ---------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.slow
def test_the_patient_reference_stays_out_of_names_logs_and_urls(
    app_server: AppServer, page: object, tmp_path: Path
) -> None:
    from playwright.sync_api import Page, expect

    assert isinstance(page, Page)
    slow = 60_000
    page.set_default_timeout(slow)
    page.set_default_navigation_timeout(slow)
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.on("websocket", lambda ws: urls.append(ws.url))
    exports = app_server.home / "exports"
    exports.mkdir(parents=True)

    page.goto(app_server.url)
    page.locator(".goalkit-patient-ref input").fill(REF)
    page.locator(".goalkit-new").click()
    status = page.locator(".goalkit-save-state")
    expect(status).to_contain_text("All changes saved (version 1)", timeout=slow)
    page.get_by_role("tab", name="Goals").click()
    page.locator(".goalkit-goal-statement textarea").fill(GOAL)
    expect(status).to_contain_text("All changes saved (version 2)", timeout=slow)
    page.get_by_role("tab", name="Export and history").click()
    page.locator(".goalkit-export-make").click()
    for fmt in export.FORMATS:
        link = page.locator(f"a.goalkit-download-{fmt}")
        expect(link).to_be_visible(timeout=slow)
        with page.expect_download() as info:
            link.click()
        info.value.save_as(exports / info.value.suggested_filename)
    page.reload()
    expect(page.locator(".goalkit-open-list option")).to_contain_text(REF, timeout=slow)
    urls.append(page.url)

    with Store(app_server.home) as store:
        [summary] = store.list()
        stored = store.load(summary.id).worksheet
    assert stored.patient_ref == REF
    src = tmp_path / "worksheet.json"
    fileformat.save(stored, src)
    for fmt in export.FORMATS:
        for extra in ([], ["--deidentify"]):
            done = subprocess.run(
                [sys.executable, "-m", "goalkit", "export", str(src), "--to", fmt,
                 "-o", str(exports), *extra],
                capture_output=True, text=True, cwd=ROOT, timeout=120,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            assert REF not in done.stdout + done.stderr
    page.close()
    stop(app_server.proc)  # the log is complete once the server has stopped

    names = [p.name for p in app_server.home.rglob("*")]
    # the app's downloads and the command's full exports share names (id and date)
    assert len(list(exports.iterdir())) == 2 * len(export.FORMATS)
    assert not [n for n in names if REF in n or REF.lower() in n.lower()], names
    assert urls and not [u for u in urls if REF in u], urls
    log = (tmp_path / "voila.log").read_bytes()
    assert b"Kernel started" in log  # it is the server's log
    assert REF.encode() not in log
    assert json.dumps(REF).encode() not in log
