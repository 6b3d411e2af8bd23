"""A table of the worksheets in the store (patient reference, last saved, revision)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
from markupsafe import Markup

from ..store import Store, WorksheetSummary

__all__ = ["StoreList", "summary_table"]


def summary_table(rows: list[WorksheetSummary]) -> str:
    """HTML for the list; every stored string is escaped."""
    if not rows:
        return '<p class="goalkit-empty">No worksheets saved yet.</p>'
    body = Markup("").join(
        Markup(
            '<tr class="goalkit-store-row" data-id="{}"><td>{}</td><td>{}</td><td>{}</td></tr>'
        ).format(
            r.id, r.patient_ref or "(no reference)", f"{r.saved_at:%Y-%m-%d %H:%M}", r.revision
        )
        for r in rows
    )
    return str(
        Markup(
            '<table class="goalkit-store-table"><thead><tr><th>Patient reference</th>'
            "<th>Last saved (UTC)</th><th>Revision</th></tr></thead><tbody>{}</tbody></table>"
        ).format(body)
    )


class StoreList:
    """Shows what the store holds; call :meth:`refresh` after a save."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.html = w.HTML()
        self.html.add_class("goalkit-store-list")
        self.root = w.VBox([w.HTML("<h3>Saved worksheets</h3>"), self.html])
        self.refresh()

    def refresh(self) -> None:
        self.html.value = summary_table(self.store.list())

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
