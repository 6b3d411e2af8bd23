"""Exporters: each turns a worksheet into text or bytes; the caller decides where they go.

``to_json`` (the file format), ``to_csv`` (pandas), ``to_html`` (Jinja2), ``to_pdf`` (Typst,
see ``docs/pdf.md``), ``to_fhir`` (a FHIR R4 Bundle, ``fhir.resources``) and ``to_ics`` (the
steps' and reviews' dates, ``icalendar``). Heavy libraries load only when an exporter is called,
so ``import goalkit.export`` stays light.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Worksheet
    from .csv import to_csv
    from .fhir import to_fhir
    from .html import to_html
    from .ics import to_ics
    from .json import to_json
    from .pdf import to_pdf

__all__ = [
    "FORMATS",
    "default_filename",
    "file_extension",
    "render",
    "to_csv",
    "to_fhir",
    "to_html",
    "to_ics",
    "to_json",
    "to_pdf",
]

FORMATS = ("pdf", "html", "json", "csv", "fhir", "ics")
"""Formats :func:`render` can produce."""


def file_extension(fmt: str) -> str:
    """The file name extension for ``fmt``: the format's name, except ``fhir.json``."""
    return {"fhir": "fhir.json"}.get(fmt, fmt)


def default_filename(
    worksheet: Worksheet, ext: str, *, on: dt.date | None = None, deidentified: bool = False
) -> str:
    """``goalkit-<worksheet id>-<date>.<ext>``: the id and a date, never a patient identifier
    (``-deidentified`` before the extension for a de-identified export).

    >>> from goalkit.model import Worksheet
    >>> default_filename(Worksheet(id="a1b2c3", patient_ref="Jane Doe"), "pdf",
    ...                  on=dt.date(2026, 3, 1))
    'goalkit-a1b2c3-2026-03-01.pdf'
    """
    day = (on or dt.date.today()).isoformat()
    tag = "-deidentified" if deidentified else ""
    return f"goalkit-{worksheet.id}-{day}{tag}.{ext}"


def __getattr__(name: str) -> Any:
    if name == "to_json":
        from .json import to_json

        return to_json
    if name == "to_csv":
        from .csv import to_csv

        return to_csv
    if name == "to_html":
        from .html import to_html

        return to_html
    if name == "to_pdf":
        from .pdf import to_pdf

        return to_pdf
    if name == "to_fhir":
        from .fhir import to_fhir

        return to_fhir
    if name == "to_ics":
        from .ics import to_ics

        return to_ics
    raise AttributeError(f"module 'goalkit.export' has no attribute {name!r}")


def render(worksheet: Worksheet, fmt: str, **options: Any) -> bytes:
    """The worksheet exported as ``fmt`` (one of :data:`FORMATS`), as bytes ready to write.

    ``options`` go to the PDF and HTML exporters (``page_size="Letter"``, ``clinician=False``);
    ``deidentify=True`` leaves out what :data:`goalkit.export.deidentify.DROPPED` lists.
    """
    if options.pop("deidentify", False):
        from .deidentify import deidentify

        worksheet = deidentify(worksheet)
    if fmt == "pdf":
        from .pdf import to_pdf

        return to_pdf(worksheet, **options)
    if fmt == "html":
        from .html import to_html

        return to_html(worksheet, **options).encode("utf-8")
    if fmt == "json":
        from .json import to_json

        return to_json(worksheet).encode("utf-8")
    if fmt == "csv":
        from .csv import to_csv

        return to_csv(worksheet).encode("utf-8")
    if fmt == "fhir":
        from .fhir import to_fhir

        return to_fhir(worksheet).encode("utf-8")
    if fmt == "ics":
        from .ics import to_ics

        return to_ics(worksheet).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
