"""Tag a goal statement with the ICF categories it is about.

The table (codes, official ICF titles, how sure goalkit is about each category, and the
keywords that find it) lives in ``goalkit/data/icf.json``; this module only reads and matches.

>>> [(m.code, m.matched) for m in classify("Walk to the shop without back pain")]
[('d450', ('Walk',)), ('d620', ('shop',)), ('b280', ('pain',))]
>>> title("d450")
'Walking'
>>> CATEGORIES["b280"].status
'confirmed'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Literal

from goalkit._text import PhraseIndex, build_lemmas, covered, tokenize

__all__ = ["CATEGORIES", "NOTES", "Category", "IcfMatch", "classify", "title"]

Status = Literal["confirmed", "unverified", "goalkit"]


@dataclass(frozen=True)
class Category:
    """One ICF category from goalkit's table."""

    code: str
    title: str
    component: str
    status: Status
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class IcfMatch:
    """A category found in a text, with the words that found it (as written)."""

    code: str
    title: str
    matched: tuple[str, ...]


def _load() -> tuple[dict[str, Category], tuple[str, ...]]:
    raw = json.loads((files("goalkit") / "data" / "icf.json").read_text(encoding="utf-8"))
    cats: dict[str, Category] = {}
    for item in raw["categories"]:
        cat = Category(item["code"], item["title"], item["component"], item["status"],
                       tuple(item["keywords"]))
        cats[cat.code] = cat
    return cats, tuple(raw["notes"])


_CATS, _NOTES = _load()
CATEGORIES: Mapping[str, Category] = MappingProxyType(_CATS)
NOTES: tuple[str, ...] = _NOTES



@cache
def _matcher() -> tuple[PhraseIndex, dict[str, frozenset[str]]]:
    """The keyword index and its lemmas, built on the first :func:`classify` (a title look-up,
    as the PDF's, needs neither)."""
    index = PhraseIndex((kw, code) for code, cat in _CATS.items() for kw in cat.keywords)
    return index, build_lemmas(w for w in index.words if len(w) > 2)


def title(code: str) -> str | None:
    """The ICF title of ``code``, or None when goalkit's table does not hold it.

    >>> title("b280"), title("d4500")
    ('Sensation of pain', None)
    """
    cat = _CATS.get(code.strip().lower()) if isinstance(code, str) else None
    return cat.title if cat else None


def classify(text: str) -> list[IcfMatch]:
    """ICF categories named in ``text``: those of the goal's target first, then those named
    only in its reason or setting ("so that I can enjoy work again"), each in order of first
    mention. The text is read as the SMART checker reads it, shorthand included ("amb" is
    walking), so the two never disagree about what the goal is about."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    from goalkit.smart_roles import aside_spans
    from goalkit.smart_scan import scan_text
    from goalkit.smart_shorthand import expand

    index, lemmas = _matcher()
    tokens, _ = expand(text, tokenize(text, lemmas), lemmas)
    aside = aside_spans(scan_text(text))
    found = list(index.scan(tokens))
    # A keyword inside a longer keyword match ("stand" in "stand up") does not count.
    spans = [(m.start, m.end) for m in found]
    kept = [m for m, inside in zip(found, covered(spans, spans), strict=True) if not inside]
    by_code: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for m in kept:
        code = str(m.payload)
        words = text[tokens[m.start].start : tokens[m.end - 1].end]
        by_code.setdefault(code, [])
        if words not in by_code[code]:
            by_code[code].append(words)
        in_aside = any(a <= m.start < b for a, b in aside)
        first.setdefault(code, m.start + (len(tokens) if in_aside else 0))
    order = sorted(by_code, key=lambda c: (first[c], c))
    return [IcfMatch(c, _CATS[c].title, tuple(by_code[c])) for c in order]
