"""Barriers and contingency plans, for the collaborative goal-setting notebook.

The learner lists what might get in the way of a goal and what the patient will do if it
happens; :func:`goalkit.widgets.training_rules.check_plans` checks each pair and the widget
shows the result. Each check is one attempt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from ..export.workshop_pack import paper, writing
from ..results import Attempt, Kind, LearnerResults
from .common import styled
from .exercises import Exercise
from .training_learner import message as _message
from .training_rules import check_plans, lines_html

__all__ = ["BarrierPlanner"]


class BarrierPlanner(Exercise):
    """Rows of 'what might get in the way' and 'what we will do then', and a Check button."""

    kind: Kind = "plan"

    def __init__(self, exercise: str = "04-barriers", goal: str = "", rows: int = 3,
                 start: Sequence[tuple[str, str]] = (),
                 results: LearnerResults | None = None) -> None:
        super().__init__(exercise, results)
        self._goal = goal
        if not 1 <= rows <= 6:
            raise ValueError(f"rows must be 1 to 6 (got {rows})")
        filled = [*start, *[("", "")] * rows][:max(rows, len(start))]
        self.barriers: list[w.Text] = []
        self.plans: list[w.Text] = []
        lines: list[w.Widget] = []
        for n, (barrier, plan) in enumerate(filled):
            b = styled(w.Text(barrier, placeholder="What might get in the way?",
                              layout=w.Layout(width="40%")), f"goalkit-barrier-{n}")
            p = styled(w.Text(plan, placeholder="What will the patient do if it happens?",
                              layout=w.Layout(width="55%")), f"goalkit-plan-{n}")
            self.barriers.append(b)
            self.plans.append(p)
            lines.append(w.HBox([b, p]))
        head = w.HTML(str(Markup('<p class="goalkit-plan-goal">Goal: <em>{}</em></p>').format(
            goal))) if goal else w.HTML()
        self.button = styled(w.Button(description="Check the plans", button_style="primary",
                                      layout=w.Layout(width="auto")), "goalkit-plan-check")
        self.button.on_click(lambda _b: self.check())
        self.feedback = styled(w.HTML(), "goalkit-plan-feedback")
        self.root = styled(w.VBox([self.trainer, head, *lines, self.button, self.status,
                                   self.feedback]),
                           "goalkit-exercise", "goalkit-barrier-planner")

    def paper(self) -> dict[str, Any]:
        """A pair of lines per barrier: what might get in the way, and the plan."""
        cells = [writing(0, "**Exercise:** barriers and contingency plans"
                         + (f" for: {escape(self._goal)}" if self._goal else ""))]
        for n in range(1, len(self.barriers) + 1):
            cells += [writing(1, f"Barrier {n}, what might get in the way:"),
                      writing(1, "What the patient will do if it happens:")]
        return paper(cells)

    @property
    def rows(self) -> list[tuple[str, str]]:
        return [(b.value, p.value) for b, p in zip(self.barriers, self.plans, strict=True)]

    def check(self) -> None:
        """What the Check button does."""
        self.guard(self._check)

    def _check(self) -> None:
        if not any(b.strip() or p.strip() for b, p in self.rows):
            self.status.value = _message("Write a barrier and a plan first.", error=True)
            return
        result = check_plans(self.rows)
        text = " | ".join(f"{b} -> {p}" for b, p in self.rows if b.strip() or p.strip())
        self.save(Attempt(self.exercise, "plan", result.score, result.total, text))
        head = Markup('<p class="goalkit-score"><strong>{} of {} barriers have a concrete '
                      "plan.</strong></p>").format(result.score, result.total)
        self.feedback.value = str(head) + lines_html(result.lines, "goalkit-plan-lines")
