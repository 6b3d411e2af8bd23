"""The worksheet model: round trips, structure rules, validated copies."""

from __future__ import annotations

import datetime as dt
import re

import pydantic
import pytest

from goalkit.model import (
    Barrier,
    CheckIn,
    GasLevelText,
    GasScale,
    Goal,
    GoalCheckIn,
    GoalParts,
    OutcomeMeasure,
    Priority,
    Review,
    Step,
    SupportPerson,
    Worksheet,
    evolve,
)
from tests.conftest import full_worksheet

RECORDS = [
    Priority(text="Walk my dog"),
    SupportPerson(relationship="partner", how_they_help="joins the walks"),
    GoalParts(activity="walk", support="alone", quantity="1 km", time_frame="in 4 weeks"),
    Step(text="Walk 200 m daily", target_date=dt.date(2026, 5, 1)),
    GasScale(),
    OutcomeMeasure(name="Sit-to-stand", unit="reps in 30 s", baseline=6, target=12),
    Goal(statement="Climb the 14 stairs at home holding the rail within 3 weeks", confidence=8),
    Barrier(text="Bad weather", plan="Walk in the shopping centre"),
    Review(date=dt.date(2026, 6, 1), purpose="review"),
    CheckIn(date=dt.date(2026, 6, 1), pain=3.5, adherence=70),
    full_worksheet(),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_record_round_trips_through_json(record: pydantic.BaseModel) -> None:
    again = type(record).model_validate_json(record.model_dump_json())
    assert again == record


def test_new_worksheet_has_exactly_one_empty_primary_goal() -> None:
    ws = Worksheet()
    assert [g.role for g in ws.goals] == ["primary"]
    assert ws.primary.statement == ""
    assert ws.schema_version == 1
    assert ws.created.tzinfo is not None


@pytest.mark.parametrize(
    ("roles", "message"),
    [
        ([], "exactly one primary goal (found 0)"),
        (["primary", "primary"], "exactly one primary goal (found 2)"),
        (["primary", "secondary", "secondary", "secondary"], "at most two secondary goals"),
    ],
)
def test_goal_roles_are_enforced(roles: list[str], message: str) -> None:
    with pytest.raises(pydantic.ValidationError, match=re.escape(message)):
        Worksheet(goals=tuple(Goal(role=r) for r in roles))  # type: ignore[arg-type]


def test_one_primary_and_two_secondary_goals_are_fine() -> None:
    ws = Worksheet(goals=(Goal(role="secondary"), Goal(role="primary"), Goal(role="secondary")))
    assert len(ws.secondary) == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [("confidence", 11), ("confidence", -1), ("importance", 4), ("difficulty", -1)],
)
def test_goal_ratings_are_range_checked(field: str, value: int) -> None:
    with pytest.raises(pydantic.ValidationError, match=field):
        Goal(**{field: value})


def test_links_must_point_to_existing_records() -> None:
    with pytest.raises(pydantic.ValidationError, match="unknown priority 'nope'"):
        Worksheet(goals=(Goal(priority_ids=("nope",)),))
    with pytest.raises(pydantic.ValidationError, match="unknown goal 'ghost'"):
        Worksheet(barriers=(Barrier(goal_ids=("ghost",)),))
    with pytest.raises(pydantic.ValidationError, match="unknown goal 'ghost'"):
        Worksheet(
            checkins=(CheckIn(date=dt.date(2026, 1, 1), goals=(GoalCheckIn(goal_id="ghost"),)),)
        )


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="share the id 'x'"):
        Worksheet(goals=(Goal(id="x"), Goal(id="x", role="secondary")))


def test_gas_scale_needs_the_five_levels_and_is_kept_in_order() -> None:
    shuffled = [GasLevelText(level=lv, text=str(lv)) for lv in (2, -2, 0, 1, -1)]
    scale = GasScale(levels=tuple(shuffled))
    assert [lv.level for lv in scale.levels] == [-2, -1, 0, 1, 2]
    assert scale.text(0) == "0"
    with pytest.raises(pydantic.ValidationError, match="exactly once"):
        GasScale(levels=tuple(shuffled[:4]))
    with pytest.raises(pydantic.ValidationError):
        GasLevelText(level=3)  # type: ignore[arg-type]


def test_ids_are_restricted_to_a_file_name_safe_alphabet() -> None:
    for bad in ["../etc", "a/b", "", "x" * 65, "a b", "<script>"]:
        with pytest.raises(pydantic.ValidationError):
            Worksheet(id=bad)


def test_records_are_frozen_and_evolve_validates() -> None:
    ws = full_worksheet()
    with pytest.raises(pydantic.ValidationError):
        ws.patient_ref = "other"  # type: ignore[misc]
    changed = evolve(ws, context="chronic_pain")
    assert changed.context == "chronic_pain" and ws.context == "after_surgery"
    with pytest.raises(pydantic.ValidationError):
        evolve(ws, context="not a context")


def test_unknown_fields_and_oversized_text_are_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="Extra inputs"):
        Worksheet.model_validate({"patient_name": "Jane"})
    with pytest.raises(pydantic.ValidationError, match="at most 2000 characters"):
        Goal(statement="x" * 2001)


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(pydantic.ValidationError, match="timezone"):
        Worksheet(created=dt.datetime(2026, 1, 1))


def test_helpers() -> None:
    ws = full_worksheet()
    assert ws.goal("g-second").role == "secondary"
    with pytest.raises(KeyError):
        ws.goal("missing")
    assert ws.next_review(dt.date(2026, 1, 1)) == ws.reviews[0]
    assert ws.next_review(dt.date(2027, 1, 1)) is None
    assert ws.touched().updated >= ws.updated
