"""Charts: PNG and SVG bytes, a clear image when there is nothing yet, no pyplot state."""

from __future__ import annotations

import subprocess
import sys

import pytest

from goalkit.charts import NO_CHECKINS, alt_text, gas_chart, progress_chart
from goalkit.model import Review
from tests.checkin_builders import checkin, goal, measure, sheet, week

PNG = b"\x89PNG\r\n\x1a\n"
DIST = measure("dist", name="distance walked", unit="km", baseline=0.2, target=1.0)
PSFS = measure("p", name="PSFS stairs", instrument="psfs", target=8)


def walking_sheet():  # type: ignore[no-untyped-def]
    return sheet(
        [goal("walk", measures=(DIST, PSFS)), goal("sit", "secondary")],
        [checkin(0, walk=(-1, {"dist": 0.2})), checkin(1, walk=(0, {"dist": 0.7, "p": 5}), sit=-1)],
        reviews=(Review(date=week(1), purpose="mid-point"),),
    )


@pytest.mark.parametrize("measure_id", [None, "dist", "p"])
def test_progress_chart_png(measure_id: str | None) -> None:
    assert progress_chart(walking_sheet(), "walk", measure_id).startswith(PNG)


def test_progress_chart_svg_and_gas_level_fallback() -> None:
    svg = progress_chart(walking_sheet(), "sit", fmt="svg")
    assert b"<svg" in svg and b"GAS level" in svg


def test_gas_chart_png_and_svg() -> None:
    assert gas_chart(walking_sheet()).startswith(PNG)
    svg = gas_chart(walking_sheet(), fmt="svg")
    assert b"<svg" in svg and b"GAS levels over time" in svg and b"Review date" in svg


def test_no_checkins_gives_a_clear_image_not_an_error() -> None:
    empty = sheet([goal("walk", measures=(DIST,))])
    assert b"No check-ins yet" in gas_chart(empty, fmt="svg")
    assert b"No check-ins yet" in progress_chart(empty, "walk", fmt="svg")
    assert progress_chart(empty, "walk").startswith(PNG)
    assert alt_text(empty) == NO_CHECKINS


def test_measure_without_values_says_so() -> None:
    ws = sheet([goal("walk", measures=(DIST,))], [checkin(0, walk=-1)])
    assert b"No values recorded yet for distance walked" in progress_chart(ws, "walk", fmt="svg")


def test_bad_arguments_are_clear_errors() -> None:
    ws = walking_sheet()
    with pytest.raises(ValueError, match="no goal 'x'"):
        progress_chart(ws, "x")
    with pytest.raises(ValueError, match=r"has no measure 'zz' \(measures: dist, p\)"):
        progress_chart(ws, "walk", "zz")
    with pytest.raises(ValueError, match="format must be 'png' or 'svg'"):
        gas_chart(ws, fmt="jpg")  # type: ignore[arg-type]


def test_alt_text_describes_the_chart() -> None:
    ws = walking_sheet()
    assert alt_text(ws, "walk") == ("distance walked for the main goal 'Goal walk': 0.2 km on "
                                    "2 Mar 2026, 0.7 km on 9 Mar 2026; target 1 km.")
    assert "level +0" in alt_text(ws) and "level -1" in alt_text(ws)


def test_charts_never_touch_pyplot() -> None:
    code = ("import sys; sys.path.insert(0, 'tests'); from checkin_builders import *; "
            "from goalkit.charts import gas_chart, progress_chart; "
            "ws = sheet([goal('g')], [checkin(0, g=-1), checkin(1, g=0)]); "
            "gas_chart(ws); progress_chart(ws, 'g', fmt='svg'); "
            "print('matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
