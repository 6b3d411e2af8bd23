"""GAS T-scores (Kiresuk & Sherman), GAS-Light weights and a worksheet's explained score."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalkit.gas import (
    GasError,
    gas_light_weight,
    goal_label,
    latest_checkin,
    score_worksheet,
    t_score,
)
from goalkit.model import GasScale, Worksheet
from tests.checkin_builders import checkin, goal, sheet, week

levels_st = st.lists(st.sampled_from([-2, -1, 0, 1, 2]), min_size=1, max_size=8)


# --- documented examples (DOMAIN.md) ----------------------------------------------------------


def test_physioclinical_example_two_goals_weight_six() -> None:
    assert round(t_score([1, 0], weights=[6, 6]), 2) == 56.20


def test_gasr_example_six_weighted_goals() -> None:
    assert round(t_score([-2, 0, -1, 2, 0, 1], weights=[3, 5, 1, 4, 2, 6]), 2) == 55.00


@pytest.mark.parametrize("n", range(1, 7))
def test_every_goal_as_expected_gives_50(n: int) -> None:
    assert t_score([0] * n) == 50
    assert t_score([0] * n, weights=list(range(1, n + 1))) == 50


# --- algebra ---------------------------------------------------------------------------------


@given(levels_st)
def test_rho_zero_unit_weights_is_textbook_form(levels: list[int]) -> None:
    expected = 50 + 10 * sum(levels) / math.sqrt(len(levels))
    assert t_score(levels, rho=0) == pytest.approx(expected)


@given(levels_st)
def test_unweighted_default_rho_matches_closed_form(levels: list[int]) -> None:
    n = len(levels)
    expected = 50 + 10 * sum(levels) / math.sqrt(0.7 * n + 0.3 * n * n)
    assert t_score(levels) == pytest.approx(expected)


@given(levels_st, st.data())
def test_raising_any_single_level_raises_t(levels: list[int], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(levels) - 1))
    if levels[i] == 2:
        levels[i] = 1
    weights = data.draw(st.lists(st.integers(1, 9), min_size=len(levels), max_size=len(levels)))
    rho = data.draw(st.floats(0, 0.95))
    before = t_score(levels, weights, rho)
    raised = [*levels[:i], levels[i] + 1, *levels[i + 1 :]]
    assert t_score(raised, weights, rho) > before


@given(levels_st, st.floats(0.1, 10))
def test_scaling_all_weights_leaves_t_unchanged(levels: list[int], factor: float) -> None:
    weights = [1 + i % 3 for i in range(len(levels))]
    scaled = [w * factor for w in weights]
    assert t_score(levels, scaled) == pytest.approx(t_score(levels, weights))


def test_single_goal_unweighted() -> None:
    assert t_score([1]) == 60
    assert t_score([-2]) == 30


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [3, -3, 0.5, float("nan"), True, "1"])
def test_level_outside_range(bad: object) -> None:
    with pytest.raises(GasError, match=r"GAS level .* of goal 2 is outside -2\.\.\+2"):
        t_score([0, bad])  # type: ignore[list-item]


def test_no_goals() -> None:
    with pytest.raises(GasError, match="no goals to score"):
        t_score([])


@pytest.mark.parametrize("bad", [0, -1, -0.5])
def test_weight_zero_or_below(bad: float) -> None:
    with pytest.raises(GasError, match=r"weight .* of goal 1 must be above 0"):
        t_score([1, 0], weights=[bad, 2])


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "2"])
def test_weight_not_a_number(bad: object) -> None:
    with pytest.raises(GasError, match="is not a finite number"):
        t_score([1], weights=[bad])  # type: ignore[list-item]


def test_mismatched_lengths() -> None:
    with pytest.raises(GasError, match=r"differ in length \(3 weights for 2 levels\)"):
        t_score([1, 0], weights=[1, 2, 3])


@pytest.mark.parametrize("rho", [-0.1, 1, 1.5, float("nan")])
def test_rho_outside_zero_one(rho: float) -> None:
    with pytest.raises(GasError, match=r"rho must be in \[0, 1\)"):
        t_score([1, 0], rho=rho)


def test_gas_error_is_a_value_error() -> None:
    assert issubclass(GasError, ValueError)


def test_gas_light_weight() -> None:
    assert gas_light_weight(3, 2) == 6
    assert gas_light_weight(0, 3) == 0
    with pytest.raises(GasError, match="importance is rated 0-3"):
        gas_light_weight(4, 1)
    with pytest.raises(GasError, match="difficulty is rated 0-3"):
        gas_light_weight(1, -1)


# --- a worksheet's score -------------------------------------------------------------------------


def _two_goal_sheet(**secondary: object) -> Worksheet:
    goals = [
        goal("a", importance=3, difficulty=2, gas=GasScale()),
        goal("b", "secondary", gas=GasScale(), **secondary),
    ]
    return sheet(goals, [checkin(0, a=-1, b=-1), checkin(1, a=1, b=0)])


def test_score_shows_unweighted_and_weighted_side_by_side() -> None:
    ws = sheet(
        [goal("a", importance=2, difficulty=3, gas=GasScale()),
         goal("b", "secondary", importance=3, difficulty=2, gas=GasScale())],
        [checkin(0, a=1, b=0)],
    )
    score = score_worksheet(ws)
    assert score.unweighted == pytest.approx(t_score([1, 0]))
    assert score.weighted == pytest.approx(56.20, abs=0.005)
    assert [g.weight for g in score.goals] == [6, 6]
    assert "Turner-Stokes 2009" in score.summary()


def test_goal_without_weights_is_reported_not_dropped_silently() -> None:
    score = score_worksheet(_two_goal_sheet())
    b = score.goals[1]
    assert b.in_unweighted and not b.in_weighted and b.weight is None
    assert score.weighted == pytest.approx(t_score([1], [6]))
    assert any("no importance and difficulty rating" in line for line in score.explanation)
    assert "from 1 goals" in score.summary()


def test_weight_zero_goal_is_left_out_of_weighted_with_reason() -> None:
    score = score_worksheet(_two_goal_sheet(importance=0, difficulty=3))
    assert score.goals[1].weight == 0 and not score.goals[1].in_weighted
    assert any("weight 0" in line for line in score.explanation)


def test_goal_without_level_is_reported() -> None:
    ws = sheet([goal("a", importance=1, difficulty=1), goal("b", "secondary")],
               [checkin(0, a=0)])
    score = score_worksheet(ws)
    assert score.unweighted == 50 and score.weighted == 50
    assert not score.goals[1].in_unweighted
    assert any("has no GAS level recorded" in line for line in score.explanation)
    assert any("no written scale" in line for line in score.explanation)


def test_no_checkins_gives_no_scores_and_says_so() -> None:
    score = score_worksheet(sheet([goal("a")]))
    assert score.unweighted is None and score.weighted is None and score.date is None
    assert score.explanation[0].startswith("No check-ins yet")


def test_at_picks_the_checkin_and_default_is_latest_by_date() -> None:
    ws = _two_goal_sheet()
    first, second = ws.checkins
    shuffled = sheet(list(ws.goals), [second, first])
    assert latest_checkin(shuffled) == second
    assert score_worksheet(shuffled).date == week(1)
    assert score_worksheet(shuffled, at=first).unweighted == pytest.approx(t_score([-1, -1]))


def test_goal_label_shortens_long_statements() -> None:
    assert goal_label(goal("a", statement="x" * 80)).endswith("…'")
    assert goal_label(goal("a", statement="")) == "main goal (not written yet)"


def test_importing_gas_loads_neither_pandas_nor_matplotlib() -> None:
    code = ("import sys, goalkit.gas, goalkit.gas_draft, goalkit.gas_scale, goalkit.patterns; "
            "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
