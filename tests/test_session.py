"""Editing sessions: autosave, debounce, conflicts, save errors that keep the edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from goalkit.edit import update_goal
from goalkit.errors import GoalkitError, StoreError
from goalkit.model import Worksheet, evolve
from goalkit.session import SaveState, Session
from goalkit.store import Store
from tests.conftest import full_worksheet


class ManualClock:
    """A scheduler the test advances by hand."""

    def __init__(self) -> None:
        self.pending: list[Callable[[], None]] = []
        self.cancelled = 0

    def call_later(self, delay: float, fn: Callable[[], None]) -> Any:
        self.pending.append(fn)
        return fn

    def cancel(self, handle: Any) -> None:
        if handle in self.pending:
            self.pending.remove(handle)
            self.cancelled += 1

    def run(self) -> None:
        for fn in self.pending[:]:
            fn()


def test_changes_are_debounced_into_one_save(store: Store) -> None:
    clock = ManualClock()
    session = Session.start(store, full_worksheet(), delay=1, scheduler=clock)
    states: list[SaveState] = []
    session.on_state(states.append)
    for text in ("W", "Wa", "Wal", "Walk 1 km within 2 weeks"):
        session.apply(lambda ws, t=text: update_goal(ws, "g-primary", statement=t))
    assert clock.cancelled == 3 and len(clock.pending) == 1
    assert states[-1].label() == "Saving…"
    clock.run()
    assert session.state.saved and session.revision == 2
    assert store.load(session.worksheet.id).worksheet.primary.statement.startswith("Walk 1 km")
    assert "All changes saved (version 2)" in states[-1].label()


def test_reopening_shows_the_last_save(store: Store) -> None:
    session = Session.start(store, Worksheet(patient_ref="P-5"), delay=0)
    session.apply(lambda ws: evolve(ws, notes="kept"))
    again = Session.open(store, session.worksheet.id)
    assert again.worksheet == session.worksheet
    assert again.revision == session.revision


def test_invalid_edit_is_a_plain_message_and_changes_nothing(store: Store) -> None:
    session = Session.start(store, full_worksheet(), delay=0)
    before = session.worksheet
    with pytest.raises(GoalkitError, match=r"^confidence: Input should be less"):
        session.apply(lambda ws: update_goal(ws, "g-primary", confidence=12))
    assert session.worksheet == before


def test_a_conflict_is_reported_not_overwritten(store: Store) -> None:
    one = Session.start(store, full_worksheet(), delay=0)
    two = Session.open(store, one.worksheet.id, delay=0)
    one.apply(lambda ws: evolve(ws, notes="from tab one"))
    two.apply(lambda ws: evolve(ws, notes="from tab two"))
    assert not two.state.saved
    assert two.state.conflict and "saved in another tab" in (two.state.error or "")
    assert store.load(one.worksheet.id).worksheet.notes == "from tab one"


def test_save_failure_keeps_the_edits_in_memory(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session.start(store, full_worksheet(), delay=0)

    def disk_full(*args: object, **kwargs: object) -> int:
        raise StoreError("the disk holding the store is full; free some space, then save again")

    monkeypatch.setattr(store, "save", disk_full)
    session.apply(lambda ws: evolve(ws, notes="unsaved but kept"))
    assert not session.state.saved
    assert session.state.label().startswith("Not saved: the disk holding the store is full")
    assert "Your edits are still here" in session.state.label()
    assert session.worksheet.notes == "unsaved but kept"
    monkeypatch.undo()
    assert (
        session.flush() and store.load(session.worksheet.id).worksheet.notes == "unsaved but kept"
    )


def test_a_closed_store_is_a_store_error(store: Store) -> None:
    session = Session.start(store, full_worksheet(), delay=0)
    store.close()
    session.apply(lambda ws: evolve(ws, notes="x"))
    assert "store was closed" in (session.state.error or "")
