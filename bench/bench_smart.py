"""How well and how fast goalkit's SMART checker agrees with hand-given labels.

Run: ``uv run --frozen python bench/bench_smart.py``

Held-out sets first (labelled before the checker ran on them, never tuned to), then the corpus:
accuracy, precision and recall per label beside a majority-class baseline, the same for the
statements in clinical shorthand, other-language statements recognised, and every miss. Then
speed: the median time per goal over every set, and the median time of the worst-case inputs
(about 100 kB each) against the goal-reader issue's targets (1 ms per goal, 50 ms per input).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.smart_eval import SETS, Score, evaluate, load  # noqa: E402
from goalkit.smart import check_goal  # noqa: E402

WORST_CASES = {
    "repeated goal": "Walk 1 km without a rest within 6 weeks so I can walk the dog. " * 1600,
    "repeated shorthand": "Pt to amb 50 m w/ 4WW CGA x2/52 BID, min A x1 for sit<>stand. " * 1600,
    "digits and spaces": "1 " * 50000,
    "nested brackets": "(" * 50000 + ")" * 50000,
    "scores": "7/" * 50000,
    "emoji": "😀" * 25000,
    "other language": "Caminar un kilómetro sin parar en seis semanas. " * 2000,
}


def _row(label: str, s: Score) -> str:
    return (f"  {label:<15}{s.accuracy:>9.1%}{s.precision:>11.1%}{s.recall:>8.1%}"
            f"{s.baseline:>10.1%}{s.fp + s.fn:>8}{s.n:>6}")


def _median_ms(fn: object, repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    check_goal("warm up: walk 1 km within 6 weeks")  # load the lexicons before timing
    check_goal("Caminar un kilómetro sin parar en seis semanas")  # and the language model
    texts: list[str] = []
    for name, path in SETS.items():
        rows = load(path)
        texts += [r["text"] for r in rows]
        ev = evaluate(rows)
        print(f"\n{name}: {ev.rows} statements ({path.relative_to(ROOT)})")
        print(f"  {'label':<15}{'accuracy':>9}{'precision':>11}{'recall':>8}{'baseline':>10}"
              f"{'errors':>8}{'n':>6}")
        for label, s in ev.scores.items():
            if s.n and (s.tp + s.fn or s.fp):
                print(_row(label, s))
        if any(s.n for s in ev.shorthand.values()):
            for label, s in ev.shorthand.items():
                print(_row(f"{label} (sh)", s))
        if ev.languages_total:
            print(f"  other languages recognised, no verdict given: "
                  f"{ev.languages_found}/{ev.languages_total}")
        for label, s in ev.scores.items():
            for text in s.misses:
                print(f"    miss {label}: {text}")
        for text in ev.language_misses:
            print(f"    miss language: {text}")
    per_goal = [_median_ms(lambda t=t: check_goal(t)) for t in texts]
    print(f"\nspeed: median {statistics.median(per_goal):.3f} ms per goal over {len(texts)} "
          f"goals (target under 1 ms); slowest {max(per_goal):.2f} ms")
    for name, text in WORST_CASES.items():
        ms = _median_ms(lambda text=text: check_goal(text))
        print(f"  worst case {name:<20} {len(text.encode()) / 1000:>6.0f} kB  {ms:>6.1f} ms "
              f"(target under 50 ms)")
    print("\nbaseline = accuracy of always answering the label's majority value; "
          "(sh) = the statements in clinical shorthand")


if __name__ == "__main__":
    main()
