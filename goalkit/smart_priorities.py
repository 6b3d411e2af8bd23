"""Relevant: does a goal link to a priority recorded on the worksheet?

A goal links to a priority when they share a content word (compared by a crude stem, with the
stopwords of :mod:`goalkit.smart_lex_relevant` ignored) or, failing that, an ICF category other
than pain (b280); the ICF table is read only when it is needed.

>>> priority_link("Walk the dog round the park", ["Walking my dog", "Sleep"])
('Walking my dog', ('Walk', 'dog'))
>>> priority_link("Sleep through the night", ["Play golf"]) is None
True
"""

from __future__ import annotations

from collections.abc import Sequence

from goalkit import smart_rules as R
from goalkit._text import tokenize

__all__ = ["priority_link"]


def _stem(word: str) -> str:
    """A crude stem, enough to match "walking" with "walk" and "stairs" with "stair"."""
    w = word.lower().removesuffix("'s")
    for suffix, keep in (("ing", 4), ("ies", 3), ("ed", 4), ("es", 4), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep - 1 and not w.endswith("ss"):
            w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    return w.rstrip("e") if len(w) > 3 else w


def _content(text: str) -> dict[str, str]:
    """Content words of ``text``, stem -> the word as written."""
    out: dict[str, str] = {}
    for tok in tokenize(text):
        if tok.kind == "word" and len(tok.norm) > 2 and tok.norm not in R.STOPWORDS:
            out.setdefault(_stem(tok.norm), tok.text)
    return out


def priority_link(text: str, priorities: Sequence[str]) -> tuple[str, tuple[str, ...]] | None:
    """The first priority ``text`` links to and the words (or ICF category) they share."""
    goal_words = _content(text)
    for priority in priorities:
        shared = [goal_words[s] for s in _content(priority) if s in goal_words]
        if shared:
            return priority, tuple(shared)
    from goalkit import icf  # the ICF table is read only when priorities are compared

    goal_codes = {m.code: m.title for m in icf.classify(text) if m.code != "b280"}
    for priority in priorities:
        for m in icf.classify(priority):
            if m.code in goal_codes:
                return priority, (f"{m.code} {m.title}",)
    return None
