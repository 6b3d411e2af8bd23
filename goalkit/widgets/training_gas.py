"""GAS scale builder for the training notebooks: a goal's four parts -> five levels -> checks.

The learner writes (or is given) the four parts of a goal (Bovend'Eerdt et al. 2009), chooses
which part to vary, drafts the levels with :func:`goalkit.gas_draft.draft_scale`, edits them,
and checks the scale with :func:`goalkit.gas_scale.validate_scale`. Each check is an attempt
scored as the number of scale checks passed.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from ..export.workshop_pack import paper, writing
from ..gas_draft import draft_scale
from ..gas_scale import SCALE_RULES, validate_scale
from ..model import GasLevelText, GasScale, Goal, GoalParts
from ..results import Attempt, Kind, LearnerResults
from .common import styled
from .exercises import Exercise
from .gas_editor import LEVEL_NAMES, findings_html
from .training_learner import message as _message

__all__ = ["GasBuilder"]

_PARTS = (("activity", "Activity"), ("support", "Support"), ("quantity", "Quantity"),
          ("time_frame", "Time frame"))
_STYLE = {"description_width": "7em"}


class GasBuilder(Exercise):
    """Draft a five-level Goal Attainment Scale from a goal's parts, edit it, check it."""

    kind: Kind = "gas"

    def __init__(self, exercise: str = "05-gas-scale", *, activity: str = "", support: str = "",
                 quantity: str = "", time_frame: str = "", vary: str = "quantity",
                 results: LearnerResults | None = None) -> None:
        super().__init__(exercise, results)
        given = {"activity": activity, "support": support, "quantity": quantity,
                 "time_frame": time_frame}
        self.parts = {name: styled(w.Text(given[name], description=label, style=_STYLE,
                                          layout=w.Layout(width="95%")),
                                   f"goalkit-gas-part-{name.replace('_', '-')}")
                      for name, label in _PARTS}
        self.vary = styled(w.Dropdown(options=[("the quantity", "quantity"),
                                               ("the support needed", "support"),
                                               ("the time frame", "time")],
                                      value=vary, description="Vary", style=_STYLE),
                           "goalkit-gas-vary")
        self.baseline = styled(w.Dropdown(options=[("-1 (some ability now)", -1),
                                                   ("-2 (no worse state plausible)", -2)],
                                          value=-1, description="Today is", style=_STYLE),
                               "goalkit-gas-baseline")
        self.draft_button = styled(w.Button(description="Draft the levels",
                                            layout=w.Layout(width="auto")), "goalkit-gas-draft")
        self.draft_button.on_click(lambda _b: self.draft())
        self.levels = {level: styled(w.Text(layout=w.Layout(width="60%")),
                                     f"goalkit-gas-level-{level}") for level in (2, 1, 0, -1, -2)}
        rows = [w.HBox([w.Label(LEVEL_NAMES[lv], layout=w.Layout(width="17em")), box])
                for lv, box in self.levels.items()]
        self.check_button = styled(w.Button(description="Check my scale", button_style="primary",
                                            layout=w.Layout(width="auto")), "goalkit-gas-check")
        self.check_button.on_click(lambda _b: self.check())
        self.findings = styled(w.HTML(), "goalkit-gas-findings")
        self.root = styled(w.VBox([self.trainer, *self.parts.values(),
                                   w.HBox([self.vary, self.baseline]), self.draft_button,
                                   *rows, self.check_button, self.status, self.findings]),
                           "goalkit-exercise", "goalkit-gas-builder")

    def paper(self) -> dict[str, Any]:
        """The parts given, and a line for each of the five levels."""
        given = "\n".join(f"- {label}: {escape(box.value) or '...'}"
                           for (_, label), box in zip(_PARTS, self.parts.values(), strict=True))
        cells = [writing(0, f"**Exercise:** a GAS scale from these parts\n\n{given}\n\n"
                         "Write the five levels, changing one part only.")]
        cells += [writing(1, f"{LEVEL_NAMES[lv]}:") for lv in self.levels]
        return paper(cells)

    @property
    def goal_parts(self) -> GoalParts:
        return GoalParts(**{name: box.value for name, box in self.parts.items()})

    @property
    def scale(self) -> GasScale:
        """The scale as the level boxes hold it now."""
        return GasScale(levels=tuple(GasLevelText(level=lv, text=box.value)
                                     for lv, box in self.levels.items()),
                        baseline=self.baseline.value)

    def draft(self) -> None:
        """What the Draft button does: fill the five boxes from the parts."""
        self.guard(self._draft)

    def _draft(self) -> None:
        scale = draft_scale(self.goal_parts, vary=self.vary.value, baseline=self.baseline.value)
        for lv, box in self.levels.items():
            box.value = scale.text(lv)
        self.status.value = _message("Drafted. Read the levels from -2 to +2, replace any "
                                     "'[edit: ...]' note, then press Check.")

    def check(self) -> None:
        """What the Check button does: run the scale checks and record the attempt."""
        self.guard(self._check)

    def _check(self) -> None:
        scale = self.scale
        parts = self.goal_parts
        goal = Goal(id="exercise", role="primary", statement=scale.text(0), parts=parts) \
            if parts.activity.strip() else None
        findings = validate_scale(scale, goal)
        passed = sum(f.met is True for f in findings)
        text = " | ".join(f"{lv:+d}: {box.value}" for lv, box in self.levels.items())
        self.save(Attempt(self.exercise, "gas", passed, len(SCALE_RULES), text))
        head = Markup('<p class="goalkit-score"><strong>{} of {} checks passed.</strong></p>')
        self.findings.value = str(head.format(passed, len(SCALE_RULES))) + findings_html(findings)
