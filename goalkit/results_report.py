"""The trainer's view of workshop results: every learner's file as one table, and charts.

:func:`collect` reads the files that :mod:`goalkit.results` writes; :func:`summary` and
:func:`criteria_table` compare each learner's first attempt with their last one (after
feedback); the charts are matplotlib Figures made without pyplot, turned into PNG bytes by
:func:`png`. pandas and matplotlib load only here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goalkit.results import CRITERIA, Attempt, Kind, read_attempts, results_dir

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = [
    "COLUMNS",
    "GOAL_KINDS",
    "chart",
    "collect",
    "criteria_chart",
    "criteria_table",
    "example_frame",
    "first_and_last",
    "flags_table",
    "png",
    "roster",
    "roster_csv",
    "summary",
    "workbook",
]


COLUMNS = ["learner", "learner_id", "exercise", "kind", "attempt", "time", "score",
           "max_score", "percent", *CRITERIA, "criteria_met", "text", "flags", "notes", "marks"]
GOAL_KINDS = ("goal", "rewrite", "assessment")


def _frame(records: Iterable[tuple[str, str, Attempt]], skipped: int = 0) -> pd.DataFrame:
    import pandas as pd

    rows: list[dict[str, Any]] = []
    counts: dict[tuple[str, str], int] = {}
    for learner_id, learner, a in records:
        key = (learner_id, a.exercise)
        counts[key] = counts.get(key, 0) + 1
        judged = {c: a.criteria.get(c) for c in CRITERIA}
        rows.append({"learner": learner or learner_id, "learner_id": learner_id,
                     "exercise": a.exercise, "kind": a.kind, "attempt": counts[key],
                     "time": a.time, "score": a.score, "max_score": a.max_score,
                     "percent": 100 * a.score / a.max_score, **judged,
                     "criteria_met": sum(v is True for v in judged.values())
                     if a.criteria else None, "text": a.text, "flags": a.flags,
                     "notes": a.notes, "marks": a.marks})
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["time"] = pd.to_datetime(frame["time"], utc=True, errors="coerce")
    for c in CRITERIA:
        frame[c] = frame[c].astype("boolean")
    frame["criteria_met"] = frame["criteria_met"].astype("Int64")
    frame["attempt"] = frame["attempt"].astype("int64")
    frame.attrs["skipped"] = skipped
    return frame


def collect(folder: Path | str | None = None,
            files: Iterable[Path | str] | None = None) -> pd.DataFrame:
    """Every learner's attempts as one table, one row per attempt, in file order.

    Reads ``*.jsonl`` in ``folder`` (default :func:`results_dir`), or the given ``files``
    (for results sent in by email, say). ``attempt`` is renumbered from the file order, so
    attempt 1 is always the first try. Unreadable lines are skipped and counted in
    ``frame.attrs["skipped"]``; a missing or empty folder gives an empty table.
    """
    if files is None:
        base = Path(folder) if folder is not None else results_dir()
        files = sorted(base.glob("*.jsonl")) if base.is_dir() else []
    records: list[tuple[str, str, Attempt]] = []
    skipped = 0
    for path in map(Path, files):
        found, bad = read_attempts(path)
        skipped += bad
        records += [(path.stem, learner, a) for learner, a in found]
    return _frame(records, skipped)


def first_and_last(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per learner and exercise: the first attempt's and the last attempt's percent,
    and ``marked``: whether the last attempt was the model answer copied or came after the
    learner asked to see the answers."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=["learner_id", "exercise", "kind", "attempts", "first",
                                     "last", "marked"])
    ordered = frame.sort_values(["learner_id", "exercise", "attempt"])
    grouped = ordered.groupby(["learner_id", "exercise"], sort=False)
    out = grouped.agg(kind=("kind", "first"), attempts=("attempt", "max"),
                      first=("percent", "first"), last=("percent", "last"),
                      marks=("marks", "last")).reset_index()
    out["marked"] = [bool(m) for m in out.pop("marks")]
    return out


def summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per exercise: learners, mean attempts, mean score (% of the maximum) at the first
    attempt (before any feedback) and at the last one, the change, and ``marked``: how many
    learners' last attempt was the model answer copied or came after showing the answers
    (their last score is not their own)."""
    pairs = first_and_last(frame)
    if pairs.empty:
        import pandas as pd

        return pd.DataFrame(columns=["learners", "attempts", "first %", "last %", "change",
                                     "marked"])
    out = pairs.groupby("exercise").agg(learners=("learner_id", "nunique"),
                                        attempts=("attempts", "mean"),
                                        first=("first", "mean"), last=("last", "mean"),
                                        marked=("marked", "sum"))
    out["change"] = out["last"] - out["first"]
    out = out[["learners", "attempts", "first", "last", "change", "marked"]]
    return out.rename(columns={"first": "first %", "last": "last %"}).round(1)


