"""A goal's progress chart as a small SVG document, built by hand for the HTML and PDF exports.

The chart shows what :func:`goalkit.charts.progress_chart` shows (the same series, title, target,
band of change too small to count, axis label, GAS level names, review dates and messages) in a
few kilobytes, without matplotlib or numpy, and in well under 2 ms.

The document keeps to a strict subset of SVG, so that a small renderer can draw it:

- the root ``<svg>`` (``width``, ``height``, ``viewBox``, ``role``, ``aria-labelledby``), a
  ``<title>`` and a ``<desc>`` (the words of :func:`goalkit.patterns.alt_text`);
- drawing elements ``<line>``, ``<polyline>``, ``<rect>``, ``<circle>`` and ``<text>`` only,
  grouped by ``<g>`` elements that carry nothing but an optional ``class``; no style, CSS,
  transforms, paths, markers, gradients, opacity, ``<tspan>`` or rotated text;
- on each drawing element, written out on the element itself: ``stroke`` and ``fill``
  (``#rrggbb`` or ``none``), ``stroke-width``, ``stroke-dasharray`` (numbers separated by
  single spaces), and on text ``font-size``, ``text-anchor`` and ``font-weight``;
- numbers with at most two decimals and no exponent, always finite.

User text (goal statements, measure names) is XML-escaped and appears only as text content;
characters XML cannot carry are dropped, runs of white space become one space, and labels too
long for their place are shortened with "…" (a character is taken as 0.56 × the font size wide).
The chart reads without colour: a solid data line with circle markers, a dashed target (6 4),
dash-dot review dates (6 3 1 3) in grey, and a light grey band. The same worksheet always gives
the same string.

>>> from goalkit import cases
>>> svg = progress_svg(cases.load("discectomy-football").worksheet, "g-football")
>>> svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270"')
True
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence

from ..gas import goal_label
from ..model import Worksheet
from ..patterns import (
    GAS_LEVEL_NAMES,
    NO_CHECKINS,
    Series,
    alt_text,
    find_goal,
    measure_of,
    pick_series,
)

__all__ = ["progress_svg"]

DATA, TARGET, GRID, TEXT, REVIEW, BAND = (
    "#0072B2",
    "#000000",
    "#dddddd",
    "#222222",
    "#666666",
    "#e8e8e8",
)
TARGET_DASH = "6 4"
REVIEW_DASH = "6 3 1 3"
CHAR_WIDTH = 0.56
"""Estimated width of one character, as a fraction of the font size."""
BOLD = 1.1  # bold text is taken as this much wider

LIMIT = 1e15
"""Values (and targets, band edges) beyond ±LIMIT are drawn at ±LIMIT: the scale stays finite."""

MIN_SIZE, MAX_SIZE = (200, 150), 10_000
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Characters XML 1.0 cannot carry (C0 controls other than tab and newlines, lone surrogates, the
# non-characters U+FFFE/U+FFFF) or should not (DEL and the C1 controls): dropped from text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile("[\t\n\r \u2028\u2029]+")  # runs of these become one space
_DAY_STEPS = (1, 2, 7, 14, 28, 56, 91, 182, 364, 728, 1820, 3640, 7280, 18200, 36400)

# layout, in user units
PAD = 8
TITLE_SIZE, LABEL_SIZE, TICK_SIZE, LEGEND_SIZE, MESSAGE_SIZE = 13, 10, 9, 9, 12
TITLE_Y, YLABEL_Y, PLOT_TOP = 17, 33, 44
ROW = 14  # legend row height
XTICKS_H = 18  # room under the plot for the date labels
RIGHT = 24  # room right of the plot, so the last date label fits
INSET = 10  # the first and last dates sit this far inside the plot
SAMPLE = 18  # length of a legend's line sample


def _num(v: float) -> str:
    """A coordinate or size: two decimals at most, no exponent, finite."""
    if not -1e9 <= v <= 1e9:  # (also true for NaN)
        v = (1e9 if v > 0 else -1e9) if math.isfinite(v) else 0.0
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _escape(text: str, entities: dict[str, str] | None = None) -> str:
    """``&``, ``<`` and ``>`` (and ``entities``' keys) as XML entities, as
    ``xml.sax.saxutils.escape`` does: that module imports urllib and http on the way, which
    a cold PDF export does not need."""
    text = text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    for char, entity in (entities or {}).items():
        text = text.replace(char, entity)
    return text


def _clean(text: str) -> str:
    """``text`` on one line, with only characters XML carries."""
    return _SPACE.sub(" ", _NOT_XML.sub("", text)).strip(" ")


def _width(text: str, size: float) -> float:
    return len(text) * CHAR_WIDTH * size


def _fit(text: str, room: float, size: float, bold: bool = False) -> str:
    """``text`` on one line, shortened with "…" to about ``room`` units wide."""
    text = _clean(text)
    most = int(max(room, 0) / (CHAR_WIDTH * size * (BOLD if bold else 1)) + 1e-6)
    if len(text) <= most:
        return text
    return text[: max(most - 1, 0)].rstrip() + "…" if most > 0 else ""


def _wrap(text: str, room: float, size: float, lines: int = 3) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of about ``room`` units."""
    most = max(int(room // (CHAR_WIDTH * size)), 1)
    out: list[str] = []
    words = _clean(text).split(" ")
    while words and len(out) < lines:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= most:
            line += " " + words.pop(0)
        out.append(line)
    if words:
        out[-1] += " " + " ".join(words)
    return [_fit(line, room, size) for line in out]


def _clamp(v: float) -> float:
    return min(max(v, -LIMIT), LIMIT)


# -- elements ------------------------------------------------------------------------------------
def _text(
    x: float, y: float, text: str, size: float, anchor: str = "start", bold: bool = False
) -> str:
    weight = "bold" if bold else "normal"
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" fill="{TEXT}" font-size="{_num(size)}" '
        f'text-anchor="{anchor}" font-weight="{weight}">{_escape(_clean(text))}</text>'
    )


def _stroke(colour: str, width: float, dash: str | None) -> str:
    extra = "" if dash is None else f' stroke-dasharray="{dash}"'
    return f'stroke="{colour}" stroke-width="{_num(width)}"{extra} fill="none"'


def _line(
    x1: float,
    y1: float,
    x2: float,
    y2: float,
    colour: str,
    width: float = 1,
    dash: str | None = None,
) -> str:
    return (
        f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
        f"{_stroke(colour, width, dash)}/>"
    )


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(max(w, 0))}" '
        f'height="{_num(max(h, 0))}" stroke="none" fill="{fill}"/>'
    )


