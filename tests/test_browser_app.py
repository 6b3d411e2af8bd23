"""The worksheet app in a real Chromium against ``goalkit app``'s Voilà server (``make app``)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect
from pypdf import PdfReader

from goalkit.model import Worksheet
from goalkit.store import Store
from tests.conftest import AppServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HOSTILE = "<img src=x onerror=alert(1)>"
GOAL = "Walk 1 km to the shop without a rest, on my own, within 6 weeks"
SLOW = 60_000  # ms: the first widget render includes kernel start on a loaded machine


@pytest.fixture(autouse=True)
def patient_page(page: Page) -> Page:
    """A loaded CI machine can take longer than Playwright's default 30 s to start a kernel."""
    page.set_default_navigation_timeout(SLOW)
    page.set_default_timeout(SLOW)
    return page


def saved(page: Page) -> None:
    expect(page.locator(".goalkit-save-state")).to_contain_text("All changes saved", timeout=SLOW)


def open_first_saved(page: Page) -> None:
    listing = page.locator(".goalkit-open-list select")
    expect(listing.locator("option")).not_to_have_count(0, timeout=SLOW)
    listing.select_option(index=0)
    page.locator(".goalkit-open").click()
    expect(page.locator(".goalkit-sections")).to_be_visible(timeout=SLOW)


def test_fill_autosave_reload_restore_and_export(
    app_server: AppServer, page: Page, tmp_path: Path
) -> None:
    assert re.match(r"http://127\.0\.0\.1:\d+/$", app_server.url)
    dialogs: list[Dialog] = []
    page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    page.goto(app_server.url)
    expect(page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor")).to_have_count(0)

    page.locator(".goalkit-patient-ref input").fill("P-777")
    page.locator(".goalkit-new").click()
    saved(page)
    page.get_by_role("tab", name="Goals").click()
    page.locator(".goalkit-goal-statement textarea").fill(GOAL)
    feedback = page.locator(".goalkit-smart-feedback")
    expect(feedback).to_contain_text("1 km", timeout=SLOW)
    page.locator(".goalkit-goal-why input").fill(HOSTILE)
    page.wait_for_timeout(300)
    saved(page)
    expect(page.locator(".goalkit-goal-why input")).to_have_value(HOSTILE)

    page.reload()  # Voilà ends this kernel and starts a new one
    open_first_saved(page)
    page.get_by_role("tab", name="Goals").click()
    expect(page.locator(".goalkit-goal-statement textarea")).to_have_value(GOAL, timeout=SLOW)
    expect(page.locator(".goalkit-goal-why input")).to_have_value(HOSTILE)
    expect(page.locator(".goalkit-smart-feedback")).to_contain_text("1 km")

    page.get_by_role("tab", name="Export and history").click()
    page.locator(".goalkit-export-make").click()
    link = page.locator("a.goalkit-download-pdf")
    expect(link).to_be_visible(timeout=SLOW)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert re.fullmatch(r"goalkit-[0-9a-f]{12}-\d{4}-\d{2}-\d{2}\.pdf", download.suggested_filename)
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    squashed = " ".join(text.split())
    assert GOAL in squashed and HOSTILE in squashed and "My goal plan" in squashed

    page.locator(".goalkit-export-preview-button").click()
    expect(page.locator(".goalkit-export-preview")).to_contain_text(HOSTILE, timeout=SLOW)
    assert page.locator(".goalkit-app img[src='x']").count() == 0
    assert dialogs == []
    with Store(app_server.home) as store:
        [summary] = store.list()
        assert summary.patient_ref == "P-777"
        assert store.load(summary.id).worksheet.primary.why == HOSTILE


def test_the_list_is_fresh_for_each_visitor_and_html_is_inert(
    app_server: AppServer, page: Page
) -> None:
    """A preheated kernel is started before anyone asks for the page: a worksheet saved after
    that must still be listed when the next person opens the app."""
    dialogs: list[Dialog] = []
    page.on("dialog", lambda d: (dialogs.append(d), d.dismiss()))
    page.goto(app_server.url)
    expect(page.locator(".goalkit-new")).to_be_visible(timeout=SLOW)
    page.wait_for_timeout(8_000)  # the pool refills: the next kernel is now preheated
    with Store(app_server.home) as store:
        store.save(Worksheet(patient_ref=HOSTILE), base=None)
    page.reload()
    option = page.locator(".goalkit-open-list option").first
    expect(option).to_contain_text(HOSTILE, timeout=SLOW)
    open_first_saved(page)
    expect(page.locator(".goalkit-about-patient-ref input")).to_have_value(HOSTILE)
    assert dialogs == []
