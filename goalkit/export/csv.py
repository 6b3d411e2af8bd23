"""CSV export: one row per goal, then one row per goal at each check-in (through pandas).

Cells a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return)
get a leading apostrophe, so a hostile goal text cannot execute in Excel or LibreOffice.
"""

from __future__ import annotations

from typing import Any

from ..model import Goal, Worksheet

__all__ = ["COLUMNS", "rows", "to_csv"]

COLUMNS = (
    "record",  # "goal" or "checkin"
    "worksheet_id",
    "goal_id",
    "role",
    "domain",
    "statement",
    "activity",
    "support",
    "quantity",
    "time_frame",
    "confidence",
    "importance",
    "difficulty",
    "icf_codes",
    "gas_baseline",
    "gas_expected",
    "date",
    "gas_level",
    "measures",
    "pain",
    "adherence",
    "notes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _measures(goal: Goal, values: dict[str, float] | None = None) -> str:
    parts = []
    for m in goal.measures:
        if values is None:
            parts.append(f"{m.name} ({m.unit}): baseline {m.baseline}, target {m.target}")
        elif m.id in values:
            parts.append(f"{m.name} ({m.unit}): {values[m.id]:g}")
    return "; ".join(parts)


def rows(worksheet: Worksheet) -> list[dict[str, Any]]:
    """The CSV's rows as dictionaries keyed by :data:`COLUMNS`."""
    out: list[dict[str, Any]] = []
    for g in worksheet.goals:
        out.append(
            {
                "record": "goal",
                "worksheet_id": worksheet.id,
                "goal_id": g.id,
                "role": g.role,
                "domain": g.domain,
                "statement": g.statement,
                **g.parts.model_dump(),
                "confidence": g.confidence,
                "importance": g.importance,
                "difficulty": g.difficulty,
                "icf_codes": " ".join(g.icf_codes),
                "gas_baseline": g.gas.baseline if g.gas else None,
                "gas_expected": g.gas.text(0) if g.gas else None,
                "measures": _measures(g),
            }
        )
    for c in sorted(worksheet.checkins, key=lambda c: c.date):
        for gc in c.goals:
            goal = worksheet.goal(gc.goal_id)
            out.append(
                {
                    "record": "checkin",
                    "worksheet_id": worksheet.id,
                    "goal_id": gc.goal_id,
                    "role": goal.role,
                    "date": c.date.isoformat(),
                    "gas_level": gc.gas_level,
                    "measures": _measures(goal, gc.measures),
                    "pain": c.pain,
                    "adherence": c.adherence,
                    "notes": " ".join(t for t in (gc.note, c.notes) if t),
                }
            )
    return [{k: _cell(r.get(k)) for k in COLUMNS} for r in out]


def to_csv(worksheet: Worksheet, *, deidentify: bool = False) -> str:
    """The worksheet as CSV text (UTF-8, header row, ``COLUMNS`` order); ``deidentify=True``
    leaves out what :data:`goalkit.export.deidentify.DROPPED` lists (here: check-in notes)."""
    import pandas as pd

    if deidentify:
        from .deidentify import deidentify as strip

        worksheet = strip(worksheet)

    frame = pd.DataFrame(rows(worksheet), columns=list(COLUMNS))
    for col in ("confidence", "importance", "difficulty", "gas_baseline", "gas_level", "adherence"):
        frame[col] = frame[col].astype("Int64")
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text
