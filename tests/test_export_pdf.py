"""HTML and PDF exports: one template, plain-language patient page, clinician page, escaping,
page sizes, embedded fonts, tagging for screen readers."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from goalkit.export import render
from goalkit.export.html import to_html
from goalkit.export.pdf import to_pdf
from goalkit.model import evolve
from tests.conftest import full_worksheet

HOSTILE = "<img src=x onerror=alert(1)>"
MM_PER_PT = 25.4 / 72


class _Attrs(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name, self.found = name, []  # type: ignore[var-annotated]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [(tag, v) for k, v in attrs if k == self.name]


def elements_with(html: str, attribute: str) -> list[tuple[str, str | None]]:
    """Every element carrying ``attribute``, as a browser's parser would see them."""
    parser = _Attrs(attribute)
    parser.feed(html)
    return parser.found


def pdf_text(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return to_pdf(full_worksheet())


def test_patient_page_comes_first_in_plain_language(pdf: bytes) -> None:
    first = pdf_text(pdf)[0]
    for expected in (
        "My goal plan",
        "Walk 2 km to the park without stopping, on my own, within 6 weeks",
        "Why it matters to me: so I can take my son to football again",
        "How sure I am that I can do it: 7 out of 10",
        "Walk 500 m five days a week",
        "If a flare-up after a long day at work gets in the way, then halve the distance for "
        "two days",
        "Next review",
    ):
        assert expected in first
    assert "Clinician summary" not in first
    assert "T-score" not in first


def test_clinician_page_has_smart_gas_icf_checkins_and_a_chart(pdf: bytes) -> None:
    rest = " ".join(pdf_text(pdf)[1:])
    for expected in (
        "Clinician summary",
        "P-014",
        "four parts of the goal",
        "d450",
        "Walking",
        "GAS scale",
        "Walks 2 km",
        "baseline",
        "Unweighted T-score",
        "Check-ins",
        "14 Jan 2026",
        "Progress on goal 1 (main goal)",
    ):
        assert expected in rest, expected
    assert "Target (2000)" in rest and "Walking distance (m), higher is better" in rest  # chart


def test_patient_only_handout_leaves_out_the_clinician_page() -> None:
    text = " ".join(pdf_text(to_pdf(full_worksheet(), clinician=False)))
    assert "My goal plan" in text and "Clinician summary" not in text and "P-014" not in text


@pytest.mark.parametrize(
    ("size", "width_mm", "height_mm"), [("A4", 210, 297), ("Letter", 216, 279)]
)
def test_page_sizes(size: str, width_mm: int, height_mm: int) -> None:
    page = PdfReader(io.BytesIO(to_pdf(full_worksheet(), page_size=size))).pages[0]  # type: ignore[arg-type]
    assert round(float(page.mediabox.width) * MM_PER_PT) == width_mm
    assert round(float(page.mediabox.height) * MM_PER_PT) == height_mm


def test_fonts_are_embedded_and_the_document_is_tagged(pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en"
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            fonts.append(any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")))
    assert fonts and all(fonts)


def test_user_text_is_inert_in_html_and_literal_in_pdf() -> None:
    ws = full_worksheet()
    ws = evolve(
        ws,
        goals=(evolve(ws.primary, statement=HOSTILE, why=HOSTILE), *ws.secondary),
        patient_ref=HOSTILE,
        notes=HOSTILE,
    )
    html = to_html(ws)
    assert HOSTILE not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") >= 3
    assert elements_with(html, "onerror") == []
    assert all(src != "x" for _tag, src in elements_with(html, "src"))
    text = " ".join(pdf_text(to_pdf(ws)))
    assert HOSTILE in text


def test_html_export_and_preview_share_the_template() -> None:
    ws = full_worksheet()
    page = to_html(ws)
    fragment = to_html(ws, standalone=False)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert "@page { size: A4; }" in page
    assert not fragment.lstrip().startswith("<!DOCTYPE")
    body = page[page.index('<div class="goalkit-doc">') : page.rindex("</div>") + 6]
    assert body in fragment
    assert render(ws, "html").decode() == page
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        to_html(ws, page_size="A5")  # type: ignore[arg-type]


def test_an_empty_new_worksheet_exports_without_error() -> None:
    from goalkit.model import Worksheet

    text = " ".join(pdf_text(to_pdf(Worksheet())))
    assert "(not written yet)" in text and "No check-ins recorded yet" in text