def criteria_table(frame: pd.DataFrame) -> pd.DataFrame:
    """For goal-writing exercises: % of learners meeting each SMART criterion, first attempt
    and last attempt (None verdicts count as not met)."""
    import pandas as pd

    goals = frame[frame["kind"].isin(GOAL_KINDS)]
    if goals.empty:
        return pd.DataFrame(columns=["first %", "last %"], index=pd.Index(CRITERIA))
    ordered = goals.sort_values(["learner_id", "exercise", "attempt"])
    keys = [ordered["learner_id"], ordered["exercise"]]
    met = {c: ordered[c].fillna(False).astype(bool).groupby(keys) for c in CRITERIA}
    table = pd.DataFrame({"first %": [100 * met[c].first().mean() for c in CRITERIA],
                          "last %": [100 * met[c].last().mean() for c in CRITERIA]},
                         index=pd.Index(CRITERIA, name="criterion"))
    return table.round(1)


def flags_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Per exercise and finding (``pain_only``, ``clinician_wording``, ...): how many learners'
    first attempts carried it, and how many final attempts still do.

    Only attempts whose findings were recorded count (lines from version 1 files have none);
    ``learners`` says how many learners that is for the exercise. A finding no attempt carries
    has no row.
    """
    import pandas as pd

    columns = ["exercise", "flag", "learners", "first", "final"]
    known = frame[frame["flags"].notna()] if not frame.empty else frame
    if known.empty:
        return pd.DataFrame(columns=columns).set_index(["exercise", "flag"])
    ordered = known.sort_values(["learner_id", "exercise", "attempt"])
    grouped = ordered.groupby(["learner_id", "exercise"], sort=False)["flags"]
    pairs = pd.DataFrame({"first": grouped.first(), "final": grouped.last()}).reset_index()
    rows = []
    for exercise, group in pairs.groupby("exercise"):
        seen = sorted({f for fl in (*group["first"], *group["final"]) for f in fl})
        rows += [{"exercise": exercise, "flag": flag, "learners": len(group),
                  "first": sum(flag in fl for fl in group["first"]),
                  "final": sum(flag in fl for fl in group["final"])} for flag in seen]
    return pd.DataFrame(rows, columns=columns).set_index(["exercise", "flag"])


ROSTER_COLUMNS = ["learner", "learner_id", "exercise", "kind", "attempts", "first_text",
                  "first_report", "first %", "final_text", "final_report", "final %", "marks",
                  "review"]
_LETTERS = dict(zip(CRITERIA, "SMART", strict=True))


def report_line(row: Any) -> str:
    """One attempt's report in a line: each letter with ✓, ✗ or ?, then its findings.

    >>> report_line({"specific": True, "measurable": False, "achievable": None,
    ...              "relevant": None, "time_bound": True, "flags": ("pain_only",), "notes": ()})
    'S✓ M✗ A? R? T✓ · pain only'
    """
    import pandas as pd

    def mark(v: object) -> str:
        return "?" if v is None or v is pd.NA else "✓" if v else "✗"

    letters = " ".join(f"{_LETTERS[c]}{mark(row[c])}" for c in CRITERIA if c in row)
    flags = row.get("flags")
    found = [f.replace("_", " ") for f in flags] if flags else []
    extra = [*found, *(row.get("notes") or ())]
    return " · ".join(filter(None, [letters, *extra]))


def roster(frame: pd.DataFrame, reviews: Mapping[tuple[str, str], Any] | None = None
           ) -> pd.DataFrame:
    """The class view: one row per learner and exercise, with the first and the final answer
    as written (for quizzes, the letters chosen), each with its report in a line and its score,
    the marks of the final one (copied, gave up) and the facilitator's latest review."""
    import pandas as pd

    if frame.empty:
        return pd.DataFrame(columns=ROSTER_COLUMNS)
    rows = []
    ordered = frame.sort_values(["learner_id", "exercise", "attempt"])
    for (learner_id, exercise), group in ordered.groupby(["learner_id", "exercise"]):
        first, final = group.iloc[0], group.iloc[-1]
        goal = first["kind"] in GOAL_KINDS
        review = (reviews or {}).get((str(learner_id), str(exercise)))
        rows.append({
            "learner": final["learner"], "learner_id": learner_id, "exercise": exercise,
            "kind": first["kind"], "attempts": len(group),
            "first_text": first["text"], "first_report": report_line(first) if goal else "",
            "first %": round(float(first["percent"]), 1),
            "final_text": final["text"], "final_report": report_line(final) if goal else "",
            "final %": round(float(final["percent"]), 1),
            "marks": ", ".join(m.replace("_", " ") for m in final["marks"] or ()),
            "review": "" if review is None else
            f"attempt {review.attempt}: {review.about + ': ' if review.verdict else ''}"
            f"{review.comment}"})
    return pd.DataFrame(rows, columns=ROSTER_COLUMNS)


