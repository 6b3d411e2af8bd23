"""Checks that need the whole worksheet, not just one goal's text.

A goal's SMART report depends on what the worksheet records beside it: the patient's
confidence, the reason given, and the priorities the goal serves. The app's live feedback and
the exports both call :func:`goal_report`, so they always agree.
"""

from __future__ import annotations

from .model import Goal, Worksheet
from .smart import SmartReport, check_goal

__all__ = ["goal_report"]


def goal_report(ws: Worksheet, goal: Goal) -> SmartReport:
    """The SMART report for ``goal`` with the worksheet's context.

    Relevance is judged against the priorities the goal is linked to, or against all recorded
    priorities when it is linked to none.
    """
    linked = [p.text for p in ws.priorities if p.id in goal.priority_ids]
    return check_goal(
        goal.statement,
        confidence=goal.confidence,
        why=goal.why or None,
        priorities=linked or [p.text for p in ws.priorities],
    )
