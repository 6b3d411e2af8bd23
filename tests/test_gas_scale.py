"""Checking a GAS scale: every rule with a passing and a failing case."""

from __future__ import annotations

import pytest

from goalkit.gas_scale import SCALE_RULES, ScaleFinding, format_findings, validate_scale
from goalkit.model import GasLevelText, GasScale, Goal

GOOD = ("Walk 100 m", "Walk 200 m", "Walk 400 m to the shop", "Walk 600 m", "Walk 800 m")


def scale(*texts: str, baseline: int = -1) -> GasScale:
    return GasScale(
        levels=tuple(GasLevelText(level=lv, text=t) for lv, t in zip((-2, -1, 0, 1, 2), texts,
                                                                       strict=True)),
        baseline=baseline,  # type: ignore[arg-type]
    )


def finding(s: GasScale, rule: str, goal: Goal | None = None) -> ScaleFinding:
    return next(f for f in validate_scale(s, goal) if f.rule == rule)


def test_a_good_scale_passes_every_rule() -> None:
    findings = validate_scale(scale(*GOOD))
    assert [f.rule for f in findings] == [
        "non_empty", "no_placeholders", "distinct", "ordered", "expected_at_0", "baseline_marked",
    ]
    assert len(findings) == len(SCALE_RULES)
    assert all(f.met for f in findings)


def test_empty_levels_are_named() -> None:
    f = finding(scale("", "Walk 200 m", "Walk 400 m", "", "Walk 800 m"), "non_empty")
    assert f.met is False and "-2, +1" in f.message and f.suggestion


def test_drafting_notes_must_go() -> None:
    f = finding(scale(*GOOD[:3], "[edit: more than 'x']", GOOD[4]), "no_placeholders")
    assert f.met is False and "+1" in f.message


def test_levels_must_differ() -> None:
    f = finding(scale("a", "b", "Walk", " walk ", "c"), "distinct")
    assert f.met is False


def test_numbers_out_of_order_are_found() -> None:
    f = finding(scale("Walk 100 m", "Walk 400 m", "Walk 200 m", "Walk 600 m", "Walk 800 m"),
                "ordered")
    assert f.met is False and "100, 400, 200, 600, 800" in f.message


def test_decreasing_numbers_are_fine() -> None:
    f = finding(scale("in 12 weeks", "in 9 weeks", "in 6 weeks", "in 5 weeks", "in 3 weeks"),
                "ordered")
    assert f.met is True


def test_support_out_of_order_is_found() -> None:
    s = scale("Walk independently", "Walk with supervision",
              "Walk with the physical help of one person", "Walk with help of two people",
              "Walk independently in any setting")
    assert finding(s, "ordered").met is False


def test_order_cannot_be_told_from_plain_words() -> None:
    f = finding(scale("never", "rarely", "sometimes", "often", "always"), "ordered")
    assert f.met is None and "cannot be checked" in f.message


def test_level_zero_should_match_the_goal() -> None:
    goal = Goal(statement="Walk 400 m to the shop with my partner")
    assert finding(scale(*GOOD), "expected_at_0", goal).met is True
    other = Goal(statement="Climb the stairs at home twice a day")
    assert finding(scale(*GOOD), "expected_at_0", other).met is False
    assert finding(scale("a", "b", "", "d", "e"), "expected_at_0").met is False


@pytest.mark.parametrize(("baseline", "met"), [(-1, True), (-2, True), (0, False), (2, False)])
def test_baseline_marked(baseline: int, met: bool) -> None:
    assert finding(scale(*GOOD, baseline=baseline), "baseline_marked").met is met


def test_format_findings_marks_each_line() -> None:
    text = format_findings(validate_scale(scale("", *GOOD[1:], baseline=0)))
    lines = text.splitlines()
    assert lines[0].startswith("[fix]") and "Describe what the patient" in lines[0]
    assert lines[-1].startswith("[fix] Baseline is +0")
    assert "[ok] No drafting notes are left." in lines
