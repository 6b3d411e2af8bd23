"""The app in a real Chromium against ``goalkit app``'s Voilà server (what ``make app`` runs)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Dialog, Page, expect

from goalkit.model import Worksheet
from goalkit.store import Store
from tests.conftest import AppServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOSTILE = "<img src=x onerror=alert(1)>"


def test_app_serves_on_loopback_and_lists_stored_worksheets(
    app_server: AppServer, page: Page
) -> None:
    assert re.match(r"http://127\.0\.0\.1:\d+/$", app_server.url)
    with Store(app_server.home) as store:
        store.save(Worksheet(patient_ref="P-900"), base=None)
    dialogs: list[Dialog] = []
    page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    page.goto(app_server.url)
    table = page.locator(".goalkit-store-list")
    expect(table).to_contain_text("P-900", timeout=60_000)
    expect(page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor")).to_have_count(0)

    page.locator(".goalkit-patient-ref input").fill(HOSTILE)
    page.locator(".goalkit-new").click()
    expect(page.locator(".goalkit-message")).to_contain_text("saved", timeout=30_000)
    expect(table).to_contain_text(HOSTILE)  # shown as text, not as an element
    assert page.locator(".goalkit-store-list img").count() == 0
    assert dialogs == []
    with Store(app_server.home) as store:
        assert {s.patient_ref for s in store.list()} == {"P-900", HOSTILE}
