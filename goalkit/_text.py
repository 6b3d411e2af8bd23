"""Tokenising and phrase matching shared by goalkit's text checkers (SMART, ICF).

Text is split into tokens once, by one regular expression without nested quantifiers, and every
later step scans the token list. Phrases are matched through an index keyed by their first word,
so matching is linear in the number of tokens.

>>> [t.norm for t in tokenize("Walk 2km, twice a day!")]
['walk', '2', 'km', ',', 'twice', 'a', 'day', '!']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "DETERMINERS",
    "NUMBER_WORDS",
    "Match",
    "PhraseIndex",
    "Token",
    "build_lemmas",
    "covered",
    "forms",
    "number_value",
    "tokenize",
]

# A word (letters, one optional apostrophe part: "daughter's", "don't"), a number ("1", "2.5",
# "6,000") or any other single visible character. Each alternative is a single quantified run,
# so the engine never backtracks over more than one run.
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+(?:[.,]\d+)?|[^\w\s]")

_HYPHENS = frozenset("-‐‑–")

NUMBER_WORDS: Mapping[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "half": 0.5, "quarter": 0.25, "dozen": 12, "once": 1, "twice": 2, "thrice": 3,
    "first": 1, "second": 2, "third": 3,
}

DETERMINERS = frozenset({
    "a", "an", "the", "my", "his", "her", "their", "our", "your", "its", "this", "that", "these",
    "those", "one's", "some",
})


class Token(NamedTuple):
    """One token: its original text, a normalised form and its character span."""

    text: str
    norm: str
    start: int
    end: int
    kind: str  # "word", "num" (digits) or "punct"
    keys: frozenset[str]  # the normalised form and the base words it may be a form of
    is_num: bool  # digits, or a number word ("two", "half")


def tokenize(text: str, lemmas: Mapping[str, frozenset[str]] | None = None) -> list[Token]:
    """Split ``text`` into tokens; ``lemmas`` maps an inflected form to its base words."""
    lemmas = lemmas or {}
    out: list[Token] = []
    append = out.append
    empty: frozenset[str] = frozenset()
    # raw text -> (norm, kind, keys, is_num), worked out once per distinct string
    known: dict[str, tuple[str, str, frozenset[str], bool]] = {}
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        info = known.get(raw)
        if info is None:
            first = raw[0]
            kind = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
            norm = "x" if raw == "×" else raw.lower().replace("’", "'")
            if kind == "word" and norm.endswith("'s"):
                base = norm[:-2]
                keys = frozenset((norm, base, *lemmas.get(base, empty)))
            else:
                keys = lemmas.get(norm, empty) | {norm}
            info = known[raw] = (norm, kind, keys, kind == "num" or norm in NUMBER_WORDS)
        if raw in _HYPHENS and m.start() > 0 and m.end() < len(text) \
                and not text[m.start() - 1].isspace() and not text[m.end()].isspace():
            continue  # "pain-free" reads as "pain free", "20-minute" as "20 minute"
        # (a dash between spaces is kept: "POD 2 – stairs" is two parts of a note)
        append(Token(raw, info[0], m.start(), m.end(), info[1], info[2], info[3]))
    return out


def number_value(tok: Token) -> float | None:
    """The numeric value of a number token, or None.

    >>> number_value(tokenize("6,000")[0]), number_value(tokenize("twelve")[0])
    (6000.0, 12)
    """
    if tok.kind == "num":
        digits = tok.norm
        if "," in digits:
            whole, _, frac = digits.partition(",")
            digits = whole + frac if len(frac) == 3 else f"{whole}.{frac}"
        try:
            return float(digits)
        except ValueError:  # pragma: no cover - the token pattern only admits numbers
            return None
    return NUMBER_WORDS.get(tok.norm)


def forms(base: str) -> set[str]:
    """Regular inflections of an English word (over-generating is harmless here).

    >>> {"jogs", "jogging", "jogged"} <= forms("jog"), "driving" in forms("drive")
    (True, True)
    """
    out = {base, base + "s", base + "es", base + "ing", base + "ed", base + "d"}
    if base.endswith("e"):
        out |= {base[:-1] + "ing", base[:-1] + "ed"}
    if base.endswith("y"):
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou":
        out |= {base + base[-1] + "ing", base + base[-1] + "ed"}
    return out


# Element syntax in phrases: a plain word matches the word or any of its inflections;
# "<det>" a determiner or possessive (with or without "own"); "<num>" a number; a trailing "?"
# makes an element optional.
_Element = tuple[str, bool]  # (word or <class>, optional)


def _parse(phrase: str) -> tuple[_Element, ...]:
    return tuple((w.rstrip("?"), w.endswith("?")) for w in phrase.split())


def _fits(element: str, tok: Token) -> bool:
    if element == "<det>":
        return tok.norm in DETERMINERS or tok.norm == "own"  # notes write "make own bed"
    if element == "<num>":
        return tok.is_num
    return element in tok.keys


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found at tokens ``[start, end)``, with the payload it was registered with."""

    start: int
    end: int
    phrase: str
    payload: object


