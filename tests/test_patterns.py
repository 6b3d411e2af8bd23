"""Plateau, setback and milestone rules on constructed check-in series."""

from __future__ import annotations

import pytest

from goalkit.model import Barrier, Step, Worksheet, evolve
from goalkit.patterns import (
    all_series,
    find_goal,
    milestones,
    ordered_checkins,
    plateaus,
    setbacks,
)
from goalkit.progress_rules import GENERAL_PLATEAU_ADVICE, MEANINGFUL_CHANGE, PROGRESSIONS
from tests.checkin_builders import (
    checkin,
    goal,
    levels_sheet,
    measure,
    measure_sheet,
    sheet,
    week,
)

PAIN = measure("nrs", name="pain", instrument="nrs_pain", baseline=7, target=3)
PSFS = measure("p1", name="PSFS stairs", instrument="psfs", baseline=2, target=8)


def kinds(ws: Worksheet) -> list[tuple[str, str]]:
    return [(f.kind, f.series) for f in [*plateaus(ws), *setbacks(ws)]]


# --- plateau ---------------------------------------------------------------------------------


def test_gas_plateau_with_exercise_progressions() -> None:
    [f] = plateaus(levels_sheet(-1, -1, -1))
    assert (f.kind, f.goal_id, f.series) == ("plateau", "g", "GAS level")
    assert f.dates == (week(0), week(1), week(2)) and f.values == (-1, -1, -1)
    assert f.threshold == MEANINGFUL_CHANGE["gas_level"] and f.threshold.basis == "convention"
    assert "last 3 recorded values" in f.rule and "(-1, -1, -1; target 0)" in f.message
    assert any("drop set" in s and "AMRAP" in s for s in f.suggestions)
    assert any("plyometric" in s for s in f.suggestions)
    assert f.suggestions[-1] == GENERAL_PLATEAU_ADVICE


def test_fewer_checkins_than_the_window_is_not_a_plateau() -> None:
    assert plateaus(levels_sheet(-1, -1)) == []
    assert plateaus(levels_sheet()) == []


def test_window_is_configurable() -> None:
    assert len(plateaus(levels_sheet(-1, -1), window=2)) == 1
    assert plateaus(levels_sheet(-2, -1, -1, -1, -1), window=5) == []  # gained a level
    with pytest.raises(ValueError, match="at least 2 check-ins"):
        plateaus(levels_sheet(-1), window=1)


def test_only_the_last_window_counts() -> None:
    assert len(plateaus(levels_sheet(-2, -1, -1, -1))) == 1


def test_meaningful_gain_is_not_a_plateau() -> None:
    assert plateaus(levels_sheet(-2, -2, -1)) == []


def test_already_at_target_is_not_a_plateau() -> None:
    assert plateaus(levels_sheet(0, 0, 0)) == []
    assert plateaus(levels_sheet(1, 1, 1)) == []


def test_missing_values_are_skipped_not_filled() -> None:
    [f] = plateaus(levels_sheet(-1, None, -1, -1))
    assert f.dates == (week(0), week(2), week(3))


def test_pain_like_measure_plateau_and_progress() -> None:
    [f] = plateaus(measure_sheet(PAIN, 6, 6, 5, domain="pain_management"))
    assert f.series == "pain" and f.threshold.value == 2
    assert f.suggestions[0] == PROGRESSIONS["pain_management"][0]
    assert plateaus(measure_sheet(PAIN, 7, 6, 4)) == []  # down 3: meaningful
    assert plateaus(measure_sheet(PAIN, 5, 4, 3)) == []  # at target


def test_custom_lower_is_better_measure_uses_the_gap_convention() -> None:
    timed = measure("t", name="sit-to-stand time", higher_is_better=False, baseline=60, target=30)
    [f] = plateaus(measure_sheet(timed, 50, 49, 48))
    assert f.threshold.value == 3 and f.threshold.basis == "convention"
    assert plateaus(measure_sheet(timed, 50, 45, 40)) == []


def test_measure_without_a_known_threshold_is_not_judged() -> None:
    vague = measure("v", target=10)
    assert plateaus(measure_sheet(vague, 1, 1, 1)) == []


