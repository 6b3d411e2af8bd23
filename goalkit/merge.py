"""Three-way merge of worksheets: this tab's edits on top of a newer revision saved elsewhere.

Two tabs (or two computers) open revision 5; one saves revision 6. The other tab's save is
refused (:class:`~goalkit.errors.ConflictError`), and its typed work must not be lost:
:func:`merge` compares both sides with the revision they started from, field by field.

- A field changed on one side only takes that side's value.
- Records with an id (goals, steps, measures, barriers, reviews, check-ins, priorities) are
  matched by id, so a step added here and a barrier added there both survive; a record
  removed on one side and left alone on the other is removed; a record removed on one side
  and changed on the other is kept with the change (typed work wins over a deletion).
- A field changed on both sides to different values is a :class:`Clash`: the person chooses
  (:meth:`Merge.resolve`); until then the newer revision's value stands.

>>> from goalkit.model import Worksheet, evolve
>>> base = Worksheet(id="w1", patient_ref="P-1")
>>> theirs = evolve(base, notes="from the other tab")
>>> mine = evolve(base, clinician="Physio B")
>>> m = merge(base, mine, theirs)
>>> m.clashes, m.resolve({}).notes, m.resolve({}).clinician
((), 'from the other tab', 'Physio B')
>>> m = merge(base, evolve(base, notes="mine"), theirs)
>>> [c.label for c in m.clashes], m.resolve({0: "mine"}).notes
(['Notes'], 'mine')
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from .display import day
from .errors import GoalkitError
from .model import Worksheet

__all__ = ["FIELD_NAMES", "Clash", "Merge", "merge", "record_names"]

Path = tuple[str, ...]
Side = Literal["mine", "theirs"]
_IGNORED = {"updated"}  # set again on save
FIELD_NAMES = {
    "patient_ref": "Patient reference",
    "clinician": "Clinician",
    "context": "Context",
    "priorities": "Priorities",
    "values": "Values",
    "fears": "Fears and worries",
    "support": "Support person",
    "relationship": "who",
    "how_they_help": "how they help",
    "statement": "wording",
    "why": "why it matters",
    "parts": "parts",
    "time_frame": "time frame",
    "priority_ids": "priority it serves",
    "gas": "GAS scale",
    "icf_codes": "ICF codes",
    "text": "text",
    "plan": "plan",
    "notes": "Notes",
    "target_date": "target date",
    "done_on": "done on",
}


@dataclass(frozen=True)
class Clash:
    """One field both sides changed differently."""

    path: Path
    label: str
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Merge:
    """The merged worksheet (as a document) and the clashes still to decide."""

    document: dict[str, Any]
    clashes: tuple[Clash, ...]
    changed_here: int
    """How many fields this tab changed (a measure of what the merge kept)."""

    def resolve(self, choices: dict[int, Side]) -> Worksheet:
        """The merged worksheet, with ``choices[i]`` deciding clash ``i`` (default: the newer
        revision's value). Raises GoalkitError when the result is not a valid worksheet."""
        doc = copy.deepcopy(self.document)
        for i, clash in enumerate(self.clashes):
            if choices.get(i) == "mine":
                _set(doc, clash.path, copy.deepcopy(clash.mine))
        for key in ("checkins", "reviews"):
            doc[key] = sorted(doc.get(key, []), key=lambda r: r["date"])
        try:
            return Worksheet.model_validate(doc)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            raise GoalkitError(
                "the two versions cannot be combined into one valid worksheet "
                f"({first['msg'].removeprefix('Value error, ')}); download your changes instead"
            ) from None


def _is_records(*values: Any) -> bool:
    return all(
        isinstance(v, list) and all(isinstance(i, dict) and "id" in i for i in v) for v in values
    )


def _set(doc: Any, path: Path, value: Any) -> None:
    *head, last = path
    for key in head:
        doc = _child(doc, key)
    if isinstance(doc, list):
        for i, item in enumerate(doc):
            if item["id"] == last:
                doc[i] = value
                return
        doc.append(value)
    else:
        doc[last] = value


def _child(doc: Any, key: str) -> Any:
    if isinstance(doc, list):
        return next(item for item in doc if item["id"] == key)
    return doc[key]


class _Merger:
    def __init__(self, names: dict[str, str]) -> None:
        self.clashes: list[Clash] = []
        self.changed_here = 0
        self.names = names  # record id -> plain name ("Goal 1 (main)", "Check-in of ...")

    def label(self, path: Path) -> str:
        words: list[str] = []
        for key in path:
            if key in self.names:
                words = [self.names[key]]
            elif key in {"goals", "steps", "measures", "barriers", "reviews", "checkins"}:
                continue
            else:
                words.append(FIELD_NAMES.get(key, key.replace("_", " ")))
        if not words:
            return "The worksheet"
        text = ": ".join([words[0], " ".join(words[1:])]) if len(words) > 1 else words[0]
        return text[:1].upper() + text[1:]

    def value(self, path: Path, base: Any, mine: Any, theirs: Any) -> Any:
        if mine == theirs:
            return mine
        if mine == base:
            return theirs
        if theirs == base:
            self.changed_here += 1
            return mine
        if isinstance(mine, dict) and isinstance(theirs, dict) and isinstance(base, dict):
            out = {}
            for key in dict.fromkeys([*theirs, *mine]):
                if key in _IGNORED:
                    out[key] = theirs.get(key, mine.get(key))
                    continue
                out[key] = self.value(
                    (*path, key), base.get(key), mine.get(key), theirs.get(key)
                )
            return out
        if _is_records(base, mine, theirs):
            return self.records(path, base, mine, theirs)
        self.changed_here += 1
        self.clashes.append(Clash(path, self.label(path), mine, theirs))
        return theirs

    def records(
        self, path: Path, base: list[dict[str, Any]], mine: list[dict[str, Any]],
        theirs: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        old = {r["id"]: r for r in base}
        here = {r["id"]: r for r in mine}
        there = {r["id"]: r for r in theirs}
        out = []
        for rid in dict.fromkeys([*there, *here]):
            b, m, t = old.get(rid), here.get(rid), there.get(rid)
            if m is None and t is not None:  # removed here
                if b is not None and t != b:
                    out.append(t)  # changed there: keep the change
                elif b is None:
                    out.append(t)  # added there
                else:
                    self.changed_here += 1
                continue
            if t is None and m is not None:  # removed there, or added here
                if b is None or m != b:
                    if b is None:
                        self.changed_here += 1
                    out.append(m)
                continue
            if m is not None and t is not None:
                out.append(self.value((*path, rid), b if b is not None else {}, m, t))
        return out


def _named(kind: str, text: str | None) -> str:
    text = " ".join((text or "").split())
    if not text:
        return f"a {kind}"
    return f"{kind} '{text[:40]}{'…' if len(text) > 40 else ''}'"


def _day(text: str) -> str:
    try:
        return day(dt.date.fromisoformat(text))
    except (TypeError, ValueError):
        return str(text)


def record_names(*docs: dict[str, Any]) -> dict[str, str]:
    """Plain names of the records in worksheet documents, by id ("goal 2", "check-in of ...")."""
    names: dict[str, str] = {}
    for doc in docs:
        goals = doc.get("goals", [])
        ordered = [g for g in goals if g.get("role") == "primary"] + [
            g for g in goals if g.get("role") != "primary"
        ]
        for n, g in enumerate(ordered, start=1):
            goal = f"goal {n}" + (" (main)" if n == 1 else "")
            names.setdefault(g["id"], goal)
            for m in g.get("measures", []):
                names.setdefault(m["id"], f"{goal}, " + _named("measure", m.get("name")))
            for s in g.get("steps", []):
                names.setdefault(s["id"], f"{goal}, " + _named("step", s.get("text")))
        for c in doc.get("checkins", []):
            names.setdefault(c["id"], f"check-in of {_day(c['date'])}")
        for b in doc.get("barriers", []):
            names.setdefault(b["id"], _named("barrier", b.get("text")))
        for r in doc.get("reviews", []):
            names.setdefault(r["id"], f"review of {_day(r['date'])}")
        for p in doc.get("priorities", []):
            names.setdefault(p["id"], _named("priority", p.get("text")))
    return names


def merge(base: Worksheet, mine: Worksheet, theirs: Worksheet) -> Merge:
    """This tab's worksheet ``mine`` on top of the newer ``theirs``; both started from
    ``base``."""
    docs = [w.model_dump(mode="json") for w in (base, mine, theirs)]
    merger = _Merger(record_names(docs[1], docs[2]))
    doc = merger.value((), *docs)
    return Merge(doc, tuple(merger.clashes), merger.changed_here)
