"""The file format: validation on read and write, clear errors, upgrades, the shipped schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalkit import fileformat
from goalkit.errors import WorksheetFileError
from goalkit.model import Worksheet
from tests.conftest import full_worksheet


def test_round_trip_through_text_and_file(tmp_path: Path) -> None:
    ws = full_worksheet()
    assert fileformat.loads(fileformat.dumps(ws)) == ws
    fileformat.save(ws, tmp_path / "w.json")
    assert fileformat.load(tmp_path / "w.json") == ws
    assert (tmp_path / "w.json").stat().st_mode & 0o777 == 0o600


def doc(**changes: object) -> str:
    data = json.loads(fileformat.dumps(full_worksheet()))
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not valid JSON (line 1, column 1"),
        ("{'a': 1}", "not valid JSON"),
        ("[1, 2]", "a worksheet is a JSON object, not list"),
        ("{}", "schema_version is missing"),
        ('{"schema_version": "1"}', "schema_version must be a whole number"),
        ('{"schema_version": 0}', "schema_version 0 is older than any goalkit can read"),
        ('{"schema_version": 2}', "schema_version 2 comes from a newer goalkit"),
        ('{"schema_version": 1, "x": NaN}', "NaN is not a number JSON allows"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (doc(patient_name="Jane"), "patient_name: Extra inputs are not permitted"),
        (doc(goals=[]), "exactly one primary goal"),
        (doc(context="moon"), "context: Input should be"),
    ],
)
def test_bad_documents_get_one_clear_error(text: str, message: str) -> None:
    with pytest.raises(WorksheetFileError, match=r"^worksheet: ") as info:
        fileformat.loads(text)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_error_names_the_field_inside_a_goal() -> None:
    data = json.loads(fileformat.dumps(full_worksheet()))
    data["goals"][0]["confidence"] = 12
    with pytest.raises(
        WorksheetFileError, match=r"goals\.0\.confidence: .*less than or equal to 10"
    ):
        fileformat.loads(json.dumps(data), label="w.json")


def test_too_big_and_not_utf8(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (fileformat.MAX_BYTES + 1))
    with pytest.raises(WorksheetFileError, match="larger than a worksheet can be"):
        fileformat.load(big)
    with pytest.raises(WorksheetFileError, match="not UTF-8"):
        fileformat.loads(b'{"schema_version": 1, "notes": "\xff"}')
    with pytest.raises(WorksheetFileError, match="no such file"):
        fileformat.load(tmp_path / "missing.json")
    with pytest.raises(WorksheetFileError, match="is a folder"):
        fileformat.load(tmp_path)


def test_save_validates_and_writes_nothing_on_error(tmp_path: Path) -> None:
    ws = full_worksheet()
    broken = ws.model_copy(update={"goals": ()})  # model_copy skips validation on purpose here
    with pytest.raises(WorksheetFileError, match="exactly one primary goal"):
        fileformat.save(broken, tmp_path / "w.json")
    assert list(tmp_path.iterdir()) == []


def test_older_versions_are_upgraded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The upgrade chain runs for old files (exercised with a pretend v0 -> v1 step)."""

    def v0_to_v1(d: dict[str, object]) -> dict[str, object]:
        d["patient_ref"] = d.pop("patient")
        return d

    monkeypatch.setitem(fileformat.UPGRADES, 0, v0_to_v1)
    data = json.loads(fileformat.dumps(Worksheet(patient_ref="P-2")))
    data.pop("patient_ref")
    data.update(schema_version=0, patient="P-2")
    upgraded = fileformat.loads(json.dumps(data))
    assert upgraded.patient_ref == "P-2" and upgraded.schema_version == 1


def test_shipped_schema_is_the_generated_one() -> None:
    assert fileformat.shipped_schema() == fileformat.json_schema(), (
        "the shipped JSON Schema is stale: run `make schema`"
    )


def test_schema_accepts_real_files_and_rejects_bad_ones() -> None:
    schema = fileformat.shipped_schema()
    jsonschema.validate(json.loads(fileformat.dumps(full_worksheet())), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": 1, "goals": [{"confidence": 20}]}, schema)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
worksheet_keys = st.sampled_from(sorted(Worksheet.model_fields))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(worksheet_keys, json_values, max_size=6))
def test_hostile_documents_raise_only_our_error(fields: dict[str, object]) -> None:
    fields.setdefault("schema_version", 1)
    try:
        ws = fileformat.loads(json.dumps(fields))
    except WorksheetFileError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(ws, Worksheet)


@settings(max_examples=200)
@given(st.binary(max_size=2000) | st.text(max_size=2000).map(str.encode))
def test_arbitrary_bytes_raise_only_our_error(data: bytes) -> None:
    with pytest.raises(WorksheetFileError):
        fileformat.loads(data)
