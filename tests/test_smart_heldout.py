"""Accuracy floors of the SMART checker on the held-out sets (figures from bench/bench_smart.py).

Each held-out set was labelled before the checker ran on it; its first blind run is kept in
bench/results/. Held-out sets 7 (256 statements, 45 sources), 6 (248, 43) and 5 (280, 63),
about half in shorthand, were first run after the fifth, fourth and third rounds of changes to
the reader. Held-out set 4 (252 statements from 58 published sources, 123 in shorthand, 11
in other languages) was labelled after the second rebuild of the reader. Held-out set 3 (296
statements from 57 published sources, 113 in clinical shorthand) was written after the reader
was first rebuilt; held-out set 2 (233 statements, half in shorthand) before the last round of
changes, which its misses informed, so only its first run is blind. The floors are the blind
runs' figures, so a change that reads goals worse fails here. The goal-reader issue's targets
are higher: the tests that hold them are strict xfails until the checker reaches them on a set
it has not seen.
"""

from __future__ import annotations

import pytest

from bench.smart_eval import SETS, Evaluation, evaluate, load

TARGETS = "the goal-reader issue's targets are not met yet: see bench/results/ and docs/smart.md"


def _meets_targets(ev: Evaluation) -> None:
    s = ev.scores
    assert min(s[k].accuracy for k in ("specific", "measurable", "time_bound")) >= 0.95
    assert s["pain_only"].recall == 1.0 and s["pain_only"].precision >= 0.90
    assert s["coercive"].recall == 1.0


@pytest.fixture(scope="module")
def heldout7() -> Evaluation:
    return evaluate(load(SETS["held-out 7"]))


def test_heldout7_floors(heldout7: Evaluation) -> None:
    s = heldout7.scores  # its first blind run: bench/results/heldout7_first_run.txt
    assert s["specific"].accuracy >= 0.90
    assert s["measurable"].accuracy >= 0.91
    assert s["time_bound"].accuracy >= 0.96
    assert s["pain_only"].precision >= 0.95 and s["pain_only"].recall == 1.0
    assert s["pain_condition"].precision == 1.0 and s["pain_condition"].recall == 1.0
    assert s["coercive"].recall >= 0.81
    assert heldout7.languages_found == heldout7.languages_total == 11


@pytest.mark.xfail(strict=True, reason=TARGETS)
def test_heldout7_meets_the_issue_targets(heldout7: Evaluation) -> None:
    _meets_targets(heldout7)


@pytest.fixture(scope="module")
def heldout6() -> Evaluation:
    return evaluate(load(SETS["held-out 6"]))


@pytest.fixture(scope="module")
def heldout5() -> Evaluation:
    return evaluate(load(SETS["held-out 5"]))


@pytest.mark.parametrize("name", ["held-out 7", "held-out 6", "held-out 5"])
def test_latest_sets_are_what_was_labelled(name: str) -> None:
    rows = load(SETS[name])
    assert len(rows) >= 200
    english = [r for r in rows if r["language"] == "en"]
    assert sum(bool(r["shorthand"]) for r in english) >= 0.45 * len(english)
    assert all(r["source"] for r in rows)


def test_heldout6_floors(heldout6: Evaluation) -> None:
    s = heldout6.scores  # its first blind run: bench/results/heldout6_first_run.txt
    assert s["specific"].accuracy >= 0.89
    assert s["measurable"].accuracy >= 0.90
    assert s["time_bound"].accuracy >= 0.95
    assert s["pain_only"].precision >= 0.94 and s["pain_only"].recall >= 0.89
    assert s["pain_condition"].precision >= 0.80 and s["pain_condition"].recall >= 0.80
    assert s["coercive"].recall == 1.0
    assert heldout6.languages_found == heldout6.languages_total == 10


def test_heldout5_floors(heldout5: Evaluation) -> None:
    s = heldout5.scores  # its first blind run: bench/results/heldout5_first_run.txt
    assert s["specific"].accuracy >= 0.92
    assert s["measurable"].accuracy >= 0.91
    assert s["time_bound"].accuracy >= 0.94
    assert s["pain_only"].precision >= 0.85 and s["pain_only"].recall >= 0.70
    assert s["pain_condition"].precision >= 0.87 and s["pain_condition"].recall >= 0.87
    assert s["coercive"].recall >= 0.93
    assert heldout5.languages_found >= 10 and heldout5.languages_total == 12


