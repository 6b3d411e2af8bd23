"""An editing session: the worksheet being edited, its store revision, and debounced autosave.

No widgets here: panels call :meth:`Session.apply` with a pure edit, and listen for changes and
save states. Voilà ends the kernel when the tab closes or reloads, so saving is the session's
job: every change schedules a save ``delay`` seconds later (restarted by further changes), and
:meth:`Session.flush` saves at once.

>>> import tempfile
>>> from goalkit.store import Store
>>> from goalkit.model import Worksheet, evolve
>>> session = Session.start(Store(tempfile.mkdtemp()), Worksheet(patient_ref="P-3"), delay=0)
>>> session.apply(lambda ws: evolve(ws, notes="first visit"))
>>> session.state.saved, session.revision
(True, 2)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import ValidationError

from .errors import ConflictError, GoalkitError
from .merge import Merge, merge
from .model import Worksheet
from .store import Store

__all__ = [
    "LoopScheduler",
    "SaveState",
    "Scheduler",
    "Session",
    "TimerScheduler",
    "describe_error",
]


class Scheduler(Protocol):
    """Runs ``fn`` after ``delay`` seconds; returns a handle that :meth:`cancel` accepts."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any: ...

    def cancel(self, handle: Any) -> None: ...


class TimerScheduler:
    """A timer thread per call (the store serialises access to its connection)."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any:
        import threading

        timer = threading.Timer(delay, fn)
        timer.daemon = True
        timer.start()
        return timer

    def cancel(self, handle: Any) -> None:
        handle.cancel()


class LoopScheduler:
    """The running event loop when there is one (the kernel's, so callbacks run on its
    thread), else a :class:`TimerScheduler`."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any:
        import asyncio

        try:
            return asyncio.get_running_loop().call_later(delay, fn)
        except RuntimeError:
            return TimerScheduler().call_later(delay, fn)

    def cancel(self, handle: Any) -> None:
        handle.cancel()


@dataclass(frozen=True)
class SaveState:
    """What the app shows next to the worksheet: saved or not, and when."""

    saved: bool
    revision: int | None
    at: dt.datetime | None = None
    error: str | None = None
    conflict: bool = False
    """The save was refused because a newer revision was saved elsewhere (another tab)."""

    def label(self) -> str:
        if self.error:
            return f"Not saved: {self.error}"
        if not self.saved:
            return "Saving…"
        when = f" at {self.at:%H:%M:%S}" if self.at else ""
        return f"All changes saved (version {self.revision}){when}"


def describe_error(exc: Exception) -> str:
    """One plain sentence for an error raised by an edit or a save."""
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        msg = first["msg"].removeprefix("Value error, ")
        return f"{where}: {msg}" if where else msg
    if isinstance(exc, KeyError):
        return f"{exc.args[0]!r} is no longer on this worksheet"
    return str(exc)


class Session:
    """One worksheet open for editing, saved to ``store`` as it changes."""

    def __init__(
        self,
        store: Store,
        worksheet: Worksheet,
        revision: int | None,
        *,
        delay: float = 0.8,
        scheduler: Scheduler | None = None,
    ) -> None:
        self.store = store
        self.worksheet = worksheet
        self.revision = revision
        self.delay = delay
        self._scheduler = scheduler
        self._pending: Any = None
        self.state = SaveState(saved=revision is not None, revision=revision)
        self._on_change: list[Callable[[Worksheet], None]] = []
        self._on_state: list[Callable[[SaveState], None]] = []
        self._newest: int | None = revision

    @classmethod
    def start(
        cls, store: Store, worksheet: Worksheet, *, note: str = "new worksheet", **kwargs: Any
    ) -> Session:
        """A new worksheet, saved at once as revision 1 (``note`` says where it came from)."""
        session = cls(store, worksheet, None, **kwargs)
        session.flush(note=note)
        return session

    @classmethod
    def open(cls, store: Store, worksheet_id: str, **kwargs: Any) -> Session:
        stored = store.load(worksheet_id)
        return cls(store, stored.worksheet, stored.revision, **kwargs)

    # -- listeners ------------------------------------------------------------------------
    def on_change(self, fn: Callable[[Worksheet], None]) -> None:
        self._on_change.append(fn)

    def on_state(self, fn: Callable[[SaveState], None]) -> None:
        self._on_state.append(fn)

    def _set_state(self, state: SaveState) -> None:
        self.state = state
        for fn in self._on_state:
            fn(state)

    # -- editing --------------------------------------------------------------------------
    def apply(self, edit: Callable[[Worksheet], Worksheet]) -> None:
        """Apply a pure edit; raises GoalkitError with a plain message if it is not valid
        (the worksheet is then unchanged)."""
        try:
            new = edit(self.worksheet)
        except (ValidationError, ValueError, KeyError) as exc:
            raise GoalkitError(describe_error(exc)) from None
        if new == self.worksheet:
            return
        self.worksheet = new.touched()
        for fn in self._on_change:
            fn(self.worksheet)
        self._schedule()

    def replace(self, worksheet: Worksheet, revision: int | None) -> None:
        """Show another version (after a restore or a reload) without saving it again."""
        self._cancel()
        self.worksheet, self.revision = worksheet, revision
        for fn in self._on_change:
            fn(worksheet)
        self._set_state(SaveState(saved=True, revision=revision))

    def merge_newer(self) -> Merge:
        """This tab's edits on top of the newest stored revision (see :mod:`goalkit.merge`)."""
        if self.revision is None:
            raise GoalkitError("this worksheet has never been saved; nothing to merge with")
        base = self.store.load(self.worksheet.id, self.revision).worksheet
        newest = self.store.load(self.worksheet.id)
        self._newest = newest.revision
        return merge(base, self.worksheet, newest.worksheet)

    def adopt(self, worksheet: Worksheet, note: str = "") -> bool:
        """Save ``worksheet`` (a merge made by :meth:`merge_newer`) on top of the revision it was
        merged with; the panels are shown it. True when saved."""
        self._cancel()
        self.revision = self._newest
        self.worksheet = worksheet.touched()
        for fn in self._on_change:
            fn(self.worksheet)
        self.state = SaveState(saved=False, revision=self.revision)
        return self.flush(note=note)

    # -- saving ---------------------------------------------------------------------------
    def _cancel(self) -> None:
        if self._pending is not None and self._scheduler is not None:
            self._scheduler.cancel(self._pending)
        self._pending = None

    def _schedule(self) -> None:
        self._set_state(SaveState(saved=False, revision=self.revision))
        if self.delay <= 0:
            self.flush()
            return
        if self._scheduler is None:
            self._scheduler = LoopScheduler()
        self._cancel()
        self._pending = self._scheduler.call_later(self.delay, self._flush_later)

    def _flush_later(self) -> None:
        self._pending = None
        self.flush()

    def flush(self, note: str = "") -> bool:
        """Save now if anything is unsaved; True when the store holds the current worksheet."""
        self._cancel()
        if self.state.saved and self.revision is not None:
            return True
        try:
            self.revision = self.store.save(self.worksheet, base=self.revision, note=note)
        except ConflictError:
            self._set_state(
                SaveState(
                    False,
                    self.revision,
                    error="this worksheet was saved in another tab or on another computer "
                    "after you opened it; your changes here are kept on this screen",
                    conflict=True,
                )
            )
            return False
        except GoalkitError as exc:
            self._set_state(
                SaveState(
                    False,
                    self.revision,
                    error=f"{exc}. Your edits are still here: export them as JSON to keep a copy.",
                )
            )
            return False
        self._set_state(SaveState(True, self.revision, dt.datetime.now()))
        return True
