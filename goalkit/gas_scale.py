"""Checking a GAS scale: explained findings (STYLE habit 4), rendered separately.

:func:`validate_scale` runs :data:`SCALE_RULES` in order: every level described, no drafting
notes left, levels distinct, levels ordered (by the amounts or the support they name, when the
text allows), the expected outcome at level 0, and the baseline marked (usually -1; -2 when no
worse state is plausible; Turner-Stokes 2009). :func:`format_findings` renders them.

>>> from goalkit.gas_draft import draft_scale
>>> from goalkit.model import GoalParts
>>> scale = draft_scale(GoalParts(activity="Walk", support="with supervision"), vary="support")
>>> print(format_findings(validate_scale(scale)).splitlines()[3])
[ok] Support lessens step by step from -2 to +2.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from goalkit.gas_draft import EDIT_MARK, amounts, support_rung
from goalkit.model import GasScale, Goal

__all__ = ["SCALE_RULES", "ScaleFinding", "format_findings", "validate_scale"]


def _fmt(v: float) -> str:
    return f"{v:g}"


@dataclass(frozen=True)
class ScaleFinding:
    """One check of a GAS scale: ``met`` is None when the text cannot tell."""

    rule: str
    met: bool | None
    message: str
    suggestion: str = ""


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _non_empty(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    empty = [f"{lv.level:+d}" for lv in scale.levels if not lv.text.strip()]
    if empty:
        return ScaleFinding("non_empty", False, f"Levels {', '.join(empty)} have no description.",
                            "Describe what the patient would do at every level.")
    return ScaleFinding("non_empty", True, "All five levels are described.")


def _no_placeholders(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    left = [f"{lv.level:+d}" for lv in scale.levels if EDIT_MARK in lv.text]
    if left:
        return ScaleFinding("no_placeholders", False,
                            f"Levels {', '.join(left)} still hold a drafting note '[edit: ...]'.",
                            "Replace each note with a concrete description.")
    return ScaleFinding("no_placeholders", True, "No drafting notes are left.")


def _distinct(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    texts = [_norm(lv.text) for lv in scale.levels if lv.text.strip()]
    if len(set(texts)) < len(texts):
        return ScaleFinding("distinct", False, "Two or more levels have the same description.",
                            "Change one part (quantity, support or time) between levels.")
    return ScaleFinding("distinct", True, "The described levels differ from each other.")


def _ordered(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    written = [lv.text for lv in scale.levels if lv.text.strip() and EDIT_MARK not in lv.text]
    if len(written) < 2:
        return ScaleFinding("ordered", None, "Too few levels are written to check their order.",
                            "Write the levels, then read them from -2 to +2.")
    numbers = [amounts(text) for text in written]
    rungs = [support_rung(text) for text in written]
    series: list[float] = []
    if len({len(ns) for ns in numbers}) == 1:
        varying = [i for i in range(len(numbers[0])) if len({ns[i] for ns in numbers}) > 1]
        series = [ns[varying[0]] for ns in numbers] if varying else []
    if not series and None not in rungs and len(set(rungs)) > 1:
        series = [float(r or 0) for r in rungs]
        if series != sorted(series):
            return ScaleFinding("ordered", False, "Support does not lessen from -2 to +2.",
                                "Put the most help at -2 and the least at +2.")
        return ScaleFinding("ordered", True, "Support lessens step by step from -2 to +2.")
    if not series:
        return ScaleFinding("ordered", None, "The order cannot be checked from the text.",
                            "Read the levels from -2 to +2: each should be a step better.")
    pairs = list(itertools.pairwise(series))
    if all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs):
        return ScaleFinding("ordered", True, "The amounts change in one direction from -2 to +2.")
    shown = ", ".join(_fmt(v) for v in series)
    return ScaleFinding("ordered", False, f"The amounts ({shown}) go up and down across levels.",
                        "Make each level a step beyond the one below it.")


_STOP = frozenset(
    ("the", "and", "for", "with", "can", "will", "able", "into", "from", "that", "this", "then",
     "than", "per", "out", "my")
)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in _STOP}


def _expected_at_0(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    text = scale.text(0)
    if not text.strip():
        return ScaleFinding("expected_at_0", False, "Level 0, the expected outcome, is empty.",
                            "Write the goal itself at level 0.")
    if goal is not None and goal.statement.strip():
        words = _content(goal.statement)
        if words and len(words & _content(text)) / len(words) < 0.5:
            return ScaleFinding("expected_at_0", False,
                                "Level 0 shares few words with the goal statement.",
                                "Level 0 should be the goal as agreed; check the two match.")
    return ScaleFinding("expected_at_0", True, "Level 0 describes the expected outcome.")


def _baseline_marked(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    if scale.baseline == -1:
        return ScaleFinding("baseline_marked", True, "Baseline is -1, the usual starting point.")
    if scale.baseline == -2:
        return ScaleFinding("baseline_marked", True,
                            "Baseline is -2: right when no worse state is plausible.",
                            "Check that nothing worse than today could happen.")
    return ScaleFinding("baseline_marked", False,
                        f"Baseline is {scale.baseline:+d}: the goal would already be met.",
                        "Mark today's level at -1 (or -2) and set a goal beyond it.")


# Checks run in this order; each returns one finding.
SCALE_RULES: tuple[Callable[[GasScale, Goal | None], ScaleFinding], ...] = (
    _non_empty, _no_placeholders, _distinct, _ordered, _expected_at_0, _baseline_marked,
)


def validate_scale(scale: GasScale, goal: Goal | None = None) -> tuple[ScaleFinding, ...]:
    """Check a scale (and, given ``goal``, that level 0 matches its statement)."""
    return tuple(rule(scale, goal) for rule in SCALE_RULES)


def format_findings(findings: tuple[ScaleFinding, ...]) -> str:
    """Render findings as lines: ``[ok]``, ``[fix]`` or ``[check]`` (cannot tell)."""
    mark = {True: "[ok]", False: "[fix]", None: "[check]"}
    return "\n".join(
        f"{mark[f.met]} {f.message}" + (f" {f.suggestion}" if f.suggestion and not f.met else "")
        for f in findings
    )
