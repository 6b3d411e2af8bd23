"""Every labelled goal in tests/data/goals.jsonl, checked against goalkit's SMART checker.

Labels were given from the rules in tests/data/README.md before the checker ran. A line with an
"xfail" field is a known miss: it must keep failing (strict), so a fix shows up as XPASS.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from goalkit.smart import check_goal

CORPUS = Path(__file__).parent / "data" / "goals.jsonl"
LABELS = ("specific", "measurable", "time_bound", "pain_only")
FLAGS = ("pain_condition", "coercive", "shorthand")  # optional, false when absent


def _rows() -> list[dict[str, Any]]:
    with CORPUS.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _params() -> list[Any]:
    params = []
    for n, row in enumerate(_rows(), start=1):
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if "xfail" in row else []
        params.append(pytest.param(row, id=f"{n:03d}-{row['text'][:40]}", marks=marks))
    return params


def test_corpus_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 150
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), "duplicate statements"
    for row in rows:
        assert set(row) <= {"text", *LABELS, *FLAGS, "language", "source", "note", "xfail"}, row
        assert all(isinstance(row[k], bool) for k in LABELS), row
        assert all(isinstance(row.get(k, False), bool) for k in FLAGS), row
        assert row["text"].strip() and row["source"].strip(), row
    # the corpus covers both sides of every label
    for label in LABELS:
        assert {r[label] for r in rows} == {True, False}, label


@pytest.mark.parametrize("row", _params())
def test_corpus_line(row: dict[str, Any]) -> None:
    report = check_goal(row["text"])
    if row.get("language", "en") != "en":
        # another language: no verdict, and the report says the checker reads English only
        assert report.other_language is not None, report.notes
        assert {report.criteria[k].met for k in ("specific", "measurable", "time_bound")} \
            == {None}
        assert any("English only" in note for note in report.notes), report.notes
        return
    got: dict[str, bool | None] = {
        k: report.criteria[k].met for k in ("specific", "measurable", "time_bound")}
    got["pain_only"] = report.pain_only
    got["pain_condition"] = report.pain_condition is not None
    got["coercive"] = bool(report.language)
    expected = {k: row[k] for k in LABELS} | {
        k: row.get(k, False) for k in ("pain_condition", "coercive")}
    assert got == expected, {k: report.criteria[k].message for k in got if k in report.criteria}
