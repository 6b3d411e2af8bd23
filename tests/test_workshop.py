"""The workshop as a facilitator runs it: what the lessons tell learners, the class view,
the printed pack and the facilitator's dashboard."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]

LESSONS = sorted((ROOT / "notebooks").glob("0[1-6]_*.ipynb"))


def markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return " ".join(" ".join(c.source for c in nb.cells if c.cell_type == "markdown").split())


@pytest.mark.parametrize("name", ["01_smart_goals", "06_assessment"])
def test_the_lessons_say_the_checker_reads_english_only(name: str) -> None:
    text = markdown(ROOT / "notebooks" / f"{name}.ipynb")
    assert re.search(r"reads (goals written in )?English", text), name
