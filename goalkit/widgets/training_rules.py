"""The logic behind the training exercises: pure functions, no widgets, no files.

The exercise widgets (:mod:`goalkit.widgets.exercises`, :mod:`~goalkit.widgets.quiz`,
:mod:`~goalkit.widgets.training_gas`, :mod:`~goalkit.widgets.training_plan`) only bind these
to ipywidgets and record what they return. Feedback comes back as data (scores, lines with a
verdict), and the ``*_html`` functions render it, escaping everything a learner typed.

>>> from goalkit.smart import check_goal
>>> goal_attempt("01-write-a-goal", check_goal("Walk 1 km within 6 weeks", confidence=8)).score
4
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from goalkit.results import Attempt, Kind
from goalkit.smart import CRITERIA, SmartReport, check_goal

__all__ = [
    "AssessmentScore",
    "Choice",
    "PlanCheck",
    "Question",
    "QuizResult",
    "Scenario",
    "check_plans",
    "choice_order",
    "compare_html",
    "goal_attempt",
    "grade",
    "is_copy",
    "lines_html",
    "score_assessment",
]

Line = tuple[bool, str]  # (passed, what it means): one line of feedback


def goal_attempt(exercise: str, report: SmartReport, kind: Kind = "goal") -> Attempt:
    """An attempt scored as the number of SMART criteria met (of 5), carrying every other
    finding of the report (its ``flags`` and ``notes``) for the trainer's tables."""
    met: dict[str, bool | None] = {k: f.met for k, f in report.criteria.items()}
    return Attempt(exercise, kind, sum(v is True for v in met.values()), len(CRITERIA),
                   report.text, met, flags=tuple(report.flags), notes=tuple(report.notes))


def compare_html(before: SmartReport, after: SmartReport, what: str) -> str:
    """Which criteria ``after`` meets that ``before`` (``what``: 'your first try') did not."""
    labels = after.variant.labels
    gained = [labels[k] for k in CRITERIA
              if after.criteria[k].met is True and before.criteria[k].met is not True]
    lost = [labels[k] for k in CRITERIA
            if before.criteria[k].met is True and after.criteria[k].met is not True]
    left = [labels[k] for k in CRITERIA if after.criteria[k].met is not True]
    parts = [Markup("<strong>{} of 5 met.</strong>").format(5 - len(left))]
    if gained:
        parts.append(Markup("Compared with {}: now {}.").format(what, ", ".join(gained)))
    if lost:
        parts.append(Markup("No longer {}: check what changed.").format(", ".join(lost)))
    if not left and after.flags:
        parts.append(Markup("Every letter is met, but read the finding below before you call "
                            "it done."))
    elif not left:
        parts.append(Markup("Every letter is met: well done."))
    elif not gained and not lost:
        parts.append(Markup("Still to do: {}. Read the suggestions below.").format(
            ", ".join(left)))
    return str(Markup('<p class="goalkit-progress">{}</p>').format(Markup(" ").join(parts)))


def lines_html(lines: Sequence[Line], cls: str) -> str:
    """Feedback lines as a list with a tick or a cross each."""
    items = Markup("").join(
        Markup('<li class="{}"><span aria-hidden="true">{}</span> {}</li>').format(
            "goalkit-met" if ok else "goalkit-unmet", "✓" if ok else "✗", text)
        for ok, text in lines)
    return str(Markup('<ul class="{}">{}</ul>').format(cls, items))


# --- quizzes --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    """A multiple-choice question with exactly one right answer, each choice explained."""

    prompt: str
    choices: tuple[Choice, ...]

    def __post_init__(self) -> None:
        if sum(c.correct for c in self.choices) != 1:
            raise ValueError(f"question {self.prompt[:40]!r} needs exactly one right answer")

    @property
    def answer(self) -> int:
        return next(i for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True)
class QuizResult:
    score: int
    total: int
    lines: tuple[Line, ...]  # one per question


def grade(questions: Sequence[Question], answers: Sequence[int | None], *,
          reveal: bool = False) -> QuizResult:
    """Score ``answers`` (the index chosen per question, None = none) and explain each one.

    Only the choice made is explained, so a second try is not answered in advance: a wrong
    choice says why it is wrong and asks for another. With ``reveal`` (the learner gave up)
    the right answer and its explanation are given too.
    """
    if len(answers) != len(questions):
        raise ValueError(f"{len(answers)} answers for {len(questions)} questions")
    lines: list[Line] = []
    for n, (q, a) in enumerate(zip(questions, answers, strict=True), start=1):
        right = q.choices[q.answer]
        answer = f" The answer is '{right.text}': {right.why}" if reveal else ""
        if a is None:
            lines.append((False, f"Question {n}: no answer.{answer}"))
        elif not 0 <= a < len(q.choices):
            raise ValueError(f"question {n} has no choice {a}")
        elif a == q.answer:
            lines.append((True, f"Question {n}: right. {right.why}"))
        else:
            lines.append((False, f"Question {n}: '{q.choices[a].text}': {q.choices[a].why}"
                          + (answer or " Try another answer.")))
    return QuizResult(sum(ok for ok, _ in lines), len(questions), tuple(lines))


