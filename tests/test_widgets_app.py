"""The app's start screen, headless: set values, click, check the model and the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalkit.store import Store
from goalkit.widgets.app import WorksheetApp
from goalkit.widgets.store_list import summary_table


def test_new_worksheet_is_saved_and_listed(store: Store) -> None:
    app = WorksheetApp(store)
    assert "No worksheets saved yet" in app.list.html.value
    app.patient_ref.value = "P-101"
    app.new_button.click()
    [summary] = store.list()
    assert summary.patient_ref == "P-101" and summary.revision == 1
    assert app.worksheet is not None and app.worksheet.id == summary.id
    assert "P-101" in app.list.html.value
    assert "saved" in app.message.value


def test_typed_html_is_shown_as_text(store: Store) -> None:
    app = WorksheetApp(store)
    app.patient_ref.value = "<img src=x onerror=alert(1)>"
    app.new_button.click()
    assert "<img" not in app.list.html.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in app.list.html.value


def test_bad_input_is_a_message_not_a_traceback(store: Store) -> None:
    app = WorksheetApp(store)
    app.patient_ref.value = "x" * 100
    app.new_button.click()
    assert "goalkit-error" in app.message.value
    assert "Could not start the worksheet" in app.message.value
    assert store.list() == []


def test_unusable_store_shows_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("GOALKIT_HOME", str(blocker / "home"))
    shown = WorksheetApp()
    assert "The worksheet store cannot be opened" in shown.message.value
    assert shown.store is None


def test_summary_table_escapes() -> None:
    assert summary_table([]) == '<p class="goalkit-empty">No worksheets saved yet.</p>'
