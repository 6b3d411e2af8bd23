"""A small TrueType reader and subsetter for the PDF writer, standard library only.

The PDF writer embeds DejaVu Sans as CIDFontType2 fonts with ``/CIDToGIDMap /Identity``, so it
needs, per face: the glyph id of each character, advance widths, the FontDescriptor metrics,
and a font file holding just the glyphs used. :meth:`TrueTypeFont.subset` keeps glyph ids as
they are (unused glyphs are emptied, not removed), so CID = GID still holds.

>>> font = dejavu_sans()
>>> font.postscript_name, font.units_per_em
('DejaVuSans', 2048)
>>> gid = font.glyph_id("A")
>>> font.advance(gid), font.text_width("AA", 10)
(1401, 13.681640625)
>>> font.has("中"), font.glyph_id("中")
(False, 0)
"""

from __future__ import annotations

import functools
import importlib.util
import os
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from pathlib import Path

__all__ = ["TrueTypeFont", "dejavu_sans", "load"]

_REQUIRED = ("cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post")
# What a subset keeps: the required tables but cmap (a PDF maps CID = GID), OS/2 and hinting.
_SUBSET_TABLES = frozenset(_REQUIRED) - {"cmap"} | {"OS/2", "cvt ", "fpgm", "prep"}
_MIN_SIZE = {"head": 54, "hhea": 36, "maxp": 6, "post": 32}
_SHORT_LOCA_MAX = 0x1FFFE  # largest glyf offset a short (uint16 * 2) loca can hold
_CHECKSUM_MAGIC = 0xB1B0AFBA
_MAX_UNICODE = 0x10FFFF

# Composite glyph component flags (glyf table).
_ARG_1_AND_2_ARE_WORDS = 0x0001
_WE_HAVE_A_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
_WE_HAVE_A_TWO_BY_TWO = 0x0080

_DEJAVU = {
    (False, False): "DejaVuSans.ttf",
    (True, False): "DejaVuSans-Bold.ttf",
    (False, True): "DejaVuSans-Oblique.ttf",
    (True, True): "DejaVuSans-BoldOblique.ttf",
}


