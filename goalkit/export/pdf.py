"""PDF export through WeasyPrint: no browser, no LaTeX; fonts embedded, tagged (PDF/UA-1)."""

from __future__ import annotations

import datetime as dt

from ..model import Worksheet
from .html import PageSize, to_html

__all__ = ["html_to_pdf", "to_pdf"]


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Any HTML document to PDF bytes (PDF/UA-1: tagged, with language and title)."""
    import weasyprint

    pdf: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def to_pdf(
    ws: Worksheet,
    *,
    page_size: PageSize = "A4",
    clinician: bool = True,
    today: dt.date | None = None,
    deidentify: bool = False,
) -> bytes:
    """The worksheet handout as PDF bytes: patient page first, then the clinician page."""
    return html_to_pdf(
        to_html(ws, page_size=page_size, clinician=clinician, today=today, deidentify=deidentify)
    )
