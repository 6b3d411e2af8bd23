"""JSON and CSV exports."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from goalkit import export, fileformat
from goalkit.export.csv import COLUMNS
from goalkit.model import Goal, Worksheet, evolve
from tests.conftest import full_worksheet


def test_json_export_is_the_file_format() -> None:
    ws = full_worksheet()
    assert fileformat.loads(export.to_json(ws)) == ws


def test_csv_has_one_row_per_goal_then_per_goal_check_in() -> None:
    frame = pd.read_csv(io.StringIO(export.to_csv(full_worksheet())))
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["record"]) == ["goal", "goal", "checkin"]
    goal = frame.iloc[0]
    assert goal["statement"].startswith("Walk 2 km to the park")
    assert goal["gas_expected"] == "Walks 2 km"
    assert goal["icf_codes"] == "d450"
    checkin = frame.iloc[2]
    assert checkin["date"] == "2026-01-14"
    assert checkin["gas_level"] == -1
    assert checkin["measures"] == "Walking distance (m): 700; PSFS: play five-a-side (0-10): 3"
    assert checkin["pain"] == 5


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_neutralises_spreadsheet_formulas(start: str) -> None:
    ws = full_worksheet()
    hostile = evolve(ws.primary, statement=f'{start}HYPERLINK("http://x","click")')
    ws = evolve(ws, goals=(hostile, *ws.secondary))
    frame = pd.read_csv(io.StringIO(export.to_csv(ws)))
    assert frame.iloc[0]["statement"].startswith("'" + start)


def test_default_filename_never_carries_the_patient_reference() -> None:
    ws = Worksheet(id="abc123", patient_ref="Jane Smith 1970-01-01", goals=(Goal(),))
    name = export.default_filename(ws, "pdf", on=dt.date(2026, 1, 2))
    assert name == "goalkit-abc123-2026-01-02.pdf"


def test_render_rejects_unknown_formats() -> None:
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        export.render(full_worksheet(), "docx")
