"""Clinical shorthand in goal statements: "amb 50 m w/ 4WW CGA within 3/52".

Therapists write goals the way they write notes. Before the lexicons look at a statement, the
tokens of each abbreviation listed in ``goalkit/data/shorthand.json`` (with its sources) are
replaced by the tokens of the plain words it stands for. The new tokens keep the character span
of the abbreviation, so every quote the checker makes is still the goal's own words: the time
frame of "within 3/52" reads as "within 3 weeks" but is quoted as "within 3/52".

>>> from goalkit._text import tokenize
>>> text = "amb 50 m w/ 4WW"
>>> tokens, used = expand(text, tokenize(text))
>>> [t.norm for t in tokens]
['walk', '50', 'm', 'with', 'a', 'four', 'wheeled', 'walker']
>>> [text[t.start:t.end] for t in tokens][-1], used[0]
('4WW', ('amb', 'walk'))
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files

from goalkit._text import Token, tokenize

__all__ = ["ENTRIES", "SOURCES", "Entry", "expand"]

NUMBER = "#"  # in an entry, stands for a number written in the goal


@dataclass(frozen=True, slots=True)
class Entry:
    """One abbreviation: its tokens (lower case, '#' for a number) and what it stands for."""

    short: str
    long: str
    source: str
    pattern: tuple[str, ...]
    after: frozenset[str] = frozenset()  # read so only after one of these words
    not_after: frozenset[str] = frozenset()  # never read so after one of these words
    #: read so only before one of these words ("<end>": the text ends, "<punct>": a sign)
    next: frozenset[str] = frozenset()
    cased: bool = False  # read so only as written, in capitals ("I" independent, not "i")


def _load() -> tuple[tuple[Entry, ...], Mapping[str, str]]:
    raw = json.loads((files("goalkit") / "data" / "shorthand.json").read_text("utf-8"))
    entries = []
    for item in raw["entries"]:
        pattern = tuple(t.norm for t in tokenize(item["short"]))
        if item["source"] not in raw["sources"]:
            raise ValueError(f"shorthand {item['short']!r}: unknown source {item['source']!r}")
        entries.append(Entry(item["short"], item["long"], item["source"], pattern,
                             frozenset(item.get("after", ())),
                             frozenset(item.get("not_after", ())),
                             frozenset(item.get("next", ())), bool(item.get("cased", False))))
    return tuple(entries), raw["sources"]


ENTRIES, SOURCES = _load()
_BY_FIRST: dict[str, list[Entry]] = {}
for _e in ENTRIES:
    _BY_FIRST.setdefault(_e.pattern[0], []).append(_e)
for _bucket in _BY_FIRST.values():
    # longest first; at equal length a plain word beats a number slot ("x1" before "x#")
    _bucket.sort(key=lambda e: (-len(e.pattern), e.pattern.count(NUMBER)))


def _next_fits(entry: Entry, tokens: Sequence[Token], j: int) -> bool:
    if not entry.next:
        return True
    if j >= len(tokens):
        return "<end>" in entry.next
    if tokens[j].kind == "punct" and "<punct>" in entry.next:
        return True
    return tokens[j].norm in entry.next


def _match(entry: Entry, tokens: Sequence[Token], i: int) -> str | None:
    """The number the entry's '#' stood for ('' when it has none), or None if no match."""
    if i + len(entry.pattern) > len(tokens):
        return None
    if entry.cased and not tokens[i].text.isupper():
        return None
    if not _next_fits(entry, tokens, i + len(entry.pattern)):
        return None
    number = ""
    for k, want in enumerate(entry.pattern):
        tok = tokens[i + k]
        if want == NUMBER:
            if tok.kind != "num":
                return None
            number = tok.text
        elif tok.norm != want:
            return None
    return number


_PLAIN: dict[tuple[int, str], tuple[Token, ...]] = {}


def _plain_tokens(plain: str, lemmas: Mapping[str, frozenset[str]] | None) -> tuple[Token, ...]:
    """The tokens of an expansion, worked out once per lemma table and text."""
    key = (id(lemmas), plain)
    found = _PLAIN.get(key)
    if found is None:
        if len(_PLAIN) > 4096:
            _PLAIN.clear()
        found = _PLAIN[key] = tuple(tokenize(plain, lemmas))
    return found


def _best(tokens: Sequence[Token], i: int, prev: str, prev2: str = "") -> tuple[Entry, str] | None:
    """The entry read at ``i`` (the longest; a plain word beats a number slot), or None."""
    tok = tokens[i]
    best: tuple[Entry, str] | None = None
    for bucket in (_BY_FIRST.get(tok.norm), _BY_FIRST.get(NUMBER) if tok.kind == "num"
                   else None):
        for entry in bucket or ():
            if best is not None and len(entry.pattern) <= len(best[0].pattern):
                break
            if (entry.after and prev not in entry.after and not (
                    prev[:1].isdigit() and "<num>" in entry.after)) or prev in entry.not_after:
                continue  # ("<num>" in `after`: any number, as in the range "4-6/52")
            if prev == "to" and not prev2[:1].isdigit() and entry.pattern[1:] == ("/", "12"):
                continue  # "increase to 10/12" is a score; "from 2 to 4/12" a span of months
            if len(entry.pattern) > 1 and i + 1 < len(tokens) and entry.pattern[1] != NUMBER \
                    and entry.pattern[1] != tokens[i + 1].norm:
                continue
            number = _match(entry, tokens, i)
            if number is not None:
                best = (entry, number)
                break
    return best


def expand(
    text: str, tokens: list[Token], lemmas: Mapping[str, frozenset[str]] | None = None
) -> tuple[list[Token], tuple[tuple[str, str], ...]]:
    """Tokens with every listed abbreviation replaced by its plain words (spans kept), and
    the abbreviations read, as ``(as written, read as)`` pairs in text order."""
    out: list[Token] = []
    used: list[tuple[str, str]] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        found = _best(tokens, i, out[-1].norm if out else "",
                      out[-2].norm if len(out) > 1 else "")
        if found is None:
            out.append(tok)
            i += 1
            continue
        entry, number = found
        last = tokens[i + len(entry.pattern) - 1]
        plain = entry.long.replace(NUMBER, number)
        span = next((tokens[i + k] for k, w in enumerate(entry.pattern) if w == NUMBER), tok)
        for t in _plain_tokens(plain, lemmas):
            # a leading number keeps its own span, so the "3" of "3/52" can still be quoted
            # alone; inside ("POD 10") it takes the whole abbreviation's
            if number and t.kind == "num" and t.text == number and entry.pattern[0] == NUMBER:
                out.append(t._replace(start=span.start, end=span.end))
            else:
                out.append(t._replace(start=tok.start, end=last.end))
        used.append((text[tok.start:last.end], plain))
        i += len(entry.pattern)
    return out, tuple(used)