def _inert(value: object) -> object:
    """A cell a spreadsheet shows as typed: text starting with = + - @ (a formula to Excel,
    LibreOffice and openpyxl) gets a leading apostrophe (OWASP, "CSV injection")."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for CSV and Excel: tuple cells (flags, notes, marks) as text, times without a
    zone, and no typed text that a spreadsheet would run as a formula."""
    out = frame.copy()
    for col in ("flags", "notes", "marks"):
        if col in out:
            out[col] = ["" if v is None else "; ".join(v) for v in out[col]]
    if "time" in out:
        out["time"] = out["time"].dt.tz_convert("UTC").dt.tz_localize(None)
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, str)).any():
            out[col] = out[col].map(_inert)
    return out


def roster_csv(table: pd.DataFrame) -> bytes:
    """The roster (or any table from this module) as UTF-8 CSV with a byte-order mark, which
    spreadsheet programs need to show accented names correctly."""
    return _flat(table).to_csv(index=False).encode("utf-8-sig")


def workbook(frame: pd.DataFrame, reviews: Mapping[tuple[str, str], Any] | None = None
             ) -> bytes:
    """An Excel workbook (openpyxl, through pandas): sheets *Roster*, *Summary*, *Findings*
    (flags per exercise) and *Attempts* (every attempt, one row each)."""
    import io

    import pandas as pd

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        _flat(roster(frame, reviews)).to_excel(writer, sheet_name="Roster", index=False)
        summary(frame).to_excel(writer, sheet_name="Summary")
        flags_table(frame).to_excel(writer, sheet_name="Findings")
        _flat(frame).to_excel(writer, sheet_name="Attempts", index=False)
    return buf.getvalue()