def _circle(cx: float, cy: float, r: float = 3) -> str:
    return (
        f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="{_num(r)}" stroke="{DATA}" '
        f'stroke-width="1" fill="{DATA}"/>'
    )


def _polyline(points: Sequence[tuple[float, float]]) -> str:
    coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
    return f'<polyline points="{coords}" {_stroke(DATA, 2, None)}/>'


def _group(name: str, parts: list[str]) -> list[str]:
    return [f'<g class="{name}">', *parts, "</g>"] if parts else []


# -- scales --------------------------------------------------------------------------------------
def _scale(lo: float, hi: float, a: float, b: float) -> Callable[[float], float]:
    """Maps ``lo``..``hi`` (``lo < hi``) onto ``a``..``b``."""
    k = (b - a) / (hi - lo)
    return lambda v: a + (v - lo) * k


def _y_ticks(values: Sequence[float]) -> tuple[float, float, list[tuple[float, str]]]:
    """Axis range and about five ticks at round numbers, padded around ``values``."""
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.1
    if pad <= max(abs(lo), abs(hi)) * 1e-9 or pad < 1e-12:  # one value: a range around it
        pad = max(abs(hi) * 0.1, 1.0)
    lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / 4
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(n for n in (1, 2, 2.5, 5, 10) if n * power >= raw * (1 - 1e-9)) * power
    first, last = math.floor(lo / step), math.ceil(hi / step)
    places = next((d for d in range(7) if abs(round(step, d) - step) <= step * 1e-6), None)
    ticks = []
    for i in range(first, last + 1):
        v = i * step
        label = f"{v:.6g}" if places is None or abs(v) >= 1e9 else f"{v:.{places}f}"
        ticks.append((v, label))
    return first * step, last * step, ticks


