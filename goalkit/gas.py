"""Goal Attainment Scaling (GAS): T-scores, GAS-Light weights and a worksheet's score.

Kiresuk & Sherman (1968, Community Ment Health J 4:443-453) combine the levels reached on
several goals, each -2..+2, into one T-score with mean 50 and standard deviation 10::

    T = 50 + 10 * sum(w_i * x_i) / sqrt((1 - rho) * sum(w_i ** 2) + rho * (sum(w_i)) ** 2)

``x_i`` is the level reached on goal ``i``, ``w_i`` its weight (1 when unweighted) and ``rho``
the assumed correlation between goals (0.3 by convention). Turner-Stokes (2009, Clin Rehabil
23:362-370, and its erratum) gives the same formula; her GAS-Light weights a goal by
importance x difficulty, each rated 0-3. Because difficulty weighting counts a missed hard goal
more heavily than a missed easy one, goalkit always shows the unweighted and the weighted score
side by side.

This module is pure and light: it imports neither pandas nor matplotlib. Writing and checking
a scale lives in :mod:`goalkit.gas_scale`.

>>> round(t_score([1, 0], weights=[6, 6]), 2)
56.2
>>> t_score([0, 0, 0])
50.0
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass

from goalkit.display import day
from goalkit.errors import GoalkitError
from goalkit.model import CheckIn, Goal, Worksheet

__all__ = [
    "DEFAULT_RHO",
    "LEVELS",
    "ORDINALS",
    "GasError",
    "GasScore",
    "GoalScore",
    "gas_light_weight",
    "goal_label",
    "goal_number",
    "latest_checkin",
    "score_worksheet",
    "t_score",
    "tscore_trend",
]

LEVELS: tuple[int, ...] = (-2, -1, 0, 1, 2)
"""The five GAS levels, from much less than expected (-2) to much more than expected (+2)."""

DEFAULT_RHO = 0.3
"""Assumed correlation between goals; 0.3 is Kiresuk & Sherman's conventional value."""

RATING_RANGE = range(0, 4)  # GAS-Light importance and difficulty are each rated 0-3.


class GasError(GoalkitError, ValueError):
    """Bad input to GAS scoring or scale drafting; the message says what to fix."""


def _check_levels(levels: Iterable[float]) -> tuple[float, ...]:
    xs = tuple(levels)
    if not xs:
        raise GasError("no goals to score: give at least one GAS level")
    for i, x in enumerate(xs, start=1):
        if isinstance(x, bool) or x not in LEVELS:
            raise GasError(
                f"GAS level {x!r} of goal {i} is outside -2..+2: use one of -2, -1, 0, +1, +2"
            )
    return xs


def _check_weights(weights: Iterable[float] | None, n: int) -> tuple[float, ...]:
    if weights is None:
        return (1.0,) * n
    ws = tuple(weights)
    if len(ws) != n:
        raise GasError(f"weights and levels differ in length ({len(ws)} weights for {n} levels)")
    for i, w in enumerate(ws, start=1):
        if isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w):
            raise GasError(f"weight {w!r} of goal {i} is not a finite number")
        if w <= 0:
            raise GasError(
                f"weight {w!r} of goal {i} must be above 0: a goal rated importance 0 or "
                "difficulty 0 carries no weight, so leave it out of the weighted score"
            )
    return ws


def t_score(
    levels: Iterable[float], weights: Iterable[float] | None = None, rho: float = DEFAULT_RHO
) -> float:
    """Kiresuk & Sherman's GAS T-score for the levels reached on one or more goals.

    ``levels`` are -2..+2; ``weights`` (default: all 1) must be above 0 and as many as the
    levels; ``rho`` must be in [0, 1). Raises :class:`GasError` otherwise.

    >>> t_score([-2, 0, -1, 2, 0, 1], weights=[3, 5, 1, 4, 2, 6])
    55.0
    >>> round(t_score([1, 1], rho=0.0), 4) == round(50 + 10 * 2 / 2 ** 0.5, 4)
    True
    """
    xs = _check_levels(levels)
    ws = _check_weights(weights, len(xs))
    if isinstance(rho, bool) or not math.isfinite(rho) or not 0 <= rho < 1:
        raise GasError(f"rho must be in [0, 1) (got {rho!r}); 0.3 is the usual value")
    numerator = math.fsum(w * x for w, x in zip(ws, xs, strict=True))
    total = math.fsum(ws)
    denominator = math.sqrt((1 - rho) * math.fsum(w * w for w in ws) + rho * total * total)
    return 50 + 10 * numerator / denominator


def gas_light_weight(importance: int, difficulty: int) -> int:
    """GAS-Light weight of a goal: importance x difficulty, each rated 0-3 (Turner-Stokes 2009).

    A product of 0 is returned as is; :func:`t_score` refuses it, and :func:`score_worksheet`
    leaves such a goal out of the weighted score and says so.

    >>> gas_light_weight(2, 3)
    6
    """
    for name, value in (("importance", importance), ("difficulty", difficulty)):
        if isinstance(value, bool) or not isinstance(value, int) or value not in RATING_RANGE:
            raise GasError(f"{name} is rated 0-3 in GAS-Light (got {value!r})")
    return importance * difficulty


ORDINALS = {1: "main", 2: "second", 3: "third"}
"""How goal 1, 2 and 3 of a worksheet are called: the main goal, then the second and third."""


