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
import stat
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
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
        flags_table,
        png,
        report_line,
        roster,
        roster_csv,
        summary,
        workbook,
    )

__all__ = [
    "COLUMNS",
    "CRITERIA",
    "MARKS",
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
    "flags_table",
    "identity_path",
    "learner_slug",
    "open_learner",
    "png",
    "read_attempts",
    "remember_learner",
    "remembered_learner",
    "report_line",
    "results_dir",
    "roster",
    "roster_csv",
    "summary",
    "workbook",
]

RESULTS_ENV = "GOALKIT_RESULTS"
FORMAT = "goalkit-results/2"
#: Formats this version reads. Version 1 lines (before flags and marks were recorded) load with
#: ``flags`` None: not recorded, which the class tables keep apart from "no flag".
READABLE = ("goalkit-results/1", FORMAT)
MAX_NAME = 40
MAX_TEXT = 2_000
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
Kind = Literal["goal", "rewrite", "assessment", "quiz", "gas", "plan"]
KINDS: tuple[str, ...] = get_args(Kind)
_EXERCISE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")  # a flag's or a mark's stable name
#: Marks an exercise may put on an attempt: the model answer pasted back, the answers shown.
MARKS = ("copied", "gave_up")
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                       *(f"lpt{i}" for i in range(1, 10))})  # names Windows will not create


class ResultsError(GoalkitError, ValueError):
    """A results name, folder or record that cannot be used; the message says what to do."""


def results_dir() -> Path:
    """``$GOALKIT_RESULTS``, else ``results/`` in goalkit's data folder."""
    env = os.environ.get(RESULTS_ENV)
    if env:
        return Path(env).expanduser()
    from goalkit._io import default_home

    return default_home() / "results"


_HINT = "Use your first name or a nickname (letters, numbers, spaces, hyphens)."


def learner_slug(name: str) -> str:
    """The file-name form of a learner's chosen name; :class:`ResultsError` if it cannot be one.

    Letters are folded to plain ASCII and lowercased; runs of anything else become one hyphen.
    Refused: empty names, more than :data:`MAX_NAME` characters, path separators, a leading dot,
    control characters, symbols, and anything that could be a record number (patient data):
    5 or more digits, a group of 4 or more ("943 476 5919"), letters stuck to digits ("MRN123").
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
    if _looks_like_a_record_number(text):
        raise ResultsError("A results name cannot hold a number like this one: it could be a "
                           f"patient or record number. {_HINT}")
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


# Digits grouped by spaces, dashes, dots or slashes read as one number: an NHS number is
# written "943 476 5919" (three, three and four digits; NHS Digital's data dictionary).
_DIGIT_GROUPS = re.compile(r"\d+(?:[\s./-]+\d+)*")
# Letters stuck to digits, as hospital and clinic record numbers are written (MRN123, AB1234).
_LETTERS_DIGITS = re.compile(r"[^\W\d_]+\d{3,}|\d{3,}[^\W\d_]+")


def _looks_like_a_record_number(text: str) -> bool:
    """True for anything a record number could be: 5 or more digits in the name, 4 or more in
    one group (digits joined by spaces, dashes, dots or slashes count as one group), or
    letters stuck to 3 or more digits ("MRN123", "K1234").

    >>> [_looks_like_a_record_number(t) for t in ("943 476 5919", "Room 101", "Sam 2", "AB123")]
    [True, False, False, True]
    """
    if sum(c.isdigit() for c in text) >= 5:
        return True
    groups = (re.sub(r"\D", "", g) for g in _DIGIT_GROUPS.findall(text))
    return any(len(g) >= 4 for g in groups) or bool(_LETTERS_DIGITS.search(text))


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Attempt:
    """One checked answer: what was asked, the score, and for goals the SMART verdicts.

    ``attempt`` is 1 for the learner's first check of this exercise (before any feedback);
    ``criteria`` maps SMART criteria to True, False or None (cannot tell). ``flags`` are the
    report's findings beyond the letters (:attr:`goalkit.smart.SmartReport.flags`: pain only,
    clinician wording, ...), None when not recorded (a version 1 line); ``notes`` the report's
    notes; ``marks`` what the exercise noticed (:data:`MARKS`: the model answer copied, the
    answers shown).
    """

    exercise: str
    kind: Kind
    score: float
    max_score: float
    text: str = ""
    criteria: Mapping[str, bool | None] = field(default_factory=dict)
    attempt: int = 1
    time: str = field(default_factory=_now)
    flags: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()

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
        bad = [f for f in (*(self.flags or ()),) if not _NAME.match(f)]
        if bad:
            raise ResultsError(f"flag names must be lowercase words: {', '.join(map(repr, bad))}")
        unknown = set(self.marks) - set(MARKS)
        if unknown:
            raise ResultsError(f"unknown marks: {', '.join(sorted(unknown))}")

    def renumbered(self, attempt: int) -> Attempt:
        """The same attempt with another number (its place in the learner's file)."""
        return replace(self, attempt=attempt)

    def to_json(self, learner: str) -> dict[str, Any]:
        return {"format": FORMAT, "learner": learner, "exercise": self.exercise,
                "kind": self.kind, "attempt": self.attempt, "time": self.time,
                "score": self.score, "max_score": self.max_score,
                "criteria": dict(self.criteria), "text": self.text[:MAX_TEXT],
                **({} if self.flags is None else {"flags": list(self.flags)}),
                "notes": [n[:MAX_TEXT] for n in self.notes], "marks": list(self.marks)}


def _from_json(row: object) -> tuple[str, Attempt]:
    if not isinstance(row, dict) or row.get("format") not in READABLE:
        raise ResultsError("not a goalkit results line")
    criteria = row.get("criteria") or {}
    if not isinstance(criteria, dict) or not all(
            v is None or isinstance(v, bool) for v in criteria.values()):
        raise ResultsError("criteria must map to true, false or null")
    flags = row.get("flags")
    attempt = Attempt(str(row["exercise"]), row["kind"], float(row["score"]),
                      float(row["max_score"]), str(row.get("text", ""))[:MAX_TEXT], criteria,
                      int(row["attempt"]), str(row["time"]),
                      None if flags is None else _strings(flags),
                      _strings(row.get("notes", [])), _strings(row.get("marks", [])))
    return str(row.get("learner", "")), attempt


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResultsError("flags, notes and marks must be lists of text")
    return tuple(value)


def shared_folder(folder: Path) -> bool:
    """True for a results folder shared by a room: one with the set-group-ID bit (``chmod
    g+s``), as ``deploy/jupyterhub/`` makes it. Files in it are then readable by the folder's
    group (the facilitator's), and sub-folders writable by it; elsewhere they stay private."""
    try:
        return bool(folder.stat().st_mode & stat.S_ISGID)
    except OSError:
        return False


def make_folder(folder: Path, parent: Path | None = None) -> None:
    """Create ``folder`` (0700), or 2770 inside a shared results folder ``parent`` so that
    every learner of the room can add their own file to it."""
    shared = parent is not None and shared_folder(parent)
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if shared and not existed:
        os.chmod(folder, 0o2770)  # noqa: S103 - the room's group only; mkdir's mode is cut by the umask


def _append_line(path: Path, line: bytes) -> None:
    """Append one line under an exclusive lock; never follow a symlink planted in the folder.

    One ``write`` with ``O_APPEND`` puts the line at the end even when several kernels write
    to the same file; if an earlier write was cut short, a newline first keeps lines apart.
    """
    flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o640 if shared_folder(path.parent) else 0o600)
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
            make_folder(self.folder)
        except OSError as exc:
            raise ResultsError(f"Cannot create the results folder {self.folder}: "
                               f"{exc.strerror}.") from exc
        numbered = attempt.renumbered(len(self.attempts(attempt.exercise)) + 1)
        line = json.dumps(numbered.to_json(self.name), ensure_ascii=False, sort_keys=True)
        _append_line(self.path, line.encode("utf-8") + b"\n")
        return numbered

    def __repr__(self) -> str:
        return f"LearnerResults({self.name!r}, path={str(self.path)!r})"


