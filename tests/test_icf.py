"""goalkit.icf: the table covers DOMAIN.md's categories, titles are ICF's, matching works."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from goalkit import icf

# Every category listed in shared/DOMAIN.md's ICF section, with its official ICF title.
DOMAIN_CATEGORIES = {
    "b130": "Energy and drive functions", "b134": "Sleep functions",
    "b152": "Emotional functions", "b280": "Sensation of pain",
    "b710": "Mobility of joint functions", "d450": "Walking",
    "b440": "Respiration functions", "b455": "Exercise tolerance functions",
    "b525": "Defecation functions", "b620": "Urination functions",
    "b730": "Muscle power functions", "b735": "Muscle tone functions",
    "b740": "Muscle endurance functions",
    "d240": "Handling stress and other psychological demands",
    "d410": "Changing basic body position", "d415": "Maintaining a body position",
    "d420": "Transferring oneself", "d430": "Lifting and carrying objects",
    "d445": "Hand and arm use", "d465": "Moving around using equipment", "d475": "Driving",
    "d520": "Caring for body parts", "d530": "Toileting", "d540": "Dressing", "d550": "Eating",
    "d640": "Doing housework", "d650": "Caring for household objects",
    "d760": "Family relationships", "d845": "Acquiring, keeping and terminating a job",
    "d850": "Remunerative employment", "d910": "Community life",
    "d920": "Recreation and leisure",
    "e120": "Products and technology for personal indoor and outdoor mobility and "
            "transportation",
    "e310": "Immediate family", "e355": "Health professionals",
}
CONFIRMED = {"b130", "b134", "b152", "b280", "b710", "d450"}


def test_table_covers_domain_categories_with_icf_titles() -> None:
    for code, title in DOMAIN_CATEGORIES.items():
        assert code in icf.CATEGORIES, code
        assert icf.title(code) == title


def test_status_marks_what_is_unverified() -> None:
    statuses = {c.code: c.status for c in icf.CATEGORIES.values()}
    assert {c for c, s in statuses.items() if s == "confirmed"} == CONFIRMED
    for code in set(DOMAIN_CATEGORIES) - CONFIRMED:
        assert statuses[code] == "unverified", code
    assert set(statuses.values()) <= {"confirmed", "unverified", "goalkit"}
    assert any("unverified" in note for note in icf.NOTES)


def test_every_category_is_well_formed_and_keywords_live_in_the_table() -> None:
    raw = json.loads((files("goalkit") / "data" / "icf.json").read_text(encoding="utf-8"))
    assert len(raw["categories"]) == len(icf.CATEGORIES)
    for cat in icf.CATEGORIES.values():
        assert cat.code[0] in "bde" and cat.code[1:].isdigit() and len(cat.code) == 4
        assert cat.keywords, cat.code
        assert cat.component in {"body functions", "activities and participation",
                                 "environmental factors"}


def test_title_of_unknown_code_is_none() -> None:
    assert icf.title("d4500") is None
    assert icf.title("x999") is None
    assert icf.title(" D450 ") == "Walking"


@pytest.mark.parametrize(("text", "codes"), [
    ("Walk to the shop", ["d450", "d620"]),
    ("Climb the stairs at home", ["d455"]),
    ("Reduce my back pain", ["b280"]),
    ("Put on my socks and shoes", ["d540"]),
    ("Return to work as a nurse", ["d845"]),
    ("Take the bus into town", ["d470"]),
    ("Stand up from a low chair", ["d410"]),
    ("Sit for 30 minutes", ["d415"]),
    ("Self-propel my wheelchair 100 m", ["d465", "e120"]),
    ("Sleep through the night", ["b134"]),
    ("Lift my grandson", ["d430", "d760"]),
    ("Hoover the living room", ["d640"]),
    ("Feel less stressed", ["d240"]),
    ("", []),
])
def test_classify(text: str, codes: list[str]) -> None:
    assert [m.code for m in icf.classify(text)] == codes


def test_matches_quote_the_words_as_written_in_order_of_mention() -> None:
    matches = icf.classify("Walking the dog and walking to church without PAIN")
    assert [(m.code, m.title) for m in matches][:2] == [("d450", "Walking"),
                                                         ("d930", "Religion and spirituality")]
    assert matches[0].matched == ("Walking", "walking")
    assert matches[-1].matched == ("PAIN",)


def test_longer_keyword_wins() -> None:
    # "stand up" (changing position) hides "stand" (maintaining a position)
    assert "d415" not in [m.code for m in icf.classify("stand up")]


def test_classify_rejects_non_text_and_survives_junk() -> None:
    with pytest.raises(TypeError):
        icf.classify(None)  # type: ignore[arg-type]
    assert icf.classify("<script>" * 1000 + "😀" * 1000) == []


@pytest.mark.parametrize(("text", "code"), [
    ("Do one household chore each day.", "d640"),
    ("Take my exams in a separate room this term.", "d820"),
])
def test_a_chore_and_exams_find_their_area(text: str, code: str) -> None:
    assert code in [m.code for m in icf.classify(text)]
