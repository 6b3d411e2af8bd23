"""Calendar export: every step's target date and every review as an iCalendar file (RFC 5545,
built with ``icalendar``) that a phone's calendar imports, each with a reminder the day before.

Dates in goalkit are days, not times, so every event is an all-day event (``VALUE=DATE``): it
falls on the same day whatever time zone the phone is in, and carries no ``TZID``. The reminder
fires 15 hours before the day starts, that is at 09:00 the day before, in the phone's own time.
Only ``DTSTAMP`` is a time: the worksheet's last change, in UTC.

Neither the calendar nor any event is named after the patient: the calendar is "My goal plan",
events are the steps as typed and "Goal review" (goalkit's words, in the worksheet's
language). Control characters, which iCalendar text cannot hold, are dropped; everything else
is kept as typed.

>>> import datetime as dt
>>> from goalkit.model import Review, Worksheet
>>> text = to_ics(Worksheet(id="demo01", reviews=(Review(id="r1", date=dt.date(2026, 3, 2)),)))
>>> "DTSTART;VALUE=DATE:20260302" in text and "TRIGGER:-PT15H" in text
True
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Worksheet
from .i18n import N_

__all__ = ["CALENDAR_NAME", "REMINDER", "to_ics"]

CALENDAR_NAME = N_("My goal plan")  # shown in the worksheet's language
REMINDER = dt.timedelta(hours=-15)
"""Alarm offset from the start of an all-day event: 09:00 on the day before."""

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    """Text iCalendar can hold: line breaks as ``\\n``, no other control characters."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def to_ics(ws: Worksheet, *, deidentify: bool = False) -> str:
    """The worksheet's dates as iCalendar text; ``deidentify=True`` leaves out what
    :data:`goalkit.export.deidentify.DROPPED` lists (none of it reaches the calendar anyway)."""
    import icalendar

    if deidentify:
        from .deidentify import deidentify as strip

        ws = strip(ws)
    from .i18n import translator

    _ = translator(ws.language).gettext
    cal = icalendar.Calendar()
    cal.add("prodid", "-//goalkit//goal plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _(CALENDAR_NAME))
    stamp = ws.updated.astimezone(dt.UTC)
    seen: set[str] = set()

    def event(uid: str, day: dt.date, summary: str, description: str) -> None:
        while uid in seen:  # step ids are unique in practice, but the model does not insist
            uid += "-again"
        seen.add(uid)
        ev = icalendar.Event()
        ev.add("uid", f"{ws.id}-{uid}@goalkit.invalid")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        ev.add("summary", _clean(summary))
        ev.add("transp", "TRANSPARENT")  # a deadline, not a busy slot
        if description:
            ev.add("description", _clean(description))
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", REMINDER)
        alarm.add("description", _clean(_("Tomorrow: %(what)s") % {"what": summary}))
        ev.add_component(alarm)
        cal.add_component(ev)

    for goal in (ws.primary, *ws.secondary):
        for step in goal.steps:
            if step.target_date is not None:
                event(
                    f"step-{goal.id}-{step.id}",
                    step.target_date,
                    step.text or _("A step toward my goal"),
                    _("Goal: %(goal)s") % {"goal": goal.statement} if goal.statement else "",
                )
    for review in ws.reviews:
        event(f"review-{review.id}", review.date, _("Goal review"), review.purpose)
    text: str = cal.to_ical().decode("utf-8")
    return text
