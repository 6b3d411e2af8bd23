"""The facilitator's class view: who did which exercise, first and final answers, exports,
and comments back to learners.

``ClassView()`` reads the results folder (:func:`goalkit.results.collect`) and shows a roster
(:func:`goalkit.results_report.roster`) that can be sorted by any column, the per-exercise
summary and findings tables, and links to download the class results as CSV or as an Excel
workbook. The facilitator can mark a verdict they disagree with and write a comment
(:mod:`goalkit.results_review`); the learner's exercise shows it the next time they open the
notebook. ``goalkit workshop`` serves this view with Voilà, so nothing a learner wrote is ever
saved into a tracked notebook.
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w
from markupsafe import Markup

from ..errors import GoalkitError
from ..results import CRITERIA, results_dir
from ..results_review import Review, add_review, latest_reviews
from .common import styled
from .training_learner import message

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SORT_KEYS", "ClassView"]

log = logging.getLogger("goalkit.training")
SORT_KEYS = ("learner", "exercise", "attempts", "first %", "final %", "marks", "review")
_SHOWN = ["learner", "exercise", "attempts", "first_text", "first_report", "first %",
          "final_text", "final_report", "final %", "marks", "review"]
_VERDICTS = [("a comment only", ""), ("the score", "score"),
             *((c.replace("_", "-").capitalize(), c) for c in CRITERIA),
             ("pain only", "pain_only"), ("pain as a condition", "pain_condition"),
             ("clinician wording", "clinician_wording"), ("not in English", "not_english")]


def _link(data: bytes, name: str, mime: str, label: str) -> str:
    href = f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
    return str(Markup('<a download="{}" href="{}" class="goalkit-class-link">{}</a>').format(
        name, href, label))


class ClassView:
    """The roster, tables, exports and comments for one results folder."""

    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else results_dir()
        self.frame: pd.DataFrame | None = None
        self.table: pd.DataFrame | None = None
        self.reviews: dict[tuple[str, str], Review] = {}
        self.reload_button = styled(w.Button(description="Reload results", icon="refresh",
                                             layout=w.Layout(width="auto")),
                                    "goalkit-class-reload")
        self.sort = styled(w.Dropdown(options=SORT_KEYS, value="learner",
                                      description="Sort by"), "goalkit-class-sort")
        self.descending = styled(w.Checkbox(False, description="highest first", indent=False),
                                 "goalkit-class-descending")
        self.counts = styled(w.HTML(), "goalkit-class-counts")
        self.roster = styled(w.HTML(), "goalkit-class-roster")
        self.summary = styled(w.HTML(), "goalkit-class-summary")
        self.findings = styled(w.HTML(), "goalkit-class-flags")
        self.chart = styled(w.Image(format="png", layout=w.Layout(max_width="720px")),
                            "goalkit-class-chart")
        self.csv_button = styled(w.Button(description="Export CSV", layout=w.Layout(width="auto")),
                                 "goalkit-class-csv")
        self.xlsx_button = styled(w.Button(description="Export Excel workbook",
                                           layout=w.Layout(width="auto")), "goalkit-class-xlsx")
        self.download = styled(w.HTML(), "goalkit-class-download")
        self.row = styled(w.Dropdown(description="Answer", layout=w.Layout(width="95%")),
                          "goalkit-review-row")
        self.verdict = styled(w.Dropdown(options=_VERDICTS, value="",
                                         description="I disagree with"), "goalkit-review-verdict")
        self.comment = styled(w.Textarea(placeholder="A comment the learner sees next time they "
                                         "open the notebook", layout=w.Layout(width="95%")),
                              "goalkit-review-comment")
        self.save_button = styled(w.Button(description="Save the comment", button_style="primary",
                                           layout=w.Layout(width="auto")), "goalkit-review-save")
        self.status = styled(w.HTML(), "goalkit-class-status")
        self.reload_button.on_click(lambda _b: self._guard(self.reload))
        self.sort.observe(lambda _c: self._guard(self.show), names="value")
        self.descending.observe(lambda _c: self._guard(self.show), names="value")
        self.csv_button.on_click(lambda _b: self._guard(self.export_csv))
        self.xlsx_button.on_click(lambda _b: self._guard(self.export_xlsx))
        self.save_button.on_click(lambda _b: self._guard(self.save_review))
        review = w.VBox([w.HTML("<h3>Comment on an answer</h3>"), self.row, self.verdict,
                         self.comment, self.save_button])
        self.root = styled(w.VBox([
            w.HBox([self.reload_button, self.sort, self.descending]), self.counts, self.status,
            w.HTML("<h3>Roster</h3>"), self.roster,
            w.HBox([self.csv_button, self.xlsx_button]), self.download,
            w.HTML("<h3>Per exercise: first attempt and final</h3>"), self.summary, self.chart,
            w.HTML("<h3>Findings beyond the letters (learners with each, first and final)"
                   "</h3>"), self.findings, review]), "goalkit-class-view")
        self._guard(self.reload)

    def _guard(self, action: Any) -> None:
        try:
            action()
        except (GoalkitError, ValueError, OSError) as exc:
            self.status.value = message(str(exc), error=True)
        except Exception as exc:  # a bug must not show a traceback in the dashboard
            log.exception("unexpected error in the class view")
            self.status.value = message(f"Something went wrong ({type(exc).__name__}).",
                                        error=True)

    def reload(self) -> None:
        """Read the results folder again (the Reload button)."""
        from .. import results

        self.frame = results.collect(self.folder)
        self.reviews = latest_reviews(self.folder)
        self.table = results.roster(self.frame, self.reviews)
        frame = self.frame
        self.counts.value = message(
            f"{frame['learner_id'].nunique()} learners, {len(frame)} answers in "
            f"{self.folder}; {frame.attrs['skipped']} unreadable lines skipped." if len(frame)
            else f"No results yet in {self.folder}: they appear once learners check their "
            "first exercise. Press Reload results then.")
        self.summary.value = results.summary(frame).to_html(classes="goalkit-table", border=0)
        self.chart.value = results.png(results.chart(frame))
        self.findings.value = results.flags_table(frame).to_html(classes="goalkit-table",
                                                                 border=0)
        self.row.options = [(f"{r.learner} · {r.exercise} (attempt {r.attempts})", i)
                            for i, r in enumerate(self.table.itertuples())]
        self.show()

    def sorted_table(self) -> pd.DataFrame:
        """The roster in the order chosen (ties by learner, then exercise)."""
        if self.table is None:
            raise GoalkitError("No results loaded yet.")
        from pandas.api.types import is_string_dtype

        keys = list(dict.fromkeys([self.sort.value, "learner", "exercise"]))
        ascending = [not self.descending.value] + [True] * (len(keys) - 1)
        return self.table.sort_values(keys, ascending=ascending, kind="stable",
                                      key=lambda col: col.str.lower() if is_string_dtype(col)
                                      else col)

    def show(self) -> None:
        """Render the roster in the chosen order (pandas escapes every cell)."""
        table = self.sorted_table()[_SHOWN].rename(columns={
            "first_text": "first answer", "first_report": "first report",
            "final_text": "final answer", "final_report": "final report"})
        self.roster.value = table.to_html(index=False, escape=True, border=0,
                                          classes="goalkit-table goalkit-roster-table")

    def export_csv(self) -> None:
        """A download link to the roster as CSV."""
        from ..results_report import roster_csv

        data = roster_csv(self.sorted_table())
        self.download.value = _link(data, "goalkit-class-results.csv", "text/csv",
                                    "Download goalkit-class-results.csv")

    def export_xlsx(self) -> None:
        """A download link to the Excel workbook (roster, summary, findings, attempts)."""
        from ..results_report import workbook

        if self.frame is None:
            raise GoalkitError("No results loaded yet.")
        data = workbook(self.frame, self.reviews)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        self.download.value = _link(data, "goalkit-class-results.xlsx", mime,
                                    "Download goalkit-class-results.xlsx")

    def save_review(self) -> None:
        """Keep the comment (and the verdict disagreed with) for the chosen learner's answer."""
        if self.table is None or self.row.value is None:
            raise GoalkitError("Choose an answer first.")
        row = self.table.iloc[self.row.value]
        review = add_review(Review(str(row["learner_id"]), str(row["exercise"]),
                                   int(row["attempts"]), self.verdict.value,
                                   self.comment.value.strip()), self.folder)
        self.comment.value = ""
        chosen = self.row.value
        self.reload()
        self.row.value = chosen
        self.status.value = message(f"Saved for {row['learner']} ({review.exercise}): they see "
                                    "it the next time they open the notebook.")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.root._repr_mimebundle_(**kwargs)
