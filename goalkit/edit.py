"""Pure edits of a worksheet: each takes a worksheet and returns a validated new one.

The app's panels call these instead of reaching into nested records, so every change goes
through the same validation and the model stays the single source of truth.

>>> from goalkit.model import Worksheet
>>> ws = add_secondary_goal(Worksheet())
>>> [g.role for g in ws.goals]
['primary', 'secondary']
>>> ws = update_goal(ws, ws.primary.id, statement="Walk 1 km within 4 weeks")
>>> ws.primary.statement
'Walk 1 km within 4 weeks'
"""

from __future__ import annotations

from typing import Any, Literal

from .model import (
    Agreement,
    Barrier,
    CheckIn,
    EarlierWording,
    Goal,
    OutcomeMeasure,
    Priority,
    Review,
    Step,
    Worksheet,
    evolve,
)

__all__ = [
    "GoalList",
    "add_barrier",
    "add_goal_item",
    "add_review",
    "add_secondary_goal",
    "keep_earlier_wording",
    "record_checkin",
    "remove_barrier",
    "remove_checkin",
    "remove_goal",
    "remove_goal_item",
    "remove_review",
    "set_agreement",
    "set_priorities",
    "update_barrier",
    "update_checkin",
    "update_goal",
    "update_goal_item",
    "update_measure",
    "update_review",
]

GoalList = Literal["steps", "measures"]
_ITEM_TYPES: dict[str, type[Step] | type[OutcomeMeasure]] = {
    "steps": Step,
    "measures": OutcomeMeasure,
}


def _replace(items: tuple[Any, ...], item_id: str, **changes: Any) -> tuple[Any, ...]:
    found = False
    out = []
    for item in items:
        if item.id == item_id:
            item = evolve(item, **changes)
            found = True
        out.append(item)
    if not found:
        raise KeyError(item_id)
    return tuple(out)


def update_goal(ws: Worksheet, goal_id: str, **changes: Any) -> Worksheet:
    """Change fields of one goal."""
    return evolve(ws, goals=_replace(ws.goals, goal_id, **changes))


def add_secondary_goal(ws: Worksheet) -> Worksheet:
    """Add an empty secondary goal (a worksheet holds at most two; the model enforces it)."""
    return evolve(ws, goals=(*ws.goals, Goal(role="secondary")))


def remove_goal(ws: Worksheet, goal_id: str) -> Worksheet:
    """Remove a secondary goal, and its links from barriers and check-ins."""
    goal = ws.goal(goal_id)
    if goal.role == "primary":
        raise ValueError("the primary goal cannot be removed; rewrite it instead")
    barriers = tuple(
        evolve(b, goal_ids=tuple(g for g in b.goal_ids if g != goal_id)) for b in ws.barriers
    )
    checkins = tuple(
        evolve(c, goals=tuple(gc for gc in c.goals if gc.goal_id != goal_id)) for c in ws.checkins
    )
    return evolve(
        ws,
        goals=tuple(g for g in ws.goals if g.id != goal_id),
        barriers=barriers,
        checkins=checkins,
    )


def add_goal_item(ws: Worksheet, goal_id: str, kind: GoalList, **fields: Any) -> Worksheet:
    """Append a step or an outcome measure to a goal."""
    goal = ws.goal(goal_id)
    item = _ITEM_TYPES[kind](**fields)
    return update_goal(ws, goal_id, **{kind: (*getattr(goal, kind), item)})


def update_goal_item(
    ws: Worksheet, goal_id: str, kind: GoalList, item_id: str, **changes: Any
) -> Worksheet:
    goal = ws.goal(goal_id)
    return update_goal(ws, goal_id, **{kind: _replace(getattr(goal, kind), item_id, **changes)})


def remove_goal_item(ws: Worksheet, goal_id: str, kind: GoalList, item_id: str) -> Worksheet:
    goal = ws.goal(goal_id)
    kept = tuple(i for i in getattr(goal, kind) if i.id != item_id)
    return update_goal(ws, goal_id, **{kind: kept})


