"""What changed between two versions of a worksheet, in plain words (for the revision history).

The store keeps every revision whole; :func:`describe` compares one with the one before and
names what differs the way the clinician sees it ("goal 1 (main): wording; check-in of
14 Jan 2026 added"), not as field paths or ids.

>>> from goalkit.model import Worksheet, evolve
>>> old = Worksheet(id="w1")
>>> describe(old, evolve(old, context="chronic_pain", notes="x"))
'context; notes'
>>> describe(None, old)
'started'
"""

from __future__ import annotations

from typing import Any

from .merge import FIELD_NAMES, record_names
from .model import Worksheet

__all__ = ["describe"]

_LISTS = {
    "goals": "goal",
    "steps": "step",
    "measures": "measure",
    "barriers": "barrier",
    "reviews": "review date",
    "checkins": "check-in",
    "priorities": "priority",
}
_SKIP = {"updated", "id"}


def _walk(path: tuple[str, ...], old: Any, new: Any, names: dict[str, str], out: list[str]) -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in dict.fromkeys([*old, *new]):
            if key not in _SKIP:
                _walk((*path, key), old.get(key), new.get(key), names, out)
        return
    kind = _LISTS.get(path[-1]) if path else None
    records = isinstance(old, list) and isinstance(new, list)
    if kind and records and all(isinstance(i, dict) and "id" in i for i in [*old, *new]):
        before = {r["id"]: r for r in old}
        after = {r["id"]: r for r in new}
        for rid in dict.fromkeys([*before, *after]):
            name = names.get(rid, f"a {kind}")
            if rid not in before:
                out.append(f"{name} added")
            elif rid not in after:
                out.append(f"{name} removed")
            else:
                _walk((*path, rid), before[rid], after[rid], names, out)
        return
    out.append(_label(path, names))


def _label(path: tuple[str, ...], names: dict[str, str]) -> str:
    words: list[str] = []
    for key in path:
        if key in names:
            words = [names[key]]
        elif key not in _LISTS:
            words.append(FIELD_NAMES.get(key, key.replace("_", " ")).lower())
    if len(words) > 1:
        return f"{words[0]}: {' '.join(words[1:])}"
    return words[0] if words else "the worksheet"


def describe(old: Worksheet | None, new: Worksheet, *, most: int = 4) -> str:
    """The changes from ``old`` to ``new`` in a few words; "started" when there is no ``old``,
    "no change" when only the time stamp moved. At most ``most`` items, then "and N more"."""
    if old is None:
        return "started"
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    found: list[str] = []
    _walk((), a, b, record_names(a, b), found)
    found = list(dict.fromkeys(found))
    if not found:
        return "no change"
    more = len(found) - most
    text = "; ".join(found[:most])
    return text + (f"; and {more} more" if more > 0 else "")
