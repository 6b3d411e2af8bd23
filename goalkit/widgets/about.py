"""The first section: who, in what context, what matters to the patient, who helps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from ..edit import set_priorities
from ..model import CONTEXTS, SupportPerson, Worksheet, evolve
from .common import Messages, Panel, styled

__all__ = ["AboutPanel"]

_WIDE = w.Layout(width="95%")


def _lines(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.splitlines() if t.strip())


def _lines_box(lines: Sequence[str], placeholder: str, css: str) -> w.Textarea:
    """A text box holding one item per line."""
    return styled(w.Textarea("\n".join(lines), layout=_WIDE, placeholder=placeholder), css)


def _support(ws: Worksheet, **changes: str) -> Worksheet:
    current = ws.support or SupportPerson()
    support = evolve(current, **changes)
    return evolve(ws, support=support if support != SupportPerson() else None)


class AboutPanel(Panel):
    def __init__(self, session: Any, messages: Messages) -> None:
        super().__init__(session, messages)
        ws = self.ws
        style = {"description_width": "12em"}
        self.patient_ref = styled(
            w.Text(
                ws.patient_ref,
                description="Patient reference",
                style=style,
                placeholder="a clinic code, not a name",
            ),
            "goalkit-about-patient-ref",
        )
        self.clinician = styled(
            w.Text(ws.clinician or "", description="Clinician", style=style),
            "goalkit-about-clinician",
        )
        self.context = styled(
            w.Dropdown(
                options=[("not recorded", ""), *((v, k) for k, v in CONTEXTS.items())],
                value=ws.context or "",
                description="Context",
                style=style,
            ),
            "goalkit-about-context",
        )
        self.priorities = _lines_box(
            [p.text for p in ws.priorities],
            "What the patient most wants to get back to, one per line",
            "goalkit-about-priorities",
        )
        self.values = _lines_box(
            ws.values, "What matters to them in life, one per line", "goalkit-about-values"
        )
        self.fears = _lines_box(
            ws.fears, "Worries, for example of re-injury, one per line", "goalkit-about-fears"
        )
        support = ws.support or SupportPerson()
        self.support_relationship = styled(
            w.Text(
                support.relationship,
                description="Support person",
                style=style,
                placeholder="e.g. partner (no name needed)",
            ),
            "goalkit-about-support",
        )
        self.support_help = styled(
            w.Text(support.how_they_help, description="How they help", style=style, layout=_WIDE),
            "goalkit-about-support-help",
        )
        self.bind(self.patient_ref, lambda ws, v: evolve(ws, patient_ref=v))
        self.bind(self.clinician, lambda ws, v: evolve(ws, clinician=v or None))
        self.bind(self.context, lambda ws, v: evolve(ws, context=v or None))
        self.bind(self.priorities, lambda ws, v: set_priorities(ws, v.splitlines()))
        self.bind(self.values, lambda ws, v: evolve(ws, values=_lines(v)))
        self.bind(self.fears, lambda ws, v: evolve(ws, fears=_lines(v)))
        self.bind(self.support_relationship, lambda ws, v: _support(ws, relationship=v))
        self.bind(self.support_help, lambda ws, v: _support(ws, how_they_help=v))
        self.root = styled(
            w.VBox(
                [
                    self.patient_ref,
                    self.clinician,
                    self.context,
                    w.HTML("<h4>Priorities: what the patient wants to get back to</h4>"),
                    self.priorities,
                    w.HTML("<h4>Values</h4>"),
                    self.values,
                    w.HTML("<h4>Fears and worries</h4>"),
                    self.fears,
                    w.HTML(
                        "<h4>Support person</h4><p>Someone close, such as a partner or "
                        "relative, can help set the goals and keep to them.</p>"
                    ),
                    self.support_relationship,
                    self.support_help,
                ]
            ),
            "goalkit-about",
        )