@dataclass(frozen=True, slots=True, eq=False)
class TrueTypeFont:
    """One parsed TrueType face: metrics for a PDF FontDescriptor, character to glyph lookup,
    advance widths and :meth:`subset`. Build one with :func:`load` or :meth:`from_bytes`.

    All lengths are in font units (:attr:`units_per_em` to the em) except :meth:`text_width`.
    """

    postscript_name: str
    """``name`` table name ID 6, e.g. ``DejaVuSans-Bold``."""
    units_per_em: int
    ascent: int
    """``hhea`` ascender."""
    descent: int
    """``hhea`` descender (negative)."""
    cap_height: int
    """``OS/2`` sCapHeight (table version 2 and later), else 70 % of :attr:`ascent`."""
    bbox: tuple[int, int, int, int]
    """``head`` xMin, yMin, xMax, yMax."""
    italic_angle: float
    """``post`` italicAngle in degrees (counter-clockwise from vertical; negative leans right)."""
    bold: bool
    italic: bool
    flags: int
    """PDF FontDescriptor ``/Flags``: 32 nonsymbolic, +64 italic, +1 fixed pitch."""
    num_glyphs: int
    """``maxp`` numGlyphs: valid glyph ids are ``0 .. num_glyphs - 1``."""
    _cmap: Mapping[int, int] = field(repr=False)
    _advances: tuple[int, ...] = field(repr=False)
    _loca: tuple[int, ...] = field(repr=False)
    _long_loca: bool = field(repr=False)
    _tables: Mapping[str, bytes] = field(repr=False)

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "font") -> TrueTypeFont:
        """Parse a TrueType file's bytes; ``source`` names it in error messages.

        Raises :class:`ValueError` for anything that is not a well-formed TrueType (glyf) font.
        """
        try:
            return cls._parse(bytes(data))
        except ValueError as exc:
            raise ValueError(f"{source}: {exc}") from exc
        except (struct.error, IndexError) as exc:
            raise ValueError(f"{source}: truncated or malformed TrueType data ({exc})") from exc

    @classmethod
    def _parse(cls, data: bytes) -> TrueTypeFont:
        tables = _table_directory(data)
        head, hhea, maxp = tables["head"], tables["hhea"], tables["maxp"]
        post, os2 = tables["post"], tables.get("OS/2", b"")

        units_per_em = struct.unpack_from(">H", head, 18)[0]
        x_min, y_min, x_max, y_max, mac_style = struct.unpack_from(">4hH", head, 36)
        long_loca = struct.unpack_from(">h", head, 50)[0] != 0
        ascent, descent = struct.unpack_from(">hh", hhea, 4)
        num_hmetrics = struct.unpack_from(">H", hhea, 34)[0]
        num_glyphs = struct.unpack_from(">H", maxp, 4)[0]
        italic_angle = struct.unpack_from(">l", post, 4)[0] / 65536
        fixed_pitch = struct.unpack_from(">L", post, 12)[0] != 0
        if not units_per_em:
            raise ValueError("head.unitsPerEm is 0")
        if not num_glyphs:
            raise ValueError("maxp.numGlyphs is 0 (no .notdef glyph)")
        if not num_hmetrics:
            raise ValueError("hhea.numberOfHMetrics is 0")

        os2_version = struct.unpack_from(">H", os2, 0)[0] if len(os2) >= 2 else 0
        fs_selection = struct.unpack_from(">H", os2, 62)[0] if len(os2) >= 64 else 0
        if os2_version >= 2 and len(os2) >= 90:
            cap_height = struct.unpack_from(">h", os2, 88)[0]
        else:
            cap_height = round(ascent * 0.7)
        bold = bool(mac_style & 0x01 or fs_selection & 0x20)
        italic = bool(mac_style & 0x02 or fs_selection & 0x01)

        return cls(
            postscript_name=_postscript_name(tables["name"]),
            units_per_em=units_per_em,
            ascent=ascent,
            descent=descent,
            cap_height=cap_height,
            bbox=(x_min, y_min, x_max, y_max),
            italic_angle=italic_angle,
            bold=bold,
            italic=italic,
            flags=32 | (64 if italic else 0) | (1 if fixed_pitch else 0),
            num_glyphs=num_glyphs,
            _cmap=_parse_cmap(tables["cmap"], num_glyphs),
            _advances=_parse_hmtx(tables["hmtx"], num_hmetrics, num_glyphs),
            _loca=_parse_loca(tables["loca"], num_glyphs, long_loca, len(tables["glyf"])),
            _long_loca=long_loca,
            _tables={tag: tables[tag] for tag in _SUBSET_TABLES if tag in tables},
        )

    def glyph_id(self, ch: str) -> int:
        """The glyph id for the character ``ch``, 0 (.notdef) when the font has none."""
        return self._cmap.get(ord(ch), 0)

    def has(self, ch: str) -> bool:
        """Whether the font has a glyph for the character ``ch``."""
        return self._cmap.get(ord(ch), 0) != 0

    def advance(self, gid: int) -> int:
        """Advance width of glyph ``gid`` in font units (``hmtx``)."""
        if gid < 0:
            raise IndexError(f"glyph id {gid} out of range 0..{self.num_glyphs - 1}")
        return self._advances[gid]

    def text_width(self, text: str, size: float) -> float:
        """Width of ``text`` set at ``size`` points, in points: the sum of the glyphs' advances,
        no kerning. Characters the font lacks count as .notdef."""
        cmap, advances = self._cmap, self._advances
        units = sum(advances[cmap.get(ord(ch), 0)] for ch in text)
        return units * size / self.units_per_em

    def subset(self, gids: Iterable[int]) -> bytes:
        """A TrueType file with only glyph 0 and ``gids`` (and their components) drawn.

        Glyph ids and numGlyphs are unchanged: every other glyph is left empty, so a PDF can
        keep ``/CIDToGIDMap /Identity``. The file has no ``cmap``; ``post`` becomes format 3.
        Raises :class:`ValueError` for a glyph id out of range or malformed glyph data.
        """
        keep = self._closure(gids)
        glyf, loca = self._tables["glyf"], self._loca
        lengths = [0] * self.num_glyphs
        pieces: list[bytes] = []
        for gid in sorted(keep):
            start, end = loca[gid], loca[gid + 1]
            if end > start:
                pad = -(end - start) % 4
                pieces.append(glyf[start:end] + b"\0" * pad if pad else glyf[start:end])
                lengths[gid] = end - start + pad
        offsets = [0, *accumulate(lengths)]
        long_loca = self._long_loca or offsets[-1] > _SHORT_LOCA_MAX
        if long_loca:
            new_loca = struct.pack(f">{len(offsets)}L", *offsets)
        else:
            new_loca = struct.pack(f">{len(offsets)}H", *(o >> 1 for o in offsets))

        head = bytearray(self._tables["head"])
        struct.pack_into(">L", head, 8, 0)  # checkSumAdjustment, set once the file is whole
        struct.pack_into(">h", head, 50, 1 if long_loca else 0)
        tables = dict(self._tables)
        tables.update(
            head=bytes(head),
            glyf=b"".join(pieces),
            loca=new_loca,
            post=b"\x00\x03\x00\x00" + self._tables["post"][4:32],
        )
        return _write_sfnt(tables)

    def _closure(self, gids: Iterable[int]) -> set[int]:
        """Glyph 0, ``gids`` and, recursively, the components of composite glyphs among them."""
        keep: set[int] = set()
        todo = [0, *gids]
        while todo:
            gid = todo.pop()
            if gid in keep:
                continue
            if not 0 <= gid < self.num_glyphs:
                raise ValueError(f"glyph id {gid} out of range 0..{self.num_glyphs - 1}")
            keep.add(gid)
            todo.extend(self._components(gid))
        return keep

    def _components(self, gid: int) -> list[int]:
        """Glyph ids a composite glyph refers to ([] for a simple or empty glyph)."""
        glyf = self._tables["glyf"]
        start, end = self._loca[gid], self._loca[gid + 1]
        if end == start:
            return []
        if end - start < 10:
            raise ValueError(f"glyph {gid}: {end - start} bytes is shorter than a glyph header")
        if struct.unpack_from(">h", glyf, start)[0] >= 0:
            return []
        out: list[int] = []
        pos, flags = start + 10, _MORE_COMPONENTS
        while flags & _MORE_COMPONENTS:
            if pos + 4 > end:
                raise ValueError(f"glyph {gid}: composite glyph data is truncated")
            flags, component = struct.unpack_from(">HH", glyf, pos)
            if component >= self.num_glyphs:
                raise ValueError(f"glyph {gid}: component glyph id {component} is out of range")
            out.append(component)
            pos += 4 + (4 if flags & _ARG_1_AND_2_ARE_WORDS else 2)
            if flags & _WE_HAVE_A_SCALE:
                pos += 2
            elif flags & _WE_HAVE_AN_X_AND_Y_SCALE:
                pos += 4
            elif flags & _WE_HAVE_A_TWO_BY_TWO:
                pos += 8
        if pos > end:
            raise ValueError(f"glyph {gid}: composite glyph data is truncated")
        return out


