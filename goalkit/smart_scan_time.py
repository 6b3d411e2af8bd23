"""Time in a goal statement: time frames (Time-bound) and frequencies (how often).

A time frame is a deadline, a horizon or a start ("within 6 weeks", "by the end of March",
"4 months after surgery", "starting Monday", "before discharge"); a frequency says how often
("every day", "twice a week", "5 days a week", "on Sundays"). Both run before the quantity
reader and claim their words, so "6 weeks" and "5 days" are never read as amounts.

>>> from goalkit.smart_hits import Scan
>>> from goalkit._text import tokenize
>>> text = "Walk 5 days a week by the end of March"
>>> scan = Scan(text, tokenize(text))
>>> find_time_frames(scan); find_frequencies(scan)
>>> [(h.kind, h.text) for h in scan.all("time", "frequency")]
[('frequency', '5 days a week'), ('time', 'by the end of March')]
"""

from __future__ import annotations

from goalkit import smart_rules as R
from goalkit._text import DETERMINERS, Token, number_value
from goalkit.smart_grammar import (
    AFTER_EVENT,
    CLAUSE_END,
    DATE_PREPS,
    DAY_PARTS,
    EVENT_PREPS,
    FREQ_MARKERS,
    FREQ_STARTS,
    HORIZON_PREPS,
    HOURS,
    ORDINALS,
    PERIODS,
    PLANS,
    PLURAL_DAY_PARTS,
    REFLEXIVES,
    RELATIVE,
    SPELLS,
    TIME_STARTS,
    WINDOW_STOP,
    clause_end,
    norm_at,
    number_total,
    read_number,
)
from goalkit.smart_hits import Scan

__all__ = ["find_frequencies", "find_time_frames"]


def find_time_frames(scan: Scan) -> None:
    """Deadlines, horizons and start dates. Runs before the number readers."""
    toks = scan.tokens
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        if not (tok.is_num or tok.norm in TIME_STARTS):
            i += 1
            continue
        end = _time_at(toks, i)
        if end > i and scan.free(i, end):
            start = _time_start(toks, i)
            scan.add("time", start, end)
            scan.claim(start, end)
            i = end
        else:
            i += 1
    # a note's last words after a comma: "stand 30 min w/o needing to sit, 4 wks"
    last = n - (n > 0 and toks[-1].norm in (".", ";"))
    if last >= 3 and toks[last - 3].norm == "," and toks[last - 2].is_num \
            and toks[last - 1].norm in PERIODS and scan.free(last - 2, last):
        scan.add("time", last - 3, last)  # (quoted with its comma: "4 wks" alone is an amount)
        scan.claim(last - 3, last)


# Words before a time expression that belong in its quote: "by", "starting", "in", "the end of".
_LEAD_IN = frozenset({"by", "on", "from", "starting", "until", "before", "the", "end", "start",
                      "beginning", "of", "at", "in", "during", "early", "late", "mid", "for"})


def _time_start(toks: list[Token], i: int) -> int:
    """Where the quote of a time expression found at ``i`` starts: over its lead-in words
    ("by the end of March", "in July") and, before a month, over the day ("by the first of
    June"). A quote never starts on a dangling "the", "of" or "end"."""
    core = i
    if toks[i].norm in R.MONTHS and norm_at(toks, i - 1) == "of":
        if norm_at(toks, i - 2) in _ORDINAL_DAYS:
            core = i - 2
        elif norm_at(toks, i - 2) in _DAY_SUFFIXES and i >= 3 and toks[i - 3].kind == "num":
            core = i - 3
    start = core
    while start > 0 and toks[start - 1].norm in _LEAD_IN:
        if toks[start - 1].norm == "of" and norm_at(toks, start - 2) not in (
                "end", "start", "beginning"):
            break
        start -= 1
    if toks[start].norm == "for" and norm_at(toks, start - 1) == "time" \
            and norm_at(toks, start - 2) == "in":
        start -= 2  # "in time for the golf season"
    return core if toks[start].norm in ("the", "of", "end", "start", "beginning") else start


