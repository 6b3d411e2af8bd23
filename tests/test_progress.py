"""Progress tables: tidy check-ins, trajectories, T-scores over time, PSFS mean, trends."""

from __future__ import annotations

import pandas as pd
import pytest

from goalkit import progress
from goalkit.gas import t_score
from goalkit.model import GasScale
from goalkit.progress import (
    PSFS_COLUMNS,
    TIDY_COLUMNS,
    VISIT_COLUMNS,
    adherence_trend,
    pain_trend,
    psfs_summary,
    tidy_checkins,
    trajectory,
    visits,
)
from tests.checkin_builders import checkin, goal, measure, sheet, week

DIST = measure("dist", name="distance walked", unit="km", baseline=0.2, target=1.0)
NRS = measure("nrs", name="pain", instrument="nrs_pain", higher_is_better=True)


def walking_sheet():  # type: ignore[no-untyped-def]
    walk = goal("walk", domain="exercise", importance=3, difficulty=2, gas=GasScale(),
                measures=(DIST, NRS))
    sit = goal("sit", "secondary", importance=1, difficulty=1)
    return sheet([walk, sit], [
        checkin(1, pain=6, adherence=70, walk=(0, {"dist": 0.6}), sit=0),
        checkin(0, pain=7, adherence=50, walk=(-1, {"dist": 0.2, "nrs": 7}), sit=-1),
        checkin(2, pain=4, walk=(None, {"nrs": 5})),
    ])


def test_tidy_frame_is_long_with_documented_columns() -> None:
    frame = tidy_checkins(walking_sheet())
    assert list(frame.columns) == list(TIDY_COLUMNS)
    # week 0: walk level + 2 measures + sit level; week 1: walk level + dist + sit; week 2: nrs
    assert len(frame) == 4 + 3 + 1
    assert list(frame["date"].drop_duplicates()) == [pd.Timestamp(week(i)) for i in range(3)]
    assert frame["value"].dtype == "float64" and frame["higher_is_better"].dtype == bool
    gas_rows = frame[frame["kind"] == "gas_level"]
    assert set(gas_rows["target"]) == {0.0} and gas_rows["measure_id"].isna().all()
    nrs = frame[frame["measure_id"] == "nrs"]
    assert not nrs["higher_is_better"].any()  # the instrument decides, not the measure
    assert list(frame.loc[frame["checkin_id"] == "w2", "pain"]) == [4.0]


def test_tidy_frame_of_an_empty_worksheet_keeps_its_columns() -> None:
    frame = tidy_checkins(sheet([goal("g")]))
    assert frame.empty and list(frame.columns) == list(TIDY_COLUMNS)


def test_trajectory_is_one_row_per_checkin_with_gaps_left_empty() -> None:
    frame = trajectory(walking_sheet(), "walk")
    assert list(frame.columns) == ["date", "gas_level", "dist", "nrs"]
    assert frame["gas_level"].tolist()[:2] == [-1.0, 0.0] and pd.isna(frame["gas_level"].iloc[2])
    assert pd.isna(frame["nrs"].iloc[1]) and frame["nrs"].iloc[2] == 5


def test_trajectory_of_unknown_goal() -> None:
    with pytest.raises(ValueError, match="no goal 'nope'"):
        trajectory(walking_sheet(), "nope")


def test_visits_carry_both_t_scores_over_time() -> None:
    frame = visits(walking_sheet())
    assert list(frame.columns) == list(VISIT_COLUMNS)
    assert frame["t_unweighted"].iloc[0] == pytest.approx(t_score([-1, -1]))
    assert frame["t_weighted"].iloc[1] == pytest.approx(50.0)
    assert pd.isna(frame["t_unweighted"].iloc[2]) and frame["goals_scored"].tolist() == [2, 2, 0]
    assert pd.isna(frame["adherence"].iloc[2])


def _psfs_sheet(instrument: str, baselines: tuple[float | None, float | None], rows):  # type: ignore[no-untyped-def]
    items = (measure("a", instrument=instrument, baseline=baselines[0]),
             measure("b", instrument=instrument, baseline=baselines[1]))
    return sheet([goal("g", measures=items)],
                 [checkin(i, g=(None, values)) for i, values in enumerate(rows)])


def test_psfs_mean_against_baselines_with_mdc() -> None:
    ws = _psfs_sheet("psfs", (2, 4), [{"a": 3, "b": 5}, {"a": 5, "b": 6}])
    frame = psfs_summary(ws)
    assert list(frame.columns) == list(PSFS_COLUMNS)
    assert frame["mean"].tolist() == [4.0, 5.5] and frame["reference"].tolist() == [3.0, 3.0]
    assert frame["change"].tolist() == [1.0, 2.5]
    assert frame["beyond_mdc"].tolist() == [False, True] and set(frame["mdc"]) == {2.0}


def test_psfs_without_all_baselines_starts_from_the_first_checkin() -> None:
    ws = _psfs_sheet("psfs", (2, None), [{"a": 3, "b": 5}, {"a": 6}])
    frame = psfs_summary(ws)
    assert frame["reference"].tolist() == [4.0, 4.0] and frame["n_items"].tolist() == [2, 1]


def test_psfs2_change_is_positive_when_scores_fall() -> None:
    ws = _psfs_sheet("psfs2", (8, 8), [{"a": 5, "b": 5}])
    frame = psfs_summary(ws)
    assert frame["version"].tolist() == ["psfs2"] and frame["change"].tolist() == [3.0]


def test_no_psfs_gives_an_empty_frame() -> None:
    assert psfs_summary(walking_sheet()).empty


def test_pain_trend() -> None:
    trend = pain_trend(walking_sheet())
    assert (trend.first, trend.last, trend.change, trend.meaningful) == (7, 4, -3, True)
    assert trend.message.startswith("Pain went from 7 to 4 (down 3 points) over 3 check-ins")
    assert "Farrar" in trend.message


def test_pain_trend_needs_two_ratings() -> None:
    trend = pain_trend(sheet([goal("g")], [checkin(0, pain=5)]))
    assert trend.meaningful is None and trend.last == 5 and "two or more" in trend.message


def test_small_pain_change_is_not_meaningful() -> None:
    trend = pain_trend(sheet([goal("g")], [checkin(0, pain=5), checkin(1, pain=6)]))
    assert trend.meaningful is False and "(up 1 point)" in trend.message


def test_adherence_trend() -> None:
    trend = adherence_trend(walking_sheet())
    assert trend.points == ((week(0), 50.0), (week(1), 70.0))
    assert trend.message == "Adherence averaged 60% over 2 check-ins; the latest was 70%."
    assert adherence_trend(sheet([goal("g")])).message == "No adherence recorded yet."


def test_pattern_functions_are_reexported() -> None:
    for name in ("milestones", "plateaus", "setbacks", "Milestone", "Finding"):
        assert name in progress.__all__ and hasattr(progress, name)
