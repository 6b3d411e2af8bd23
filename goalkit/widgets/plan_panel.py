"""Barriers, each with its contingency plan, and the review dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as w

from ..edit import (
    add_barrier,
    add_review,
    remove_barrier,
    remove_review,
    update_barrier,
    update_review,
)
from .common import Messages, Panel, styled
from .lists import Column, ListEditor

__all__ = ["PlanPanel"]


class PlanPanel(Panel):
    def __init__(self, session: Any, messages: Messages) -> None:
        super().__init__(session, messages)
        self.barriers = ListEditor(
            session,
            messages,
            key="barriers",
            title="If something gets in the way (flare-ups, work, weather, time)...",
            columns=[
                Column(
                    "text",
                    lambda: w.Text(
                        placeholder="what might get in the way", layout=w.Layout(width="40%")
                    ),
                ),
                Column(
                    "plan",
                    lambda: w.Text(
                        placeholder="what we will do, e.g. halve the distance for two days",
                        layout=w.Layout(width="50%"),
                    ),
                ),
            ],
            items=lambda ws: ws.barriers,
            add=lambda ws: add_barrier(ws),
            update=update_barrier,
            remove=remove_barrier,
            add_label="Add a barrier and its plan",
        )
        self.reviews = ListEditor(
            session,
            messages,
            key="reviews",
            title="Review dates",
            columns=[
                Column("date", lambda: w.DatePicker(), required=True),
                Column(
                    "purpose",
                    lambda: w.Text(
                        placeholder="what we will look at", layout=w.Layout(width="60%")
                    ),
                ),
            ],
            items=lambda ws: ws.reviews,
            add=lambda ws: add_review(ws, date=dt.date.today() + dt.timedelta(weeks=6)),
            update=update_review,
            remove=remove_review,
            add_label="Add a review date",
        )
        self.root = styled(w.VBox([self.barriers.root, self.reviews.root]), "goalkit-plan")

    def refresh(self) -> None:
        self.barriers.refresh()
        self.reviews.refresh()