def _time_at(toks: list[Token], i: int) -> int:
    """End of a time expression starting at token ``i``, or ``i`` when there is none."""
    n = len(toks)
    w = toks[i].norm
    # "for [the] rest of [the] term": a horizon to the end of a spell
    if w == "for":
        j = i + 1 + (norm_at(toks, i + 1) == "the")
        if norm_at(toks, j) == "rest" and norm_at(toks, j + 1) == "of":
            k = j + 2 + (norm_at(toks, j + 2) in ("the", "my", "this"))
            if norm_at(toks, k) in SPELLS | R.EVENTS:  # (not "the rest of the day": how long)
                return k + 1
    # A. within / in / over / for ... [the next] N weeks [of surgery]
    if w in HORIZON_PREPS:
        j = i + 1
        if norm_at(toks, j) == "the":
            j += 1
        relative = norm_at(toks, j) in ("next", "coming", "following", "first")
        if relative:
            j += 1
        k = read_number(toks, j)
        if k == j and j < n and toks[j].norm in ("a", "an"):  # "within a month"
            k = j + 1
        if k > j and norm_at(toks, k) == "to" and k + 1 < n and toks[k + 1].is_num:
            k = read_number(toks, k + 1)  # "in 6 to 8 weeks"
        if (k > j or relative) and k < n:
            unit = toks[k].norm
            hours_ok = unit in HOURS and (
                norm_at(toks, k + 1) in AFTER_EVENT or number_total(toks, j, k) >= 24)
            if (unit in PERIODS or hours_ok) and not (
                    norm_at(toks, k + 1) in FREQ_MARKERS and norm_at(toks, k + 2) in PERIODS):
                if norm_at(toks, k + 1) == "mark":
                    return k + 2  # "at the 6 week mark"
                return _after_event(toks, k + 1)
            # a horizon counted in meetings, as notes write it: "in 4 visits"
            if unit in _COUNTED_MEETINGS and w in ("within", "in", "over", "by") and not relative:
                return k + 1
        # by week 6, at month 3, by wk 6, by session 12, over wks 1-5
        if norm_at(toks, i + 1) in ("week", "month", "day", "wk", "session", "visit", "weeks",
                                    "wks", "months", "days") \
                and i + 2 < n and toks[i + 2].is_num:
            return _after_event(toks, read_number(toks, i + 2))
        # by the 3rd session, before the third visit
        end = _nth_meeting(toks, i + 1)
        if end > i + 1:
            return end
        end = _nth_meeting(toks, i + 1, PERIODS)  # "by 2nd wk", "by the third month"
        if w in ("by", "before", "until", "till") and end > i + 1:
            return end
        # in the first week of ...
        if w in ("in", "during", "by") and norm_at(toks, i + 1) == "the" \
                and norm_at(toks, i + 2) in ORDINALS and norm_at(toks, i + 3) in PERIODS:
            return i + 4
    # A3. weeks 4-6 post-op, in wks 1-4 (a span of weeks after an event, as notes write it)
    if w in ("week", "weeks", "wk", "wks", "day", "days") and i + 1 < n \
            and toks[i + 1].is_num:
        k = read_number(toks, i + 1)
        if norm_at(toks, k) in AFTER_EVENT or norm_at(toks, i - 1) in HORIZON_PREPS:
            return _after_event(toks, k)
        # a note's heading: "Wk 6: driving. Wk 12: golf"
        if norm_at(toks, k) == ":" and (i == 0 or toks[i - 1].kind == "punct"
                                         or toks[i - 1].norm == "and"):
            return k + 1
    # within the week, before the month is out
    if w in ("within", "by") and norm_at(toks, i + 1) == "the" \
            and norm_at(toks, i + 2) in ("week", "month", "fortnight") \
            and norm_at(toks, i + 3) in (".", ",", ";", "!", "?", ""):
        return i + 3
    # once the wound has healed, once cleared by the surgeon
    if w == "once":
        for k in range(i + 1, min(n, i + 7)):
            if toks[k].norm in _ONCE_ENDS:  # (what is cleared or finished comes after it)
                return clause_end(toks, k + 1) if toks[k].norm in (
                    "cleared", "finish", "finished", "complete", "completed") else k + 1
            if toks[k].norm in CLAUSE_END:
                break
    # A''. from the autumn, starting in the new year, from 3/12 (post-op), starting the day I
    # get home
    if w in ("from", "starting") and norm_at(toks, i + 1) == "the" and norm_at(
            toks, i + 2) in ("day", "week", "moment", "time") and i + 3 < n:
        return clause_end(toks, i + 3)
    if w in ("from", "starting"):
        k = read_number(toks, i + 1)
        if k > i + 1 and norm_at(toks, k) in PERIODS:
            return _after_event(toks, k + 1)
        j = i + 1
        if norm_at(toks, j) in ("the", "this", "next"):
            j += 1
        if norm_at(toks, j) in R.CALENDAR and norm_at(toks, j) not in ("half", "new"):
            return j + 1
    # A'. from / starting week 4 (post-op)
    if w in ("from", "starting", "since") and norm_at(toks, i + 1) in (
            "week", "month", "day", "wk") and i + 2 < n and toks[i + 2].is_num:
        return _after_event(toks, i + 3)
    # B. N weeks after surgery / 6 weeks post-op / a two-week review
    k = read_number(toks, i)
    if k > i and k < n and toks[k].norm in PERIODS and (
            norm_at(toks, k + 1) in AFTER_EVENT or norm_at(toks, k + 1) in PLANS
            or (norm_at(toks, k + 1) == "'" and norm_at(toks, k + 2) == "time")):
        if norm_at(toks, k + 1) in PLANS:  # "my six-week check": the check is the deadline
            return k + 3 if norm_at(toks, k + 2) == "up" else k + 2
        return _after_event(toks, k + 1)
    # C. this week / next month / coming summer (not "the next day": a day after something)
    if w in RELATIVE and i + 1 < n and norm_at(toks, i - 1) != "the":
        nxt = toks[i + 1].norm
        if nxt in PERIODS or nxt in DAY_PARTS or nxt in R.WEEKDAYS or nxt in R.MONTHS \
                or nxt in R.EVENTS or nxt in ("term", "season", "quarter"):
            return i + 2
    if w in ("today", "tomorrow", "tonight"):
        return i + 1
    # D. (by) the end of the month / of March / of my rehab stay (not "of a working day")
    # (also in notes' style, without "the": "by end of wk 2", "by end wk 3")
    lead = i - 2 if norm_at(toks, i - 1) == "the" else i - 1
    if w == "end" and norm_at(toks, lead) in ("by", "before", "at") \
            and norm_at(toks, i + 1) in PERIODS and i + 2 < n and toks[i + 2].is_num:
        return i + 3
    if w in ("end", "start", "beginning") and norm_at(toks, i + 1) == "of" \
            and norm_at(toks, lead) in ("by", "before", "until", "till", "at", "towards", "for") \
            and norm_at(toks, i + 2) not in ("a", "an", "each", "every"):
        j = i + 2
        timely = False
        while j < n and j < i + 7 and toks[j].kind == "word" and toks[j].norm not in (
                "and", "with", "without", "so", "to"):
            word = toks[j].norm
            timely = timely or word in PERIODS or word in R.MONTHS or word in R.EVENTS \
                or word in SPELLS
            j += 1
        if timely and j < n and toks[j].is_num and toks[j - 1].norm in PERIODS:
            j += 1  # "the end of week 2"
        return j if timely else i
    # E. dates: by 1 June, the 1st of June, on the 14th, in March, starting Monday
    end = _day_of_month(toks, i)
    if end > i:
        return end
    if w in R.MONTHS:
        prev = norm_at(toks, i - 1)
        if prev in DATE_PREPS or (i > 0 and toks[i - 1].is_num) or prev in ORDINALS or (
                i + 1 < n and toks[i + 1].kind == "num"):
            if w in ("may", "march") and not (prev in DATE_PREPS or (i > 0 and toks[i - 1].is_num)
                                                or prev in ORDINALS):
                return i
            end = i + 1
            if end < n and toks[end].kind == "num":
                end += 1
            return end
    if w in R.WEEKDAYS and norm_at(toks, i - 1) in (
            "by", "on", "before", "until", "till", "from", "starting", "start", "next", "this",
            "coming") and norm_at(toks, i + 1) not in PLURAL_DAY_PARTS:
        return i + 1
    if w in ("starting", "from", "beginning", "commencing") and norm_at(toks, i + 1) in (
            "now", "today", "tomorrow"):
        return i + 2
    # F'. after a date on the calendar: after Easter, after the summer holidays
    if w == "after":
        j = i + 1
        if norm_at(toks, j) in ("the", "this", "next"):
            j += 1
        if norm_at(toks, j) in R.CALENDAR:
            return j + 2 if norm_at(toks, j + 1) in ("holiday", "holidays", "break") else j + 1
    # F. an event used as a deadline: before discharge, by my daughter's wedding
    if w in EVENT_PREPS:
        j = i + 1
        if w in ("ahead", "prior"):
            if norm_at(toks, j) not in ("of", "to"):
                return i
            j += 1
        if w == "for" and norm_at(toks, i - 1) != "time":  # "in time for", not "for my holiday"
            return i
        if w == "by" and norm_at(toks, j) == "the" and norm_at(toks, j + 1) == "time":
            return clause_end(toks, j + 2)
        end = _milestone(toks, j) if w in ("by", "before", "until", "till") else j
        if end > j:
            return end
        limit = min(n, j + 7)
        while j < limit:
            t = toks[j]
            if t.norm == "year" and norm_at(toks, j - 1) == "new":  # "by the new year"
                return j + 1
            if t.norm in R.EVENTS and not (t.norm == "fall" and w not in ("by", "before", "in")):
                if t.norm in ("check", "follow") and norm_at(toks, j + 1) != "up":
                    return i
                end = j + 2 if norm_at(toks, j + 1) == "up" else j + 1
                while end < n and toks[end].norm in R.EVENTS:  # "post-op review"
                    end += 1
                if end < n and toks[end].is_num and len(toks[end].text) == 4:
                    end += 1  # "by spring 2027"
                if norm_at(toks, end) == "home" and toks[end - 1].norm == "discharge":
                    end += 1  # "before discharge home"
                return end
            if (t.kind == "punct" and t.norm != "'") or t.norm in WINDOW_STOP or t.norm in (
                    "in", "on", "at", "by", "if", "unless", "when", "whenever") \
                    or t.norm in REFLEXIVES or t.norm in EVENT_PREPS:
                break  # ("by myself if I fall": help, and a condition, not a deadline)
            if w in ("in", "at") and (t.norm == "for" or (t.is_num and w == "in")):
                break  # "sit in the w/c 2 hrs for a day trip", "at my desk for a meeting"
            if t.norm in ("this", "next") and j > i + 1 and toks[j - 1].norm != "of" and (
                    toks[j - 1].norm not in DETERMINERS):
                break  # "on the golf course this season": the time is "this season"
            j += 1
    # G. a numeric date after a time word: by 15/06
    if w in ("by", "on", "before", "until", "from", "till") and i + 3 < n \
            and toks[i + 1].kind == "num" and toks[i + 2].norm == "/" \
            and toks[i + 3].kind == "num" and norm_at(toks, i + 3) not in ("10", "100"):
        end = i + 4
        if norm_at(toks, end) == "/" and end + 1 < n and toks[end + 1].kind == "num":
            end += 2
        return end
    return i


