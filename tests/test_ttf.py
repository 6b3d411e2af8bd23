"""The stdlib TrueType reader and subsetter behind the PDF writer, cross-checked with fontTools."""

from __future__ import annotations

import functools
import io
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont

from goalkit.export import _ttf
from goalkit.export._ttf import TrueTypeFont, dejavu_sans, load

SAMPLE = (
    "AZaz09 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    "\u00a0¡¢£§©«®°±²µ¶·»¼½¿ÀÁÅÆÇÈÉÑÖ×ØÜßàáåæçèéñö÷øüÿ"
    "€–—‘’“”•…"
    "αβγδλμπσωΑΒΓΔΩ"
    "АБВГДЖЯабвгджя"
)
SUBSET_TABLES = "OS/2,cvt ,fpgm,glyf,head,hhea,hmtx,loca,maxp,name,post,prep"
FACES = {
    (False, False): ("DejaVuSans", False, False, 0.0),
    (True, False): ("DejaVuSans-Bold", True, False, 0.0),
    (False, True): ("DejaVuSans-Oblique", False, True, -11.0),
    (True, True): ("DejaVuSans-BoldOblique", True, True, -11.0),
}


def dejavu_path(name: str = "DejaVuSans.ttf") -> Path:
    import matplotlib

    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / name


@pytest.fixture(scope="module")
def font() -> TrueTypeFont:
    return dejavu_sans()


@pytest.fixture(scope="module")
def reference() -> TTFont:
    return TTFont(dejavu_path())


def open_checked(data: bytes) -> TTFont:
    """``data`` as a fontTools font whose every table has been read with checksums enforced."""
    tt = TTFont(io.BytesIO(data), checkChecksums=2)
    for tag in tt.reader.tables:
        tt.reader[tag]  # raises AssertionError on a bad checksum
    return tt


def glyph_offsets(tt: TTFont) -> list[int]:
    return list(tt["loca"].locations)


def drawn(tt: TTFont) -> set[int]:
    """Glyph ids with outline data (non-empty in loca)."""
    loca = glyph_offsets(tt)
    return {g for g in range(len(loca) - 1) if loca[g + 1] > loca[g]}


def with_components(tt: TTFont, gids: set[int]) -> set[int]:
    """``gids`` and, recursively, the components of composite glyphs among them (fontTools)."""
    glyf, order = tt["glyf"], tt.getGlyphOrder()
    out, todo = set(), list(gids)
    while todo:
        gid = todo.pop()
        if gid not in out:
            out.add(gid)
            glyph = glyf[order[gid]]
            if glyph.isComposite():
                todo += [tt.getGlyphID(c.glyphName) for c in glyph.components]
    return out


@functools.cache
def small_short_loca_font() -> bytes:
    """A small font with short loca offsets (fontTools' own subset of DejaVu Sans, ASCII)."""
    tt = TTFont(dejavu_path())
    options = ft_subset.Options()
    options.layout_features = []
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text="ABCÅÉabcéåä0123 .,")
    subsetter.subset(tt)
    out = io.BytesIO()
    tt.save(out)
    data = out.getvalue()
    assert TTFont(io.BytesIO(data))["head"].indexToLocFormat == 0
    return data


# Reading ---------------------------------------------------------------------------------------


def test_glyph_ids_match_fonttools(font: TrueTypeFont, reference: TTFont) -> None:
    cmap, order = reference.getBestCmap(), reference.getGlyphOrder()
    for ch in SAMPLE:
        assert ord(ch) in cmap, ch
        assert font.glyph_id(ch) == order.index(cmap[ord(ch)]), ch
        assert font.has(ch)


def test_whole_cmap_matches_fonttools(font: TrueTypeFont, reference: TTFont) -> None:
    index = {name: gid for gid, name in enumerate(reference.getGlyphOrder())}
    for code, name in reference.getBestCmap().items():
        assert font.glyph_id(chr(code)) == index[name], hex(code)


def test_missing_character_is_notdef(font: TrueTypeFont) -> None:
    assert not font.has("中")
    assert font.glyph_id("中") == 0
    assert font.text_width("中", 10) == font.advance(0) * 10 / font.units_per_em


