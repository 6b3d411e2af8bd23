"""Exports as download links, a preview of the handout, and the revision history with restore."""

from __future__ import annotations

import base64
import warnings
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from .. import export
from ..changes import describe
from ..display import moment
from ..errors import GoalkitError
from ..export import i18n
from ..export.deidentify import DROPPED
from ..export.html import to_html
from ..export.pdf import blank_pdf
from ..model import evolve
from .common import Confirm, Messages, Panel, styled

__all__ = ["ELSEWHERE", "ExportPanel", "download_link"]

MIME = {
    "pdf": "application/pdf",
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
    "ics": "text/calendar",
}
ELSEWHERE = (
    ("fhir", "FHIR R4 bundle (for the health record)"),
    ("ics", "Calendar (steps and reviews, for the phone)"),
)
"""Downloads for the plan's other homes, beside the handout and chart copy."""


def download_link(data: bytes, filename: str, label: str, kind: str | None = None) -> str:
    """An ``<a download>`` holding the file as a data URI: how Voilà hands over a file.
    ``kind`` (the export format) names its CSS class; by default the file's extension."""
    ext = filename.rsplit(".", 1)[-1]
    uri = f"data:{MIME[ext]};base64,{base64.b64encode(data).decode('ascii')}"
    return str(
        Markup(
            '<a class="goalkit-download goalkit-download-{}" download="{}" href="{}">{}</a>'
        ).format(kind or ext, filename, uri, label)
    )


