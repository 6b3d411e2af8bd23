"""The printed workshop pack: every lesson as a learner would fill it in on paper, and a
separate answer key for the facilitator (``goalkit workshop-pack OUT/``).

Each lesson notebook is run once (nbclient), so its example reports, tables and charts are
there. Its exercises show themselves on paper through :data:`PAPER_MIME`, a representation every
exercise widget adds beside its live view: the prompt, the starting goal of a rewrite, the quiz
questions with lettered choices, and writing space (a cell with ``{"goalkit": {"writing_lines":
N}}`` in its metadata). What belongs to the facilitator (quiz answers with their explanations,
the model answer of the final goal, what each starting goal lacks) goes to the key instead.

The pack is built as new notebooks of markdown cells only (what the examples showed, reports,
tables and charts, as HTML blocks in them), with no code, no *Run All* advice and no trainer
notes. It is printed with :func:`goalkit.export.nbconvert.notebook_to_pdf`.
"""

from __future__ import annotations

import base64
import html
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nbformat import NotebookNode

    from goalkit.widgets.training_rules import Question

__all__ = [
    "PAPER_MIME",
    "Pack",
    "build_pack",
    "lesson_paths",
    "pack_notebooks",
    "paper",
    "quiz_paper",
    "writing",
]

PAPER_MIME = "application/vnd.goalkit.paper+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
SKIP_TAG = "handout-skip"
LETTERS = "abcdefgh"
# Paragraphs a printed page must not carry: how to run cells, and notes for the trainer.
_NOT_ON_PAPER = re.compile(r"Run All|Run ›|^\*\*Trainer\b|^\*\*How to use this notebook",
                           re.IGNORECASE | re.MULTILINE)


def writing(lines: int, label: str = "") -> dict[str, Any]:
    """A cell of paper: ``label`` (markdown) followed by ``lines`` ruled writing lines."""
    return {"markdown": label, "writing_lines": lines}


def paper(cells: Sequence[dict[str, Any]], key: Sequence[str] = ()) -> dict[str, Any]:
    """What an exercise puts under :data:`PAPER_MIME`: its cells on paper, its key."""
    return {"cells": list(cells), "key": list(key)}


def quiz_paper(questions: Sequence[Question]) -> dict[str, Any]:
    """The questions with lettered choices in the stored order and a line for the letter; the
    key gives each right letter with its explanation."""
    cells: list[dict[str, Any]] = []
    key: list[str] = []
    for n, q in enumerate(questions, start=1):
        choices = "\n".join(f"- **{LETTERS[i]})** {html.escape(c.text)}"
                            for i, c in enumerate(q.choices))
        cells.append(writing(1, f"**{n}.** {html.escape(q.prompt)}\n\n{choices}\n\n"
                                "Your answer (letter):"))
        right = q.choices[q.answer]
        key.append(f"**{n}. {LETTERS[q.answer]})** {html.escape(right.text)}: "
                   f"{html.escape(right.why)}")
    return paper(cells, key)


@dataclass
class Pack:
    """The generated notebooks: one per lesson for learners, and the facilitator's key."""

    lessons: list[NotebookNode] = field(default_factory=list)
    key: NotebookNode | None = None


