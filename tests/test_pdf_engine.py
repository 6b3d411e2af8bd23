"""The worksheet PDF printed by Typst: the HTML export's text in the same order, a structure tree a
screen reader can walk (checked here with pikepdf, independently of Typst), typed text shown and
never run, every script printed or named, long text split across pages."""

from __future__ import annotations

import base64
import contextlib
import io
import itertools
import json
import re
import unicodedata
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from goalkit import cases, fileformat
from goalkit.export import _typst
from goalkit.export.html import to_html
from goalkit.export.pdf import MissingFontWarning, blank_pdf, to_pdf
from goalkit.export.view import build_view
from goalkit.model import CheckIn, Worksheet, evolve
from tests.conftest import full_worksheet, modules_loaded_by
from tests.hostile import HOSTILE, everywhere

SHEETS = {name: cases.load(name).worksheet for name in cases.names()}
SHEETS["full"] = full_worksheet()
for _key, _text in HOSTILE.items():
    if _key != "one-megabyte":
        SHEETS[f"hostile:{_key}"] = fileformat.loads(json.dumps(everywhere(_text)).encode())
NOTO = all(_typst._find(n) for n in ("NotoSansArabic-Regular.ttf", "NotoSansHebrew-Regular.ttf",
                                       "NotoSansCJK-Regular.ttc", "NotoColorEmoji.ttf"))


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


class _Text(HTMLParser):
    """The text a reader sees in the HTML export, chunk by chunk."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self.skip and squeeze(data):
            self.chunks.append(squeeze(data))


def squeeze(text: str, keep: str = "\u202c\u202d\u202e") -> str:
    """Text without white space and without the characters that draw nothing (controls,
    joiners, bidi marks, variation selectors), which text extraction may or may not give
    back; the bidi overrides stay until :func:`visual` has used them."""
    return "".join(c for c in text if c in keep or (not c.isspace() and (
        unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")
        and not "\ufe00" <= c <= "\ufe0f")))


def html_chunks(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.chunks


def page_texts(data: bytes) -> list[str]:
    """Each page's text, squeezed, without its page-number footer."""
    return [re.sub(r"page\d+$", "", squeeze(p.extract_text() or "", keep=""))
            for p in reader(data).pages]


@pytest.fixture(scope="module", params=sorted(SHEETS))
def sheet(request: pytest.FixtureRequest) -> tuple[Worksheet, bytes]:
    ws = SHEETS[request.param]
    with warnings.catch_warnings():
        warnings.simplefilter("error", _typst.NotConformingWarning)  # every case conforms
        return ws, to_pdf(ws)


_COMBINING_REPEAT = re.compile("((.)[\u0300-\u036f]+)\\1+")
_OVERRIDES = "\u202c\u202d\u202e"


def find_in_order(text: str, chunk: str, at: int) -> int:
    """Where ``chunk`` ends in ``text`` after ``at``, or -1. After a right-to-left override
    (U+202E) the PDF's text layer gives characters in display order, so from there on the
    chunk's characters are compared as a multiset over the same length."""
    cut = min((chunk.index(c) for c in _OVERRIDES if c in chunk), default=len(chunk))
    head, rest = chunk[:cut], "".join(c for c in chunk[cut:] if c not in _OVERRIDES)
    found = text.find(head, at)
    if found < 0:
        return -1
    start = found + len(head)
    if sorted(text[start:start + len(rest)]) != sorted(rest):
        return -1
    return start + len(rest)


def table_headers(ws: Worksheet) -> set[str]:
    from goalkit.export.pdfdata import worksheet_doc

    found = set()

    def walk(blocks: list[Any]) -> None:
        for b in blocks:
            if b["t"] == "table":
                found.add(squeeze("".join("".join(x for x in h if isinstance(x, str))
                                          for h in b["head"])))
            walk(b.get("c", []) if isinstance(b.get("c"), list) and b["t"] == "section" else [])

    walk(worksheet_doc(ws)["doc"])
    return found


def without_repeated_headers(pages: list[str], headers: set[str]) -> list[str]:
    """Pages without the header rows Typst repeats at the top of a page a table runs onto."""
    out = pages[:1]
    for before, page in itertools.pairwise(pages):
        for header in headers:
            if page.startswith(header) and header in before:
                page = page[len(header):]
                break
        out.append(page)
    return out


