"""The worksheet app shown by Voilà (``worksheets/worksheet.ipynb``): ``WorksheetApp()``.

A start screen (new worksheet, open a saved one, or upload a JSON file), then the worksheet in
sections, saved as it changes. Voilà ends the kernel when the tab closes; since every change is
saved within a second, reopening the worksheet from the start screen shows it as it was.
The app never opens a worksheet by itself: in a clinic, the next person at the screen must not
see the previous patient's worksheet.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from .. import fileformat
from ..display import day, moment
from ..errors import GoalkitError
from ..model import Worksheet, evolve, new_id
from ..session import LoopScheduler, SaveState, Scheduler, Session
from ..store import Store
from .about import AboutPanel
from .checkin_panel import CheckInPanel
from .clinic_panel import ClinicBox
from .common import Confirm, Messages, Panel, styled
from .conflict import ConflictBox
from .export_panel import ExportPanel
from .goal_panel import GoalPanel
from .plan_panel import PlanPanel
from .style import APP_CSS

__all__ = ["WorksheetApp"]

SECTIONS = ("About the patient", "Goals", "Barriers and reviews", "Check-ins", "Export and history")


class _Start:
    """The start screen's widgets."""

    def __init__(self) -> None:
        self.saved = styled(w.Select(rows=8, layout=w.Layout(width="36em")), "goalkit-open-list")
        self.open_button = styled(w.Button(description="Open", icon="folder-open"), "goalkit-open")
        self.patient_ref = styled(
            w.Text(
                description="Patient reference",
                placeholder="e.g. P-014 (no names)",
                style={"description_width": "initial"},
            ),
            "goalkit-patient-ref",
        )
        self.new_button = styled(
            w.Button(description="Start a new worksheet", button_style="primary"), "goalkit-new"
        )
        self.show_archived = styled(
            w.Checkbox(value=False, description="Show archived worksheets", indent=False),
            "goalkit-show-archived",
        )
        self.unarchive = styled(
            w.Button(description="Bring back from the archive", icon="undo"),
            "goalkit-unarchive",
        )
        self.unarchive.layout.display = "none"
        self.upload = styled(
            w.FileUpload(accept=".json", multiple=False, description="Open a JSON file"),
            "goalkit-upload",
        )
        self.root = styled(
            w.VBox(
                [
                    w.HTML("<h3>New worksheet</h3>"),
                    w.HBox([self.patient_ref, self.new_button]),
                    w.HTML("<h3>Continue a saved worksheet</h3>"),
                    self.saved,
                    w.HBox([self.open_button, self.unarchive, self.show_archived]),
                    w.HTML("<h3>Open a worksheet file</h3>"),
                    self.upload,
                ]
            ),
            "goalkit-start",
        )


