"""Progress over check-ins as pandas tables, plus trends that explain themselves.

- :func:`tidy_checkins`: long format, one row per check-in x goal x value (the GAS level and
  each recorded measure); columns in :data:`TIDY_COLUMNS`.
- :func:`trajectory`: one goal's GAS level and measures, one row per check-in.
- :func:`visits`: one row per check-in with pain, adherence and both GAS T-scores over time.
- :func:`psfs_summary`: the PSFS mean per check-in (Stratford et al. 1995: mean of the activity
  scores, 0-10), its change and whether it passes the 2-point minimal detectable change.
- :func:`pain_trend`, :func:`adherence_trend`: typed summaries with a plain message.

Milestones, plateaus and setbacks come from :mod:`goalkit.patterns` (pure, no pandas) and are
re-exported here. Check-ins are read in date order; values not recorded are left out, never
filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from goalkit.gas import score_worksheet
from goalkit.model import Worksheet
from goalkit.patterns import (
    Finding,
    Milestone,
    Point,
    find_goal,
    milestones,
    ordered_checkins,
    plateaus,
    setbacks,
)
from goalkit.progress_rules import MEANINGFUL_CHANGE, Threshold, higher_is_better

__all__ = [
    "PSFS_COLUMNS",
    "TIDY_COLUMNS",
    "VISIT_COLUMNS",
    "Finding",
    "Milestone",
    "Trend",
    "adherence_trend",
    "find_goal",
    "milestones",
    "pain_trend",
    "plateaus",
    "psfs_summary",
    "setbacks",
    "tidy_checkins",
    "trajectory",
    "visits",
]

TIDY_COLUMNS: dict[str, str] = {
    "checkin_id": "id of the check-in",
    "date": "date of the check-in (datetime64)",
    "goal_id": "id of the goal",
    "role": "'primary' or 'secondary'",
    "domain": "the goal's domain, or missing",
    "kind": "'gas_level' or 'measure'",
    "measure_id": "the measure's id; missing on gas_level rows",
    "name": "'GAS level' or the measure's name",
    "instrument": "the measure's instrument; missing on gas_level rows",
    "unit": "the measure's unit; missing on gas_level rows",
    "value": "the recorded value (float)",
    "baseline": "the measure's baseline, or the GAS scale's baseline level",
    "target": "the measure's target; 0 (the expected level) on gas_level rows",
    "higher_is_better": "direction used: fixed by the instrument, else told by baseline and "
                        "target, else the measure's setting",
    "pain": "pain 0-10 at that check-in (repeated on each of its rows)",
    "adherence": "adherence % at that check-in (repeated on each of its rows)",
}
VISIT_COLUMNS = ("checkin_id", "date", "pain", "adherence", "t_unweighted", "t_weighted",
                 "goals_scored")
PSFS_COLUMNS = ("date", "version", "n_items", "mean", "reference", "change", "mdc",
                "beyond_mdc")
_FLOATS = ("value", "baseline", "target", "pain", "adherence")


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...] | list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    frame["date"] = pd.to_datetime(frame["date"])
    for col in (*_FLOATS, "t_unweighted", "t_weighted", "mean", "reference", "change", "mdc"):
        if col in frame:
            frame[col] = frame[col].astype("float64")
    return frame


def tidy_checkins(ws: Worksheet) -> pd.DataFrame:
    """Every recorded GAS level and measure value, one row each (see :data:`TIDY_COLUMNS`)."""
    rows: list[dict[str, Any]] = []
    for c in ordered_checkins(ws):
        shared = {"checkin_id": c.id, "date": c.date, "pain": c.pain, "adherence": c.adherence}
        for gc in c.goals:
            goal = ws.goal(gc.goal_id)
            about = {"goal_id": goal.id, "role": goal.role, "domain": goal.domain}
            if gc.gas_level is not None:
                rows.append({**shared, **about, "kind": "gas_level", "name": "GAS level",
                             "value": gc.gas_level, "target": 0.0, "higher_is_better": True,
                             "baseline": goal.gas.baseline if goal.gas else None})
            for m in goal.measures:
                if m.id in gc.measures:
                    rows.append({**shared, **about, "kind": "measure", "measure_id": m.id,
                                 "name": m.name or m.id, "instrument": m.instrument,
                                 "unit": m.unit, "value": gc.measures[m.id],
                                 "baseline": m.baseline, "target": m.target,
                                 "higher_is_better": higher_is_better(m)})
    frame = _frame(rows, list(TIDY_COLUMNS))
    frame["higher_is_better"] = frame["higher_is_better"].astype("bool")
    return frame


def trajectory(ws: Worksheet, goal_id: str) -> pd.DataFrame:
    """One goal over time: ``date``, ``gas_level`` and one column per measure id."""
    goal = find_goal(ws, goal_id)
    rows: list[dict[str, Any]] = []
    for c in ordered_checkins(ws):
        for gc in c.goals:
            if gc.goal_id == goal.id:
                row: dict[str, Any] = {"date": c.date, "gas_level": gc.gas_level}
                row.update({m.id: gc.measures.get(m.id) for m in goal.measures})
                rows.append(row)
    frame = _frame(rows, ["date", "gas_level", *(m.id for m in goal.measures)])
    return frame.astype({col: "float64" for col in frame.columns if col != "date"})


def visits(ws: Worksheet) -> pd.DataFrame:
    """One row per check-in: pain, adherence and both GAS T-scores (see :data:`VISIT_COLUMNS`)."""
    rows: list[dict[str, Any]] = []
    for c in ordered_checkins(ws):
        score = score_worksheet(ws, at=c)
        rows.append({"checkin_id": c.id, "date": c.date, "pain": c.pain,
                     "adherence": c.adherence, "t_unweighted": score.unweighted,
                     "t_weighted": score.weighted,
                     "goals_scored": sum(g.in_unweighted for g in score.goals)})
    return _frame(rows, VISIT_COLUMNS)


def psfs_summary(ws: Worksheet) -> pd.DataFrame:
    """PSFS mean per check-in and version (see :data:`PSFS_COLUMNS`).

    ``reference`` is the mean of the items' baselines when every item has one, else the first
    check-in's mean; ``change`` is signed so that positive is better (PSFS 2.0 counts down, as
    the model's instrument list says); ``beyond_mdc`` is True when ``|change| >= mdc`` (2).
    """
    mdc = MEANINGFUL_CHANGE["psfs_mean"].value
    rows: list[dict[str, Any]] = []
    for version in ("psfs", "psfs2"):
        items = [m for g in ws.goals for m in g.measures if m.instrument == version]
        if not items:
            continue
        sign = 1 if version == "psfs" else -1
        baselines = [m.baseline for m in items if m.baseline is not None]
        reference = sum(baselines) / len(baselines) if len(baselines) == len(items) else None
        ids = {m.id for m in items}
        for c in ordered_checkins(ws):
            values = [v for gc in c.goals for k, v in gc.measures.items() if k in ids]
            if not values:
                continue
            mean = sum(values) / len(values)
            reference = mean if reference is None else reference
            change = sign * (mean - reference)
            rows.append({"date": c.date, "version": version, "n_items": len(values),
                         "mean": mean, "reference": reference, "change": change, "mdc": mdc,
                         "beyond_mdc": abs(change) >= mdc})
    frame = _frame(rows, PSFS_COLUMNS)
    frame["beyond_mdc"] = frame["beyond_mdc"].astype("bool")
    return frame


@dataclass(frozen=True)
class Trend:
    """A value followed over check-ins, summarised in one plain message."""

    name: str
    points: tuple[Point, ...]
    first: float | None
    last: float | None
    change: float | None
    threshold: Threshold | None
    meaningful: bool | None
    message: str


def _n(v: float) -> str:
    return f"{v:g}"


def pain_trend(ws: Worksheet) -> Trend:
    """Pain (0-10) over check-ins; a change of 2 points or more counts as meaningful."""
    points = tuple((c.date, c.pain) for c in ordered_checkins(ws) if c.pain is not None)
    threshold = MEANINGFUL_CHANGE["nrs_pain"]
    if len(points) < 2:
        msg = "Pain needs ratings at two or more check-ins to show a trend."
        last = points[-1][1] if points else None
        return Trend("pain", points, last, last, None, threshold, None, msg)
    first, last = points[0][1], points[-1][1]
    change = last - first
    meaningful = abs(change) >= threshold.value
    way = "down" if change < 0 else "up" if change > 0 else "unchanged"
    size = f" {_n(abs(change))} point{'' if abs(change) == 1 else 's'}" if change else ""
    verdict = ("a change of the size usually felt as important" if meaningful
               else "less than the 2 points usually felt as important")
    msg = (f"Pain went from {_n(first)} to {_n(last)} ({way}{size}) over {len(points)} "
           f"check-ins: {verdict} (Farrar et al. 2001).")
    return Trend("pain", points, first, last, change, threshold, meaningful, msg)


def adherence_trend(ws: Worksheet) -> Trend:
    """Adherence (% of agreed tasks done) over check-ins: its average and latest value."""
    points = tuple((c.date, float(c.adherence)) for c in ordered_checkins(ws)
                   if c.adherence is not None)
    if not points:
        return Trend("adherence", (), None, None, None, None, None,
                     "No adherence recorded yet.")
    first, last = points[0][1], points[-1][1]
    mean = sum(v for _, v in points) / len(points)
    msg = (f"Adherence averaged {mean:.0f}% over {len(points)} check-ins; the latest was "
           f"{_n(last)}%.")
    return Trend("adherence", points, first, last, last - first, None, None, msg)