def test_measure_without_target_is_not_a_plateau() -> None:
    no_target = measure("n", instrument="psfs")
    assert plateaus(measure_sheet(no_target, 3, 3, 3)) == []


def test_psfs2_counts_down_whatever_the_measure_says() -> None:
    v2 = measure("v2", instrument="psfs2", target=2, higher_is_better=True)
    assert len(plateaus(measure_sheet(v2, 6, 6, 6))) == 1
    assert plateaus(measure_sheet(v2, 8, 6, 4)) == []  # fell 4, i.e. improved
    assert [f.kind for f in setbacks(measure_sheet(v2, 4, 5, 7))] == ["setback"]


def test_suggestions_follow_the_domain() -> None:
    assert plateaus(levels_sheet(-1, -1, -1, domain="diet"))[0].suggestions[0] == \
        PROGRESSIONS["diet"][0]
    assert plateaus(levels_sheet(-1, -1, -1, domain=None))[0].suggestions[0] == \
        PROGRESSIONS[None][0]


def test_every_domain_has_progressions() -> None:
    from typing import get_args

    from goalkit.model import Domain
    assert set(get_args(Domain)) | {None} == set(PROGRESSIONS)


# --- setback ----------------------------------------------------------------------------------


def _with_barriers(ws: Worksheet, *barriers: Barrier) -> Worksheet:
    return sheet(list(ws.goals), list(ws.checkins), barriers=barriers)


def test_drop_after_gains_points_to_the_linked_plan() -> None:
    base = sheet([goal("g", domain="exercise"), goal("h", "secondary")],
                 [checkin(0, g=-1), checkin(1, g=0), checkin(2, g=-1)])
    ws = _with_barriers(base, Barrier(text="flare-up", plan="halve the walk", goal_ids=("g",)),
                        Barrier(text="rota", plan="walk at lunch", goal_ids=("h",)))
    [f] = setbacks(ws)
    assert (f.kind, f.goal_id, f.values, f.dates) == ("setback", "g", (0, -1), (week(1), week(2)))
    assert "after earlier gains" in f.message and "went from 0" in f.message
    assert f.suggestions == ("Plan for 'flare-up': halve the walk",)
    assert plateaus(ws) == []  # a setback is not also a plateau


def test_without_a_linked_plan_every_plan_is_offered() -> None:
    ws = _with_barriers(levels_sheet(0, -1), Barrier(text="busy", plan="short walks"),
                        Barrier(text="no plan yet"))
    assert setbacks(ws)[0].suggestions == ("Plan for 'busy': short walks",)


def test_without_any_plan_the_patient_is_asked_for_one() -> None:
    [f] = setbacks(levels_sheet(0, -1))
    assert "No contingency plan is written yet" in f.suggestions[0]
    assert "after earlier gains" not in f.message


def test_small_drop_is_not_a_setback() -> None:
    ws = measure_sheet(PSFS, 4, 7, 5)
    assert [f.kind for f in setbacks(ws)] == []
    assert kinds(ws) == [("plateau", "PSFS stairs")]


def test_recovered_drop_is_not_a_setback() -> None:
    assert setbacks(levels_sheet(-1, 0, -1, 0)) == []


def test_single_value_cannot_be_a_setback() -> None:
    assert setbacks(levels_sheet(0)) == []


def test_worksheet_pain_flare_up() -> None:
    ws = _with_barriers(
        sheet([goal("g")], [checkin(0, pain=3), checkin(1, pain=6)]),
        Barrier(text="flare-up", plan="heat, rest, then half the usual walk", goal_ids=("g",)),
    )
    [f] = setbacks(ws)
    assert f.goal_id is None and f.series == "pain" and f.values == (3, 6)
    assert f.suggestions == ("Plan for 'flare-up': heat, rest, then half the usual walk",)


def test_missing_latest_value_uses_the_latest_recorded_one() -> None:
    assert setbacks(measure_sheet(PAIN, 3, 6, None))[0].values == (3, 6)


# --- milestones -------------------------------------------------------------------------------


def test_first_time_at_expected_level_only_once() -> None:
    [m] = milestones(levels_sheet(-1, 0, -1, 1))
    assert (m.kind, m.date, m.goal_id) == ("expected_level", week(1), "g")
    assert "First time at the expected level" in m.message


