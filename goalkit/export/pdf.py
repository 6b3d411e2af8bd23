"""PDF export: the worksheet template's HTML, printed without a browser or LaTeX.

Two engines print the same HTML. goalkit's own (:mod:`goalkit.export._pdflayout`) knows the
worksheet template's few building blocks and draws them directly: tens of milliseconds, and no
heavy import, so a cold ``goalkit export --to pdf`` is quick. WeasyPrint, a full HTML/CSS
engine, takes any document (notebook handouts use it) and any text: goalkit hands it every
worksheet whose text needs shaping, right-to-left ordering or a font other than DejaVu Sans.
Both give tagged PDF/UA-1 with embedded fonts, a language and a title.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Literal

from ..model import Worksheet
from .html import PAGE_SIZES, PageSize, to_html

__all__ = ["ENGINES", "Engine", "html_to_pdf", "to_pdf", "worksheet_html_to_pdf"]

log = logging.getLogger(__name__)

Engine = Literal["auto", "goalkit", "weasyprint"]
ENGINES: tuple[Engine, ...] = ("auto", "goalkit", "weasyprint")


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """Any HTML document to PDF bytes through WeasyPrint (PDF/UA-1: tagged, with language
    and title)."""
    import weasyprint

    pdf: bytes = weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def worksheet_html_to_pdf(
    html: str, *, page_size: PageSize = "A4", engine: Engine = "auto"
) -> bytes:
    """HTML rendered by the worksheet template to PDF bytes.

    ``engine="auto"`` uses goalkit's own engine and falls back to WeasyPrint when the document
    holds something it does not draw faithfully (or, logging a warning, when the engine
    fails); ``"goalkit"`` raises
    :class:`~goalkit.export._pdflayout.Unsupported` instead; ``"weasyprint"`` always uses it.
    """
    if engine not in ENGINES:
        raise ValueError(f"PDF engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    if engine != "weasyprint":
        from ._pdflayout import Unsupported, layout_pdf

        try:
            return layout_pdf(html, page_size)
        except Unsupported:
            if engine == "goalkit":
                raise
        except Exception as err:  # a bug in goalkit's engine must not cost anyone a handout
            if engine == "goalkit":
                raise
            # the type only: the message could quote the worksheet's text
            log.warning(
                "goalkit's PDF engine failed (%s); printing with WeasyPrint", type(err).__name__
            )
    return html_to_pdf(html)


def to_pdf(
    ws: Worksheet,
    *,
    page_size: PageSize = "A4",
    clinician: bool = True,
    today: dt.date | None = None,
    deidentify: bool = False,
    engine: Engine = "auto",
) -> bytes:
    """The worksheet handout as PDF bytes: patient page first, then the clinician page."""
    html = to_html(ws, page_size=page_size, clinician=clinician, today=today, deidentify=deidentify)
    return worksheet_html_to_pdf(html, page_size=page_size, engine=engine)
