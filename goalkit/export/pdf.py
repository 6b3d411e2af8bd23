"""PDF export: the worksheet printed by Typst, tagged and checked as PDF/UA-1 and PDF/A-2a.

:func:`to_pdf` builds the worksheet's blocks (:mod:`goalkit.export.pdfdata`, from the same view
as the HTML export) and compiles ``templates/worksheet.typ`` with them as JSON data
(:mod:`goalkit.export._typst`). Typed text is data, never markup. :func:`blank_pdf` prints the
same sections empty, with lines to write on. ``docs/pdf.md`` explains fonts and standards.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..model import Worksheet
from ._typst import MissingFontWarning, compile_pdf

__all__ = ["ENGINES", "PAGE_SIZES", "Engine", "MissingFontWarning", "PageSize", "blank_pdf",
           "to_pdf"]

PageSize = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSize, ...] = ("A4", "Letter")
Engine = Literal["auto", "typst"]
ENGINES: tuple[Engine, ...] = ("auto", "typst")
"""Kept for callers of the old ``engine=`` option: Typst is the only engine."""


def _check(page_size: str, engine: str = "auto") -> None:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}, not {page_size!r}")
    if engine not in ENGINES:
        raise ValueError(f"PDF engine must be one of {', '.join(ENGINES)}, not {engine!r}")


def to_pdf(
    ws: Worksheet,
    *,
    page_size: PageSize = "A4",
    clinician: bool = True,
    today: dt.date | None = None,
    deidentify: bool = False,
    engine: Engine = "auto",
    language: str | None = None,
) -> bytes:
    """The worksheet handout as PDF bytes: patient page first, then the clinician page.

    ``clinician=False`` prints the patient's part only; ``deidentify=True`` leaves out what
    :data:`goalkit.export.deidentify.DROPPED` lists. Characters no font covers print as U+FFFD
    and are named in a :class:`MissingFontWarning`.
    """
    _check(page_size, engine)
    if deidentify:
        from .deidentify import deidentify as strip

        ws = strip(ws)
    from .pdfdata import worksheet_doc

    data = worksheet_doc(ws, page_size=page_size, clinician=clinician, today=today,
                         language=language)
    return compile_pdf("worksheet.typ", data, timestamp=ws.updated)


def blank_pdf(paper: PageSize = "A4") -> bytes:
    """A blank worksheet to fill in by hand: the patient part's sections with writing lines."""
    _check(paper)
    from .pdfdata import blank_doc

    return compile_pdf("worksheet.typ", blank_doc(paper))