class PhraseIndex:
    """Finds registered phrases in a token list, longest first, in one left-to-right pass."""

    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[_Element, ...], str, object]]] = {}
        for phrase, payload in entries:
            parsed = _parse(phrase)
            first, optional = parsed[0]
            if optional or first.startswith("<"):
                raise ValueError(f"phrase must start with a plain word: {phrase!r}")
            self._by_first.setdefault(first, []).append((parsed, phrase, payload))
        for bucket in self._by_first.values():
            bucket.sort(key=lambda item: -len(item[0]))

    @property
    def words(self) -> frozenset[str]:
        """Every plain word used in a registered phrase (for building lemma tables)."""
        out: set[str] = set()
        for bucket in self._by_first.values():
            for parsed, _, _ in bucket:
                out.update(w for w, _ in parsed if not w.startswith("<"))
        return frozenset(out)

    def _match_at(self, parsed: Sequence[_Element], tokens: Sequence[Token], i: int) -> int:
        """End index of ``parsed`` matched at ``i``, or -1. Optional elements are tried first
        as present, then as absent; phrases are short, so this stays cheap."""

        if not any(optional or word == "<det>" for word, optional in parsed):
            if i + len(parsed) > len(tokens):
                return -1
            for j, (word, _) in enumerate(parsed):
                if not _fits(word, tokens[i + j]):
                    return -1
            return i + len(parsed)

        def go(j: int, k: int) -> int:
            if j == len(parsed):
                return k
            word, optional = parsed[j]
            if k < len(tokens) and _fits(word, tokens[k]):
                if word == "<det>" and k + 1 < len(tokens) and tokens[k + 1].norm == "own" \
                        and tokens[k].norm != "own":
                    end = go(j + 1, k + 2)  # "my own bed"
                    if end >= 0:
                        return end
                end = go(j + 1, k + 1)
                if end >= 0:
                    return end
            return go(j + 1, k) if optional else -1

        return go(0, i)

    def scan(self, tokens: Sequence[Token]) -> Iterator[Match]:
        """Yield every registered phrase found, at each start position longest first."""
        by_first = self._by_first
        for i, tok in enumerate(tokens):
            for key in tok.keys:
                bucket = by_first.get(key)
                if not bucket:
                    continue
                for parsed, phrase, payload in bucket:
                    end = self._match_at(parsed, tokens, i)
                    if end > 0:
                        yield Match(i, end, phrase, payload)


def build_lemmas(
    words: Iterable[str], irregular: Mapping[str, str] | None = None
) -> dict[str, frozenset[str]]:
    """Map every inflected form of ``words`` (and irregular forms) to the base words."""
    table: dict[str, set[str]] = {}
    for base in words:
        for form in forms(base):
            table.setdefault(form, set()).add(base)
    for form, base in (irregular or {}).items():
        table.setdefault(form, set()).add(base)
    return {form: frozenset(bases) for form, bases in table.items()}


def covered(inner: Sequence[tuple[int, int]], outer: Sequence[tuple[int, int]]) -> list[bool]:
    """For each ``inner`` span, whether a longer ``outer`` span contains it. Linear time.

    >>> covered([(1, 2), (0, 3)], [(0, 3)])
    [True, False]
    """
    before: dict[int, int] = {}  # start -> largest end among outer spans starting there
    for s, e in outer:
        if e > before.get(s, -1):
            before[s] = e
    starts = sorted(before)
    out: list[bool] = []
    order = sorted(range(len(inner)), key=lambda k: inner[k][0])
    result = [False] * len(inner)
    best = -1  # largest end among outer spans starting strictly before the current start
    idx = 0
    for k in order:
        s, e = inner[k]
        while idx < len(starts) and starts[idx] < s:
            best = max(best, before[starts[idx]])
            idx += 1
        result[k] = best >= e or before.get(s, -1) > e
    out.extend(result)
    return out
