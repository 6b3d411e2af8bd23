"""Time-bound: months, weekdays, named occasions used as deadlines, and vague times.

Read through :mod:`goalkit.smart_rules`; the grammar of time expressions (which prepositions
start one) is in :mod:`goalkit.smart_grammar`.
"""

from __future__ import annotations

__all__ = [
    "CALENDAR",
    "EVENTS",
    "MONTHS",
    "VAGUE_TIME",
    "WEEKDAYS",
]

# --- Time-bound -------------------------------------------------------------------------------
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
})
WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # as notes shorten them ("next Thurs"; not "sat" or "sun", which are words)
    "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri",
})
# Named occasions that serve as deadlines after by / before / until / at ...
EVENTS = frozenset({
    "discharge", "wedding", "holiday", "holidays", "vacation", "birthday", "christening",
    "graduation", "anniversary", "reunion", "trip", "cruise", "surgery", "operation", "op",
    "review", "appointment", "follow", "check", "clinic", "season", "race", "tournament",
    "competition", "term", "semester", "retirement", "christmas", "easter", "thanksgiving",
    "diwali", "eid", "hanukkah", "ramadan", "spring", "summer", "autumn", "winter", "fall",
    "tomorrow", "today", "tonight", "visit", "consultation", "quarter", "assessment",
    "reassessment", "midsummer", "midwinter", "weekend", "meeting", "mdt", "xmas", "session",
    "mri", "scan", "injection", "rosh", "hashanah", "passover", "lent", "kippur",
})
# Dates on the calendar among EVENTS: "after Easter" is a date, "after surgery" is not.
CALENDAR = frozenset({
    "christmas", "easter", "thanksgiving", "diwali", "eid", "hanukkah", "ramadan", "spring",
    "summer", "autumn", "winter", "half", "new", "xmas", "rosh", "passover", "lent", "kippur",
})
# Vague times: worth naming in a message, never a time frame.
VAGUE_TIME = (
    "soon", "eventually", "one day", "someday", "some day", "in the future", "at some point",
    "asap", "as soon as possible", "a few weeks", "a few months", "a few days",
    "few weeks", "few months", "coming weeks", "coming months", "long term", "short term",
    "in time", "one of these days", "when i can", "in due course",
)
