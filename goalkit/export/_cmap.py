"""Which characters a font file can show: its ``cmap`` table, read with the standard library.

Typst falls back from font to font by itself; goalkit only needs to know, before compiling,
which characters of a document no font at hand covers, so that the export can name them instead
of failing (PDF/UA-1 refuses a character drawn without a glyph). Only the table of character
codes is read (subtable formats 4 and 12, the Unicode ones), from TrueType and OpenType files
and from font collections (``.ttc``, the first font).
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

__all__ = ["coverage"]


def _table(data: bytes, base: int, tag: bytes) -> tuple[int, int] | None:
    (count,) = struct.unpack_from(">H", data, base + 4)
    for i in range(count):
        name, _sum, offset, length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
        if name == tag:
            return offset, length
    return None


def _format4(data: bytes, at: int) -> set[int]:
    segs = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segs}H", data, at + 14)
    starts = struct.unpack_from(f">{segs}H", data, at + 16 + 2 * segs)
    deltas = struct.unpack_from(f">{segs}h", data, at + 16 + 4 * segs)
    ranges_at = at + 16 + 6 * segs
    offsets = struct.unpack_from(f">{segs}H", data, ranges_at)
    out: set[int] = set()
    segments = zip(starts, ends, deltas, offsets, strict=True)
    for i, (start, end, delta, offset) in enumerate(segments):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = ranges_at + 2 * i + offset + 2 * (code - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                out.add(code)
    return out


def _format12(data: bytes, at: int) -> set[int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    out: set[int] = set()
    for i in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        out.update(range(start + (glyph == 0), end + 1))
    return out


@cache
def coverage(path: Path) -> frozenset[int]:
    """The code points ``path`` maps to a glyph (empty when the file cannot be read)."""
    try:
        data = path.read_bytes()
        base = struct.unpack_from(">I", data, 12)[0] if data[:4] == b"ttcf" else 0
        found = _table(data, base, b"cmap")
        if found is None:
            return frozenset()
        at = found[0]
        (count,) = struct.unpack_from(">H", data, at + 2)
        best: tuple[int, int] | None = None  # (format, offset): format 12 covers more
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, at + 4 + 8 * i)
            if (platform, encoding) not in ((0, 3), (0, 4), (3, 1), (3, 10), (0, 6)):
                continue
            fmt = struct.unpack_from(">H", data, at + offset)[0]
            if fmt in (4, 12) and (best is None or fmt > best[0]):
                best = (fmt, at + offset)
        if best is None:
            return frozenset()
        return frozenset(_format12(data, best[1]) if best[0] == 12 else _format4(data, best[1]))
    except (OSError, struct.error):
        return frozenset()
