"""CSV export for audit: tidy, one row per goal per check-in, numbers in numeric columns.

Each row is one goal at one check-in: its level, status, the check-in's pain and home tasks,
the worksheet's T-scores at that check-in, and one column per outcome measure, named with its
goal and unit (``G1 Walking distance (m)``), holding the number recorded (empty when none was).
A spreadsheet or pandas reads every number as a number; nothing is packed into text. A
worksheet without check-ins gives one row per goal with the check-in columns empty.

Cells a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return)
get a leading apostrophe, so a hostile goal text cannot execute in Excel or LibreOffice.
"""

from __future__ import annotations

from typing import Any

from ..gas import score_worksheet
from ..model import CheckIn, Goal, GoalCheckIn, Worksheet

__all__ = ["COLUMNS", "NUMERIC", "measure_columns", "rows", "to_csv"]

COLUMNS = (
    "worksheet_id",
    "date",
    "goal_number",  # 1 the main goal, 2 and 3 the others
    "goal_role",
    "goal_id",
    "statement",
    "domain",
    "confidence_0_10",
    "importance_0_3",
    "difficulty_0_3",
    "gas_baseline",
    "gas_level",
    "status",
    "status_reason",
    "pain_0_10",
    "home_tasks_done_percent",
    "t_score_unweighted",
    "t_score_weighted",
    "notes",
)
"""The fixed columns; one column per outcome measure follows (:func:`measure_columns`)."""
NUMERIC = frozenset(
    {
        "goal_number",
        "confidence_0_10",
        "importance_0_3",
        "difficulty_0_3",
        "gas_baseline",
        "gas_level",
        "pain_0_10",
        "home_tasks_done_percent",
        "t_score_unweighted",
        "t_score_weighted",
    }
)
_WHOLE = ("goal_number", "confidence_0_10", "importance_0_3", "difficulty_0_3", "gas_baseline",
          "gas_level", "home_tasks_done_percent")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _ordered(ws: Worksheet) -> list[Goal]:
    return [ws.primary, *ws.secondary]


def measure_columns(ws: Worksheet) -> dict[tuple[str, str], str]:
    """(goal id, measure id) -> column name, e.g. ``G1 Walking distance (m)``; unique."""
    out: dict[tuple[str, str], str] = {}
    for n, goal in enumerate(_ordered(ws), start=1):
        for m in goal.measures:
            unit = f" ({m.unit})" if m.unit.strip() else ""
            name = " ".join(f"G{n} {m.name or 'measure'}{unit}".split())
            while name in out.values() or name in COLUMNS:
                name = f"{name} [{m.id}]"
            out[(goal.id, m.id)] = name
    return out


def rows(worksheet: Worksheet) -> list[dict[str, Any]]:
    """The CSV's rows as dictionaries keyed by the column names."""
    measures = measure_columns(worksheet)
    out: list[dict[str, Any]] = []

    def row(n: int, goal: Goal, c: CheckIn | None, gc: GoalCheckIn | None) -> dict[str, Any]:
        score = score_worksheet(worksheet, at=c) if c is not None else None
        values = {
            col: (gc.measures.get(mid) if gc is not None else None)
            for (gid, mid), col in measures.items()
        }
        return {
            "worksheet_id": worksheet.id,
            "date": c.date.isoformat() if c else None,
            "goal_number": n,
            "goal_role": "main" if goal.role == "primary" else "other",
            "goal_id": goal.id,
            "statement": goal.statement,
            "domain": goal.domain,
            "confidence_0_10": goal.confidence,
            "importance_0_3": goal.importance,
            "difficulty_0_3": goal.difficulty,
            "gas_baseline": goal.gas.baseline if goal.gas else None,
            "gas_level": gc.gas_level if gc else None,
            "status": gc.status if gc else None,
            "status_reason": gc.reason if gc else None,
            "pain_0_10": c.pain if c else None,
            "home_tasks_done_percent": c.adherence if c else None,
            "t_score_unweighted": round(score.unweighted, 2) if score and score.unweighted
            is not None else None,
            "t_score_weighted": round(score.weighted, 2) if score and score.weighted
            is not None else None,
            "notes": " ".join(t for t in ((gc.note if gc else ""), (c.notes if c else "")) if t),
            **{col: v for col, v in values.items() if gc is not None and v is not None},
        }

    goals = _ordered(worksheet)
    checkins = sorted(worksheet.checkins, key=lambda c: c.date)
    for c in checkins:
        recorded = {gc.goal_id: gc for gc in c.goals}
        for n, goal in enumerate(goals, start=1):
            if goal.id in recorded:
                out.append(row(n, goal, c, recorded[goal.id]))
    if not checkins:
        out = [row(n, goal, None, None) for n, goal in enumerate(goals, start=1)]
    header = (*COLUMNS, *measures.values())
    return [{k: _cell(r.get(k)) for k in header} for r in out]


def to_csv(worksheet: Worksheet, *, deidentify: bool = False) -> str:
    """The worksheet as tidy CSV text (UTF-8, header row); ``deidentify=True`` leaves out what
    :data:`goalkit.export.deidentify.DROPPED` lists (here: check-in notes)."""
    import pandas as pd

    if deidentify:
        from .deidentify import deidentify as strip

        worksheet = strip(worksheet)

    header = [*COLUMNS, *measure_columns(worksheet).values()]
    frame = pd.DataFrame(rows(worksheet), columns=header)
    for col in _WHOLE:
        frame[col] = frame[col].astype("Int64")
    for col in ("pain_0_10", "t_score_unweighted", "t_score_weighted", *header[len(COLUMNS):]):
        frame[col] = frame[col].astype("Float64")
    text: str = frame.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    return text