# Meetings that count out a horizon in therapy notes ("in 4 visits", "within 6 sessions").
_COUNTED_MEETINGS = frozenset({"visits", "sessions", "treatments", "appointments", "tx"})
_DAY_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_ORDINAL_DAYS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
})
# Steps of recovery used as deadlines: "before returning to football", "before I go back to
# work", "until cleared by the surgeon", "before going home".
_MILESTONE_VERBS = frozenset({"returning", "return", "going", "go", "cleared", "discharged",
                              "leaving", "starting", "resuming", "goes", "returns", "leaves",
                              "starts", "resumes", "is", "gets", "get", "move", "moving",
                              "moves"})
# What "once" waits for when it sets a start: "once the wound has healed".
_ONCE_ENDS = frozenset({"healed", "cleared", "discharged", "removed", "united", "fused",
                        "home", "finish", "finished", "complete", "completed"})
_MILESTONE_ENDS = frozenset({"back", "home", "to", "by", "into", "in"})


def _milestone(toks: list[Token], j: int) -> int:
    """End of a recovery milestone starting at ``j`` ("I go back to work"), or j."""
    start = j
    if norm_at(toks, j) in ("i", "he", "she", "they", "we", "the", "my", "patient", "pt"):
        j += 1
    if norm_at(toks, j) not in _MILESTONE_VERBS:
        return start
    if norm_at(toks, j) in ("is", "gets", "get"):  # "before she is discharged"
        if norm_at(toks, j + 1) not in ("discharged", "home"):
            return start
        return j + 2
    k = j + 1
    if norm_at(toks, k) not in _MILESTONE_ENDS and toks[j].norm not in ("cleared", "discharged"):
        return start
    return clause_end(toks, k)
