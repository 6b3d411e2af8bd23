"""The hand-built SVG progress chart of the exports: a strict SVG subset, the right content,
user text as text, finite numbers, no matplotlib."""

from __future__ import annotations

import base64
import math
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from goalkit import cases, charts
from goalkit.export.svgchart import progress_svg
from goalkit.export.view import build_view
from goalkit.model import Review, Worksheet, evolve
from goalkit.patterns import GAS_LEVEL_NAMES, NO_CHECKINS, alt_text, pick_series
from tests.checkin_builders import checkin, goal, measure, sheet, week
from tests.conftest import full_worksheet, modules_loaded_by
from tests.hostile import HOSTILE

NS = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(\.\d{1,2})?")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}|none")
DASH = re.compile(r"\d+(\.\d{1,2})?( \d+(\.\d{1,2})?)*")
PAINT = {"stroke", "stroke-width", "stroke-dasharray", "fill"}
SHAPES = {
    "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"},
    "rect": {"x", "y", "width", "height"},
    "circle": {"cx", "cy", "r"},
}
TEXT = {"x", "y", "font-size", "text-anchor", "font-weight"}
NUMERIC = {
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "width",
    "height",
    "cx",
    "cy",
    "r",
    "stroke-width",
    "font-size",
}
CASES = cases.names()

DIST = measure("dist", name="distance walked", unit="km", baseline=0.2, target=1.0)


def walking_sheet(target: float = 1.0, values: tuple[float, ...] = (0.2, 0.7, 0.5)) -> Worksheet:
    dist = evolve(DIST, target=target)
    return sheet(
        [goal("walk", measures=(dist,)), goal("sit", "secondary")],
        [checkin(i, walk=(0, {"dist": v}), sit=-1 + i) for i, v in enumerate(values)],
        reviews=(Review(date=week(1), purpose="mid-point"), Review(date=week(4), purpose="end")),
    )


def gas_sheet() -> Worksheet:
    return sheet(
        [goal("g")],
        [checkin(0, g=-2), checkin(1, g=-1), checkin(3, g=1)],
        reviews=(Review(date=week(2), purpose="x"),),
    )


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == NS + "svg"
    return root


def drawing(root: ET.Element) -> list[ET.Element]:
    """Drawing elements in document order (groups and title/desc left out)."""
    return [el for el in root.iter() if el.tag[len(NS) :] in (*SHAPES, "text")]


def tag(el: ET.Element) -> str:
    return el.tag.removeprefix(NS)


def texts(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter(NS + "text")]


def head(root: ET.Element, name: str) -> str:
    """The text of the chart's ``<title>`` or ``<desc>``."""
    el = root.find(NS + name)
    assert el is not None
    return el.text or ""


def in_group(root: ET.Element, name: str) -> list[ET.Element]:
    return [el for g in root.iter(NS + "g") if g.get("class") == name for el in g]