class WorksheetApp:
    """The whole app; ``WorksheetApp()`` in a cell displays it."""

    def __init__(
        self,
        store: Store | None = None,
        *,
        autosave_delay: float = 0.8,
        list_refresh: float = 2.0,
        scheduler: Scheduler | None = None,
    ) -> None:
        self.messages = Messages()
        self.status = styled(w.HTML(), "goalkit-save-state")
        self.title = styled(w.HTML("<h2>Goal-setting worksheet</h2>"), "goalkit-title")
        self.body = w.VBox()
        self.conflict_area = w.VBox()
        self.delay = autosave_delay
        self.list_refresh = list_refresh
        self.scheduler = scheduler or LoopScheduler()
        self._watching = False
        self.session: Session | None = None
        self.panels: dict[str, Panel] = {}
        self._section = 0  # the section in view, kept across rebuilds
        self.conflict: ConflictBox | None = None
        self.start = _Start()
        self.start.new_button.on_click(lambda _b: self._guard(self.new))
        self.start.open_button.on_click(lambda _b: self._guard(self.open_selected))
        self.start.upload.observe(lambda _c: self._guard(self.upload), names="value")
        self.start.show_archived.observe(lambda _c: self._guard(self.refresh_list), names="value")
        self.start.unarchive.on_click(lambda _b: self._guard(self.bring_back))
        self.root = styled(
            w.VBox(
                [
                    w.HTML(f"<style>{APP_CSS}</style>"),
                    self.title,
                    self.messages.html,
                    self.status,
                    self.conflict_area,
                    self.body,
                ]
            ),
            "goalkit-app",
        )
        self.store: Store | None
        try:
            self.store = store or Store()
        except GoalkitError as exc:
            self.store = None
            self.messages.say(f"The worksheet store cannot be opened: {exc}", error=True)
            return
        self.show_start()

    # -- plumbing -------------------------------------------------------------------------
    def _guard(self, action: Any) -> None:
        try:
            action()
        except GoalkitError as exc:
            self.messages.say(str(exc), error=True)

    def _require_store(self) -> Store:
        if self.store is None:
            raise GoalkitError("the worksheet store is not available")
        return self.store

    def _show_state(self, state: SaveState) -> None:
        kind = (
            "goalkit-error"
            if state.error
            else ("goalkit-saved" if state.saved else "goalkit-saving")
        )
        self.status.value = f'<p class="{kind}">{escape(state.label())}</p>'

    # -- start screen ---------------------------------------------------------------------
    def show_start(self) -> None:
        if self.session is not None:
            if not self.session.flush():
                # Closing would drop typed work: keep the worksheet open and say why.
                raise GoalkitError(
                    "Not closed: your changes here are not saved yet. "
                    + (
                        "Keep them on top of the newer version, or download them, first."
                        if self.session.state.conflict
                        else "Download them as a file from 'Export and history', or try again."
                    )
                )
            self.session = None
            self._show_title()
            self.conflict = None
            self.conflict_area.children = []
        self.refresh_list()
        self.status.value = ""
        self.body.children = [self.start.root]
        self._watch()

    def refresh_list(self) -> None:
        """Show what the store holds now, keeping the selection when it is still there."""
        store = self._require_store()
        archived = bool(self.start.show_archived.value)
        self.start.open_button.layout.display = "none" if archived else ""
        self.start.unarchive.layout.display = "" if archived else "none"
        options = [
            (
                f"{s.patient_ref or '(no reference)'} · last saved {moment(s.saved_at)}"
                + (" · uploaded copy" if s.origin.startswith("uploaded a copy") else "")
                + (" · from a file" if s.origin == "uploaded" else "")
                + (" · archived" if s.archived else ""),
                s.id,
            )
            for s in store.list(archived=archived)
        ]
        listing = self.start.saved
        if list(listing.options) != options:
            chosen = listing.value
            listing.options = options
            listing.value = chosen if chosen in {i for _, i in options} else None

    def _watch(self) -> None:
        """While the start screen shows, re-read the list every ``list_refresh`` seconds.

        Voilà builds the app in a preheated kernel before anyone opens the page, and several
        people may share one store: re-reading keeps the list current for whoever looks.
        """
        if self._watching or self.list_refresh <= 0:
            return
        scheduler = self.scheduler

        def tick() -> None:
            if self.session is not None or self.store is None:
                self._watching = False
                return
            try:
                self.refresh_list()
            except GoalkitError:
                self._watching = False  # e.g. the store was closed; show_start() restarts it
                return
            scheduler.call_later(self.list_refresh, tick)

        self._watching = True
        scheduler.call_later(self.list_refresh, tick)

    def new(self) -> None:
        try:
            ws = Worksheet(patient_ref=self.start.patient_ref.value)
        except ValueError as exc:
            raise GoalkitError(f"Could not start the worksheet: {exc}") from None
        self._edit(
            Session.start(self._require_store(), ws, delay=self.delay, scheduler=self.scheduler)
        )
        self.start.patient_ref.value = ""
        self.messages.say("New worksheet started and saved.")

    def open_selected(self) -> None:
        worksheet_id = self.start.saved.value
        if not worksheet_id:
            raise GoalkitError("Choose a worksheet in the list first.")
        self._edit(
            Session.open(
                self._require_store(), worksheet_id, delay=self.delay, scheduler=self.scheduler
            )
        )
        self.messages.say("Worksheet opened.")

    def upload(self) -> None:
        files = self.start.upload.value
        if not files:
            return
        item = files[0]
        ws = fileformat.loads(bytes(item["content"]), label=str(item["name"])[:80])
        store = self._require_store()
        if any(s.id == ws.id for s in store.list(archived=None)):
            ws = evolve(ws, id=new_id())  # never overwrite what the store holds
            note = "uploaded a copy (the original is still stored)"
        else:
            note = "uploaded"
        self._edit(
            Session.start(store, ws, note=note, delay=self.delay, scheduler=self.scheduler)
        )
        self.messages.say(f"Worksheet file opened and saved ({note}).")

    def bring_back(self) -> None:
        worksheet_id = self.start.saved.value
        if not worksheet_id:
            raise GoalkitError("Choose an archived worksheet in the list first.")
        store = self._require_store()
        store.archive(worksheet_id, archived=False)
        ref = store.load(worksheet_id).worksheet.patient_ref or "(no reference)"
        self.start.show_archived.value = False
        self.refresh_list()
        self.start.saved.value = worksheet_id
        self.messages.say(f"Worksheet {ref} is back in the list; press Open to continue it.")

    def ask_archive(self) -> None:
        session = self.session
        if session is None:
            return
        ref = session.worksheet.patient_ref or "(no reference)"
        self.archive_confirm.ask(
            f"Archive the worksheet {ref}? It leaves the list on the start screen but stays "
            "in the store with every version; 'Show archived worksheets' on the start screen "
            "brings it back.",
            "Archive this worksheet",
            lambda: self._guard(self.archive),
        )

    def archive(self) -> None:
        session = self.session
        if session is None:
            return
        ref = session.worksheet.patient_ref or "(no reference)"
        worksheet_id = session.worksheet.id
        self.show_start()  # saves first, and refuses to close over unsaved work
        self._require_store().archive(worksheet_id)
        self.refresh_list()
        self.messages.say(
            f"Worksheet {ref} archived: hidden from this list, kept in the store. "
            "Tick 'Show archived worksheets' to bring it back."
        )

    # -- the worksheet ----------------------------------------------------------------------
    def _edit(self, session: Session) -> None:
        self.session = session
        self._section = 0
        session.on_state(self._show_state)
        session.on_state(lambda _s: self._refresh_history())
        session.on_change(lambda _ws: self._sync())
        self.conflict = ConflictBox(session, self.messages, on_merged=self.build)
        self.conflict_area.children = [self.conflict.root]
        session.on_state(lambda _s: self._show_conflict())
        self._show_state(session.state)
        self._show_title()
        self.build()

    def _show_conflict(self) -> None:
        if self.conflict is not None:
            self.conflict.guard(self.conflict.show)

    def _show_title(self) -> None:
        """The header names the worksheet that is open, so nobody types into the wrong one."""
        if self.session is None:
            self.title.value = "<h2>Goal-setting worksheet</h2>"
            return
        ws = self.session.worksheet
        self.title.value = str(
            Markup(
                '<h2>Goal-setting worksheet: <span class="goalkit-open-ref">{}</span></h2>'
                "<p><small>Plan number {}, started {}</small></p>"
            ).format(ws.patient_ref or "(no patient reference)", ws.id, day(ws.created))
        )

    def _sync(self) -> None:
        """Every panel shows the current worksheet: a goal or measure added in one section
        reaches the check-in form, the priorities reach the goals."""
        self._show_title()
        for panel in list(self.panels.values()):
            panel.guard(panel.sync)

    def build(self) -> None:
        """(Re)build every section from the session's worksheet."""
        session = self.session
        assert session is not None
        msgs = self.messages
        self.panels = {
            "about": AboutPanel(session, msgs),
            "plan": PlanPanel(session, msgs),
            "export": ExportPanel(session, msgs, on_restore=self.build),
        }
        goals = [
            GoalPanel(session, msgs, g.id, on_removed=self.build)
            for g in (session.worksheet.primary, *session.worksheet.secondary)
        ]
        for i, panel in enumerate(goals):
            self.panels[f"goal{i}"] = panel
        add = styled(w.Button(description="Add a second goal", icon="plus"), "goalkit-goal-add")
        add.disabled = len(session.worksheet.secondary) >= 2
        add.on_click(lambda _b: self._guard(self._add_goal))
        checkins = self._checkins_panel(session)
        self.clinic = ClinicBox(msgs)
        tabs = w.Tab(
            children=[
                self.panels["about"].root,
                w.VBox([*(p.root for p in goals), add]),
                self.panels["plan"].root,
                checkins,
                w.VBox([self.panels["export"].root, self.clinic.root]),
            ]
        )
        for i, title in enumerate(SECTIONS):
            tabs.set_title(i, title)
        styled(tabs, "goalkit-sections")
        # A rebuild (a goal added or removed, a version restored) keeps the section in view.
        tabs.selected_index = self._section
        tabs.observe(lambda c: self._shown(c["new"]), names="selected_index")
        self._shown(self._section)
        self.tabs = tabs
        close = styled(w.Button(description="Close worksheet", icon="times"), "goalkit-close")
        close.on_click(lambda _b: self._guard(self.show_start))
        archive = styled(
            w.Button(description="Archive this worksheet", icon="archive"), "goalkit-archive"
        )
        archive.on_click(lambda _b: self._guard(self.ask_archive))
        self.archive_confirm = Confirm("goalkit-archive-confirm")
        self.body.children = [close, tabs, w.HBox([archive]), self.archive_confirm.root]

    def _shown(self, index: int | None) -> None:
        self._section = index or 0
        panel = self.panels.get("checkins")
        if isinstance(panel, CheckInPanel):
            panel.visible = self._section == SECTIONS.index("Check-ins")
            if panel.visible:
                panel.guard(panel.show_charts)

    def _checkins_panel(self, session: Session) -> w.Widget:
        panel = CheckInPanel(session, self.messages)
        self.panels["checkins"] = panel
        return panel.root

    def _refresh_history(self) -> None:
        panel = self.panels.get("export")
        if isinstance(panel, ExportPanel) and self.session is not None and self.session.state.saved:
            panel.refresh_history()

    def _add_goal(self) -> None:
        from ..edit import add_secondary_goal

        if self.session is not None:
            self.session.apply(add_secondary_goal)
            self.build()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
