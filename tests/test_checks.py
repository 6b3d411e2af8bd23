"""Worksheet-aware SMART reports."""

from __future__ import annotations

from goalkit.checks import goal_report
from goalkit.edit import set_priorities, update_goal
from goalkit.model import Priority, Worksheet
from tests.conftest import full_worksheet


def test_context_decides_achievable_and_relevant() -> None:
    ws = full_worksheet()
    report = goal_report(ws, ws.primary)
    assert report.criteria["achievable"].met is True  # confidence 7
    assert report.criteria["relevant"].met is True  # a stated reason
    low = update_goal(ws, ws.primary.id, confidence=5, why="")
    report = goal_report(low, low.primary)
    assert report.criteria["achievable"].met is False


def test_relevance_from_a_linked_priority() -> None:
    ws = Worksheet(priorities=(Priority(id="p1", text="Walk my dog in the park"),))
    ws = update_goal(
        ws,
        ws.primary.id,
        statement="Walk my dog in the park for 20 minutes within 4 weeks",
        priority_ids=("p1",),
    )
    assert goal_report(ws, ws.primary).criteria["relevant"].met is True
    unlinked = set_priorities(ws, [])  # also drops the goal's link
    assert goal_report(unlinked, unlinked.primary).criteria["relevant"].met is None
