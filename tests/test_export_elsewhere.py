"""The export panel's additions of issue 15, headless: the FHIR and calendar downloads, the
reading level and the language of the handout."""

from __future__ import annotations

import base64
import re

import icalendar

from goalkit import fileformat
from goalkit.export.fhir import from_fhir
from goalkit.store import Store
from goalkit.widgets.app import WorksheetApp
from goalkit.widgets.export_panel import ExportPanel
from tests.conftest import full_worksheet, upload_file


def _panel(store: Store) -> ExportPanel:
    app = WorksheetApp(store, autosave_delay=0, list_refresh=0)
    upload_file(app, "plan.json", fileformat.dumps(full_worksheet()).encode())
    panel = app.panels["export"]
    assert isinstance(panel, ExportPanel)
    return panel


def _files(html: str) -> dict[str, tuple[str, bytes]]:
    found = re.findall(
        r'goalkit-download-([a-z]+)" download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html
    )
    return {kind: (name, base64.b64decode(data)) for kind, name, data in found}


def test_fhir_download_reads_back_to_the_worksheet(store: Store) -> None:
    panel = _panel(store)
    panel.make.click()
    files = _files(panel.elsewhere.value)
    name, data = files["fhir"]
    assert name.endswith(".fhir.json") and "P-014" not in name
    assert from_fhir(data) == panel.ws  # the worksheet on screen, as saved
    panel.deidentify.value = True
    panel.make.click()
    name, data = _files(panel.elsewhere.value)["fhir"]
    assert name.endswith("-deidentified.fhir.json")
    assert from_fhir(data).clinician is None


def test_calendar_download_holds_the_dates(store: Store) -> None:
    panel = _panel(store)
    panel.make.click()
    name, data = _files(panel.elsewhere.value)["ics"]
    assert name.endswith(".ics") and "P-014" not in name
    assert 'data:text/calendar;base64,' in panel.elsewhere.value
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["summary"]) for e in events][-1] == "Goal review"


def test_reading_level_is_shown_beside_its_target(store: Store) -> None:
    panel = _panel(store)
    panel.preview_button.click()
    shown = panel.reading.value
    assert "Reading level of the patient part" in shown
    assert "Target for patient handouts: grade 6-8 or below" in shown
    assert re.search(r"grade \d+\.\d, (easy to read|within|harder)", shown)