def assert_strict_subset(svg: str) -> ET.Element:
    """Only the elements and attributes the PDF renderer reads, each value in its form."""
    root = parse(svg)
    w, h = root.get("width"), root.get("height")
    assert root.attrib == {
        "width": w,
        "height": h,
        "viewBox": f"0 0 {w} {h}",
        "role": "img",
        "aria-labelledby": root.get("aria-labelledby"),
    }
    title, desc, *rest = list(root)
    assert (tag(title), tag(desc)) == ("title", "desc")
    assert set(title.attrib) == set(desc.attrib) == {"id"}
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert not (root.text or "").strip() and not (title.tail or "").strip()

    def check(el: ET.Element) -> None:
        name = tag(el)
        assert not (el.tail or "").strip(), f"stray text after <{name}>"
        if name == "g":
            assert set(el.attrib) <= {"class"}, el.attrib
            assert not (el.text or "").strip()
            for child in el:
                check(child)
            return
        attrs = set(el.attrib)
        if name == "text":
            assert attrs <= TEXT | PAINT, attrs
            assert {"fill", "font-size", "text-anchor"} <= attrs
            assert el.get("text-anchor") in ("start", "middle", "end")
            assert el.get("font-weight", "normal") in ("normal", "bold")
            assert len(el) == 0, "no tspan or other children in text"
        else:
            assert name in SHAPES, f"<{name}> is not allowed"
            assert attrs <= SHAPES[name] | PAINT, attrs
            assert {"stroke", "fill"} <= attrs and SHAPES[name] <= attrs
            assert len(el) == 0 and not (el.text or "").strip()
        for attr in ("stroke", "fill"):
            if attr in el.attrib:
                assert COLOUR.fullmatch(el.attrib[attr]), (name, attr, el.attrib[attr])
        if "stroke-dasharray" in el.attrib:
            assert DASH.fullmatch(el.attrib["stroke-dasharray"]), el.attrib
        for attr in attrs & NUMERIC:
            value = el.attrib[attr]
            assert NUMBER.fullmatch(value), (name, attr, value)
            assert math.isfinite(float(value))
        if name == "polyline":
            for pair in el.attrib["points"].split(" "):
                x, y = pair.split(",")
                assert NUMBER.fullmatch(x) and NUMBER.fullmatch(y), pair
                assert math.isfinite(float(x)) and math.isfinite(float(y))

    for child in rest:
        check(child)
    for attr in ("width", "height"):
        assert NUMBER.fullmatch(root.attrib[attr])
    return root


def sample_charts() -> list[tuple[str, str]]:
    ws = full_worksheet()
    out = [
        ("full", progress_svg(ws, "g-primary")),
        ("full psfs", progress_svg(ws, "g-primary", "psfs1")),
        ("secondary, no values", progress_svg(ws, "g-second")),
        ("no check-ins", progress_svg(evolve(ws, checkins=()), "g-primary")),
        ("walking", progress_svg(walking_sheet(), "walk")),
        ("gas", progress_svg(gas_sheet(), "g")),
        ("small", progress_svg(walking_sheet(), "walk", width=200, height=150)),
        ("wide", progress_svg(walking_sheet(), "walk", width=1600, height=300)),
    ]
    for name in CASES:
        case_ws = cases.load(name).worksheet
        out += [(f"{name} {g.id}", progress_svg(case_ws, g.id)) for g in case_ws.goals]
    return out


@pytest.mark.parametrize(("name", "svg"), sample_charts(), ids=[n for n, _ in sample_charts()])
def test_only_the_strict_svg_subset(name: str, svg: str) -> None:
    root = assert_strict_subset(svg)
    assert len(svg) < 12_000, f"{name}: {len(svg)} characters"
    # every text line fits the image, by the width estimate the chart uses (0.56 x font size)
    width = float(root.attrib["width"])
    for el in root.iter(NS + "text"):
        size, x = float(el.attrib["font-size"]), float(el.attrib["x"])
        w = len(el.text or "") * 0.56 * size * (1.1 if el.get("font-weight") == "bold" else 1)
        left = {"start": x, "middle": x - w / 2, "end": x - w}[el.attrib["text-anchor"]]
        assert left >= -1 and left + w <= width + 1, (name, el.text)


def test_title_desc_and_labels_say_what_the_matplotlib_chart_says() -> None:
    ws = walking_sheet()
    root = assert_strict_subset(progress_svg(ws, "walk"))
    assert head(root, "title") == "Progress: main goal 'Goal walk'"
    assert head(root, "desc") == alt_text(ws, "walk") == charts.alt_text(ws, "walk")
    shown = texts(root)
    assert shown[0] == "Progress: main goal 'Goal walk'"
    assert "distance walked (km), higher is better" in shown
    legend = [el.text for el in in_group(root, "legend") if tag(el) == "text"]
    assert legend == [
        "distance walked",
        "Target (1)",
        "Within 0.08 of the first value (too small to count)",
        "Review date",
    ]
    bold = [el.text for el in root.iter(NS + "text") if el.get("font-weight") == "bold"]
    assert bold == ["Progress: main goal 'Goal walk'"]