def test_the_pdf_shows_the_html_exports_text_in_the_same_order(
    sheet: tuple[Worksheet, bytes],
) -> None:
    ws, pdf = sheet
    text = _COMBINING_REPEAT.sub(r"\1", "".join(
        without_repeated_headers(page_texts(pdf), table_headers(ws))))
    at = 0
    for chunk in html_chunks(to_html(ws)):
        end = find_in_order(text, chunk, at)
        assert end >= 0, f"{chunk[:80]!r} missing from the PDF after position {at}"
        at = end


# -- structure, checked with pikepdf --------------------------------------------------------------
def elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    def walk(elem: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
        yield elem
        kids = elem.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                yield from walk(kid)

    root = pdf.Root.StructTreeRoot
    kids = root.K
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        yield from walk(kid)


def attributes(elem: pikepdf.Dictionary) -> dict[str, Any]:
    found: dict[str, Any] = {}
    a = elem.get("/A")
    for item in a if isinstance(a, pikepdf.Array) else [a] if a is not None else []:
        if isinstance(item, pikepdf.Dictionary):
            found.update({str(k): item[k] for k in item})
    return found


@pytest.fixture(scope="module")
def full_pdf() -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(to_pdf(full_worksheet())))


def test_structure_tree_has_headings_lists_tables_and_a_described_figure(
    full_pdf: pikepdf.Pdf,
) -> None:
    elems = list(elements(full_pdf))
    roles = [str(e.S) for e in elems]
    assert roles[:2] == ["/Document", "/H1"]
    assert roles.count("/H1") == 2 and "/H2" in roles and "/H3" in roles
    for role in ("/L", "/LI", "/Lbl", "/LBody", "/Table", "/THead", "/TBody", "/TR", "/TH",
                 "/TD", "/Caption", "/Strong", "/Em"):
        assert role in roles, role
    headers = [e for e in elems if e.S == "/TH"]
    assert headers and all(attributes(th)["/Scope"] == "/Column" for th in headers)
    ws = full_worksheet()
    figure, *_more = (e for e in elems if e.S == "/Figure")  # one per recorded measure
    assert str(figure.Alt) == build_view(ws).charts[0].alt  # the HTML <img alt>, word for word
    assert f'alt="{build_view(ws).charts[0].alt}"'.replace("'", "&#39;") in to_html(ws)


def test_language_title_and_standards(full_pdf: pikepdf.Pdf) -> None:
    assert full_pdf.Root.Lang == "en"
    assert full_pdf.Root.MarkInfo.Marked
    assert bool(full_pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert str(full_pdf.docinfo.Title) == f"Goal plan {full_worksheet().id}"
    meta = full_pdf.open_metadata()
    assert meta.get("pdfuaid:part") == "1"
    assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "A")
    assert meta.get("dc:title") == f"Goal plan {full_worksheet().id}"


def test_headings_are_in_the_outline(full_pdf: pikepdf.Pdf) -> None:
    with full_pdf.open_outline() as outline:
        top = [item.title for item in outline.root]
    assert top == ["My goal plan", "Clinician summary"]


def marked_runs(page: pikepdf.Page) -> list[tuple[str, str]]:
    """(text shown, innermost marked-content tag with its artifact subtype) per text run."""
    stack: list[str] = []
    runs = []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name == "BDC":
            props = operands[1]
            tag = str(operands[0])
            if tag == "/Artifact" and isinstance(props, pikepdf.Dictionary):
                tag += str(props.get("/Subtype", ""))
            stack.append(tag)
        elif name == "BMC":
            stack.append(str(operands[0]))
        elif name == "EMC":
            stack.pop()
        elif name in ("Tj", "TJ"):
            runs.append((name, stack[-1] if stack else ""))
    return runs


def test_page_numbers_are_artifacts_and_all_other_text_is_tagged(full_pdf: pikepdf.Pdf) -> None:
    other_artifacts = 0
    for page in full_pdf.pages:
        runs = marked_runs(page)
        assert runs[-1][1] == "/Artifact/Footer"  # the page number, drawn last
        assert all(tag for _op, tag in runs), "text outside marked content"
        other_artifacts += sum(tag.startswith("/Artifact") for _op, tag in runs[:-1])
    facts = 5  # the ": " between each clinician fact and its value is decoration
    assert other_artifacts == facts


