"""Milestones, plateaus and setbacks in a worksheet's check-ins, as explained findings.

Pure Python over the model (no pandas): the app and the PDF can call it cheaply. Every value
series is read in check-in date order, skipping check-ins where the value was not recorded.
What counts as a meaningful change, and the progressions offered, are data in
:mod:`goalkit.progress_rules`.

- **plateau**: over the last N recorded values (N = ``window``, default 3) the change toward
  better is below the meaningful change, the latest value is still short of the target, and no
  setback is found. Suggestions come from ``PROGRESSIONS`` for the goal's domain.
- **setback**: the latest value is worse than the best earlier value by at least the
  meaningful change (a flare-up after gains, or a drop from where the patient started). It
  points to the contingency plans of barriers linked to the goal, else to every plan.
- **milestone**: the first check-in at the expected GAS level (0 or above), a step marked done,
  the first check-in where a measure reaches its target.

The charts read the same series: :func:`pick_series` chooses the one a goal's progress chart
shows, :func:`alt_text` describes it in words, and :data:`NO_CHECKINS` and
:data:`GAS_LEVEL_NAMES` are shared by the matplotlib charts (:mod:`goalkit.charts`) and the
hand-built SVG of the exports (:mod:`goalkit.export.svgchart`), which must not load matplotlib.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from goalkit.display import day, number
from goalkit.gas import goal_label, goal_number
from goalkit.model import Barrier, CheckIn, Goal, OutcomeMeasure, Worksheet
from goalkit.progress_rules import (
    CONTEXT_PLATEAU_ADVICE,
    GENERAL_PLATEAU_ADVICE,
    MEANINGFUL_CHANGE,
    PROGRESSIONS,
    SETBACK_WORDS,
    WINDOW,
    Threshold,
    higher_is_better,
    threshold_for,
)

__all__ = [
    "GAS_LEVEL_NAMES",
    "NO_CHECKINS",
    "Finding",
    "Milestone",
    "Point",
    "Series",
    "SetbackSummary",
    "all_series",
    "alt_text",
    "find_goal",
    "measure_of",
    "milestones",
    "ordered_checkins",
    "pick_series",
    "plateaus",
    "reached",
    "setback_summaries",
    "setbacks",
]

Point = tuple[dt.date, float]

NO_CHECKINS = "No check-ins yet: record one to see progress here."
"""What a chart (or its description) says when the worksheet has no check-ins."""

GAS_LEVEL_NAMES: dict[int, str] = {-2: "-2 much less", -1: "-1 somewhat less", 0: "0 expected",
                                   1: "+1 somewhat more", 2: "+2 much more"}
"""Axis labels for the five GAS levels on a chart."""


def find_goal(ws: Worksheet, goal_id: str) -> Goal:
    """The goal with ``goal_id``; ValueError naming the known ids when there is none."""
    try:
        return ws.goal(goal_id)
    except KeyError:
        known = ", ".join(g.id for g in ws.goals)
        raise ValueError(f"no goal {goal_id!r} on this worksheet (goals: {known})") from None


def ordered_checkins(ws: Worksheet) -> tuple[CheckIn, ...]:
    """Check-ins by date (recording order on the same date)."""
    return tuple(sorted(ws.checkins, key=lambda c: c.date))


def reached(value: float, target: float, higher: bool) -> bool:
    """Whether ``value`` is at or beyond ``target`` in the better direction."""
    return value >= target if higher else value <= target


@dataclass(frozen=True)
class Series:
    """One value followed over check-ins: a goal's GAS level, a measure, or overall pain."""

    goal: Goal | None
    key: str
    name: str
    points: tuple[Point, ...]
    higher: bool
    threshold: Threshold | None
    target: float | None
    unit: str = ""
    goal_name: str = ""
    """The goal in words, numbered as on the worksheet ("main goal 'Walk 2 km...'")."""


