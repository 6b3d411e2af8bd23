"""Progress charts as PNG or SVG bytes, for the app, the PDF export and notebooks.

Built on :class:`matplotlib.figure.Figure` with the Agg canvas, never ``pyplot``, so no global
figure state leaks between calls or threads. Charts are readable without colour: every series
has its own marker and line style, the target is a dashed line, review dates are dash-dot
lines, and on measure charts the band of change too small to count around the first value
(see :mod:`goalkit.progress_rules`) is hatched. A worksheet without check-ins gives a chart
that says "No check-ins yet" rather than an error, so a view can always show something.
:func:`alt_text` gives a short description for an ``<img alt=...>`` (it lives, with the choice
of series, in :mod:`goalkit.patterns`, so the matplotlib-free SVG of the exports,
:mod:`goalkit.export.svgchart`, shares it).
"""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Callable
from typing import Literal, ParamSpec

import matplotlib
import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from goalkit.gas import goal_label, score_worksheet, tscore_trend
from goalkit.model import Worksheet
from goalkit.patterns import (
    GAS_LEVEL_NAMES,
    NO_CHECKINS,
    Series,
    all_series,
    alt_text,
    find_goal,
    measure_of,
    pick_series,
)

__all__ = [
    "NO_CHECKINS",
    "STYLES",
    "Format",
    "alt_text",
    "gas_chart",
    "progress_chart",
    "tscore_chart",
]

Format = Literal["png", "svg"]
# (marker, line style, colour) per goal, in goal order: shapes and dashes tell series apart;
# the colours (Okabe-Ito, safe for colour-blind readers) only add to that.
STYLES: tuple[tuple[str, str, str], ...] = (
    ("o", "-", "#0072B2"), ("s", "--", "#D55E00"), ("^", ":", "#009E73"),
)
NUDGE = 0.06  # GAS levels of different goals are drawn this far apart so equal levels stay visible


P = ParamSpec("P")


def _plain_text(chart: Callable[P, bytes]) -> Callable[P, bytes]:
    """Draw every label as typed: with mathtext on, two ``$`` in a measure name ("$5 to $10")
    would be parsed as TeX and could fail the whole chart."""

    @functools.wraps(chart)
    def drawn(*args: P.args, **kwargs: P.kwargs) -> bytes:
        with matplotlib.rc_context({"text.parse_math": False}):
            return chart(*args, **kwargs)

    return drawn


def _figure() -> tuple[Figure, Axes]:
    fig = Figure(figsize=(7.0, 4.0), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _render(fig: Figure, fmt: Format) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # Short date ranges make AutoDateLocator warn before it falls back to a sensible interval.
        warnings.filterwarnings("ignore", message="AutoDateLocator was unable")
        if fmt == "svg":
            # Real <text> elements rather than glyph outlines: selectable, read by screen
            # readers; a fixed hash salt makes the same chart give the same bytes.
            with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "goalkit"}):
                fig.savefig(buf, format="svg", metadata={"Date": None})
        else:
            fig.savefig(buf, format="png", metadata={"Software": "goalkit"})
    return buf.getvalue()


def _check_format(fmt: str) -> None:
    if fmt not in ("png", "svg"):
        raise ValueError(f"chart format must be 'png' or 'svg' (got {fmt!r})")


def _empty(ax: Axes, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=12,
            transform=ax.transAxes)


def _dates_axis(ax: Axes, ws: Worksheet, shown: list[Series]) -> None:
    days = {d for s in shown for d, _ in s.points} | {r.date for r in ws.reviews}
    if len(days) == 1:  # one date only: give the axis a week's width around it
        day = np.datetime64(days.pop(), "D")
        ax.set_xlim(day - 3, day + 3)  # type: ignore[arg-type]
    for i, review in enumerate(sorted(r.date for r in ws.reviews)):
        ax.axvline(review, color="0.35", linestyle="-.", linewidth=1,  # type: ignore[arg-type]
                   label="Review date" if i == 0 else None)
    locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlabel("Date")
    ax.grid(True, linestyle=":", linewidth=0.6)


def _xy(series: Series) -> tuple[np.ndarray, list[float]]:
    dates = np.array([d for d, _ in series.points], dtype="datetime64[D]")
    return dates, [v for _, v in series.points]


def _fit_y(ax: Axes, values: list[float]) -> None:
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1 or max(abs(hi) * 0.1, 1.0)
    ax.set_ylim(lo - pad, hi + pad)


def _gas_axis(ax: Axes) -> None:
    ax.set_ylim(-2.5, 2.5)
    ax.set_yticks(list(GAS_LEVEL_NAMES), list(GAS_LEVEL_NAMES.values()))
    ax.set_ylabel("GAS level")