def _bars(title: str, labels: list[str], first: list[float], last: list[float],
          ylabel: str, empty: str) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5, 4.0), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_title(title, loc="left")
    if not labels:
        ax.set_axis_off()
        ax.text(0.5, 0.5, empty, ha="center", va="center", transform=ax.transAxes)
        return fig
    xs = range(len(labels))
    width = 0.38
    ax.bar([x - width / 2 for x in xs], first, width, label="First attempt", color="#E69F00",
           hatch="//", edgecolor="black", linewidth=0.6)
    ax.bar([x + width / 2 for x in xs], last, width, label="After feedback (last attempt)",
           color="#0072B2", edgecolor="black", linewidth=0.6)
    ax.set_xticks(list(xs), labels, rotation=20, ha="right", fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_ylabel(ylabel)
    ax.grid(True, axis="y", linestyle=":", linewidth=0.6)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return fig


_NO_RESULTS = "No results yet: they appear once learners check their first exercise."


def chart(frame: pd.DataFrame) -> Figure:
    """Bars per exercise: mean score (% of the maximum; for goals, SMART criteria met) at the
    first attempt and after feedback. A matplotlib Figure, no pyplot state."""
    table = summary(frame)
    return _bars("Score per exercise: first attempt and after feedback", list(table.index),
                 list(table["first %"]), list(table["last %"]),
                 "Mean % of the maximum score", _NO_RESULTS)


def criteria_chart(frame: pd.DataFrame) -> Figure:
    """Bars per SMART criterion: % of learners meeting it at the first and the last attempt."""
    table = criteria_table(frame)
    labels = [] if table["first %"].isna().all() else [c.replace("_", "-") for c in table.index]
    return _bars("SMART criteria met in goal-writing exercises", labels,
                 list(table["first %"]), list(table["last %"]),
                 "% of answers (one per learner and exercise)",
                 "No goal-writing results yet.")


def png(fig: Figure) -> bytes:
    """A figure as PNG bytes (for ``IPython.display.Image`` or a file)."""
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": "goalkit"})
    return buf.getvalue()


# An invented class of four, to preview the trainer's table before anyone has answered.
_EXAMPLE: tuple[tuple[str, str, Kind, tuple[tuple[int, ...], ...]], ...] = (
    ("Ana", "01-write-a-goal", "goal", ((1, 0, 0, 0, 0), (1, 1, 0, 0, 1), (1, 1, 1, 1, 1))),
    ("Ben", "01-write-a-goal", "goal", ((1, 1, 0, 0, 0), (1, 1, 1, 1, 1))),
    ("Cas", "01-write-a-goal", "goal", ((0, 0, 0, 0, 1), (1, 1, 0, 1, 1))),
    ("Dee", "01-write-a-goal", "goal", ((1, 1, 0, 0, 1),)),
    ("Ana", "03-pain-to-function", "rewrite", ((0, 1, 0, 0, 1), (1, 1, 1, 1, 1))),
    ("Ben", "03-pain-to-function", "rewrite", ((0, 1, 0, 0, 1), (1, 1, 0, 1, 1))),
    ("Cas", "03-pain-to-function", "rewrite", ((0, 1, 0, 0, 1), (1, 1, 1, 0, 1))),
    ("Ana", "06-quiz", "quiz", ((5,), (6,))),
    ("Ben", "06-quiz", "quiz", ((4,), (6,))),
    ("Cas", "06-quiz", "quiz", ((6,),)),
    ("Dee", "06-quiz", "quiz", ((3,), (5,))),
)


def example_frame() -> pd.DataFrame:
    """What :func:`collect` returns for an invented class of four (for a preview)."""
    records: list[tuple[str, str, Attempt]] = []
    for learner, exercise, kind, tries in _EXAMPLE:
        for n, t in enumerate(tries, start=1):
            if kind == "quiz":
                attempt = Attempt(exercise, kind, t[0], 6, attempt=n, time="2026-01-01")
            else:
                criteria = {c: bool(v) for c, v in zip(CRITERIA, t, strict=True)}
                attempt = Attempt(exercise, kind, sum(t), 5, criteria=criteria, attempt=n,
                                  time="2026-01-01")
            records.append((learner.lower(), learner, attempt))
    return _frame(records)
