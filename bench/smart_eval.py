"""Scoring goalkit's SMART checker against labelled goal sets (bench_smart.py and the floors test).

Each set is a JSON Lines file whose labels follow tests/data/README.md. A statement labelled
with another language is scored only on whether the checker says it reads English only and
gives no verdict; every other statement is scored on each label it carries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goalkit.smart import SmartReport, check_goal

ROOT = Path(__file__).resolve().parents[1]
# Held-out sets first: they were labelled before the checker ran on them and never tuned to.
SETS = {
    "held-out 8": ROOT / "bench" / "data" / "goals_heldout8.jsonl",
    "held-out 7": ROOT / "bench" / "data" / "goals_heldout7.jsonl",
    "held-out 6": ROOT / "bench" / "data" / "goals_heldout6.jsonl",
    "held-out 5": ROOT / "bench" / "data" / "goals_heldout5.jsonl",
    "held-out 4": ROOT / "bench" / "data" / "goals_heldout4.jsonl",
    "held-out 3": ROOT / "bench" / "data" / "goals_heldout3.jsonl",
    "held-out 2": ROOT / "bench" / "data" / "goals_heldout2.jsonl",
    "held-out 1": ROOT / "bench" / "data" / "goals_heldout.jsonl",
    # a tuning set: labelled blind, scored first (bench/results/dev<N>_first_runs.txt), then read
    "dev 1": ROOT / "tests" / "data" / "goals_dev1.jsonl",
    "dev 2": ROOT / "tests" / "data" / "goals_dev2.jsonl",
    "corpus": ROOT / "tests" / "data" / "goals.jsonl",
}
LETTERS = ("specific", "measurable", "time_bound")
FLAGS = ("pain_only", "pain_condition", "coercive")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if path == SETS["corpus"]:
        # the corpus gives the optional flags only where they are true (tests/data/README.md)
        rows = [{"pain_condition": False, "coercive": False} | row for row in rows]
    return rows


def predict(report: SmartReport) -> dict[str, bool]:
    """What the checker said, as the labels' booleans."""
    got = {k: report.criteria[k].met is True for k in LETTERS}
    got["pain_only"] = report.pain_only
    got["pain_condition"] = report.pain_condition is not None
    got["coercive"] = bool(report.language)
    return got


@dataclass
class Score:
    """Counts for one label: true and false positives and negatives, and the misses."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float("nan")

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float("nan")

    @property
    def baseline(self) -> float:
        positives = self.tp + self.fn
        return max(positives, self.n - positives) / self.n if self.n else float("nan")


@dataclass
class Evaluation:
    """Scores per label over one set, plus the other-language statements."""

    rows: int
    scores: dict[str, Score]
    shorthand: dict[str, Score]
    languages_found: int = 0
    languages_total: int = 0
    language_misses: list[str] = field(default_factory=list)


def evaluate(rows: list[dict[str, Any]]) -> Evaluation:
    scores = {k: Score() for k in (*LETTERS, *FLAGS)}
    short = {k: Score() for k in LETTERS}
    ev = Evaluation(len(rows), scores, short)
    for row in rows:
        report = check_goal(row["text"])
        if row.get("language", "en") != "en":
            ev.languages_total += 1
            silent = all(report.criteria[k].met is None for k in LETTERS)
            if report.other_language == row["language"] and silent:
                ev.languages_found += 1
            else:
                ev.language_misses.append(row["text"])
            continue
        got = predict(report)
        for label in scores:
            if label not in row:
                if label in FLAGS and label != "pain_only":
                    continue  # scored only in the sets that label it
                raise KeyError(f"{row['text']!r} has no {label} label")
            for score_map in (scores, short) if row.get("shorthand") else (scores,):
                if label in score_map:
                    _count(score_map[label], bool(row[label]), got[label], row["text"])
    return ev


def _count(s: Score, want: bool, have: bool, text: str) -> None:
    if want and have:
        s.tp += 1
    elif want or have:
        if want:
            s.fn += 1
        else:
            s.fp += 1
        s.misses.append(text)
    else:
        s.tn += 1
