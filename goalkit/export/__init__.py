"""Exporters: each turns a worksheet into text or bytes; the caller decides where they go.

``to_json`` (the file format) and ``to_csv`` are here now; heavy exporters import their
libraries only when called, so ``import goalkit.export`` stays light.
"""

from __future__ import annotations

import datetime as dt

from ..model import Worksheet
from .csv import to_csv
from .json import to_json

__all__ = ["FORMATS", "default_filename", "render", "to_csv", "to_json"]

FORMATS = ("json", "csv")
"""Formats :func:`render` can produce."""


def default_filename(worksheet: Worksheet, ext: str, *, on: dt.date | None = None) -> str:
    """``goalkit-<worksheet id>-<date>.<ext>``: the id and a date, never a patient identifier.

    >>> from goalkit.model import Worksheet
    >>> default_filename(Worksheet(id="a1b2c3", patient_ref="Jane Doe"), "pdf",
    ...                  on=dt.date(2026, 3, 1))
    'goalkit-a1b2c3-2026-03-01.pdf'
    """
    day = (on or dt.date.today()).isoformat()
    return f"goalkit-{worksheet.id}-{day}.{ext}"


def render(worksheet: Worksheet, fmt: str) -> bytes:
    """The worksheet exported as ``fmt`` (one of :data:`FORMATS`), as bytes ready to write."""
    if fmt == "json":
        return to_json(worksheet).encode("utf-8")
    if fmt == "csv":
        return to_csv(worksheet).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