_last_series: tuple[Worksheet, tuple[Series, ...]] | None = None
"""The worksheet :func:`all_series` last read and its series: a chart, its description and the
view around it ask for the same worksheet's series several times in a row. A worksheet is
frozen, so the same object always has the same series."""


def all_series(ws: Worksheet) -> list[Series]:
    """Every followed series: GAS level and measures per goal, then the worksheet's pain."""
    global _last_series
    last = _last_series
    if last is not None and last[0] is ws:
        return list(last[1])
    out = _all_series(ws)
    _last_series = (ws, tuple(out))
    return out


def _all_series(ws: Worksheet) -> list[Series]:
    checkins = ordered_checkins(ws)
    out: list[Series] = []
    for goal in ws.goals:
        name = goal_label(goal, number=goal_number(ws, goal.id))
        entries = [(c.date, gc) for c in checkins for gc in c.goals if gc.goal_id == goal.id]
        levels = tuple((d, float(gc.gas_level)) for d, gc in entries if gc.gas_level is not None)
        out.append(Series(goal, "gas", "GAS level", levels, True,
                          MEANINGFUL_CHANGE["gas_level"], 0.0, "", name))
        for m in goal.measures:
            pts = tuple((d, gc.measures[m.id]) for d, gc in entries if m.id in gc.measures)
            out.append(Series(goal, m.id, m.name or "measure", pts, higher_is_better(m),
                              threshold_for(m), m.target, m.unit, name))
    pain = tuple((c.date, c.pain) for c in checkins if c.pain is not None)
    out.append(Series(None, "pain", "pain", pain, False, MEANINGFUL_CHANGE["nrs_pain"], None,
                      "0-10"))
    return out


def measure_of(goal: Goal, key: str) -> OutcomeMeasure | None:
    """The goal's measure whose id is ``key`` (a :attr:`Series.key`); None for its GAS level."""
    return next((m for m in goal.measures if m.id == key), None)


def pick_series(ws: Worksheet, goal: Goal, measure_id: str | None) -> Series:
    """The series a progress chart of ``goal`` shows: the measure ``measure_id`` if given, else
    the goal's first measure with recorded values, else its first measure, else its GAS level.

    Raises ValueError naming the goal's measures when it has no measure ``measure_id``.
    """
    mine = {s.key: s for s in all_series(ws) if s.goal is not None and s.goal.id == goal.id}
    if measure_id is not None:
        if measure_id not in {m.id for m in goal.measures}:
            known = ", ".join(m.id for m in goal.measures) or "none"
            raise ValueError(f"goal {goal.id!r} has no measure {measure_id!r} (measures: {known})")
        return mine[measure_id]
    measures = [mine[m.id] for m in goal.measures]
    recorded = [s for s in measures if s.points]
    return (recorded or measures or [mine["gas"]])[0]


def alt_text(ws: Worksheet, goal_id: str | None = None, measure_id: str | None = None) -> str:
    """A short text description of a goal's progress chart (the series :func:`pick_series`
    chooses), or with no goal, of the chart of every goal's GAS level; for an ``alt`` text or
    an SVG ``<desc>``. Raises ValueError for an unknown goal or measure."""
    if not ws.checkins:
        return NO_CHECKINS
    if goal_id is None:
        parts = []
        for s in all_series(ws):
            if s.key == "gas" and s.goal is not None and s.points:
                parts.append(f"{s.goal_name}: level {s.points[-1][1]:+g}")
        return "GAS levels at the latest check-in. " + "; ".join(parts) + "."
    goal = find_goal(ws, goal_id)
    s = pick_series(ws, goal, measure_id)
    if not s.points:
        return f"No values recorded yet for {s.name}."
    target = "" if s.target is None else f"; target {number(s.target, s.unit)}"
    return (f"{s.name} for the {s.goal_name}: {number(s.points[0][1], s.unit)} on "
            f"{day(s.points[0][0])}, {number(s.points[-1][1], s.unit)} on "
            f"{day(s.points[-1][0])}{target}.")


