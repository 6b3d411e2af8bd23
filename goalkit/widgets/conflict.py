"""When another tab saved first: keep this tab's work, on top of the newer version or in a file.

The store refuses a save based on an old revision (:class:`~goalkit.errors.ConflictError`), so
nothing is overwritten; this box makes sure nothing typed here is lost either. It offers two
choices, each saying what it does: merge this tab's changes into the newer revision field by
field (:mod:`goalkit.merge`), asking where both changed the same field, or download them as a
worksheet file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import Markup

from .. import export
from ..merge import Merge, Side
from ..session import Session
from .common import Messages, Panel, styled
from .export_panel import download_link

__all__ = ["ConflictBox"]


def _shown(value: Any) -> str:
    if value in (None, "", [], {}):
        return "(empty)"
    if isinstance(value, list):
        return "; ".join(_shown(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_shown(v)}" for k, v in value.items() if k != "id")
    return str(value)


class ConflictBox(Panel):
    def __init__(self, session: Session, messages: Messages, on_merged: Callable[[], None]) -> None:
        super().__init__(session, messages)
        self._on_merged = on_merged
        self._merge: Merge | None = None
        self.explain = styled(w.HTML(), "goalkit-conflict-explain")
        self.keep = styled(
            w.Button(description="Keep my changes on top of the newer version", icon="code-fork"),
            "goalkit-conflict-merge",
        )
        self.download = styled(
            w.Button(description="Download my changes as a file", icon="download"),
            "goalkit-conflict-download",
        )
        self.keep.on_click(lambda _b: self.guard(self.start_merge))
        self.download.on_click(lambda _b: self.guard(self.offer_download))
        self.choices = styled(w.VBox(), "goalkit-conflict-choices")
        self.save = styled(
            w.Button(description="Save with these choices", button_style="primary"),
            "goalkit-conflict-save",
        )
        self.save.on_click(lambda _b: self.guard(self.finish))
        self.link = styled(w.HTML(), "goalkit-conflict-link")
        self.root = styled(w.VBox(), "goalkit-conflict")
        self.root.layout.display = "none"

    def show(self) -> None:
        """Show the box when the last save was refused because of a newer revision."""
        if not self.session.state.conflict:
            self.root.layout.display = "none"
            return
        self.explain.value = (
            "<p><strong>Someone saved this worksheet in another tab or on another computer "
            "after you opened it.</strong> Your changes on this screen are not saved yet, and "
            "nothing has been lost. Choose what to do with them:</p><ul>"
            "<li><em>Keep my changes on top of the newer version</em>: adds what you changed "
            "here to the newer version, field by field, and saves the result. Where both "
            "changed the same field, you choose which to keep before anything is saved.</li>"
            "<li><em>Download my changes as a file</em>: gives you a worksheet file (JSON) "
            "holding this screen as it is; the store is not changed. You can open the file "
            "later from the start screen.</li></ul>"
        )
        self.choices.children = []
        self.root.children = [self.explain, w.HBox([self.keep, self.download]), self.link]
        self.root.layout.display = ""

    def start_merge(self) -> None:
        self._merge = merge = self.session.merge_newer()
        if not merge.clashes:
            self.finish()
            return
        rows: list[w.Widget] = [
            w.HTML(
                "<p><strong>Both versions changed these fields.</strong> For each one, choose "
                "which to keep; everything else is combined already.</p>"
            )
        ]
        for clash in merge.clashes:
            pick = styled(
                w.RadioButtons(
                    options=[
                        (f"mine (this screen): {_shown(clash.mine)[:120]}", "mine"),
                        (f"the newer version: {_shown(clash.theirs)[:120]}", "theirs"),
                    ],
                    value="mine",
                    layout=w.Layout(width="auto"),
                ),
                "goalkit-conflict-pick",
            )
            rows += [w.HTML(Markup("<p><b>{}</b></p>").format(clash.label)), pick]
        self.choices.children = [*rows, self.save]
        self.root.children = [self.explain, self.choices, self.link]

    def finish(self) -> None:
        merge = self._merge
        if merge is None:
            return
        picks = [c for c in self.choices.children if isinstance(c, w.RadioButtons)]
        choices: dict[int, Side] = {i: p.value for i, p in enumerate(picks)}
        merged = merge.resolve(choices)
        kept_mine = sum(1 for v in choices.values() if v == "mine")
        if self.session.adopt(merged, note="merged this tab's changes with a newer revision"):
            self._merge = None
            self.root.layout.display = "none"
            clashes = (
                f"; of the {len(merge.clashes)} fields changed on both sides, {kept_mine} kept "
                "from this screen"
                if merge.clashes
                else ""
            )
            self.messages.say(
                f"Your changes were added to the newer version and saved as version "
                f"{self.session.revision}{clashes}."
            )
            self._on_merged()

    def offer_download(self) -> None:
        ws = self.ws
        self.link.value = download_link(
            export.render(ws, "json"),
            export.default_filename(ws, "json"),
            "Save my changes (worksheet file)",
        )
        self.messages.say(
            "Click the link to save this screen's worksheet as a file; the store is unchanged."
        )