def test_polyline_has_one_point_per_value_in_date_order() -> None:
    for name in CASES:
        ws = cases.load(name).worksheet
        for g in ws.goals:
            series = pick_series(ws, g, None)
            root = parse(progress_svg(ws, g.id))
            lines = list(root.iter(NS + "polyline"))
            if not series.points:
                assert lines == []
                continue
            (line,) = lines
            xs = [float(p.split(",")[0]) for p in line.attrib["points"].split(" ")]
            assert len(xs) == len(series.points)
            dates = [d for d, _ in series.points]
            assert dates == sorted(dates)
            for (d1, _), (d2, _), x1, x2 in zip(
                series.points, series.points[1:], xs, xs[1:], strict=False
            ):
                assert (x1 < x2) if d1 < d2 else (x1 == x2), (name, d1, d2)
            circles = [el for el in in_group(root, "data") if tag(el) == "circle"]
            assert len(circles) == len(series.points)


def test_values_go_up_the_chart_as_they_grow() -> None:
    root = parse(progress_svg(walking_sheet(values=(0.2, 0.7, 0.5)), "walk"))
    (line,) = root.iter(NS + "polyline")
    ys = [float(p.split(",")[1]) for p in line.attrib["points"].split(" ")]
    assert ys[1] < ys[2] < ys[0]  # SVG y grows downward


def _value_to_y(root: ET.Element) -> tuple[float, float]:
    """Slope and intercept of value -> y, read from the y tick labels and their grid lines."""
    ticks = [
        (float(el.text or ""), float(el.attrib["y"]) - 0.35 * float(el.attrib["font-size"]))
        for el in in_group(root, "axes")
        if tag(el) == "text" and el.get("text-anchor") == "end"
    ]
    grid = sorted(
        float(el.attrib["y1"])
        for el in in_group(root, "grid")
        if el.attrib["y1"] == el.attrib["y2"]
    )
    assert 4 <= len(ticks) <= 7
    assert sorted(y for _, y in ticks) == pytest.approx(grid, abs=0.02)
    (v1, y1), (v2, y2) = ticks[0], ticks[-1]
    slope = (y2 - y1) / (v2 - v1)
    assert slope < 0
    return slope, y1 - slope * v1


@pytest.mark.parametrize("targets", [(1.0, 1.5), (3.0, 0.5)])
def test_target_line_sits_where_the_target_maps(targets: tuple[float, float]) -> None:
    found = []
    for target in targets:
        root = parse(progress_svg(walking_sheet(target=target), "walk"))
        (line,) = in_group(root, "target")
        assert line.attrib["stroke-dasharray"] == "6 4"
        assert line.attrib["stroke"] == "#000000"
        assert line.attrib["y1"] == line.attrib["y2"]
        slope, intercept = _value_to_y(root)
        assert float(line.attrib["y1"]) == pytest.approx(slope * target + intercept, abs=0.03)
        found.append(float(line.attrib["y1"]))
    assert found[0] != found[1]


def test_band_is_drawn_first_around_the_first_value() -> None:
    root = parse(progress_svg(walking_sheet(), "walk"))
    band = drawing(root)[0]
    assert tag(band) == "rect"
    assert (band.attrib["fill"], band.attrib["stroke"]) == ("#e8e8e8", "none")
    slope, intercept = _value_to_y(root)
    top, height = float(band.attrib["y"]), float(band.attrib["height"])
    assert top == pytest.approx(slope * (0.2 + 0.08) + intercept, abs=0.03)
    assert top + height == pytest.approx(slope * (0.2 - 0.08) + intercept, abs=0.03)


