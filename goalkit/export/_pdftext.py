"""Text for goalkit's PDF engine: styles, widths in DejaVu Sans, HTML white-space collapsing
and greedy line breaking. Text the engine cannot draw faithfully (characters DejaVu Sans lacks,
right-to-left scripts, combining marks, invisible format characters) raises
:class:`Unsupported`, and the caller hands the document to WeasyPrint.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from ._ttf import TrueTypeFont, dejavu_sans

__all__ = [
    "GREY",
    "RGB",
    "TEXT",
    "Piece",
    "Style",
    "Unsupported",
    "face",
    "hex_colour",
    "width",
    "words",
    "wrap",
]

RGB = tuple[float, float, float]


def hex_colour(colour: str) -> RGB:
    """``#rrggbb`` as an RGB triple of 0..1 floats."""
    return (int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255)


TEXT, GREY = hex_colour("#111111"), hex_colour("#444444")


class Unsupported(Exception):
    """The document holds something this engine does not draw faithfully."""


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    italic: bool = False
    colour: RGB = TEXT

    def but(self, **changes: object) -> Style:
        return replace(self, **changes)  # type: ignore[arg-type]


Piece = tuple[str, Style]
_NEEDS_SHAPING = {"Mn", "Mc", "Me", "Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp"}
_NOT_LTR = {"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def face(style: Style) -> TrueTypeFont:
    return dejavu_sans(bold=style.bold, italic=style.italic)


@cache
def _drawable(ch: str, bold: bool, italic: bool) -> bool:
    return (
        unicodedata.category(ch) not in _NEEDS_SHAPING
        and unicodedata.bidirectional(ch) not in _NOT_LTR
        and dejavu_sans(bold=bold, italic=italic).has(ch)
    )


def width(text: str, style: Style) -> float:
    """Width of ``text`` in points; :class:`Unsupported` for a character this engine cannot
    draw faithfully."""
    for ch in text:
        if not _drawable(ch, style.bold, style.italic):
            raise Unsupported(f"character U+{ord(ch):04X} needs shaping or another font")
    return face(style).text_width(text, style.size)


_SPACE = re.compile(r"[ \t\n\r\f]+")
_PARTS = re.compile(r"([ \t\n\r\f]+)")


def words(pieces: list[Piece]) -> list[tuple[list[Piece], Style | None]]:
    """HTML white-space collapsing: unbreakable words (pieces across style changes), each with
    the style of the space after it (None after the last)."""
    out: list[tuple[list[Piece], Style | None]] = []
    current: list[Piece] = []
    for text, style in pieces:
        for part in _PARTS.split(text):
            if not part:
                continue
            if _SPACE.fullmatch(part):
                if current:  # a space ends the word; spaces before the first word vanish
                    out.append((current, style))
                    current = []
            else:
                current.append((part, style))
    if current:
        out.append((current, None))
    if out:
        out[-1] = (out[-1][0], None)
    return out


def _split_long(word: list[Piece], limit: float) -> list[list[Piece]]:
    """A word wider than the line, cut between characters."""
    chunks: list[list[Piece]] = [[]]
    used = 0.0
    for text, style in word:
        start = 0
        for i, ch in enumerate(text):
            w = width(ch, style)
            if used + w > limit and (used > 0 or i > start):
                if i > start:
                    chunks[-1].append((text[start:i], style))
                chunks.append([])
                used, start = 0.0, i
            used += w
        if start < len(text):
            chunks[-1].append((text[start:], style))
    return [c for c in chunks if c]


def wrap(pieces: list[Piece], limit: float) -> list[list[Piece]]:
    """Greedy line breaking at spaces; each line a list of same-style pieces."""
    lines: list[list[Piece]] = []
    line: list[Piece] = []
    used = 0.0
    space_after: Style | None = None
    for word, space in words(pieces):
        w = sum(width(t, s) for t, s in word)
        gap = width(" ", space_after) if (line and space_after) else 0.0
        if line and used + gap + w > limit:
            if space_after:  # the space at the break stays, hanging past the edge, so that
                line.append((" ", space_after))  # copied or read-out text keeps its words apart
            lines.append(line)
            line, used, gap = [], 0.0, 0.0
        if w > limit:  # the line is empty here: the check above flushed it
            *full, last = _split_long(word, limit)
            lines.extend(full)
            word, w = last, sum(width(t, s) for t, s in last)
        if gap and space_after:
            line.append((" ", space_after))
        line.extend(word)
        used += gap + w
        space_after = space
    if line:
        lines.append(line)
    return [_merge(line) for line in lines]


def _merge(line: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for text, style in line:
        if merged and merged[-1][1] == style:
            merged[-1] = (merged[-1][0] + text, style)
        else:
            merged.append((text, style))
    return merged
