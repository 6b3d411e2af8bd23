"""The rules behind progress reading: thresholds with their basis, directions, progressions."""

from __future__ import annotations

import pytest

from goalkit.progress_rules import (
    INSTRUMENT_HIGHER_IS_BETTER,
    MEANINGFUL_CHANGE,
    PROGRESSIONS,
    WINDOW,
    higher_is_better,
    threshold_for,
)
from tests.checkin_builders import measure


def test_sourced_figures() -> None:
    assert MEANINGFUL_CHANGE["psfs"].value == 3 and MEANINGFUL_CHANGE["psfs_mean"].value == 2
    assert MEANINGFUL_CHANGE["nrs_pain"].value == 2 and MEANINGFUL_CHANGE["odi"].value == 10
    for key in ("psfs", "psfs_mean", "nrs_pain", "odi"):
        assert MEANINGFUL_CHANGE[key].basis == "sourced"
        assert any(year in MEANINGFUL_CHANGE[key].source for year in ("1995", "2001", "2008"))


def test_conventions_are_marked_as_such() -> None:
    for key in ("gas_level", "psfs2", "copm_performance", "copm_satisfaction"):
        assert MEANINGFUL_CHANGE[key].basis == "convention"
    assert WINDOW == 3


@pytest.mark.parametrize(("instrument", "higher"), sorted(INSTRUMENT_HIGHER_IS_BETTER.items()))
def test_instrument_fixes_direction(instrument: str, higher: bool) -> None:
    assert higher_is_better(measure("m", instrument=instrument, higher_is_better=not higher)) \
        is higher


def test_custom_measure_keeps_its_own_direction() -> None:
    assert higher_is_better(measure("m", higher_is_better=False)) is False


def test_custom_threshold_is_a_tenth_of_the_gap() -> None:
    t = threshold_for(measure("m", baseline=200, target=1000))
    assert t is not None and t.value == 80 and t.basis == "convention"
    assert threshold_for(measure("m", baseline=5, target=5)) is None
    assert threshold_for(measure("m", target=5)) is None


def test_progressions_follow_the_spinal_article_for_exercise() -> None:
    text = " ".join(PROGRESSIONS["exercise"]).lower()
    for idea in ("load", "repetitions", "tempo", "rest", "drop set", "superset", "amrap",
                 "plyometric", "long run"):
        assert idea in text


def test_direction_comes_from_the_instrument_then_baseline_and_target() -> None:
    from goalkit.model import OutcomeMeasure
    from goalkit.progress_rules import MEANINGFUL_CHANGE, higher_is_better, threshold_for

    timed = OutcomeMeasure(name="Walk to the shop", unit="s", baseline=40, target=25)
    assert higher_is_better(timed) is False  # the stored default (True) is overruled
    assert higher_is_better(OutcomeMeasure(baseline=400, target=2000)) is True
    assert higher_is_better(OutcomeMeasure(higher_is_better=False)) is False
    # an instrument's direction is fixed, whatever baseline and target say
    assert higher_is_better(OutcomeMeasure(instrument="tug", baseline=9, target=12)) is False
    for instrument, higher in [("tug", False), ("six_minute_walk", True),
                               ("chair_stand_30s", True), ("peg", False), ("nrs_pain", False),
                               ("psfs", True)]:
        m = OutcomeMeasure(instrument=instrument)  # type: ignore[arg-type]
        assert higher_is_better(m) is higher, instrument
        change = threshold_for(m)
        assert change is not None and change.source, instrument
        assert change is MEANINGFUL_CHANGE[instrument]
