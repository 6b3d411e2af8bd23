"""The workshop as a facilitator runs it: what the lessons tell learners, the class view,
the printed pack and the facilitator's dashboard."""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

import nbformat
import pytest

from goalkit import results

ROOT = Path(__file__).resolve().parents[1]

LESSONS = sorted((ROOT / "notebooks").glob("0[1-6]_*.ipynb"))


def markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return " ".join(" ".join(c.source for c in nb.cells if c.cell_type == "markdown").split())


@pytest.mark.parametrize("name", ["01_smart_goals", "06_assessment"])
def test_the_lessons_say_the_checker_reads_english_only(name: str) -> None:
    text = markdown(ROOT / "notebooks" / f"{name}.ipynb")
    assert re.search(r"reads (goals written in )?English", text), name


# -- the class view --------------------------------------------------------------------------
HOSTILE = "<img src=x onerror=alert(1)>"


def shown(value: str) -> str:
    value = re.sub(r"<style>.*?</style>", "", value, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())


@pytest.fixture
def learners(monkeypatch: pytest.MonkeyPatch) -> None:
    """No learner chosen in this 'kernel', and none from the environment."""
    from goalkit.widgets import training_learner

    monkeypatch.delenv("GOALKIT_LEARNER", raising=False)
    monkeypatch.setattr(training_learner._CURRENT, "results", None)


@pytest.fixture
def room(tmp_path: Path, learners: None) -> Path:
    """Two learners through the pain-to-function rewrite and the final quiz, as the widgets
    record them."""
    from goalkit.widgets.exercises import RewriteExercise
    from goalkit.widgets.quiz import Quiz

    vague = "Reduce my back pain from 7/10 to 3/10 within 8 weeks"
    for name, final in (("Ana", "Walk the dog 2 km round the park on 4 evenings a week within "
                                "10 weeks"), ("Ben", vague + " " + HOSTILE)):
        who = results.open_learner(name, tmp_path)
        ex = RewriteExercise("03-pain-to-function", vague, results=who)
        ex.button.click()  # first attempt: the starting goal unchanged
        ex.text.value = final
        ex.button.click()
        quiz = Quiz("01-smart-check", results=who)
        quiz.answer(2, 1, 1) if name == "Ana" else quiz.answer(0, 0, 1)
        quiz.button.click()
    return tmp_path


def test_the_class_view_shows_who_did_what_first_and_final(room: Path) -> None:
    from goalkit.widgets.training_class import ClassView

    view = ClassView(room)
    text = shown(view.roster.value)
    assert "2 learners, 6 answers" in shown(view.counts.value)
    assert "Walk the dog 2 km" in text and "Reduce my back pain" in text
    assert "S✗ M✓ A? R? T✓ · pain only" in text  # first attempts carry the flag
    assert HOSTILE in text and "<img" not in view.roster.value  # escaped
    assert "1:c 2:b 3:b" in text and "1:a 2:a 3:b" in text  # the quiz answers
    flags = results.flags_table(view.frame)
    assert flags.loc[("03-pain-to-function", "pain_only")].to_dict() == {
        "learners": 2, "first": 2, "final": 1}
    assert "pain_only" in shown(view.findings.value)
    assert bytes(view.chart.value).startswith(b"\x89PNG")
    view.sort.value = "final %"
    view.descending.value = True
    order = view.sorted_table()
    assert list(order["final %"]) == sorted(order["final %"], reverse=True)
    assert list(order["final %"]) != list(view.table["final %"])  # the order changed
    top = order.iloc[0]
    assert shown(view.roster.value).index(top["final_text"]) < shown(view.roster.value).index(
        order.iloc[-1]["final_text"])


