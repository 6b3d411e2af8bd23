"""A generic editor for a list of records (steps, measures, barriers, review dates).

Each row shows one record; a change in a row applies ``update(ws, item_id, field=value)``;
the add and remove buttons rebuild the rows.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as w
from markupsafe import escape

from ..model import Worksheet
from .common import Messages, Panel, styled

__all__ = ["Column", "ListEditor", "float_or_none"]


def _same(value: Any) -> Any:
    return value


def float_or_none(text: str) -> float | None:
    """Text box -> number; blank is None; anything else raises a plain ValueError."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None


@dataclass(frozen=True)
class Column:
    """One field of the records: how to make its widget and convert values both ways."""

    name: str
    make: Callable[[], w.Widget]
    to_model: Callable[[Any], Any] = _same
    to_widget: Callable[[Any], Any] = _same
    required: bool = False
    disabled: Callable[[Any], bool] | None = None
    """When given, the widget is disabled for records where it returns True."""


class ListEditor(Panel):
    def __init__(
        self,
        session: Any,
        messages: Messages,
        *,
        key: str,
        title: str,
        columns: list[Column],
        items: Callable[[Worksheet], tuple[Any, ...]],
        add: Callable[[Worksheet], Worksheet],
        update: Callable[..., Worksheet],
        remove: Callable[[Worksheet, str], Worksheet],
        add_label: str = "Add",
        help_text: str = "",
    ) -> None:
        super().__init__(session, messages)
        self.key, self.columns = key, columns
        self._items, self._add, self._update, self._remove = items, add, update, remove
        self.rows = w.VBox()
        self._widgets: dict[str, dict[str, w.Widget]] = {}
        self.add_button = styled(w.Button(description=add_label, icon="plus"), f"goalkit-{key}-add")
        self.add_button.on_click(lambda _b: self._on_add())
        self.root = styled(
            w.VBox(
                [
                    w.HTML(f"<h4>{title}</h4>"),
                    *([w.HTML(f"<small>{escape(help_text)}</small>")] if help_text else []),
                    self.rows,
                    self.add_button,
                ]
            ),
            f"goalkit-{key}",
        )
        self.refresh()

    def _on_add(self) -> None:
        self.apply(self._add)
        self.refresh()

    def _row(self, item: Any) -> w.Widget:
        widgets = []
        for col in self.columns:
            widget = styled(col.make(), f"goalkit-{self.key}-{col.name}")
            widget.value = col.to_widget(getattr(item, col.name))
            if col.disabled is not None:
                widget.disabled = col.disabled(item)
            self.bind(widget, self._binder(item.id, col), functools.partial(self._show, item.id))
            widgets.append(widget)
        self._widgets[item.id] = {c.name: wd for c, wd in zip(self.columns, widgets, strict=True)}
        remove = styled(
            w.Button(description="", icon="trash", tooltip="Remove", layout=w.Layout(width="40px")),
            f"goalkit-{self.key}-remove",
        )
        remove.on_click(lambda _b, item_id=item.id: self._on_remove(item_id))
        return styled(w.HBox([*widgets, remove]), "goalkit-row")

    def _binder(self, item_id: str, col: Column) -> Callable[[Worksheet, Any], Worksheet]:
        def edit(ws: Worksheet, value: Any) -> Worksheet:
            converted = col.to_model(value)
            if col.required and converted is None:
                raise ValueError(f"{col.name.replace('_', ' ')} cannot be left empty")
            return self._update(ws, item_id, **{col.name: converted})

        return edit

    def _on_remove(self, item_id: str) -> None:
        self.apply(lambda ws: self._remove(ws, item_id))
        self.refresh()

    def _show(self, item_id: str) -> None:
        """An edit may change other fields of the record (an instrument fills in a name, unit
        and direction): show them, leaving the widgets whose value is already right alone."""
        item = next((i for i in self._items(self.ws) if i.id == item_id), None)
        if item is None:
            return
        self._loading = True
        try:
            for col in self.columns:
                widget = self._widgets[item_id][col.name]
                value = col.to_widget(getattr(item, col.name))
                try:
                    same = col.to_model(widget.value) == col.to_model(value)
                except ValueError:  # what is typed is not valid yet: leave it as typed
                    same = True
                if not same:
                    widget.value = value
                if col.disabled is not None:
                    widget.disabled = col.disabled(item)
        finally:
            self._loading = False

    def refresh(self) -> None:
        """Rebuild the rows from the model."""
        self._loading = True
        try:
            self._widgets = {}
            self.rows.children = [self._row(item) for item in self._items(self.ws)]
        finally:
            self._loading = False
