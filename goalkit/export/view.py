"""Everything the worksheet template shows, computed once from the model by the pure logic.

The template only lays this out; the in-app preview, the HTML export and the PDF all render the
same view, so they cannot drift apart.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .. import display
from ..checks import goal_report
from ..clinic import Clinic, load_clinic
from ..errors import GoalkitError
from ..gas import ORDINALS, GasScore, score_worksheet, tscore_trend
from ..icf import title as icf_title
from ..model import CONTEXTS, DOMAINS, Barrier, Goal, Review, Step, Worksheet
from ..patterns import alt_text
from ..smart import SmartReport
from .svgchart import progress_svg

__all__ = ["GoalView", "IfThen", "WorksheetView", "build_view", "if_then"]

# -- "If ..., then ..." sentences ------------------------------------------------------------
# A barrier is typed as a noun phrase ("A flare-up after work"), a clause ("my back flares up",
# "if I miss a session") or an adjective ("too tired"); the plan as an instruction ("Halve the
# distance"), a clause ("we will...") or with its own "then". These word lists are enough to
# join any of them into one grammatical sentence.
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SUBJECTS = _words("i we you he she it they there")
_FINITE = _words(
    "is are was were am get gets got feel feels hurt hurts flare flares happen happens come "
    "comes go goes can can't cannot could won't don't doesn't didn't have has had need "
    "needs miss misses forget forgets rain rains start starts stop stops last lasts "
    "increase increases worsen worsens seem seems become becomes"
)
_STATES = _words(
    "too very tired busy sore stiff ill sick unwell low anxious worried stressed exhausted "
    "overwhelmed"
)
_LEADS = ("if ", "when ", "whenever ", "in case of ", "in case ")
_PLAN_LEADS = ("then, ", "then ", "if so, ", "if so ")


@dataclass(frozen=True)
class IfThen:
    """A barrier and its plan as one sentence: ``If {condition}, then {action}.``"""

    condition: str
    action: str

    @property
    def sentence(self) -> str:
        return f"If {self.condition}, then {self.action}."


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" .;,:!")


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is "I", an acronym (NRS, GP) or has
    capitals inside (McKenzie): mid-sentence, "If A flare-up" becomes "If a flare-up"."""
    if not text:
        return text
    first = text.split()[0]
    bare = first.strip("'\"()")
    if bare in {"I", "I'm", "I'll", "I've", "I'd"} or (
        len(bare) > 1 and any(c.isupper() for c in bare[1:])
    ):
        return text
    return text[:1].lower() + text[1:]


