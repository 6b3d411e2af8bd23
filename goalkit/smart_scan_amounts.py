"""How much: quantities in a goal statement (1 km, 30 minutes, 3 out of 3, 7/10, 50%).

Runs after the time, frequency and support readers, on the tokens they left free, so an
amount is never a time frame ("within 6 weeks"), a frequency ("5 days a week") or a level of
help ("with one person"). Comparators before an amount belong to it ("no more than 4/10").

>>> from goalkit.smart_hits import Scan
>>> from goalkit._text import tokenize
>>> text = "Lift a 5 kg box with pain no higher than 4/10"
>>> scan = Scan(text, tokenize(text))
>>> find_quantities(scan)
>>> [h.text for h in scan.all("quantity")]
['5 kg', 'no higher than 4/10']
"""

from __future__ import annotations

from goalkit import smart_rules as R
from goalkit._text import Token
from goalkit.smart_grammar import (
    COMPARATOR_ENDS,
    COMPARATORS,
    ORDINALS,
    POSSESSIVES,
    norm_at,
    read_number,
)
from goalkit.smart_hits import Scan

__all__ = ["find_quantities"]


def find_quantities(scan: Scan) -> None:
    """How much: 1 km, 30 minutes, 3 out of 3, 7/10, from 3 to 6, 50%, half an hour."""
    toks = scan.tokens
    n = len(toks)
    i = 0
    while i < n:
        tok = toks[i]
        starts = tok.is_num or tok.norm in ("from", "full", "part", "a", "an", "half", "all")
        end = _quantity_at(scan, i) if starts and i not in scan.claimed else i
        if end > i:
            start = _comparator_start(toks, i)
            if tok.norm == "half" and norm_at(toks, i - 1) == "by":
                start = i - 1  # "by half" is the amount, "half" alone is not
            elif start == i and norm_at(toks, i - 1) == "to" and norm_at(toks, i + 1) == "/" \
                    and not norm_at(toks, i - 2)[:1].isdigit():
                start = i - 1  # "to 10/12": a score, where "10/12" alone is ten months
            scan.add("quantity", start, end)
            scan.claim(start, end)
            i = end
        elif R.UNITS.get(tok.norm) in ("duration", "period") and norm_at(
                toks, i + 1) == "long" and toks[i].end == toks[i + 1].start - 1 and scan.free(
                i, i + 2):
            scan.add("quantity", i, i + 2)  # "her hour-long walk": one hour
            scan.claim(i, i + 2)
            i += 2
        else:
            i += 1


def _comparator_start(toks: list[Token], i: int) -> int:
    if norm_at(toks, i - 1) not in COMPARATOR_ENDS:
        return i
    for words in COMPARATORS:
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
    if w in ("full", "part") and norm_at(toks, i + 1) in (
            "time", "shift", "day", "days", "duties", "match", "game", "round", "session",
            "week", "hours", "set", "workout", "class"):
        return i + 2
    if w == "all":  # "attend all 8 sessions", "all hydro sessions": a count
        for k in range(i + 1, min(n, i + 4)):
            if toks[k].norm in R.COUNTED_BY_ALL:
                return k + 1
            if toks[k].kind != "word" and not toks[k].is_num:
                break
        return i
    if w == "half" and norm_at(toks, i - 1) == "by":
        return i + 1  # "cut my tablets by half"
    if w in ("a", "an", "half"):
        j = i + 1
        if w == "half" and norm_at(toks, j) in ("a", "an"):
            j += 1
        unit = norm_at(toks, j)
        if R.UNITS.get(unit) in ("duration", "distance", "load") and unit not in (
                "step", "steps", "stairs", "morning", "evening", "night"):
            if unit in ("round", "length", "lap", "hole") and norm_at(toks, j + 1) != "of" \
                    and unit != "lap":
                return i
            return j + 1
        if w == "half" and unit in ("marathon", "day", "mile"):
            return j + 1
        return i
    if not tok.is_num or w in ORDINALS or w in ("once", "twice", "thrice"):
        return i
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.kind == "word" and prev.end == tok.start \
            and scan.text[tok.start - 1].isalpha():
        return i  # a spinal level such as C5 or L4 (not "<12 s", read as "under 12 s")
    if prev is not None and prev.norm in POSSESSIVES:
        return i  # "my 2 children"
    if w == "one" and norm_at(toks, i + 1) in ("of", "day", "leg", "side", "hand", "arm"):
        return i
    j = read_number(toks, i)
    if norm_at(toks, j) in ("year", "years", "yr") and norm_at(toks, j + 1) in ("old", "olds"):
        return i
    if norm_at(toks, j) == "/" and j + 1 < n and toks[j + 1].is_num:
        j += 2
    elif norm_at(toks, j) == "out" and norm_at(toks, j + 1) == "of" and j + 2 < n \
            and toks[j + 2].is_num:
        j += 3
    unit = norm_at(toks, j)
    if unit == "per" and norm_at(toks, j + 1) == "cent":
        return j + 2
    if unit in R.UNITS and scan.free(j, j + 1):
        return j + 1
    if j < n and toks[j].kind == "word" and unit not in R.STOPWORDS and unit not in (
            "a", "an", "per") and scan.free(j, j + 1):
        # a count of things: "2 bags", "10 bridges", "one planned social event"
        k = j + 1
        while k < min(n, j + 3) and toks[k].kind == "word" and toks[k].norm not in (
                R.STOPWORDS | R.DEST_PREPS) and toks[k].norm not in R.UNITS and scan.free(k, k + 1):
            k += 1
        return k
    return j
