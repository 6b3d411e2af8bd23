"""Worked cases in the training notebooks: step through a rewrite, tables for print.

:class:`CaseWalkthrough` shows one case's story and steps from the first vague goal to the
agreed one, with the SMART report at each step. The table functions give the same content as
pandas tables, which survive a printed handout (widgets do not). Every step is checked with the
patient's recorded priorities; the agreed goal also with their reason and confidence rating.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from markupsafe import Markup

from ..cases import Case, load
from ..model import Worksheet, evolve
from ..smart import CRITERIA, SmartReport, Variant, check_goal
from ..smart_render import render_html
from .common import styled

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CaseWalkthrough", "checkin_notes", "rewrite_steps", "rewrite_table", "steps_table",
           "until"]

_MARK = {True: "✓", False: "✗", None: "?"}


def _case(case: Case | str) -> Case:
    return load(case) if isinstance(case, str) else case


def rewrite_steps(case: Case | str, variant: Variant | str = "classic"
                  ) -> list[tuple[str, str, SmartReport]]:
    """(goal text, what changed, SMART report) for the first vague goal and each rewrite."""
    c = _case(case)
    ws = c.worksheet
    priorities = [p.text for p in ws.priorities]
    steps: list[tuple[str, str, SmartReport]] = [
        (c.first_goals[0], "What the patient said first.",
         check_goal(c.first_goals[0], priorities=priorities, variant=variant))]
    last = len(c.rewrites) - 1
    for i, r in enumerate(c.rewrites):
        agreed: dict[str, Any] = {}
        if i == last:
            agreed = {"confidence": ws.primary.confidence, "why": ws.primary.why or None}
        steps.append((r.text, r.what_changed,
                      check_goal(r.text, priorities=priorities, variant=variant, **agreed)))
    return steps


def rewrite_table(case: Case | str, variant: Variant | str = "classic") -> pd.DataFrame:
    """One row per step: the goal, a mark per SMART letter (✓ met, ✗ not, ? cannot tell),
    whether it is pain-only, and what changed. The letters head the columns, so the table
    stays narrow enough to print; the variant's words are in ``table.attrs["letters"]``."""
    import pandas as pd

    rows = []
    labels: dict[str, str] = {}
    for text, changed, report in rewrite_steps(case, variant):
        labels = {k[0].upper(): v for k, v in report.variant.labels.items()}
        rows.append({"goal": text,
                     **{k[0].upper(): _MARK[report.criteria[k].met] for k in CRITERIA},
                     "pain-only": "yes" if report.pain_only else "",
                     "what changed": changed})
    table = pd.DataFrame(rows, index=pd.RangeIndex(len(rows), name="step"))
    table.attrs["letters"] = labels
    return table


def steps_table(ws: Worksheet, goal_id: str | None = None) -> pd.DataFrame:
    """A goal's building blocks (default: the primary goal) with target and done dates."""
    import pandas as pd

    goal = ws.primary if goal_id is None else ws.goal(goal_id)
    return pd.DataFrame([{"building block": s.text, "target date": s.target_date,
                          "done on": s.done_on or ""} for s in goal.steps],
                        columns=["building block", "target date", "done on"])


def checkin_notes(ws: Worksheet) -> pd.DataFrame:
    """Date, pain, adherence and the notes of every check-in, in date order."""
    import pandas as pd

    return pd.DataFrame([{"date": c.date, "pain": c.pain, "adherence %": c.adherence,
                          "notes": c.notes} for c in sorted(ws.checkins, key=lambda c: c.date)],
                        columns=["date", "pain", "adherence %", "notes"])


def until(ws: Worksheet, date: dt.date | str) -> Worksheet:
    """The worksheet as it stood on ``date``: check-ins after it left out."""
    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return evolve(ws, checkins=[c for c in ws.checkins if c.date <= day])


class CaseWalkthrough:
    """A case's story, then its rewrite steps one at a time with Previous and Next."""

    def __init__(self, case: Case | str, variant: Variant | str = "classic") -> None:
        self.case = _case(case)
        self.steps = rewrite_steps(self.case, variant)
        self.index = 0
        story = Markup('<h4 class="goalkit-case-title">{}</h4><p class="goalkit-case-story">{}'
                       "</p>").format(self.case.title, self.case.narrative)
        self.previous = styled(w.Button(description="Previous step", icon="arrow-left"),
                               "goalkit-case-previous")
        self.next = styled(w.Button(description="Next step", icon="arrow-right"),
                           "goalkit-case-next")
        self.previous.on_click(lambda _b: self.show(self.index - 1))
        self.next.on_click(lambda _b: self.show(self.index + 1))
        self.step = styled(w.HTML(), "goalkit-case-step")
        self.root = styled(w.VBox([w.HTML(str(story)), w.HBox([self.previous, self.next]),
                                   self.step]), "goalkit-case")
        self.show(0)

    def show(self, index: int) -> None:
        """Show step ``index`` (0 = what the patient said first)."""
        self.index = max(0, min(index, len(self.steps) - 1))
        text, changed, report = self.steps[self.index]
        head = Markup('<p class="goalkit-case-position"><strong>Step {} of {}.</strong> {}</p>'
                      '<p class="goalkit-case-goal">&ldquo;{}&rdquo;</p>').format(
                          self.index, len(self.steps) - 1, changed, text)
        self.step.value = str(head) + render_html(report)
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index == len(self.steps) - 1

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)