def update_measure(ws: Worksheet, goal_id: str, measure_id: str, **changes: Any) -> Worksheet:
    """Change a measure. Picking a standard instrument fills in its usual name and unit where
    none was typed, and its direction (``goalkit.progress_rules``); for a custom measure,
    baseline and target, once both are set, decide the direction."""
    from .progress_rules import (
        INSTRUMENT_DEFAULTS,
        INSTRUMENT_HIGHER_IS_BETTER,
        inferred_direction,
    )

    goal = ws.goal(goal_id)
    measure = next((m for m in goal.measures if m.id == measure_id), None)
    if measure is None:
        raise KeyError(measure_id)
    measure = evolve(measure, **changes)
    extra: dict[str, Any] = {}
    if "instrument" in changes and measure.instrument in INSTRUMENT_DEFAULTS:
        name, unit = INSTRUMENT_DEFAULTS[measure.instrument]
        extra = {"name": measure.name or name, "unit": measure.unit or unit}
    fixed = INSTRUMENT_HIGHER_IS_BETTER.get(measure.instrument)
    direction = fixed if fixed is not None else inferred_direction(measure)
    if direction is not None and "higher_is_better" not in changes:
        extra["higher_is_better"] = direction
    return update_goal_item(ws, goal_id, "measures", measure_id, **changes, **extra)


def add_barrier(ws: Worksheet, **fields: Any) -> Worksheet:
    return evolve(ws, barriers=(*ws.barriers, Barrier(**fields)))


def update_barrier(ws: Worksheet, barrier_id: str, **changes: Any) -> Worksheet:
    return evolve(ws, barriers=_replace(ws.barriers, barrier_id, **changes))


def remove_barrier(ws: Worksheet, barrier_id: str) -> Worksheet:
    return evolve(ws, barriers=tuple(b for b in ws.barriers if b.id != barrier_id))


def record_checkin(ws: Worksheet, checkin: CheckIn) -> Worksheet:
    """Add a check-in, kept in date order."""
    return evolve(ws, checkins=tuple(sorted((*ws.checkins, checkin), key=lambda c: c.date)))


def update_checkin(ws: Worksheet, checkin: CheckIn) -> Worksheet:
    """Replace the check-in with the same id (a correction), kept in date order."""
    if all(c.id != checkin.id for c in ws.checkins):
        raise KeyError(checkin.id)
    kept = tuple(checkin if c.id == checkin.id else c for c in ws.checkins)
    return evolve(ws, checkins=tuple(sorted(kept, key=lambda c: c.date)))


def remove_checkin(ws: Worksheet, checkin_id: str) -> Worksheet:
    """Delete one check-in (the store keeps every earlier revision, so it can come back)."""
    if all(c.id != checkin_id for c in ws.checkins):
        raise KeyError(checkin_id)
    return evolve(ws, checkins=tuple(c for c in ws.checkins if c.id != checkin_id))


def set_agreement(ws: Worksheet, goal_id: str, **changes: Any) -> Worksheet:
    """Record who agreed the goal and when (``by``, ``on``); both empty removes the record."""
    goal = ws.goal(goal_id)
    agreed = evolve(goal.agreed or Agreement(), **changes)
    return update_goal(ws, goal_id, agreed=None if agreed == Agreement() else agreed)


def keep_earlier_wording(ws: Worksheet, goal_id: str, until: Any, reason: str = "") -> Worksheet:
    """Keep the goal's current wording in its record before it is rewritten (a revision at a
    review); the statement itself is left for the clinician and patient to rewrite."""
    goal = ws.goal(goal_id)
    if not goal.statement.strip() or (
        goal.earlier and goal.earlier[-1].statement == goal.statement
    ):
        return ws
    kept = EarlierWording(statement=goal.statement, until=until, reason=reason)
    return update_goal(ws, goal_id, earlier=(*goal.earlier, kept))


def set_priorities(ws: Worksheet, texts: list[str]) -> Worksheet:
    """Replace the priorities with ``texts`` (blank lines dropped).

    A priority keeps its id while its position is unchanged, so goals stay linked to it;
    links to priorities that no longer exist are removed from the goals.
    """
    texts = [t.strip() for t in texts if t.strip()]
    old = ws.priorities
    new = tuple(
        Priority(id=old[i].id, text=t) if i < len(old) else Priority(text=t)
        for i, t in enumerate(texts)
    )
    kept = {p.id for p in new}
    goals = tuple(
        evolve(g, priority_ids=tuple(p for p in g.priority_ids if p in kept)) for g in ws.goals
    )
    return evolve(ws, priorities=new, goals=goals)


def add_review(ws: Worksheet, **fields: Any) -> Worksheet:
    """Add a review date, kept in date order."""
    reviews = (*ws.reviews, Review(**fields))
    return evolve(ws, reviews=tuple(sorted(reviews, key=lambda r: r.date)))


def update_review(ws: Worksheet, review_id: str, **changes: Any) -> Worksheet:
    reviews = _replace(ws.reviews, review_id, **changes)
    return evolve(ws, reviews=tuple(sorted(reviews, key=lambda r: r.date)))


def remove_review(ws: Worksheet, review_id: str) -> Worksheet:
    return evolve(ws, reviews=tuple(r for r in ws.reviews if r.id != review_id))
