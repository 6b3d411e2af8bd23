"""One goal: the statement with live SMART feedback, its parts, ratings, steps, measures, GAS."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from ..checks import goal_report
from ..display import day, number
from ..edit import (
    add_goal_item,
    remove_goal,
    remove_goal_item,
    set_agreement,
    update_goal,
    update_goal_item,
    update_measure,
)
from ..gas import ORDINALS, goal_number
from ..icf import classify
from ..model import DOMAINS, INSTRUMENTS, Goal, GoalParts, Worksheet, evolve
from ..progress_rules import INSTRUMENT_HIGHER_IS_BETTER, inferred_direction
from ..smart_render import render_html
from .common import UNSET, Confirm, Messages, Panel, optional, optional_range, styled
from .gas_editor import GasEditor
from .lists import Column, ListEditor, float_or_none

__all__ = ["GoalPanel", "removal_summary"]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def removal_summary(ws: Worksheet, goal_id: str) -> str:
    """What removing a goal takes with it, in words: "2 steps, 1 measure, its GAS scale and
    its levels at 3 check-ins"."""
    goal = ws.goal(goal_id)
    parts = [_count(len(goal.steps), "step", "steps"), _count(len(goal.measures), "measure",
                                                               "measures")]
    parts.append("its GAS scale" if goal.gas else "no GAS scale")
    scored = sum(1 for c in ws.checkins for gc in c.goals if gc.goal_id == goal_id)
    if scored:
        parts.append(f"what was recorded for it at {_count(scored, 'check-in', 'check-ins')}")
    return ", ".join(parts[:-1]) + " and " + parts[-1]

_WIDE = w.Layout(width="95%")
_STYLE = {"description_width": "10em"}


def _codes(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.strip().lower() for c in text.replace(",", " ").split()))


def _from_dropdown(value: int) -> int | None:
    return None if value == UNSET else value


