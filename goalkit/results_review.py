"""The facilitator's comments on learners' answers, and the verdicts they disagree with.

A :class:`Review` says which learner's attempt at which exercise it is about, which verdict the
facilitator disagrees with (a SMART letter, a finding such as ``pain_only``, or the score), and
a comment for the learner. Reviews are kept beside the results, one JSON-lines file per learner
in ``<results folder>/reviews/``, appended like the results themselves (never overwritten), so
the latest review of an exercise wins and the earlier ones stay on record. The learner's
exercise shows the latest one the next time they open the notebook.

>>> Review("sam", "01-write-a-goal", 2, "measurable", "800 m is a distance: I count it.").about
'Measurable'
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from goalkit.results import (
    CRITERIA,
    MAX_TEXT,
    ResultsError,
    _append_line,
    _now,
    make_folder,
    results_dir,
)

__all__ = ["REVIEW_FOLDER", "Review", "add_review", "latest_reviews", "reviews_for"]

REVIEW_FOLDER = "reviews"
FORMAT = "goalkit-review/1"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_ABOUT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_LABELS = {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
           "relevant": "Relevant", "time_bound": "Time-bound", "score": "the score",
           "pain_only": "pain only", "pain_condition": "pain as a condition",
           "clinician_wording": "clinician wording", "not_english": "not in English"}


@dataclass(frozen=True)
class Review:
    """A facilitator's comment on one attempt; ``verdict`` names what they disagree with
    (a SMART criterion, a finding's stable name, ``"score"``) or is empty for a comment only."""

    learner_id: str
    exercise: str
    attempt: int
    verdict: str
    comment: str
    time: str = field(default_factory=_now)

    def __post_init__(self) -> None:
        if not _ID.match(self.learner_id) or not _ID.match(self.exercise):
            raise ResultsError("a review needs a learner's file name and an exercise id")
        if self.verdict and not _ABOUT.match(self.verdict):
            raise ResultsError(f"verdict {self.verdict!r}: a criterion such as "
                               f"{', '.join(CRITERIA)}, a finding's name, or 'score'")
        if self.attempt < 1:
            raise ResultsError("attempts are numbered from 1")
        if not self.comment.strip() and not self.verdict:
            raise ResultsError("Write a comment, or choose the verdict you disagree with.")
        if len(self.comment) > MAX_TEXT:
            raise ResultsError(f"A comment is at most {MAX_TEXT:,} characters.")

    @property
    def about(self) -> str:
        """The verdict in words, for the learner."""
        return _LABELS.get(self.verdict, self.verdict.replace("_", " "))


def _folder(folder: Path | str | None) -> Path:
    return (Path(folder) if folder is not None else results_dir()) / REVIEW_FOLDER


def add_review(review: Review, folder: Path | str | None = None) -> Review:
    """Append ``review`` to the learner's review file in ``folder`` (the results folder)."""
    target = _folder(folder)
    try:
        make_folder(target, target.parent)
    except OSError as exc:
        raise ResultsError(f"Cannot create {target}: {exc.strerror}.") from exc
    line = json.dumps({"format": FORMAT, **asdict(review)}, ensure_ascii=False, sort_keys=True)
    _append_line(target / f"{review.learner_id}.jsonl", line.encode("utf-8") + b"\n")
    return review


def reviews_for(learner_id: str, folder: Path | str | None = None) -> list[Review]:
    """Every review of one learner, oldest first; unreadable lines are skipped."""
    if not _ID.match(learner_id):
        return []
    try:
        raw = (_folder(folder) / f"{learner_id}.jsonl").read_bytes()
    except OSError:
        return []
    found = []
    for line in raw.splitlines():
        try:
            row = json.loads(line)
            if row.pop("format") == FORMAT:
                found.append(Review(**row))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return found


def latest_reviews(folder: Path | str | None = None) -> dict[tuple[str, str], Review]:
    """The latest review per (learner file name, exercise), over every learner."""
    base = _folder(folder)
    latest: dict[tuple[str, str], Review] = {}
    for path in sorted(base.glob("*.jsonl")) if base.is_dir() else []:
        for review in reviews_for(path.stem, folder):
            latest[(review.learner_id, review.exercise)] = review
    return latest
