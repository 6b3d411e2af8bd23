"""Read a goal statement once and collect what it contains: activities, amounts, help, times.

The SMART checks in :mod:`goalkit.smart` only look at the :class:`Scan` built here. Detectors
run in the order of :data:`DETECTORS`; each adds :class:`Hit` records, and the number readers
"claim" the tokens they use so a later reader does not read the same words twice.

>>> scan = scan_text("Walk 1 km without a rest within 6 weeks")
>>> [(h.kind, h.text) for h in scan.all("quantity", "condition", "time")]
[('quantity', '1 km'), ('condition', 'without a rest'), ('time', 'within 6 weeks')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from goalkit import smart_rules as R
from goalkit._text import (
    DETERMINERS,
    PhraseIndex,
    Token,
    build_lemmas,
    covered,
    number_value,
    tokenize,
)

__all__ = ["DETECTORS", "MAX_CHARS", "Hit", "Scan", "scan_text"]

# A goal is a sentence or two. Longer input is cut here (and the report says so), which also
# bounds the work done on pasted documents.
MAX_CHARS = 5000


@dataclass(frozen=True, slots=True)
class Hit:
    """Something found in the text: tokens ``[start, end)`` and the words quoted from it."""

    kind: str
    start: int
    end: int
    text: str
    info: tuple[str, ...] = ()


@dataclass
class Scan:
    """Tokens of one goal statement and everything the detectors found in them."""

    text: str
    tokens: list[Token]
    hits: dict[str, list[Hit]] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    truncated: bool = False

    def add(self, kind: str, start: int, end: int, info: tuple[str, ...] = ()) -> Hit:
        hit = Hit(kind, start, end, self.quote(start, end), info)
        self.hits.setdefault(kind, []).append(hit)
        return hit

    def quote(self, start: int, end: int) -> str:
        """The original words of tokens ``[start, end)``."""
        if start >= end:
            return ""
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def all(self, *kinds: str) -> list[Hit]:
        """Hits of the given kinds, in text order."""
        out = [h for k in kinds for h in self.hits.get(k, ())]
        return sorted(out, key=lambda h: (h.start, -h.end))

    def merged(self, hits: Iterable[Hit]) -> tuple[str, ...]:
        """Quotes of ``hits`` with touching or overlapping ones joined ("feel" + "better")."""
        spans: list[list[int]] = []
        for h in sorted(hits, key=lambda h: (h.start, h.end)):
            if spans and h.start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], h.end)
            else:
                spans.append([h.start, h.end])
        return tuple(dict.fromkeys(self.quote(a, b) for a, b in spans))

    def has(self, kind: str) -> bool:
        return bool(self.hits.get(kind))

    def claim(self, start: int, end: int) -> None:
        self.claimed.update(range(start, end))

    def free(self, start: int, end: int) -> bool:
        return self.claimed.isdisjoint(range(start, end))


# --- the phrase index over every lexicon ----------------------------------------------------
def _entries() -> Iterable[tuple[str, object]]:
    for group, phrases in R.ACTIVITIES.items():
        for phrase in phrases:
            yield phrase, ("activity", group, "task" if phrase in R.TASKS else "")
    for phrase in R.COMPOUNDS:
        yield phrase, ("compound",)
    for phrase, (kind, advice) in R.STATES.items():
        yield phrase, ("state", kind, advice)
    for phrase in R.PAIN:
        yield phrase, ("pain",)
    for phrase in R.SUPPORT_PHRASES:
        yield phrase, ("support",)
    for phrase in R.CONDITIONS:
        yield phrase, ("condition",)
    for phrase in R.VAGUE_TIME:
        yield phrase, ("vague_time",)
    for phrase in R.ABSOLUTES:
        yield phrase, ("absolute",)
    for phrase in R.REASONS:
        yield phrase, ("reason",)
    for phrase in R.VAGUE_MEASURE:
        yield phrase, ("vague",)
    for phrase in R.PASSIVE:
        yield phrase, ("passive",)
    for phrase, (why, rewording) in R.LANGUAGE.items():
        yield phrase, ("language", why, rewording)


_INDEX = PhraseIndex(_entries())
# Only content words get inflections: "as" must not read as a form of "a".
_LEMMAS = build_lemmas(
    (w for w in _INDEX.words if len(w) > 2 and w not in R.STOPWORDS and w not in R.DEST_PREPS),
    R.IRREGULAR,
)

_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})
_REFLEXIVES = frozenset({"myself", "himself", "herself", "themselves", "yourself"})
_PERIODS = frozenset(u for u, kind in R.UNITS.items() if kind == "period")
_HOURS = frozenset({"hour", "hours", "hr", "hrs", "h"})
_DAY_PARTS = frozenset({"morning", "evening", "night", "afternoon", "weekday", "weekend"})
_PLURAL_DAY_PARTS = frozenset({"mornings", "evenings", "nights", "afternoons", "weekdays",
                               "weekends"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "last", "final", "1st", "2nd",
                       "3rd", "4th"})
_HORIZON_PREPS = frozenset({"within", "in", "over", "during", "for", "after", "at", "by",
                            "before", "until", "till", "inside"})
_DATE_PREPS = frozenset({"by", "before", "until", "till", "on", "from", "starting", "start",
                         "in", "during", "after", "since", "around", "beginning", "of", "end",
                         "early", "late", "mid", "next", "this", "commencing"})
_EVENT_PREPS = frozenset({"by", "before", "until", "till", "at", "on", "ahead", "prior",
                          "in", "during", "for"})
_AFTER_EVENT = frozenset({"of", "after", "post", "following", "from", "since", "postop",
                          "postoperatively"})
_RELATIVE = frozenset({"this", "next", "coming"})
_PLANS = frozenset({"review", "appointment", "programme", "program", "plan", "course", "block",
                    "check", "follow"})
# Stretches of care that can end: "by the end of my rehab stay".
_SPELLS = frozenset({"rehab", "rehabilitation", "stay", "admission", "programme", "program",
                     "course", "block", "treatment", "therapy", "physio", "season", "term",
                     "quarter", "semester", "contract", "sessions"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "so", "because", "but",
                         "while", "when", "then", "although", "whilst"})
_WINDOW_STOP = _CLAUSE_END | {"with", "without", "and", "or", "every", "each", "so", "to",
                              "using", "within"}
_COMPARATORS = (("no", "more", "than"), ("no", "higher", "than"), ("no", "lower", "than"),
                ("no", "less", "than"), ("less", "than"), ("more", "than"), ("at", "least"),
                ("at", "most"), ("up", "to"), ("under",), ("below",), ("above",), ("over",),
                ("fewer", "than"), ("in", "under"))
_COMPARATOR_ENDS = frozenset(words[-1] for words in _COMPARATORS)
# Words that can start a time expression or a frequency (numbers can start either): other
# tokens are skipped without a closer look.
_TIME_STARTS = (_HORIZON_PREPS | _RELATIVE | _DATE_PREPS | _EVENT_PREPS | R.MONTHS | R.WEEKDAYS
                | {"today", "tomorrow", "tonight", "end", "a", "an"})
_FREQ_STARTS = (frozenset({"every", "each", "a", "per"}) | R.FREQUENCY_WORDS | R.WEEKDAYS)
_FREQ_MARKERS = frozenset({"a", "per", "each", "every"})


def _norm(tokens: list[Token], i: int) -> str:
    return tokens[i].norm if 0 <= i < len(tokens) else ""


def _read_number(tokens: list[Token], i: int) -> int:
    """End index of a number starting at ``i`` ("twenty five", "6,000", "a couple of"), or i."""
    n = len(tokens)
    if i < n and tokens[i].norm in ("a", "an") and _norm(tokens, i + 1) == "couple":
        return i + 3 if _norm(tokens, i + 2) == "of" else i + 2
    j = i
    limit = min(n, i + 4)  # "one hundred and twenty" at most: keeps long digit runs linear
    while j < limit and tokens[j].is_num and tokens[j].norm not in _ORDINALS:
        j += 1
    if j > i and _norm(tokens, j) == "and" and _norm(tokens, j + 1) in ("a", "an") \
            and _norm(tokens, j + 2) == "half":
        j += 3
    return j


def _value(tokens: list[Token], i: int, j: int) -> float:
    total = 0.0
    for tok in tokens[i:j]:
        v = number_value(tok)
        if v is not None:
            total = total * v if v >= 100 and total else total + v
    return total


# --- detectors --------------------------------------------------------------------------------
def _lexicon(scan: Scan) -> None:
    """Every lexicon phrase, longest first at each position; shorter ones inside it are kept
    for now (the activity step below decides what an activity inside a compound means)."""
    for m in _INDEX.scan(scan.tokens):
        payload = m.payload
        assert isinstance(payload, tuple)
        kind, *info = payload
        scan.add(str(kind), m.start, m.end, (m.phrase, *map(str, info)))
    for h in scan.hits.get("vague_time", ()):
        scan.claim(h.start, h.end)


def _time_frames(scan: Scan) -> None:
    """Deadlines, horizons and start dates. Runs before the number readers."""
    toks = scan.tokens
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not (tok.is_num or tok.norm in _TIME_STARTS):
            i += 1
            continue
        end = _time_at(toks, i)
        if end > i and scan.free(i, end):
            start = i
            # keep "by", "starting" and "the end of" in the quote
            while start > 0 and toks[start - 1].norm in ("by", "from", "starting", "until",
                                                         "before", "the", "end", "of", "at"):
                if toks[start - 1].norm == "of" and _norm(toks, start - 2) != "end":
                    break
                start -= 1
            if toks[start].norm in ("the", "of", "end"):
                start = i
            scan.add("time", start, end)
            scan.claim(start, end)
            i = end
        else:
            i += 1


def _time_at(toks: list[Token], i: int) -> int:
    """End of a time expression starting at token ``i``, or ``i`` when there is none."""
    n = len(toks)
    w = toks[i].norm
    # A. within / in / over / for ... [the next] N weeks [of surgery]
    if w in _HORIZON_PREPS:
        j = i + 1
        if _norm(toks, j) == "the":
            j += 1
        relative = _norm(toks, j) in ("next", "coming", "following", "first")
        if relative:
            j += 1
        k = _read_number(toks, j)
        if k == j and j < n and toks[j].norm in ("a", "an"):  # "within a month"
            k = j + 1
        if (k > j or relative) and k < n:
            unit = toks[k].norm
            hours_ok = unit in _HOURS and (
                _norm(toks, k + 1) in _AFTER_EVENT or _value(toks, j, k) >= 24)
            if (unit in _PERIODS or hours_ok) and not (
                    _norm(toks, k + 1) in _FREQ_MARKERS and _norm(toks, k + 2) in _PERIODS):
                return _after_event(toks, k + 1)
        # by week 6, at month 3
        if _norm(toks, i + 1) in ("week", "month", "day") and i + 2 < n and toks[i + 2].is_num:
            return i + 3
        # in the first week of ...
        if w in ("in", "during", "by") and _norm(toks, i + 1) == "the" \
                and _norm(toks, i + 2) in _ORDINALS and _norm(toks, i + 3) in _PERIODS:
            return i + 4
    # B. N weeks after surgery / 6 weeks post-op / a two-week review
    k = _read_number(toks, i)
    if k > i and k < n and toks[k].norm in _PERIODS and (
            _norm(toks, k + 1) in _AFTER_EVENT or _norm(toks, k + 1) in _PLANS
            or (_norm(toks, k + 1) == "'" and _norm(toks, k + 2) == "time")):
        return _after_event(toks, k + 1)
    # C. this week / next month / coming summer
    if w in _RELATIVE and i + 1 < n:
        nxt = toks[i + 1].norm
        if nxt in _PERIODS or nxt in _DAY_PARTS or nxt in R.WEEKDAYS or nxt in R.MONTHS \
                or nxt in R.EVENTS or nxt in ("term", "season", "quarter"):
            return i + 2
    if w in ("today", "tomorrow", "tonight"):
        return i + 1
    # D. (by) the end of the month / of March / of my rehab stay (not "of a working day")
    if w == "end" and _norm(toks, i + 1) == "of" and _norm(toks, i - 1) == "the" \
            and _norm(toks, i - 2) in ("by", "before", "until", "till", "at", "towards") \
            and _norm(toks, i + 2) not in ("a", "an", "each", "every"):
        j = i + 2
        timely = False
        while j < n and j < i + 7 and toks[j].kind == "word" and toks[j].norm not in (
                "and", "with", "without", "so", "to"):
            word = toks[j].norm
            timely = timely or word in _PERIODS or word in R.MONTHS or word in R.EVENTS \
                or word in _SPELLS
            j += 1
        return j if timely else i
    # E. dates: by 1 June, the first of June, in March, starting Monday
    if w in R.MONTHS:
        prev = _norm(toks, i - 1)
        if prev in _DATE_PREPS or (i > 0 and toks[i - 1].is_num) or prev in _ORDINALS or (
                i + 1 < n and toks[i + 1].kind == "num"):
            if w in ("may", "march") and not (prev in _DATE_PREPS or (i > 0 and toks[i - 1].is_num)
                                                or prev in _ORDINALS):
                return i
            end = i + 1
            if end < n and toks[end].kind == "num":
                end += 1
            return end
    if w in R.WEEKDAYS and _norm(toks, i - 1) in (
            "by", "on", "before", "until", "till", "from", "starting", "start", "next", "this",
            "coming") and _norm(toks, i + 1) not in _PLURAL_DAY_PARTS:
        return i + 1
    if w in ("starting", "from", "beginning", "commencing") and _norm(toks, i + 1) in (
            "now", "today", "tomorrow"):
        return i + 2
    # F. an event used as a deadline: before discharge, by my daughter's wedding
    if w in _EVENT_PREPS:
        j = i + 1
        if w in ("ahead", "prior"):
            if _norm(toks, j) not in ("of", "to"):
                return i
            j += 1
        if w == "for" and _norm(toks, i - 1) != "time":  # "in time for", not "for my holiday"
            return i
        if w == "by" and _norm(toks, j) == "the" and _norm(toks, j + 1) == "time":
            return _clause_end(toks, j + 2)
        limit = min(n, j + 7)
        while j < limit:
            t = toks[j]
            if t.norm in R.EVENTS and not (t.norm == "fall" and w not in ("by", "before", "in")):
                if t.norm in ("check", "follow") and _norm(toks, j + 1) != "up":
                    return i
                end = j + 2 if _norm(toks, j + 1) == "up" else j + 1
                while end < n and toks[end].norm in R.EVENTS:  # "post-op review"
                    end += 1
                return end
            if (t.kind == "punct" and t.norm != "'") or t.norm in _WINDOW_STOP or t.norm in (
                    "in", "on", "at", "by"):
                break
            j += 1
    # G. a numeric date after a time word: by 15/06
    if w in ("by", "on", "before", "until", "from", "till") and i + 3 < n \
            and toks[i + 1].kind == "num" and toks[i + 2].norm == "/" \
            and toks[i + 3].kind == "num" and _norm(toks, i + 3) not in ("10", "100"):
        end = i + 4
        if _norm(toks, end) == "/" and end + 1 < n and toks[end + 1].kind == "num":
            end += 2
        return end
    return i


def _after_event(toks: list[Token], k: int) -> int:
    """Extend a time frame over "of my lumbar fusion" / "after surgery" / "' time"."""
    n = len(toks)
    if _norm(toks, k) == "'" and _norm(toks, k + 1) == "time":
        return k + 2
    if _norm(toks, k) == "time":
        return k + 1
    if _norm(toks, k) in _AFTER_EVENT:
        j = k + 1
        while j < n and j < k + 6 and toks[j].kind == "word" and toks[j].norm not in (
                "and", "with", "without", "so", "to", "in", "for", "by", "or", "when", "at"):
            j += 1
        return j
    return k


def _clause_end(toks: list[Token], j: int) -> int:
    n = len(toks)
    limit = min(n, j + 8)
    while j < limit and toks[j].norm not in _CLAUSE_END and toks[j].norm != "and":
        j += 1
    return j


def _frequencies(scan: Scan) -> None:
    """How often: every day, twice a week, 5 days a week, daily, on Sundays."""
    toks = scan.tokens
    n = len(toks)
    for i in range(n):
        w = toks[i].norm
        if not (w in _FREQ_STARTS or w[:-1] in R.WEEKDAYS) or i in scan.claimed:
            continue
        end = i
        start = i
        if w in ("every", "each"):
            j = i + 1
            if _norm(toks, j) == "other":
                j += 1
            k = _read_number(toks, j)
            if k > j and k < n and R.UNITS.get(toks[k].norm) in ("duration", "period"):
                end = k + 1
            elif j < n and (toks[j].norm in _PERIODS or toks[j].norm in _DAY_PARTS
                            or toks[j].norm in R.WEEKDAYS or toks[j].norm in _PLURAL_DAY_PARTS):
                end = j + 1
        elif w in R.FREQUENCY_WORDS:
            end = i + 1
        elif w in ("a", "per") and _norm(toks, i + 1) in _PERIODS | _DAY_PARTS and i > 0:
            end = i + 2
            # take the amount before it into the same quote: "twice a day", "5 days a week"
            j = i
            while j > 0 and i - j < 3 and scan.free(j - 1, j) and (
                    toks[j - 1].is_num or toks[j - 1].norm in R.UNITS
                    or toks[j - 1].norm in _PLURAL_DAY_PARTS):
                j -= 1
            start = j
        elif (w.endswith("s") and w[:-1] in R.WEEKDAYS) or (
                w in R.WEEKDAYS and _norm(toks, i + 1) in _PLURAL_DAY_PARTS):
            start = i - 1 if _norm(toks, i - 1) == "on" else i
            end = i + 2 if _norm(toks, i + 1) in _PLURAL_DAY_PARTS else i + 1
        if end > i:
            scan.add("frequency", start, end)
            scan.claim(start, end)


def _quantities(scan: Scan) -> None:
    """How much: 1 km, 30 minutes, 3 out of 3, 7/10, from 3 to 6, 50%, half an hour."""
    toks = scan.tokens
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        starts = tok.is_num or tok.norm in ("from", "full", "part", "a", "an", "half")
        end = _quantity_at(scan, i) if starts and i not in scan.claimed else i
        if end > i:
            start = _comparator_start(toks, i)
            scan.add("quantity", start, end)
            scan.claim(start, end)
            i = end
        else:
            i += 1


def _comparator_start(toks: list[Token], i: int) -> int:
    if _norm(toks, i - 1) not in _COMPARATOR_ENDS:
        return i
    for words in _COMPARATORS:
        k = len(words)
        if i - k >= 0 and tuple(t.norm for t in toks[i - k : i]) == words:
            return i - k
    return i


def _quantity_at(scan: Scan, i: int) -> int:
    toks = scan.tokens
    n = len(toks)
    tok = toks[i]
    w = tok.norm
    if w == "from":  # from 7/10 to 3/10; from 200 m to 1 km
        j = i + 1
        if j < n and toks[j].is_num:
            limit = min(n, j + 6)
            k = j + 1
            while k < limit and toks[k].norm != "to":
                k += 1
            if k < limit and k + 1 < n and toks[k + 1].is_num and scan.free(i, k + 2):
                end = _quantity_at(scan, k + 1)
                return end if end > k + 1 else k + 2
        return i
    if w in ("full", "part") and _norm(toks, i + 1) in (
            "time", "shift", "day", "days", "duties", "match", "game", "round", "session",
            "week", "hours", "set", "workout", "class"):
        return i + 2
    if w in ("a", "an", "half"):
        j = i + 1
        if w == "half" and _norm(toks, j) in ("a", "an"):
            j += 1
        unit = _norm(toks, j)
        if R.UNITS.get(unit) in ("duration", "distance", "load") and unit not in (
                "step", "steps", "stairs", "morning", "evening", "night"):
            if unit in ("round", "length", "lap", "hole") and _norm(toks, j + 1) != "of" \
                    and unit != "lap":
                return i
            return j + 1
        if w == "half" and unit in ("marathon", "day", "mile"):
            return j + 1
        return i
    if not tok.is_num or w in _ORDINALS or w in ("once", "twice", "thrice"):
        return i
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "word" and prev.end == tok.start:
        return i  # a spinal level such as C5 or L4
    if prev is not None and prev.norm in _POSSESSIVES:
        return i  # "my 2 children"
    if w == "one" and _norm(toks, i + 1) in ("of", "day", "leg", "side", "hand", "arm"):
        return i
    j = _read_number(toks, i)
    if _norm(toks, j) in ("year", "years", "yr") and _norm(toks, j + 1) in ("old", "olds"):
        return i
    if _norm(toks, j) == "/" and j + 1 < n and toks[j + 1].is_num:
        j += 2
    elif _norm(toks, j) == "out" and _norm(toks, j + 1) == "of" and j + 2 < n \
            and toks[j + 2].is_num:
        j += 3
    unit = _norm(toks, j)
    if unit == "per" and _norm(toks, j + 1) == "cent":
        return j + 2
    if unit in R.UNITS and scan.free(j, j + 1):
        return j + 1
    if j < n and toks[j].kind == "word" and unit not in R.STOPWORDS and unit not in (
            "a", "an", "per") and scan.free(j, j + 1):
        # a count of things: "2 bags", "10 bridges", "two portions"
        return j + 1
    return j


def _support(scan: Scan) -> None:
    """Levels of help after with / using / without ("with a stick", "without crutches")
    and completion conditions after without ("without stopping", "without using my arms")."""
    toks = scan.tokens
    n = len(toks)
    for i in range(n):
        w = toks[i].norm
        if w not in ("with", "using", "without"):
            continue
        limit = min(n, i + 5)
        j = i + 1
        found = -1
        pain = False
        while j < limit and toks[j].norm not in _CLAUSE_END and toks[j].norm not in (
                "with", "without", "within", "for", "by", "in"):
            norm = toks[j].norm
            if norm in R.SUPPORT_NOUNS:
                found = j
                break
            if "pain" in toks[j].keys or norm in ("discomfort", "hurting", "flare"):
                pain = True
                found = j
                break
            j += 1
        if found >= 0:
            end = found + 1
            if _norm(toks, end) == "of" and _norm(toks, end + 2) in ("person", "people"):
                end += 3  # "supervision of one person"
            kind = "pain_condition" if pain else "support"
            if w == "without" and not pain and toks[found].norm in ("rest", "break"):
                kind = "condition"
            if kind == "pain_condition" or scan.free(i, end):
                scan.add(kind, i, end)
                scan.claim(i, end)  # "one person" here is help, not a count
        elif w == "without" and i + 1 < n:
            k = i + 1
            if toks[k].norm in DETERMINERS:
                k += 1
            if k < n and toks[k].norm.endswith("ing") and toks[k].kind == "word":
                scan.add("condition", i, k + 1)


def _activities(scan: Scan) -> None:
    """Decide which activity words name an activity: drop those inside compounds ("walking
    stick", "in a row"), merge overlaps (keep the longest) and mark capacities
    ("improve my walking") as weak unless an amount follows."""
    toks = scan.tokens
    covers = [(h.start, h.end) for h in scan.all(
        "compound", "condition", "support", "time", "vague_time", "frequency", "language")]
    acts = scan.all("activity")
    hidden = covered([(h.start, h.end) for h in acts], covers)
    kept: list[Hit] = []
    for h, inside in zip(acts, hidden, strict=True):
        if inside or (kept and h.start < kept[-1].end):
            continue  # inside a compound, or overlapping a longer activity found first
        kept.append(h)
    strong: list[Hit] = []
    weak: list[Hit] = []
    amount_starts = sorted(q.start for q in scan.all("quantity"))
    for h in kept:
        word = toks[h.start].norm
        before = {toks[k].norm for k in range(max(0, h.start - 3), h.start)}
        is_form = word.endswith("ing") or h.info[1] == "sport"
        if is_form and before & R.IMPROVE_VERBS:
            limit = _clause_end(toks, h.end) + 4
            k = bisect_left(amount_starts, h.end)
            if not (k < len(amount_starts) and amount_starts[k] < limit):
                weak.append(h)
                continue
        strong.append(h)
    scan.hits["activity"] = strong
    scan.hits["weak_activity"] = weak


def _outcomes(scan: Scan) -> None:
    """Yes/no outcomes: returns, destinations, particular objects, tasks, "again"."""
    toks = scan.tokens
    n = len(toks)
    strong = list(scan.hits.get("activity", ()))
    by_start: dict[int, list[Hit]] = {}
    for a in strong:
        by_start.setdefault(a.start, []).append(a)
    # returns: "return to work", "get back to playing golf", "start a walking group"
    for i in range(n):
        w = toks[i].norm
        if w in ("return", "returning", "resume", "resuming", "start", "starting") or (
                w == "back" and _norm(toks, i + 1) == "to"
                and _norm(toks, i - 1) not in DETERMINERS | {"lower", "upper"}):
            j = i + 1
            if _norm(toks, j) == "to":
                j += 1
            elif w in ("return", "returning", "back"):
                continue  # "return the trolley" is not a return to an activity
            limit = min(n, j + 5)
            k = j
            while k < limit and (toks[k].norm in DETERMINERS or toks[k].norm in (
                    "full", "playing", "my", "competitive", "light")):
                k += 1
            if k >= n or toks[k].kind != "word" or toks[k].norm in _CLAUSE_END:
                continue
            target = [a for p in range(j, limit) for a in by_start.get(p, ())]
            generic = {"normal", "activities", "activity", "life", "self", "fitness", "health",
                       "old", "how", "way", "pre", "everything", "things", "being"}
            if target:
                end = max(a.end for a in target if a.start == target[0].start)
                scan.add("outcome", i, end, ("return",))
            elif toks[k].norm in generic or toks[k].norm in R.STATES:
                scan.add("generic_return", i, min(n, k + 2))
            elif w != "start" and toks[k].norm not in R.STOPWORDS and toks[k].norm not in (
                    "the",):
                hit = scan.add("outcome", i, k + 1, ("return",))
                scan.hits.setdefault("activity", []).append(
                    Hit("activity", k, k + 1, hit.text, (toks[k].norm, "other", "")))
    strong = scan.all("activity")
    scan.hits["activity"] = strong
    starts = {a.start for a in strong}
    for h in strong:
        if h.info[2] == "task":
            scan.add("outcome", h.start, h.end, ("task",))
            continue
        start, end = _object_or_destination(scan, h, starts)
        if end > h.end:
            scan.add("outcome", start, end, ("destination", str(h.start)))
    # "again" after an activity in the same clause: a return to it
    for i in range(n):
        if toks[i].norm == "again":
            for p in range(max(0, i - 8), i):
                if p in starts and all(toks[k].norm not in _CLAUSE_END for k in range(p, i)):
                    scan.add("outcome", p, i + 1, ("again",))
                    break


def _object_or_destination(scan: Scan, h: Hit, starts: set[int]) -> tuple[int, int]:
    """The words that give an activity its end point: the whole phrase when they follow it
    directly ("walk to the shop"), else only the destination ("carry a box | to the car")."""
    toks = scan.tokens
    n = len(toks)
    group = h.info[1]
    k = h.end
    last = toks[h.end - 1].norm
    # the phrase itself ends in a direction: "go to church", "get out of bed"
    if last in R.DEST_PREPS | {"of", "in", "on"} and k < n and _place_follows(scan, k - 1):
        return h.start, _np_end(toks, k)
    # a particular object right after the verb: "lift my toddler", "mow the lawn"
    if k < n and toks[k].norm in DETERMINERS and group not in ("exercise", "attend") \
            and toks[h.start].norm not in ("do", "play", "have"):
        end = _np_end(toks, k)
        end = next((p for p in range(k + 1, end)  # "tie my shoelaces | standing up"
                    if p in starts and toks[p].norm.endswith("ing")), end)
        head = toks[end - 1].norm
        # ("lift a | 5 kg box": no object here, the amount is quoted on its own)
        if head not in DETERMINERS and head not in R.GENERIC_OBJECTS and head not in _PERIODS \
                and head not in R.UNITS and not (end - 1 in starts and head.endswith("ing")):
            return h.start, end
    # a destination or an occasion a few words on: "walk my daughter down the aisle"
    limit = min(n, k + 8)
    j = k
    while j < limit:
        t = toks[j]
        if t.norm in _CLAUSE_END or t.norm in ("with", "without", "within", "for", "by",
                                               "every", "each", "using", "while"):
            break
        if (t.norm in R.DEST_PREPS or (t.norm == "of" and _norm(toks, j - 1) == "out")) \
                and _place_follows(scan, j):
            return (h.start if j == k else j), _np_end(toks, j + 1)
        if t.norm in ("at", "during", "in") and j + 1 < n:
            m = j + 1
            while m < min(n, j + 6) and toks[m].norm not in _CLAUSE_END:
                if toks[m].norm in R.OCCASIONS:
                    return (h.start if j == k else j), m + 1
                m += 1
        j += 1
    return h.start, h.end


def _place_follows(scan: Scan, j: int) -> bool:
    """After a destination word at ``j``: a determiner, a known place or a proper name."""
    toks = scan.tokens
    n = len(toks)
    if j + 1 >= n:
        return toks[j].norm in ("home", "upstairs", "downstairs") and _norm(
            toks, j - 1) not in ("at", "in")
    nxt = toks[j + 1]
    if toks[j].norm == "to" and nxt.norm in ("be", "do", "have", "get", "go", "make", "help"):
        return False
    if toks[j].norm in ("home", "upstairs", "downstairs"):
        return _norm(toks, j - 1) not in ("at", "in")  # "walk home", not "at home"
    if nxt.norm in ("and",) and j + 2 < n and toks[j + 2].norm in R.DEST_PREPS:
        return _place_follows(scan, j + 2)
    if nxt.norm in DETERMINERS or nxt.norm in R.PLACES or nxt.norm in _REFLEXIVES:
        end = _np_end(toks, j + 1)
        head = toks[end - 1].norm
        return head not in _PERIODS and head not in R.EVENTS and head not in (
            "next", "coming", "end") and scan.free(j + 1, j + 2)
    return nxt.kind == "word" and nxt.text[:1].isupper() and nxt.norm not in R.MONTHS


def _np_end(toks: list[Token], k: int) -> int:
    """End of a short noun phrase starting at ``k`` ("the end of the garden", "my toddler")."""
    n = len(toks)
    j = k
    limit = min(n, k + 7)
    while j < limit:
        t = toks[j]
        if t.kind != "word" or t.norm in _WINDOW_STOP or t.norm in (
                "for", "by", "in", "within", "at", "on", "up", "down", "into", "from", "off",
                "again", "back", "independently", "safely", "without", "every", "daily"):
            if t.norm == "of" or (t.norm == "'" and j > k):
                j += 1
                continue
            break
        if t.is_num and j > k:
            break
        j += 1
    return min(max(j, k + 1), n)


def _reasons(scan: Scan) -> None:
    """Keep "to be able to" as a reason only after the goal's action ("walk 1 km to be able
    to..."), not as the frame of the goal itself ("I want to be able to walk")."""
    kept = []
    first_end = min((a.end for a in scan.all("activity", "quantity")), default=len(scan.tokens))
    for h in scan.hits.get("reason", ()):
        if h.info[0] == "to be able to" and first_end > h.start:
            continue
        end = _clause_end(scan.tokens, h.end)
        kept.append(Hit("reason", h.start, end, scan.quote(h.start, end), h.info))
    scan.hits["reason"] = kept


def _pain(scan: Scan) -> None:
    """Feelings said about pain ("manage my pain better") belong to the pain target."""
    toks = scan.tokens
    breaks = [i for i, t in enumerate(toks) if t.norm in _CLAUSE_END or t.norm == "and"]
    pain_starts = sorted(p.start for p in scan.hits.get("pain", ()))
    states = []
    for h in scan.hits.get("state", ()):
        k = bisect_left(breaks, h.start)
        lo = breaks[k - 1] if k > 0 else -1
        hi = breaks[k] if k < len(breaks) else len(toks)
        m = bisect_right(pain_starts, lo)
        if h.info[1] == "feeling" and m < len(pain_starts) and pain_starts[m] < hi:
            continue
        states.append(h)
    scan.hits["state"] = states


# The order matters: times claim their numbers before frequencies, frequencies and levels of
# help before quantities ("5 days a week" is how often, "with one person" is help, neither is
# how much); activities are resolved after the
# number readers (an amount turns "increase my walking" into an activity) and before outcomes.
DETECTORS: tuple[tuple[str, Callable[[Scan], None]], ...] = (
    ("lexicon", _lexicon),
    ("time", _time_frames),
    ("frequency", _frequencies),
    ("support", _support),
    ("quantity", _quantities),
    ("activities", _activities),
    ("outcomes", _outcomes),
    ("reasons", _reasons),
    ("pain", _pain),
)


def scan_text(text: str) -> Scan:
    """Run every detector over ``text`` (cut to :data:`MAX_CHARS`)."""
    truncated = len(text) > MAX_CHARS
    body = text[:MAX_CHARS]
    scan = Scan(body, tokenize(body, _LEMMAS), truncated=truncated)
    for _, detect in DETECTORS:
        detect(scan)
    return scan