def test_the_class_results_export_as_csv_and_excel(room: Path) -> None:
    import pandas as pd

    from goalkit.widgets.training_class import ClassView

    view = ClassView(room)
    view.csv_button.click()
    href = re.search(r'href="data:text/csv;base64,([^"]+)"', view.download.value)
    assert href and "goalkit-class-results.csv" in view.download.value
    table = pd.read_csv(io.BytesIO(base64.b64decode(href.group(1))), encoding="utf-8-sig")
    assert len(table) == 4 and set(table["learner"]) == {"Ana", "Ben"}
    view.xlsx_button.click()
    href = re.search(r'href="data:application/vnd.openxmlformats[^;]+;base64,([^"]+)"',
                     view.download.value)
    assert href
    sheets = pd.read_excel(io.BytesIO(base64.b64decode(href.group(1))), sheet_name=None)
    assert set(sheets) == {"Roster", "Summary", "Findings", "Attempts"}
    assert len(sheets["Attempts"]) == 6
    assert "pain_only" in set(sheets["Attempts"]["flags"].dropna())


def test_typed_formulas_do_not_run_in_a_spreadsheet(tmp_path: Path) -> None:
    import pandas as pd

    who = results.open_learner("Eve", tmp_path)
    who.record(results.Attempt("01-write-a-goal", "goal", 0, 5, '=HYPERLINK("http://x")'))
    frame = results.collect(tmp_path)
    sheets = pd.read_excel(io.BytesIO(results.workbook(frame)), sheet_name=None)
    assert sheets["Attempts"].loc[0, "text"] == "'=HYPERLINK(\"http://x\")"
    assert b"'=HYPERLINK" in results.roster_csv(results.roster(frame))


def test_a_facilitators_comment_reaches_the_learner_next_time(room: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    from goalkit.widgets import training_learner
    from goalkit.widgets.exercises import RewriteExercise
    from goalkit.widgets.training_class import ClassView

    view = ClassView(room)
    ben = next(i for label, i in view.row.options if label.startswith("Ben · 03-pain"))
    view.row.value = ben
    view.verdict.value = "pain_only"
    view.comment.value = "Fair enough: " + HOSTILE
    view.save_button.click()
    assert "Saved for Ben" in shown(view.status.value)
    assert "attempt 2: pain only: Fair enough" in shown(view.roster.value)
    assert (room / "reviews" / "ben.jsonl").is_file()
    assert len(results.collect(room)) == 6  # reviews are not results
    monkeypatch.setattr(training_learner._CURRENT, "results", None)  # Ben opens notebook 03
    ben_file = results.open_learner("Ben", room)
    again = RewriteExercise("03-pain-to-function", "x", results=ben_file)
    note = shown(again.trainer.value)
    assert "Your trainer, on your attempt 2: They disagree with the verdict on pain only" in note
    assert "Fair enough" in note
    assert HOSTILE in note and "<img" not in again.trainer.value
    other = RewriteExercise("03-pain-to-function", "x", results=results.open_learner("Ana", room))
    assert other.trainer.value == ""
    view.comment.value = ""
    view.verdict.value = ""
    view.save_button.click()
    assert "Write a comment" in shown(view.status.value)


def test_an_empty_folder_says_where_results_will_appear(tmp_path: Path) -> None:
    from goalkit.widgets.training_class import ClassView

    view = ClassView(tmp_path / "none-yet")
    assert "No results yet in" in shown(view.counts.value)
    view.csv_button.click()
    assert "goalkit-class-results.csv" in view.download.value


def test_the_facilitators_notebook_has_nothing_to_save_learners_data_into() -> None:
    nb = nbformat.read(ROOT / "notebooks" / "00_facilitator_guide.ipynb", as_version=4)
    assert [c for c in nb.cells if c.cell_type == "code"] == []
    assert "goalkit workshop" in markdown(ROOT / "notebooks" / "00_facilitator_guide.ipynb")


def test_the_class_view_notebook_is_written_outside_the_repository() -> None:
    from goalkit.serve import class_notebook_path

    path = class_notebook_path()
    assert ROOT not in path.parents
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    nb = nbformat.read(path, as_version=4)
    assert [c.source for c in nb.cells] == [
        "from goalkit.widgets.training_class import ClassView\n\nClassView()"]
