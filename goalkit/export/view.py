"""Everything the worksheet template shows, computed once from the model by the pure logic.

The template only lays this out; the in-app preview, the HTML export and the PDF all render the
same view, so they cannot drift apart.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field

from ..checks import goal_report
from ..gas import GasScore, score_worksheet
from ..icf import title as icf_title
from ..model import CONTEXTS, DOMAINS, Barrier, Goal, Review, Step, Worksheet
from ..patterns import alt_text
from ..smart import SmartReport
from .svgchart import progress_svg

__all__ = ["GoalView", "WorksheetView", "build_view"]


@dataclass(frozen=True)
class GoalView:
    goal: Goal
    heading: str
    domain: str
    report: SmartReport
    steps: tuple[Step, ...]
    icf: tuple[tuple[str, str], ...]
    barriers: tuple[Barrier, ...]


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
    )


def _charts(ws: Worksheet) -> tuple[Chart, ...]:
    if not ws.checkins:
        return ()

    def uri(svg: str) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")

    primary = ws.primary
    svg = progress_svg(ws, primary.id)
    return (Chart("Progress on the main goal", alt_text(ws, primary.id), uri(svg), svg),)


def build_view(
    ws: Worksheet, *, today: dt.date | None = None, with_charts: bool = True
) -> WorksheetView:
    """The worksheet, scored and checked, ready for the template."""
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
    )