def test_advances_match_hmtx(font: TrueTypeFont, reference: TTFont) -> None:
    hmtx, order = reference["hmtx"], reference.getGlyphOrder()
    # DejaVu Sans has fewer long metrics than glyphs, so the last advance repeats at the end.
    assert reference["hhea"].numberOfHMetrics < len(order)
    assert [font.advance(gid) for gid in range(len(order))] == [hmtx[n][0] for n in order]
    with pytest.raises(IndexError):
        font.advance(len(order))
    with pytest.raises(IndexError):
        font.advance(-1)


def test_text_width_sums_advances(font: TrueTypeFont) -> None:
    text = "Walk 2 km, café – €5"
    units = sum(font.advance(font.glyph_id(ch)) for ch in text)
    assert font.text_width(text, 12) == pytest.approx(units * 12 / font.units_per_em)
    assert font.text_width("", 12) == 0


def test_metrics_match_fonttools(font: TrueTypeFont, reference: TTFont) -> None:
    head, hhea, os2 = reference["head"], reference["hhea"], reference["OS/2"]
    assert font.postscript_name == "DejaVuSans"
    assert font.units_per_em == head.unitsPerEm == 2048
    assert font.num_glyphs == reference["maxp"].numGlyphs
    assert (font.ascent, font.descent) == (hhea.ascent, hhea.descent)
    assert font.descent < 0
    assert font.bbox == (head.xMin, head.yMin, head.xMax, head.yMax)
    assert font.italic_angle == reference["post"].italicAngle
    # DejaVu's OS/2 table is version 1: no sCapHeight, so 70 % of the ascent.
    assert os2.version < 2
    assert font.cap_height == round(0.7 * hhea.ascent)
    assert font.flags == 32


@pytest.mark.parametrize(("bold", "italic"), list(FACES))
def test_all_four_faces(bold: bool, italic: bool) -> None:
    name, is_bold, is_italic, angle = FACES[bold, italic]
    face = dejavu_sans(bold=bold, italic=italic)
    assert (face.postscript_name, face.bold, face.italic, face.italic_angle) == (
        name,
        is_bold,
        is_italic,
        angle,
    )
    assert face.flags == (96 if italic else 32)
    assert face.glyph_id("é") and face.has("€")
    reference = TTFont(dejavu_path(f"{name}.ttf"))
    head = reference["head"]
    assert face.bbox == (head.xMin, head.yMin, head.xMax, head.yMax)
    assert (face.ascent, face.descent) == (reference["hhea"].ascent, reference["hhea"].descent)


def test_load_is_cached_on_the_resolved_path(font: TrueTypeFont) -> None:
    path = dejavu_path()
    assert load(path) is load(str(path)) is font
    assert load(path.parent / ".." / "ttf" / path.name) is font
    assert dejavu_sans() is font


def test_dejavu_sans_does_not_import_matplotlib() -> None:
    code = (
        "import sys\n"
        "from goalkit.export._ttf import dejavu_sans\n"
        "dejavu_sans(bold=True)\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])


def test_dejavu_sans_missing_matplotlib_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ttf.importlib.util, "find_spec", lambda name: None)
    _ttf.dejavu_sans.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"DejaVuSans\.ttf not found.*matplotlib"):
            dejavu_sans()
    finally:
        monkeypatch.undo()
        _ttf.dejavu_sans.cache_clear()


def test_short_loca_font_reads_like_fonttools() -> None:
    data = small_short_loca_font()
    font, reference = TrueTypeFont.from_bytes(data), TTFont(io.BytesIO(data))
    order = reference.getGlyphOrder()
    for code, name in reference.getBestCmap().items():
        assert font.glyph_id(chr(code)) == order.index(name)
        assert font.advance(font.glyph_id(chr(code))) == reference["hmtx"][name][0]
    assert not font.has("z")


# Subsetting ------------------------------------------------------------------------------------