def test_measure_reaching_target_lower_is_better() -> None:
    [m] = milestones(measure_sheet(PAIN, 6, 4, 3, 2))
    assert (m.kind, m.date) == ("target_reached", week(2))
    assert "reached its target of 3 on" in m.message  # not "3 (3)"


def test_steps_done_are_celebrated_and_all_sorted_by_date() -> None:
    g = goal("g", steps=(Step(text="walk to the corner", done_on=week(1)),
                         Step(text="walk to the park", done_on=None)))
    h = goal("h", "secondary", steps=(Step(text="sit 20 minutes", done_on=week(0)),))
    ws = sheet([g, h], [checkin(0, g=-1), checkin(1, g=0)])
    got = [(m.date, m.kind, m.goal_id) for m in milestones(ws)]
    assert got == [(week(0), "step_done", "h"), (week(1), "step_done", "g"),
                   (week(1), "expected_level", "g")]
    assert "walk to the corner" in milestones(ws)[1].message


def test_nothing_reached_nothing_celebrated() -> None:
    assert milestones(levels_sheet(-2, -1)) == []
    assert milestones(sheet([goal("g")])) == []


# --- helpers ---------------------------------------------------------------------------------


def test_checkins_are_read_in_date_order() -> None:
    ws = sheet([goal("g")], [checkin(2, g=0), checkin(0, g=-1)])
    assert [c.date for c in ordered_checkins(ws)] == [week(0), week(2)]
    assert milestones(ws)[0].date == week(2)


def test_find_goal_names_known_goals() -> None:
    with pytest.raises(ValueError, match=r"no goal 'x' on this worksheet \(goals: g\)"):
        find_goal(levels_sheet(), "x")


def test_one_setback_summary_per_checkin_with_the_plan_that_fits() -> None:
    """Point 11: pain up and walking down at one visit is one setback, with the flare-up plan
    (not every plan repeated under each measure)."""
    import datetime as dt

    from goalkit.edit import add_barrier, record_checkin
    from goalkit.model import CheckIn, GoalCheckIn
    from goalkit.patterns import setback_summaries
    from tests.conftest import full_worksheet

    ws = add_barrier(full_worksheet(), text="A busy week at work", plan="Walk at lunch instead")
    ws = add_barrier(ws, text="Pain flares up", plan="Halve the walks for two days")
    for day_, walk, pain in ((21, 1500, 3), (28, 900, 7)):
        ws = record_checkin(ws, CheckIn(date=dt.date(2026, 1, day_), pain=pain,
                                        goals=(GoalCheckIn(goal_id="g-primary",
                                                           measures={"walk": walk}),)))
    [summary] = setback_summaries(ws)
    assert summary.date == dt.date(2026, 1, 28) and len(summary.findings) == 2
    assert summary.message.count("Setbacks are common") == 1
    assert "Walking distance" in summary.message and "Pain went from 3/10" in summary.message
    # the flare-up plan linked to the goal fits best; the busy-week plan does not fit at all
    assert summary.plans == ("Plan for 'A flare-up after a long day at work': Halve the "
                             "distance for two days, then build back up",)


def test_plateau_advice_fits_the_context() -> None:
    from goalkit.model import evolve
    from goalkit.patterns import plateaus

    ws = levels_sheet(-1, -1, -1)
    goal = evolve(ws.goals[0], domain="physical_rehabilitation")
    pain = evolve(ws, goals=(goal,), context="chronic_pain")
    [f] = plateaus(pain)
    text = " ".join(f.suggestions)
    assert "surgery" not in text and "pacing" in text
    [f] = plateaus(evolve(pain, context="after_surgery"))
    assert "surgical team" in " ".join(f.suggestions)


def test_series_are_read_again_for_another_worksheet_and_cannot_be_changed_by_a_caller() -> None:
    ws = measure_sheet(PSFS, 3, 4, 5)
    first = all_series(ws)
    first.clear()  # a caller's list is its own
    again = all_series(ws)
    assert again and again == all_series(evolve(ws))
    later = evolve(ws, checkins=ws.checkins[:1])
    psfs = next(s for s in all_series(later) if s.key == "p1")
    assert [v for _, v in psfs.points] == [3]
    assert [v for _, v in next(s for s in all_series(ws) if s.key == "p1").points] == [3, 4, 5]
