"""Drafting five GAS levels from a goal's parts (Bovend'Eerdt et al. 2009: change one part)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalkit.gas import GasError
from goalkit.gas_draft import EDIT_MARK, SUPPORT_LADDER, amounts, draft_scale, support_rung
from goalkit.gas_scale import validate_scale
from goalkit.model import GoalParts

PARTS = GoalParts(
    activity="Walk to the shop",
    support="with supervision of one person",
    quantity="1 km",
    time_frame="within 6 weeks",
)


def texts(parts: GoalParts, vary: str = "quantity") -> list[str]:
    return [lv.text for lv in draft_scale(parts, vary).levels]  # type: ignore[arg-type]


def quantity_levels(q: str) -> list[str]:
    return texts(GoalParts(activity="Walk", quantity=q))


def test_level_zero_is_the_goal_as_written_for_every_mode() -> None:
    for vary in ("quantity", "support", "time"):
        scale = draft_scale(PARTS, vary)  # type: ignore[arg-type]
        assert scale.text(0) == (
            "Walk to the shop (1 km) with supervision of one person within 6 weeks"
        )
        assert all(r.met for r in validate_scale(scale)), vary


def test_levels_read_as_sentences_not_parts_joined_by_commas() -> None:
    parts = GoalParts(activity="Garden", support="with one rest",
                      quantity="20 minutes, 3 days a week", time_frame="within 6 weeks")
    assert [lv.text for lv in draft_scale(parts).levels][1:4] == [
        "Garden for 10 minutes with one rest, 3 days a week within 6 weeks",
        "Garden for 20 minutes with one rest, 3 days a week within 6 weeks",
        "Garden for 30 minutes with one rest, 3 days a week within 6 weeks",
    ]


def test_quantity_scales_the_number() -> None:
    assert [re.search(r"\((.*?)\)", t).group(1) for t in texts(PARTS)] == [  # type: ignore[union-attr]
        "less than 0.5 km", "0.5 km", "1 km", "1.5 km", "at least 2 km",
    ]


def test_quantity_counts_stay_whole_and_apart() -> None:
    assert quantity_levels("3 times a week") == [
        "Walk, less than 2 times a week", "Walk, 2 times a week", "Walk, 3 times a week",
        "Walk, 5 times a week", "Walk, at least 6 times a week",
    ]
    assert quantity_levels("1 time a day")[3:] == [
        "Walk, 2 times a day", "Walk, at least 3 times a day",
    ]


def test_minutes_and_seconds_stay_whole() -> None:
    assert quantity_levels("15 minutes")[1:4] == [
        "Walk for 8 minutes", "Walk for 15 minutes", "Walk for 23 minutes"]


def test_quantity_one_count_leaves_lower_levels_to_the_clinician() -> None:
    low = quantity_levels("1 time a day")[:2]
    assert all(EDIT_MARK in t for t in low)


def test_quantity_where_less_is_better_flips() -> None:
    assert quantity_levels("under 30 seconds") == [
        "Walk taking more than 45 seconds", "Walk in under 45 seconds",
        "Walk in under 30 seconds", "Walk in under 23 seconds", "Walk in under 15 seconds",
    ]


def test_quantity_number_words_are_read() -> None:
    assert quantity_levels("two laps")[3] == "Walk 3 laps"


@pytest.mark.parametrize("q", ["3 out of 3 attempts", "most days", "4/5 tries"])
def test_quantity_without_a_scalable_number_gives_edit_notes(q: str) -> None:
    levels = quantity_levels(q)
    assert levels[2] in (f"Walk {q}", f"Walk in {q}", f"Walk, {q}")
    assert all(EDIT_MARK in t for i, t in enumerate(levels) if i != 2)


def test_support_moves_one_rung_per_level() -> None:
    levels = texts(PARTS, "support")
    assert SUPPORT_LADDER[0] in levels[0] and SUPPORT_LADDER[1] in levels[1]
    assert "(1 km) independently within 6 weeks" in levels[3]
    assert "(1 km) independently, also in a busier" in levels[4]


def test_support_from_independent_goes_beyond() -> None:
    levels = texts(GoalParts(activity="Dress", support="independently"), "support")
    assert levels == [f"Dress {SUPPORT_LADDER[i]}" for i in range(1, 6)]


def test_support_at_the_bottom_of_the_ladder_marks_edits() -> None:
    levels = texts(GoalParts(activity="Stand", support="with help of two people"), "support")
    assert EDIT_MARK in levels[0] and EDIT_MARK in levels[1]
    assert levels[3] == f"Stand {SUPPORT_LADDER[1]}"


def test_unrecognised_support_gives_relative_edit_notes() -> None:
    levels = texts(GoalParts(activity="Walk", support="with a stick"), "support")
    assert "more help than 'with a stick'" in levels[1]
    assert "much less help than 'with a stick'" in levels[4]


@pytest.mark.parametrize(
    ("text", "rung"),
    [("with supervision of one person", 2), ("physical help of two people", 0),
     ("with hands-on help", 1), ("on my own", 3), ("independently in any setting", 5),
     ("with a frame", None)],
)
def test_support_rung(text: str, rung: int | None) -> None:
    assert support_rung(text) == rung


def test_time_earlier_is_better() -> None:
    assert [t.rsplit("one person", 1)[1] for t in texts(PARTS, "time")] == [
        ": not achieved within 12 weeks", " within 9 weeks", " within 6 weeks",
        " within 5 weeks", " within 3 weeks",
    ]


def test_time_steps_down_a_unit_when_rounding_collides() -> None:
    levels = texts(GoalParts(activity="Drive", time_frame="by 3 months"), "time")
    assert levels[3] == "Drive by 9 weeks" and levels[0] == "Drive: not achieved by 24 weeks"
    assert validate_scale(draft_scale(GoalParts(activity="Drive", time_frame="by 3 months"),
                                      "time"))[3].met


def test_time_duration_longer_is_better() -> None:
    levels = texts(GoalParts(activity="Swim", time_frame="for 20 minutes"), "time")
    assert levels[4] == "Swim for at least 40 minutes"


def test_time_without_a_number_gives_edit_notes() -> None:
    levels = texts(GoalParts(activity="Drive", time_frame="by the end of March"), "time")
    assert "sooner than 'by the end of March'" in levels[3]


def test_baseline_is_stored() -> None:
    assert draft_scale(PARTS).baseline == -1
    assert draft_scale(PARTS, baseline=-2).baseline == -2


def test_errors() -> None:
    with pytest.raises(GasError, match="vary must be 'quantity', 'support' or 'time'"):
        draft_scale(PARTS, "activity")  # type: ignore[arg-type]
    with pytest.raises(GasError, match="baseline must be one of"):
        draft_scale(PARTS, baseline=3)
    with pytest.raises(GasError, match="no time frame written"):
        draft_scale(GoalParts(activity="Walk"), "time")


def test_amounts_put_time_spans_in_days() -> None:
    assert amounts("walk 2 km within 3 weeks") == [2, 21]


@given(st.floats(0.01, 500).map(lambda x: round(x, 2)), st.sampled_from(["km", "minutes", "kg"]))
def test_drafted_quantities_always_move_one_way(n: float, unit: str) -> None:
    scale = draft_scale(GoalParts(activity="Do it", quantity=f"{n:g} {unit}"))
    ordered = next(f for f in validate_scale(scale) if f.rule == "ordered")
    assert ordered.met is not False


def test_a_count_never_outgrows_its_period() -> None:
    assert quantity_levels("5 days a week")[3:] == [
        "Walk, 6 days a week", "Walk, at least 7 days a week"]
    six = quantity_levels("6 days a week")[3:]
    assert EDIT_MARK in six[0] and six[1] == "Walk, at least 7 days a week"
    assert all(EDIT_MARK in t for t in quantity_levels("7 days a week")[3:])
    assert quantity_levels("2 hours a day")[:2] == [
        "Walk, less than 1 hour a day", "Walk, 1 hour a day"]