def test_subset_is_a_valid_smaller_font(font: TrueTypeFont, reference: TTFont) -> None:
    text = "Walk to the shop, café – “SMART” goals… €5 αβγ Дж"
    gids = {font.glyph_id(ch) for ch in text}
    data = font.subset(gids)
    sub = open_checked(data)

    assert data[:4] == b"\x00\x01\x00\x00"
    assert set(sub.reader.keys()) == set(SUBSET_TABLES.split(","))
    assert sub["maxp"].numGlyphs == reference["maxp"].numGlyphs
    assert sub.reader["hmtx"] == reference.reader["hmtx"]
    assert sub["post"].formatType == 3.0 and len(sub.reader["post"]) == 32
    assert sub["post"].italicAngle == reference["post"].italicAngle
    assert len(data) < len(dejavu_path().read_bytes()) / 5

    kept = drawn(sub)
    assert kept == with_components(reference, gids | {0}) & drawn(reference)  # no space outline
    assert with_components(reference, gids) > gids  # "é" pulled in "e" and "acute"
    assert font.glyph_id(" ") in gids and font.glyph_id(" ") not in kept
    old, new = reference["glyf"], sub["glyf"]
    old_order, new_order = reference.getGlyphOrder(), sub.getGlyphOrder()
    for gid in kept:
        before, after = old[old_order[gid]], new[new_order[gid]]
        assert after.numberOfContours == before.numberOfContours
        coords_before, ends_before, flags_before = before.getCoordinates(old)
        coords_after, ends_after, flags_after = after.getCoordinates(new)
        assert list(coords_after) == list(coords_before)
        assert (ends_after, list(flags_after)) == (ends_before, list(flags_before))
    for gid in set(range(sub["maxp"].numGlyphs)) - kept:
        assert new[new_order[gid]].numberOfContours == 0


def test_subset_file_structure(font: TrueTypeFont) -> None:
    data = font.subset([font.glyph_id(ch) for ch in "Hello"])
    version, num_tables, search_range, entry_selector, range_shift = struct.unpack_from(
        ">LHHHH", data
    )
    assert (version, num_tables) == (0x00010000, 12)
    assert (search_range, entry_selector, range_shift) == (128, 3, 64)
    entries = [struct.unpack_from(">4sLLL", data, 12 + 16 * i) for i in range(num_tables)]
    assert [e[0] for e in entries] == sorted(e[0] for e in entries)
    head_at = 0
    for tag, checksum, offset, length in entries:
        assert offset % 4 == 0
        table = data[offset : offset + length]
        if tag == b"head":
            head_at = offset
            table = table[:8] + b"\0\0\0\0" + table[12:]
        assert checksum == _ttf._checksum(table), tag
    assert len(data) % 4 == 0
    adjustment = struct.unpack_from(">L", data, head_at + 8)[0]
    zeroed = data[: head_at + 8] + b"\0\0\0\0" + data[head_at + 12 :]
    assert (_ttf._checksum(zeroed) + adjustment) & 0xFFFFFFFF == 0xB1B0AFBA


def test_checksum_check_catches_damage(font: TrueTypeFont) -> None:
    """The fontTools check above is live: one changed byte in a table fails it."""
    data = bytearray(font.subset([font.glyph_id("x")]))
    offset = next(
        struct.unpack_from(">L", data, 12 + 16 * i + 8)[0]
        for i in range(12)
        if data[12 + 16 * i : 16 + 16 * i] == b"glyf"
    )
    data[offset + 20] ^= 0xFF
    with pytest.raises(AssertionError, match="bad checksum for 'glyf'"):
        open_checked(bytes(data))


@pytest.mark.parametrize("ch", ["é", "Ä", "ñ"])
def test_composite_glyph_keeps_its_components(
    font: TrueTypeFont, reference: TTFont, ch: str
) -> None:
    name = reference.getBestCmap()[ord(ch)]
    glyph = reference["glyf"][name]
    assert glyph.isComposite()
    components = {reference.getGlyphID(c.glyphName) for c in glyph.components}
    sub = open_checked(font.subset([font.glyph_id(ch)]))
    assert drawn(sub) == {0, font.glyph_id(ch)} | components
    new = sub["glyf"]
    after = new[sub.getGlyphOrder()[font.glyph_id(ch)]]
    assert after.isComposite()
    assert list(after.getCoordinates(new)[0]) == list(glyph.getCoordinates(reference["glyf"])[0])


def test_subset_of_nothing_keeps_notdef(font: TrueTypeFont) -> None:
    sub = open_checked(font.subset([]))
    assert drawn(sub) == {0}


def test_subset_rejects_glyph_ids_out_of_range(font: TrueTypeFont) -> None:
    with pytest.raises(ValueError, match="out of range"):
        font.subset([font.num_glyphs])
    with pytest.raises(ValueError, match="out of range"):
        font.subset([-1])


