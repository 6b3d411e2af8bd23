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
        "non_empty", "no_placeholders", "distinct", "ordered", "plain_amounts", "no_pain_levels",
        "expected_at_0", "reviewed", "baseline_marked",
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


def test_odd_amounts_are_flagged() -> None:
    f = finding(scale("Walk for 3 minutes", "Walk for 5 minutes", "Walk for 7.5 minutes",
                      "Walk for 10 minutes", "Walk for 15 minutes"), "plain_amounts")
    assert f.met is False and "'7.5 minutes'" in f.message and "+0" in f.message
    assert finding(scale(*GOOD), "plain_amounts").met is True


def test_a_level_that_turns_the_goal_into_pain_is_flagged() -> None:
    f = finding(scale("Back pain above 6/10 on most days", "Walk 400 m", "Walk 800 m",
                      "Walk 1 km", "Walk 1 km without back pain"), "no_pain_levels")
    assert f.met is False and "-2, +2" in f.message and "measure beside the goal" in f.suggestion


def test_outer_levels_left_as_drafted_are_for_the_clinician_to_read() -> None:
    from goalkit.gas_draft import draft_scale
    from goalkit.model import Goal, GoalParts

    parts = GoalParts(activity="Walk to the shop", quantity="1 km", time_frame="within 6 weeks")
    goal = Goal(id="g1", role="primary", statement="Walk to the shop, 1 km, within 6 weeks",
                parts=parts)
    drafted = draft_scale(parts)
    f = next(x for x in validate_scale(drafted, goal) if x.rule == "reviewed")
    assert f.met is None and "-2, +2" in f.message
    edited = drafted.model_copy(update={"levels": tuple(
        lv.model_copy(update={"text": "Walks to the corner and back"}) if lv.level == -2 else
        lv.model_copy(update={"text": "Walks to the shop and on to the park"})
        if lv.level == 2 else lv for lv in drafted.levels)})
    assert next(x for x in validate_scale(edited, goal) if x.rule == "reviewed").met is True


def test_counts_beyond_their_period_are_flagged() -> None:
    f = finding(scale("Swim 1 day a week", "Swim 3 days a week", "Swim 5 days a week",
                      "Swim 8 days a week", "Swim 10 days a week"), "plain_amounts")
    assert f.met is False and "'8 days a week'" in f.message and "'10 days a week'" in f.message