def _table_directory(data: bytes) -> dict[str, bytes]:
    """The font's tables by tag, checked to lie inside ``data``; the required ones present."""
    if len(data) < 12:
        raise ValueError(f"{len(data)} bytes is too short for a TrueType file")
    version, num_tables = struct.unpack_from(">4sH", data, 0)
    if version == b"OTTO":
        raise ValueError("OpenType fonts with CFF outlines are not supported, only TrueType")
    if version == b"ttcf":
        raise ValueError("TrueType collections (.ttc) are not supported")
    if version not in (b"\x00\x01\x00\x00", b"true"):
        raise ValueError(f"not a TrueType file (sfnt version {version!r})")
    if 12 + 16 * num_tables > len(data):
        raise ValueError("truncated table directory")
    tables: dict[str, bytes] = {}
    for i in range(num_tables):
        raw_tag, _checksum, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * i)
        tag = raw_tag.decode("latin-1")
        if offset + length > len(data):
            raise ValueError(f"table {tag!r} runs past the end of the file (truncated?)")
        tables[tag] = data[offset : offset + length]
    missing = [tag for tag in _REQUIRED if tag not in tables]
    if missing:
        raise ValueError(f"missing required table(s): {', '.join(missing)}")
    for tag, size in _MIN_SIZE.items():
        if len(tables[tag]) < size:
            raise ValueError(f"table {tag!r} is {len(tables[tag])} bytes, expected {size}+")
    return tables