@_plain_text
def progress_chart(
    ws: Worksheet, goal_id: str, measure_id: str | None = None, fmt: Format = "png"
) -> bytes:
    """One goal's progress toward its target, with review dates.

    ``measure_id`` defaults to the goal's first measure with recorded values, else its GAS
    level. Raises ValueError for an unknown goal, measure or format.
    """
    _check_format(fmt)
    goal = find_goal(ws, goal_id)
    series = pick_series(ws, goal, measure_id)
    fig, ax = _figure()
    ax.set_title(f"Progress: {goal_label(goal)}", loc="left")
    if not ws.checkins or not series.points:
        _empty(ax, NO_CHECKINS if not ws.checkins else f"No values recorded yet for {series.name}.")
        return _render(fig, fmt)
    dates, values = _xy(series)
    ax.plot(dates, values, marker="o", linestyle="-", color=STYLES[0][2], label=series.name)
    if series.target is not None:
        ax.axhline(series.target, color="black", linestyle="--", linewidth=1.2,
                   label=f"Target ({series.target:g})")
    measure = measure_of(goal, series.key)
    if measure is None:
        _gas_axis(ax)
    else:
        span = [*values, *([] if series.target is None else [series.target])]
        if series.threshold is not None:
            step = series.threshold.value
            ax.axhspan(values[0] - step, values[0] + step, facecolor="none", edgecolor="0.6",
                       hatch="//", linewidth=0,
                       label=f"Within {step:g} of the first value (too small to count)")
            span += [values[0] - step, values[0] + step]
        _fit_y(ax, span)
        unit = f" ({measure.unit})" if measure.unit else ""
        way = "higher is better" if series.higher else "lower is better"
        ax.set_ylabel(f"{series.name}{unit}, {way}")
    _dates_axis(ax, ws, [series])
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return _render(fig, fmt)


@_plain_text
def gas_chart(ws: Worksheet, fmt: Format = "png") -> bytes:
    """GAS levels of every goal over time, with the expected level and review dates."""
    _check_format(fmt)
    fig, ax = _figure()
    ax.set_title("GAS levels over time", loc="left")
    gas = [s for s in all_series(ws) if s.key == "gas" and s.goal is not None]
    if not ws.checkins or not any(s.points for s in gas):
        _empty(ax, NO_CHECKINS if not ws.checkins else "No GAS levels recorded yet.")
        return _render(fig, fmt)
    for i, ((marker, style, colour), s) in enumerate(zip(STYLES, gas, strict=False)):
        if s.points and s.goal is not None:
            dates, levels = _xy(s)
            shift = (i - (len(gas) - 1) / 2) * NUDGE
            ax.plot(dates, [v + shift for v in levels], marker=marker, linestyle=style,
                    color=colour, label=goal_label(s.goal))
    ax.axhline(0, color="0.4", linestyle="--", linewidth=1.2, label="Expected level (0)")
    score = score_worksheet(ws)
    if score.unweighted is not None:
        weighted = "" if score.weighted is None else f", weighted {score.weighted:.1f}"
        ax.set_title(f"Latest T-score {score.unweighted:.1f}{weighted}", loc="right",
                     fontsize=9)
    _gas_axis(ax)
    _dates_axis(ax, ws, gas)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return _render(fig, fmt)



@_plain_text
def tscore_chart(ws: Worksheet, fmt: Format = "png") -> bytes:
    """The GAS T-score at every check-in, unweighted and weighted, with 50 (as expected)."""
    _check_format(fmt)
    fig, ax = _figure()
    ax.set_title("Goal attainment score over time", loc="left")
    trend = [s for s in tscore_trend(ws) if s.date is not None and s.unweighted is not None]
    if not trend:
        _empty(ax, NO_CHECKINS if not ws.checkins else "No GAS levels recorded yet.")
        return _render(fig, fmt)
    days = np.array([s.date for s in trend], dtype="datetime64[D]")
    ax.plot(days, [s.unweighted or 50.0 for s in trend], marker="o", linestyle="-",
            color=STYLES[0][2], label="All goals counted equally")
    weighted = [(d, s.weighted) for d, s in zip(days, trend, strict=True) if s.weighted is not None]
    if weighted:
        ax.plot([d for d, _ in weighted], [t for _, t in weighted], marker="s", linestyle="--",
                color=STYLES[1][2], label="Weighted by importance and difficulty")
    ax.axhline(50, color="0.4", linestyle=":", linewidth=1.2, label="50: as expected")
    values = [s.unweighted or 50 for s in trend] + [t or 50 for _, t in weighted] + [50]
    _fit_y(ax, values)
    ax.set_ylabel("GAS T-score")
    locator = mdates.AutoDateLocator(maxticks=8)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.grid(True, linestyle=":", linewidth=0.6)
    fig.legend(loc="outside lower center", ncols=2, fontsize=8)
    return _render(fig, fmt)