class GoalPanel(Panel):
    def __init__(
        self, session: Any, messages: Messages, goal_id: str, on_removed: Any = None
    ) -> None:
        super().__init__(session, messages)
        self.goal_id = goal_id
        goal = self.goal
        position = goal_number(self.ws, goal_id)
        self.name = f"goal {position} ({ORDINALS[position]} goal)"
        gid = goal_id
        self.statement = styled(
            w.Textarea(
                goal.statement,
                layout=w.Layout(width="95%", height="4em"),
                placeholder="Who will do what, how much, with what help, by when",
            ),
            "goalkit-goal-statement",
        )
        self.feedback = styled(w.HTML(), "goalkit-smart-feedback")
        self.bind(self.statement, lambda ws, v: update_goal(ws, gid, statement=v), self.show)
        self.domain = styled(
            w.Dropdown(
                options=[("not chosen", ""), *((v, k) for k, v in DOMAINS.items())],
                value=goal.domain or "",
                description="Domain",
                style=_STYLE,
            ),
            "goalkit-goal-domain",
        )
        self.bind(self.domain, lambda ws, v: update_goal(ws, gid, domain=v or None))
        self.why = styled(
            w.Text(
                goal.why,
                description="Why it matters",
                style=_STYLE,
                layout=_WIDE,
                placeholder="in the patient's words: so that I can...",
            ),
            "goalkit-goal-why",
        )
        self.bind(self.why, lambda ws, v: update_goal(ws, gid, why=v), self.show)
        self.priority = styled(
            w.Dropdown(description="Which priority it serves", style=_STYLE),
            "goalkit-goal-priority",
        )
        self._priority_options()
        self.bind(
            self.priority,
            lambda ws, v: update_goal(ws, gid, priority_ids=(v,) if v else ()),
            self.show,
        )
        self.confidence = styled(
            w.Dropdown(
                options=optional_range(0, 10, "not asked"),
                value=optional(goal.confidence),
                description="Confidence 0-10",
                style=_STYLE,
            ),
            "goalkit-goal-confidence",
        )
        self.bind(
            self.confidence,
            lambda ws, v: update_goal(ws, gid, confidence=_from_dropdown(v)),
            self.show,
        )
        self.importance = styled(
            w.Dropdown(
                options=optional_range(0, 3),
                value=optional(goal.importance),
                description="Importance 0-3",
                style=_STYLE,
            ),
            "goalkit-goal-importance",
        )
        self.difficulty = styled(
            w.Dropdown(
                options=optional_range(0, 3),
                value=optional(goal.difficulty),
                description="Difficulty 0-3",
                style=_STYLE,
            ),
            "goalkit-goal-difficulty",
        )
        self.bind(self.importance, lambda ws, v: update_goal(ws, gid, importance=_from_dropdown(v)))
        self.bind(self.difficulty, lambda ws, v: update_goal(ws, gid, difficulty=_from_dropdown(v)))
        self.parts = {}
        for name, label in (
            ("activity", "Activity"),
            ("support", "Help needed"),
            ("quantity", "How much"),
            ("time_frame", "By when"),
        ):
            box = styled(
                w.Text(getattr(goal.parts, name), description=label, style=_STYLE, layout=_WIDE),
                f"goalkit-goal-part-{name}",
            )
            self.bind(box, self._part_edit(name))
            self.parts[name] = box
        self.fill_parts = styled(
            w.Button(description="Fill the parts from the statement"), "goalkit-goal-fill-parts"
        )
        self.fill_parts.on_click(lambda _b: self.guard(self._fill_parts))
        self.icf = styled(
            w.Text(
                " ".join(goal.icf_codes),
                description="ICF codes",
                style=_STYLE,
                placeholder="e.g. d450 d420",
            ),
            "goalkit-goal-icf",
        )
        self.bind(self.icf, lambda ws, v: update_goal(ws, gid, icf_codes=_codes(v)))
        self.icf_hint = styled(w.HTML(), "goalkit-goal-icf-hint")
        self.steps = ListEditor(
            session,
            messages,
            key="steps",
            title="Steps: small building blocks",
            columns=[
                Column(
                    "text",
                    lambda: w.Textarea(
                        placeholder="step, e.g. walk 500 m five days a week",
                        rows=2,
                        layout=w.Layout(width="28em", max_width="100%"),
                    ),
                ),
                Column("target_date", lambda: w.DatePicker(description="by")),
                Column("done_on", lambda: w.DatePicker(description="done")),
            ],
            items=lambda ws: ws.goal(gid).steps,
            add=lambda ws: add_goal_item(
                ws, gid, "steps", target_date=dt.date.today() + dt.timedelta(days=14)
            ),
            update=lambda ws, item_id, **ch: update_goal_item(ws, gid, "steps", item_id, **ch),
            remove=lambda ws, item_id: remove_goal_item(ws, gid, "steps", item_id),
            add_label="Add a step",
        )
        self.measures = ListEditor(
            session,
            messages,
            key="measures",
            title="Outcome measures",
            columns=[
                Column(
                    "instrument",
                    lambda: w.Dropdown(
                        options=[(v, k) for k, v in INSTRUMENTS.items()],
                        layout=w.Layout(width="16em"),
                    ),
                ),
                Column("name", lambda: w.Text(placeholder="measure, e.g. walking distance")),
                Column("unit", lambda: w.Text(placeholder="unit", layout=w.Layout(width="8em"))),
                Column(
                    "baseline",
                    lambda: w.Text(
                        description="Now",
                        placeholder="baseline",
                        style={"description_width": "initial"},
                        layout=w.Layout(width="9em"),
                    ),
                    to_model=float_or_none,
                    to_widget=lambda v: number(v),
                ),
                Column(
                    "target",
                    lambda: w.Text(
                        description="Target",
                        placeholder="goal value",
                        style={"description_width": "initial"},
                        layout=w.Layout(width="10em"),
                    ),
                    to_model=float_or_none,
                    to_widget=lambda v: number(v),
                ),
                Column(
                    "higher_is_better",
                    lambda: w.Dropdown(
                        options=[("higher is better", True), ("lower is better", False)],
                        layout=w.Layout(width="11em"),
                    ),
                    disabled=lambda m: m.instrument in INSTRUMENT_HIGHER_IS_BETTER
                    or inferred_direction(m) is not None,
                ),
            ],
            items=lambda ws: ws.goal(gid).measures,
            add=lambda ws: add_goal_item(ws, gid, "measures"),
            update=lambda ws, item_id, **ch: update_measure(ws, gid, item_id, **ch),
            remove=lambda ws, item_id: remove_goal_item(ws, gid, "measures", item_id),
            add_label="Add a measure",
            help_text="Pick a standard instrument to fill in its name, unit and direction. "
            "For your own measure, the direction follows from 'now' and 'target' once both "
            "are typed (a target below 'now', as for a timed walk, means lower is better).",
        )
        self.gas = GasEditor(session, messages, gid)
        agreed = goal.agreed
        self.agreed_by = styled(
            w.Text(
                agreed.by if agreed else "",
                description="Agreed by",
                placeholder="e.g. the patient and their physiotherapist",
                style=_STYLE,
                layout=w.Layout(width="60%"),
            ),
            "goalkit-goal-agreed-by",
        )
        self.agreed_on = styled(
            w.DatePicker(value=agreed.on if agreed else None, description="on"),
            "goalkit-goal-agreed-on",
        )
        self.bind(self.agreed_by, lambda ws, v: set_agreement(ws, gid, by=v))
        self.bind(self.agreed_on, lambda ws, v: set_agreement(ws, gid, on=v))
        self.earlier = styled(w.HTML(), "goalkit-goal-earlier")
        header: list[w.Widget] = [
            styled(w.HTML(f"<h3>{escape(self.name[:1].upper() + self.name[1:])}</h3>"),
                   "goalkit-goal-heading")
        ]
        if goal.role == "secondary":
            remove = styled(
                w.Button(description="Remove this goal", icon="trash"), "goalkit-goal-remove"
            )
            remove.on_click(lambda _b: self.guard(lambda: self._ask_remove(on_removed)))
            header.append(remove)
        self.confirm = Confirm("goalkit-goal-remove-confirm")
        self.root = styled(
            w.VBox(
                [
                    w.HBox(header),
                    self.confirm.root,
                    self.statement,
                    self.earlier,
                    self.feedback,
                    self.why,
                    self.priority,
                    self.confidence,
                    self.domain,
                    w.HTML(
                        "<h4>Parts of the goal</h4><small>What the patient will do, with what "
                        "help, how much and by when: the four parts of a goal statement "
                        "(Bovend'Eerdt et al. 2009).</small>"
                    ),
                    *self.parts.values(),
                    self.fill_parts,
                    self.importance,
                    self.difficulty,
                    self.icf,
                    self.icf_hint,
                    self.steps.root,
                    self.measures.root,
                    self.gas.root,
                    w.HTML(
                        "<h4>Agreement</h4><small>Who agreed this goal and when: the sign-off "
                        "of a paper goal form.</small>"
                    ),
                    w.HBox([self.agreed_by, self.agreed_on]),
                ]
            ),
            f"goalkit-goal-{goal.role}",
            "goalkit-goal",
        )
        self.show()

    def _part_edit(self, name: str) -> Callable[[Worksheet, str], Worksheet]:
        def edit(ws: Worksheet, text: str) -> Worksheet:
            parts = evolve(ws.goal(self.goal_id).parts, **{name: text})
            return update_goal(ws, self.goal_id, parts=parts)

        return edit

    @property
    def goal(self) -> Goal:
        return self.ws.goal(self.goal_id)

    def _priority_options(self) -> None:
        options = [("none chosen", ""), *((p.text[:60], p.id) for p in self.ws.priorities)]
        current = self.goal.priority_ids[0] if self.goal.priority_ids else ""
        self._loading = True
        try:
            if list(self.priority.options) != options:
                self.priority.options = options
            self.priority.value = current
        finally:
            self._loading = False

    def _fill_parts(self) -> None:
        found = goal_report(self.ws, self.goal).parts
        parts = GoalParts(**{k: getattr(found, k) or "" for k in self.parts})
        self.apply(lambda ws: update_goal(ws, self.goal_id, parts=parts))
        self._loading = True
        try:
            for name, box in self.parts.items():
                box.value = getattr(self.goal.parts, name)
        finally:
            self._loading = False

    def _ask_remove(self, on_removed: Any) -> None:
        self.confirm.ask(
            f"Remove {self.name} with {removal_summary(self.ws, self.goal_id)}? "
            "You can bring it back later: every version is kept in 'Export and history'.",
            "Remove this goal",
            lambda: self.guard(lambda: self._remove(on_removed)),
        )

    def _remove(self, on_removed: Any) -> None:
        name, what = self.name, removal_summary(self.ws, self.goal_id)
        self.session.apply(lambda ws: remove_goal(ws, self.goal_id))
        self.session.flush()
        done = f"{name[:1].upper()}{name[1:]} removed, with {what}."
        if self.session.revision is not None and self.session.state.saved:
            done += (
                f" To undo, restore version {self.session.revision - 1} in 'Export and history'."
            )
        if on_removed is not None:
            on_removed()
        self.messages.say(done)

    def sync(self) -> None:
        """The priorities may have changed in "About the patient", the earlier wordings at a
        check-in."""
        if any(g.id == self.goal_id for g in self.ws.goals):
            self._priority_options()
            self._show_earlier()

    def _show_earlier(self) -> None:
        earlier = self.goal.earlier
        self.earlier.value = (
            str(
                Markup("<small><b>Earlier wording</b> (kept for the record): {}</small>").format(
                    Markup("; ").join(
                        Markup("until {}: '{}'{}").format(
                            day(e.until), e.statement, f" ({e.reason})" if e.reason else ""
                        )
                        for e in earlier
                    )
                )
            )
            if earlier
            else ""
        )

    def show(self) -> None:
        """Refresh what is computed from the goal: SMART feedback and ICF suggestions."""
        goal = self.goal
        self._priority_options()
        self._show_earlier()
        self.feedback.value = render_html(goal_report(self.ws, goal))
        matches = [m for m in classify(goal.statement) if m.code not in goal.icf_codes]
        self.icf_hint.value = (
            str(
                Markup("<small>Suggested ICF categories: {}</small>").format(
                    Markup("; ").join(Markup("{} {}").format(m.code, m.title) for m in matches[:4])
                )
            )
            if matches
            else ""
        )
