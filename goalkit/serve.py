"""Serving the worksheet app with Voilà: the command line, and the app notebook itself.

The app notebook is thin (one cell that shows the app). ``worksheets/worksheet.ipynb`` in the
repository is that notebook; when goalkit is installed without the repository, the same notebook
is written to a private temporary folder. A test keeps the two identical.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["APP_CELLS", "CLASS_CELLS", "app_notebook", "class_notebook_path", "notebook_path",
           "voila_command"]

# (cell type, source). Voilà strips code cells' sources, so the page shows only the app.
# The app is built in the preheated kernel before anyone opens the page; its list of saved
# worksheets keeps itself current (see WorksheetApp), so no visitor sees a stale list.
APP_CELLS: tuple[tuple[str, str], ...] = (
    ("code", "from goalkit.widgets.app import WorksheetApp\n\nWorksheetApp()"),
)

# The facilitator's dashboard (``goalkit workshop``): the class view over the results folder.
CLASS_CELLS: tuple[tuple[str, str], ...] = (
    ("code", "from goalkit.widgets.training_class import ClassView\n\nClassView()"),
)

REPO_NOTEBOOK = Path(__file__).resolve().parents[1] / "worksheets" / "worksheet.ipynb"


def app_notebook(cells_: tuple[tuple[str, str], ...] = APP_CELLS) -> dict[str, Any]:
    """The app notebook (or another one-cell notebook) as nbformat-4 JSON (no outputs)."""
    cells: list[dict[str, Any]] = []
    for i, (kind, source) in enumerate(cells_):
        cell: dict[str, Any] = {
            "cell_type": kind,
            "id": f"goalkit-{i}",
            "metadata": {},
            "source": source,
        }
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def notebook_path() -> Path:
    """The repository's app notebook, or a generated copy when there is no repository."""
    if REPO_NOTEBOOK.is_file():
        return REPO_NOTEBOOK
    folder = Path(tempfile.mkdtemp(prefix="goalkit-app-"))
    path = folder / "worksheet.ipynb"
    path.write_text(json.dumps(app_notebook(), indent=1) + "\n", encoding="utf-8")
    return path


def class_notebook_path() -> Path:
    """The class-view notebook, written to a new private temporary folder (0700).

    It is never one of the repository's notebooks: whatever Voilà or a kernel does with it,
    no learner's name or answer can end up in a tracked file.
    """
    folder = Path(tempfile.mkdtemp(prefix="goalkit-workshop-"))
    path = folder / "workshop.ipynb"
    path.write_text(json.dumps(app_notebook(CLASS_CELLS), indent=1) + "\n", encoding="utf-8")
    return path


def voila_command(
    *,
    port: int = 8866,
    ip: str = "127.0.0.1",
    open_browser: bool = False,
    notebook: Path | None = None,
    pool_size: int = 1,
    cull_idle: int = 0,
    token: bool = False,
) -> list[str]:
    """The Voilà command line that serves the app: lab template, sources stripped, tracebacks
    hidden, ``pool_size`` preheated kernels ready for the next visitors.

    ``cull_idle`` (seconds, 0 = never) shuts down kernels that have had no browser connected and
    no activity for that long: tabs that vanished without closing (a laptop lid, a crashed
    browser). A tab that is still open is never culled, and every change is already saved.
    ``token`` requires a token in the URL (``$JUPYTER_TOKEN`` when set, else a random one that
    Voilà prints with the address).
    """
    extra: list[str] = []
    if cull_idle > 0:
        extra += [
            f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
            f"--MappingKernelManager.cull_interval={max(1, min(60, cull_idle // 2))}",
        ]
    if token:
        extra.append("--Voila.auto_token=True")
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook or notebook_path()),
        f"--port={port}",
        f"--Voila.ip={ip}",
        f"--Voila.open_browser={open_browser}",
        "--template=lab",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--preheat_kernel=True",
        f"--pool_size={pool_size}",
        "--VoilaConfiguration.multi_kernel_manager_class=goalkit.kernels.AppKernelManager",
        *extra,
    ]
