"""JSON export: the worksheet file format itself."""

from __future__ import annotations

from ..fileformat import dumps
from ..model import Worksheet

__all__ = ["to_json"]


def to_json(worksheet: Worksheet, *, deidentify: bool = False) -> str:
    """The worksheet as validated, versioned JSON (what :func:`goalkit.fileformat.load` reads);
    ``deidentify=True`` leaves out what :data:`goalkit.export.deidentify.DROPPED` lists."""
    if deidentify:
        from .deidentify import deidentify as strip

        worksheet = strip(worksheet)
    return dumps(worksheet)
