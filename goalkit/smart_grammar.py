"""The small words the SMART detectors steer by, and the token helpers they share.

The lexicons in :mod:`goalkit.smart_rules` say what a goal is about; the closed word classes here
(prepositions, day parts, ordinals, clause breaks) say how its words hang together, so the
readers in :mod:`goalkit.smart_scan_time`, :mod:`goalkit.smart_scan_amounts` and
:mod:`goalkit.smart_scan_activities` hold logic only.

>>> from goalkit._text import tokenize
>>> toks = tokenize("twenty five minutes, twice")
>>> read_number(toks, 0), number_total(toks, 0, 2), clause_end(toks, 0), norm_at(toks, 9)
(2, 25.0, 3, '')
"""

from __future__ import annotations

from goalkit import smart_rules as R
from goalkit._text import Token, number_value

__all__ = [
    "AFTER_EVENT",
    "CLAUSE_END",
    "COMPARATORS",
    "COMPARATOR_ENDS",
    "DATE_PREPS",
    "DAY_PARTS",
    "EVENT_PREPS",
    "FREQ_MARKERS",
    "FREQ_STARTS",
    "HORIZON_PREPS",
    "HOURS",
    "ORDINALS",
    "PERIODS",
    "PLANS",
    "PLURAL_DAY_PARTS",
    "POSSESSIVES",
    "REFLEXIVES",
    "RELATIVE",
    "SPELLS",
    "TIME_STARTS",
    "WINDOW_STOP",
    "clause_end",
    "norm_at",
    "number_total",
    "read_number",
]

# --- people and things -------------------------------------------------------------------------
POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
REFLEXIVES = frozenset({"myself", "himself", "herself", "themselves", "yourself"})

# --- units of time -----------------------------------------------------------------------------
PERIODS = frozenset(u for u, kind in R.UNITS.items() if kind == "period")
HOURS = frozenset({"hour", "hours", "hr", "hrs", "h"})
DAY_PARTS = frozenset({"morning", "evening", "night", "afternoon", "weekday", "weekend"})
PLURAL_DAY_PARTS = frozenset({"mornings", "evenings", "nights", "afternoons", "weekdays",
                              "weekends"})
ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final", "1st", "2nd",
                      "3rd", "4th"})

# --- words around a time frame -----------------------------------------------------------------
# Before a span of time: "within 6 weeks", "over the next month".
HORIZON_PREPS = frozenset({"within", "in", "over", "during", "for", "after", "at", "by",
                           "before", "until", "till", "inside"})
# Before (or around) a date: "by 1 June", "starting Monday", "early March".
DATE_PREPS = frozenset({"by", "before", "until", "till", "on", "from", "starting", "start",
                        "in", "during", "after", "since", "around", "beginning", "of", "end",
                        "early", "late", "mid", "next", "this", "commencing"})
# Before an occasion used as a deadline: "before discharge", "ahead of my holiday".
EVENT_PREPS = frozenset({"by", "before", "until", "till", "at", "on", "ahead", "prior",
                         "in", "during", "for", "from"})
# After a span of time, tying it to an event: "6 weeks after surgery", "3 months post-op".
AFTER_EVENT = frozenset({"of", "after", "post", "following", "from", "since", "postop",
                         "postoperatively"})
RELATIVE = frozenset({"this", "next", "coming"})
# After a span of time, naming a planned meeting: "a 6 week review".
PLANS = frozenset({"review", "appointment", "programme", "program", "plan", "course", "block",
                   "check", "follow", "mark"})
# Stretches of care that can end: "by the end of my rehab stay".
SPELLS = frozenset({"rehab", "rehabilitation", "stay", "admission", "programme", "program",
                    "course", "block", "treatment", "therapy", "physio", "season", "term",
                    "quarter", "semester", "contract", "sessions"})

# --- where a phrase stops ----------------------------------------------------------------------
CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "so", "because", "but",
                        "while", "when", "then", "although", "whilst"})
WINDOW_STOP = CLAUSE_END | {"with", "without", "and", "or", "every", "each", "so", "to",
                            "using", "within"}

# --- amounts -----------------------------------------------------------------------------------
# Words before an amount that belong to it ("no more than 4/10", "at least 20 minutes").
# NB: order matters, the first that fits is taken: "no more than" must come before "more than".
COMPARATORS = (("no", "more", "than"), ("no", "higher", "than"), ("no", "lower", "than"),
               ("no", "less", "than"), ("less", "than"), ("more", "than"), ("at", "least"),
               ("at", "most"), ("up", "to"), ("under",), ("below",), ("above",), ("over",),
               ("fewer", "than"), ("in", "under"))
COMPARATOR_ENDS = frozenset(words[-1] for words in COMPARATORS)

# --- where a reader looks closer ---------------------------------------------------------------
# Words that can start a time expression or a frequency (numbers can start either): other
# tokens are skipped without a closer look.
TIME_STARTS = (HORIZON_PREPS | RELATIVE | DATE_PREPS | EVENT_PREPS | R.MONTHS | R.WEEKDAYS
               | {"today", "tomorrow", "tonight", "end", "a", "an", "week", "weeks", "wk", "wks",
                  "once", "day", "days"})
FREQ_STARTS = (frozenset({"every", "each", "a", "per"}) | R.FREQUENCY_WORDS | R.WEEKDAYS)
FREQ_MARKERS = frozenset({"a", "per", "each", "every"})


# --- token helpers -----------------------------------------------------------------------------
def norm_at(tokens: list[Token], i: int) -> str:
    """The normalised word at ``i``, or "" outside the token list."""
    return tokens[i].norm if 0 <= i < len(tokens) else ""


def read_number(tokens: list[Token], i: int) -> int:
    """End index of a number starting at ``i`` ("twenty five", "6,000", "a couple of"), or i."""
    n = len(tokens)
    if i < n and tokens[i].norm in ("a", "an") and norm_at(tokens, i + 1) == "couple":
        return i + 3 if norm_at(tokens, i + 2) == "of" else i + 2
    j = i
    limit = min(n, i + 4)  # "one hundred and twenty" at most: keeps long digit runs linear
    while j < limit and tokens[j].is_num and tokens[j].norm not in ORDINALS:
        j += 1
    if j > i and norm_at(tokens, j) == "and" and norm_at(tokens, j + 1) in ("a", "an") \
            and norm_at(tokens, j + 2) == "half":
        j += 3
    return j


def number_total(tokens: list[Token], i: int, j: int) -> float:
    """The value of the number read from tokens ``[i, j)`` ("five and a half": 5.5)."""
    total = 0.0
    for tok in tokens[i:j]:
        v = number_value(tok)
        if v is not None:
            total = total * v if v >= 100 and total else total + v
    return total


def clause_end(toks: list[Token], j: int) -> int:
    """Where the clause running from ``j`` stops (a clause break or "and"; 8 tokens at most)."""
    n = len(toks)
    limit = min(n, j + 8)
    while j < limit and toks[j].norm not in CLAUSE_END and toks[j].norm != "and":
        j += 1
    return j
