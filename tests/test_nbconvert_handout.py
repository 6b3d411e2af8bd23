"""``jupyter nbconvert --to goalkit_pdf``: every training notebook as a printable handout.

The handout holds the notebook's teaching text (every heading) and what its cells showed, and
no code. Widget views, which cannot be drawn offline, become a note about the exercise.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbconvert.exporters import get_exporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from pypdf import PdfReader

from goalkit.export.nbconvert import (
    EXERCISE_NOTE,
    HandoutPDFExporter,
    handout_notebook,
    notebook_to_pdf,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CODE_MARKERS = ("import goalkit", "from goalkit", "LearnerName(", "Quiz(", "GoalExercise(",
                "VARIANT =", "frame = results")
WIDGET = "application/vnd.jupyter.widget-view+json"


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def headings(nb: nbformat.NotebookNode) -> list[str]:
    """The markdown headings a reader of the handout should find (skipped cells excluded)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or "handout-skip" in cell.metadata.get("tags", []):
            continue
        for line in cell.source.splitlines():
            match = re.match(r"^#{1,4}\s+(.+?)\s*$", line)
            if match:
                found.append(" ".join(re.sub(r"[*_`]", "", match.group(1)).split()))
    return found


def test_nbconvert_finds_the_exporter_by_name() -> None:
    assert get_exporter("goalkit_pdf") is HandoutPDFExporter
    exporter = HandoutPDFExporter()
    assert exporter.output_mimetype == "application/pdf"
    assert exporter.file_extension == ".pdf"


def test_there_are_seven_training_notebooks() -> None:
    assert [p.stem[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05", "06"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_prints_its_headings_and_no_code(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    pdf, resources = HandoutPDFExporter().from_notebook_node(
        nb, resources={"metadata": {"name": path.stem}})
    assert pdf.startswith(b"%PDF-") and resources["output_extension"] == ".pdf"
    text = pdf_text(pdf)
    expected = headings(nb)
    assert len(expected) >= 4
    missing = [h for h in expected if h not in text]
    assert not missing, f"headings missing from the handout: {missing}"
    for marker in CODE_MARKERS:
        assert marker not in text, f"code in the handout: {marker!r}"
    if any("exercise" in c.metadata.get("tags", []) for c in nb.cells):
        assert "Interactive exercise." in text
    assert "Your results name" not in text  # learner-only cells are skipped


def test_the_pdf_is_tagged_with_title_and_language() -> None:
    nb = nbformat.read(ROOT / "notebooks" / "01_smart_goals.ipynb", as_version=4)
    pdf, _ = HandoutPDFExporter().from_notebook_node(nb)
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title is not None and reader.metadata.title.startswith("01 · SMART")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def widget_notebook() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.cells = [
        new_markdown_cell("# Title"),
        new_code_cell("LearnerName()", metadata={"tags": ["handout-skip"]}, outputs=[
            new_output("display_data", data={"text/plain": "VBox()", WIDGET: {}})]),
        new_code_cell("GoalExercise('x')", outputs=[
            new_output("display_data", data={"text/plain": "VBox(children=...)", WIDGET: {}})]),
        new_code_cell("Quiz('y')", metadata={"tags": ["exercise"]}),
        new_code_cell("print('kept')", outputs=[
            new_output("stream", name="stdout", text="an output that stays\n")]),
    ]
    return nb


def test_handout_notebook_drops_widgets_and_skipped_cells() -> None:
    nb = widget_notebook()
    out = handout_notebook(nb)
    kinds = [(c.cell_type, c.source) for c in out.cells]
    assert kinds == [("markdown", "# Title"), ("code", "GoalExercise('x')"),
                     ("markdown", EXERCISE_NOTE), ("code", "Quiz('y')"),
                     ("markdown", EXERCISE_NOTE), ("code", "print('kept')")]
    assert out.cells[1].outputs == []
    assert len(nb.cells) == 5 and nb.cells[2].outputs  # the original is untouched
    text = pdf_text(HandoutPDFExporter().from_notebook_node(nb)[0])
    assert "an output that stays" in text and "VBox" not in text
    assert text.count("Interactive exercise.") == 2


def test_the_handout_fetches_no_files_or_urls(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    nb = new_notebook()
    nb.cells = [new_markdown_cell(
        f'# Title\n\n<img src="file://{secret}" alt="x"> '
        f'<a rel="attachment" href="file://{secret}">attached</a> '
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">')]
    pdf, _ = HandoutPDFExporter().from_notebook_node(nb)
    reader = PdfReader(io.BytesIO(pdf))
    assert not reader.attachments
    assert b"TOP-SECRET-LINE" not in pdf


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONWARNINGS": "ignore"}


@pytest.mark.slow
def test_the_command_line_executes_and_prints_a_notebook(tmp_path: Path) -> None:
    """What a trainer runs: outputs (tables, charts) in, code and widgets out."""
    source = ROOT / "notebooks" / "05_gas_and_progress.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "goalkit_pdf", "--execute",
         "--output-dir", str(tmp_path), str(source)],
        capture_output=True, text=True, env=env(), timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    pdf = (tmp_path / "05_gas_and_progress.pdf").read_bytes()
    text = pdf_text(pdf)
    for heading in headings(nbformat.read(source, as_version=4)):
        assert heading in text
    assert "T = 50 means every goal landed exactly as expected." in text
    assert "Unweighted T-score 54.6" in text  # an executed output
    assert "has not moved meaningfully" in text  # the plateau finding
    assert not [m for m in CODE_MARKERS if m in text] and "VBox" not in text
    images = sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)
    assert images >= 3  # the GAS chart and two progress charts
    assert json.loads(source.read_text())["cells"][1]["metadata"]["tags"] == ["handout-skip"]


def structure(pdf: bytes) -> list[str]:
    """The structure tree's roles, depth first (pikepdf, independent of Typst)."""
    import pikepdf

    roles: list[str] = []

    def walk(elem: pikepdf.Dictionary) -> None:
        roles.append(str(elem.get("/S")))
        kids = elem.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid)

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        walk(doc.Root.StructTreeRoot)
    return roles


def test_markdown_goes_through_a_real_parser_into_tagged_structure() -> None:
    nb = new_notebook()
    nb.cells = [new_markdown_cell(
        "# Handout title\n\nSome *emphasis* and **bold** text with `code`.\n\n"
        "#### A deep heading\n\n1. first\n2. second\n   - nested item\n\n"
        "| criterion | meaning |\n|---|---|\n| S | Specific |\n\n"
        "```\nprint('a code block')\n```\n\n> a quotation\n")]
    pdf = notebook_to_pdf(nb)
    text = pdf_text(pdf)
    for expected in ("Handout title", "Some emphasis and bold text with code.", "A deep heading",
                     "first", "nested item", "criterion meaning", "S Specific",
                     "print('a code block')", "a quotation"):
        assert expected in text, expected
    assert "*" not in text and "|---" not in text and "```" not in text
    roles = structure(pdf)
    assert roles.count("/H1") == 1 and "/H2" in roles  # level 4 clamped: no level skipped
    for role in ("/L", "/LI", "/Table", "/TH", "/TD", "/Em", "/Strong"):
        assert role in roles, role
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == "Handout title"


def test_typed_markup_in_a_notebook_prints_as_text() -> None:
    hostile = '#read("/etc/passwd") #include "/etc/hosts" $x$ @ref <lab> ] \\*'
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# T\n\n" + hostile),
                new_code_cell("x", outputs=[new_output("stream", name="stdout", text=hostile)])]
    text = pdf_text(notebook_to_pdf(nb))
    assert '#read("/etc/passwd") #include "/etc/hosts" $x$ @ref <lab> ] \\*' in text
    assert "root:" not in text and "localhost" not in text