# Meetings counted in a plan: "by the 3rd session", "at the sixth visit".
_MEETINGS = frozenset({"session", "sessions", "visit", "appointment", "treatment", "review",
                       "class", "tx"})
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                            "eighth", "ninth", "tenth", "twelfth", "last", "final", "next"})


def _nth_meeting(toks: list[Token], j: int, meetings: frozenset[str] = _MEETINGS) -> int:
    """End of "[the] 3rd session" / "the sixth visit" starting at ``j``, or j (with
    ``meetings=PERIODS``: "[the] 2nd week")."""
    start = j
    if norm_at(toks, j) == "the":
        j += 1
    if norm_at(toks, j) in _ORDINAL_WORDS:
        j += 1
    elif j < len(toks) and toks[j].kind == "num" and norm_at(toks, j + 1) in _DAY_SUFFIXES:
        j += 2
    else:
        return start
    return j + 1 if norm_at(toks, j) in meetings else start


def _day_of_month(toks: list[Token], i: int) -> int:
    """End of "1 March", "1st of March", "the 14th" (after by/on/before...) at ``i``, or i."""
    tok = toks[i]
    value = number_value(tok) if tok.kind == "num" and len(tok.norm) <= 2 else None
    if value is None or value != int(value) or not 1 <= value <= 31:
        return i
    j = i + 1
    suffix = norm_at(toks, j) in _DAY_SUFFIXES and toks[j].start == tok.end
    if suffix:
        j += 1
    if norm_at(toks, j) == "of":
        j += 1
    if norm_at(toks, j) in R.MONTHS:
        j += 1
        if j < len(toks) and toks[j].kind == "num" and len(toks[j].norm) == 4:
            j += 1  # the year
        return j
    if suffix and norm_at(toks, i - 1) == "the" and norm_at(toks, i - 2) in (
            "by", "on", "before", "until", "till", "from", "starting"):
        return i + 2
    return i