def test_subset_keeps_short_loca_when_it_fits() -> None:
    font = TrueTypeFont.from_bytes(small_short_loca_font())
    gids = [font.glyph_id(ch) for ch in "Aé"]
    sub = open_checked(font.subset(gids))
    assert sub["head"].indexToLocFormat == 0
    assert drawn(sub) >= set(gids)  # and their components; fontTools left .notdef empty
    assert sub["glyf"][sub.getGlyphOrder()[gids[1]]].isComposite()


def test_subset_switches_to_long_loca_when_short_overflows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    font = TrueTypeFont.from_bytes(small_short_loca_font())
    monkeypatch.setattr(_ttf, "_SHORT_LOCA_MAX", 100)
    gids = [font.glyph_id(ch) for ch in "ABC"]
    data = font.subset(gids)
    sub = open_checked(data)
    assert sub["head"].indexToLocFormat == 1
    original = TTFont(io.BytesIO(small_short_loca_font()))
    for gid in gids:
        name = original.getGlyphOrder()[gid]
        before = original["glyf"][name].getCoordinates(original["glyf"])[0]
        after = sub["glyf"][sub.getGlyphOrder()[gid]].getCoordinates(sub["glyf"])[0]
        assert list(after) == list(before)


def test_subset_of_a_subset_loads_again(font: TrueTypeFont) -> None:
    """The subset has no cmap, so it is not loadable as a font for text; but it keeps working
    as a font file: fontTools can re-save it unchanged in meaning."""
    data = font.subset([font.glyph_id("a")])
    sub = open_checked(data)
    out = io.BytesIO()
    sub.save(out)
    assert TTFont(io.BytesIO(out.getvalue()))["maxp"].numGlyphs == font.num_glyphs


# Malformed input -------------------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0, 4, 11, 12, 40, 300, 50_000, 400_000, 700_000, -1])
def test_truncated_font_is_a_value_error(keep: int) -> None:
    data = dejavu_path().read_bytes()
    with pytest.raises(ValueError, match=r"truncated|too short|runs past|missing"):
        TrueTypeFont.from_bytes(data[:keep])


def test_truncated_file_on_disk_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttf"
    path.write_bytes(dejavu_path().read_bytes()[:1000])
    with pytest.raises(ValueError, match=r"broken\.ttf"):
        load(path)


def rename_table(data: bytes, old: bytes, new: bytes) -> bytes:
    num_tables = struct.unpack_from(">H", data, 4)[0]
    out = bytearray(data)
    for i in range(num_tables):
        at = 12 + 16 * i
        if out[at : at + 4] == old:
            out[at : at + 4] = new
    return bytes(out)


@pytest.mark.parametrize("tag", [b"cmap", b"glyf", b"loca", b"head", b"hmtx", b"name"])
def test_missing_table_is_a_value_error(tag: bytes) -> None:
    data = rename_table(dejavu_path().read_bytes(), tag, b"zzzz")
    with pytest.raises(ValueError, match=f"missing required table.*{tag.decode()}"):
        TrueTypeFont.from_bytes(data)


def test_other_font_kinds_are_value_errors() -> None:
    data = dejavu_path().read_bytes()
    with pytest.raises(ValueError, match="CFF"):
        TrueTypeFont.from_bytes(b"OTTO" + data[4:])
    with pytest.raises(ValueError, match="collections"):
        TrueTypeFont.from_bytes(b"ttcf" + data[4:])
    with pytest.raises(ValueError, match="not a TrueType"):
        TrueTypeFont.from_bytes(b"%PDF-1.7\n" + data)


def test_corrupted_fonts_raise_only_value_error() -> None:
    """Random byte damage either still parses and subsets, or raises ValueError: never
    struct.error, IndexError or a hang."""
    base = small_short_loca_font()
    rng = random.Random(20240601)
    failures = 0
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(min(len(data), 2000) if rng.random() < 0.7 else len(data))
            data[at] = rng.randrange(256)
        try:
            font = TrueTypeFont.from_bytes(bytes(data))
            font.text_width("Abc é", 10)
            font.subset(range(font.num_glyphs))
        except ValueError:
            failures += 1
    assert failures  # the damage did hit something
