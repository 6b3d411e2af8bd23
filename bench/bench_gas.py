"""How long GAS scoring and chart drawing take.

Run: ``uv run --frozen python bench/bench_gas.py``. Builds 10,000 varied worksheets first (their
levels and GAS-Light weights as plain lists, and as goalkit Worksheets with one check-in), then
times scoring them: median of several repeats, total and per worksheet. Then the median time
to draw one chart, PNG and SVG, after a warm-up draw.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from goalkit.charts import gas_chart, progress_chart
from goalkit.gas import score_worksheet, t_score
from goalkit.model import CheckIn, GasScale, Goal, GoalCheckIn, OutcomeMeasure, Review, Worksheet

N = 10_000
REPEATS = 7
CHART_REPEATS = 9


def median_seconds(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


Case = tuple[list[int], list[tuple[int, int]]]  # levels, (importance, difficulty) per goal


def build_cases(rng: random.Random) -> list[Case]:
    out = []
    for _ in range(N):
        n = rng.randint(1, 3)  # a worksheet holds one primary and up to two secondary goals
        levels = [rng.randint(-2, 2) for _ in range(n)]
        ratings = [(rng.randint(1, 3), rng.randint(1, 3)) for _ in range(n)]
        out.append((levels, ratings))
    return out


def build_worksheets(cases: list[Case]) -> list[Worksheet]:
    sheets = []
    for i, (levels, ratings) in enumerate(cases):
        goals = tuple(
            Goal(id=f"g{j}", role="primary" if j == 0 else "secondary", importance=imp,
                 difficulty=dif)
            for j, (imp, dif) in enumerate(ratings)
        )
        checkin = CheckIn(id=f"c{i}", date=dt.date(2026, 1, 5), goals=tuple(
            GoalCheckIn(goal_id=f"g{j}", gas_level=lv) for j, lv in enumerate(levels)))  # type: ignore[arg-type]
        sheets.append(Worksheet(goals=goals, checkins=(checkin,)))
    return sheets


def chart_sheet() -> Worksheet:
    start = dt.date(2026, 1, 5)
    walk = Goal(id="walk", domain="exercise", importance=3, difficulty=2, gas=GasScale(),
                measures=(OutcomeMeasure(id="dist", name="distance walked", unit="km",
                                         baseline=0.2, target=1.0),))
    goals = (walk, Goal(id="sit", role="secondary"), Goal(id="sleep", role="secondary"))
    checkins = tuple(
        CheckIn(id=f"c{w}", date=start + dt.timedelta(weeks=w), pain=7 - w * 0.5, goals=(
            GoalCheckIn(goal_id="walk", gas_level=min(2, -1 + w // 3),  # type: ignore[arg-type]
                        measures={"dist": 0.2 + 0.1 * w}),
            GoalCheckIn(goal_id="sit", gas_level=-1 if w < 4 else 0),
            GoalCheckIn(goal_id="sleep", gas_level=-1),
        ))
        for w in range(8)
    )
    return Worksheet(goals=goals, checkins=checkins,
                     reviews=(Review(date=start + dt.timedelta(weeks=4)),))


def main() -> None:
    rng = random.Random(2026)
    cases = build_cases(rng)
    lists = [(levels, [imp * dif for imp, dif in ratings]) for levels, ratings in cases]
    start = time.perf_counter()
    sheets = build_worksheets(cases)
    built = time.perf_counter() - start

    def plain() -> None:
        for levels, weights in lists:
            t_score(levels)
            t_score(levels, weights)

    def whole() -> None:
        for ws in sheets:
            score_worksheet(ws)

    t_lists = median_seconds(plain, REPEATS)
    t_sheets = median_seconds(whole, REPEATS)
    print(f"GAS scoring, {N:,} worksheets (1-3 goals each), median of {REPEATS} repeats")
    print(f"  t_score, unweighted + weighted : {t_lists * 1e3:8.1f} ms total, "
          f"{t_lists / N * 1e6:6.2f} us per worksheet")
    print(f"  score_worksheet (explained)    : {t_sheets * 1e3:8.1f} ms total, "
          f"{t_sheets / N * 1e6:6.2f} us per worksheet  ({t_sheets / t_lists:.1f}x t_score)")
    print(f"  (building the {N:,} Worksheet models first took {built:.2f} s, not timed above)")

    ws = chart_sheet()
    print(f"Charts, 3 goals x 8 check-ins, median of {CHART_REPEATS} after one warm-up draw")
    for name, fmt, draw in (
        ("progress_chart", "png", lambda: progress_chart(ws, "walk", fmt="png")),
        ("progress_chart", "svg", lambda: progress_chart(ws, "walk", fmt="svg")),
        ("gas_chart", "png", lambda: gas_chart(ws, fmt="png")),
        ("gas_chart", "svg", lambda: gas_chart(ws, fmt="svg")),
    ):
        size = len(draw())
        seconds = median_seconds(draw, CHART_REPEATS)
        print(f"  {name:15s} {fmt}: {seconds * 1e3:7.1f} ms  ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
