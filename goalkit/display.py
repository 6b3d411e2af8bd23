"""How numbers, dates and times read everywhere goalkit shows them: one format each.

- Numbers as typed: ``5`` not ``5.0``, ``2.5`` not ``2.50000``, never an exponent for the
  figures a clinic uses; with the unit when there is one (``700 m``, ``5/10`` for a 0-10 score).
- Dates in one readable, unambiguous form: ``14 Jan 2026`` (day, short month, year), so 03/04
  is never read as March or April; the weekday where a patient plans around it.
- Times in the computer's own time zone, named: ``14 Jan 2026, 15:04 CET``; stored times are
  UTC and are converted here, at the last moment.

>>> number(5.0), number(2.5), number(1234567.0), number(0.1 + 0.2)
('5', '2.5', '1234567', '0.3')
>>> number(700, "m"), number(5, "0-10")
('700 m', '5/10')
>>> day(dt.date(2026, 1, 4)), weekday(dt.date(2026, 1, 4))
('4 Jan 2026', 'Sunday, 4 Jan 2026')
"""

from __future__ import annotations

import datetime as dt

from .model import CheckIn, Worksheet

__all__ = ["checkin_summary", "day", "moment", "number", "weekday"]


def number(value: float | int | None, unit: str = "") -> str:
    """``value`` as a person would type it, followed by ``unit`` (a scale like ``0-10`` is
    written as ``5/10``); empty for None."""
    if value is None:
        return ""
    text = f"{float(value):.10g}"
    if "e" in text:  # a figure no clinic types; still readable without an exponent
        text = f"{float(value):f}".rstrip("0").rstrip(".")
    unit = unit.strip()
    if not unit:
        return text
    lo, sep, hi = unit.partition("-")
    if sep and lo.strip() == "0" and hi.strip().isdigit():
        return f"{text}/{hi.strip()}"
    return f"{text} {unit}"


def day(value: dt.date | dt.datetime | None) -> str:
    """``14 Jan 2026``; a date-time is first converted to local time."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = _local(value)
    return f"{value.day} {value:%b %Y}"


def weekday(value: dt.date) -> str:
    """``Wednesday, 14 Jan 2026``: the one date format, with the day of the week, for
    appointments a patient plans around."""
    return f"{value:%A}, {day(value)}"


def _local(value: dt.datetime) -> dt.datetime:
    return value.astimezone() if value.tzinfo is not None else value


def moment(value: dt.datetime, *, seconds: bool = False) -> str:
    """``14 Jan 2026, 15:04 CET``: local time with the zone's name (naive times are taken to
    be local already)."""
    local = _local(value)
    zone = local.strftime("%Z") if local.tzinfo is not None else ""
    clock = local.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{day(local)}, {clock}" + (f" {zone}" if zone else "")


def checkin_summary(ws: Worksheet, checkin: CheckIn) -> str:
    """One line for a past check-in: date, each goal's level and measures, pain, tasks done.

    >>> from goalkit.model import GoalCheckIn, Goal, OutcomeMeasure
    >>> m = OutcomeMeasure(id="walk", name="Walking distance", unit="m")
    >>> ws = Worksheet(goals=(Goal(id="g1", measures=(m,)),))
    >>> c = CheckIn(date=dt.date(2026, 1, 14), pain=5.0, adherence=80,
    ...             goals=(GoalCheckIn(goal_id="g1", gas_level=-1, measures={"walk": 700.0}),))
    >>> checkin_summary(ws, c)
    '14 Jan 2026 · goal 1: level -1, Walking distance 700 m · pain 5/10 · home tasks done 80%'
    """
    parts = [day(checkin.date)]
    numbers = {g.id: n for n, g in enumerate((ws.primary, *ws.secondary), start=1)}
    for gc in sorted(checkin.goals, key=lambda gc: numbers.get(gc.goal_id, 9)):
        goal = next((g for g in ws.goals if g.id == gc.goal_id), None)
        if goal is None:
            continue
        said = [] if gc.gas_level is None else [f"level {gc.gas_level:+d}".replace("+0", "0")]
        if gc.status:
            said.append(gc.status + (f" ({gc.reason})" if gc.reason else ""))
        for m in goal.measures:
            if m.id in gc.measures:
                said.append(f"{m.name or 'measure'} {number(gc.measures[m.id], m.unit)}")
        if said:
            parts.append(f"goal {numbers[goal.id]}: " + ", ".join(said))
    if checkin.pain is not None:
        parts.append(f"pain {number(checkin.pain, '0-10')}")
    if checkin.adherence is not None:
        parts.append(f"home tasks done {checkin.adherence}%")
    return " · ".join(parts)
