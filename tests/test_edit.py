"""Pure worksheet edits."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest

from goalkit import edit
from goalkit.model import CheckIn, GoalCheckIn, Worksheet
from tests.conftest import full_worksheet


def test_goals_can_be_added_up_to_two_secondary_and_removed() -> None:
    ws = edit.add_secondary_goal(edit.add_secondary_goal(Worksheet()))
    assert len(ws.secondary) == 2
    with pytest.raises(pydantic.ValidationError, match="at most two secondary goals"):
        edit.add_secondary_goal(ws)
    ws = edit.remove_goal(ws, ws.secondary[0].id)
    assert len(ws.secondary) == 1
    with pytest.raises(ValueError, match="primary goal cannot be removed"):
        edit.remove_goal(ws, ws.primary.id)


def test_removing_a_goal_removes_its_links() -> None:
    ws = full_worksheet()
    ws = edit.add_barrier(ws, text="rain", plan="walk indoors", goal_ids=("g-second",))
    ws = edit.record_checkin(
        ws, CheckIn(date=dt.date(2026, 1, 20), goals=(GoalCheckIn(goal_id="g-second"),))
    )
    ws = edit.remove_goal(ws, "g-second")
    assert all("g-second" not in b.goal_ids for b in ws.barriers)
    assert all(gc.goal_id != "g-second" for c in ws.checkins for gc in c.goals)


def test_steps_and_measures() -> None:
    ws = full_worksheet()
    ws = edit.add_goal_item(ws, "g-primary", "steps", id="s3", text="Walk 1.5 km")
    assert [s.id for s in ws.primary.steps] == ["s1", "s2", "s3"]
    ws = edit.update_goal_item(ws, "g-primary", "steps", "s3", done_on=dt.date(2026, 2, 1))
    assert ws.primary.steps[-1].done_on == dt.date(2026, 2, 1)
    ws = edit.remove_goal_item(ws, "g-primary", "steps", "s1")
    assert [s.id for s in ws.primary.steps] == ["s2", "s3"]
    ws = edit.add_goal_item(ws, "g-primary", "measures", id="m9", name="Stairs", unit="flights")
    assert ws.primary.measures[-1].name == "Stairs"
    with pytest.raises(KeyError):
        edit.update_goal_item(ws, "g-primary", "steps", "nope", text="x")


def test_barriers() -> None:
    ws = edit.add_barrier(Worksheet(), id="b1", text="flare-up")
    ws = edit.update_barrier(ws, "b1", plan="pace and rest for two days")
    assert ws.barriers[0].plan == "pace and rest for two days"
    assert edit.remove_barrier(ws, "b1").barriers == ()


def test_checkins_stay_in_date_order() -> None:
    ws = full_worksheet()
    ws = edit.record_checkin(ws, CheckIn(id="c0", date=dt.date(2026, 1, 1)))
    assert [c.id for c in ws.checkins] == ["c0", "c1"]


def test_invalid_edits_raise_and_leave_the_input_alone() -> None:
    ws = full_worksheet()
    with pytest.raises(pydantic.ValidationError):
        edit.update_goal(ws, "g-primary", confidence=11)
    assert ws.primary.confidence == 7


def test_priorities_keep_their_ids_and_drop_stale_links() -> None:
    ws = full_worksheet()  # the primary goal links to priority "pr-football"
    ws = edit.set_priorities(ws, ["Play football with my son", "  ", "Sleep through the night"])
    assert [p.text for p in ws.priorities] == [
        "Play football with my son",
        "Sleep through the night",
    ]
    assert ws.priorities[0].id == "pr-football"
    assert ws.primary.priority_ids == ("pr-football",)
    ws = edit.set_priorities(ws, [])
    assert ws.priorities == () and ws.primary.priority_ids == ()


def test_update_and_remove_checkin_keep_date_order_and_refuse_unknown_ids() -> None:
    import datetime as dt

    import pytest

    from goalkit.edit import record_checkin, remove_checkin, update_checkin
    from goalkit.model import CheckIn, Worksheet, evolve

    ws = Worksheet()
    a, b = CheckIn(id="a", date=dt.date(2026, 1, 1)), CheckIn(id="b", date=dt.date(2026, 2, 1))
    ws = record_checkin(record_checkin(ws, a), b)
    ws = update_checkin(ws, evolve(a, date=dt.date(2026, 3, 1)))
    assert [c.id for c in ws.checkins] == ["b", "a"]
    assert [c.id for c in remove_checkin(ws, "b").checkins] == ["a"]
    with pytest.raises(KeyError):
        remove_checkin(ws, "zzz")
    with pytest.raises(KeyError):
        update_checkin(ws, CheckIn(id="zzz", date=dt.date(2026, 1, 1)))
