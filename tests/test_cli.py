"""The goalkit command: exports, validation, and bad input (one line, exit 2, nothing written)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalkit import fileformat
from goalkit.cli import main
from tests.conftest import full_worksheet
from tests.conftest import goalkit_cli as run


@pytest.fixture
def ws_file(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "worksheet.json"
    path.parent.mkdir()
    fileformat.save(full_worksheet(), path)
    return path


def test_help_lists_the_commands() -> None:
    out = run("--help")
    assert out.returncode == 0
    for command in ("check", "export", "validate", "app"):
        assert command in out.stdout


def test_export_json_to_a_file(ws_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.json"
    assert main(["export", str(ws_file), "--to", "json", "-o", str(target)]) == 0
    assert fileformat.load(target) == fileformat.load(ws_file)


def test_export_csv_to_a_folder_names_the_file_by_id_and_date(
    ws_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert main(["export", str(ws_file), "--to", "csv", "-o", str(out_dir)]) == 0
    [written] = out_dir.iterdir()
    assert written.name == f"goalkit-ws-sample-01-{dt.date.today().isoformat()}.csv"
    assert "P-014" not in written.name
    header = written.read_text().splitlines()[0]
    assert header.startswith("worksheet_id,date,goal_number,goal_role,goal_id")
    assert capsys.readouterr().out.strip() == str(written)


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"schema_version": 7}', "comes from a newer goalkit"),
        ('{"schema_version": 1, "goals": []}', "exactly one primary goal"),
        ('{"schema_version": 1, "patient_name": "x"}', "patient_name: Extra inputs"),
    ],
)
def test_bad_worksheet_files_fail_cleanly(tmp_path: Path, content: str, message: str) -> None:
    src = tmp_path / "bad.json"
    src.write_text(content)
    before = _listing(tmp_path)
    out = run("export", str(src), "--to", "json", "-o", str(tmp_path / "out.json"))
    assert out.returncode == 2
    assert out.stdout == ""
    [line] = out.stderr.splitlines()
    assert line.startswith("goalkit: error: bad.json: ") and message in line
    assert _listing(tmp_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "missing.json", "--to", "json", "-o", "x.json"], "no such file"),
        (["export", "{ws}", "--to", "docx", "-o", "x"], "invalid choice: 'docx'"),
        (["export", "{ws}", "--to", "json", "-o", "{tmp}/no/such/dir/x.json"], "does not exist"),
        (["export", "{ws}", "--to", "json"], "required: -o/--output"),
        (["validate", "{tmp}"], "is a folder"),
        (["frobnicate"], "invalid choice"),
        ([], "required: command"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(
    ws_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    args = [a.format(ws=ws_file, tmp=tmp_path) for a in args]
    before = _listing(tmp_path)
    out = run(*args)
    assert out.returncode == 2, out.stderr
    [line] = out.stderr.splitlines()
    assert message in line
    assert _listing(tmp_path) == before


def test_validate(ws_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ws_file)]) == 0
    assert "valid goalkit worksheet" in capsys.readouterr().out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=500) | st.binary(max_size=500).map(lambda b: b.decode("latin-1")))
def test_cli_never_crashes_on_hostile_files(tmp_path: Path, content: str) -> None:
    src = tmp_path / "hostile.json"
    src.write_text(content, encoding="utf-8", errors="surrogateescape")
    out_file = tmp_path / "out.csv"
    out_file.unlink(missing_ok=True)
    code = main(["export", str(src), "--to", "csv", "-o", str(out_file)])
    assert code == 2
    assert not out_file.exists()


def test_module_and_script_entry_points_agree(ws_file: Path) -> None:
    out = run("validate", str(ws_file))
    assert out.returncode == 0
    assert json.loads(ws_file.read_text())["schema_version"] == 1


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("html", b"<!DOCTYPE html>")])
def test_export_pdf_and_html(ws_file: Path, tmp_path: Path, fmt: str, magic: bytes) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = ["export", str(ws_file), "--to", fmt, "-o", str(out_dir), "--paper", "Letter"]
    assert main(args) == 0
    [written] = out_dir.iterdir()
    assert written.name == f"goalkit-ws-sample-01-{dt.date.today().isoformat()}.{fmt}"
    assert written.read_bytes().startswith(magic)


def test_patient_only_handout(ws_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "handout.html"
    assert main(["export", str(ws_file), "--to", "html", "--patient-only", "-o", str(target)]) == 0
    page = target.read_text()
    assert "My goal plan" in page and "Clinician summary" not in page


def test_check_prints_an_explained_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Walk 1 km to the shop within 6 weeks", "--confidence", "8"]) == 0
    out = capsys.readouterr().out
    assert "Time-bound" in out and "'within 6 weeks'" in out and "\x1b[" not in out


def test_check_rejects_an_out_of_range_confidence() -> None:
    out = run("check", "Walk 1 km", "--confidence", "12")
    assert out.returncode == 2
    [line] = out.stderr.splitlines()
    assert line.startswith("goalkit: error:") and "confidence" in line


def test_cases_lists_every_case() -> None:
    out = run("cases")
    assert out.returncode == 0
    assert len(out.stdout.splitlines()) >= 6 and "discectomy-football" in out.stdout
