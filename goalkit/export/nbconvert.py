"""An nbconvert exporter for printable workshop handouts: ``--to goalkit_pdf``.

``jupyter nbconvert --to goalkit_pdf notebooks/01_smart_goals.ipynb`` writes
``01_smart_goals.pdf``: the notebook's teaching text and whatever its cells showed (reports,
tables, charts), with no code, no prompts and no browser or LaTeX. It renders the notebook with
nbconvert's HTML machinery (the ``basic`` template, wrapped in goalkit's own print page) and
turns the page into PDF with WeasyPrint, tagged as PDF/UA-1 like goalkit's other PDFs.

Widget views cannot be drawn offline, so their outputs are dropped; a code cell that showed one,
or that carries the cell tag ``exercise``, becomes a short note telling the reader where to try
it. Cells tagged ``handout-skip`` are left out altogether. Only ``data:`` URLs are fetched while
rendering: a notebook cannot pull files from the disk or the network into the handout.
"""

from __future__ import annotations

import copy
import html
import re
from typing import Any

from nbconvert.exporters import HTMLExporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from nbformat.v4 import new_markdown_cell
from traitlets import Unicode, default

__all__ = ["EXERCISE_NOTE", "HandoutPDFExporter", "HandoutPreprocessor", "handout_notebook",
           "notebook_to_pdf"]

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
EXERCISE_TAG = "exercise"
SKIP_TAG = "handout-skip"
EXERCISE_NOTE = (
    '<div class="goalkit-handout-exercise"><strong>Interactive exercise.</strong> Open this '
    "notebook in JupyterLab to try it and get feedback.</div>"
)

CSS = """\
@page { size: A4; margin: 18mm 17mm 20mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555 } }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt;
  line-height: 1.45; color: #1f2328 }
h1 { font-size: 19pt; margin: 0 0 0.4em; color: #0b3d62 }
h2 { font-size: 14pt; margin: 1.1em 0 0.3em; color: #0b3d62; break-after: avoid }
h3 { font-size: 12pt; margin: 0.9em 0 0.3em; break-after: avoid }
h1, h2, h3, h4 { line-height: 1.25 }
.anchor-link { display: none }
p, li { orphans: 2; widows: 2 }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 9.5pt }
tr { break-inside: avoid }
th, td { border: 1px solid #c9d1d9; padding: 0.2em 0.5em; text-align: left; vertical-align: top }
th { background: #f0f3f6 }
code, pre { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt }
pre { white-space: pre-wrap; background: #f6f8fa; padding: 0.4em 0.6em; border-radius: 4px }
img, svg { max-width: 100%; height: auto; break-inside: avoid }
.goalkit-smart-report, .goalkit-handout-exercise { break-inside: avoid }
blockquote { border-left: 3px solid #9fb3c8; margin: 0.5em 0; padding: 0.1em 0.8em;
  color: #3b4652 }
.output_subarea, .output_area { margin: 0.3em 0 0.6em }
.goalkit-handout-exercise { border: 1px dashed #6e7781; padding: 0.3em 0.8em; color: #3b4652;
  margin: 0.4em 0 0.8em }
.goalkit-writing-line { border-bottom: 1px solid #8c959f; height: 2.1em }
.goalkit-writing { break-inside: avoid; margin: 0 0 0.8em }
.goalkit-page-break { break-before: page }
"""