def test_page_number_text_is_the_footer() -> None:
    pages = reader(to_pdf(full_worksheet())).pages
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    numbers = [["page", str(n + 1)] for n in range(len(texts))]
    assert [t.rsplit(" ", 2)[-2:] for t in texts] == numbers


# -- typed text -----------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["typst-read", "typst-include", "typst-code", "typst-markup"])
def test_typst_markup_typed_into_a_goal_prints_as_those_characters(key: str) -> None:
    text = HOSTILE[key]
    ws = full_worksheet()
    ws = evolve(ws, goals=(evolve(ws.primary, statement=text), *ws.secondary), notes=text)
    pdf = to_pdf(ws)
    assert squeeze(text) in page_texts(pdf)[0]
    assert b"root:x:0:0" not in pdf and "root:" not in "".join(page_texts(pdf))
    plain = reader(to_pdf(full_worksheet())).pages[0].mediabox
    assert all(page.mediabox == plain for page in reader(pdf).pages)  # no #set page


# -- scripts and fonts ----------------------------------------------------------------------------
SCRIPTS = {
    "arabic": "أمشي إلى الحديقة",
    "hebrew": "ללכת לפארק",
    "combining": "Walk to the cafe\u0301 and the pin\u0303ata",
    "chinese": "走到公园",
    "emoji": "Walk to the park 🚶",
}


def fonts_used(data: bytes) -> set[str]:
    """The fonts of every page and form (a colour emoji font is a Type 3 font with a /Name)."""
    names = set()

    def add(resources: Any) -> None:
        for font in resources.get("/Font", {}).values():
            names.add(str(font.get("/BaseFont", font.get("/Name", ""))).split("+")[-1].lstrip("/"))
        for xobj in resources.get("/XObject", {}).values():
            add(xobj.get("/Resources", {}))

    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            add(page.Resources)
    return names


def with_statement(text: str) -> Worksheet:
    ws = full_worksheet()
    return evolve(ws, goals=(evolve(ws.primary, statement=text), *ws.secondary))


@pytest.mark.skipif(not NOTO, reason="Debian's fonts-noto packages are not installed")
@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_script_prints_with_the_system_fonts(script: str) -> None:
    text = SCRIPTS[script]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = to_pdf(with_statement(text))
    used = fonts_used(data)
    expected = {"arabic": "NotoSansArabic", "hebrew": "NotoSansHebrew", "chinese": "NotoSansCJK",
                "emoji": "NotoColorEmoji", "combining": "DejaVuSans"}[script]
    assert any(name.startswith(expected) for name in used), used
    if script in ("combining", "chinese"):  # left to right: extraction gives the text back
        assert squeeze(unicodedata.normalize("NFC", text)) in unicodedata.normalize(
            "NFC", page_texts(data)[0])


@pytest.fixture
def no_system_fonts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def clear() -> None:
        for f in (_typst._font_sets, _typst._compiler):
            f.cache_clear()

    monkeypatch.setattr(_typst, "SYSTEM_FONT_DIRS", ())
    monkeypatch.delenv("GOALKIT_FONT_DIRS", raising=False)
    clear()
    yield
    monkeypatch.undo()
    clear()


@pytest.mark.usefixtures("no_system_fonts")
def test_without_the_fonts_the_export_names_the_characters_it_cannot_print() -> None:
    ws = with_statement(" ".join(SCRIPTS.values()))
    with pytest.warns(MissingFontWarning) as caught:
        data = to_pdf(ws)
    (warning,) = caught
    missing = set(warning.message.characters)  # type: ignore[union-attr]
    assert missing == {"走", "到", "公", "园", "🚶"}  # Chinese and the emoji
    # DejaVu Sans has Arabic, Hebrew and the combining accents (drawn, if less finely)
    assert "U+8D70 走" in str(warning.message) and "fonts-noto-cjk" in str(warning.message)
    assert "\ufffd" in page_texts(data)[0] and data.startswith(b"%PDF-")


# -- long text ------------------------------------------------------------------------------------
HEADER = squeeze("Date GAS levels and status Pain (0-10) Home tasks done Notes")


