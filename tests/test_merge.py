"""Three-way merge: this tab's edits on top of a newer revision, field by field."""

from __future__ import annotations

import datetime as dt

from goalkit.edit import (
    add_barrier,
    add_goal_item,
    record_checkin,
    remove_goal_item,
    update_goal_item,
)
from goalkit.merge import merge
from goalkit.model import CheckIn, evolve
from tests.conftest import full_worksheet


def test_records_added_on_both_sides_all_survive() -> None:
    base = full_worksheet()
    mine = add_goal_item(base, "g-primary", "steps", text="Walk 1.5 km")
    theirs = add_barrier(base, text="Rain", plan="Walk in the shopping centre")
    theirs = record_checkin(theirs, CheckIn(date=dt.date(2026, 1, 21)))
    m = merge(base, mine, theirs)
    ws = m.resolve({})
    assert m.clashes == ()
    assert [s.text for s in ws.primary.steps][-1] == "Walk 1.5 km"
    assert [b.text for b in ws.barriers][-1] == "Rain"
    assert [c.date for c in ws.checkins] == [dt.date(2026, 1, 14), dt.date(2026, 1, 21)]


def test_removed_here_and_changed_there_keeps_the_change() -> None:
    base = full_worksheet()
    mine = remove_goal_item(base, "g-primary", "steps", "s2")
    theirs = update_goal_item(base, "g-primary", "steps", "s2", text="Walk 1.2 km")
    ws = merge(base, mine, theirs).resolve({})
    assert "Walk 1.2 km" in [s.text for s in ws.primary.steps]
    plain = merge(base, mine, base).resolve({})
    assert "s2" not in [s.id for s in plain.primary.steps]


def test_a_clash_is_named_in_plain_words_and_defaults_to_the_newer_value() -> None:
    base = full_worksheet()
    mine = update_goal_item(base, "g-primary", "measures", "walk", target=2500)
    theirs = update_goal_item(base, "g-primary", "measures", "walk", target=3000)
    m = merge(base, mine, theirs)
    [clash] = m.clashes
    assert clash.label == "Goal 1 (main), measure 'Walking distance': target"
    assert (clash.mine, clash.theirs) == (2500, 3000)
    assert m.resolve({}).primary.measures[0].target == 3000
    assert m.resolve({0: "mine"}).primary.measures[0].target == 2500


def test_unchanged_here_takes_the_newer_version_whole() -> None:
    base = full_worksheet()
    theirs = evolve(base, notes="changed there")
    assert merge(base, base, theirs).resolve({}).notes == "changed there"
