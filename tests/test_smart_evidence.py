"""Every verdict's evidence is the goal's own words, and those words alone carry the verdict.

As ftfy checks that applying its explanation reproduces its fix, this checks every labelled
goal goalkit has (the corpus and both held-out sets): each quote of Specific, Measurable and
Time-bound is a piece of the text as written, and a goal made of only those quotes (for
Measurable, with the activity it measures) gets the same "met". Shorthand is quoted as written,
never as goalkit reads it.
"""

from __future__ import annotations

from typing import Any

import pytest

from bench.smart_eval import LETTERS, SETS, load
from goalkit.smart import check_goal

ROWS = [row for path in SETS.values() for row in load(path)]


@pytest.mark.parametrize("row", ROWS, ids=[r["text"][:40] for r in ROWS])
def test_evidence_is_quoted_and_decides(row: dict[str, Any]) -> None:
    text = row["text"]
    report = check_goal(text)
    for key in LETTERS:
        finding = report.criteria[key]
        assert all(quote in text for quote in finding.evidence), (key, finding.evidence)
        if finding.met is not True:
            continue
        assert finding.evidence, f"{key} is met with no words quoted"
        probe = " and ".join(finding.evidence)
        if key == "measurable":  # with the activity it measures, unless a quote holds it
            activity = report.parts.activity or ""
            held = any(quote.startswith(activity) for quote in finding.evidence)
            probe = f"{'' if held else activity} {' '.join(finding.evidence)}".strip()
        again = check_goal(probe).criteria[key]
        assert again.met is True, (key, probe, again.message)


def test_shorthand_is_quoted_as_written() -> None:
    report = check_goal("Pt to amb 50 m w/ 4WW CGA within 3/52")
    assert report.criteria["time_bound"].evidence == ("within 3/52",)
    assert report.parts.support == "w/ 4WW"
    assert report.parts.activity == "amb"
