"""Training exercise widgets, headless: type, click, read the feedback and the results file."""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from goalkit import cases, results
from goalkit.results import LearnerResults, open_learner
from goalkit.smart import check_goal
from goalkit.widgets import training_learner
from goalkit.widgets.exercises import (
    AssessmentTask,
    GoalExercise,
    LearnerName,
    ResultsDownload,
    RewriteExercise,
    current_learner,
)
from goalkit.widgets.quiz import Quiz
from goalkit.widgets.training_cases import (
    CaseWalkthrough,
    checkin_notes,
    rewrite_table,
    steps_table,
    until,
)
from goalkit.widgets.training_data import ASSESSMENT, QUIZZES
from goalkit.widgets.training_gas import GasBuilder
from goalkit.widgets.training_plan import BarrierPlanner
from goalkit.widgets.training_rules import (
    Choice,
    Question,
    check_plans,
    grade,
    score_assessment,
)

HOSTILE = "<img src=x onerror=alert(1)>"
GOOD = "Walk 1 km to the shop without a rest, on my own, within 6 weeks"


def shown(value: str) -> str:
    """What a person reads in an HTML widget: styles and tags dropped, entities decoded."""
    value = re.sub(r"<style>.*?</style>", "", value, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value)).split())


@pytest.fixture(autouse=True)
def no_learner(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test starts with no learner chosen in this 'kernel', and an empty default folder."""
    monkeypatch.delenv("GOALKIT_LEARNER", raising=False)
    monkeypatch.setenv("GOALKIT_RESULTS", str(tmp_path / "default-results"))
    monkeypatch.setattr(training_learner._CURRENT, "results", None)
    yield


def new_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """What opening the next notebook does: a fresh kernel, nothing chosen in it yet."""
    monkeypatch.setattr(training_learner._CURRENT, "results", None)


@pytest.fixture
def sam(tmp_path: Path) -> LearnerResults:
    return open_learner("Sam", tmp_path)


def lines(learner: LearnerResults) -> list[dict[str, object]]:
    return [json.loads(x) for x in learner.path.read_text(encoding="utf-8").splitlines()]


def test_goal_exercise_explains_and_records_each_attempt(sam: LearnerResults) -> None:
    ex = GoalExercise("01-write-a-goal", "Write a goal for Sam.", results=sam)
    ex.text.value = "feel better"
    ex.button.click()
    first = shown(ex.feedback.value)
    assert "0 of 5 met" in first and "Specific" in first
    assert "goalkit-smart-report" in ex.feedback.value
    assert "Attempt 1 saved for Sam" in shown(ex.status.value)
    ex.text.value = GOOD
    ex.button.click()
    after = shown(ex.feedback.value)
    assert "3 of 5 met" in after
    assert "Compared with your first try: now Specific, Measurable, Time-bound" in after
    rows = lines(sam)
    assert [r["attempt"] for r in rows] == [1, 2]
    assert [r["score"] for r in rows] == [0, 3]
    assert rows[1]["text"] == GOOD and rows[1]["criteria"]["relevant"] is None
    assert [a.score for a in ex.history] == [0, 3]


def test_context_boxes_decide_achievable_and_relevant(sam: LearnerResults) -> None:
    ex = GoalExercise("01-context", ask_why=True, ask_confidence=True, results=sam)
    ex.text.value = GOOD
    ex.why.value = "so I can shop for my mum"
    ex.confidence.value = 8
    ex.button.click()
    assert "5 of 5 met" in shown(ex.feedback.value)
    assert "Every letter is met" in shown(ex.feedback.value)
    ex.confidence.value = 4
    ex.button.click()
    assert "No longer Achievable" in shown(ex.feedback.value)
    assert lines(sam)[-1]["criteria"]["achievable"] is False


def test_without_a_learner_feedback_still_shows_and_nothing_is_written(tmp_path: Path) -> None:
    ex = GoalExercise("01-write-a-goal")
    ex.text.value = GOOD
    ex.button.click()
    assert "3 of 5 met" in shown(ex.feedback.value)
    assert "Not saved: choose a results name" in shown(ex.status.value)
    assert len(ex.history) == 1
    assert not list(tmp_path.iterdir())


def test_an_empty_goal_asks_for_text_and_records_nothing(sam: LearnerResults) -> None:
    ex = GoalExercise("01-write-a-goal", results=sam)
    ex.text.value = "   "
    ex.button.click()
    assert "Write a goal first" in shown(ex.status.value)
    assert ex.history == [] and not sam.path.exists()


def test_typed_html_is_escaped(sam: LearnerResults) -> None:
    ex = GoalExercise("01-write-a-goal", results=sam)
    ex.text.value = HOSTILE
    ex.button.click()
    assert "<img" not in ex.feedback.value and "&lt;img" in ex.feedback.value


def test_learner_name_widget_chooses_the_file(tmp_path: Path) -> None:
    picker = LearnerName(folder=tmp_path)
    picker.name.value = "../../etc/passwd"
    picker.button.click()
    assert "cannot contain '/'" in shown(picker.status.value)
    assert current_learner() is None
    picker.name.value = "x" * 1000
    picker.button.click()
    assert "at most 40 characters" in shown(picker.status.value)
    picker.name.value = "Zoë"
    picker.button.click()
    assert "zoe.jsonl" in shown(picker.status.value)
    chosen = current_learner()
    assert chosen is not None and chosen.path == tmp_path / "zoe.jsonl"
    ex = GoalExercise("01-write-a-goal")  # no results= : uses the chosen learner
    ex.text.value = GOOD
    ex.button.click()
    assert "Attempt 1 saved for Zoë" in shown(ex.status.value)
    again = LearnerName(folder=tmp_path)
    assert again.name.value == "Zoë"
    again.button.click()
    assert "already holds 1 answers" in shown(again.status.value)


def test_the_name_is_chosen_once_and_every_notebook_shows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JUPYTERHUB_USER", "learner07")
    first = LearnerName(folder=tmp_path)
    assert shown(first.identity.value) == ""
    first.name.value = "Sam T"
    first.button.click()
    assert "You are recorded as Sam T (sam-t.jsonl" in shown(first.identity.value)
    assert (tmp_path / ".identity" / "learner07.json").is_file()
    new_kernel(monkeypatch)  # notebook 03: nothing typed, the same learner
    later = LearnerName(folder=tmp_path)
    assert "You are recorded as Sam T" in shown(later.identity.value)
    assert later.name.value == "Sam T"
    ex = GoalExercise("03-task-this-week", results=None)
    monkeypatch.setenv("GOALKIT_RESULTS", str(tmp_path))
    ex.text.value = GOOD
    ex.button.click()
    assert "Attempt 1 saved for Sam T" in shown(ex.status.value)
    assert [p.name for p in tmp_path.glob("*.jsonl")] == ["sam-t.jsonl"]
    monkeypatch.setenv("JUPYTERHUB_USER", "learner08")  # another login, same shared folder
    new_kernel(monkeypatch)
    assert shown(LearnerName(folder=tmp_path).identity.value) == ""


def test_a_record_number_is_refused_as_a_name(tmp_path: Path) -> None:
    picker = LearnerName(folder=tmp_path)
    for number in ("943 476 5919", "MRN 123-4567", "RX1234"):
        picker.name.value = number
        picker.button.click()
        assert "could be a patient or record number" in shown(picker.status.value)
    assert current_learner() is None and not any(tmp_path.iterdir())


def test_learner_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOALKIT_RESULTS", str(tmp_path))
    monkeypatch.setenv("GOALKIT_LEARNER", "Trainer demo")
    chosen = current_learner()
    assert chosen is not None and chosen.path == tmp_path / "trainer-demo.jsonl"


def test_a_write_failure_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    ex = GoalExercise("01-write-a-goal", results=open_learner("Sam", blocker / "results"))
    ex.text.value = GOOD
    ex.button.click()
    assert "Not saved: Cannot create the results folder" in shown(ex.status.value)
    assert "3 of 5 met" in shown(ex.feedback.value)


def test_a_bug_in_a_callback_shows_a_message(sam: LearnerResults,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ex = GoalExercise("01-write-a-goal", results=sam)

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(ex, "report", broken)
    ex.text.value = GOOD
    ex.button.click()
    assert "Something went wrong (RuntimeError)" in shown(ex.status.value)


def test_bad_exercise_ids_and_variants_fail_when_the_cell_runs() -> None:
    with pytest.raises(results.ResultsError):
        GoalExercise("My Exercise!")
    with pytest.raises(ValueError, match="unknown SMART variant"):
        GoalExercise("01-x", variant="smarter")


def test_variant_labels_follow_the_trainers_choice(sam: LearnerResults) -> None:
    ex = GoalExercise("01-write-a-goal", variant="spinal", results=sam)
    ex.text.value = "Walk to the shop"
    ex.button.click()
    assert "Results-oriented" in shown(ex.feedback.value)
    assert "Time frame" in shown(ex.feedback.value)


def test_rewrite_starts_from_the_vague_goal(sam: LearnerResults) -> None:
    vague = "Reduce my back pain from 7/10 to 3/10 within 8 weeks"
    ex = RewriteExercise("03-pain-to-function", vague, ask_confidence=True, results=sam)
    assert ex.text.value == vague
    assert "It meets Measurable, Time-bound" in shown(ex.root.children[1].value)
    ex.text.value = ("Walk the dog 2 km round the park on 4 evenings a week within 10 weeks, "
                     "so I can enjoy the evenings with Tom")
    ex.confidence.value = 7
    ex.button.click()
    assert "Compared with the starting goal: now Specific, Achievable, Relevant" in shown(
        ex.feedback.value)
    assert lines(sam)[0]["kind"] == "rewrite"


def test_assessment_scores_the_model_answer_full_marks(sam: LearnerResults) -> None:
    task = AssessmentTask(results=sam)
    assert ASSESSMENT.story in shown(task.prompt.value)
    task.text.value = task.model_answer()
    task.button.click()
    assert "Score: 8 / 8" in shown(task.score.value)
    assert "recorded as copied" in shown(task.score.value)
    task.text.value = task.model_answer().replace("My", "my").rstrip(".") + " again"
    task.button.click()
    assert "recorded as copied" in shown(task.score.value)  # a word changed is still a copy
    task.text.value = "Reduce my pain to 3/10 within 8 weeks"
    task.button.click()
    text = shown(task.score.value)
    assert "Score: 4 / 8" in text and "Pain is the only target" in text
    assert "copied" not in text
    task.text.value = ("Walk Lily home from school on my own, 1.2 km with one rest at most, "
                       "within 8 weeks")
    task.button.click()
    assert "Score: 8 / 8" in shown(task.score.value) and "copied" not in shown(task.score.value)
    assert [(r["score"], r["max_score"], r["marks"]) for r in lines(sam)] == [
        (8, 8, ["copied"]), (8, 8, ["copied"]), (4, 8, []), (8, 8, [])]
    assert lines(sam)[2]["flags"] == ["pain_only"]


def test_score_assessment_counts_each_point() -> None:
    report = check_goal("Patient must walk 1 km within 6 weeks", confidence=8,
                        why="to visit his daughter")
    score = score_assessment(report)
    assert (score.points, score.total) == (6, 8)
    assert [ok for ok, _ in score.lines][-2:] == [False, False]
    assert "Reword 'Patient must'" in score.lines[6][1]


def test_quiz_explains_only_the_choice_made_until_right_or_given_up(
        sam: LearnerResults) -> None:
    quiz = Quiz("01-smart-check", results=sam)  # stored answers: c, a, b
    quiz.answer(1)
    quiz.button.click()
    assert "Questions 2 and 3 still need an answer" in shown(quiz.status.value)
    assert not sam.path.exists()
    quiz.answer(0, 1, 1)
    quiz.button.click()
    text = shown(quiz.feedback.value)
    assert "Score: 1 / 3" in text
    assert "'Feel more confident on my feet': A feeling" in text and "Try another answer" in text
    assert "The answer is" not in text and "It names an activity" not in text  # not given away
    assert quiz.reveal_button.disabled is False
    quiz.answer(2)
    quiz.button.click()
    text = shown(quiz.feedback.value)
    assert "Score: 2 / 3" in text and "Question 1: right. It names an activity" in text
    assert "Add a horizon" not in text  # question 2 still unexplained
    quiz.reveal_button.click()
    assert "The answer is 'Time-bound'" in shown(quiz.feedback.value)
    quiz.answer(2, 0, 1)
    quiz.button.click()
    assert "Score: 3 / 3. All right" in shown(quiz.feedback.value)
    assert [(r["score"], r["attempt"], r["text"], r["marks"]) for r in lines(sam)] == [
        (1, 1, "1:a 2:b 3:b", []), (2, 2, "1:c 2:b 3:b", []), (3, 3, "1:c 2:a 3:b", ["gave_up"])]


def test_quiz_choices_are_shuffled_per_learner_and_stable(tmp_path: Path) -> None:
    def orders(name: str) -> list[list[int]]:
        quiz = Quiz("06-final-quiz", results=open_learner(name, tmp_path))
        return [[i for _, i in radio.options] for radio in quiz.choices]

    sam, ana = orders("Sam"), orders("Ana")
    assert orders("Sam") == sam  # the same learner sees the same order every time
    assert sam != ana
    stored = [list(range(len(q.choices))) for q in QUIZZES["06-final-quiz"]]
    assert sam != stored and all(sorted(o) == s for o, s in zip(sam, stored, strict=True))


def test_a_quiz_built_before_the_name_is_chosen_takes_that_learners_order(
        tmp_path: Path) -> None:
    early = Quiz("06-final-quiz")  # Run All: the quiz exists before the name is typed
    picker = LearnerName(folder=tmp_path)
    picker.name.value = "Sam"
    picker.button.click()
    later = Quiz("06-final-quiz")
    assert early.seed == later.seed == "sam"
    assert [r.options for r in early.choices] == [r.options for r in later.choices]
    later.answer(1)
    picker.name.value = "Ana"
    picker.button.click()
    assert later.seed == "sam" and later.answers[0] == 1  # an answer picked: nothing moves


def test_the_right_letter_and_the_longest_choice_do_not_give_answers_away() -> None:
    questions = [q for qs in QUIZZES.values() for q in qs]
    letters = [q.answer for q in questions]
    assert max(letters.count(i) for i in set(letters)) <= len(questions) * 0.4
    longest = [q for q in questions
               if len(q.choices[q.answer].text) > max(len(c.text) for i, c in
                                                       enumerate(q.choices) if i != q.answer)]
    assert len(longest) <= len(questions) // 4


def test_every_stored_quiz_is_well_formed() -> None:
    for name, questions in QUIZZES.items():
        assert questions, name
        right = grade(questions, [q.answer for q in questions])
        assert right.score == right.total == len(questions)
        for q in questions:
            assert len(q.choices) >= 2 and all(c.why for c in q.choices)


def test_quiz_rules() -> None:
    with pytest.raises(ValueError, match="exactly one right answer"):
        Question("?", (Choice("a", True, "."), Choice("b", True, ".")))
    q = Question("?", (Choice("a", False, "no."), Choice("b", True, "yes.")))
    assert grade([q], [None]).lines[0][1].startswith("Question 1: no answer")
    with pytest.raises(ValueError, match="2 answers for 1 questions"):
        grade([q], [0, 1])
    with pytest.raises(ValueError, match="no quiz stored"):
        Quiz("99-none")


def test_gas_builder_drafts_checks_and_records(sam: LearnerResults) -> None:
    gas = GasBuilder(activity="Walk to the shop", quantity="1 km", time_frame="within 6 weeks",
                     results=sam)
    gas.draft_button.click()
    assert gas.levels[0].value == "Walk to the shop (1 km) within 6 weeks"
    assert gas.levels[2].value == "Walk to the shop (at least 2 km) within 6 weeks"
    gas.check_button.click()
    # the outer levels left as drafted are for the learner to read with the patient
    assert "8 of 9 checks passed" in shown(gas.findings.value)
    assert "Levels -2, +2 are goalkit's draft, unchanged" in shown(gas.findings.value)
    gas.levels[-2].value = "Walk to the end of the road, less than 0.5 km, within 6 weeks"
    gas.levels[2].value = "Walk to the shop and on to the park, 2 km or more, within 6 weeks"
    gas.check_button.click()
    assert "9 of 9 checks passed" in shown(gas.findings.value)
    gas.levels[1].value = gas.levels[-1].value  # now two levels say the same
    gas.check_button.click()
    assert "Two or more levels have the same description" in shown(gas.findings.value)
    assert [(r["kind"], r["score"], r["max_score"]) for r in lines(sam)] == [
        ("gas", 8, 9), ("gas", 9, 9), ("gas", 7, 9)]


def test_gas_builder_support_ladder_and_errors(sam: LearnerResults) -> None:
    gas = GasBuilder(activity="Transfer from wheelchair to bed with a sliding board",
                     support="with supervision", vary="support", results=sam)
    gas.draft_button.click()
    assert "independently" in gas.levels[1].value
    gas.vary.value = "time"
    gas.draft_button.click()  # no time frame written: a message, levels unchanged
    assert "has no time frame written" in shown(gas.status.value)
    assert "independently" in gas.levels[1].value


def test_barrier_planner(sam: LearnerResults) -> None:
    planner = BarrierPlanner(goal="Walk 2 km to the park within 6 weeks", results=sam)
    planner.button.click()
    assert "Write a barrier and a plan first" in shown(planner.status.value)
    planner.barriers[0].value = "A flare-up after a long shift"
    planner.plans[0].value = "Halve the walks for two days, then build back up"
    planner.barriers[1].value = "Rainy weather"
    planner.button.click()
    text = shown(planner.feedback.value)
    assert "1 of 2 barriers have a concrete plan" in text
    assert "'Rainy weather': no plan yet" in text
    planner.plans[1].value = "Walk 20 minutes on the treadmill at the gym instead"
    planner.button.click()
    assert "2 of 2 barriers" in shown(planner.feedback.value)
    assert [r["score"] for r in lines(sam)] == [1, 2]


def test_check_plans_hints_at_common_barriers() -> None:
    result = check_plans([("Rain", "Walk indoors for 20 minutes")])
    hints = [text for ok, text in result.lines if not ok]
    assert any("at least 2 barriers" in h for h in hints)
    assert any("flare-up" in h for h in hints) and any("busy week" in h for h in hints)
    assert check_plans([("", "Walk for 10 minutes")]).score == 0


def test_every_widget_displays_through_its_root(sam: LearnerResults) -> None:
    for widget in (GoalExercise("01-a", results=sam), RewriteExercise("01-b", "feel better"),
                   AssessmentTask(), Quiz("06-final-quiz"), GasBuilder(), BarrierPlanner(),
                   LearnerName()):
        bundle = widget._repr_mimebundle_()
        assert "application/vnd.jupyter.widget-view+json" in bundle
        assert "goalkit-" in " ".join(widget.root._dom_classes)


def test_assessment_offers_the_model_answer_only_after_a_try(sam: LearnerResults) -> None:
    task = AssessmentTask(results=sam)
    assert task.show_model.disabled and task.model.value == ""
    task.text.value = "Walk to school within 8 weeks"
    task.button.click()
    assert not task.show_model.disabled
    task.show_model.click()
    assert ASSESSMENT.model_answer in shown(task.model.value)


def test_results_download_link(sam: LearnerResults) -> None:
    nobody = ResultsDownload()
    nobody.button.click()
    assert "Choose a results name" in shown(nobody.link.value)
    empty = ResultsDownload(sam)
    empty.button.click()
    assert "No answers saved yet" in shown(empty.link.value)
    ex = GoalExercise("06-x", results=sam)
    ex.text.value = HOSTILE
    ex.button.click()
    link = ResultsDownload(sam)
    link.button.click()
    match = re.search(r'href="data:application/x-ndjson;base64,([^"]+)"', link.link.value)
    assert match is not None and 'download="sam.jsonl"' in link.link.value
    assert base64.b64decode(match.group(1)) == sam.path.read_bytes()
    assert "(1 answers)" in shown(link.link.value) and "<img" not in link.link.value


def test_case_walkthrough_steps_through_the_rewrites() -> None:
    case = cases.load("sci-transfers")
    walk = CaseWalkthrough(case)
    assert "Step 0 of 5" in shown(walk.step.value) and walk.previous.disabled
    assert case.first_goals[0] in shown(walk.step.value)
    for _ in range(10):  # pressing past the end stays on the last step
        walk.next.click()
    assert walk.index == 5 and walk.next.disabled
    last = shown(walk.step.value)
    assert case.rewrites[-1].text in last and "goalkit-smart-report" in walk.step.value
    walk.previous.click()
    assert "Step 4 of 5" in shown(walk.step.value)


def test_case_tables() -> None:
    case = cases.load("discectomy-football")
    table = rewrite_table(case)
    assert len(table) == len(case.rewrites) + 1
    assert list(table.columns) == ["goal", "S", "M", "A", "R", "T", "pain-only",
                                   "what changed"]
    assert set(table.iloc[-1][list("SMART")]) == {"✓"}  # the agreed goal, with its context
    assert table.iloc[0]["S"] == "✗"
    assert table.attrs["letters"]["R"] == "Relevant"
    spinal = rewrite_table(case, "spinal")
    assert spinal.attrs["letters"]["R"] == "Results-oriented"
    assert spinal.attrs["letters"]["T"] == "Time frame"
    pain = rewrite_table("pain-to-function")
    assert pain.iloc[1]["pain-only"] == "yes"
    assert len(steps_table(case.worksheet)) == len(case.worksheet.primary.steps)
    notes = checkin_notes(case.worksheet)
    assert list(notes["date"]) == sorted(notes["date"])
    march = until(case.worksheet, "2025-03-31")
    assert max(c.date for c in march.checkins).isoformat() == "2025-03-31"
    assert len(march.checkins) < len(case.worksheet.checkins)
