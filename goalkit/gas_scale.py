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

:func:`validate_scale` also flags amounts nobody would time or count ("7.5 minutes"), levels
that turn the goal into pain, and, given the goal, outer levels left exactly as goalkit drafted
them (the rules guess most there).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from goalkit.gas import GasError
from goalkit.gas_draft import EDIT_MARK, amounts, draft_scale, impossible_counts, support_rung
from goalkit.model import GasScale, Goal
from goalkit.smart import check_goal
from goalkit.smart_lex_relevant import STOPWORDS

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


_STOP = STOPWORDS


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


# An amount nobody would time or count: "7.5 minutes", "22.5 seconds", "2.5 times".
_ODD = re.compile(r"(?<![\w.])(\d+\.\d+)\s*(minutes?|mins?|seconds?|secs?|s|times?|reps?|"
                  r"repetitions?|steps?|laps?|lengths?|stairs|days?|weeks?|attempts?)\b", re.I)


def _plain_amounts(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    odd = [(lv.level, m.group(0)) for lv in scale.levels for m in _ODD.finditer(lv.text)]
    odd += [(lv.level, text) for lv in scale.levels for text in impossible_counts(lv.text)]
    if odd:
        shown = ", ".join(f"{lv:+d} '{text}'" for lv, text in odd)
        return ScaleFinding("plain_amounts", False, f"Odd amounts: {shown}.",
                            "Round each to an amount the patient can time or count, within "
                            "its period (e.g. 8 minutes, not 7.5; at most 7 days a week).")
    return ScaleFinding("plain_amounts", True, "Every amount can be timed or counted.")


def _no_pain_levels(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    """Read through the goal reader: a level whose target is pain, or that makes pain a
    condition, where the expected outcome (level 0) does neither."""
    def pain(text: str) -> bool:
        report = check_goal(text) if text.strip() else None
        return report is not None and (report.pain_only or report.pain_condition is not None)

    if pain(scale.text(0)):
        return ScaleFinding("no_pain_levels", True, "Level 0 is the goal as agreed.")
    turned = [f"{lv.level:+d}" for lv in scale.levels if lv.level and pain(lv.text)]
    if turned:
        return ScaleFinding(
            "no_pain_levels", False,
            f"Levels {', '.join(turned)} turn the goal into pain.",
            "Keep every level about the activity (its amount, help or time) and track pain as a "
            "measure beside the goal: the chronic-pain lesson's trap is a goal that waits for the "
            "pain to go.")
    return ScaleFinding("no_pain_levels", True, "Every level is about the activity, not pain.")


def _reviewed(scale: GasScale, goal: Goal | None) -> ScaleFinding:
    """The outer levels are where the drafting rules guess most: flag them left as drafted."""
    if goal is None or not goal.parts.activity.strip():
        return ScaleFinding("reviewed", True, "No goal parts given to compare with goalkit's "
                            "draft.")
    drafted: set[tuple[int, str]] = set()
    for vary in ("quantity", "support", "time"):
        try:
            draft = draft_scale(goal.parts, vary)
        except GasError:
            continue
        drafted |= {(lv.level, _norm(lv.text)) for lv in draft.levels if abs(lv.level) == 2}
    left = [f"{lv.level:+d}" for lv in scale.levels
            if abs(lv.level) == 2 and (lv.level, _norm(lv.text)) in drafted]
    if left:
        return ScaleFinding("reviewed", None,
                            f"Levels {', '.join(left)} are goalkit's draft, unchanged.",
                            "Read them with the patient: is that much less (or much more) "
                            "than expected for them?")
    return ScaleFinding("reviewed", True, "The outer levels are in the clinician's words.")


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
    _non_empty, _no_placeholders, _distinct, _ordered, _plain_amounts, _no_pain_levels,
    _expected_at_0, _reviewed, _baseline_marked,
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
