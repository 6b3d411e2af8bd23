"""Learner results files and the trainer's table: names, appending, reading, aggregating."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goalkit import results
from goalkit.results import Attempt, ResultsError, collect, learner_slug, open_learner


@pytest.mark.parametrize(("name", "slug"), [
    ("Sam", "sam"),
    ("  Zoë O'Brien ", "zoe-o-brien"),
    ("Dr. Ana Silva-Lopes", "dr-ana-silva-lopes"),
    ("physio_team 2", "physio-team-2"),
    ("CON", "con-1"),
    ("Room 101", "room-101"),
    ("Team 2 B", "team-2-b"),
])
def test_slugs(name: str, slug: str) -> None:
    assert learner_slug(name) == slug


@pytest.mark.parametrize(("name", "says"), [
    ("", "Choose a results name first"),
    ("   ", "Choose a results name first"),
    ("x" * 1000, "at most 40 characters (this one has 1,000)"),
    ("../x", "cannot contain '/'"),
    ("a/b", "cannot contain '/'"),
    ("a\\b", "cannot contain '/' or '\\'"),
    ("..", "cannot start with a dot"),
    (".hidden", "cannot start with a dot"),
    ("sam\x00", "control characters"),
    ("sam\nx", "control characters"),
    ("NHS 4857773456", "patient or record number"),
    ("943 476 5919", "patient or record number"),
    ("Sam 943-476-5919", "patient or record number"),
    ("Bed 12 34", "patient or record number"),
    ("Ana 2024", "patient or record number"),
    ("MRN123", "patient or record number"),
    ("ab12345x", "patient or record number"),
    ("K 1234 567", "patient or record number"),
    ("sam@clinic.org", "cannot contain '@'"),
    ("<script>", "cannot contain '<' '>'"),
    ("---", "at least one letter or number"),
])
def test_hostile_names_get_a_clear_error(name: str, says: str) -> None:
    with pytest.raises(ResultsError, match=None) as info:
        learner_slug(name)
    assert says in str(info.value)
    assert "\n" not in str(info.value)


def test_a_name_that_is_not_text() -> None:
    with pytest.raises(ResultsError, match="must be text"):
        learner_slug(42)  # type: ignore[arg-type]


@given(st.text(max_size=60))
def test_any_accepted_name_stays_in_the_folder(name: str) -> None:
    try:
        slug = learner_slug(name)
    except ResultsError:
        return
    assert slug and len(slug) <= 42
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert Path("/r", f"{slug}.jsonl").resolve().parent == Path("/r")


def test_results_dir_follows_the_environment(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALKIT_RESULTS", str(tmp_path / "shared"))
    assert results.results_dir() == tmp_path / "shared"
    monkeypatch.delenv("GOALKIT_RESULTS")
    monkeypatch.setenv("GOALKIT_HOME", str(tmp_path / "home"))
    assert results.results_dir() == tmp_path / "home" / "results"


def goal(exercise: str, *met: bool | None, text: str = "a goal") -> Attempt:
    criteria = dict(zip(results.CRITERIA, met, strict=True))
    return Attempt(exercise, "goal", sum(v is True for v in met), 5, text, criteria)


def test_record_appends_numbered_lines(tmp_path: Path) -> None:
    sam = open_learner("Sam", tmp_path)
    assert not sam.path.exists()  # nothing is written until there is an answer
    first = sam.record(goal("01-write", True, False, None, None, False))
    second = sam.record(goal("01-write", True, True, None, True, True))
    other = sam.record(Attempt("06-quiz", "quiz", 5, 8, "1:a"))
    assert (first.attempt, second.attempt, other.attempt) == (1, 2, 1)
    lines = sam.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    row = json.loads(lines[0])
    assert row["learner"] == "Sam" and row["format"] == "goalkit-results/2"
    assert row["criteria"]["achievable"] is None
    assert oct(sam.path.stat().st_mode & 0o777) == "0o600"
    assert [a.exercise for a in sam.attempts()] == ["01-write", "01-write", "06-quiz"]


def test_a_torn_last_line_is_skipped_and_does_not_swallow_the_next(tmp_path: Path) -> None:
    sam = open_learner("Sam", tmp_path)
    sam.record(goal("01-write", True, True, None, None, True))
    with sam.path.open("ab") as f:
        f.write(b'{"format": "goalkit-results/1", "exerc')  # a write cut short
    sam.record(goal("01-write", True, True, True, True, True))
    frame = collect(tmp_path)
    assert list(frame["criteria_met"]) == [3, 5]
    assert frame.attrs["skipped"] == 1


def test_a_symlink_planted_in_the_folder_is_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n")
    (tmp_path / "sam.jsonl").symlink_to(target)
    with pytest.raises(ResultsError, match="Cannot write your results"):
        open_learner("Sam", tmp_path).record(goal("01-write", True, True, True, True, True))
    assert target.read_text() == "keep me\n"


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(ResultsError, match="Cannot create the results folder"):
        open_learner("Sam", blocker / "results").record(Attempt("06-quiz", "quiz", 1, 2))


@pytest.mark.parametrize("bad", [
    {"exercise": "../x"}, {"kind": "essay"}, {"score": 9}, {"max_score": 0},
    {"criteria": {"speed": True}},
])
def test_bad_attempts_are_refused(bad: dict[str, object]) -> None:
    fields: dict[str, object] = {"exercise": "01-write", "kind": "goal", "score": 1,
                                 "max_score": 5}
    with pytest.raises(ResultsError):
        Attempt(**{**fields, **bad})  # type: ignore[arg-type]


def _writer(folder: str, n: int) -> None:
    learner = open_learner("Shared", folder)
    for _ in range(n):
        learner.record(Attempt("06-quiz", "quiz", 3, 8, "x" * 500))


def test_two_kernels_appending_at_once_lose_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), 40)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert all(p.exitcode == 0 for p in procs)
    frame = collect(tmp_path)
    assert len(frame) == 120 and frame.attrs["skipped"] == 0
    assert sorted(frame["attempt"]) == list(range(1, 121))


@pytest.fixture
def classroom(tmp_path: Path) -> Path:
    """Three learners: one improves after feedback, one gets it first time, one gives up."""
    ana, ben, cas = (open_learner(n, tmp_path) for n in ("Ana", "Ben", "Cas"))
    ana.record(goal("01-write", True, False, None, None, False))
    ana.record(goal("01-write", True, True, True, True, True))
    ben.record(goal("01-write", True, True, True, True, True))
    cas.record(goal("01-write", False, False, None, None, False))
    ana.record(Attempt("06-quiz", "quiz", 4, 8))
    ana.record(Attempt("06-quiz", "quiz", 8, 8))
    ben.record(Attempt("06-quiz", "quiz", 6, 8))
    (tmp_path / "notes.txt").write_text("not a results file")
    return tmp_path


def test_collect_reads_every_learner(classroom: Path) -> None:
    frame = collect(classroom)
    assert list(frame.columns) == results.COLUMNS
    assert sorted(frame["learner"].unique()) == ["Ana", "Ben", "Cas"]
    assert len(frame) == 7
    assert str(frame["specific"].dtype) == "boolean"
    assert frame["time"].notna().all()
    ana = frame[(frame["learner"] == "Ana") & (frame["exercise"] == "01-write")]
    assert list(ana["attempt"]) == [1, 2] and list(ana["criteria_met"]) == [1, 5]
    assert frame.loc[frame["kind"] == "quiz", "criteria_met"].isna().all()


def test_collect_from_files_sent_in(classroom: Path) -> None:
    frame = collect(files=[classroom / "ana.jsonl"])
    assert set(frame["learner"]) == {"Ana"}


def test_summary_first_attempt_against_after_feedback(classroom: Path) -> None:
    table = results.summary(collect(classroom))
    write = table.loc["01-write"]
    assert write["learners"] == 3
    assert write["first %"] == pytest.approx((20 + 100 + 0) / 3, abs=0.05)
    assert write["last %"] == pytest.approx((100 + 100 + 0) / 3, abs=0.05)
    assert table.loc["06-quiz", "change"] == pytest.approx(25.0)
    assert table.loc["06-quiz", "marked"] == 0


def test_a_copied_or_given_up_last_attempt_is_counted_apart(tmp_path: Path) -> None:
    ana, ben = open_learner("Ana", tmp_path), open_learner("Ben", tmp_path)
    ana.record(Attempt("06-final-goal", "assessment", 5, 8))
    ana.record(Attempt("06-final-goal", "assessment", 8, 8, marks=("copied",)))
    ben.record(Attempt("06-final-goal", "assessment", 7, 8))
    row = results.summary(collect(tmp_path)).loc["06-final-goal"]
    assert (row["first %"], row["last %"], row["marked"]) == (75.0, 93.8, 1)


def test_criteria_table_per_letter(classroom: Path) -> None:
    table = results.criteria_table(collect(classroom))
    assert table.loc["specific", "first %"] == pytest.approx(66.7)
    assert table.loc["measurable", "first %"] == pytest.approx(33.3)
    assert table.loc["measurable", "last %"] == pytest.approx(66.7)


def test_charts_are_figures_without_pyplot(classroom: Path) -> None:
    import sys

    frame = collect(classroom)
    for fig in (results.chart(frame), results.criteria_chart(frame)):
        png = results.png(fig)
        assert png.startswith(b"\x89PNG")
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert labels
    assert "matplotlib.pyplot" not in sys.modules


def test_an_empty_or_missing_folder_gives_an_empty_table_and_a_chart(tmp_path: Path) -> None:
    for folder in (tmp_path, tmp_path / "missing"):
        frame = collect(folder)
        assert frame.empty and list(frame.columns) == results.COLUMNS
        assert results.summary(frame).empty
        assert results.png(results.chart(frame)).startswith(b"\x89PNG")
        assert results.png(results.criteria_chart(frame)).startswith(b"\x89PNG")


def test_example_frame_matches_collect_columns() -> None:
    frame = results.example_frame()
    assert list(frame.columns) == results.COLUMNS
    assert set(results.summary(frame).index) == {"01-write-a-goal", "03-pain-to-function",
                                                 "06-quiz"}


def test_collect_ignores_foreign_lines(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text('{"a": 1}\n[1, 2]\nnot json\n\n' + json.dumps(
        {"format": "goalkit-results/1", "exercise": "01-write", "kind": "goal", "attempt": 1,
         "time": "2026-01-01T00:00:00+00:00", "score": 9, "max_score": 5}) + "\n")
    frame = collect(tmp_path)
    assert frame.empty and frame.attrs["skipped"] == 4
    assert os.listdir(tmp_path) == ["x.jsonl"]


def test_every_finding_of_the_report_is_recorded_and_read_back(tmp_path: Path) -> None:
    from goalkit.smart import check_goal
    from goalkit.widgets.training_rules import goal_attempt

    sam = open_learner("Sam", tmp_path)
    pain = check_goal("Reduce my back pain from 7/10 to 3/10 within 8 weeks")
    sam.record(goal_attempt("03-pain", pain, "rewrite"))
    row = json.loads(sam.path.read_text(encoding="utf-8"))
    assert row["flags"] == ["pain_only"] and row["marks"] == []
    [back] = sam.attempts()
    assert back.flags == ("pain_only",)


def test_a_version_1_file_still_loads_with_its_flags_unknown(tmp_path: Path) -> None:
    old = {"format": "goalkit-results/1", "learner": "Old", "exercise": "01-write",
           "kind": "goal", "attempt": 1, "time": "2025-01-01T00:00:00+00:00", "score": 4,
           "max_score": 5, "criteria": dict.fromkeys(results.CRITERIA, True), "text": "x"}
    (tmp_path / "old.jsonl").write_text(json.dumps(old) + "\n")
    frame = collect(tmp_path)
    assert len(frame) == 1 and frame.attrs["skipped"] == 0
    assert frame.loc[0, "flags"] is None and frame.loc[0, "marks"] == ()
    assert results.flags_table(frame).empty  # unknown is not "no flag"
    open_learner("Old", tmp_path).record(goal("01-write", True, True, True, True, True))
    assert [a.attempt for a in open_learner("Old", tmp_path).attempts()] == [1, 2]


def test_flags_table_counts_first_and_final_attempts(tmp_path: Path) -> None:
    def flagged(*flags: str) -> Attempt:
        return Attempt("03-pain", "rewrite", 4, 5, "x", flags=flags)

    ana, ben, cas = (open_learner(n, tmp_path) for n in ("Ana", "Ben", "Cas"))
    ana.record(flagged("pain_only"))
    ana.record(flagged())
    ben.record(flagged("pain_only", "clinician_wording"))
    ben.record(flagged("pain_only"))  # unchanged pain-only goal, scored 80%
    cas.record(flagged())
    table = results.flags_table(collect(tmp_path))
    assert table.loc[("03-pain", "pain_only")].to_dict() == {"learners": 3, "first": 2,
                                                              "final": 1}
    assert table.loc[("03-pain", "clinician_wording")].to_dict() == {"learners": 3, "first": 1,
                                                                      "final": 0}


@pytest.mark.parametrize("bad", [{"flags": ("Pain Only",)}, {"marks": ("cheated",)}])
def test_bad_flags_and_marks_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ResultsError):
        Attempt("01-write", "goal", 1, 5, **bad)  # type: ignore[arg-type]


def test_a_shared_folder_lets_the_facilitators_group_read_and_learners_add(
        tmp_path: Path) -> None:
    from goalkit import results_review

    shared = tmp_path / "room"
    shared.mkdir()
    os.chmod(shared, 0o3770)  # what deploy/jupyterhub sets up: setgid + sticky, group rwx
    sam = results.remember_learner("Sam", shared)
    sam.record(Attempt("06-quiz", "quiz", 1, 2))
    assert oct(sam.path.stat().st_mode & 0o777) == "0o640"
    identity = results.identity_path(shared).parent
    assert oct(identity.stat().st_mode & 0o7777) == "0o2770"  # the next learner can add theirs
    results_review.add_review(results_review.Review("sam", "06-quiz", 1, "", "ok"), shared)
    assert oct((shared / "reviews").stat().st_mode & 0o7777) == "0o2770"
    private = open_learner("Ana", tmp_path / "own")
    private.record(Attempt("06-quiz", "quiz", 1, 2))
    assert oct(private.path.stat().st_mode & 0o777) == "0o600"
    assert oct(private.folder.stat().st_mode & 0o777) == "0o700"
