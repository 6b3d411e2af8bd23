"""A goal's GAS scale: drafted from the goal, then edited level by level, with live checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from ..edit import update_goal
from ..gas_draft import draft_scale
from ..gas_scale import ScaleFinding, validate_scale
from ..model import GasLevelText, GasScale, Goal, Worksheet, evolve
from .common import Messages, Panel, styled

__all__ = ["GasEditor", "findings_html"]

LEVEL_NAMES = {
    2: "+2 much more than expected",
    1: "+1 somewhat more than expected",
    0: "0 expected outcome (the goal)",
    -1: "-1 somewhat less than expected",
    -2: "-2 much less than expected",
}


def findings_html(findings: tuple[ScaleFinding, ...]) -> str:
    marks = {
        True: ("goalkit-met", "ok"),
        False: ("goalkit-unmet", "fix"),
        None: ("goalkit-unknown", "check"),
    }
    items = Markup("").join(
        Markup('<li class="{}"><strong>{}</strong> {}{}</li>').format(
            marks[f.met][0],
            marks[f.met][1],
            f.message,
            Markup(" <em>{}</em>").format(f.suggestion) if f.suggestion and not f.met else "",
        )
        for f in findings
    )
    return str(Markup('<ul class="goalkit-gas-findings">{}</ul>').format(items))


def _set_level(ws: Worksheet, goal_id: str, level: int, text: str) -> Worksheet:
    scale = ws.goal(goal_id).gas or GasScale()
    levels = tuple(
        GasLevelText(level=lv.level, text=text) if lv.level == level else lv for lv in scale.levels
    )
    return update_goal(ws, goal_id, gas=evolve(scale, levels=levels))


def _set_baseline(ws: Worksheet, goal_id: str, baseline: int) -> Worksheet:
    scale = ws.goal(goal_id).gas or GasScale()
    return update_goal(ws, goal_id, gas=evolve(scale, baseline=baseline))


class GasEditor(Panel):
    def __init__(self, session: Any, messages: Messages, goal_id: str) -> None:
        super().__init__(session, messages)
        self.goal_id = goal_id
        self.vary = styled(
            w.Dropdown(
                options=[
                    ("the quantity", "quantity"),
                    ("the support needed", "support"),
                    ("the time frame", "time"),
                ],
                value="quantity",
                description="Levels differ in",
                style={"description_width": "initial"},
            ),
            "goalkit-gas-vary",
        )
        self.draft_button = styled(
            w.Button(description="Draft levels from the goal"), "goalkit-gas-draft"
        )
        self.draft_button.on_click(lambda _b: self.guard(self._draft))
        self.levels: dict[int, w.Text] = {}
        rows = []
        for level in (2, 1, 0, -1, -2):
            box = styled(w.Text(layout=w.Layout(width="70%")), f"goalkit-gas-level-{level}")
            self.bind(box, self._level_edit(level), self.show)
            self.levels[level] = box
            rows.append(w.HBox([w.Label(LEVEL_NAMES[level], layout=w.Layout(width="16em")), box]))
        self.baseline = styled(
            w.Dropdown(
                options=[("-1: can do some of it", -1), ("-2: nothing worse is likely", -2)],
                value=-1,
                description="Where the patient is now",
                style={"description_width": "initial"},
            ),
            "goalkit-gas-baseline",
        )
        self.bind(self.baseline, lambda ws, v: _set_baseline(ws, goal_id, v), self.show)
        self.findings = styled(w.HTML(), "goalkit-gas-check")
        self.root = styled(
            w.VBox(
                [
                    w.HTML(
                        "<h4>Goal Attainment Scale</h4><small>Five levels of how the goal may "
                        "turn out; 0 is the goal itself. 'Where the patient is now' is the "
                        "baseline (usually -1; -2 when no worse state is plausible).</small>"
                    ),
                    w.HBox([self.vary, self.draft_button]),
                    *rows,
                    self.baseline,
                    self.findings,
                ]
            ),
            "goalkit-gas",
        )
        self.show()

    def _level_edit(self, level: int) -> Callable[[Worksheet, str], Worksheet]:
        return lambda ws, text: _set_level(ws, self.goal_id, level, text)

    @property
    def goal(self) -> Goal:
        return self.ws.goal(self.goal_id)

    def _draft(self) -> None:
        scale = draft_scale(self.goal.parts, vary=self.vary.value, baseline=self.baseline.value)
        self.apply(lambda ws: update_goal(ws, self.goal_id, gas=scale))
        self.show()

    def show(self) -> None:
        """Put the model's scale into the boxes and re-run the checks."""
        scale = self.goal.gas
        self._loading = True
        try:
            for level, box in self.levels.items():
                box.value = scale.text(level) if scale else ""
            self.baseline.value = scale.baseline if scale and scale.baseline in (-1, -2) else -1
        finally:
            self._loading = False
        self.findings.value = (
            findings_html(validate_scale(scale, self.goal))
            if scale
            else str(escape("Draft the levels from the goal, then edit them together."))
        )
