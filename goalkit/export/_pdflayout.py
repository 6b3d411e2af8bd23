"""goalkit's own PDF engine: lays out the worksheet template's HTML as tagged PDF pages.

The input is the HTML that :func:`goalkit.export.html.to_html` renders from the one worksheet
template, so the PDF shows exactly what the HTML export and the in-app preview show. This
engine understands that template's small vocabulary (sections, headings, paragraphs, lists,
tables, and figures holding :mod:`goalkit.export.svgchart` charts) and the look its stylesheet
gives them; anything else raises :class:`Unsupported` and :mod:`goalkit.export.pdf` hands the
document to WeasyPrint instead. So does text it cannot draw faithfully: characters DejaVu Sans
lacks, right-to-left scripts, combining marks and invisible format characters, all of which
need HarfBuzz shaping, bidi reordering or font fallback.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from ._pdfhtml import Node, parse_html
from ._pdfsvg import svg_to_ops
from ._pdfsyntax import Name, ops
from ._pdftext import (
    GREY,
    RGB,
    TEXT,
    Piece,
    Style,
    Unsupported,
    face,
    hex_colour,
    width,
    words,
    wrap,
)
from ._pdfwriter import PdfWriter, StructElem

__all__ = ["PAGE_SIZES_PT", "Unsupported", "layout_pdf"]

PT_PER_MM = 72 / 25.4
PAGE_SIZES_PT = {"A4": (210 * PT_PER_MM, 297 * PT_PER_MM), "Letter": (612.0, 792.0)}
MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM = 14 * PT_PER_MM, 14 * PT_PER_MM, 15 * PT_PER_MM
LINE_HEIGHT = 1.3
PX = 0.75  # one CSS pixel in points
RULE, BORDER, ACCENT = hex_colour("#999999"), hex_colour("#bbbbbb"), hex_colour("#1f5fa8")
UNMET, UNKNOWN, FOOTER = hex_colour("#a4161a"), hex_colour("#6b4e00"), hex_colour("#555555")
SMALL_CLASSES = {"gk-meta", "gk-note", "gk-footer", "gk-explain"}
KEEP_TOGETHER = {"gk-gas", "gk-smart"}  # tables the stylesheet keeps on one page
PATIENT_SIZE = 11.0


def inline(node: Node | str, style: Style) -> list[Piece]:
    """The text of ``node`` as styled pieces (strong, em, and the template's grey spans)."""
    if isinstance(node, str):
        return [(node, style)]
    if node.tag in ("strong", "b"):
        style = style.but(bold=True)
    elif node.tag in ("em", "i"):
        style = style.but(italic=True)
    if node.classes & {"gk-by", "gk-domain"}:
        style = style.but(colour=GREY)
    out: list[Piece] = []
    for child in node.children:
        out += inline(child, style)
    return out


# -- the page flow ----------------------------------------------------------------------------
class _Flow:
    """Blocks placed down the pages, top to bottom, with CSS-like collapsing margins."""

    def __init__(self, pdf: PdfWriter, page_size: tuple[float, float]) -> None:
        self.pdf = pdf
        self.page_w, self.page_h = page_size
        self.left = MARGIN_SIDE
        self.width = self.page_w - 2 * MARGIN_SIDE
        self.bottom = self.page_h - MARGIN_BOTTOM
        self.page = -1
        self.y = 0.0
        self.margin = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.page = self.pdf.new_page(self.page_w, self.page_h)
        self.y, self.margin = MARGIN_TOP, 0.0

    @property
    def at_top(self) -> bool:
        return self.y == MARGIN_TOP

    def space_before(self, margin: float) -> None:
        """Collapse ``margin`` with the previous block's bottom margin (none at a page top)."""
        if not self.at_top:
            self.y += max(self.margin, margin)
        self.margin = 0.0

    def fits(self, height: float) -> bool:
        return self.y + height <= self.bottom + 0.01

    def room_for(self, height: float) -> None:
        """Start a new page unless ``height`` fits (a block taller than a page starts at a
        page top and splits)."""
        if not self.fits(height) and not self.at_top:
            self.new_page()

    def pdf_y(self, y: float) -> float:
        return self.page_h - y

    def baseline(self, size: float, height: float) -> float:
        """Where text of ``size`` sits in a line box ``height`` tall starting at y (half the
        leading above, half below, as CSS does)."""
        font = face(Style(size))
        ascent, descent = font.ascent / font.units_per_em, -font.descent / font.units_per_em
        return self.y + (height - (ascent + descent) * size) / 2 + ascent * size

    def line(self, x: float, pieces: list[Piece], elem: StructElem | None, height: float) -> None:
        """One line of text whose box top is at y, tagged as part of ``elem`` (an artifact
        when None); moves y below it."""
        baseline = self.pdf_y(self.baseline(max(s.size for _, s in pieces), height))
        drawn = [(face(s), s.size, s.colour, t) for t, s in pieces]
        marked = self.pdf.artifact(self.page) if elem is None else self.pdf.tagged(self.page, elem)
        with marked:
            self.pdf.text(self.page, x, baseline, drawn)
        self.y += height

    def rule(
        self,
        page: int,
        start: tuple[float, float],
        end: tuple[float, float],
        colour: RGB,
        weight: float,
    ) -> None:
        """A straight line (decoration, so an artifact) from ``start`` to ``end`` (x, y)."""
        (x0, y0), (x1, y1) = start, end
        path = ops(
            "q", *colour, "RG", weight, "w", x0, self.pdf_y(y0), "m", x1, self.pdf_y(y1), "l S Q"
        )
        with self.pdf.artifact(page):
            self.pdf.op(page, path)


def _line_height(pieces: list[Piece], base: Style) -> float:
    return LINE_HEIGHT * max([base.size, *(s.size for _, s in pieces)])


# -- blocks -----------------------------------------------------------------------------------
class _Layout:
    def __init__(self, pdf: PdfWriter, page_size: tuple[float, float]) -> None:
        self.pdf = pdf
        self.flow = _Flow(pdf, page_size)
        self.patient_part = False  # inside the patient part (its goal statements stand out)

    def blocks(self, node: Node, style: Style, parent: StructElem) -> None:
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    self.paragraph([(child, style)], style, parent.child("P"))
                continue
            self.block(child, style, parent)

    def block(self, node: Node, style: Style, parent: StructElem) -> None:
        tag = node.tag
        if tag in ("head", "style", "script", "title", "meta"):
            return
        if tag == "section":
            if "goalkit-clinician-page" in node.classes and self.pdf.pages[-1].ops:
                self.flow.new_page()
            self.patient_part = "goalkit-patient-page" in node.classes
            size = PATIENT_SIZE if self.patient_part else style.size
            self.blocks(node, style.but(size=size), parent.child("Sect"))
        elif tag in ("html", "body", "div", "#document"):
            self.blocks(node, style, parent)
        elif tag in ("h1", "h2", "h3"):
            self.heading(node, int(tag[1]), style, parent)
        elif tag == "p":
            self.p(node, style, parent)
        elif tag == "ul":
            self.bullets(node, style, parent)
        elif tag == "table":
            self.table(node, style, parent)
        elif tag == "figure":
            self.figure(node, style, parent)
        else:
            raise Unsupported(f"the PDF engine does not lay out <{tag}>")

    def paragraph(
        self,
        pieces: list[Piece],
        style: Style,
        elem: StructElem,
        *,
        indent: float = 0.0,
    ) -> list[tuple[int, float, float]]:
        """Wrapped lines of ``pieces``; returns (page, top, bottom) spans for decorations."""
        flow = self.flow
        spans: list[tuple[int, float, float]] = []
        for line in wrap(pieces, flow.width - indent):
            height = _line_height(line, style)
            flow.room_for(height)
            if not spans or spans[-1][0] != flow.page:
                spans.append((flow.page, flow.y, flow.y))
            flow.line(flow.left + indent, line, elem, height)
            spans[-1] = (spans[-1][0], spans[-1][1], flow.y)
        return spans

    def heading(self, node: Node, level: int, style: Style, parent: StructElem) -> None:
        size, (top, bottom) = {1: (16.0, (0, 0.2)), 2: (12.0, (0.7, 0.25)), 3: (10.5, (0.4, 0.1))}[
            level
        ]
        hstyle = style.but(size=size, bold=True)
        pieces = inline(node, hstyle)
        self.flow.space_before(top * size)
        # keep a heading with the first two lines of what follows it
        self.flow.room_for(LINE_HEIGHT * (size + 2 * style.size))
        spans = self.paragraph(pieces, hstyle, parent.child(f"H{level}"))
        if level <= 2 and spans:
            page, top, _ = spans[0]
            self.pdf.bookmark(level, node.text(), page, self.flow.pdf_y(top))
        if level == 2 and spans:
            page, _, end = spans[-1]
            left, right = self.flow.left, self.flow.left + self.flow.width
            self.flow.rule(page, (left, end + 0.5), (right, end + 0.5), RULE, PX)
            self.flow.y += 1.0
        self.flow.margin = bottom * size

    def p(self, node: Node, style: Style, parent: StructElem) -> None:
        classes = node.classes
        if classes & SMALL_CLASSES:
            style = style.but(size=9.5, colour=GREY)
        statement = "gk-statement" in classes and self.patient_part
        if statement:
            style = style.but(size=12.5, bold=True)
        self.flow.space_before(0.2 * style.size)
        indent = 0.5 * style.size + 3 if statement else 0.0
        spans = self.paragraph(inline(node, style), style, parent.child("P"), indent=indent)
        if statement:
            x = self.flow.left + 1.5
            for page, top, end in spans:
                self.flow.rule(page, (x, top), (x, end), ACCENT, 3.0)
        self.flow.margin = 0.4 * style.size

    def bullets(self, node: Node, style: Style, parent: StructElem) -> None:
        indent = 1.2 * style.size if "gk-steps" in node.classes else 30 * PX
        self.flow.space_before(0.2 * style.size)
        lst = parent.child("L")
        for item in node.elements():
            if item.tag != "li":
                raise Unsupported("a list holds something other than items")
            li = lst.child("LI")
            pieces = inline(item, style)
            first = wrap(pieces, self.flow.width - indent)
            self.flow.room_for(_line_height(first[0] if first else [], style))
            baseline = self.flow.baseline(style.size, LINE_HEIGHT * style.size)
            with self.pdf.tagged(self.flow.page, li.child("Lbl")):
                self.pdf.text(
                    self.flow.page,
                    self.flow.left + indent - 0.9 * style.size,
                    self.flow.pdf_y(baseline),
                    [(face(style), style.size, style.colour, "•")],
                )
            self.paragraph(pieces, style, li.child("LBody"), indent=indent)
        self.flow.margin = 0.4 * style.size

    # -- tables ---------------------------------------------------------------------------
    def table(self, node: Node, style: Style, parent: StructElem) -> None:
        flow = self.flow
        table = parent.child("Table")
        rows: list[tuple[Node, bool]] = []  # (row, in the header)
        caption: Node | None = None
        for child in node.elements():
            if child.tag == "caption":
                caption = child
            elif child.tag in ("thead", "tbody"):
                rows += [(r, child.tag == "thead") for r in child.elements() if r.tag == "tr"]
            elif child.tag == "tr":
                rows.append((child, False))
            else:
                raise Unsupported(f"a table holds <{child.tag}>")
        flow.space_before(0.3 * style.size)
        cells = [[self._cell(cell, row, style) for cell in row.elements()] for row, _ in rows]
        columns = max((len(r) for r in cells), default=0)
        grid = _Grid(
            _column_widths([[p for _, p in r] for r in cells], columns, flow.width, 2 * _PAD_X),
            LINE_HEIGHT * style.size,
        )
        laid = [
            [
                wrap(pieces, max(w - 2 * _PAD_X, 1.0))
                for (_, pieces), w in zip(r, grid.widths, strict=False)
            ]
            for r in cells
        ]
        heights = [grid.height(r) for r in laid]
        cap_pieces = inline(caption, style.but(bold=True)) if caption is not None else []
        cap_h = len(wrap(cap_pieces, flow.width)) * grid.line_h + 2 * PX if caption else 0.0
        whole = cap_h + sum(heights)
        if KEEP_TOGETHER & node.classes and whole <= flow.bottom - MARGIN_TOP:
            flow.room_for(whole)
        else:  # at least the caption, the header and the first row together
            head_h = heights[1] if len(heights) > 1 and rows[0][1] else 0
            flow.room_for(cap_h + (heights[0] if heights else 0) + head_h)
        if caption is not None:
            self.paragraph(cap_pieces, style.but(bold=True), table.child("Caption"))
            flow.y += 2 * PX
        header = [laid[i] for i, (_, head) in enumerate(rows) if head]
        for i, (row_cells, remaining, (_, head)) in enumerate(zip(cells, laid, rows, strict=True)):
            tr = table.child("TR")
            elems = [_cell_elem(tr, cell) for cell, _ in row_cells]
            fresh = flow.at_top or (head and i == 0)
            while True:
                room = int((flow.bottom - flow.y - 2 * _PAD_Y) // grid.line_h)
                needed = max((len(r) for r in remaining), default=0)
                if needed <= room or fresh:
                    take = max(min(needed, room), 1)
                    self._row(grid, [r[:take] for r in remaining], elems)
                    remaining = [r[take:] for r in remaining]
                    if not any(remaining):
                        break
                # the rest of the row goes on a new page, below the header rows again (as an
                # artifact: they were read once already)
                flow.new_page()
                for header_row in header:
                    self._row(grid, header_row, None)
                fresh = True
        flow.margin = 0.6 * style.size

    def _cell(self, cell: Node, row: Node, style: Style) -> tuple[Node, list[Piece]]:
        if cell.tag not in ("th", "td"):
            raise Unsupported(f"a table row holds <{cell.tag}>")
        if cell.tag == "th" or "gk-baseline" in row.classes:
            style = style.but(bold=True)
        if "gk-mark" in cell.classes:
            colour = (
                UNMET
                if "gk-unmet" in row.classes
                else (UNKNOWN if "gk-unknown" in row.classes else TEXT)
            )
            style = style.but(bold=True, colour=colour)
        return cell, inline(cell, style)

    def _row(
        self, grid: _Grid, lines: list[list[list[Piece]]], elems: list[StructElem] | None
    ) -> None:
        """One row (or the part of it that fits) with its borders; untagged when ``elems`` is
        None."""
        flow = self.flow
        top = flow.y
        x = flow.left
        for i, (cell_lines, w) in enumerate(zip(lines, grid.widths, strict=False)):
            flow.y = top + _PAD_Y
            for line in cell_lines:
                flow.line(x + _PAD_X, line, None if elems is None else elems[i], grid.line_h)
            x += w
        flow.y = top + grid.height(lines)
        edges = [flow.left]
        for w in grid.widths[: len(lines)]:
            edges.append(edges[-1] + w)
        with self.pdf.artifact(flow.page):
            path = [ops("q", *BORDER, "RG", PX, "w")]
            for x in edges:
                path.append(ops(x, flow.pdf_y(top), "m", x, flow.pdf_y(flow.y), "l"))
            for y in (top, flow.y):
                path.append(ops(edges[0], flow.pdf_y(y), "m", edges[-1], flow.pdf_y(y), "l"))
            self.pdf.op(flow.page, b" ".join([*path, b"S Q"]))

    # -- figures --------------------------------------------------------------------------
    def figure(self, node: Node, style: Style, parent: StructElem) -> None:
        img = node.find("img")
        if img is None:
            raise Unsupported("a figure without an image")
        src = img.attrs.get("src", "")
        prefix = "data:image/svg+xml;base64,"
        if not src.startswith(prefix):
            raise Unsupported("only goalkit's SVG charts are drawn")
        svg_w, svg_h, ops = svg_to_ops(self.pdf, base64.b64decode(src[len(prefix) :]))
        flow = self.flow
        shown = min(flow.width, 14 * 10 * PT_PER_MM)
        scale = shown / svg_w
        height = svg_h * scale
        flow.space_before(0.5 * style.size)
        flow.room_for(height + LINE_HEIGHT * style.size)
        top = flow.y
        form = self.pdf.form(svg_w, svg_h, ops)
        x0, y0 = flow.left, flow.pdf_y(top + height)
        figure = parent.child(
            "Figure",
            Alt=img.attrs.get("alt", ""),
            A={
                "O": Name("Layout"),
                "Placement": Name("Block"),
                "BBox": [round(x0, 2), round(y0, 2), round(x0 + shown, 2), round(y0 + height, 2)],
            },
        )
        with self.pdf.tagged(flow.page, figure):
            self.pdf.place_form(flow.page, form, x0, y0, scale)
        flow.y = top + height
        caption = node.find("figcaption")
        if caption is not None:
            self.paragraph(inline(caption, style), style, parent.child("P"))
        flow.margin = 0.5 * style.size


_PAD_X, _PAD_Y = 5 * PX, 2 * PX  # table cell padding


@dataclass(frozen=True)
class _Grid:
    """A table's column widths and line height."""

    widths: list[float]
    line_h: float

    def height(self, lines: list[list[list[Piece]]]) -> float:
        """Height of a row whose cells hold ``lines``."""
        return max((len(c) for c in lines), default=0) * self.line_h + 2 * _PAD_Y


def _cell_elem(row: StructElem, cell: Node) -> StructElem:
    if cell.tag == "td":
        return row.child("TD")
    scope = {"row": "Row", "col": "Column"}.get(cell.attrs.get("scope", ""), "Column")
    return row.child("TH", A={"O": Name("Table"), "Scope": Name(scope)})


def _column_widths(
    grid: list[list[list[Piece]]], columns: int, available: float, padding: float
) -> list[float]:
    """CSS-like automatic widths for a 100%-wide table: each column between its longest word
    and its unwrapped text."""
    low, high = [padding] * columns, [padding] * columns
    for row in grid:
        for i, pieces in enumerate(row):
            natural = sum(width(t, s) for t, s in pieces)
            longest = max((sum(width(t, s) for t, s in w) for w, _ in words(pieces)), default=0.0)
            high[i] = max(high[i], natural + padding)
            low[i] = max(low[i], min(longest, available / 3) + padding)
    if not columns:
        return []
    if sum(high) <= available:
        return [h + (available - sum(high)) * h / sum(high) for h in high]
    if sum(low) >= available:
        return [v * available / sum(low) for v in low]
    spare = available - sum(low)
    stretch = sum(h - v for h, v in zip(high, low, strict=True)) or 1.0
    return [v + spare * (h - v) / stretch for h, v in zip(high, low, strict=True)]


def layout_pdf(html: str, page_size: str = "A4") -> bytes:
    """The template's HTML as a tagged PDF (PDF/UA-1). Raises :class:`Unsupported` when the
    document needs what only a full engine offers."""
    root = parse_html(html)
    html_el = root.find("html")
    title_el = root.find("title")
    title = title_el.text() if title_el is not None else "goalkit"
    lang = html_el.attrs.get("lang", "en") if html_el is not None else "en"
    pdf = PdfWriter(title=title, lang=lang)
    layout = _Layout(pdf, PAGE_SIZES_PT[page_size])
    body = root.find("body") or root
    layout.blocks(body, Style(9.0), pdf.root)
    for i, page in enumerate(pdf.pages):
        label = f"page {i + 1}"
        style = Style(8.0, colour=FOOTER)
        x = page.width - MARGIN_SIDE - width(label, style)
        with pdf.artifact(i, "Pagination"):
            pdf.text(i, x, MARGIN_BOTTOM / 2, [(face(style), 8.0, FOOTER, label)])
    return pdf.write()
