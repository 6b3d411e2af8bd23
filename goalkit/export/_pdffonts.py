"""Embedded fonts for goalkit's PDF engine: a TrueType subset as a CIDFontType2 font under a
Type0 font (Identity-H, glyph ids as character codes), with a ToUnicode map so that text can be
selected, copied and read aloud."""

from __future__ import annotations

import hashlib
import string
from collections.abc import Callable

from ._pdfsyntax import Name, PdfValue, Ref
from ._ttf import TrueTypeFont

__all__ = ["font_objects"]


def font_objects(font: TrueTypeFont, chars: dict[int, str], add: Callable[..., Ref]) -> Ref:
    """Write ``font`` as a Type0 font over a CIDFontType2 subset holding the glyphs in ``chars``
    (glyph id -> the text it stands for, for the ToUnicode map); returns the Type0 font's
    reference. ``add(value, stream=None)`` writes one object."""
    used = sorted(chars)
    tag = _subset_tag(font.postscript_name, used)
    base = Name(f"{tag}+{font.postscript_name}")
    data = font.subset(used)
    file_ref = add({"Length1": len(data)}, data)
    scale = 1000 / font.units_per_em
    descriptor = add(
        {
            "Type": Name("FontDescriptor"),
            "FontName": base,
            "Flags": font.flags,
            "FontBBox": [round(v * scale) for v in font.bbox],
            "ItalicAngle": font.italic_angle,
            "Ascent": round(font.ascent * scale),
            "Descent": round(font.descent * scale),
            "CapHeight": round(font.cap_height * scale),
            "StemV": 80,
            "FontFile2": file_ref,
        }
    )
    widths: list[PdfValue] = []
    for gid in used:
        widths += [gid, [round(font.advance(gid) * scale)]]
    cid_font = add(
        {
            "Type": Name("Font"),
            "Subtype": Name("CIDFontType2"),
            "BaseFont": base,
            "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
            "FontDescriptor": descriptor,
            "W": widths,
            "CIDToGIDMap": Name("Identity"),
        }
    )
    to_unicode = add({}, _to_unicode(chars))
    return add(
        {
            "Type": Name("Font"),
            "Subtype": Name("Type0"),
            "BaseFont": base,
            "Encoding": Name("Identity-H"),
            "DescendantFonts": [cid_font],
            "ToUnicode": to_unicode,
        }
    )


def _subset_tag(name: str, gids: list[int]) -> str:
    digest = hashlib.sha256((name + ",".join(map(str, gids))).encode()).digest()
    return "".join(string.ascii_uppercase[b % 26] for b in digest[:6])


def _utf16_hex(text: str) -> bytes:
    return text.encode("utf-16-be").hex().upper().encode("ascii")


def _to_unicode(chars: dict[int, str]) -> bytes:
    entries = [b"<%04X> <%s>" % (gid, _utf16_hex(ch)) for gid, ch in sorted(chars.items())]
    blocks = []
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        blocks.append(b"%d beginbfchar\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfchar")
    return b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin",
            b"12 dict begin",
            b"begincmap",
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            b"/CMapName /Adobe-Identity-UCS def",
            b"/CMapType 2 def",
            b"1 begincodespacerange",
            b"<0000> <FFFF>",
            b"endcodespacerange",
            *blocks,
            b"endcmap",
            b"CMapName currentdict /CMap defineresource pop",
            b"end",
            b"end",
        ]
    )