def test_writing_lines_follow_a_cell_that_asks_for_them() -> None:
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# Reflection"),
                new_markdown_cell("What will you try next week?",
                                  metadata={"goalkit": {"writing_lines": 12}}),
                nbformat.v4.new_raw_cell("Notes for the trainer",
                                         metadata={"goalkit": {"writing_lines": 3}})]
    without = new_notebook()
    without.cells = [new_markdown_cell("# Reflection"),
                     new_markdown_cell("What will you try next week?"),
                     nbformat.v4.new_raw_cell("Notes for the trainer")]
    lined, plain = notebook_to_pdf(nb), notebook_to_pdf(without)
    assert pdf_text(lined) == pdf_text(plain)  # the lines add no text
    ruled = lines_drawn(lined) - lines_drawn(plain)
    assert ruled == 15


def lines_drawn(pdf: bytes) -> int:
    """Horizontal strokes drawn in the PDF's pages (Typst draws a line as ``m`` ``l`` ``S``)."""
    import pikepdf

    count = 0
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            ops = [op for _operands, op in pikepdf.parse_content_stream(page)]
            count += sum(1 for a, b in itertools.pairwise(ops)
                         if str(a) == "l" and str(b) == "S")
    return count


def test_cell_html_outputs_become_text_tables_and_lists() -> None:
    from goalkit.smart import check_goal
    from goalkit.smart_render import render_html

    nb = new_notebook()
    report = render_html(check_goal("Walk 2 km to the park on my own within 6 weeks"))
    frame = ("<table><thead><tr><th>barrier</th><th>plan</th></tr></thead><tbody>"
             "<tr><td>rain</td><td>walk indoors</td></tr></tbody></table>")
    nb.cells = [new_markdown_cell("# Outputs"), new_code_cell("x", outputs=[
        new_output("display_data", data={"text/html": report, "text/plain": "<report>"}),
        new_output("execute_result", data={"text/html": frame, "text/plain": "frame"},
                   execution_count=1)])]
    pdf = notebook_to_pdf(nb)
    text = pdf_text(pdf)
    assert "SMART: Specific, Measurable" in text and "<report>" not in text
    assert "barrier plan rain walk indoors" in text
    assert "/TH" in structure(pdf)


def test_paper_size_is_checked() -> None:
    nb = new_notebook()
    nb.cells = [new_markdown_cell("# T")]
    letter = PdfReader(io.BytesIO(notebook_to_pdf(nb, "Letter"))).pages[0]
    assert round(float(letter.mediabox.width)) == 612
    with pytest.raises(ValueError, match="page size must be one of A4, Letter"):
        notebook_to_pdf(nb, "A5")


def test_a_page_break_cell_starts_the_next_part_on_a_new_page() -> None:
    import io

    from nbformat.v4 import new_markdown_cell, new_notebook
    from pypdf import PdfReader

    from goalkit.export.nbconvert import notebook_to_pdf

    nb = new_notebook(cells=[new_markdown_cell("# Lesson one\n\nA goal."),
                             new_markdown_cell('<div class="goalkit-page-break"></div>'),
                             new_markdown_cell("# Lesson two\n\nAnother goal.")])
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(notebook_to_pdf(nb))).pages]
    assert len(pages) == 2 and "Lesson one" in pages[0] and "Lesson two" in pages[1]
