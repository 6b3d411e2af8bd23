"""Later visits: record a check-in, then see T-scores, milestones, plateaus, setbacks, charts."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import ipywidgets as w
from markupsafe import Markup

from ..display import checkin_summary, day, number
from ..edit import keep_earlier_wording, record_checkin, remove_checkin, update_checkin
from ..gas import score_worksheet, tscore_trend
from ..model import GOAL_STATUSES, CheckIn, Goal, GoalCheckIn, new_id
from ..patterns import milestones, plateaus, setback_summaries
from .common import UNSET, Confirm, Messages, Panel, optional_range, styled
from .lists import float_or_none

__all__ = ["CheckInPanel", "progress_html"]


def _t(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def progress_html(panel_ws: Any) -> str:
    """T-scores, then milestones to celebrate, then plateaus and setbacks with what to try."""
    score = score_worksheet(panel_ws)
    parts = [
        Markup(
            '<div class="goalkit-progress"><h4>Goal attainment score</h4>'
            '<p class="goalkit-tscore">'
            "All goals counted equally: <strong>{}</strong> · weighted by importance and "
            "difficulty: <strong>{}</strong></p>"
            "<p><small>50 means the goals were met as expected. GAS T-scores (Kiresuk and "
            "Sherman 1968; weights as in GAS-Light, Turner-Stokes 2009). {}</small></p>"
        ).format(
            "—" if score.unweighted is None else f"{score.unweighted:.1f}",
            "—" if score.weighted is None else f"{score.weighted:.1f}",
            score.summary(),
        )
    ]
    trend = [s for s in tscore_trend(panel_ws) if s.date is not None]
    if len(trend) > 1:
        parts.append(
            Markup(
                '<table class="goalkit-tscore-trend"><caption>Score at each check-in</caption>'
                '<thead><tr><th scope="col">Check-in</th><th scope="col">All goals equal</th>'
                '<th scope="col">Weighted</th></tr></thead><tbody>{}</tbody></table>'
            ).format(
                Markup("").join(
                    Markup("<tr><td>{}</td><td>{}</td><td>{}</td></tr>").format(
                        day(s.date), _t(s.unweighted), _t(s.weighted)
                    )
                    for s in trend
                )
            )
        )
    found = milestones(panel_ws)
    if found:
        parts.append(
            Markup('<h4>Milestones</h4><ul class="goalkit-milestones">{}</ul>').format(
                Markup("").join(
                    Markup("<li>{}: {}</li>").format(day(m.date), m.message) for m in found
                )
            )
        )
    for summary in setback_summaries(panel_ws):
        parts.append(
            Markup(
                '<div class="goalkit-setback"><p><strong>Setback at the check-in of {}:</strong> '
                "{}</p><ul>{}</ul></div>"
            ).format(
                day(summary.date),
                summary.message,
                Markup("").join(Markup("<li>{}</li>").format(p) for p in summary.plans),
            )
        )
    for finding in plateaus(panel_ws):
        parts.append(
            Markup('<div class="goalkit-{}"><p><strong>{}</strong> {}</p><ul>{}</ul></div>').format(
                finding.kind,
                finding.kind.capitalize() + ":",
                finding.message,
                Markup("").join(Markup("<li>{}</li>").format(s) for s in finding.suggestions),
            )
        )
    parts.append(Markup("</div>"))
    return str(Markup("").join(parts))


def _goal_title(goal: Goal) -> str:
    return " ".join(goal.statement.split())[:90] or "(goal not written yet)"


class _GoalRow:
    """Inputs for one goal at this check-in: its GAS level and each measure.

    :meth:`update` follows the goal as it is edited elsewhere (its wording, measures added,
    renamed or removed) and keeps what was already typed here."""

    def __init__(self, goal: Goal) -> None:
        self.goal_id = goal.id
        self.title = styled(w.HTML(), "goalkit-checkin-goal")
        self.level = styled(
            w.Dropdown(
                options=optional_range(-2, 2, "not scored"), value=UNSET, description="GAS level"
            ),
            "goalkit-checkin-level",
        )
        self.status = styled(
            w.Dropdown(
                options=[("not reviewed", ""), *((v, k) for k, v in GOAL_STATUSES.items())],
                value="",
                description="Status",
            ),
            "goalkit-checkin-status",
        )
        self.reason = styled(
            w.Text(placeholder="why, in a few words", layout=w.Layout(width="40%")),
            "goalkit-checkin-reason",
        )
        self.measures: dict[str, w.Text] = {}
        self.root = w.VBox()
        self.update(goal)

    def update(self, goal: Goal) -> None:
        self.title.value = str(Markup("<b>{}</b>").format(_goal_title(goal)))
        boxes = {}
        for m in goal.measures:
            box = self.measures.get(m.id) or styled(
                w.Text(style={"description_width": "initial"}, layout=w.Layout(width="60%")),
                "goalkit-checkin-measure",
            )
            box.description = f"{m.name or 'measure'}" + (f" ({m.unit})" if m.unit else "")
            box.placeholder = m.unit
            boxes[m.id] = box
        self.measures = boxes
        children = [self.title, w.HBox([self.level, self.status, self.reason]), *boxes.values()]
        if list(self.root.children) != children:
            self.root.children = children

    def value(self) -> GoalCheckIn:
        values = {}
        for mid, box in self.measures.items():
            number = float_or_none(box.value)
            if number is not None:
                values[mid] = number
        level = None if self.level.value == UNSET else self.level.value
        return GoalCheckIn(
            goal_id=self.goal_id,
            gas_level=level,
            measures=values,
            status=self.status.value or None,
            reason=self.reason.value.strip(),
        )

    def clear(self) -> None:
        self.level.value = UNSET
        self.status.value = ""
        self.reason.value = ""
        for box in self.measures.values():
            box.value = ""

    def load(self, recorded: GoalCheckIn | None) -> None:
        """Show what was recorded for this goal at a past check-in (to correct it)."""
        self.clear()
        if recorded is None:
            return
        self.level.value = UNSET if recorded.gas_level is None else recorded.gas_level
        self.status.value = recorded.status or ""
        self.reason.value = recorded.reason
        for mid, box in self.measures.items():
            if mid in recorded.measures:
                box.value = number(recorded.measures[mid])


class CheckInPanel(Panel):
    def __init__(self, session: Any, messages: Messages) -> None:
        super().__init__(session, messages)
        self.date = styled(
            w.DatePicker(value=dt.date.today(), description="Date"), "goalkit-checkin-date"
        )
        self.pain = styled(
            w.Dropdown(
                options=optional_range(0, 10, "not asked"), value=UNSET, description="Pain 0-10"
            ),
            "goalkit-checkin-pain",
        )
        self.adherence = styled(
            w.Dropdown(
                options=[("not asked", UNSET), *((f"{p}%", p) for p in range(0, 101, 10))],
                value=UNSET,
                description="Home tasks done",
                style={"description_width": "initial"},
            ),
            "goalkit-checkin-adherence",
        )
        self.notes = styled(
            w.Textarea(
                placeholder="what went well, what got in the way", layout=w.Layout(width="95%")
            ),
            "goalkit-checkin-notes",
        )
        self.record = styled(
            w.Button(description="Record this check-in", button_style="primary"),
            "goalkit-checkin-record",
        )
        self.record.on_click(lambda _b: self.guard(self._record))
        self.cancel_edit = styled(
            w.Button(description="Stop correcting (keep it as it was)"), "goalkit-checkin-cancel"
        )
        self.cancel_edit.on_click(lambda _b: self.guard(self._stop_editing))
        self.cancel_edit.layout.display = "none"
        self.editing: str | None = None  # id of the past check-in being corrected
        self.form_title = styled(w.HTML("<h4>New check-in</h4>"), "goalkit-checkin-form-title")
        self.past = styled(w.VBox(), "goalkit-checkin-past")
        self.confirm = Confirm("goalkit-checkin-confirm")
        self.rows = w.VBox()
        self.progress = styled(w.HTML(), "goalkit-checkin-progress")
        self.charts = styled(w.VBox(), "goalkit-checkin-charts")
        self.root = styled(
            w.VBox(
                [
                    self.progress,
                    self.charts,
                    w.HTML("<h4>Past check-ins</h4>"),
                    self.past,
                    self.confirm.root,
                    self.form_title,
                    self.date,
                    self.rows,
                    self.pain,
                    self.adherence,
                    self.notes,
                    w.HBox([self.record, self.cancel_edit]),
                ]
            ),
            "goalkit-checkins",
        )
        self.goal_rows: list[_GoalRow] = []
        self._charted: object = None
        self._charts_due = True
        self._past_shown: tuple[tuple[str, str], ...] | None = None
        self.visible = False  # the app sets this while the check-ins section is shown
        self.refresh()

    def refresh(self) -> None:
        """Show the current worksheet: one row per goal as it is now, the progress, the charts
        (redrawn only when what they show changed)."""
        ws = self.ws
        rows = {r.goal_id: r for r in self.goal_rows}
        self.goal_rows = []
        for goal in (ws.primary, *ws.secondary):
            row = rows.get(goal.id)
            if row is None:
                row = _GoalRow(goal)
            else:
                row.update(goal)
            self.goal_rows.append(row)
        children = [r.root for r in self.goal_rows]
        if list(self.rows.children) != children:
            self.rows.children = children
        self.progress.value = progress_html(ws)
        self._show_past()
        charted = (ws.checkins, tuple((g.id, g.statement, g.measures) for g in ws.goals),
                   ws.reviews)
        if charted != self._charted:
            self._charted = charted
            self._charts_due = True
        if self.visible:
            self.show_charts()

    def show_charts(self) -> None:
        """Draw the charts if what they show changed since they were drawn (matplotlib takes
        a fraction of a second per chart, so not while another section is being typed in)."""
        if self._charts_due:
            self._charts_due = False
            self.charts.children = self._charts()

    def sync(self) -> None:
        self.refresh()

    def _show_past(self) -> None:
        ws = self.ws
        shown = tuple((c.id, checkin_summary(ws, c)) for c in reversed(ws.checkins))
        if self._past_shown == shown:
            return
        self._past_shown = shown
        if not shown:
            self.past.children = [w.HTML("<p>None yet.</p>")]
            return
        rows = []
        for cid, text in shown:
            edit = styled(w.Button(description="Correct", icon="pencil"), "goalkit-checkin-edit")
            delete = styled(w.Button(description="Delete", icon="trash"), "goalkit-checkin-delete")
            edit.on_click(lambda _b, cid=cid: self.guard(lambda: self.load(cid)))
            delete.on_click(lambda _b, cid=cid: self.guard(lambda: self._ask_delete(cid)))
            label = styled(w.HTML(Markup("<span>{}</span>").format(text)), "goalkit-checkin-line")
            rows.append(styled(w.HBox([label, edit, delete]), "goalkit-checkin-past-row"))
        self.past.children = rows

    def _checkin(self, checkin_id: str) -> CheckIn:
        for c in self.ws.checkins:
            if c.id == checkin_id:
                return c
        raise KeyError(checkin_id)

    def load(self, checkin_id: str) -> None:
        """Put a past check-in into the form to correct it."""
        c = self._checkin(checkin_id)
        self.editing = c.id
        self.date.value = c.date
        if c.pain is not None and c.pain not in {v for _, v in self.pain.options}:
            self.pain.options = [*self.pain.options, (number(c.pain), c.pain)]  # as recorded
        self.pain.value = UNSET if c.pain is None else c.pain
        self.adherence.value = UNSET if c.adherence is None else c.adherence
        self.notes.value = c.notes
        recorded = {gc.goal_id: gc for gc in c.goals}
        for row in self.goal_rows:
            row.load(recorded.get(row.goal_id))
        self.form_title.value = str(
            Markup("<h4>Correcting the check-in of {}</h4>").format(day(c.date))
        )
        self.record.description = "Save the corrected check-in"
        self.cancel_edit.layout.display = ""

    def _stop_editing(self) -> None:
        self.editing = None
        self.form_title.value = "<h4>New check-in</h4>"
        self.record.description = "Record this check-in"
        self.cancel_edit.layout.display = "none"
        self.clear()

    def _ask_delete(self, checkin_id: str) -> None:
        c = self._checkin(checkin_id)
        self.confirm.ask(
            f"Delete the check-in of {day(c.date)}? Its levels, measures and notes leave the "
            "worksheet (an earlier version in 'Export and history' still holds them).",
            "Delete this check-in",
            lambda: self.guard(lambda: self._delete(checkin_id)),
        )

    def _delete(self, checkin_id: str) -> None:
        c = self._checkin(checkin_id)
        self.session.apply(lambda ws: remove_checkin(ws, checkin_id))
        if self.editing == checkin_id:
            self._stop_editing()
        self.refresh()
        self.messages.say(f"Check-in of {day(c.date)} deleted.")

    def _charts(self) -> list[w.Widget]:
        """The T-score over time, GAS levels, then every measure of every goal."""
        ws = self.ws
        if not ws.checkins:
            return [w.HTML("<p>Charts appear after the first check-in.</p>")]
        from .. import charts

        def image(data: bytes) -> w.Widget:
            return styled(
                w.Image(value=data, format="png", layout=w.Layout(max_width="640px")),
                "goalkit-chart",
            )

        shown = [image(charts.tscore_chart(ws)), image(charts.gas_chart(ws))]
        for goal in (ws.primary, *ws.secondary):
            for m in goal.measures:
                shown.append(image(charts.progress_chart(ws, goal.id, m.id)))
        return shown

    def _record(self) -> None:
        if self.date.value is None:
            self.messages.say("Choose the date of the check-in first.", error=True)
            return
        checkin = CheckIn(
            id=self.editing or new_id(),
            date=self.date.value,
            goals=tuple(r.value() for r in self.goal_rows),
            pain=None if self.pain.value == UNSET else self.pain.value,
            adherence=None if self.adherence.value == UNSET else self.adherence.value,
            notes=self.notes.value,
        )
        if self.editing is not None:
            self.session.apply(lambda ws: update_checkin(ws, checkin))
            self._stop_editing()
            done = f"Check-in of {day(checkin.date)} corrected."
        else:
            self.session.apply(lambda ws: record_checkin(ws, checkin))
            self.clear()
            done = f"Check-in of {day(checkin.date)} recorded."
        revised = [gc for gc in checkin.goals if gc.status == "revised"]
        for gc in revised:
            self.session.apply(
                functools.partial(
                    keep_earlier_wording, goal_id=gc.goal_id, until=checkin.date, reason=gc.reason
                )
            )
        if revised:
            done += (
                " Rewrite the revised goal in 'Goals' together: its earlier wording is kept "
                "in the record."
            )
        self.refresh()
        self.messages.say(done)

    def clear(self) -> None:
        """An empty form for the next visit: today's date, nothing scored, nothing typed."""
        self.date.value = dt.date.today()
        self.pain.value = UNSET
        self.adherence.value = UNSET
        self.notes.value = ""
        for row in self.goal_rows:
            row.clear()