def _strip_lead(text: str, leads: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for lead in leads:
            if text.lower() == lead.strip(" ,"):
                return ""
            if text.lower().startswith(lead):
                text, changed = text[len(lead):].lstrip(" ,"), True
    return text


def if_then(barrier: str, plan: str) -> IfThen:
    """Join a barrier and its plan into a grammatical if/then sentence, whatever was typed.

    >>> if_then("A flare-up", "then halve the distance").sentence
    'If a flare-up gets in the way, then halve the distance.'
    >>> if_then("if my back flares up after work.", "We will swap the walk for a swim").sentence
    'If my back flares up after work, then we will swap the walk for a swim.'
    >>> if_then("too tired", "").sentence
    'If I feel too tired, then we will make a plan together.'
    >>> if_then("", "Then, call the clinic").sentence
    'If something gets in the way, then call the clinic.'
    """
    condition = _lower_first(_strip_lead(_tidy(barrier), _LEADS))
    words = [w.strip("'\"(),").lower() for w in condition.split()]
    if not condition:
        condition = "something gets in the way"
    elif words[0] in _STATES:
        condition = f"I feel {condition}"
    elif words[0] not in _SUBJECTS and not any(w in _FINITE for w in words):
        condition = f"{condition} gets in the way"
    action = _lower_first(_strip_lead(_tidy(plan), _PLAN_LEADS))
    return IfThen(condition, action or "we will make a plan together")



@dataclass(frozen=True)
class GoalView:
    goal: Goal
    heading: str
    domain: str
    report: SmartReport
    steps: tuple[Step, ...]
    icf: tuple[tuple[str, str], ...]
    barriers: tuple[Barrier, ...]
    plans: tuple[IfThen, ...] = ()


@dataclass(frozen=True)
class Chart:
    title: str
    alt: str
    data_uri: str
    svg: str = ""  # the same chart as SVG source (the PDF embeds it; data_uri is for HTML)


@dataclass(frozen=True)
class WorksheetView:
    ws: Worksheet
    generated: dt.date
    context: str
    goals: tuple[GoalView, ...]
    next_review: Review | None
    gas: GasScore
    labels: dict[str, str]
    charts: tuple[Chart, ...] = field(default=())
    plans: tuple[IfThen, ...] = ()
    """Every barrier with its plan, as the patient page's if/then sentences."""
    trend: tuple[GasScore, ...] = ()
    """The T-scores at every check-in, oldest first."""
    clinic: Clinic | None = None
    """The clinic's details for the handout (:mod:`goalkit.clinic`), None when not set."""

    # One way to write numbers, dates and times in every template (goalkit.display).
    number = staticmethod(display.number)
    day = staticmethod(display.day)
    weekday = staticmethod(display.weekday)
    moment = staticmethod(display.moment)


def _goal_view(ws: Worksheet, goal: Goal) -> GoalView:
    report = goal_report(ws, goal)
    heading = "Main goal" if goal.role == "primary" else "Secondary goal"
    barriers = tuple(b for b in ws.barriers if not b.goal_ids or goal.id in b.goal_ids)
    return GoalView(
        goal=goal,
        heading=heading,
        domain=DOMAINS.get(goal.domain or "", ""),
        report=report,
        steps=tuple(sorted(goal.steps, key=lambda s: (s.target_date or dt.date.max, s.text))),
        icf=tuple((code, icf_title(code) or "") for code in goal.icf_codes),
        barriers=barriers,
        plans=tuple(if_then(b.text, b.plan) for b in barriers),
    )


def _charts(ws: Worksheet) -> tuple[Chart, ...]:
    """A progress chart for every measure of every goal with values recorded (the main goal's
    GAS level when nothing else is recorded), so the whole course is on paper."""
    if not ws.checkins:
        return ()

    def uri(svg: str) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")

    out: list[Chart] = []
    for n, goal in enumerate((ws.primary, *ws.secondary), start=1):
        recorded = [
            m for m in goal.measures if any(m.id in gc.measures for c in ws.checkins for gc in
                                            c.goals if gc.goal_id == goal.id)
        ]
        for m in recorded:
            title = f"Progress on goal {n} ({ORDINALS[n]} goal): {m.name or 'measure'}"
            svg = progress_svg(ws, goal.id, m.id)
            out.append(Chart(title, alt_text(ws, goal.id, m.id), uri(svg), svg))
    if not out:
        primary = ws.primary
        svg = progress_svg(ws, primary.id)
        out.append(Chart("Progress on the main goal", alt_text(ws, primary.id), uri(svg), svg))
    return tuple(out)


def _installed_clinic() -> Clinic | None:
    try:
        return load_clinic()
    except GoalkitError:
        return None  # a broken clinic file must not stop a handout; the app says what is wrong


def build_view(
    ws: Worksheet,
    *,
    today: dt.date | None = None,
    with_charts: bool = True,
    clinic: Clinic | Literal["installed"] | None = "installed",
) -> WorksheetView:
    """The worksheet, scored and checked, ready for the template; ``clinic`` defaults to the
    details set for this installation."""
    today = today or dt.date.today()
    ordered = (ws.primary, *ws.secondary)
    return WorksheetView(
        ws=ws,
        generated=today,
        context=CONTEXTS.get(ws.context or "", ""),
        goals=tuple(_goal_view(ws, g) for g in ordered),
        labels={g.id: f"G{i}" for i, g in enumerate(ordered, start=1)},
        next_review=ws.next_review(today),
        gas=score_worksheet(ws),
        charts=_charts(ws) if with_charts else (),
        plans=tuple(if_then(b.text, b.plan) for b in ws.barriers),
        trend=tuple(tscore_trend(ws)),
        clinic=_installed_clinic() if clinic == "installed" else clinic,
    )