def _after_event(toks: list[Token], k: int) -> int:
    """Extend a time frame over "of my lumbar fusion" / "after surgery" / "' time"."""
    n = len(toks)
    if norm_at(toks, k) == "'" and norm_at(toks, k + 1) == "time":
        return k + 2
    if norm_at(toks, k) == "time":
        return k + 1
    if norm_at(toks, k) in AFTER_EVENT:
        j = k + 1
        while j < n and j < k + 6 and toks[j].kind == "word" and toks[j].norm not in (
                "and", "with", "without", "so", "to", "in", "for", "by", "or", "when", "at"):
            j += 1
        return j
    return k


# Nouns a frequency word describes rather than times: "daily activities", "daily living".
_NOT_HOW_OFTEN = frozenset({"activities", "activity", "living", "life", "tasks", "task",
                            "routine", "routines", "chores", "needs", "function"})


def find_frequencies(scan: Scan) -> None:
    """How often: every day, twice a week, 5 days a week, daily, on Sundays."""
    toks = scan.tokens
    n = len(toks)
    for i in range(n):
        w = toks[i].norm
        if not (w in FREQ_STARTS or w[:-1] in R.WEEKDAYS) or i in scan.claimed:
            continue
        end = i
        start = i
        if w in ("every", "each"):
            j = i + 1
            if norm_at(toks, j) == "other":
                j += 1
            k = read_number(toks, j)
            if k > j and k < n and R.UNITS.get(toks[k].norm) in ("duration", "period"):
                end = k + 1
            elif j < n and (toks[j].norm in PERIODS or toks[j].norm in DAY_PARTS
                            or toks[j].norm in R.WEEKDAYS or toks[j].norm in PLURAL_DAY_PARTS
                            or toks[j].norm in HOURS):  # "a rest break every hour"
                end = j + 1
            else:  # "before every training session", "after each meal"
                k = j
                while k < min(n, j + 3) and toks[k].kind == "word" \
                        and toks[k].norm not in R.COUNTED_OCCASIONS:
                    k += 1
                if k < n and toks[k].norm in R.COUNTED_OCCASIONS:
                    end = k + 1
                    if norm_at(toks, end) in R.COUNTED_OCCASIONS:
                        end += 1
                    start = i - 1 if norm_at(toks, i - 1) in ("before", "after") else i
        elif w in R.FREQUENCY_WORDS:
            if norm_at(toks, i + 1) in _NOT_HOW_OFTEN:
                continue  # "daily activities", "my weekly shop": a kind of task, not how often
            end = i + 1
        elif w in ("a", "per") and norm_at(toks, i + 1) in PERIODS | DAY_PARTS and i > 0 and (
                w == "per" or toks[i - 1].is_num or toks[i - 1].norm in R.UNITS
                or toks[i - 1].norm in PLURAL_DAY_PARTS or toks[i - 1].kind == "punct"):
            # "twice a day", "20 minutes a day", not "a day out"
            end = i + 2
            # take the amount before it into the same quote: "twice a day", "5 days a week"
            j = i
            while j > 0 and i - j < 3 and scan.free(j - 1, j) and (
                    toks[j - 1].is_num or toks[j - 1].norm in R.UNITS
                    or toks[j - 1].norm in PLURAL_DAY_PARTS):
                j -= 1
            start = j
        elif (w.endswith("s") and w[:-1] in R.WEEKDAYS) or (
                w in R.WEEKDAYS and norm_at(toks, i + 1) in PLURAL_DAY_PARTS):
            start = i - 1 if norm_at(toks, i - 1) == "on" else i
            end = i + 2 if norm_at(toks, i + 1) in PLURAL_DAY_PARTS else i + 1
        if end > i:
            scan.add("frequency", start, end)
            scan.claim(start, end)