def choice_order(question: Question, seed: str) -> tuple[int, ...]:
    """The order to show ``question``'s choices in, shuffled for one learner (``seed``, say
    their results name) and the same every time that learner opens the quiz.

    >>> q = Question("?", tuple(Choice(t, t == "a", ".") for t in "abc"))
    >>> choice_order(q, "sam") == choice_order(q, "sam")
    True
    >>> sorted(choice_order(q, "sam"))
    [0, 1, 2]
    """
    import hashlib

    def key(i: int) -> bytes:
        return hashlib.sha256(f"{seed}\0{question.prompt}\0{i}".encode()).digest()

    return tuple(sorted(range(len(question.choices)), key=key))


def is_copy(text: str, model: str, threshold: float = 0.85) -> bool:
    """True when ``text`` is the model answer pasted back, or nearly (a word or two changed).

    >>> is_copy("Walk my granddaughter home (1.2 km) within 8 weeks.",
    ...         "walk my granddaughter home (1.2 km) within 8 weeks")
    True
    >>> is_copy("Walk to the shop within 4 weeks", "walk my granddaughter home within 8 weeks")
    False
    """
    import re
    from difflib import SequenceMatcher

    def norm(t: str) -> list[str]:
        return re.findall(r"\w+(?:[.,]\w+)*", t.lower())  # words and numbers such as 1.2

    a, b = norm(text), norm(model)
    return bool(a and b) and SequenceMatcher(None, a, b).ratio() >= threshold


# --- the final goal-writing task ------------------------------------------------------------
@dataclass(frozen=True)
class Scenario:
    """A patient to write a goal for: the story, their priorities and confidence rating."""

    name: str
    story: str
    priorities: tuple[str, ...]
    confidence: int
    model_answer: str


@dataclass(frozen=True)
class AssessmentScore:
    points: int
    total: int
    lines: tuple[Line, ...]

    @property
    def verdict(self) -> str:
        if self.points == self.total:
            return "Excellent: a goal you could write on the worksheet as it is."
        if self.points >= self.total - 2:
            return "Good: fix the points marked with a cross and check again."
        return "Not there yet: look again at the points marked, and at notebook 01."


def score_assessment(report: SmartReport) -> AssessmentScore:
    """Eight points: one per SMART letter, a functional target (not pain alone),
    collaborative wording, and the help needed named (Bovend'Eerdt et al. 2009)."""
    labels = report.variant.labels
    lines: list[Line] = [
        (f.met is True, f"{labels[k]}: {f.message}"
         + ("" if f.met is True or not f.suggestion else f" {f.suggestion}"))
        for k, f in report.criteria.items()
    ]
    lines.append((not report.pain_only,
                  "A functional target, not pain alone." if not report.pain_only
                  else report.pain_advice or "Pain is the only target."))
    flags = ", ".join(f"'{f.phrase}'" for f in report.language)
    lines.append((not report.language,
                  "Collaborative wording." if not report.language
                  else f"Reword {flags}: say what the patient agreed to."))
    support = report.parts.support
    lines.append((support is not None,
                  f"Names the help needed: '{support}'." if support else
                  "Name the help needed, e.g. 'on my own' or 'with a stick' (the support part "
                  "of a goal, Bovend'Eerdt et al. 2009)."))
    return AssessmentScore(sum(ok for ok, _ in lines), len(lines), tuple(lines))


# --- barriers and contingency plans ---------------------------------------------------------
@dataclass(frozen=True)
class PlanCheck:
    score: int
    total: int
    lines: tuple[Line, ...]


MIN_BARRIERS = 2
# Obstacles the collaborative-goal-setting article names: flare-ups and scheduling conflicts.
COMMON_BARRIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("flare", "pain", "setback", "worse", "sore"),
     "No plan for a flare-up yet: setbacks are common, so agree one in advance."),
    (("time", "busy", "work", "shift", "schedul", "late", "holiday", "child", "week"),
     "No plan for a busy week yet: what happens when time runs short?"),
)


def _concrete(plan: str) -> bool:
    report = check_goal(plan)
    return bool(report.criteria["measurable"].met or report.criteria["time_bound"].met)


def check_plans(rows: Sequence[tuple[str, str]]) -> PlanCheck:
    """Score barrier/contingency-plan pairs: a point per barrier with a concrete plan
    (one that says how much or for how long), out of at least :data:`MIN_BARRIERS`."""
    filled = [(b.strip(), p.strip()) for b, p in rows if b.strip() or p.strip()]
    lines: list[Line] = []
    for barrier, plan in filled:
        name = barrier or "(no barrier named)"
        if not barrier:
            lines.append((False, f"A plan with no barrier: '{plan}'. Say what it is for."))
        elif not plan:
            lines.append((False, f"'{name}': no plan yet. Agree what to do if it happens."))
        elif not _concrete(plan):
            lines.append((False, f"'{name}': make the plan concrete: how much, or for how "
                          "long? e.g. 'halve the walks for two days, then build back up'."))
        else:
            lines.append((True, f"'{name}': a concrete plan."))
    if len(filled) < MIN_BARRIERS:
        lines.append((False, f"Name at least {MIN_BARRIERS} barriers with the patient."))
    text = " ".join(b.lower() for b, _ in filled)
    for words, hint in COMMON_BARRIERS:
        if filled and not any(w in text for w in words):
            lines.append((False, hint))
    score = sum(1 for b, p in filled if b and p and _concrete(p))
    return PlanCheck(score, max(MIN_BARRIERS, len(filled)), tuple(lines))
