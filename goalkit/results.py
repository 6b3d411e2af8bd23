"""Workshop results: one JSON-lines file per learner, and the trainer's table and charts.

Each exercise a learner checks appends one line (an :class:`Attempt`) to
``<results folder>/<slug>.jsonl``. The folder is ``$GOALKIT_RESULTS`` when set, otherwise
``results/`` in goalkit's data folder (``$GOALKIT_HOME`` or the user's data directory). The
file name is a slug of the name the learner chose (:func:`learner_slug`), which is checked so it
can never leave the folder or carry patient data. The trainer reads every file with
:func:`collect` and compares first attempts with the last one, after feedback.

>>> learner_slug("  Zoë O'Brien ")
'zoe-o-brien'
>>> learner_slug("../etc")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
goalkit.results.ResultsError: A results name cannot contain '/' ...

This module holds no widget code: the exercises in :mod:`goalkit.widgets` call it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

from goalkit.errors import GoalkitError

if TYPE_CHECKING:  # the trainer's report loads pandas and matplotlib only when asked for
    from goalkit.results_report import (
        COLUMNS,
        chart,
        collect,
        criteria_chart,
        criteria_table,
        example_frame,
        first_and_last,
        png,
        summary,
    )

__all__ = [
    "COLUMNS",
    "CRITERIA",
    "MAX_NAME",
    "RESULTS_ENV",
    "Attempt",
    "Kind",
    "LearnerResults",
    "ResultsError",
    "chart",
    "collect",
    "criteria_chart",
    "criteria_table",
    "example_frame",
    "first_and_last",
    "learner_slug",
    "open_learner",
    "png",
    "read_attempts",
    "results_dir",
    "summary",
]

RESULTS_ENV = "GOALKIT_RESULTS"
FORMAT = "goalkit-results/1"
MAX_NAME = 40
MAX_TEXT = 2_000
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
Kind = Literal["goal", "rewrite", "assessment", "quiz", "gas", "plan"]
KINDS: tuple[str, ...] = get_args(Kind)
_EXERCISE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                       *(f"lpt{i}" for i in range(1, 10))})  # names Windows will not create


class ResultsError(GoalkitError, ValueError):
    """A results name, folder or record that cannot be used; the message says what to do."""


def results_dir() -> Path:
    """``$GOALKIT_RESULTS``, else ``results/`` in goalkit's data folder."""
    env = os.environ.get(RESULTS_ENV)
    if env:
        return Path(env).expanduser()
    from goalkit.store import default_home

    return default_home() / "results"


_HINT = "Use your first name or a nickname (letters, numbers, spaces, hyphens)."


def learner_slug(name: str) -> str:
    """The file-name form of a learner's chosen name; :class:`ResultsError` if it cannot be one.

    Letters are folded to plain ASCII and lowercased; runs of anything else become one hyphen.
    Refused: empty names, more than :data:`MAX_NAME` characters, path separators, a leading dot,
    control characters, symbols, and runs of 5 or more digits (a record number is patient data).
    """
    if not isinstance(name, str):
        raise ResultsError(f"A results name must be text, not {type(name).__name__}.")
    text = name.strip()
    if not text:
        raise ResultsError(f"Choose a results name first. {_HINT}")
    if len(text) > MAX_NAME:
        raise ResultsError(f"A results name is at most {MAX_NAME} characters (this one has "
                           f"{len(text):,}). {_HINT}")
    if "/" in text or "\\" in text:
        raise ResultsError(f"A results name cannot contain '/' or '\\': it becomes a file name. "
                           f"{_HINT}")
    if text.startswith("."):
        raise ResultsError(f"A results name cannot start with a dot. {_HINT}")
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise ResultsError(f"A results name cannot contain control characters. {_HINT}")
    if re.search(r"\d{5,}", text):
        raise ResultsError("A results name cannot hold a long number: it could be a patient or "
                           f"record number. {_HINT}")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    bad = sorted({c for c in folded if not (c.isalnum() or c in " -_.'")})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        raise ResultsError(f"A results name cannot contain {shown}. {_HINT}")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if not slug:
        raise ResultsError(f"A results name needs at least one letter or number. {_HINT}")
    if slug in _RESERVED:
        slug += "-1"
    return slug


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Attempt:
    """One checked answer: what was asked, the score, and for goals the SMART verdicts.

    ``attempt`` is 1 for the learner's first check of this exercise (before any feedback);
    ``criteria`` maps SMART criteria to True, False or None (cannot tell).
    """

    exercise: str
    kind: Kind
    score: float
    max_score: float
    text: str = ""
    criteria: Mapping[str, bool | None] = field(default_factory=dict)
    attempt: int = 1
    time: str = field(default_factory=_now)

    def __post_init__(self) -> None:
        if not _EXERCISE.match(self.exercise):
            raise ResultsError(f"exercise id {self.exercise!r}: use lowercase letters, digits "
                               "and hyphens")
        if self.kind not in KINDS:
            raise ResultsError(f"kind {self.kind!r}: use one of {', '.join(KINDS)}")
        if not 0 <= self.score <= self.max_score or self.max_score <= 0:
            raise ResultsError(f"score {self.score} of {self.max_score} is out of range")
        unknown = set(self.criteria) - set(CRITERIA)
        if unknown:
            raise ResultsError(f"unknown SMART criteria: {', '.join(sorted(unknown))}")

    def to_json(self, learner: str) -> dict[str, Any]:
        return {"format": FORMAT, "learner": learner, "exercise": self.exercise,
                "kind": self.kind, "attempt": self.attempt, "time": self.time,
                "score": self.score, "max_score": self.max_score,
                "criteria": dict(self.criteria), "text": self.text[:MAX_TEXT]}