def test_review_dates_are_grey_dash_dot_lines_in_date_order() -> None:
    root = parse(progress_svg(walking_sheet(), "walk"))
    reviews = in_group(root, "reviews")
    assert len(reviews) == 2
    assert {(el.attrib["stroke-dasharray"], el.attrib["stroke"]) for el in reviews} == {
        ("6 3 1 3", "#666666")
    }
    (line,) = root.iter(NS + "polyline")
    xs = [float(p.split(",")[0]) for p in line.attrib["points"].split(" ")]
    review_x = [float(el.attrib["x1"]) for el in reviews]
    assert review_x[0] == pytest.approx(xs[1])  # the first review falls on the week-1 check-in
    assert review_x[1] > xs[-1]  # the second after the last check-in, still on the axis


def test_x_ticks_are_dates_the_first_with_its_year() -> None:
    root = parse(progress_svg(walking_sheet(), "walk"))
    labels = [
        el.text
        for el in in_group(root, "axes")
        if tag(el) == "text" and el.get("text-anchor") == "middle"
    ]
    assert 2 <= len(labels) <= 6
    assert labels[0] == "2 Mar 2026"
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2}", t or "") for t in labels[1:]), labels


def test_gas_series_shows_the_five_level_names() -> None:
    root = assert_strict_subset(progress_svg(gas_sheet(), "g"))
    shown = texts(root)
    for name in GAS_LEVEL_NAMES.values():
        assert name in shown
    assert "GAS level" in shown and "Target (0)" in shown
    assert not any("too small to count" in t for t in shown)  # no band on the GAS level
    (line,) = root.iter(NS + "polyline")
    assert len(line.attrib["points"].split(" ")) == 3


def test_no_checkins_and_no_values_say_so() -> None:
    ws = full_worksheet()
    root = assert_strict_subset(progress_svg(evolve(ws, checkins=()), "g-primary"))
    assert NO_CHECKINS in texts(root)
    assert head(root, "desc") == NO_CHECKINS
    assert not list(root.iter(NS + "polyline"))
    root = assert_strict_subset(progress_svg(ws, "g-second"))
    assert "No values recorded yet for GAS level." in texts(root)
    empty = sheet([goal("walk", measures=(DIST,))], [checkin(0, walk=-1)])
    assert "No values recorded yet for distance walked." in texts(
        parse(progress_svg(empty, "walk"))
    )


def _with_text(text: str, unit: str | None = None) -> Worksheet:
    """The walking sheet with ``text`` as goal statement, measure name and (unless given) unit."""
    ws = walking_sheet()
    walk = ws.goals[0]
    dist = evolve(walk.measures[0], name=text[:200], unit=(text if unit is None else unit)[:200])
    return evolve(ws, goals=(evolve(walk, statement=text[:2000], measures=(dist,)), ws.goals[1]))


@pytest.mark.parametrize(
    "text",
    [
        "<img src=x onerror=alert(1)>",
        "$5 to $10",
        "</text><script>alert(1)</script>",
        "a & b \"quoted\" 'x'",
        "\u200fRTL mark \u202eoverride",
        "]]><![CDATA[x",
    ],
)
def test_user_strings_are_literal_text(text: str) -> None:
    svg = progress_svg(_with_text(text, unit="m"), "walk")
    root = assert_strict_subset(svg)
    assert text in texts(root)  # the legend entry for the measure
    assert f"{text} (m), higher is better" in texts(root)
    assert f"Progress: main goal '{text}'" in texts(root)
    assert "<script" not in svg and "<img" not in svg


@pytest.mark.parametrize("key", sorted(k for k in HOSTILE if k != "one-megabyte"))
def test_hostile_strings_leave_a_valid_chart(key: str) -> None:
    root = assert_strict_subset(progress_svg(_with_text(HOSTILE[key]), "walk"))
    assert {tag(el) for el in root.iter()} <= {"svg", "title", "desc", "g", *SHAPES, "text"}


