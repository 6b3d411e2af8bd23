"""The view both handout templates read: sentences and figures built in Python, not in Jinja."""

from __future__ import annotations

import html
import re

import pytest

from goalkit.edit import add_barrier
from goalkit.export.html import to_html
from goalkit.export.view import if_then
from tests.conftest import full_worksheet

TYPED = [
    ("A flare-up", "then halve the distance", "If a flare-up gets in the way, then halve the "
     "distance."),
    ("If my back flares up.", "Then, rest a day", "If my back flares up, then rest a day."),
    ("when I feel tired", "we will swap the walk for a swim", "If I feel tired, then we will "
     "swap the walk for a swim."),
    ("Too busy at work", "Walk at lunch", "If I feel too busy at work, then walk at lunch."),
    ("Bad weather", "", "If bad weather gets in the way, then we will make a plan together."),
    ("", "Call the clinic", "If something gets in the way, then call the clinic."),
    ("NRS above 7", "ring the GP", "If NRS above 7 gets in the way, then ring the GP."),
    ("  I miss a session  ", "THEN book another", "If I miss a session, then book another."),
]


@pytest.mark.parametrize(("barrier", "plan", "sentence"), TYPED)
def test_if_then_is_grammatical_whatever_is_typed(barrier: str, plan: str, sentence: str) -> None:
    assert if_then(barrier, plan).sentence == sentence


@pytest.mark.parametrize("barrier", ["A flare-up", "if Rain", "When work gets busy", "x"])
@pytest.mark.parametrize("plan", ["then then rest", "Then, rest", "rest.", "then"])
def test_no_then_then_and_no_capital_mid_sentence(barrier: str, plan: str) -> None:
    said = if_then(barrier, plan).sentence
    assert "then then" not in said.lower() and not said.endswith("..")
    assert re.match(r"If [a-z]", said), said


def test_the_patient_page_prints_the_sentence() -> None:
    ws = add_barrier(full_worksheet(), text="A flare-up", plan="then call the clinic")
    page = html.unescape(re.sub(r"<[^>]+>", "", to_html(ws)))
    assert "If a flare-up gets in the way, then call the clinic." in page
    assert "then then" not in page and "If A " not in page