def _tags(cell: NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", ()))


def _writing_lines(cell: NotebookNode) -> int:
    goalkit = cell.get("metadata", {}).get("goalkit", {})
    lines = goalkit.get("writing_lines", 0) if isinstance(goalkit, dict) else 0
    return max(0, min(int(lines), 40)) if isinstance(lines, int) else 0


def handout_notebook(nb: NotebookNode) -> NotebookNode:
    """A copy of ``nb`` ready for print: widget outputs out, exercise notes in, skips gone,
    and a markdown or raw cell with ``{"goalkit": {"writing_lines": N}}`` followed by N ruled
    lines to write on."""
    out = copy.deepcopy(nb)
    cells = []
    for cell in out.cells:
        tags = _tags(cell)
        if SKIP_TAG in tags:
            continue
        if cell.cell_type != "code":
            lines = _writing_lines(cell)
            if lines:
                cell.cell_type = "markdown"  # a raw cell too, so the lines are drawn
                cell.pop("attachments", None)
                cell.source = (f'<div class="goalkit-writing">\n\n{cell.source}\n\n'
                               + '<div class="goalkit-writing-line"></div>' * lines + "</div>")
            cells.append(cell)
            continue
        outputs = cell.get("outputs", [])
        kept = [o for o in outputs if WIDGET_MIME not in o.get("data", {})]
        cell.outputs = kept
        cells.append(cell)
        if EXERCISE_TAG in tags or len(kept) < len(outputs):
            note = new_markdown_cell(EXERCISE_NOTE)  # type: ignore[no-untyped-call]
            note.metadata["goalkit_handout_note"] = True
            cells.append(note)
    out.cells = cells
    return out


class HandoutPreprocessor(Preprocessor):
    """:func:`handout_notebook` as a preprocessor: it runs after ``--execute``, so a skipped
    cell still ran (its imports are there for the cells after it)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]
                   ) -> tuple[NotebookNode, dict[str, Any]]:
        return handout_notebook(nb), resources


_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _title(nb: NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _H1.search(cell.source)
            if match:
                return re.sub(r"[*_`]", "", match.group(1))
    return fallback


def _page(body: str, title: str, lang: str, paper: str = "A4") -> str:
    css = CSS.replace("size: A4;", f"size: {paper};")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>"
        f'<body><main class="goalkit-handout">{body}</main></body></html>'
    )


def pdf_from_html(page: str) -> bytes:
    """WeasyPrint, fetching nothing but ``data:`` URLs (images embedded by nbconvert).

    goalkit.export.pdf.html_to_pdf would fetch ``file:`` and ``http:`` URLs found in a
    notebook's outputs; a handout must not, so the fetcher here is restricted.
    """
    import weasyprint
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",), timeout=5)
    pdf: bytes = weasyprint.HTML(string=page, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
    return pdf


class HandoutPDFExporter(HTMLExporter):
    """Notebook -> printable PDF handout: teaching text and outputs, no code, no browser."""

    export_from_notebook = "Handout PDF (goalkit)"
    output_mimetype = "application/pdf"

    handout_lang = Unicode("en", help="Language of the handout (the PDF's /Lang).").tag(config=True)
    paper = Unicode("A4", help="Paper size: A4 or Letter.").tag(config=True)

    def _init_preprocessors(self) -> None:
        super()._init_preprocessors()  # type: ignore[no-untyped-call]
        # Registered last, so it runs after the default ones (execution included). nbconvert
        # calls this again whenever the template changes, so it cannot go in __init__.
        self.register_preprocessor(HandoutPreprocessor, enabled=True)  # type: ignore[no-untyped-call]

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    @default("template_extension")
    def _template_extension_default(self) -> str:
        return ".html.j2"  # the HTML template, not one named after the .pdf extension

    @default("template_name")
    def _template_name_default(self) -> str:
        return "basic"

    @default("exclude_input")
    def _exclude_input_default(self) -> bool:
        return True

    @default("exclude_input_prompt")
    def _exclude_input_prompt_default(self) -> bool:
        return True

    @default("exclude_output_prompt")
    def _exclude_output_prompt_default(self) -> bool:
        return True

    @default("exclude_anchor_links")
    def _exclude_anchor_links_default(self) -> bool:
        return True

    @default("embed_images")
    def _embed_images_default(self) -> bool:
        return True

    def get_template_names(self) -> list[str]:
        """The HTML template chain: the template renders HTML, which is printed afterwards.

        nbconvert refuses a template whose ``conf.json`` does not list the exporter's output
        type, so the check is made against ``text/html``.
        """
        self.output_mimetype = "text/html"
        try:
            names: list[str] = super().get_template_names()  # type: ignore[no-untyped-call]
        finally:
            del self.output_mimetype
        return names

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        """Render ``nb`` to PDF bytes; ``resources['output_extension']`` is ``.pdf``."""
        body, resources = super().from_notebook_node(nb, resources, **kw)
        name = resources.get("metadata", {}).get("name") or "Handout"
        page = _page(body, _title(nb, name), self.handout_lang, self.paper)
        resources["output_extension"] = ".pdf"
        return pdf_from_html(page), resources


def notebook_to_pdf(nb: NotebookNode, paper: str = "A4") -> bytes:
    """A notebook as a printed handout (the ``goalkit_pdf`` exporter), on A4 or Letter."""
    if paper not in ("A4", "Letter"):
        raise ValueError(f"paper {paper!r}: use A4 or Letter")
    pdf, _ = HandoutPDFExporter(paper=paper).from_notebook_node(nb)  # type: ignore[no-untyped-call]
    return pdf
