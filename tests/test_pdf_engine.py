"""goalkit's own PDF engine: the same text as the HTML export, every piece of content tagged or
an artifact, a structure tree a screen reader can walk, and WeasyPrint for text it cannot draw."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from goalkit import cases
from goalkit.export._pdflayout import Style, Unsupported, width, wrap
from goalkit.export.html import to_html
from goalkit.export.pdf import to_pdf, worksheet_html_to_pdf
from goalkit.model import CheckIn, Worksheet, evolve
from tests.conftest import full_worksheet, modules_loaded_by

SHEETS = {name: cases.load(name).worksheet for name in cases.names()}
SHEETS["full"] = full_worksheet()


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def producer(data: bytes) -> str:
    return str(reader(data).metadata.get("/Producer", ""))  # type: ignore[union-attr]


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
        if not self.skip and data.strip():
            self.chunks.append("".join(data.split()))


def html_chunks(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.chunks


def squeezed_pdf_text(data: bytes) -> str:
    """The text of every page without white space or the page-number footer."""
    pages = ("".join((p.extract_text() or "").split()) for p in reader(data).pages)
    return "".join(re.sub(r"page\d+$", "", text) for text in pages)


@pytest.fixture(scope="module", params=sorted(SHEETS))
def sheet(request: pytest.FixtureRequest) -> tuple[Worksheet, bytes]:
    ws = SHEETS[request.param]
    return ws, to_pdf(ws, engine="goalkit")


def test_the_pdf_shows_the_html_exports_text_in_the_same_order(
    sheet: tuple[Worksheet, bytes],
) -> None:
    ws, pdf = sheet
    text = squeezed_pdf_text(pdf)
    at = 0
    for chunk in html_chunks(to_html(ws)):
        found = text.find(chunk, at)
        assert found >= 0, f"{chunk!r} missing from the PDF after position {at}"
        at = found + len(chunk)


def _marked_operations(page: Any, pdf: PdfReader) -> list[tuple[str, tuple[str, ...]]]:
    """(operator, enclosing marked-content tags) for every text or XObject operator."""
    stack: list[str] = []
    seen = []
    for operands, op in ContentStream(page.get_contents(), pdf).operations:
        if op == b"BDC":
            tag = str(operands[0])
            props = operands[1]
            stack.append("Artifact" if tag == "/Artifact" else f"MCID{props['/MCID']}")
        elif op == b"BMC":
            stack.append(str(operands[0]))
        elif op == b"EMC":
            stack.pop()
        elif op in (b"Tj", b"TJ", b"Do", b"S", b"f", b"B"):
            seen.append((op.decode(), tuple(stack)))
    assert not stack, "unbalanced marked content"
    return seen


def test_every_piece_of_content_is_tagged_or_an_artifact(sheet: tuple[Worksheet, bytes]) -> None:
    _, data = sheet
    pdf = reader(data)
    for page in pdf.pages:
        for op, stack in _marked_operations(page, pdf):
            assert stack, f"{op} outside any marked content"
            assert len([s for s in stack if s.startswith("MCID")]) <= 1, "nested MCIDs"


def test_the_parent_tree_points_each_mark_at_its_structure_element(
    sheet: tuple[Worksheet, bytes],
) -> None:
    _, data = sheet
    pdf = reader(data)
    root = pdf.trailer["/Root"]
    nums = root["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    for index, page in enumerate(pdf.pages):
        assert page["/Tabs"] == "/S"
        key = int(page["/StructParents"])
        mcids = [int(m) for m in re.findall(rb"/MCID (\d+)", page.get_contents().get_data())]
        assert mcids == list(range(len(mcids)))
        assert len(parents[key]) == len(mcids)
        for mcid, elem in enumerate(parents[key]):
            kids = elem.get_object()["/K"]
            marks = [k.get_object() for k in kids]
            refs = [
                (k["/Pg"].indirect_reference.idnum, int(k["/MCID"])) for k in marks if "/MCID" in k
            ]
            assert (pdf.pages[index].indirect_reference.idnum, mcid) in refs


def _roles(elem: Any, out: list[Any]) -> list[Any]:
    elem = elem.get_object()
    out.append(elem)
    for kid in elem.get("/K", []):
        kid = kid.get_object()
        if kid.get("/Type") == "/StructElem":
            _roles(kid, out)
    return out


def test_the_structure_tree_has_headings_lists_tables_and_a_described_figure() -> None:
    data = to_pdf(full_worksheet(), engine="goalkit")
    tree = reader(data).trailer["/Root"]["/StructTreeRoot"]
    elems = _roles(tree["/K"][0], [])
    roles = [str(e["/S"]) for e in elems]
    assert roles[:3] == ["/Document", "/Sect", "/H1"]
    assert roles.count("/H1") == 2 and "/H2" in roles and "/H3" in roles
    for role in ("/L", "/LI", "/Lbl", "/LBody", "/Table", "/TR", "/TH", "/TD", "/Caption"):
        assert role in roles, role
    for th in (e for e in elems if e["/S"] == "/TH"):
        assert th["/A"]["/Scope"] in ("/Row", "/Column")
    figure, *_more = (e for e in elems if e["/S"] == "/Figure")  # one per measure
    assert "Walk" in figure["/Alt"] or "level" in figure["/Alt"]
    assert len(figure["/A"]["/BBox"]) == 4


def test_pdf_ua_identification_title_and_language() -> None:
    data = to_pdf(full_worksheet(), engine="goalkit")
    pdf = reader(data)
    root = pdf.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    title = pdf.metadata.title  # type: ignore[union-attr]
    assert title == f"Goal plan {full_worksheet().id}" and title in xmp
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/Lang"] == "en" and producer(data) == "goalkit"


def test_the_same_worksheet_gives_the_same_bytes() -> None:
    ws = full_worksheet()
    assert to_pdf(ws, engine="goalkit") == to_pdf(ws, engine="goalkit")


@pytest.mark.parametrize(
    "text",
    [
        "أمشي إلى الحديقة",  # Arabic: joined letters, right to left
        "ללכת לפארק",  # Hebrew: right to left
        "Walk to the cafe\u0301",  # a combining accent
        "走到公园",  # a script DejaVu Sans does not cover
        "Walk \u202egnorw\u202c",  # a right-to-left override
        "Walk to the park 🚶",  # an emoji
    ],
)
def test_text_the_engine_cannot_draw_faithfully_goes_to_weasyprint(text: str) -> None:
    ws = full_worksheet()
    ws = evolve(ws, goals=(evolve(ws.primary, statement=text), *ws.secondary))
    with pytest.raises(Unsupported):
        to_pdf(ws, engine="goalkit")
    data = to_pdf(ws)
    assert producer(data).startswith("WeasyPrint")
    assert "My goal plan" in reader(data).pages[0].extract_text().replace("\x00", "")


def test_latin_greek_and_cyrillic_stay_with_the_fast_engine() -> None:
    ws = full_worksheet()
    text = "Gehen Sie zügig — naïve café, Ελλάδα, Прогулка, 10–20 m, “quotes”, £5 €6"
    ws = evolve(ws, goals=(evolve(ws.primary, statement=text), *ws.secondary))
    data = to_pdf(ws)
    assert producer(data) == "goalkit"
    assert "".join(text.split()) in squeezed_pdf_text(data)


def test_very_long_notes_flow_over_pages_without_losing_text() -> None:
    ws = full_worksheet()
    spaced = " ".join(f"word{i}" for i in range(1500))
    unbroken = "x" * 4000
    note = CheckIn(date=ws.checkins[0].date, notes=spaced + " " + unbroken)
    ws = evolve(ws, checkins=(*ws.checkins, note), notes=spaced)
    data = to_pdf(ws, engine="goalkit")
    text = squeezed_pdf_text(data)
    assert len(reader(data).pages) >= len(reader(to_pdf(full_worksheet())).pages) + 3
    assert "word0word1" in text and "word1499" in text
    assert text.count("x") >= 4000


def test_engine_and_page_size_are_checked() -> None:
    html = to_html(full_worksheet())
    with pytest.raises(ValueError, match="PDF engine must be one of auto, goalkit, weasyprint"):
        worksheet_html_to_pdf(html, engine="fast")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        worksheet_html_to_pdf(html, page_size="A5")  # type: ignore[arg-type]


def test_a_document_outside_the_templates_vocabulary_goes_to_weasyprint() -> None:
    html = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
    html += "<blockquote>Quoted</blockquote></body></html>"
    with pytest.raises(Unsupported, match="blockquote"):
        worksheet_html_to_pdf(html, engine="goalkit")
    assert producer(worksheet_html_to_pdf(html)).startswith("WeasyPrint")


@pytest.mark.parametrize("limit", [40.0, 120.0, 400.0])
def test_wrapping_keeps_every_word_and_every_line_within_the_width(limit: float) -> None:
    body, bold = Style(10), Style(10, bold=True)
    pieces = [
        ("Walk 2 km to the park ", body),
        ("without", bold),
        (" stopping, " * 8, body),
        ("Supercalifragilistic" * 3, body),
    ]
    lines = wrap(pieces, limit)
    for line in lines:
        *rest, (last, style) = line
        drawn = [*rest, (last.rstrip(" "), style)]  # a space at a break may hang past the edge
        assert sum(width(t, s) for t, s in drawn) <= limit + 0.01
    # lines joined give back the text with its white space collapsed: a space at a break stays
    # on the line before (so copied or read-out text keeps its words apart), a cut word adds none
    assert "".join(t for line in lines for t, _ in line) == " ".join(
        "".join(t for t, _ in pieces).split()
    )
    assert not any(line[0][0].startswith(" ") for line in lines)  # no line starts with a space


def test_a_cold_pdf_export_loads_neither_weasyprint_nor_matplotlib(tmp_path: Path) -> None:
    from goalkit import fileformat

    src, out = tmp_path / "w.json", tmp_path / "w.pdf"
    fileformat.save(full_worksheet(), src)
    export = ["export", str(src), "--to", "pdf", "-o", str(out)]
    code = f"from goalkit.cli import main\nassert main({export!r}) == 0"
    assert modules_loaded_by(code, ("weasyprint", "matplotlib", "numpy", "pandas")) == []
    assert producer(out.read_bytes()) == "goalkit"


def test_the_outline_lists_both_parts_and_their_sections() -> None:
    pdf = reader(to_pdf(full_worksheet(), engine="goalkit"))
    top = [o for o in pdf.outline if not isinstance(o, list)]
    assert [o.title for o in top] == ["My goal plan", "Clinician summary"]
    sections = [o.title for o in pdf.outline[1]]  # type: ignore[union-attr]
    assert sections[0] == "What matters to me" and "Next review" in sections
    assert pdf.get_destination_page_number(top[1]) >= 1  # the clinician part starts a page


def test_a_failure_inside_goalkits_engine_still_gives_a_handout(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from goalkit.export import _pdflayout

    def broken(html: str, page_size: str = "A4") -> bytes:
        raise ZeroDivisionError("Walk 2 km to the park")

    monkeypatch.setattr(_pdflayout, "layout_pdf", broken)
    with caplog.at_level("WARNING", logger="goalkit.export.pdf"):
        data = to_pdf(full_worksheet())
    assert producer(data).startswith("WeasyPrint")
    assert "ZeroDivisionError" in caplog.text and "Walk" not in caplog.text
    with pytest.raises(ZeroDivisionError):
        to_pdf(full_worksheet(), engine="goalkit")