def open_learner(name: str, folder: Path | str | None = None) -> LearnerResults:
    """The results file for ``name`` (checked with :func:`learner_slug`), not yet created."""
    return LearnerResults(name, folder)


# -- one identity per workshop ---------------------------------------------------------------
# The name is chosen once and kept in the results folder, so every notebook (each its own
# kernel) records under the same name and a typo cannot make a second learner. In a shared
# folder several people keep their identity side by side: one file per login (the JupyterHub
# user, else the operating-system account).
IDENTITY_FOLDER = ".identity"


def _login() -> str:
    who = os.environ.get("JUPYTERHUB_USER") or ""
    if not who:
        import getpass

        try:
            who = getpass.getuser()
        except (KeyError, OSError):  # no user name in the environment or the password file
            who = "user"
    return re.sub(r"[^a-z0-9_-]+", "-", who.lower()).strip("-")[:60] or "user"


def identity_path(folder: Path | str | None = None) -> Path:
    """Where this login's chosen name is kept: ``<results>/.identity/<login>.json``."""
    base = Path(folder) if folder is not None else results_dir()
    return base / IDENTITY_FOLDER / f"{_login()}.json"


def remember_learner(name: str, folder: Path | str | None = None) -> LearnerResults:
    """Check ``name`` and keep it as this login's identity for the whole workshop."""
    from goalkit._io import write_atomic

    results = LearnerResults(name, folder)
    path = identity_path(results.folder)
    try:
        make_folder(path.parent, results.folder)
        write_atomic(path, json.dumps({"format": "goalkit-identity/1", "name": results.name},
                                      ensure_ascii=False).encode("utf-8"))
    except OSError as exc:
        raise ResultsError(f"Cannot keep your name in {path.parent}: {exc.strerror}.") from exc
    return results


def remembered_learner(folder: Path | str | None = None) -> LearnerResults | None:
    """The identity kept by :func:`remember_learner` for this login, or None (none yet, or a
    file that no longer holds an acceptable name)."""
    base = Path(folder) if folder is not None else results_dir()
    try:
        row = json.loads(identity_path(base).read_text(encoding="utf-8"))
        return LearnerResults(str(row["name"]), base)
    except (OSError, ValueError, KeyError, TypeError):
        return None


# The trainer's table and charts live in goalkit.results_report (pandas, matplotlib); these
# names stay reachable from here, loaded on first use.
_REPORT = frozenset({
    "COLUMNS", "GOAL_KINDS", "chart", "collect", "criteria_chart", "criteria_table",
    "example_frame", "first_and_last", "flags_table", "png", "report_line", "roster",
    "roster_csv", "summary", "workbook",
})


def __getattr__(name: str) -> Any:
    if name in _REPORT:
        from goalkit import results_report

        return getattr(results_report, name)
    raise AttributeError(f"module 'goalkit.results' has no attribute {name!r}")
