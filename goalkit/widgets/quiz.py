"""A multiple-choice quiz widget: pick answers, submit, read why each answer is right or not.

``Quiz("06-final-quiz")`` shows the questions stored under that id in
:data:`goalkit.widgets.training_data.QUIZZES`; ``Quiz("my-id", questions=[...])`` any others.
Grading is :func:`goalkit.widgets.training_rules.grade`; each submission is one attempt.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w
from markupsafe import Markup

from ..results import Attempt, Kind, LearnerResults
from .common import styled
from .exercises import Exercise
from .training_data import QUIZZES
from .training_learner import message as _message
from .training_rules import Question, grade, lines_html

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
        self.choices: list[w.RadioButtons] = []
        rows: list[w.Widget] = []
        for n, q in enumerate(self.questions, start=1):
            radio = styled(w.RadioButtons(options=[(c.text, i) for i, c in enumerate(q.choices)],
                                          value=None, layout=w.Layout(width="auto")),
                           "goalkit-quiz-choices", f"goalkit-quiz-q{n}")
            self.choices.append(radio)
            prompt = Markup('<p class="goalkit-quiz-prompt"><strong>{}.</strong> {}</p>')
            rows += [w.HTML(str(prompt.format(n, q.prompt))), radio]
        self.button = styled(w.Button(description="Submit my answers", button_style="primary",
                                      layout=w.Layout(width="auto")), "goalkit-quiz-submit")
        self.button.on_click(lambda _b: self.submit())
        self.feedback = styled(w.HTML(), "goalkit-quiz-feedback")
        self.root = styled(w.VBox([*rows, self.button, self.status, self.feedback]),
                           "goalkit-exercise", "goalkit-quiz")

    @property
    def answers(self) -> list[int | None]:
        return [r.value for r in self.choices]

    def answer(self, *indexes: int) -> None:
        """Choose answers by index, question by question (what a click would do)."""
        for radio, i in zip(self.choices, indexes, strict=False):
            radio.index = i

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
        result = grade(self.questions, self.answers)
        chosen = " ".join(f"{n}:{'abcdefgh'[a or 0]}" for n, a in
                          enumerate(self.answers, start=1))
        self.save(Attempt(self.exercise, "quiz", result.score, result.total, chosen))
        score = Markup('<p class="goalkit-score"><strong>Score: {} / {}.</strong> {}</p>').format(
            result.score, result.total,
            "All right: well done." if result.score == result.total else
            "Read why below, change your answers and submit again.")
        self.feedback.value = str(score) + lines_html(result.lines, "goalkit-quiz-lines")
