"""Accuracy floors of the SMART checker on the held-out sets (figures from bench/bench_smart.py).

Each held-out set was labelled before the checker ran on it; its first blind run is kept in
bench/results/. Held-out set 8 (234 statements, 33 sources, 108 of the 219 English ones in
shorthand, 15 in other languages) was first run after the verb reader and the changes two
development batches prompted (tests/data/goals_dev*.jsonl). Held-out sets 7 (256 statements, 45
sources), 6 (248, 43) and 5 (280, 63), about half in shorthand, were first run after the fifth,
fourth and third rounds of changes to the reader. Held-out set 4 (252 statements from 58
published sources, 123 in shorthand, 11 in other languages) was labelled after the second
rebuild of the reader. Held-out set 3 (296 statements from 57 published sources, 113 in clinical
shorthand) was written after the reader was first rebuilt; held-out set 2 (233 statements, half
in shorthand) before the last round of changes, which its misses informed, so only its first run
is blind. The floors are the blind runs' figures, so a change that reads goals worse fails here.
The goal-reader issue's targets are higher: the test that holds them, on the newest set, is a
strict xfail until the checker reaches them on a set it had not seen.
"""

from __future__ import annotations

from functools import cache

import pytest

from bench.smart_eval import SETS, Evaluation, evaluate, load

# Each set's floors: its first blind run (bench/results/heldout<N>_first_run.txt), rounded down.
# "label": accuracy; "label.P" / "label.R": precision / recall; "languages": (found at least,
# labelled).
FLOORS: dict[str, dict[str, float | tuple[int, int]]] = {
    "held-out 8": {"specific": 0.94, "measurable": 0.93, "time_bound": 0.98,
                   "pain_only.P": 0.85, "pain_only.R": 0.94, "pain_condition.P": 0.91,
                   "pain_condition.R": 0.91, "coercive.R": 1.0, "languages": (15, 15)},
    "held-out 7": {"specific": 0.90, "measurable": 0.91, "time_bound": 0.96,
                   "pain_only.P": 0.95, "pain_only.R": 1.0, "pain_condition.P": 1.0,
                   "pain_condition.R": 1.0, "coercive.R": 0.81, "languages": (11, 11)},
    "held-out 6": {"specific": 0.89, "measurable": 0.90, "time_bound": 0.95,
                   "pain_only.P": 0.94, "pain_only.R": 0.89, "pain_condition.P": 0.80,
                   "pain_condition.R": 0.80, "coercive.R": 1.0, "languages": (10, 10)},
    "held-out 5": {"specific": 0.92, "measurable": 0.91, "time_bound": 0.94,
                   "pain_only.P": 0.85, "pain_only.R": 0.70, "pain_condition.P": 0.87,
                   "pain_condition.R": 0.87, "coercive.R": 0.93, "languages": (10, 12)},
    "held-out 4": {"specific": 0.90, "measurable": 0.88, "time_bound": 0.94,
                   "pain_only.P": 0.87, "pain_only.R": 0.87, "pain_condition.P": 0.91,
                   "pain_condition.R": 0.91, "coercive.R": 0.93, "languages": (11, 11)},
    "held-out 3": {"specific": 0.85, "measurable": 0.91, "time_bound": 0.94,
                   "pain_only.P": 0.90, "pain_only.R": 0.82, "pain_condition.P": 0.93,
                   "pain_condition.R": 0.93, "coercive.R": 1.0, "languages": (9, 9)},
    "held-out 2": {"specific": 0.82, "measurable": 0.87, "time_bound": 0.95,
                   "pain_only.P": 0.90, "pain_only.R": 0.68, "coercive.R": 0.94,
                   "languages": (9, 9)},
}


@cache
def _evaluated(name: str) -> Evaluation:
    return evaluate(load(SETS[name]))


@pytest.mark.parametrize(("name", "least", "shorthand", "of_english"), [
    ("held-out 8", 200, 0.45, True), ("held-out 7", 200, 0.45, True),
    ("held-out 6", 200, 0.45, True),
    ("held-out 5", 200, 0.45, True), ("held-out 4", 150, 0.45, False),
    ("held-out 2", 150, 0.5, False),
])
def test_each_set_is_what_was_labelled(name: str, least: int, shorthand: float,
                                       of_english: bool) -> None:
    rows = load(SETS[name])
    assert len(rows) >= least
    base = [r for r in rows if r["language"] == "en"] if of_english else rows
    assert sum(bool(r["shorthand"]) for r in base) >= int(shorthand * len(base))
    assert all(r["source"] for r in rows)


@pytest.mark.parametrize("name", list(FLOORS))
def test_floors(name: str) -> None:
    ev = _evaluated(name)
    for key, floor in FLOORS[name].items():
        if key == "languages":
            assert isinstance(floor, tuple)
            assert ev.languages_found >= floor[0] and ev.languages_total == floor[1], key
            continue
        label, _, metric = key.partition(".")
        score = ev.scores[label]
        got = {"": score.accuracy, "P": score.precision, "R": score.recall}[metric]
        assert got >= floor, (key, got, floor)


# The issue's targets are judged on the newest set: its first run was blind. An older set has
# been read for misses since, so meeting the targets on it now would prove nothing.
NEWEST = "held-out 8"


@pytest.mark.xfail(strict=True, reason="the goal-reader issue's targets are not met yet: see "
                   "bench/results/ and docs/smart.md")
def test_meets_the_issue_targets() -> None:
    s = _evaluated(NEWEST).scores
    assert min(s[k].accuracy for k in ("specific", "measurable", "time_bound")) >= 0.95
    assert s["pain_only"].recall == 1.0 and s["pain_only"].precision >= 0.90
    assert s["coercive"].recall == 1.0


def test_corpus_and_heldout1_floors() -> None:
    corpus = evaluate(load(SETS["corpus"])).scores
    assert min(corpus[k].accuracy for k in ("specific", "measurable", "time_bound",
                                            "pain_only")) >= 0.99
    first = evaluate(load(SETS["held-out 1"])).scores
    assert first["specific"].accuracy >= 0.95 and first["time_bound"].accuracy >= 0.97
    assert first["measurable"].accuracy >= 0.87 and first["pain_only"].recall == 1.0
