"""The record a scan of one goal statement fills in: its tokens and the hits found in them.

Detectors (see :data:`goalkit.smart_scan.DETECTORS`) add hits by kind and *claim* the tokens a
number reader has used, so a later reader does not read the same words twice.

>>> from goalkit._text import tokenize
>>> scan = Scan("walk 1 km", tokenize("walk 1 km"))
>>> scan.add("quantity", 1, 3).text, scan.has("quantity"), scan.free(1, 2)
('1 km', True, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from goalkit._text import Token

__all__ = ["Hit", "Scan", "hit_texts", "outermost"]


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
    #: clinical shorthand read in the text: (as written, read as), see goalkit.smart_shorthand
    shorthand: tuple[tuple[str, str], ...] = ()

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


def hit_texts(hits: Sequence[Hit]) -> tuple[str, ...]:
    """The quotes of ``hits``, each once, in order."""
    return tuple(dict.fromkeys(h.text for h in hits))


def outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits that lie inside a longer one (quote "walk to the shop", not also "walk")."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if out and h.end <= out[-1].end:
            continue
        out.append(h)
    return out
