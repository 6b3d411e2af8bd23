"""Small builders for worksheets with check-in series, shared by the progress and GAS tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from goalkit.model import (
    Barrier,
    CheckIn,
    Goal,
    GoalCheckIn,
    OutcomeMeasure,
    Review,
    Worksheet,
)

START = dt.date(2026, 3, 2)


def week(n: int) -> dt.date:
    """The date ``n`` weeks after :data:`START`."""
    return START + dt.timedelta(weeks=n)


def measure(mid: str, **kw: Any) -> OutcomeMeasure:
    return OutcomeMeasure(id=mid, name=kw.pop("name", mid), **kw)


def goal(gid: str, role: str = "primary", **kw: Any) -> Goal:
    return Goal(id=gid, role=role, statement=kw.pop("statement", f"Goal {gid}"), **kw)


def checkin(
    n: int,
    *,
    pain: float | None = None,
    adherence: int | None = None,
    **goals: tuple[int | None, dict[str, float]] | int | None,
) -> CheckIn:
    """A check-in in week ``n``; each keyword is a goal id -> level or (level, measures)."""
    entries = []
    for gid, value in goals.items():
        level, values = value if isinstance(value, tuple) else (value, {})
        entries.append(GoalCheckIn(goal_id=gid, gas_level=level, measures=values))
    return CheckIn(id=f"w{n}", date=week(n), goals=tuple(entries), pain=pain,
                   adherence=adherence)


def sheet(
    goals: list[Goal],
    checkins: list[CheckIn] | tuple[CheckIn, ...] = (),
    barriers: tuple[Barrier, ...] = (),
    reviews: tuple[Review, ...] = (),
) -> Worksheet:
    return Worksheet(goals=tuple(goals), checkins=tuple(checkins), barriers=barriers,
                     reviews=reviews)


def levels_sheet(*levels: int | None, domain: str | None = "exercise") -> Worksheet:
    """One primary goal whose GAS level at week i is ``levels[i]``."""
    return sheet([goal("g", domain=domain)], [checkin(i, g=lv) for i, lv in enumerate(levels)])


def measure_sheet(m: OutcomeMeasure, *values: float | None, domain: str | None = None) -> Worksheet:
    """One primary goal with measure ``m`` recorded as ``values`` week by week (None: skipped)."""
    cis = [checkin(i, g=(None, {} if v is None else {m.id: v})) for i, v in enumerate(values)]
    return sheet([goal("g", domain=domain, measures=(m,))], cis)