def _day_label(day: dt.date, year: bool) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def _x_ticks(anchor: int, lo: int, hi: int, most: int) -> list[int]:
    """At most ``most`` day ordinals in ``lo``..``hi``, a round number of days from ``anchor``."""
    steps = (*_DAY_STEPS, max(math.ceil((hi - lo) / max(most - 1, 1)), 1))
    for step in steps:
        k0, k1 = -((anchor - lo) // step), (hi - anchor) // step
        if k1 - k0 + 1 <= most:
            break
    lowest, highest = dt.date.min.toordinal(), dt.date.max.toordinal()
    return [d for k in range(k0, k1 + 1) if lowest <= (d := anchor + k * step) <= highest]


# -- the chart -----------------------------------------------------------------------------------
def _legend(items: list[tuple[str, str]], width: int) -> list[list[tuple[str, str, float]]]:
    """Legend items (kind, label) in at most two rows, as (kind, label, advance): filled left
    to right, wrapping when the next item does not fit; labels shortened when that is not
    enough (short ones keep their room, long ones share what is left)."""
    room = width - 2 * PAD
    extra = SAMPLE + 4 + 12  # sample, gap to the label, gap to the next item
    cleaned = [(kind, _clean(label)) for kind, label in items]
    need = [extra + _width(label, LEGEND_SIZE) for _, label in cleaned]
    rows: list[list[int]] = [[]]
    for i, w in enumerate(need):
        if rows[-1] and sum(need[j] for j in rows[-1]) + w > room:
            rows.append([])
        rows[-1].append(i)
    if len(rows) > 2:
        half = (len(items) + 1) // 2
        rows = [list(range(half)), list(range(half, len(items)))]
    out = []
    for row in rows:
        if sum(need[i] for i in row) <= room:
            out.append([(*cleaned[i], need[i]) for i in row])
            continue
        fair = room / len(row)
        short = [i for i in row if need[i] <= fair]
        long = [i for i in row if need[i] > fair]
        share = (room - sum(need[i] for i in short)) / len(long) if long else 0
        advance = {i: need[i] if i in short else max(min(need[i], share), extra) for i in row}
        out.append(
            [
                (cleaned[i][0], _fit(cleaned[i][1], advance[i] - extra, LEGEND_SIZE), advance[i])
                for i in row
            ]
        )
    return out


def _legend_parts(rows: list[list[tuple[str, str, float]]], height: int) -> list[str]:
    out: list[str] = []
    for r, row in enumerate(rows):
        base = height - PAD - (len(rows) - 1 - r) * ROW - 2
        mid = base - 3
        x = float(PAD)
        for kind, label, room in row:
            if kind == "band":
                out.append(_rect(x, mid - 4, SAMPLE, 8, BAND))
            elif kind == "target":
                out.append(_line(x, mid, x + SAMPLE, mid, TARGET, 1.2, TARGET_DASH))
            elif kind == "review":
                out.append(_line(x, mid, x + SAMPLE, mid, REVIEW, 1, REVIEW_DASH))
            else:
                out += [_line(x, mid, x + SAMPLE, mid, DATA, 2), _circle(x + SAMPLE / 2, mid)]
            out.append(_text(x + SAMPLE + 4, base, label, LEGEND_SIZE))
            x += room
    return out


def _message(width: int, height: int, text: str) -> list[str]:
    lines = _wrap(text, width - 2 * PAD, MESSAGE_SIZE)
    top = (PLOT_TOP + height) / 2 - (len(lines) - 1) * MESSAGE_SIZE * 0.6
    return [
        _text(width / 2, top + i * MESSAGE_SIZE * 1.2, line, MESSAGE_SIZE, "middle")
        for i, line in enumerate(lines)
    ]


def _y_label(name: str, unit: str, way: str, room: float) -> str:
    """The y-axis label, "{name} ({unit}), {way}", on one line: the unit shortened to a third
    of the room at most, then the name, so the direction ("higher is better") always shows."""
    unit = _fit(unit, room / 3, LABEL_SIZE)
    tail = f" ({unit}), {way}" if unit else f", {way}"
    name = _fit(name, room - _width(tail, LABEL_SIZE), LABEL_SIZE)
    return _fit(name + tail, room, LABEL_SIZE)


def _plot(
    ws: Worksheet, series: Series, y_label: str, gas: bool, width: int, height: int
) -> tuple[list[str], list[str]]:
    """The band (drawn first, under everything), then the rest of the chart."""
    values = [_clamp(v) for _, v in series.points]
    target = None if series.target is None else _clamp(series.target)
    band = None
    if not gas and series.threshold is not None:
        step = abs(series.threshold.value)
        band = (_clamp(values[0] - step), _clamp(values[0] + step))
    items = [("data", series.name)]
    if target is not None:
        items.append(("target", f"Target ({series.target:g})"))
    if band is not None and series.threshold is not None:
        items.append(
            ("band", f"Within {series.threshold.value:g} of the first value (too small to count)")
        )
    reviews = sorted({r.date.toordinal() for r in ws.reviews})
    if reviews:
        items.append(("review", "Review date"))
    rows = _legend(items, width)

    if gas:
        lo, hi = -2.5, 2.5
        yticks = [(float(level), name) for level, name in GAS_LEVEL_NAMES.items()]
    else:
        span = [*values, *([] if target is None else [target]), *(band or ())]
        lo, hi, yticks = _y_ticks(span)
    tick_room = min(max(_width(label, TICK_SIZE) for _, label in yticks), width * 0.35)
    left = PAD + tick_room * 1.15 + 6  # the estimate runs a little short for digits
    right = width - RIGHT
    top, bottom = PLOT_TOP, height - PAD - len(rows) * ROW - XTICKS_H
    y = _scale(lo, hi, bottom, top)

    days = [d.toordinal() for d, _ in series.points]
    first, last = min([*days, *reviews]), max([*days, *reviews])
    if first == last:  # one date only: give the axis a week's width around it
        first, last = first - 3, last + 3
    x = _scale(first, last, left + INSET, right - INSET)

    under = _group(
        "band",
        []
        if band is None
        else [_rect(left, y(band[1]), right - left, y(band[0]) - y(band[1]), BAND)],
    )
    grid = [_line(left, y(v), right, y(v), GRID) for v, _ in yticks]
    labels = [
        _text(
            left - 6,
            y(v) + TICK_SIZE * 0.35,
            _fit(label, tick_room + 1, TICK_SIZE),
            TICK_SIZE,
            "end",
        )
        for v, label in yticks
    ]
    most = max(2, min(6, int((right - left) // 64)))
    xticks = _x_ticks(min(days), first, last, most)
    for i, day in enumerate(xticks):
        grid.append(_line(x(day), top, x(day), bottom, GRID))
        label = _day_label(dt.date.fromordinal(day), i == 0)
        half = _width(label, TICK_SIZE) * 0.55  # a little over half: keep it inside the image
        centre = min(max(x(day), PAD + half), width - PAD - half)
        labels.append(_text(centre, bottom + 13, label, TICK_SIZE, "middle"))
    out = _group("grid", grid)
    out += _group(
        "axes",
        [
            _line(left, top, left, bottom, TEXT),
            _line(left, bottom, right, bottom, TEXT),
            _text(PAD, YLABEL_Y, y_label, LABEL_SIZE),
            *labels,
        ],
    )
    out += _group(
        "reviews", [_line(x(d), top, x(d), bottom, REVIEW, 1, REVIEW_DASH) for d in reviews]
    )
    if target is not None:
        out += _group(
            "target", [_line(left, y(target), right, y(target), TARGET, 1.2, TARGET_DASH)]
        )
    points = [(x(d), y(v)) for d, v in zip(days, values, strict=True)]
    out += _group("data", [_polyline(points), *(_circle(px, py) for px, py in points)])
    out += _group("legend", _legend_parts(rows, height))
    return under, out


def progress_svg(
    ws: Worksheet,
    goal_id: str,
    measure_id: str | None = None,
    *,
    width: int = 480,
    height: int = 270,
) -> str:
    """One goal's progress toward its target, with review dates, as an SVG document.

    The content of :func:`goalkit.charts.progress_chart`: ``measure_id`` defaults to the
    goal's first measure with recorded values, else its GAS level (see
    :func:`goalkit.patterns.pick_series`). ``width`` and ``height`` are in pixels (at least
    200 × 150, at most 10 000). Raises ValueError for an unknown goal or measure, or a size
    out of range.
    """
    if not (MIN_SIZE[0] <= width <= MAX_SIZE and MIN_SIZE[1] <= height <= MAX_SIZE):
        raise ValueError(
            f"chart size must be from {MIN_SIZE[0]} x {MIN_SIZE[1]} to {MAX_SIZE} x "
            f"{MAX_SIZE} (got {width} x {height})"
        )
    goal = find_goal(ws, goal_id)
    series = pick_series(ws, goal, measure_id)
    title = f"Progress: {goal_label(goal)}"
    ident = _escape(f"goalkit-chart-{goal.id}", {'"': "&quot;"})
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{_escape(_clean(title))}</title>',
        f'<desc id="{ident}-desc">{_escape(_clean(alt_text(ws, goal.id, measure_id)))}</desc>',
    ]
    heading = _text(
        PAD, TITLE_Y, _fit(title, width - 2 * PAD, TITLE_SIZE, bold=True), TITLE_SIZE, bold=True
    )
    under: list[str] = []
    if not ws.checkins or not series.points:
        body = _message(
            width,
            height,
            NO_CHECKINS if not ws.checkins else f"No values recorded yet for {series.name}.",
        )
    else:
        measure = measure_of(goal, series.key)
        if measure is None:
            y_label = "GAS level"
        else:
            way = "higher is better" if series.higher else "lower is better"
            y_label = _y_label(series.name, measure.unit, way, width - 2 * PAD)
        under, body = _plot(ws, series, y_label, measure is None, width, height)
    return "".join([*head, *under, heading, *body, "</svg>"])