def goal_number(ws: Worksheet, goal_id: str) -> int:
    """1 for the main goal, then 2 and 3 for the others in the order they were added."""
    ordered = (ws.primary, *ws.secondary)
    return next(i for i, g in enumerate(ordered, start=1) if g.id == goal_id)


def goal_label(goal: Goal, width: int = 40, number: int | None = None) -> str:
    """A short name for a goal in messages: which goal it is (``number``: 1 main, 2 second,
    3 third; without it, main or other) and the start of its statement."""
    role = ORDINALS.get(number or 0, "main" if goal.role == "primary" else "other")
    text = " ".join(goal.statement.split())
    if not text:
        return f"{role} goal (not written yet)"
    if len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return f"{role} goal '{text}'"


@dataclass(frozen=True)
class GoalScore:
    """One goal's part in a worksheet's GAS score."""

    goal_id: str
    label: str
    level: int | None
    importance: int | None
    difficulty: int | None
    weight: int | None
    in_unweighted: bool
    in_weighted: bool
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GasScore:
    """Unweighted and GAS-Light weighted T-scores of a worksheet at one check-in, explained.

    ``unweighted`` / ``weighted`` are None when no goal could enter that score; ``explanation``
    says which goals entered each score and why any were left out.
    """

    date: dt.date | None
    checkin_id: str | None
    goals: tuple[GoalScore, ...]
    unweighted: float | None
    weighted: float | None
    rho: float
    explanation: tuple[str, ...]

    def summary(self) -> str:
        """The explanation as one paragraph."""
        return " ".join(self.explanation)


def _fmt_t(t: float | None) -> str:
    return "not available" if t is None else f"{t:.1f}"


def _goal_score(goal: Goal, level: int | None, number: int | None = None) -> GoalScore:
    notes: list[str] = []
    label = goal_label(goal, number=number)
    if level is None:
        notes.append(f"The {label} has no GAS level recorded here: it is left out of both scores.")
    elif goal.gas is None:
        notes.append(f"The {label} was scored but has no written scale; consider writing one.")
    weight: int | None = None
    if goal.importance is None or goal.difficulty is None:
        if level is not None:
            notes.append(
                f"The {label} has no importance and difficulty rating: it is left out of "
                "the weighted score."
            )
    else:
        weight = gas_light_weight(goal.importance, goal.difficulty)
        if weight == 0 and level is not None:
            notes.append(
                f"The {label} is rated importance {goal.importance} x difficulty "
                f"{goal.difficulty} = weight 0: it is left out of the weighted score."
            )
    return GoalScore(
        goal_id=goal.id,
        label=label,
        level=level,
        importance=goal.importance,
        difficulty=goal.difficulty,
        weight=weight,
        in_unweighted=level is not None,
        in_weighted=level is not None and weight is not None and weight > 0,
        notes=tuple(notes),
    )


def latest_checkin(ws: Worksheet) -> CheckIn | None:
    """The check-in with the latest date (the last recorded one on a tie)."""
    if not ws.checkins:
        return None
    return max(enumerate(ws.checkins), key=lambda ic: (ic[1].date, ic[0]))[1]


def score_worksheet(ws: Worksheet, at: CheckIn | None = None, rho: float = DEFAULT_RHO) -> GasScore:
    """Score the worksheet's goals at check-in ``at`` (default: the latest check-in).

    Goals without a level at that check-in, or without importance and difficulty ratings, are
    listed in the explanation rather than silently dropped.
    """
    checkin = at if at is not None else latest_checkin(ws)
    recorded = {} if checkin is None else {g.goal_id: g.gas_level for g in checkin.goals}
    goals = tuple(
        _goal_score(g, recorded.get(g.id), goal_number(ws, g.id)) for g in ws.goals
    )
    plain = [g for g in goals if g.in_unweighted]
    weighted = [g for g in goals if g.in_weighted]
    t_plain = t_score([g.level or 0 for g in plain], rho=rho) if plain else None
    t_weighted = (
        t_score([g.level or 0 for g in weighted], [g.weight or 0 for g in weighted], rho=rho)
        if weighted
        else None
    )
    lines: list[str] = []
    if checkin is None:
        lines.append("No check-ins yet: there are no GAS levels to score.")
    else:
        lines.append(
            f"Unweighted T-score {_fmt_t(t_plain)} from {len(plain)} of {len(goals)} goals; "
            f"weighted (GAS-Light, importance x difficulty) {_fmt_t(t_weighted)} from "
            f"{len(weighted)} goals, at the check-in of {day(checkin.date)}."
        )
        lines.append("50 means the goals were met as expected; above 50, better than expected.")
    lines.extend(note for g in goals for note in g.notes)
    if t_plain is not None and t_weighted is not None:
        lines.append(
            "Weighting by difficulty counts a missed hard goal more than a missed easy one "
            "(Turner-Stokes 2009): read the two scores together."
        )
    return GasScore(
        date=None if checkin is None else checkin.date,
        checkin_id=None if checkin is None else checkin.id,
        goals=goals,
        unweighted=t_plain,
        weighted=t_weighted,
        rho=rho,
        explanation=tuple(lines),
    )


def tscore_trend(ws: Worksheet, rho: float = DEFAULT_RHO) -> list[GasScore]:
    """The worksheet's score at every check-in, in date order: the whole course, not only the
    latest visit. Each entry explains itself as :func:`score_worksheet` does."""
    ordered = sorted(enumerate(ws.checkins), key=lambda ic: (ic[1].date, ic[0]))
    return [score_worksheet(ws, at=c, rho=rho) for _, c in ordered]
