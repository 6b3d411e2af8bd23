"""An nbconvert exporter for printable workshop handouts: ``--to goalkit_pdf``.

``jupyter nbconvert --to goalkit_pdf notebooks/01_smart_goals.ipynb`` writes
``01_smart_goals.pdf``: the notebook's teaching text and whatever its cells showed (reports,
tables, charts), with no code and no prompts, printed by Typst (PDF/UA-1) without a browser or
LaTeX. The conversion itself is :func:`goalkit.export.handout.notebook_to_pdf`; this exporter
adds nbconvert's preprocessors (``--execute`` among them) in front of it.
"""

from __future__ import annotations

from typing import Any

from nbconvert.exporters import Exporter
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Enum, Unicode, default

from .handout import EXERCISE_NOTE, handout_notebook, notebook_to_pdf

__all__ = ["EXERCISE_NOTE", "HandoutPDFExporter", "HandoutPreprocessor", "handout_notebook",
           "notebook_to_pdf"]


class HandoutPreprocessor(Preprocessor):
    """:func:`handout_notebook` as a preprocessor: it runs after ``--execute``, so a skipped
    cell still ran (its imports are there for the cells after it)."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]
                   ) -> tuple[NotebookNode, dict[str, Any]]:
        return handout_notebook(nb), resources


class HandoutPDFExporter(Exporter):
    """Notebook -> printable PDF handout: teaching text and outputs, no code, no browser."""

    export_from_notebook = "Handout PDF (goalkit)"
    output_mimetype = "application/pdf"

    handout_lang = Unicode("en", help="Language of the handout (the PDF's /Lang).").tag(config=True)
    paper = Enum(["A4", "Letter"], "A4", help="Page size: A4 or Letter.").tag(config=True)

    def _init_preprocessors(self) -> None:
        super()._init_preprocessors()  # type: ignore[no-untyped-call]
        # Registered last, so it runs after the default ones (execution included).
        self.register_preprocessor(HandoutPreprocessor, enabled=True)  # type: ignore[no-untyped-call]

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".pdf"

    def from_notebook_node(  # type: ignore[override]
        self, nb: NotebookNode, resources: dict[str, Any] | None = None, **kw: Any
    ) -> tuple[bytes, dict[str, Any]]:
        """Render ``nb`` to PDF bytes; ``resources['output_extension']`` is ``.pdf``."""
        prepared, resources = super().from_notebook_node(nb, resources, **kw)
        name = resources.get("metadata", {}).get("name") or None
        pdf = notebook_to_pdf(prepared, str(self.paper), lang=self.handout_lang,
                              fallback_title=name)
        resources["output_extension"] = ".pdf"
        return pdf, resources
