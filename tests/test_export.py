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


def test_csv_is_tidy_one_row_per_goal_per_checkin_with_numeric_columns() -> None:
    """Point 16: numbers in numeric columns, units in the header, nothing to parse."""
    from goalkit.edit import record_checkin
    from goalkit.model import CheckIn, GoalCheckIn

    ws = record_checkin(full_worksheet(), CheckIn(date=dt.date(2026, 1, 28), pain=3.5, goals=(
        GoalCheckIn(goal_id="g-primary", gas_level=0, measures={"walk": 1500}),
        GoalCheckIn(goal_id="g-second", gas_level=1, status="achieved"))))
    text = export.to_csv(ws)
    frame = pd.read_csv(io.StringIO(text))
    assert list(frame.columns) == [*COLUMNS, "G1 Walking distance (m)",
                                   "G1 PSFS: play five-a-side (0-10)"]
    assert list(zip(frame["date"], frame["goal_number"], strict=True)) == [
        ("2026-01-14", 1), ("2026-01-28", 1), ("2026-01-28", 2)]
    for col in ("goal_number", "gas_level", "pain_0_10", "home_tasks_done_percent",
                "t_score_unweighted", "G1 Walking distance (m)"):
        assert pd.api.types.is_numeric_dtype(frame[col]), col
    assert list(frame["G1 Walking distance (m)"].fillna(-1)) == [700, 1500, -1]
    assert list(frame["pain_0_10"]) == [5, 3.5, 3.5]
    assert frame["t_score_unweighted"].iloc[0] == pytest.approx(40.0)
    assert frame["status"].iloc[2] == "achieved"
    assert "700.0" not in text and ",5.0," not in text


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_neutralises_spreadsheet_formulas(start: str) -> None:
    ws = full_worksheet()
    hostile = evolve(ws.primary, statement=f'{start}HYPERLINK("http://x","click")')
    ws = evolve(ws, goals=(hostile, *ws.secondary))
    frame = pd.read_csv(io.StringIO(export.to_csv(ws)))
    assert frame.iloc[0]["statement"].startswith("'" + start)
    empty = pd.read_csv(io.StringIO(export.to_csv(evolve(ws, checkins=()))))
    assert list(empty["goal_number"]) == [1, 2]  # no check-ins: one row per goal


def test_default_filename_never_carries_the_patient_reference() -> None:
    ws = Worksheet(id="abc123", patient_ref="Jane Smith 1970-01-01", goals=(Goal(),))
    name = export.default_filename(ws, "pdf", on=dt.date(2026, 1, 2))
    assert name == "goalkit-abc123-2026-01-02.pdf"


def test_render_rejects_unknown_formats() -> None:
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        export.render(full_worksheet(), "docx")