@dataclass(frozen=True)
class Finding:
    """A plateau or setback: what was watched, the rule, the values that triggered it."""

    kind: Literal["plateau", "setback"]
    goal_id: str | None
    series: str
    rule: str
    dates: tuple[dt.date, ...]
    values: tuple[float, ...]
    threshold: Threshold
    message: str
    suggestions: tuple[str, ...]


def _num(v: float, unit: str = "") -> str:
    return number(v, unit)


def _about(s: Series) -> str:
    text = f"{s.name} for the {s.goal_name}" if s.goal else s.name
    return text[:1].upper() + text[1:]


def _setback(s: Series) -> Finding | None:
    if s.threshold is None or len(s.points) < 2:
        return None
    sign = 1 if s.higher else -1
    *earlier, (last_date, last) = s.points
    best_date, best = max(reversed(earlier), key=lambda p: sign * p[1])
    if sign * (best - last) < s.threshold.value:
        return None
    gains = sign * (best - s.points[0][1]) > 0
    return Finding(
        "setback", s.goal.id if s.goal else None, s.name,
        f"latest value worse than the best earlier one by {_num(s.threshold.value, s.unit)} or "
        "more",
        (best_date, last_date), (best, last), s.threshold,
        f"{_about(s)} went from {_num(best, s.unit)} on {day(best_date)} to "
        f"{_num(last, s.unit)} on {day(last_date)}"
        + (", after earlier gains." if gains else "."),
        (),
    )


def _plateau(s: Series, window: int, ws_context: str | None = None) -> Finding | None:
    if s.threshold is None or s.target is None or len(s.points) < window:
        return None
    run = s.points[-window:]
    sign = 1 if s.higher else -1
    gain = sign * (run[-1][1] - run[0][1])
    if reached(run[-1][1], s.target, s.higher) or gain >= s.threshold.value:
        return None
    domain = s.goal.domain if s.goal else None
    extra = CONTEXT_PLATEAU_ADVICE.get(ws_context or "")
    context = (extra,) if extra else ()
    return Finding(
        "plateau", s.goal.id if s.goal else None, s.name,
        f"change toward the target below {_num(s.threshold.value, s.unit)} over the last "
        f"{window} "
        "recorded values, target not yet reached",
        tuple(d for d, _ in run), tuple(v for _, v in run), s.threshold,
        f"{_about(s)} has not moved meaningfully over the last {window} check-ins "
        f"({', '.join(_num(v, s.unit) for _, v in run)}; target {_num(s.target, s.unit)}).",
        (*PROGRESSIONS.get(domain, PROGRESSIONS[None]), *context, GENERAL_PLATEAU_ADVICE),
    )


def _plans(ws: Worksheet, goal_id: str | None) -> tuple[str, ...]:
    barriers = [b for b in ws.barriers if b.plan.strip()]
    linked = [b for b in barriers if goal_id is not None and goal_id in b.goal_ids]
    chosen = linked or barriers
    if not chosen:
        return ("No contingency plan is written yet: agree one for flare-ups and setbacks.",)
    return tuple(f"Plan for '{b.text or 'a setback'}': {b.plan}" for b in chosen)


def setbacks(ws: Worksheet) -> list[Finding]:
    """Setbacks on every followed series, each pointing to the worksheet's contingency plans."""
    found = [f for s in all_series(ws) if (f := _setback(s)) is not None]
    return [
        Finding(f.kind, f.goal_id, f.series, f.rule, f.dates, f.values, f.threshold,
                f.message + " Setbacks are common; go back to the plan agreed for them.",
                _plans(ws, f.goal_id))
        for f in found
    ]


def plateaus(ws: Worksheet, window: int = WINDOW) -> list[Finding]:
    """Plateaus below target, with progression ideas for the goal's domain."""
    if window < 2:
        raise ValueError(f"a plateau window needs at least 2 check-ins (got {window})")
    return [
        f for s in all_series(ws)
        if _setback(s) is None and (f := _plateau(s, window, ws.context)) is not None
    ]