@pytest.mark.parametrize("size", [3_000, 6_000, 20_000])
def test_a_long_check_in_note_splits_across_pages_with_its_header_repeated(size: int) -> None:
    ws = full_worksheet()
    words = " ".join(f"word{i}" for i in range(size // 7))
    note = CheckIn(date=ws.checkins[0].date, notes=words[:size])
    long_word = CheckIn(date=ws.checkins[0].date, notes="x" * 4_000)
    ws = evolve(ws, checkins=(*ws.checkins, note, long_word), notes=words[:size])
    data = to_pdf(ws)
    pages = page_texts(data)
    assert all(pages), "an empty page"
    for text in pages:
        assert text.replace(HEADER, "") != "", "a page that holds only the table header"
    with_header = [t for t in pages if HEADER in t]
    assert len(with_header) >= 2 if size >= 6_000 else len(with_header) >= 1
    joined = "".join(pages)
    last = words[:size].split()[-1]
    assert "word0word1" in joined and last in joined
    assert joined.count("x" * 40) >= 4_000 // 40 - 2  # the unbroken word is all there
    with pikepdf.open(io.BytesIO(data)) as pdf:  # and inside the page
        width = float(pdf.pages[0].MediaBox[2])
        for page in pdf.pages:
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) == "cm":
                    assert float(operands[4]) < width


# -- the chart ------------------------------------------------------------------------------------
def test_one_chart_source_for_pdf_html_and_preview() -> None:
    ws = full_worksheet()
    chart = build_view(ws).charts[0]  # one chart per recorded measure
    prefix = "data:image/svg+xml;base64,"
    assert base64.b64decode(chart.data_uri[len(prefix):]).decode() == chart.svg
    assert chart.data_uri in to_html(ws) and chart.data_uri in to_html(ws, standalone=False)
    assert any(n.startswith("DejaVuSans") for n in fonts_used(to_pdf(ws)))


@pytest.mark.skipif(not NOTO, reason="Debian's fonts-noto packages are not installed")
def test_an_emoji_in_the_chart_text_still_gives_a_conforming_pdf() -> None:
    ws = with_statement("Walk 🚶\u200d\u2642\ufe0f to the park 👍")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = to_pdf(ws)
    meta = pikepdf.open(io.BytesIO(data)).open_metadata()
    assert meta.get("pdfuaid:part") == "1"


# -- the rest -------------------------------------------------------------------------------------
def test_the_same_worksheet_gives_the_same_bytes() -> None:
    ws = full_worksheet()
    assert to_pdf(ws) == to_pdf(ws)


def test_engine_and_page_size_are_checked() -> None:
    ws = full_worksheet()
    with pytest.raises(ValueError, match="PDF engine must be one of auto, typst"):
        to_pdf(ws, engine="goalkit")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        to_pdf(ws, page_size="A5")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        blank_pdf("A5")  # type: ignore[arg-type]


def test_a_cold_pdf_export_loads_neither_matplotlib_nor_jinja(tmp_path: Path) -> None:
    src, out = tmp_path / "w.json", tmp_path / "w.pdf"
    fileformat.save(full_worksheet(), src)
    export = ["export", str(src), "--to", "pdf", "-o", str(out)]
    code = f"from goalkit.cli import main\nassert main({export!r}) == 0"
    heavy = ("matplotlib", "numpy", "pandas", "jinja2", "nbconvert")
    assert modules_loaded_by(code, heavy) == []
    assert out.read_bytes().startswith(b"%PDF-")


def test_a_cold_english_pdf_export_imports_only_what_it_prints_with(tmp_path: Path) -> None:
    """English dates need no Babel, the chart's escaping no xml.sax (which brings urllib and
    http), a PDF no other exporter nor the store; a Spanish one still reads Babel's dates."""
    src, out = tmp_path / "w.json", tmp_path / "w.pdf"
    fileformat.save(full_worksheet(), src)
    export = ["export", str(src), "--to", "pdf", "-o", str(out)]
    unneeded = ("babel", "xml.sax", "urllib.request", "http.client", "goalkit.export.csv",
                "goalkit.export.json", "goalkit.export.html", "goalkit.export.fhir",
                "goalkit.store", "sqlite3")
    code = f"from goalkit.cli import main\nassert main({export!r}) == 0"
    assert modules_loaded_by(code, unneeded) == []
    spanish = f"from goalkit.cli import main\nassert main({[*export, '--language', 'es']!r}) == 0"
    assert modules_loaded_by(spanish, ("babel.dates",)) == ["babel.dates"]


def test_the_blank_worksheet_has_every_section_and_room_to_write() -> None:
    for paper, width in (("A4", 595), ("Letter", 612)):
        data = blank_pdf(paper)
        pdf = reader(data)
        assert round(float(pdf.pages[0].mediabox.width)) == width
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        for heading in ("My goal plan", "What matters to me", "My main goal", "Another goal",
                        "Small steps on the way", "If something gets in the way",
                        "Who helps me", "Next review"):
            assert heading in text, heading
        with pikepdf.open(io.BytesIO(data)) as doc:
            strokes = sum(str(op) == "S" for page in doc.pages
                          for _o, op in pikepdf.parse_content_stream(page))
            assert strokes >= 20
            assert doc.open_metadata().get("pdfuaid:part") == "1"


def test_the_blank_command_writes_a_pdf_and_refuses_bad_input(tmp_path: Path) -> None:
    from tests.conftest import goalkit_cli

    done = goalkit_cli("blank", "-o", str(tmp_path), "--paper", "Letter")
    assert done.returncode == 0, done.stderr
    written = tmp_path / "goalkit-blank-letter.pdf"
    assert done.stdout.strip() == str(written) and written.read_bytes().startswith(b"%PDF-")
    for bad in (["blank", "-o", str(tmp_path / "nowhere" / "b.pdf")],
                ["blank", "-o", str(tmp_path / "b.pdf"), "--paper", "A5"]):
        done = goalkit_cli(*bad)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goalkit-blank-letter.pdf"]


@pytest.mark.usefixtures("no_system_fonts")
def test_the_export_command_names_characters_without_a_font(tmp_path: Path) -> None:
    from goalkit.cli import main

    src = tmp_path / "w.json"
    fileformat.save(with_statement("走到公园"), src)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["export", str(src), "--to", "pdf", "-o", str(tmp_path / "w.pdf")])
    assert code == 0 and (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF-")
    (line,) = err.getvalue().splitlines()
    assert line.startswith("goalkit: note: no font for 4 character(s) (U+516C 公")


def test_a_deidentified_pdf_leaves_out_the_clinician_and_the_notes() -> None:
    ws = evolve(full_worksheet(), clinician="Dr Alice Example", notes="Lives at 1 Example Road")
    full = "".join(page_texts(to_pdf(ws)))
    shared = "".join(page_texts(to_pdf(ws, deidentify=True)))
    assert "DrAliceExample" in full and "DrAliceExample" not in shared
    assert "P-014" in shared  # the pseudonymous reference stays
    for note in [c.notes for c in ws.checkins if c.notes]:
        assert squeeze(note) in full and squeeze(note) not in shared


def text_origins(page: pikepdf.Page) -> Iterator[tuple[float, float]]:
    """Where each text run starts on the page (the transformation matrix followed through
    ``q``, ``Q`` and ``cm``), in PDF points from the bottom left."""
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name == "q":
            stack.append(ctm)
        elif name == "Q":
            ctm = stack.pop()
        elif name == "cm":
            a, b, c, d, e, f = (float(x) for x in operands)
            A, B, C, D, E, F = ctm
            ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                   e * A + f * C + E, e * B + f * D + F)
        elif name in ("Tj", "TJ"):
            yield ctm[4], ctm[5]


@pytest.mark.parametrize("as_shipped", [True, False])
def test_nothing_is_drawn_off_the_page_even_with_long_fields(
    as_shipped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from goalkit.export import pdfdata

    if not as_shipped:  # the check itself: tables kept whole whatever their length run off
        monkeypatch.setattr(pdfdata, "KEEP_WHOLE", 10**9)
    off = 0
    with pikepdf.open(io.BytesIO(to_pdf(SHEETS["hostile:long-word"]))) as pdf:
        for page in pdf.pages:
            width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
            off += sum(not (0 <= x <= width and 0 <= y <= height) for x, y in text_origins(page))
    assert (off == 0) is as_shipped, off
