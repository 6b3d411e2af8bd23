"""Worked teaching cases, stored as data: one JSON file per case in this folder.

Each case follows one (invented) patient from the vague goal they first say, through a
step-by-step rewrite, to the agreed worksheet with its check-ins. It also records what goalkit
should compute from that worksheet (:class:`Claims`) and the sources behind its figures.
Notebooks show the cases and ``tests/test_cases.py`` checks every claim. ``SOURCES.md`` here
lists the full references; ``docs/cases.md`` says what each case teaches.

>>> "discectomy-football" in names()
True
>>> case = load("discectomy-football")
>>> case.rewrites[-1].text == case.worksheet.primary.statement
True
>>> load("../etc/passwd")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
goalkit.cases.UnknownCaseError: no case named '../etc/passwd'; the cases are: ...
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from goalkit.errors import GoalkitError, WorksheetFileError
from goalkit.fileformat import loads as load_worksheet
from goalkit.model import Context, Worksheet

__all__ = [
    "Case",
    "CaseError",
    "Checkpoint",
    "Claims",
    "FacilitatorNotes",
    "FinalClaims",
    "Rewrite",
    "ScaleException",
    "SeriesRef",
    "Source",
    "UnknownCaseError",
    "load",
    "names",
    "summary",
]

NAME_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A case name: lowercase words joined by hyphens; also the file name without ``.json``."""

Line = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\n]*$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]


class CaseError(GoalkitError, ValueError):
    """A case file that cannot be read or does not hold a valid case."""


class UnknownCaseError(GoalkitError, KeyError, ValueError):
    """No case has the name asked for (also raised for names that are not case names)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Rewrite(_Record):
    """One step from the vague goal toward the agreed one, and what changed in it."""

    text: Text
    what_changed: Text


class FacilitatorNotes(_Record):
    """For the trainer: points the case teaches and questions to put to the group."""

    teaching_points: tuple[Text, ...] = Field(min_length=1)
    questions: tuple[Text, ...] = Field(min_length=1)


class Source(_Record):
    """A reference (full entry under ``key`` in ``SOURCES.md``) and what it supports here."""

    key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9-]{2,40}$")]
    used_for: Text


class SeriesRef(_Record):
    """A followed series as :mod:`goalkit.patterns` names it: a goal (None for the
    worksheet's pain score) and the series name ('GAS level', a measure's name, 'pain')."""

    goal_id: str | None
    series: Line


class _Patterns(_Record):
    date: dt.date
    plateaus: tuple[SeriesRef, ...] = ()
    setbacks: tuple[SeriesRef, ...] = ()


class Checkpoint(_Patterns):
    """Plateaus and setbacks goalkit finds when the check-ins end at ``date``."""

    note: Text


class FinalClaims(_Patterns):
    """What goalkit computes at the latest check-in: T-scores to one decimal, milestones."""

    unweighted: float
    weighted: float | None
    milestones: int = Field(ge=0)


class ScaleException(_Record):
    """A GAS scale check that fails on purpose, and why (for example, a teaching example)."""

    goal_id: str
    rule: Line
    why: Text


class Claims(_Record):
    """What the case says goalkit computes; ``tests/test_cases.py`` checks each claim.

    ``checkpoints`` name every earlier check-in at which goalkit finds a plateau or setback.
    """

    final: FinalClaims
    checkpoints: tuple[Checkpoint, ...] = ()
    scale_exceptions: tuple[ScaleException, ...] = ()


class Case(_Record):
    """A worked case: the story, the rewrite from vague to SMART, the agreed worksheet."""

    format_version: Literal[1] = 1
    name: Annotated[str, StringConstraints(max_length=40, pattern=rf"^{NAME_PATTERN.pattern}$")]
    title: Line
    summary: Line
    context: Context
    narrative: Text
    first_goals: tuple[Text, ...] = Field(min_length=1)
    rewrites: tuple[Rewrite, ...] = Field(min_length=1)
    worksheet: Worksheet
    facilitator_notes: FacilitatorNotes
    claims: Claims
    sources: tuple[Source, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        ws = self.worksheet
        if ws.context != self.context:
            raise ValueError(f"context {self.context!r} differs from the worksheet's "
                             f"{ws.context!r}")
        if self.rewrites[-1].text != ws.primary.statement:
            raise ValueError("the last rewrite must be the primary goal's statement")
        goal_ids = {g.id for g in ws.goals}
        dates = {c.date for c in ws.checkins}
        claims = self.claims
        if claims.final.date != max(dates, default=None):
            raise ValueError(f"final claims are dated {claims.final.date}, not the latest "
                             "check-in")
        for point in (claims.final, *claims.checkpoints):
            if point.date not in dates:
                raise ValueError(f"claims name {point.date}, which is not a check-in date")
            for ref in (*point.plateaus, *point.setbacks):
                if ref.goal_id is not None and ref.goal_id not in goal_ids:
                    raise ValueError(f"claims name unknown goal {ref.goal_id!r}")
        for exc in claims.scale_exceptions:
            if exc.goal_id not in goal_ids:
                raise ValueError(f"scale exception names unknown goal {exc.goal_id!r}")
        keys = [s.key for s in self.sources]
        if len(set(keys)) != len(keys):
            raise ValueError("a source is listed twice")
        return self


def names() -> list[str]:
    """The names of the stored cases, sorted."""
    return sorted(
        entry.name.removesuffix(".json")
        for entry in files(__name__).iterdir()
        if entry.name.endswith(".json") and NAME_PATTERN.fullmatch(entry.name[:-5])
    )


def _describe(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"])
    msg = first["msg"].removeprefix("Value error, ")
    more = f" (and {error.error_count() - 1} more problem(s))" if error.error_count() > 1 else ""
    return f"{where}: {msg}{more}" if where else f"{msg}{more}"


def _parse(name: str, text: str) -> Case:
    label = f"case {name!r}"
    try:
        doc: Any = json.loads(text)
    except ValueError as exc:
        raise CaseError(f"{label}: not valid JSON ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("worksheet"), dict):
        raise CaseError(f"{label}: a case is a JSON object with a 'worksheet' object")
    if doc.get("name") != name:
        raise CaseError(f"{label}: the file holds the case {doc.get('name')!r}")
    # The worksheet goes through the worksheet file format: version check, upgrades, validation.
    try:
        worksheet = load_worksheet(json.dumps(doc["worksheet"]), label=f"{label} worksheet")
    except WorksheetFileError as exc:
        raise CaseError(str(exc)) from None
    try:
        return Case.model_validate({**doc, "worksheet": worksheet})
    except ValidationError as exc:
        raise CaseError(f"{label}: {_describe(exc)}") from None


@cache
def _load(name: str) -> Case:
    text = (files(__name__) / f"{name}.json").read_text(encoding="utf-8")
    return _parse(name, text)


def load(name: str) -> Case:
    """The case called ``name`` (one of :func:`names`).

    Raises :class:`UnknownCaseError` (a ``KeyError`` and a ``ValueError``) for any other name,
    including paths, and :class:`CaseError` if the stored file is damaged.
    """
    known = names()
    if not isinstance(name, str) or name not in known:
        raise UnknownCaseError(
            f"no case named {name!r}; the cases are: {', '.join(known) or '(none)'}")
    return _load(name)


def summary(name: str) -> str:
    """One line describing the case called ``name`` (see :func:`load` for errors)."""
    return load(name).summary