def _postscript_name(name: bytes) -> str:
    """Name ID 6 from the ``name`` table: Windows (platform 3) first, then Mac Roman."""
    _format, count, string_offset = struct.unpack_from(">3H", name, 0)
    best: tuple[int, str] | None = None
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(
            ">6H", name, 6 + 12 * i
        )
        if name_id != 6:
            continue
        start = string_offset + offset
        raw = name[start : start + length]
        if len(raw) != length:
            raise ValueError("name table string runs past the end of the table")
        if platform in (0, 3):
            rank = 0 if (platform, language) == (3, 0x409) else 1 if platform == 3 else 2
            text = raw.decode("utf-16-be", errors="replace")
        elif platform == 1 and encoding == 0:
            rank, text = 3, raw.decode("mac_roman")
        else:
            continue
        if text.strip() and (best is None or rank < best[0]):
            best = (rank, text.strip())
    if best is None:
        raise ValueError("name table has no PostScript name (name ID 6)")
    return best[1]


def _parse_cmap(cmap: bytes, num_glyphs: int) -> dict[int, int]:
    """Code point → glyph id from the best Unicode subtable (3/10, then 3/1, then 0/x)."""
    _version, count = struct.unpack_from(">HH", cmap, 0)
    candidates: list[tuple[tuple[int, int], int]] = []
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", cmap, 4 + 8 * i)
        if (platform, encoding) == (3, 10):
            rank = (0, 0)
        elif (platform, encoding) == (3, 1):
            rank = (1, 0)
        elif platform == 0:
            rank = (2, -encoding)  # 0/4 (full Unicode) before 0/3 (BMP)
        else:
            continue
        candidates.append((rank, offset))
    for _rank, offset in sorted(candidates):
        fmt = struct.unpack_from(">H", cmap, offset)[0]
        if fmt == 4:
            return _cmap_format4(cmap, offset, num_glyphs)
        if fmt == 12:
            return _cmap_format12(cmap, offset, num_glyphs)
    raise ValueError("no Unicode cmap subtable in format 4 or 12")


def _cmap_format4(cmap: bytes, offset: int, num_glyphs: int) -> dict[int, int]:
    seg_count = struct.unpack_from(">H", cmap, offset + 6)[0] // 2
    ends = struct.unpack_from(f">{seg_count}H", cmap, offset + 14)
    starts = struct.unpack_from(f">{seg_count}H", cmap, offset + 16 + 2 * seg_count)
    deltas = struct.unpack_from(f">{seg_count}H", cmap, offset + 16 + 4 * seg_count)
    range_base = offset + 16 + 6 * seg_count
    range_offsets = struct.unpack_from(f">{seg_count}H", cmap, range_base)
    out: dict[int, int] = {}
    next_code = 0  # segments are sorted and must not overlap; this also bounds the work
    for i, (start, end, delta, range_offset) in enumerate(
        zip(starts, ends, deltas, range_offsets, strict=True)
    ):
        start = max(start, next_code)
        if start > end:
            continue
        next_code = end + 1
        codes = range(start, end + 1)
        if range_offset == 0:
            gids = [(code + delta) & 0xFFFF for code in codes]
        else:
            at = range_base + 2 * i + range_offset + 2 * (start - starts[i])
            raw = struct.unpack_from(f">{len(codes)}H", cmap, at)
            gids = [(g + delta) & 0xFFFF if g else 0 for g in raw]
        out.update((c, g) for c, g in zip(codes, gids, strict=True) if 0 < g < num_glyphs)
    return out


def _cmap_format12(cmap: bytes, offset: int, num_glyphs: int) -> dict[int, int]:
    num_groups = struct.unpack_from(">L", cmap, offset + 12)[0]
    if offset + 16 + 12 * num_groups > len(cmap):
        raise ValueError("cmap format 12 subtable is truncated")
    groups = struct.unpack_from(f">{3 * num_groups}L", cmap, offset + 16)
    out: dict[int, int] = {}
    next_code = 0  # groups are sorted and must not overlap; this also bounds the work
    for i in range(0, len(groups), 3):
        start, end, first_gid = groups[i : i + 3]
        first_gid += max(next_code - start, 0)
        start = max(start, next_code)
        end = min(end, _MAX_UNICODE, start + num_glyphs - 1 - first_gid)
        if start > end:
            continue
        next_code = end + 1
        codes = range(start, end + 1)
        out.update(zip(codes, range(first_gid, first_gid + len(codes)), strict=True))
    return out