def lesson_paths(folder: Path) -> list[Path]:
    """The learner notebooks in ``folder`` (01-06: the facilitator's guide is not a lesson)."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00"))


def _md(source: str, **goalkit: Any) -> NotebookNode:
    from nbformat.v4 import new_markdown_cell

    cell = new_markdown_cell(source)  # type: ignore[no-untyped-call]
    if goalkit:
        cell.metadata["goalkit"] = goalkit
    return cell  # type: ignore[no-any-return]


def _raw_html(source: str) -> NotebookNode:
    """An output's HTML as a markdown cell holding one HTML block: without blank lines, so no
    markdown parser ends the block early and reads the rest as markdown. goalkit's reports and
    pandas tables escape every typed string themselves."""
    return _md(re.sub(r"\n\s*\n", "\n", source.strip()))


# A sentence telling the reader to run something: there is nothing to run on paper.
_RUN_SENTENCE = re.compile(r"(?:(?<=[.!?:])|^)\s*[^.!?:]*\bRun (?:the|this|these|that) "
                           r"cells?\b[^.!?]*[.!?]", re.MULTILINE)


def _paragraphs(source: str) -> str:
    kept = [_RUN_SENTENCE.sub("", p) for p in re.split(r"\n\s*\n", source)
            if not _NOT_ON_PAPER.search(p)]
    return "\n\n".join(p for p in kept if p.strip())


def _output_cells(output: dict[str, Any], key: list[str]) -> list[NotebookNode]:
    """One output of a run cell, as markdown cells of the pack (and lines of the key)."""
    data = output.get("data", {})
    if PAPER_MIME in data:
        sheet = data[PAPER_MIME]
        key.extend(sheet.get("key", []))
        return [_md(c.get("markdown", ""), **({"writing_lines": c["writing_lines"]}
                                               if c.get("writing_lines") else {}))
                for c in sheet.get("cells", [])]
    if WIDGET_MIME in data:
        return []  # a live view with nothing to print (a case walkthrough: its table follows)
    if output.get("output_type") == "stream" and output.get("name") == "stdout":
        return [_raw_html("<pre>" + html.escape(output.get("text", "")) + "</pre>")]
    if "text/html" in data:  # made by goalkit or pandas, every typed string escaped
        return [_raw_html(data["text/html"])]
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            raw = data[mime]
            text = raw if isinstance(raw, str) else base64.b64encode(raw).decode("ascii")
            return [_raw_html(f'<img alt="chart" src="data:{mime};base64,{text.strip()}">')]
    if "text/plain" in data:
        return [_raw_html("<pre>" + html.escape(data["text/plain"]) + "</pre>")]
    return []


def pack_notebooks(executed: Iterable[NotebookNode]) -> Pack:
    """The pack from lesson notebooks that have been run: markdown cells only."""
    from nbformat.v4 import new_notebook

    pack = Pack()
    key_cells = [_md("# Answer key for the facilitator\n\nQuiz answers with their "
                     "explanations, the final task's model answer, and what each starting "
                     "goal lacks. Not for learners.")]
    for nb in executed:
        cells: list[NotebookNode] = []
        key: list[str] = []
        title = ""
        for cell in nb.cells:
            if SKIP_TAG in cell.metadata.get("tags", ()):
                continue
            if cell.cell_type == "markdown":
                text = _paragraphs(cell.source)
                title = title or next((m.group(1) for m in [re.search(r"^#\s+(.+)$", text,
                                                                     re.M)] if m), "")
                if text.strip():
                    cells.append(_md(text))
            elif cell.cell_type == "code":
                for output in cell.get("outputs", []):
                    cells.extend(_output_cells(output, key))
        lesson = new_notebook(cells=cells)  # type: ignore[no-untyped-call]
        lesson.metadata["title"] = title
        pack.lessons.append(lesson)
        if key:
            key_cells.append(_md(f"## {html.escape(title)}\n\n" + "\n\n".join(key)))
    pack.key = new_notebook(cells=key_cells)  # type: ignore[no-untyped-call]
    return pack


def _run(path: Path, timeout: int) -> NotebookNode:
    import nbformat
    from nbclient import NotebookClient

    nb: NotebookNode = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    from goalkit.errors import GoalkitError

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute(stderr=subprocess.DEVNULL)  # the kernel's start-up warnings stay out
    except (CellExecutionError, CellTimeoutError) as exc:
        name = getattr(exc, "ename", type(exc).__name__)
        raise GoalkitError(f"{path.name}: a cell failed ({name}); run the notebook in "
                           "JupyterLab to see why") from None
    return nb


def build_pack(folder: Path, paper_size: str = "A4", timeout: int = 300
               ) -> tuple[bytes, bytes]:
    """Run every lesson in ``folder`` and print the pack and the key: ``(pack_pdf, key_pdf)``.

    The lessons are run as committed, in a kernel of their own, and never written back.
    """
    from nbformat.v4 import new_notebook

    from goalkit.export.nbconvert import notebook_to_pdf

    paths = lesson_paths(folder)
    if not paths:
        from goalkit.errors import GoalkitError

        raise GoalkitError(f"no lesson notebooks (01_*.ipynb ...) in {folder}")
    pack = pack_notebooks(_run(p, timeout) for p in paths)
    front = _md("# Workshop pack: SMART rehabilitation goals\n\nThe lessons of the workshop "
                "with their examples, the exercises with room to write, and the quizzes. Every "
                "patient in it is invented; write no real patient's details.")
    cells = [front]
    for lesson in pack.lessons:
        cells.append(_md('<div class="goalkit-page-break"></div>'))
        cells.extend(lesson.cells)
    whole = new_notebook(cells=cells)  # type: ignore[no-untyped-call]
    assert pack.key is not None
    return notebook_to_pdf(whole, paper=paper_size), notebook_to_pdf(pack.key, paper=paper_size)
