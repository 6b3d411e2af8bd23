"""nbconvert's WebPDF exporter, pointed at the system Chromium (bench use only).

WebPDFExporter has no setting for the browser's path, and this machine cannot download one;
this subclass passes ``executable_path`` to Playwright's launch. Run it as
``jupyter nbconvert --to _webpdf.SystemChromiumWebPDFExporter`` with ``bench/`` on PYTHONPATH.
"""

from __future__ import annotations

from typing import Any

from nbconvert.exporters.webpdf import WebPDFExporter

from goalkit._chromium import CHROMIUM_ARGS, chromium_path

CHROMIUM = chromium_path() or "/usr/bin/chromium"


class SystemChromiumWebPDFExporter(WebPDFExporter):  # type: ignore[misc]
    def run_playwright(self, html: Any) -> Any:
        from playwright.async_api import BrowserType

        original = BrowserType.launch

        async def launch(browser_type: Any, **kwargs: Any) -> Any:
            kwargs["executable_path"] = CHROMIUM
            kwargs["args"] = [*kwargs.get("args", []), *CHROMIUM_ARGS]
            return await original(browser_type, **kwargs)

        BrowserType.launch = launch  # type: ignore[method-assign,assignment]
        try:
            return super().run_playwright(html)
        finally:
            BrowserType.launch = original  # type: ignore[method-assign]
