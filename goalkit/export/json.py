"""JSON export: the worksheet file format itself."""

from __future__ import annotations

from ..fileformat import dumps
from ..model import Worksheet

__all__ = ["to_json"]


def to_json(worksheet: Worksheet) -> str:
    """The worksheet as validated, versioned JSON (what :func:`goalkit.fileformat.load` reads)."""
    return dumps(worksheet)
