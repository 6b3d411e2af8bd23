"""What every panel shares: binding a widget to a model edit, messages, option lists.

A binding turns a widget change into a pure edit applied through the session. Anything that
goes wrong becomes a message in the app (never a traceback), and the worksheet is unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as w
from markupsafe import escape

from ..errors import GoalkitError
from ..model import Worksheet
from ..session import Session, describe_error

__all__ = ["UNSET", "Confirm", "Messages", "Panel", "optional", "optional_range", "styled"]

log = logging.getLogger("goalkit.app")
UNSET = -99
"""Dropdown value standing for "not recorded" (ipywidgets cannot select None)."""


def styled(widget: w.Widget, *classes: str) -> Any:
    """Add stable ``goalkit-...`` CSS classes (used by the browser tests) and return the widget."""
    for cls in classes:
        widget.add_class(cls)
    return widget


def optional_range(lo: int, hi: int, unset: str = "not rated") -> list[tuple[str, int]]:
    return [(unset, UNSET), *((str(i), i) for i in range(lo, hi + 1))]


def optional(value: int | None) -> int:
    """Model value -> dropdown value."""
    return UNSET if value is None else value


class Messages:
    """One line of feedback at the top of the app."""

    def __init__(self) -> None:
        self.html = styled(w.HTML(), "goalkit-message")

    def say(self, text: str, *, error: bool = False) -> None:
        kind = "goalkit-error" if error else "goalkit-ok"
        self.html.value = f'<p class="{kind}" role="status">{escape(text)}</p>'

    def clear(self) -> None:
        self.html.value = ""


class Confirm:
    """Ask before a destructive action: a question, a button that does it, one that does not.

    Hidden until :meth:`ask`; either button hides it again."""

    def __init__(self, css: str) -> None:
        self.question = styled(w.HTML(), f"{css}-question")
        self.yes = styled(w.Button(button_style="danger"), f"{css}-yes")
        self.no = styled(w.Button(description="Cancel"), f"{css}-no")
        self.root = styled(w.VBox([self.question, w.HBox([self.yes, self.no])]), css)
        self.root.layout.display = "none"
        self._action: Callable[[], None] | None = None
        self.yes.on_click(lambda _b: self._answer(True))
        self.no.on_click(lambda _b: self._answer(False))

    def ask(self, question: str, yes: str, action: Callable[[], None]) -> None:
        self.question.value = f'<p class="goalkit-confirm" role="alert">{escape(question)}</p>'
        self.yes.description = yes
        self._action = action
        self.root.layout.display = ""

    def _answer(self, yes: bool) -> None:
        action, self._action = self._action, None
        self.root.layout.display = "none"
        if yes and action is not None:
            action()


class Panel:
    """Base for a section of the worksheet: widgets that write into the session's model."""

    root: w.Widget

    def __init__(self, session: Session, messages: Messages) -> None:
        self.session = session
        self.messages = messages
        self._loading = False

    @property
    def ws(self) -> Worksheet:
        return self.session.worksheet

    def guard(self, action: Callable[[], None]) -> None:
        """Run ``action``; report any failure as a message and keep the worksheet as it was."""
        try:
            action()
        except GoalkitError as exc:
            self.messages.say(str(exc), error=True)
        except ValueError as exc:  # includes pydantic's ValidationError
            self.messages.say(describe_error(exc), error=True)
        except Exception as exc:  # a bug must not show a traceback or lose the session
            log.exception("unexpected error in a goalkit panel")
            self.messages.say(
                f"Something went wrong ({type(exc).__name__}); your last save is safe.",
                error=True,
            )

    def apply(self, edit: Callable[[Worksheet], Worksheet]) -> None:
        self.guard(lambda: self.session.apply(edit))

    def sync(self) -> None:
        """Show what another panel changed in the worksheet (called after every change).

        Panels override it to refresh what they derive from other parts of the worksheet;
        it must not overwrite what is being typed in the panel itself."""

    def bind(
        self,
        widget: w.Widget,
        edit: Callable[[Worksheet, Any], Worksheet],
        after: Callable[[], None] | None = None,
    ) -> w.Widget:
        """Apply ``edit(ws, new_value)`` whenever the widget's value changes."""

        def changed(change: dict[str, Any]) -> None:
            if self._loading:
                return
            self.apply(lambda ws: edit(ws, change["new"]))
            if after is not None:
                self.guard(after)

        widget.observe(changed, names="value")
        return widget

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