class ExportPanel(Panel):
    def __init__(
        self, session: Any, messages: Messages, on_restore: Callable[[], None] | None = None
    ) -> None:
        super().__init__(session, messages)
        self.page_size = styled(
            w.Dropdown(options=["A4", "Letter"], value="A4", description="Paper"),
            "goalkit-export-paper",
        )
        self.patient_only = styled(
            w.Checkbox(value=False, description="Patient part only (PDF, HTML)", indent=False),
            "goalkit-export-patient-only",
        )
        self.deidentify = styled(
            w.Checkbox(
                value=False,
                description="De-identified copy (for teaching or audit)",
                indent=False,
            ),
            "goalkit-export-deidentify",
        )
        dropped = "; ".join(what for _path, what in DROPPED)
        self.deidentify_help = w.HTML(
            f"<small>A de-identified copy leaves out {escape(dropped)}. The patient's own words "
            "stay: read it before it leaves the clinic.</small>"
        )
        self.language = styled(  # the patient page's language, kept on the worksheet
            w.Dropdown(
                options=[(i18n.language_name(lang), lang) for lang in i18n.LANGUAGES],
                value=i18n.supported(self.ws.language),
                description="Patient's language",
                style={"description_width": "initial"},
            ),
            "goalkit-export-language",
        )
        self.bind(self.language, lambda ws, lang: evolve(ws, language=lang))
        self.links = styled(w.HTML(), "goalkit-export-links")
        # the plan's other homes (issue 15): the health record, the patient's calendar
        self.elsewhere = styled(w.HTML(), "goalkit-export-elsewhere")
        self.reading = styled(w.HTML(), "goalkit-export-reading")  # shown with the handout
        self.make = styled(
            w.Button(description="Prepare downloads", button_style="primary", icon="download"),
            "goalkit-export-make",
        )
        self.make.on_click(lambda _b: self.guard(self.prepare))
        self.preview_button = styled(
            w.Button(description="Preview the handout"), "goalkit-export-preview-button"
        )
        self.preview_button.on_click(lambda _b: self.guard(self.preview))
        self.preview_html = styled(w.HTML(), "goalkit-export-preview")
        self.history = styled(w.Select(rows=8, layout=w.Layout(width="30em")), "goalkit-history")
        self.restore_button = styled(
            w.Button(description="Restore this version"), "goalkit-history-restore"
        )
        self.restore_button.on_click(lambda _b: self.guard(self.ask_restore))
        self.confirm = Confirm("goalkit-history-confirm")
        self._on_restore = on_restore
        self._changes: dict[int, str] = {}
        self.root = styled(
            w.VBox(
                [
                    w.HTML("<h4>Take-home handout and chart copy</h4>"),
                    w.HBox([self.page_size, self.language, self.make]),
                    w.HBox([self.patient_only, self.deidentify]),
                    self.deidentify_help,
                    self.links,
                    self.elsewhere,
                    self.reading,
                    self.preview_button,
                    self.preview_html,
                    w.HTML(
                        "<h4>Earlier versions</h4><p>Every save is kept. Restoring makes an "
                        "earlier version the newest; nothing is deleted.</p>"
                    ),
                    self.history,
                    self.restore_button,
                    self.confirm.root,
                ]
            ),
            "goalkit-export",
        )
        self.refresh_history()

    def prepare(self) -> None:
        """Make all four files from the current worksheet (saving first). When saving fails
        (a full disk, a read-only folder), the files are still made from the edits on screen."""
        saved = self.session.flush()
        ws = self.ws
        deidentified = bool(self.deidentify.value)
        printed = {"page_size": self.page_size.value, "clinician": not self.patient_only.value}
        files = [
            ("pdf", printed, "PDF handout"),
            ("html", printed, "HTML"),
            ("json", {}, "JSON (worksheet file)"),
            ("csv", {}, "CSV (goals and check-ins)"),
        ]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.links.value = " · ".join(
                download_link(
                    export.render(ws, ext, deidentify=deidentified, **options),
                    export.default_filename(ws, ext, deidentified=deidentified),
                    label,
                )
                for ext, options, label in files
            )
        self.elsewhere.value = " · ".join(
            download_link(
                export.render(ws, fmt, deidentify=deidentified),
                export.default_filename(ws, export.file_extension(fmt), deidentified=deidentified),
                label,
                kind=fmt,
            )
            for fmt, label in ELSEWHERE
        )
        paper = str(self.page_size.value)
        self.elsewhere.value += " · " + download_link(
            blank_pdf(paper), f"goalkit-blank-{paper.lower()}.pdf",  # type: ignore[arg-type]
            "Blank worksheet (PDF, for a session without a screen)", kind="blank")
        self.show_reading()
        # the PDF names characters it had no font for (printed as U+FFFD): say so, in one line
        fonts = [str(w.message) for w in caught if type(w.message).__name__ == "MissingFontWarning"]
        if saved and fonts:
            self.messages.say("Downloads ready. In the PDF, " + fonts[0])
        elif saved:
            self.messages.say("Downloads ready: click a link to save the file.")
        else:
            self.messages.say(
                "Not saved to the store, but the downloads hold everything on screen: "
                "save the JSON file to keep your edits.",
                error=True,
            )

    def preview(self) -> None:
        self.preview_html.value = to_html(self.ws, standalone=False, page_size=self.page_size.value)
        self.show_reading()

    def show_reading(self) -> None:
        """The patient part's reading level beside its target, and the long words typed."""
        from ..export import readability

        self.reading.value = readability.render_html(readability.assess(self.ws))

    def refresh_history(self) -> None:
        if self.session.revision is None:
            self.history.options = []
            return
        store = self.session.store
        revisions = store.history(self.ws.id)
        self.history.options = [
            (
                f"version {r.revision} · {moment(r.saved_at, seconds=True)} · "
                + self._what_changed(r.revision, r.note),
                r.revision,
            )
            for r in reversed(revisions)
        ]

    def _what_changed(self, revision: int, note: str) -> str:
        """What this revision changed, worked out once (revisions never change)."""
        if revision not in self._changes:
            store, wid = self.session.store, self.ws.id
            try:
                new = store.load(wid, revision).worksheet
                old = store.load(wid, revision - 1).worksheet if revision > 1 else None
                said = describe(old, new)
            except GoalkitError:
                said = "(cannot be read)"
            if note.startswith("restored revision"):
                said = f"went back to version {note.rsplit(' ', 1)[-1]}"
            elif note.startswith("merged"):
                said = f"this tab's changes merged with another: {said}"
            elif revision == 1 and note.startswith("uploaded"):
                said = "opened from a file" + (" (a copy)" if "copy" in note else "")
            self._changes[revision] = said
        return self._changes[revision]

    def ask_restore(self) -> None:
        revision = self.history.value
        if revision is None:
            self.messages.say("Choose a version to restore first.", error=True)
            return
        self.confirm.ask(
            f"Restore version {revision}? The worksheet goes back to how it was then. What "
            "you see now stays in this list as an earlier version, so nothing is lost.",
            "Restore this version",
            lambda: self.guard(self.restore),
        )

    def restore(self) -> None:
        revision = self.history.value
        if revision is None:
            self.messages.say("Choose a version to restore first.", error=True)
            return
        self.session.flush()
        before = self.session.revision
        store = self.session.store
        new = store.restore(self.ws.id, revision, base=self.session.revision or 0)
        self.session.replace(store.load(self.ws.id).worksheet, new)
        self._loading = True
        try:
            self.language.value = i18n.supported(self.ws.language)
        finally:
            self._loading = False
        self.refresh_history()
        if self._on_restore is not None:
            self._on_restore()
        self.messages.say(
            f"Version {revision} restored: it is now the newest version (version {new}). "
            f"What was on screen before is kept as version {before}."
        )
