"""Drafting a five-level GAS scale from a goal's four parts, for the clinician to edit.

Bovend'Eerdt, Botell & Wade (2009, Clin Rehabil 23:352-361) split a goal statement into target
activity, support, quantity and time period, and write the other GAS levels by adding, deleting
or changing one part. :func:`draft_scale` changes one part by rules kept as data below. The
factors and the support ladder are goalkit conventions, not published values: they give a
starting point whose levels move in one direction. Places the rules cannot fill read
``[edit: ...]``; :func:`goalkit.gas_scale.validate_scale` flags them until they are rewritten.

Each level reads as a sentence a patient understands, the parts in the order speech puts them:
activity, amount, help, how often, by when ("Garden for 20 minutes with one rest, 3 days a
week, within 6 weeks").

>>> from goalkit.model import GoalParts
>>> scale = draft_scale(GoalParts(activity="Garden", quantity="20 minutes, 3 days a week"))
>>> for level in scale.levels[2:]:
...     print(level.text)
Garden for 20 minutes, 3 days a week
Garden for 30 minutes, 3 days a week
Garden for at least 40 minutes, 3 days a week
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Literal

from goalkit._text import NUMBER_WORDS
from goalkit.gas import LEVELS, GasError
from goalkit.model import TEXT, GasLevel, GasLevelText, GasScale, GoalParts
from goalkit.smart_lex_measures import UNITS

__all__ = [
    "CONTINUOUS_UNITS",
    "EDIT_MARK",
    "LOWER_QUANTITY_FACTORS",
    "QUANTITY_FACTORS",
    "SUPPORT_LADDER",
    "TIME_FACTORS",
    "Vary",
    "amounts",
    "draft_scale",
    "impossible_counts",
    "support_rung",
]

Vary = Literal["quantity", "support", "time"]

# Quantity: the expected amount is level 0; -2 is "less than" the -1 amount, +2 "at least".
QUANTITY_FACTORS: dict[int, float] = {-2: 0.5, -1: 0.5, 0: 1.0, 1: 1.5, 2: 2.0}
# When a smaller amount is better ("under 30 seconds", "fewer than 2 falls"): -2 is "more than"
# the -1 amount.
LOWER_QUANTITY_FACTORS: dict[int, float] = {-2: 1.5, -1: 1.5, 0: 1.0, 1: 0.75, 2: 0.5}
# Time: a shorter deadline is better; -2 reads "not achieved within" twice the time.
TIME_FACTORS: dict[int, float] = {-2: 2.0, -1: 1.5, 0: 1.0, 1: 0.75, 2: 0.5}
# A whole number followed by one of these units is an amount that can take decimals (1.5 km);
# any other whole number is a count and its levels stay whole (no 1.5 repetitions, and no 7.5
# minutes: nobody times a walk to the half minute). From the checker's unit table.
CONTINUOUS_UNITS = frozenset(
    unit for unit, kind in UNITS.items() if kind in ("distance", "load", "percent")
    and unit not in ("steps", "step", "stairs", "flight", "flights", "lap", "laps", "length",
                     "lengths", "hole", "holes", "round", "rounds", "block", "blocks")
) | {"hour", "hours", "hr", "hrs", "h", "cm", "litre", "litres", "liter", "liters", "l", "ml"}
# Units of time an activity lasts: an amount of them reads "for 20 minutes".
DURATION_UNITS = frozenset(unit for unit, kind in UNITS.items() if kind == "duration")
# Words that mark how often: that part follows the rest after a comma ("..., 3 days a week").
_FREQUENCY = re.compile(r"\b(a|per|each|every)\s+(day|week|month|morning|evening|night)\b|"
                        r"\b(daily|weekly|nightly|twice|once)\b|/\s*(wk|week|day)\b", re.I)
# Time units and the next smaller unit (with how many fit), used when rounding collides.
TIME_UNITS: dict[str, tuple[str, int] | None] = {
    "day": None,
    "week": ("day", 7),
    "month": ("week", 4),
    "year": ("month", 12),
}
# Support ladder from most help to least: level L of the draft is the expected rung + L.
SUPPORT_LADDER: tuple[str, ...] = (
    "with the physical help of two people",
    "with the physical help of one person",
    "with supervision (someone close by, no hands-on help)",
    "independently",
    "independently, also in a busier or unfamiliar place",
    "independently in any setting, without planning ahead",
)
# NB: order matters. Supervision comes first ("supervision of one person" names one person);
# the independent-plus rungs come before plain "independent", which their phrases contain.
_SUPPORT_KEYWORDS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (2, ("supervis", "stand-by", "standby", "stand by", "prompt", "reminder", "cue")),
    (0, ("two people", "2 people", "two persons", "help of two", "assistance of two",
         "two carers", "2 carers", "two helpers")),
    (5, ("any setting",)),
    (4, ("busier", "unfamiliar")),
    (1, ("physical help", "physical assistance", "hands-on", "help of one", "assistance of one",
         "one person", "1 person", "one carer", "with help", "with assistance")),
    (3, ("independent", "on my own", "on their own", "on his own", "on her own", "by myself",
         "without help", "unaided", "alone")),
)
# Number words, from the one table goalkit reads them with (whole numbers only here).
_WORDS = {w: int(v) for w, v in NUMBER_WORDS.items() if v == int(v) and w not in (
    "once", "twice", "thrice", "first", "second", "third", "hundred", "thousand", "dozen")}
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(_WORDS) + r")"
_NUMBER = re.compile(r"(?<![\w.])" + _NUM + r"(?![\w]|\.\d)", re.IGNORECASE)
_TIME = re.compile(r"(?<![\w.])" + _NUM + r"\s*(day|week|month|year)s?\b", re.IGNORECASE)
_LOWER_CUE = re.compile(
    r"\b(under|less than|fewer than|no more than|at most|below|within|max(?:imum)?)\s*$",
    re.IGNORECASE,
)
# A goal amount that starts so is a time to beat: "under 30 seconds".
_TIMED_CUES = ("under", "in under", "less than", "within", "no more than", "at most", "below")
_DURATION_CUE = re.compile(r"\bfor\s*$", re.IGNORECASE)
_PROPORTION = re.compile(r"\d\s*(?:out of|/)\s*\d", re.IGNORECASE)
EDIT_MARK = "[edit:"


def _value(token: str) -> float:
    word = token.lower()
    return float(_WORDS[word]) if word in _WORDS else float(token)


def _fmt(v: float) -> str:
    if abs(v - round(v)) < 1e-9 or v >= 100:
        return str(math.floor(v + 0.5))
    return format(v, ".3g")


def _amount(piece: str, activity: str, timed: bool) -> str:
    """How an amount joins the activity: "for 20 minutes", "in under 30 seconds", "(1 km)".
    ``timed``: the goal is a time to beat ("under 30 seconds"), so more time is worse."""
    number = _NUMBER.search(piece)
    if number is None or EDIT_MARK in piece:
        return piece
    low = piece.lower()
    if _PROPORTION.search(piece):
        return f"in {piece}"  # "in 3 out of 3 attempts"
    after = piece[number.end():].split()
    unit = after[0].lower().strip(".,;") if after else ""
    lead = piece[: number.start()].strip().lower()
    if unit in DURATION_UNITS and low.split()[0] not in ("for", "in", "within", "over"):
        if timed:
            return f"taking {piece}" if lead.startswith("more") else f"in {piece}"
        return f"for {piece}"
    if len(activity.split()) > 1 and unit not in ("times", "time") and lead in (
            "", "less than", "more than", "at least", "up to", "under", "over", "no more than"):
        return f"({piece})"  # "Walk to the shop (1 km)": the distance of the whole route
    return piece


def _compose(parts: GoalParts, **override: str) -> str:
    """The parts as one sentence: activity, amount, help, how often, by when."""
    activity, support, quantity, time = (override.get(f, getattr(parts, f)).strip() for f in (
        "activity", "support", "quantity", "time_frame"))
    timed = parts.quantity.strip().lower().startswith(_TIMED_CUES)
    pieces = [p.strip() for p in quantity.split(",") if p.strip()] if quantity else []
    amounts_ = [_amount(p, activity, timed) for p in pieces if not _FREQUENCY.search(p)]
    often = [p for p in pieces if _FREQUENCY.search(p)]
    text = " ".join(t for t in (activity, *amounts_, support) if t)
    if often:
        text = f"{text}, {', '.join(often)}" if text else ", ".join(often)
    if time and time.startswith("not achieved"):
        text = f"{text}: {time}"
    elif time:
        text = f"{text}, {time}" if "," in support else f"{text} {time}"
    text = " ".join(text.split())
    return text[:1].upper() + text[1:]


def _relative(what: tuple[str, str], level: int, text: str) -> str:
    size = "much " if abs(level) == 2 else ""
    return f"{EDIT_MARK} {size}{what[0] if level < 0 else what[1]} '{text}']"


# How many of a unit fit in a longer one: "5 days a week" cannot grow past 7.
_CAPS = {("day", "week"): 7, ("night", "week"): 7, ("morning", "week"): 7,
         ("evening", "week"): 7, ("afternoon", "week"): 7, ("hour", "day"): 24,
         ("day", "month"): 31, ("week", "month"): 5, ("month", "year"): 12}
_PER = re.compile(r"^\s*(day|night|morning|evening|afternoon|hour|week|month)s?\s+"
                  r"(?:a|per|each|every|in\s+a)\s+(week|day|month|year)\b", re.IGNORECASE)


def _cap(rest: str) -> int | None:
    """The most a count of ``rest`` can be ("days a week": 7), or None."""
    m = _PER.match(rest)
    return _CAPS.get((m.group(1).lower(), m.group(2).lower())) if m else None


def impossible_counts(text: str) -> list[str]:
    """Counts in ``text`` that do not fit the period they are counted in ("8 days a week").

    >>> impossible_counts("Garden 8 days a week, 2 hours a day")
    ['8 days a week']
    """
    found = []
    for m in re.finditer(r"(?<![\w.])(\d+)(?=\s)", text):
        rest = text[m.end():]
        cap = _cap(rest)
        per = _PER.match(rest)
        if cap is not None and per is not None and int(m.group(1)) > cap:
            found.append(text[m.start():m.end() + per.end()])
    return found


def _quantity(text: str) -> dict[int, str]:
    match = _NUMBER.search(text)
    if match is None or _PROPORTION.search(text):
        return {lv: _relative(("less than", "more than"), lv, text) for lv in LEVELS if lv}
    n = _value(match.group(1))
    lower = _LOWER_CUE.search(text[: match.start()])
    sign = -1 if lower else 1  # +1: a bigger amount is better; -1: a smaller one is
    factors = LOWER_QUANTITY_FACTORS if lower else QUANTITY_FACTORS
    vals = {lv: n * f for lv, f in factors.items()}
    after = text[match.end() :].split()
    unit = after[0].lower().strip(".,;") if after else ""
    count = n == int(n) and unit not in CONTINUOUS_UNITS
    if count:
        vals = {lv: float(math.floor(v + 0.5)) for lv, v in vals.items()}
        for lv in (1, 2):  # keep whole-number levels at least one apart
            vals[lv] = sign * max(sign * vals[lv], sign * vals[lv - 1] + 1)
        vals[-1] = vals[-2] = sign * min(sign * vals[-1], sign * n - 1)
    cap = _cap(text[match.end():]) if sign > 0 else None
    if cap is not None:  # "5 days a week": 6 and at least 7, never 8 or 10
        vals[2] = min(vals[2], cap)
        vals[1] = min(vals[1], vals[2] - 1)
    out = {}
    for lv in (-2, -1, 1, 2):
        start, new = match.start(), _fmt(vals[lv])
        if vals[lv] <= 0 or (cap is not None and lv > 0 and (
                vals[lv] <= n or (lv == 2 and vals[2] <= vals[1]))):  # no room under the cap
            out[lv] = _relative(("less than", "more than"), lv, text)
            continue
        if lv == -2:
            if lower:
                start, new = lower.start(), "more than " + new
            else:
                new = "less than " + new
        elif lv == 2 and not lower:
            new = "at least " + new
        rest = text[match.end() :]
        if count and n == 1 and vals[lv] != 1 and unit.isalpha() and not unit.endswith("s"):
            rest = rest.replace(after[0], after[0] + "s", 1)  # "1 time" -> "2 times"
        elif n != 1 and vals[lv] == 1 and unit.endswith("s") and len(unit) > 2:
            rest = rest.replace(after[0], after[0][:-1], 1)  # "2 hours" -> "1 hour"
        out[lv] = text[:start] + new + rest
    return out


def _time(text: str) -> dict[int, str]:
    number = _NUMBER.search(text)
    if number is not None and _DURATION_CUE.search(text[: number.start()]):
        return _quantity(text)  # "for 3 months": a duration, where longer is better
    match = _TIME.search(text)
    if match is None:
        return {lv: _relative(("later than", "sooner than"), lv, text) for lv in LEVELS if lv}
    n, unit = _value(match.group(1)), match.group(2).lower()
    vals = {lv: float(math.floor(n * f + 0.5)) for lv, f in TIME_FACTORS.items()}
    smaller = TIME_UNITS[unit]
    ordered = [vals[lv] for lv in LEVELS]
    if smaller and (min(ordered) < 1 or len(set(ordered)) < len(ordered)):
        unit, per = smaller
        vals = {lv: float(math.floor(n * per * f + 0.5)) for lv, f in TIME_FACTORS.items()}
    out = {}
    for lv in (-2, -1, 1, 2):
        v = vals[lv]
        if v < 1 or (lv > 0 and v >= vals[lv - 1]) or (lv < 0 and v <= vals[lv + 1]):
            out[lv] = _relative(("later than", "sooner than"), lv, text)
            continue
        phrase = f"{_fmt(v)} {unit}{'' if v == 1 else 's'}"
        out[lv] = text[: match.start()] + phrase + text[match.end():]
        if lv == -2:
            out[lv] = "not achieved " + out[lv]
    return out


def support_rung(text: str) -> int | None:
    """Where ``text`` sits on :data:`SUPPORT_LADDER` (0 = most help), or None if unknown."""
    low = text.lower()
    for rung, keywords in _SUPPORT_KEYWORDS:
        if any(k in low for k in keywords):
            return rung
    return None


def _support(text: str) -> dict[int, str]:
    rung = support_rung(text)
    out = {}
    for lv in (-2, -1, 1, 2):
        if rung is not None and 0 <= rung + lv < len(SUPPORT_LADDER):
            out[lv] = SUPPORT_LADDER[rung + lv]
        else:
            ref = text if rung is None else SUPPORT_LADDER[rung]
            out[lv] = _relative(("more help than", "less help than"), lv, ref)
    return out


_VARY: dict[str, tuple[str, Callable[[str], dict[int, str]]]] = {
    "quantity": ("quantity", _quantity),
    "support": ("support", _support),
    "time": ("time_frame", _time),
}


def draft_scale(parts: GoalParts, vary: Vary = "quantity", baseline: int = -1) -> GasScale:
    """Draft five GAS levels from a goal's parts by changing one part (``vary``).

    Level 0 is the goal as written. Quantity: the first number is scaled (x0.5 for -1, "less
    than" that for -2, x1.5 for +1, "at least" x2 for +2; counts are rounded to whole numbers;
    after "under", "fewer than", "within"... a smaller amount is better and the factors flip:
    :data:`LOWER_QUANTITY_FACTORS`). Support: one rung per level on :data:`SUPPORT_LADDER`.
    Time: a deadline is scaled (x2 "not achieved" for -2, x1.5, x0.75, x0.5 for +2); a duration
    ("for 3 months") is scaled like a quantity. Unfillable levels read ``[edit: ...]``.
    Raises :class:`GasError` for an unknown ``vary``, a baseline outside -2..+2 or an empty
    part to vary.
    """
    if vary not in _VARY:
        raise GasError(f"vary must be 'quantity', 'support' or 'time' (got {vary!r})")
    if isinstance(baseline, bool) or baseline not in LEVELS:
        raise GasError(f"baseline must be one of -2, -1, 0, +1, +2 (got {baseline!r})")
    field, rule = _VARY[vary]
    written = getattr(parts, field).strip()
    if not written:
        raise GasError(
            f"the goal has no {field.replace('_', ' ')} written, so it cannot be varied: "
            "fill it in or vary another part"
        )
    varied = rule(written)
    texts = {0: _compose(parts)} | {lv: _compose(parts, **{field: text})
                                    for lv, text in varied.items()}
    longest = max(len(t) for t in texts.values())
    if longest > TEXT:
        raise GasError(f"the goal's parts are too long to draft levels from (a level would be "
                       f"{longest:,} characters; at most {TEXT:,}): shorten them")
    levels = [GasLevelText(level=lv, text=text) for lv, text in sorted(
        texts.items(), key=lambda item: item[0] != 0)]
    level: GasLevel = baseline  # type: ignore[assignment]  # checked against LEVELS above
    return GasScale(levels=tuple(levels), baseline=level)


_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def amounts(text: str) -> list[float]:
    """The numbers in ``text``, with time spans converted to days so units compare."""
    out = []
    for m in _NUMBER.finditer(text):
        unit = re.match(r"\s*(day|week|month|year)s?\b", text[m.end() :], re.IGNORECASE)
        out.append(_value(m.group(1)) * (_DAYS[unit.group(1).lower()] if unit else 1))
    return out
