"""Exercise widgets for the training notebooks: write a goal, get explained SMART feedback.

Each widget only binds: the checker (:func:`goalkit.smart.check_goal`), the scoring
(:mod:`goalkit.widgets.training_rules`) and the results file (:mod:`goalkit.results`) do the
work. A cell can be just ``GoalExercise("01-write-a-goal")``. Every check is recorded as an
attempt in the learner's results file, once they have chosen a name with :class:`LearnerName`
at the top of the notebook. Errors show as a message in the exercise, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import ipywidgets as w
from markupsafe import Markup, escape

from ..errors import GoalkitError
from ..export.workshop_pack import PAPER_MIME, paper, writing
from ..results import Attempt, Kind, LearnerResults, ResultsError
from ..smart import SmartReport, Variant, check_goal
from ..smart_render import render_html
from .common import UNSET, optional_range, styled
from .training_data import ASSESSMENT
from .training_learner import (
    LearnerName,
    ResultsDownload,
    current_learner,
    use_learner,
)
from .training_learner import message as _message
from .training_rules import (
    Scenario,
    compare_html,
    goal_attempt,
    is_copy,
    lines_html,
    score_assessment,
)

__all__ = [
    "AssessmentTask",
    "Exercise",
    "GoalExercise",
    "LearnerName",
    "ResultsDownload",
    "RewriteExercise",
    "current_learner",
    "use_learner",
]

log = logging.getLogger("goalkit.training")
_NOT_SAVED = ("Not saved: choose a results name at the top of the notebook to keep your "
              "answers.")


class Exercise:
    """Base: a status line, error guarding, attempt recording, display through ``root``."""

    kind: Kind = "goal"
    root: w.Widget

    def __init__(self, exercise: str, results: LearnerResults | None = None) -> None:
        Attempt(exercise, self.kind, 0, 1)  # checks the id now, not at the first answer
        self.exercise = exercise
        self._results = results
        self.history: list[Attempt] = []
        self.status = styled(w.HTML(), "goalkit-exercise-status")
        self.trainer = styled(w.HTML(self.trainer_comment()), "goalkit-trainer-comment")

    def trainer_comment(self) -> str:
        """The facilitator's latest comment on this learner's answer to this exercise, as HTML
        (empty when there is none or no learner is chosen)."""
        from ..results_review import reviews_for

        results = self.results
        if results is None:
            return ""
        found = [r for r in reviews_for(results.slug, results.folder)
                 if r.exercise == self.exercise]
        if not found:
            return ""
        r = found[-1]
        about = Markup(" They disagree with the verdict on <strong>{}</strong>.").format(
            r.about) if r.verdict else ""
        return str(Markup('<p class="goalkit-trainer-note" role="note">Your trainer, on your '
                          "attempt {}:{} {}</p>").format(r.attempt, about, r.comment))

    @property
    def results(self) -> LearnerResults | None:
        return self._results or current_learner()

    def guard(self, action: Callable[[], None]) -> None:
        """Run ``action``; show any failure as a message in the exercise."""
        try:
            action()
        except (GoalkitError, ValueError) as exc:
            self.status.value = _message(str(exc), error=True)
        except Exception as exc:  # a bug must not show a traceback to a learner
            log.exception("unexpected error in a training exercise")
            self.status.value = _message(
                f"Something went wrong ({type(exc).__name__}). Tell the trainer.", error=True)

    def save(self, attempt: Attempt) -> Attempt:
        """Record ``attempt`` in memory and, when a learner is chosen, in their file."""
        results = self.results
        numbered = attempt.renumbered(len(self.history) + 1)
        note = _NOT_SAVED
        if results is not None:
            try:
                numbered = results.record(attempt)
                note = f"Attempt {numbered.attempt} saved for {results.name}."
            except ResultsError as exc:
                note = f"Not saved: {exc}"
        self.history.append(numbered)
        self.status.value = _message(note, error=results is None)
        return numbered

    def paper(self) -> dict[str, Any]:
        """The exercise on paper, for the printed pack (:mod:`goalkit.export.workshop_pack`)."""
        return paper([writing(4, f"**Exercise** ({self.exercise})")])

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.root._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):  # the live view, and the exercise as printed
            bundle = {**bundle, PAPER_MIME: self.paper()}
        return bundle


class GoalExercise(Exercise):
    """Write a goal, press Check, read the SMART report; each check is one attempt.

    ``ask_why`` adds a 'why it matters' box and ``ask_confidence`` a 0-10 rating, which decide
    Relevant and Achievable; ``priorities`` are the patient's recorded priorities.
    """

    def __init__(self, exercise: str, prompt: str = "", *, start: str = "",
                 variant: Variant | str = "classic", ask_why: bool = False,
                 ask_confidence: bool = False, priorities: Sequence[str] = (),
                 confidence: int | None = None, results: LearnerResults | None = None) -> None:
        super().__init__(exercise, results)
        check_goal("", variant=variant)  # an unknown variant fails here, in the notebook
        self.variant = variant
        self.priorities = tuple(priorities)
        self.confidence_given = confidence
        self.text = styled(w.Textarea(start, layout=w.Layout(width="95%", height="4.5em"),
                                      placeholder="What will the patient do, how much, with "
                                      "what help, by when?"), "goalkit-goal-input")
        self.why = styled(w.Text(description="Why it matters", layout=w.Layout(width="95%"),
                                 placeholder="in the patient's words: so that I can ...",
                                 style={"description_width": "9em"}), "goalkit-why-input")
        self.confidence = styled(w.Dropdown(options=optional_range(0, 10, "not asked"),
                                            value=UNSET, description="Confidence 0-10",
                                            style={"description_width": "9em"}),
                                 "goalkit-confidence-input")
        self.button = styled(w.Button(description="Check my goal", button_style="primary"),
                             "goalkit-check")
        self.button.on_click(lambda _b: self.check())
        self.feedback = styled(w.HTML(), "goalkit-feedback")
        self.prompt = styled(w.HTML(str(Markup("<p>{}</p>").format(prompt)) if prompt else ""),
                             "goalkit-exercise-prompt")
        extras = [x for x, on in ((self.why, ask_why), (self.confidence, ask_confidence)) if on]
        self.root = styled(w.VBox([self.prompt, *self._intro(), self.trainer, self.text,
                                   *extras, self.button, self.status, self.feedback]),
                           "goalkit-exercise", "goalkit-goal-exercise")
        self._first: SmartReport | None = None
        self._asks = (ask_why, ask_confidence)
        self._prompt_text = prompt

    def _intro(self) -> list[w.Widget]:
        return []

    def _paper_intro(self) -> str:
        return ""

    def paper(self) -> dict[str, Any]:
        cells = [writing(4, f"**Exercise:** {escape(self._prompt_text or 'write the goal.')}"
                         f"{self._paper_intro()}\n\nThe goal:")]
        if self._asks[0]:
            cells.append(writing(1, "Why it matters, in the patient's words:"))
        if self._asks[1]:
            cells.append(writing(1, "The patient's confidence, 0-10:"))
        return paper(cells, self._paper_key())

    def _paper_key(self) -> list[str]:
        return []

    def report(self) -> SmartReport:
        """The SMART report for what is typed now, with the context given."""
        rating = None if self.confidence.value == UNSET else self.confidence.value
        return check_goal(self.text.value, confidence=rating if rating is not None
                          else self.confidence_given, why=self.why.value or None,
                          priorities=self.priorities, variant=self.variant)

    def check(self) -> None:
        """What the Check button does."""
        self.guard(self._check)

    def _check(self) -> None:
        if not self.text.value.strip():
            self.status.value = _message("Write a goal first, then press Check.", error=True)
            return
        report = self.report()
        self.save(goal_attempt(self.exercise, report, self.kind))
        self.feedback.value = self._feedback(report)
        if self._first is None:
            self._first = report

    def _feedback(self, report: SmartReport) -> str:
        before = self._baseline()
        summary = compare_html(before, report, self._compared_with()) if before else \
            compare_html(report, report, "")
        return summary + render_html(report)

    def _baseline(self) -> SmartReport | None:
        return self._first

    def _compared_with(self) -> str:
        return "your first try"


class RewriteExercise(GoalExercise):
    """Start from a vague goal, rewrite it, and see what each change bought."""

    kind: Kind = "rewrite"

    def __init__(self, exercise: str, vague: str, prompt: str = "", **kwargs: Any) -> None:
        self.vague = vague
        self._start_report: SmartReport | None = None
        super().__init__(exercise, prompt, start=vague, **kwargs)

    def _intro(self) -> list[w.Widget]:
        start = self._start_report = check_goal(
            self.vague, variant=self.variant, priorities=self.priorities,
            confidence=self.confidence_given)
        met = [start.variant.labels[k] for k, f in start.criteria.items() if f.met is True]
        shown = ", ".join(met) if met else "none of the letters"
        html = Markup('<p class="goalkit-start-goal">Starting goal: <em>{}</em><br>'
                      "It meets {}. Rewrite it below, then press Check.</p>").format(
                          self.vague, shown)
        return [styled(w.HTML(str(html)), "goalkit-start")]

    def _baseline(self) -> SmartReport | None:
        return self._start_report

    def _compared_with(self) -> str:
        return "the starting goal"

    def _paper_intro(self) -> str:
        return (f"\n\nStarting goal: *{escape(self.vague)}*. Rewrite it so that it meets "
                "every letter.")

    def _paper_key(self) -> list[str]:
        start = self._start_report
        if start is None:
            return []
        labels = start.variant.labels
        missing = [f"{labels[k]} ({escape(f.suggestion or f.message)})"
                   for k, f in start.criteria.items() if f.met is not True]
        found = [f.replace("_", " ") for f in start.flags]
        return [f"*{escape(self.vague)}* ({self.exercise}) still needs: "
                + "; ".join(missing) + (f". Findings: {', '.join(found)}." if found else ".")]


class AssessmentTask(GoalExercise):
    """The final task: write a goal for a patient's story; scored out of 8 with feedback."""

    kind: Kind = "assessment"

    def __init__(self, exercise: str = "06-final-goal", scenario: Scenario = ASSESSMENT,
                 **kwargs: Any) -> None:
        self.scenario = scenario
        prompt = f"{scenario.story} Write the goal you would agree with {scenario.name}."
        super().__init__(exercise, prompt, priorities=scenario.priorities,
                         confidence=scenario.confidence, **kwargs)
        self.score = styled(w.HTML(), "goalkit-assessment-score")
        self.show_model = styled(w.Button(description="Show a model answer", disabled=True,
                                          layout=w.Layout(width="auto")),
                                 "goalkit-assessment-model-button")
        self.show_model.on_click(lambda _b: self._reveal())
        self.model = styled(w.HTML(), "goalkit-assessment-model")
        self.root.children = (*self.root.children[:-1], self.score, self.show_model, self.model,
                              self.feedback)

    def _reveal(self) -> None:
        self.model.value = str(Markup('<p class="goalkit-model-answer">One goal that scores '
                                      "8 / 8: <em>{}</em></p>").format(self.model_answer()))

    def _check(self) -> None:
        if not self.text.value.strip():
            self.status.value = _message("Write a goal first, then press Check.", error=True)
            return
        report = self.report()
        result = score_assessment(report)
        copied = is_copy(report.text, self.model_answer())
        attempt = replace(goal_attempt(self.exercise, report, self.kind), score=result.points,
                          max_score=result.total, marks=("copied",) if copied else ())
        self.save(attempt)
        note = Markup(" This is the model answer, so it is recorded as copied: write the goal "
                      "in your own words for a score of your own.") if copied else ""
        self.score.value = str(Markup(
            '<p class="goalkit-score"><strong>Score: {} / {}.</strong> {}{}</p>').format(
                result.points, result.total, result.verdict, note)) + lines_html(
                    result.lines, "goalkit-assessment-lines")
        self.feedback.value = render_html(report)
        self.show_model.disabled = False  # offered once the learner has tried their own

    def model_answer(self) -> str:
        """One goal that scores full marks (for after the workshop)."""
        return self.scenario.model_answer

    def _paper_key(self) -> list[str]:
        return [f"Final goal ({self.exercise}), a model answer that scores 8 / 8: "
                f"*{escape(self.model_answer())}*"]
