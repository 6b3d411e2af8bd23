"""The worksheet app shown by Voilà (``worksheets/worksheet.ipynb``).

This first version is the start screen: the worksheets already in the store, and a new
worksheet started from a pseudonymous patient reference. Every error shows as a message in the
app, never as a traceback.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from markupsafe import escape

from ..errors import GoalkitError
from ..model import Worksheet
from ..store import Store
from .store_list import StoreList

__all__ = ["WorksheetApp"]


class WorksheetApp:
    """Compose the app; ``WorksheetApp()`` in a cell displays it."""

    def __init__(self, store: Store | None = None) -> None:
        self.message = w.HTML()
        self.message.add_class("goalkit-message")
        self.patient_ref = w.Text(
            description="Patient reference",
            placeholder="e.g. P-014 (no names)",
            style={"description_width": "initial"},
        )
        self.patient_ref.add_class("goalkit-patient-ref")
        self.new_button = w.Button(description="Start a new worksheet", button_style="primary")
        self.new_button.add_class("goalkit-new")
        self.new_button.on_click(self._on_new)
        self.worksheet: Worksheet | None = None
        self.revision: int | None = None
        children: list[w.Widget] = [self.message]
        try:
            self.store: Store | None = store or Store()
        except GoalkitError as exc:
            self.store = None
            self._say(f"The worksheet store cannot be opened: {exc}", error=True)
        else:
            self.list = StoreList(self.store)
            children += [w.HBox([self.patient_ref, self.new_button]), self.list.root]
        self.root = w.VBox(children)
        self.root.add_class("goalkit-app")

    def _say(self, text: str, *, error: bool = False) -> None:
        kind = "goalkit-error" if error else "goalkit-ok"
        self.message.value = f'<p class="{kind}">{escape(text)}</p>'

    def _on_new(self, _button: w.Button | None = None) -> None:
        if self.store is None:
            return
        try:
            ws = Worksheet(patient_ref=self.patient_ref.value)
            self.revision = self.store.save(ws, base=None, note="new worksheet")
        except (GoalkitError, ValueError) as exc:
            self._say(f"Could not start the worksheet: {exc}", error=True)
            return
        self.worksheet = ws
        self.list.refresh()
        self._say("New worksheet started and saved.")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
