"""Reading level of the patient part (issue 15): measured, explained, never rewritten."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from goalkit import cases
from goalkit.export import readability
from goalkit.export.html import to_html
from goalkit.export.readability import FIXED_TEXT_GRADE, TARGET, assess, measure, patient_text
from goalkit.model import (
    Barrier,
    GasScale,
    Goal,
    Priority,
    Review,
    Step,
    SupportPerson,
    Worksheet,
    evolve,
)
from tests.conftest import full_worksheet
from tests.hostile import assert_inert_html

JARGON = (
    "Independently accomplish community ambulation utilising appropriate mobility assistance, "
    "demonstrating satisfactory cardiovascular endurance, within approximately six weeks."
)


def test_plain_and_dense_texts_are_told_apart() -> None:
    plain = measure("Walk to the shop and back. Rest when you need to. Do this five days a week.")
    assert plain.grade <= 3 and plain.simple_share == 1.0 and plain.long_words == ()
    dense = measure(JARGON)
    assert dense.grade > TARGET[1] and dense.simple_share < 0.5
    assert dense.long_words[:4] == ("independently", "accomplish", "ambulation", "appropriate")
    assert dense.words == 16 and dense.sentences == 1


def _fixed_only() -> Worksheet:
    """A worksheet whose typed texts are all empty: its patient page is goalkit's own words
    (with dates, numbers and the one-word relationship 'partner')."""
    empty = Goal(
        id="g1",
        confidence=7,
        steps=(
            Step(id="s1", target_date=dt.date(2026, 3, 2), done_on=dt.date(2026, 3, 1)),
            Step(id="s2", target_date=dt.date(2026, 3, 16)),
        ),
        gas=GasScale(),
    )
    return Worksheet(
        id="fixed01",
        priorities=(Priority(id="p1"),),
        goals=(empty, Goal(id="g2", role="secondary")),
        barriers=(Barrier(id="b1"),),
        support=SupportPerson(relationship="partner"),
        reviews=(Review(id="r1", date=dt.date(2099, 1, 5)),),
    )


def test_goalkits_own_patient_page_wording_reads_at_grade_6_or_below() -> None:
    text = patient_text(_fixed_only())
    for heading in ("My goal plan", "Small steps on the way", "If something gets in the way",
                    "Who helps me", "Next review", "Bring it to your next visit"):  # fmt: skip
        assert heading in text
    reading = measure(text)
    assert reading.grade <= FIXED_TEXT_GRADE, (reading, text)
    assert reading.long_words == (), reading.long_words


@pytest.mark.parametrize("name", cases.names())
def test_the_worked_cases_patient_parts_meet_the_target(name: str) -> None:
    report = assess(cases.load(name).worksheet)
    assert report.patient_part.grade <= TARGET[1]
    assert report.patient_part.words > 200


def test_typed_goals_are_measured_and_their_long_words_named_but_never_rewritten() -> None:
    ws = full_worksheet()
    ws = evolve(ws, goals=(evolve(ws.primary, statement=JARGON), *ws.secondary))
    report = assess(ws)
    [main] = [t for t in report.typed if t.where == "Main goal"]
    assert main.text == JARGON and main.reading.grade > TARGET[1]
    assert "ambulation" in main.reading.long_words
    assert main in report.culprits
    shown = readability.render_html(report)
    assert "Main goal: independently, accomplish, ambulation" in shown
    assert "goalkit changes nothing" in shown
    assert JARGON in to_html(ws, clinician=False)  # the handout keeps it word for word
    assert JARGON in patient_text(ws)


def test_the_report_is_escaped() -> None:
    hostile = "<img src=x onerror=alert(1)> Independently ambulating"
    ws = evolve(Worksheet(id="h1"), goals=(Goal(id="g", statement=hostile),))
    html = readability.render_html(assess(ws))
    assert_inert_html(html)
    assert "<img" not in html and "independently, ambulating" in html


def test_measuring_never_downloads_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("textstat tried to download data")

    monkeypatch.setattr(nltk, "download", refuse)
    assert measure("Climb the stairs at home without a rest.").words == 8
    assert "nltk" in sys.modules  # textstat imports it, but only its syllable path is skipped
