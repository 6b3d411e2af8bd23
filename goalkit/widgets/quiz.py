"""A multiple-choice quiz widget: pick answers, submit, read why the answer chosen is right
or not.

``Quiz("06-final-quiz")`` shows the questions stored under that id in
:data:`goalkit.widgets.training_data.QUIZZES`; ``Quiz("my-id", questions=[...])`` any others.
Grading is :func:`goalkit.widgets.training_rules.grade`; each submission is one attempt.

Scores are fair: choices are shuffled per learner (:func:`~goalkit.widgets.training_rules.
choice_order`, the same order each time that learner opens the quiz); only the choice made is
explained, so the next try is not answered in advance; *Show the answers* gives up, and every
later submission is marked ``gave_up`` in the results. Answers are recorded as the letters of
the stored (answer-key) order, whatever order the learner saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w
from markupsafe import Markup

from ..export.workshop_pack import quiz_paper
from ..results import Attempt, Kind, LearnerResults
from .common import styled
from .exercises import Exercise
from .training_data import QUIZZES
from .training_learner import message as _message
from .training_learner import on_learner_chosen
from .training_rules import Question, choice_order, grade, lines_html

__all__ = ["Quiz"]


class Quiz(Exercise):
    """Questions with radio buttons, a Submit button, a score and an explanation per answer."""

    kind: Kind = "quiz"

    def __init__(self, exercise: str, questions: Sequence[Question] | None = None,
                 results: LearnerResults | None = None) -> None:
        super().__init__(exercise, results)
        if questions is None:
            if exercise not in QUIZZES:
                raise ValueError(f"no quiz stored as {exercise!r}; pass questions= or use one "
                                 f"of {', '.join(QUIZZES)}")
            questions = QUIZZES[exercise]
        self.questions = tuple(questions)
        learner = self.results
        self.seed = learner.slug if learner is not None else ""
        self.revealed = False
        self.choices: list[w.RadioButtons] = []
        rows: list[w.Widget] = []
        for n, q in enumerate(self.questions, start=1):
            order = choice_order(q, self.seed)
            radio = styled(w.RadioButtons(options=[(q.choices[i].text, i) for i in order],
                                          value=None, layout=w.Layout(width="auto")),
                           "goalkit-quiz-choices", f"goalkit-quiz-q{n}")
            self.choices.append(radio)
            prompt = Markup('<p class="goalkit-quiz-prompt"><strong>{}.</strong> {}</p>')
            rows += [w.HTML(str(prompt.format(n, q.prompt))), radio]
        self.button = styled(w.Button(description="Submit my answers", button_style="primary",
                                      layout=w.Layout(width="auto")), "goalkit-quiz-submit")
        self.button.on_click(lambda _b: self.submit())
        self.reveal_button = styled(w.Button(description="Show the answers", disabled=True,
                                             layout=w.Layout(width="auto")),
                                    "goalkit-quiz-reveal")
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.feedback = styled(w.HTML(), "goalkit-quiz-feedback")
        if self._results is None:
            on_learner_chosen(self)
        buttons = w.HBox([self.button, self.reveal_button])
        self.root = styled(w.VBox([self.trainer, *rows, buttons, self.status, self.feedback]),
                           "goalkit-exercise", "goalkit-quiz")

    def learner_chosen(self, learner: LearnerResults) -> None:
        """A name was chosen after the quiz was built: show that learner's order, unless an
        answer is already picked (a choice never moves under the learner's pointer)."""
        if learner.slug == self.seed or any(a is not None for a in self.answers):
            return
        self.seed = learner.slug
        for q, radio in zip(self.questions, self.choices, strict=True):
            radio.options = [(q.choices[i].text, i) for i in choice_order(q, self.seed)]
            radio.value = None

    def paper(self) -> dict[str, Any]:
        """The questions with lettered choices in the stored order; the key gives the letters."""
        return quiz_paper(self.questions)

    @property
    def answers(self) -> list[int | None]:
        return [r.value for r in self.choices]

    def answer(self, *indexes: int) -> None:
        """Choose answers by their index in the stored order (0 = a), question by question:
        what a click on that choice would do, wherever the shuffle put it."""
        for radio, i in zip(self.choices, indexes, strict=False):
            radio.value = i

    def reveal(self) -> None:
        """What *Show the answers* does: give up, and see every right answer explained."""
        self.guard(self._reveal)

    def _reveal(self) -> None:
        self.revealed = True
        result = grade(self.questions, self.answers, reveal=True)
        self.feedback.value = lines_html(result.lines, "goalkit-quiz-lines")
        self.status.value = _message("The answers are shown. You can still submit, and the "
                                     "trainer sees that you looked first.")

    def submit(self) -> None:
        """What the Submit button does."""
        self.guard(self._submit)

    def _submit(self) -> None:
        missing = [str(n) for n, a in enumerate(self.answers, start=1) if a is None]
        if missing:
            which = f"Question {missing[0]} still needs" if len(missing) == 1 else \
                f"Questions {', '.join(missing[:-1])} and {missing[-1]} still need"
            self.status.value = _message(f"{which} an answer.", error=True)
            return
        result = grade(self.questions, self.answers, reveal=self.revealed)
        chosen = " ".join(f"{n}:{'abcdefgh'[a or 0]}" for n, a in
                          enumerate(self.answers, start=1))
        marks = ("gave_up",) if self.revealed else ()
        self.save(Attempt(self.exercise, "quiz", result.score, result.total, chosen,
                          marks=marks))
        score = Markup('<p class="goalkit-score"><strong>Score: {} / {}.</strong> {}</p>').format(
            result.score, result.total,
            "All right: well done." if result.score == result.total else
            "Read why below, change the answers marked and submit again, or show the answers.")
        self.feedback.value = str(score) + lines_html(result.lines, "goalkit-quiz-lines")
        self.reveal_button.disabled = self.revealed or result.score == result.total