def test_same_worksheet_same_string() -> None:
    for name in CASES:
        first = cases.load(name).worksheet
        again = evolve(first)
        assert progress_svg(first, first.primary.id) == progress_svg(again, again.primary.id)
    code = (
        "import sys; sys.path.insert(0, 'tests'); from conftest import full_worksheet; "
        "from goalkit.export.svgchart import progress_svg; "
        "print(progress_svg(full_worksheet(), 'g-primary'), end='')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == progress_svg(full_worksheet(), "g-primary")


@pytest.mark.parametrize(
    ("values", "target", "baseline"),
    [
        ((1e300, 0.0), 1e300, -1e300),  # the 10% gap overflows to an infinite band
        ((-1e300, 1e300), None, None),
        ((1.7e308, -1.7e308, 5.0), 5.0, 0.0),
        ((5.0,), 5.0, 0.0),  # a single check-in: value equals target, one date
        ((0.0,), None, None),
        ((1e-300, 2e-300), 3e-300, 0.0),
        ((1e15, 1e15 + 0.5), 1e15, None),
    ],
)
def test_extreme_values_give_finite_numbers(
    values: tuple[float, ...], target: float | None, baseline: float | None
) -> None:
    m = measure("m", name="m", target=target, baseline=baseline)
    ws = sheet(
        [goal("g", measures=(m,))], [checkin(i, g=(0, {"m": v})) for i, v in enumerate(values)]
    )
    root = assert_strict_subset(progress_svg(ws, "g"))
    (line,) = root.iter(NS + "polyline")
    assert len(line.attrib["points"].split(" ")) == len(values)


def test_single_check_in_on_the_day_of_the_only_review() -> None:
    ws = sheet([goal("g")], [checkin(0, g=0)], reviews=(Review(date=week(0), purpose="x"),))
    root = assert_strict_subset(progress_svg(ws, "g"))
    (line,) = root.iter(NS + "polyline")
    (review,) = in_group(root, "reviews")
    assert line.attrib["points"].split(",")[0] == review.attrib["x1"]


def test_long_labels_are_shortened_with_an_ellipsis() -> None:
    svg = progress_svg(_with_text("word " * 60), "walk")
    shown = texts(assert_strict_subset(svg))
    assert shown[0].endswith("…'") or shown[0].endswith("…")
    assert any(t.endswith("…), higher is better") and t.count("…") == 2 for t in shown)
    assert any(t.endswith("…") for t in shown[2:])


def test_bad_arguments_are_clear_errors() -> None:
    ws = walking_sheet()
    with pytest.raises(ValueError, match="no goal 'x'"):
        progress_svg(ws, "x")
    with pytest.raises(ValueError, match=r"has no measure 'zz' \(measures: dist\)"):
        progress_svg(ws, "walk", "zz")
    with pytest.raises(ValueError, match="chart size"):
        progress_svg(ws, "walk", width=10)
    with pytest.raises(ValueError, match="chart size"):
        progress_svg(ws, "walk", height=100_000)


def test_exports_embed_the_svg_chart() -> None:
    ws = full_worksheet()
    walk, psfs = build_view(ws).charts  # one per recorded measure of every goal
    prefix = "data:image/svg+xml;base64,"
    assert walk.data_uri.startswith(prefix)
    svg = base64.b64decode(walk.data_uri[len(prefix) :]).decode()
    assert svg == progress_svg(ws, "g-primary", "walk")
    assert walk.alt == alt_text(ws, "g-primary", "walk")
    assert psfs.alt == alt_text(ws, "g-primary", "psfs1")
    assert build_view(evolve(ws, checkins=())).charts == ()


def test_svgchart_loads_neither_matplotlib_nor_numpy() -> None:
    code = (
        "import goalkit.export.svgchart as s; from goalkit import cases; "
        "[s.progress_svg(w, g.id) for w in (cases.load(n).worksheet for n in cases.names()) "
        "for g in w.goals]"
    )
    assert modules_loaded_by(code, ("matplotlib", "numpy")) == []
