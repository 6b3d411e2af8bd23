"""Regenerate the pictures in docs/: the app (real Voilà, real Chromium) and PDF pages.

    .venv/bin/python scripts/screenshots.py [--pdf-only]

Needs Debian's chromium for the app; the PDF pages are drawn by Typst.
Uses a worked case (no real patient data) in a temporary store.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from goalkit import cases
from goalkit._chromium import CHROMIUM_ARGS, chromium_path
from goalkit.export.pdf import to_pdf
from goalkit.serve import voila_command
from goalkit.store import Store

DOCS = Path(__file__).resolve().parents[1] / "docs"
CASE = "discectomy-football"


def pdf_pages() -> None:
    """The first page of each part of the case's PDF, drawn by Typst from the same template
    and data as the PDF."""
    import io
    import json

    from pypdf import PdfReader

    from goalkit.export import _typst
    from goalkit.export.pdfdata import worksheet_doc

    ws = cases.load(CASE).worksheet
    texts = [page.extract_text() or "" for page in PdfReader(io.BytesIO(to_pdf(ws))).pages]
    clinician = next(n for n, text in enumerate(texts) if "Clinician summary" in text)
    data = json.dumps(worksheet_doc(ws), ensure_ascii=False)
    pages = _typst._compiler(False).compile(
        str(_typst.TEMPLATES / "worksheet.typ"), format="png", ppi=70, sys_inputs={"data": data})
    assert isinstance(pages, list)
    for page, name in ((0, "pdf-patient-page"), (clinician, "pdf-clinician-page")):
        (DOCS / f"{name}.png").write_bytes(pages[page])


def app() -> None:
    home = Path(tempfile.mkdtemp(prefix="goalkit-shots-"))
    with Store(home) as store:
        store.save(cases.load(CASE).worksheet, base=None)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        voila_command(port=port),
        env={**os.environ, "GOALKIT_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(200):  # wait for the port, not a page: each page request takes a kernel
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.3)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/", wait_until="commit")
            page.locator(".goalkit-open-list select").select_option(index=0, timeout=60_000)
            page.locator(".goalkit-open").click()
            page.get_by_role("tab", name="Goals").click()
            page.locator(".goalkit-smart-feedback").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "app-goals.png"))
            page.get_by_role("tab", name="Check-ins").click()
            page.locator(".goalkit-chart").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(DOCS / "app-checkins.png"), full_page=False)
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)


if __name__ == "__main__":
    DOCS.mkdir(exist_ok=True)
    pdf_pages()
    if "--pdf-only" not in sys.argv:
        app()
    print("\n".join(str(p) for p in sorted(DOCS.glob("*.png"))))