@pytest.mark.xfail(strict=True, reason=TARGETS)
def test_heldout6_meets_the_issue_targets(heldout6: Evaluation) -> None:
    _meets_targets(heldout6)


@pytest.mark.xfail(strict=True, reason=TARGETS)
def test_heldout5_meets_the_issue_targets(heldout5: Evaluation) -> None:
    _meets_targets(heldout5)


@pytest.fixture(scope="module")
def heldout4() -> Evaluation:
    return evaluate(load(SETS["held-out 4"]))


def test_heldout4_is_what_was_labelled() -> None:
    rows = load(SETS["held-out 4"])
    assert len(rows) >= 150
    assert sum(bool(r["shorthand"]) for r in rows) >= 0.45 * len(rows)
    assert all(r["source"] for r in rows)


def test_heldout4_floors(heldout4: Evaluation) -> None:
    s = heldout4.scores  # its first blind run: bench/results/heldout4_first_run.txt
    assert s["specific"].accuracy >= 0.90
    assert s["measurable"].accuracy >= 0.88
    assert s["time_bound"].accuracy >= 0.94
    assert s["pain_only"].precision >= 0.87 and s["pain_only"].recall >= 0.87
    assert s["pain_condition"].precision >= 0.91 and s["pain_condition"].recall >= 0.91
    assert s["coercive"].recall >= 0.93
    assert heldout4.languages_found == heldout4.languages_total == 11


@pytest.mark.xfail(strict=True, reason="the goal-reader issue's targets are not met yet: see "
                   "bench/results/heldout4_first_run.txt and docs/smart.md")
def test_heldout4_meets_the_issue_targets(heldout4: Evaluation) -> None:
    s = heldout4.scores
    assert min(s[k].accuracy for k in ("specific", "measurable", "time_bound")) >= 0.95
    assert s["pain_only"].recall == 1.0 and s["pain_only"].precision >= 0.90
    assert s["coercive"].recall == 1.0


@pytest.fixture(scope="module")
def heldout3() -> Evaluation:
    return evaluate(load(SETS["held-out 3"]))


def test_heldout3_floors(heldout3: Evaluation) -> None:
    s = heldout3.scores
    assert s["specific"].accuracy >= 0.85
    assert s["measurable"].accuracy >= 0.91
    assert s["time_bound"].accuracy >= 0.94
    assert s["pain_only"].precision >= 0.90 and s["pain_only"].recall >= 0.82
    assert s["pain_condition"].precision >= 0.93 and s["pain_condition"].recall >= 0.93
    assert s["coercive"].recall == 1.0
    assert heldout3.languages_found == heldout3.languages_total == 9


@pytest.mark.xfail(strict=True, reason="the goal-reader issue's targets are not met yet: see "
                   "bench/results/heldout3_first_run.txt and docs/smart.md")
def test_heldout3_meets_the_issue_targets(heldout3: Evaluation) -> None:
    s = heldout3.scores
    assert min(s[k].accuracy for k in ("specific", "measurable", "time_bound")) >= 0.95
    assert s["pain_only"].recall == 1.0 and s["pain_only"].precision >= 0.90
    assert s["coercive"].recall == 1.0


@pytest.fixture(scope="module")
def heldout2() -> Evaluation:
    return evaluate(load(SETS["held-out 2"]))


def test_heldout2_is_what_was_labelled() -> None:
    rows = load(SETS["held-out 2"])
    assert len(rows) >= 150
    assert sum(bool(r["shorthand"]) for r in rows) >= len(rows) // 2
    assert all(r["source"] for r in rows)


def test_heldout2_floors(heldout2: Evaluation) -> None:
    s = heldout2.scores
    assert s["specific"].accuracy >= 0.82
    assert s["measurable"].accuracy >= 0.87
    assert s["time_bound"].accuracy >= 0.95
    assert s["pain_only"].precision >= 0.90
    assert s["pain_only"].recall >= 0.68
    assert s["coercive"].recall >= 0.94
    assert heldout2.languages_found == heldout2.languages_total == 9


@pytest.mark.xfail(strict=True, reason="the goal-reader issue's targets are not met yet: see "
                   "bench/results/heldout2_first_run.txt and docs/smart.md")
def test_heldout2_meets_the_issue_targets(heldout2: Evaluation) -> None:
    s = heldout2.scores
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