def _parse_hmtx(hmtx: bytes, num_hmetrics: int, num_glyphs: int) -> tuple[int, ...]:
    """Advance widths of all ``num_glyphs`` glyphs; the last one repeats past the long metrics."""
    if len(hmtx) < 4 * num_hmetrics:
        raise ValueError(f"hmtx is {len(hmtx)} bytes, too short for {num_hmetrics} metrics")
    advances = struct.unpack_from(f">{2 * num_hmetrics}H", hmtx)[::2][:num_glyphs]
    return advances + advances[-1:] * (num_glyphs - len(advances))


def _parse_loca(loca: bytes, num_glyphs: int, long_format: bool, glyf_size: int) -> tuple[int, ...]:
    """Glyph offsets into ``glyf`` (``num_glyphs + 1`` of them)."""
    size = 4 if long_format else 2
    if len(loca) < size * (num_glyphs + 1):
        raise ValueError(f"loca is {len(loca)} bytes, too short for {num_glyphs} glyphs")
    if long_format:
        offsets = struct.unpack_from(f">{num_glyphs + 1}L", loca)
    else:
        offsets = tuple(2 * o for o in struct.unpack_from(f">{num_glyphs + 1}H", loca))
    if offsets[-1] > glyf_size:
        raise ValueError("loca points past the end of the glyf table")
    if any(b < a for a, b in pairwise(offsets)):
        raise ValueError("loca offsets are not in ascending order")
    return offsets


def _checksum(data: bytes) -> int:
    """TrueType table checksum: the sum of big-endian uint32 words, zero-padded, mod 2**32."""
    if len(data) % 4:
        data += b"\0" * (-len(data) % 4)
    words: tuple[int, ...] = struct.unpack(f">{len(data) // 4}L", data)
    return sum(words) & 0xFFFFFFFF


def _write_sfnt(tables: Mapping[str, bytes]) -> bytes:
    """A TrueType file of ``tables``: sorted directory, 4-byte aligned tables, checksums and
    ``head.checkSumAdjustment`` filled in (``head`` must come with that field zeroed)."""
    tags = sorted(tables)
    num_tables = len(tags)
    entry_selector = num_tables.bit_length() - 1
    search_range = 16 << entry_selector
    header = struct.pack(
        ">LHHHH",
        0x00010000,
        num_tables,
        search_range,
        entry_selector,
        16 * num_tables - search_range,
    )
    directory: list[bytes] = []
    body: list[bytes] = []
    offset = 12 + 16 * num_tables
    total = 0
    head_at = 0
    for tag in tags:
        data = tables[tag]
        checksum = _checksum(data)
        total += checksum
        directory.append(struct.pack(">4sLLL", tag.encode("latin-1"), checksum, offset, len(data)))
        if tag == "head":
            head_at = offset
        pad = -len(data) % 4
        body.append(data + b"\0" * pad if pad else data)
        offset += len(data) + pad
    font = bytearray(header + b"".join(directory))
    total += _checksum(bytes(font))  # every table is aligned and padded, so sums just add up
    font += b"".join(body)
    struct.pack_into(">L", font, head_at + 8, (_CHECKSUM_MAGIC - total) & 0xFFFFFFFF)
    return bytes(font)


def load(path: str | os.PathLike[str]) -> TrueTypeFont:
    """The TrueType font at ``path``, parsed once per process (cached on the resolved path)."""
    return _load(Path(path).resolve())


@functools.cache
def _load(path: Path) -> TrueTypeFont:
    return TrueTypeFont.from_bytes(path.read_bytes(), source=str(path))


@functools.cache
def dejavu_sans(bold: bool = False, italic: bool = False) -> TrueTypeFont:
    """DejaVu Sans (Bold, Oblique, BoldOblique) from matplotlib's bundled fonts.

    matplotlib is located, not imported. Raises :class:`FileNotFoundError` when it or the font
    file is missing.
    """
    filename = _DEJAVU[bool(bold), bool(italic)]
    spec = importlib.util.find_spec("matplotlib")
    folders: list[Path] = []
    if spec is not None:
        if spec.submodule_search_locations:
            folders += [Path(p) for p in spec.submodule_search_locations]
        elif spec.origin:
            folders.append(Path(spec.origin).parent)
    for folder in folders:
        candidate = folder / "mpl-data" / "fonts" / "ttf" / filename
        if candidate.is_file():
            return load(candidate)
    where = ", ".join(str(f) for f in folders) or "matplotlib is not installed"
    raise FileNotFoundError(
        f"{filename} not found: goalkit takes DejaVu Sans from matplotlib's mpl-data/fonts/ttf "
        f"({where})"
    )
