"""FHIR R4 export and import (issue 15): what the bundle holds, and that reading it back loses
nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.careplan import CarePlan
from fhir.resources.R4B.goal import Goal as FhirGoal
from fhir.resources.R4B.observation import Observation
from hypothesis import given, settings
from hypothesis import strategies as st

from goalkit import cases, export, fileformat
from goalkit.cli import main
from goalkit.errors import WorksheetFileError
from goalkit.export.fhir import GAS_ANSWERS, LOINC, PCO_GAS, from_fhir, to_fhir
from goalkit.model import Goal, Worksheet, evolve
from tests.conftest import full_worksheet
from tests.conftest import goalkit_cli as run


def _resources(text: str, kind: str | None = None) -> list[dict[str, Any]]:
    doc = json.loads(text)
    return [e["resource"] for e in doc["entry"] if kind in (None, e["resource"]["resourceType"])]


def _codes(concept: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in concept.get("coding", [])}


@pytest.mark.parametrize("name", cases.names())
def test_every_case_reads_back_unchanged(name: str) -> None:
    ws = cases.load(name).worksheet
    assert from_fhir(to_fhir(ws)) == ws


def test_the_full_worksheet_reads_back_unchanged_and_the_bundle_is_stable() -> None:
    ws = full_worksheet()
    text = to_fhir(ws)
    assert from_fhir(text) == ws
    assert to_fhir(ws) == text  # same worksheet, same bundle (urn:uuid addresses are derived)


def test_a_bare_draft_reads_back_unchanged() -> None:
    ws = Worksheet(id="draft01")  # empty statement, no patient reference, nothing else
    text = to_fhir(ws)
    [goal] = _resources(text, "Goal")
    assert goal["lifecycleStatus"] == "proposed"
    assert "text" not in goal["description"]
    assert from_fhir(text) == ws


def test_the_bundle_validates_resource_by_resource() -> None:
    text = to_fhir(full_worksheet())
    bundle = Bundle.model_validate_json(text)
    assert bundle.type == "collection"
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds[:3] == ["Patient", "CarePlan", "RelatedPerson"]
    assert kinds.count("Goal") == 2
    for model, kind in ((FhirGoal, "Goal"), (CarePlan, "CarePlan"), (Observation, "Observation")):
        for res in _resources(text, kind):
            model.model_validate(res)


def test_the_patient_is_only_the_pseudonymous_reference() -> None:
    text = to_fhir(full_worksheet())
    [patient] = _resources(text, "Patient")
    assert set(patient) == {"resourceType", "id", "identifier", "communication"}
    assert patient["communication"] == [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "en"}]}, "preferred": True}
    ]
    assert patient["identifier"][0]["value"] == "P-014"
    assert text.count("P-014") == 1  # nowhere else: not in ids, addresses or text


def test_goal_carries_description_priority_status_target_and_gas_levels() -> None:
    text = to_fhir(full_worksheet())
    main_goal, second = _resources(text, "Goal")
    assert main_goal["description"]["text"].startswith("Walk 2 km to the park")
    assert _codes(main_goal["priority"]) == {
        ("http://terminology.hl7.org/CodeSystem/goal-priority", "high-priority")
    }
    assert _codes(second["priority"]) == {
        ("http://terminology.hl7.org/CodeSystem/goal-priority", "medium-priority")
    }
    assert main_goal["lifecycleStatus"] == "active"
    # the one check-in scored -1, the baseline: no change yet
    assert _codes(main_goal["achievementStatus"]) == {
        ("http://terminology.hl7.org/CodeSystem/goal-achievement", "no-change")
    }
    assert main_goal["startDate"] == full_worksheet().created.date().isoformat()
    walk = main_goal["target"][0]
    assert walk["measure"]["text"] == "Walking distance"
    assert walk["detailQuantity"] == {"value": 2000.0, "unit": "m"}
    assert walk["dueDate"] == "2026-02-11"  # the review
    gas_target = main_goal["target"][-1]
    assert _codes(gas_target["measure"]) == {(LOINC, "107332-9")}
    assert ("http://hl7.org/fhir/sid/icf", "d450") in set().union(
        *(_codes(c) for c in main_goal["category"])
    )
    levels = [e for e in main_goal["extension"] if e["url"] == PCO_GAS]
    got = [
        ({x["url"]: x for x in e["extension"]}["level"]["valueCoding"]["code"],
         {x["url"]: x for x in e["extension"]}["text"]["valueString"])
        for e in levels
    ]  # fmt: skip
    assert got == [
        ("LA34479-8", "Walks 4 km"),
        ("LA34480-6", "Walks 3 km"),
        ("LA34481-4", "Walks 2 km"),
        ("LA34483-0", "Walks 400 m (now)"),
        ("LA34484-8", "Walks under 400 m"),
    ]
    [why] = main_goal["note"]
    assert why["text"] == "so I can take my son to football again"
    football = "Play football with my son"
    [priority] = [r for r in _resources(text, "Observation") if r.get("valueString") == football]
    assert main_goal["addresses"] == [{"reference": "urn:uuid:" + priority["id"]}]


def test_gas_answers_follow_the_pco_answer_list() -> None:
    assert [GAS_ANSWERS[lv][0] for lv in (2, 1, 0, -1, -2)] == [
        "LA34479-8", "LA34480-6", "LA34481-4", "LA34483-0", "LA34484-8",
    ]  # fmt: skip


def test_care_plan_ties_goals_steps_and_reviews() -> None:
    text = to_fhir(full_worksheet())
    [plan] = _resources(text, "CarePlan")
    goals = {"urn:uuid:" + g["id"]: g for g in _resources(text, "Goal")}
    assert [g["reference"] for g in plan["goal"]] == list(goals)
    details = [a["detail"] for a in plan["activity"]]
    steps = [d for d in details if d["code"]["coding"][0]["code"] == "step"]
    assert [(d["description"], d["scheduledPeriod"]["end"], d["status"]) for d in steps] == [
        ("Walk 500 m five days a week", "2026-01-14", "completed"),
        ("Walk 1 km five days a week", "2026-01-28", "not-started"),
    ]
    assert all(goals[d["goal"][0]["reference"]]["priority"] for d in steps)
    [review] = [d for d in details if d["code"]["coding"][0]["code"] == "review"]
    assert review["scheduledPeriod"] == {"start": "2026-02-11", "end": "2026-02-11"}
    assert review["description"] == "six-week review"
    assert plan["author"] == {"display": "Physiotherapist A"}


def test_check_ins_are_observations_of_gas_level_measures_and_pain() -> None:
    text = to_fhir(full_worksheet())
    obs = {"urn:uuid:" + o["id"]: o for o in _resources(text, "Observation")}
    [panel] = [o for o in obs.values() if o["code"]["coding"][0]["code"] == "check-in"]
    assert panel["effectiveDateTime"] == "2026-01-14"
    members = [obs[m["reference"]] for m in panel["hasMember"]]
    by_code = {m["code"]["coding"][0]["code"]: m for m in members}
    gas = by_code["107333-7"]
    assert _codes(gas["valueCodeableConcept"]) == {(LOINC, "LA34483-0")}
    assert by_code["72514-3"]["valueQuantity"]["value"] == 5
    measured = {
        obs[m["reference"]]["code"]["coding"][0]["code"]: obs[m["reference"]]["valueQuantity"]
        for m in gas["hasMember"]
    }
    assert measured == {
        "walk": {"value": 700.0, "unit": "m"},
        "psfs1": {"value": 3.0, "unit": "0-10"},
    }
    baselines = [o for o in obs.values() if o["code"]["coding"][0]["code"] == "112296-9"]
    assert [_codes(b["valueCodeableConcept"]) for b in baselines] == [{(LOINC, "LA34483-0")}]


def test_deidentified_bundle_leaves_out_what_deidentify_drops() -> None:
    text = to_fhir(full_worksheet(), deidentify=True)
    assert "Physiotherapist A" not in text and "walks with me on weekends" not in text
    assert from_fhir(text).patient_ref == "P-014"


def test_a_foreign_bundle_with_plain_goals_is_read_as_far_as_it_goes() -> None:
    doc = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": "urn:uuid:p", "resource": {"resourceType": "Patient"}},
            {
                "fullUrl": "urn:uuid:g",
                "resource": {
                    "resourceType": "Goal",
                    "lifecycleStatus": "active",
                    "priority": {"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/goal-priority",
                        "code": "high-priority",
                    }]},
                    "description": {"text": "Climb the stairs at home"},
                    "subject": {"reference": "urn:uuid:p"},
                },
            },
        ],
    }  # fmt: skip
    ws = from_fhir(json.dumps(doc))
    assert ws.primary.statement == "Climb the stairs at home" and ws.patient_ref == ""
    del doc["entry"][1]["resource"]["priority"]  # no priority at all: the first goal leads
    second = json.loads(json.dumps(doc["entry"][1]))
    second["fullUrl"] = "urn:uuid:g2"
    second["resource"]["description"]["text"] = "Walk to the shop"
    doc["entry"].append(second)
    ws = from_fhir(json.dumps(doc))
    assert [(g.role, g.statement) for g in ws.goals] == [
        ("primary", "Climb the stairs at home"),
        ("secondary", "Walk to the shop"),
    ]


def _bundle_with(**change: Any) -> str:
    doc = json.loads(to_fhir(full_worksheet()))
    doc.update(change)
    return json.dumps(doc)


def _four_goals() -> str:
    doc = json.loads(to_fhir(full_worksheet()))
    goal = next(e for e in doc["entry"] if e["resource"]["resourceType"] == "Goal")
    for n in range(3):
        copy = json.loads(json.dumps(goal))
        copy["fullUrl"] += str(n)
        copy["resource"]["identifier"][0]["value"] += str(n)
        doc["entry"].append(copy)
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "bundle: not valid JSON"),
        ('{"resourceType": "Patient"}', "not a FHIR Bundle"),
        ('[1, 2]', "not a FHIR Bundle"),
        ('{"resourceType": "Bundle", "type": "collection", "entry": []}', "holds no Goal"),
        (_bundle_with(type=7), "not a valid FHIR R4 Bundle (type"),
        (_bundle_with(colour="red"), "not a valid FHIR R4 Bundle (colour"),
        (_four_goals(), "exactly one primary goal"),
    ],
)
def test_bad_bundles_are_refused_in_one_line(text: str, message: str) -> None:
    with pytest.raises(WorksheetFileError) as caught:
        from_fhir(text)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_cli_exports_and_imports_a_bundle(tmp_path: Path) -> None:
    src = tmp_path / "worksheet.json"
    fileformat.save(full_worksheet(), src)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(src), "--to", "fhir", "-o", str(out)]) == 0
    [bundle] = out.iterdir()
    assert bundle.name == f"goalkit-ws-sample-01-{dt.date.today().isoformat()}.fhir.json"
    back = tmp_path / "back.json"
    assert main(["import", str(bundle), "-o", str(back)]) == 0
    assert fileformat.load(back) == full_worksheet()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("{}", "not a FHIR Bundle"),
        ('{"resourceType": "Bundle", "type": "collection"}', "holds no Goal"),
    ],
)
def test_cli_import_refuses_bad_bundles_and_writes_nothing(
    tmp_path: Path, content: str | None, message: str
) -> None:
    src = tmp_path / "bundle.json"
    if content is not None:
        src.write_text(content)
    before = sorted(tmp_path.iterdir())
    result = run("import", str(src), "-o", str(tmp_path / "ws.json"))
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("goalkit: error:") and message in line
    assert sorted(tmp_path.iterdir()) == before


def test_render_and_the_lazy_api_give_the_bundle() -> None:
    ws = Worksheet(id="only1", goals=(Goal(id="only", statement="Walk to the shop"),))
    assert export.render(ws, "fhir").decode("utf-8") == export.to_fhir(ws)
    assert "fhir" in export.FORMATS


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


BASE = json.loads(to_fhir(full_worksheet()))
PATHS = _paths(BASE)[1:]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PATHS), _JSON, st.booleans()), min_size=1, max_size=3))
def test_a_damaged_bundle_is_read_or_refused_in_one_line(
    damage: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    doc = json.loads(json.dumps(BASE))
    for path, value, delete in damage:
        node = doc
        try:
            for key in path[:-1]:
                node = node[key]
            if delete:
                del node[path[-1]]
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    try:
        ws = from_fhir(json.dumps(doc))
    except WorksheetFileError as exc:
        assert str(exc).startswith("bundle: ") and "\n" not in str(exc)
    else:
        assert isinstance(ws, Worksheet)


def test_goal_order_and_odd_but_valid_records_read_back_unchanged() -> None:
    ws = full_worksheet()
    reordered = evolve(ws, goals=tuple(reversed(ws.goals)))  # secondary first: still valid
    assert from_fhir(to_fhir(reordered)) == reordered
    main = ws.primary
    twice = evolve(ws.checkins[0], goals=(*ws.checkins[0].goals, *ws.checkins[0].goals))
    odd = evolve(
        ws,
        values=("", "Being an active parent", ""),  # empty texts keep their place
        checkins=(twice,),
        goals=(evolve(main, measures=(), steps=(*main.steps, *main.steps)), *ws.secondary),
    )
    assert from_fhir(to_fhir(odd)) == odd