def _from_json(row: object) -> tuple[str, Attempt]:
    if not isinstance(row, dict) or row.get("format") != FORMAT:
        raise ResultsError("not a goalkit results line")
    criteria = row.get("criteria") or {}
    if not isinstance(criteria, dict) or not all(
            v is None or isinstance(v, bool) for v in criteria.values()):
        raise ResultsError("criteria must map to true, false or null")
    attempt = Attempt(str(row["exercise"]), row["kind"], float(row["score"]),
                      float(row["max_score"]), str(row.get("text", ""))[:MAX_TEXT], criteria,
                      int(row["attempt"]), str(row["time"]))
    return str(row.get("learner", "")), attempt


def _append_line(path: Path, line: bytes) -> None:
    """Append one line under an exclusive lock; never follow a symlink planted in the folder.

    One ``write`` with ``O_APPEND`` puts the line at the end even when several kernels write
    to the same file; if an earlier write was cut short, a newline first keeps lines apart.
    """
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        raise ResultsError(f"Cannot write your results to {path}: {exc.strerror}. Ask the "
                           f"trainer, or set {RESULTS_ENV} to a folder you can write to.") from exc
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - Windows: O_APPEND alone
            pass
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            line = b"\n" + line
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except OSError as exc:
        raise ResultsError(f"Cannot write your results to {path}: {exc.strerror}.") from exc
    finally:
        os.close(fd)


def read_attempts(path: Path) -> tuple[list[tuple[str, Attempt]], int]:
    """The (learner name, attempt) pairs in one results file, and how many lines were unreadable."""
    rows: list[tuple[str, Attempt]] = []
    bad = 0
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return rows, 0
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            rows.append(_from_json(json.loads(line)))
        except (ValueError, KeyError, TypeError):
            bad += 1
    return rows, bad


class LearnerResults:
    """One learner's results file: where it is, what is in it, and appending to it."""

    def __init__(self, name: str, folder: Path | str | None = None) -> None:
        self.slug = learner_slug(name)
        self.name = " ".join(name.split())
        self.folder = Path(folder) if folder is not None else results_dir()
        self.path = self.folder / f"{self.slug}.jsonl"

    def attempts(self, exercise: str | None = None) -> list[Attempt]:
        found = [a for _, a in read_attempts(self.path)[0]]
        return [a for a in found if exercise is None or a.exercise == exercise]

    def record(self, attempt: Attempt) -> Attempt:
        """Append ``attempt``, numbered after this learner's earlier tries at the exercise."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise ResultsError(f"Cannot create the results folder {self.folder}: "
                               f"{exc.strerror}.") from exc
        numbered = Attempt(attempt.exercise, attempt.kind, attempt.score, attempt.max_score,
                           attempt.text, attempt.criteria,
                           len(self.attempts(attempt.exercise)) + 1, attempt.time)
        line = json.dumps(numbered.to_json(self.name), ensure_ascii=False, sort_keys=True)
        _append_line(self.path, line.encode("utf-8") + b"\n")
        return numbered

    def __repr__(self) -> str:
        return f"LearnerResults({self.name!r}, path={str(self.path)!r})"


def open_learner(name: str, folder: Path | str | None = None) -> LearnerResults:
    """The results file for ``name`` (checked with :func:`learner_slug`), not yet created."""
    return LearnerResults(name, folder)


# The trainer's table and charts live in goalkit.results_report (pandas, matplotlib); these
# names stay reachable from here, loaded on first use.
_REPORT = frozenset({
    "COLUMNS", "GOAL_KINDS", "chart", "collect", "criteria_chart", "criteria_table",
    "example_frame", "first_and_last", "png", "summary",
})


def __getattr__(name: str) -> Any:
    if name in _REPORT:
        from goalkit import results_report

        return getattr(results_report, name)
    raise AttributeError(f"module 'goalkit.results' has no attribute {name!r}")