@dataclass(frozen=True)
class Milestone:
    """Something to celebrate, in plain language."""

    date: dt.date
    kind: Literal["expected_level", "step_done", "target_reached"]
    goal_id: str
    message: str


def _reached(s: Series, value: float, label: str) -> str:
    name = f"{s.name[:1].upper()}{s.name[1:]}"
    target = _num(s.target, s.unit) if s.target is not None else ""
    if value == s.target:
        return f"{name} reached its target of {target} on the {label}."
    return f"{name} reached {_num(value, s.unit)}, past its target of {target}, on the {label}."


_KIND_ORDER = {"step_done": 0, "target_reached": 1, "expected_level": 2}


def milestones(ws: Worksheet) -> list[Milestone]:
    """First time at the expected GAS level, steps done, measures reaching target; by date."""
    found: list[Milestone] = []
    for s in all_series(ws):
        if s.goal is None or s.target is None:
            continue
        hit = next(((d, v) for d, v in s.points if reached(v, s.target, s.higher)), None)
        if hit is None:
            continue
        label = s.goal_name
        if s.key == "gas":
            found.append(Milestone(hit[0], "expected_level", s.goal.id,
                                   f"First time at the expected level on the {label}."))
        else:
            found.append(Milestone(hit[0], "target_reached", s.goal.id,
                                   _reached(s, hit[1], label)))
    for goal in ws.goals:
        for step in goal.steps:
            if step.done_on is not None:
                text = step.text.strip() or "a step"
                label = goal_label(goal, number=goal_number(ws, goal.id))
                found.append(Milestone(step.done_on, "step_done", goal.id,
                                       f"Step done: '{text}', toward the {label}."))
    order = {g.id: i for i, g in enumerate(ws.goals)}
    return sorted(found, key=lambda m: (m.date, _KIND_ORDER[m.kind], order[m.goal_id]))


@dataclass(frozen=True)
class SetbackSummary:
    """Every setback seen at one check-in, told once, with the plans that fit them."""

    date: dt.date
    findings: tuple[Finding, ...]
    plans: tuple[str, ...]

    @property
    def message(self) -> str:
        what = " ".join(f.message.split(" Setbacks are common")[0] for f in self.findings)
        return f"{what} Setbacks are common; go back to the plan agreed for them."


def _fitting_plans(ws: Worksheet, findings: tuple[Finding, ...]) -> tuple[str, ...]:
    """The contingency plans written for these setbacks: a plan linked to a goal that fell
    back, or whose barrier names what happened (pain, a flare-up for a pain setback); else
    every plan."""
    barriers = [b for b in ws.barriers if b.plan.strip()]
    if not barriers:
        return ("No contingency plan is written yet: agree one for flare-ups and setbacks.",)
    goals = {f.goal_id for f in findings if f.goal_id}
    pain = any(f.series == "pain" or f.threshold is MEANINGFUL_CHANGE["nrs_pain"]
               for f in findings)
    words = SETBACK_WORDS["pain"] if pain else SETBACK_WORDS["level"]

    def fit(b: Barrier) -> int:
        text = b.text.lower()
        return 2 * bool(goals & set(b.goal_ids)) + any(w in text for w in words)

    best = max(fit(b) for b in barriers)
    chosen = [b for b in barriers if fit(b) == best] if best else barriers
    return tuple(f"Plan for '{b.text or 'a setback'}': {b.plan}" for b in chosen)


def setback_summaries(ws: Worksheet) -> list[SetbackSummary]:
    """One summary per check-in where something fell back (not one block per measure)."""
    by_date: dict[dt.date, list[Finding]] = {}
    for f in setbacks(ws):
        by_date.setdefault(f.dates[-1], []).append(f)
    return [
        SetbackSummary(d, tuple(fs), _fitting_plans(ws, tuple(fs)))
        for d, fs in sorted(by_date.items())
    ]
