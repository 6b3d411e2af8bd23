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
from nbformat import NotebookNode

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
    view.sort.value = "exercise"
    assert view.sorted_table()["exercise"].iloc[0] == "03-pain-to-function"  # z to a


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


# -- the printed pack ------------------------------------------------------------------------
def flat(text: str) -> str:
    """Text with every space and line break removed: PDF lines break anywhere."""
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_writing_space_is_marked_and_drawn_as_ruled_lines() -> None:
    from nbformat.v4 import new_markdown_cell, new_notebook, new_raw_cell

    from goalkit.export.nbconvert import handout_notebook, notebook_to_pdf

    cell = new_markdown_cell("The goal:")
    cell.metadata["goalkit"] = {"writing_lines": 3}
    raw = new_raw_cell("Why:")
    raw.metadata["goalkit"] = {"writing_lines": 1}
    nb = new_notebook(cells=[new_markdown_cell("# Sheet"), cell, raw])
    from goalkit.export.handout import notebook_blocks

    _title, blocks = notebook_blocks(handout_notebook(nb))
    assert [b["n"] for b in blocks if b["t"] == "lines"] == [3, 1]  # ruled lines, as printed
    text = pdf_text(notebook_to_pdf(nb, paper="Letter"))
    assert "The goal:" in text and "Why:" in text
    with pytest.raises(ValueError, match="A4, Letter"):
        notebook_to_pdf(nb, paper="A5")


def test_a_run_lesson_becomes_markdown_cells_with_its_exercises_on_paper() -> None:
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from goalkit.export.workshop_pack import PAPER_MIME, pack_notebooks
    from goalkit.widgets.exercises import RewriteExercise
    from goalkit.widgets.quiz import Quiz

    def shown_as(widget: object) -> NotebookNode:
        bundle = widget._repr_mimebundle_()  # type: ignore[attr-defined]
        assert PAPER_MIME in bundle and "application/vnd.jupyter.widget-view+json" in bundle
        return new_output("display_data", data={PAPER_MIME: bundle[PAPER_MIME]})

    rewrite = new_code_cell("RewriteExercise(...)", outputs=[
        shown_as(RewriteExercise("01-rewrite-stronger", "Get stronger."))])
    quiz = new_code_cell("Quiz(...)", outputs=[shown_as(Quiz("01-smart-check"))])
    example = new_code_cell("print(...)", outputs=[
        new_output("stream", name="stdout", text="classic  Specific, ...\n")])
    lesson = new_notebook(cells=[
        new_markdown_cell("# 01 · A lesson\n\n**How to use this notebook:** choose *Run › Run "
                          "All Cells* once.\n\nKeep this. Run the cell to see its report."),
        new_markdown_cell("**Trainer:** change VARIANT."),
        new_markdown_cell("## Your results name", metadata={"tags": ["handout-skip"]}),
        example, rewrite, quiz])
    pack = pack_notebooks([lesson])
    [paper] = pack.lessons
    assert {c.cell_type for c in paper.cells} == {"markdown"}
    text = "\n".join(c.source for c in paper.cells)
    assert "Keep this." in text and "Run" not in text and "Trainer" not in text
    assert "results name" not in text and "classic  Specific" in text
    assert "Starting goal: *Get stronger.*" in text
    lines = [c.metadata["goalkit"]["writing_lines"] for c in paper.cells
             if "goalkit" in c.metadata]
    assert lines == [4, 1, 1, 1]  # the rewrite, then a line per quiz question
    key = "\n".join(c.source for c in pack.key.cells)
    assert "**1. c)** Walk to the post office and back" in key
    assert "Get stronger." in key and "Specific" in key


@pytest.fixture(scope="module")
def printed_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, Path]:
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("pack") / "pack"
    done = subprocess.run([sys.executable, "-m", "goalkit", "workshop-pack", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(out / "workshop-pack.pdf"), str(out / "answer-key.pdf")]
    return (pdf_text((out / "workshop-pack.pdf").read_bytes()),
            pdf_text((out / "answer-key.pdf").read_bytes()), out)


@pytest.mark.slow
def test_the_pack_holds_every_lesson_with_its_examples_and_exercises(
        printed_pack: tuple[str, str, Path]) -> None:
    from goalkit.widgets.training_data import QUIZZES

    pack, _, _ = printed_pack
    for path in LESSONS:
        nb = nbformat.read(path, as_version=4)
        title = next(c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown")
        assert flat(title.lstrip("# ")) in flat(pack), title
    for example in ("Walk 1 km to the shop without a rest, on my own, within 6 weeks",
                    "The four parts of the goal",  # the example report
                    "Patient must comply with home exercises 3 times a week for 6 weeks"):
        assert flat(example) in flat(pack), example
    for start in ("I want to feel better.", "Get stronger.", "Do my stretches every day.",
                  "Reduce my back pain from 7/10 to 3/10 within 8 weeks"):
        assert flat(f"Starting goal: {start}") in flat(pack), start
    for questions in QUIZZES.values():
        for q in questions:
            assert flat(q.prompt) in flat(pack), q.prompt
    assert pack.count("Your answer (letter):") == sum(map(len, QUIZZES.values()))
    assert "Rosa is 52" in pack and "Barrier 1" in pack and "+2" in pack
    for banned in ("Run All", "Run ›", "Trainer:", "Run the cell", "Interactive exercise"):
        assert banned not in pack, banned


@pytest.mark.slow
def test_the_answers_are_only_in_the_key(printed_pack: tuple[str, str, Path]) -> None:
    from goalkit.widgets.training_data import ASSESSMENT, QUIZZES

    pack, key, out = printed_pack
    assert "Answer key for the facilitator" in key and "Answer key" not in pack
    assert flat(ASSESSMENT.model_answer) in flat(key)
    assert flat(ASSESSMENT.model_answer) not in flat(pack)
    for questions in QUIZZES.values():
        for q in questions:
            why = q.choices[q.answer].why
            assert flat(why) in flat(key), why
            assert flat(why) not in flat(pack), why
    assert sorted(p.name for p in out.iterdir()) == ["answer-key.pdf", "workshop-pack.pdf"]


def test_the_pack_command_refuses_a_file_as_its_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "pack.pdf"
    target.write_text("keep")
    done = subprocess.run([sys.executable, "-m", "goalkit", "workshop-pack", str(target)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "is a file" in done.stderr and target.read_text() == "keep"


def test_the_workshop_command_refuses_a_file_as_its_results_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    target = tmp_path / "results.txt"
    target.write_text("keep")
    done = subprocess.run([sys.executable, "-m", "goalkit", "workshop", "--results",
                           str(target)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "is not a folder" in done.stderr and target.read_text() == "keep"


def test_a_lesson_that_fails_to_run_is_one_clear_line_and_nothing_is_written(
        tmp_path: Path) -> None:
    import subprocess
    import sys

    from nbformat.v4 import new_code_cell, new_notebook

    lessons = tmp_path / "lessons"
    lessons.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell("1 / 0")]), lessons / "01_broken.ipynb")
    out = tmp_path / "pack"
    done = subprocess.run([sys.executable, "-m", "goalkit", "workshop-pack", str(out),
                           "--notebooks", str(lessons)], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert done.stderr.strip() == (
        "goalkit: error: 01_broken.ipynb: a cell failed (ZeroDivisionError); run the notebook "
        "in JupyterLab to see why")
    assert not out.exists()
