"""How well and how fast goalkit's SMART checker agrees with hand-given labels.

Run: ``uv run --frozen python bench/bench_smart.py``

Prints, for the labelled corpus (tests/data/goals.jsonl) and the held-out set
(bench/data/goals_heldout.jsonl, written after the rules were finished and never used to tune
them): accuracy, precision and recall per label beside a majority-class baseline, and the
median time per goal.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from goalkit.smart import check_goal  # noqa: E402

LABELS = ("specific", "measurable", "time_bound", "pain_only")
FILES = {
    "corpus": ROOT / "tests" / "data" / "goals.jsonl",
    "held-out": ROOT / "bench" / "data" / "goals_heldout.jsonl",
}


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(text: str) -> dict[str, bool]:
    report = check_goal(text)
    got = {k: report.criteria[k].met is True for k in ("specific", "measurable", "time_bound")}
    got["pain_only"] = report.pain_only
    return got


def scores(rows: list[dict[str, Any]], preds: list[dict[str, bool]], label: str
           ) -> dict[str, float]:
    tp = sum(1 for r, p in zip(rows, preds, strict=True) if r[label] and p[label])
    fp = sum(1 for r, p in zip(rows, preds, strict=True) if not r[label] and p[label])
    fn = sum(1 for r, p in zip(rows, preds, strict=True) if r[label] and not p[label])
    n = len(rows)
    positives = sum(1 for r in rows if r[label])
    return {
        "accuracy": (n - fp - fn) / n,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
        "baseline": max(positives, n - positives) / n,
        "errors": fp + fn,
    }


def timing(texts: list[str], repeats: int = 5) -> float:
    """Median seconds per goal, each goal timed as the best of ``repeats`` runs."""
    per_goal = []
    for text in texts:
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            check_goal(text)
            best = min(best, time.perf_counter() - start)
        per_goal.append(best)
    return statistics.median(per_goal)


def main() -> None:
    check_goal("warm up: walk 1 km within 6 weeks")  # load the lexicons before timing
    for name, path in FILES.items():
        if not path.exists():
            print(f"{name}: {path} not found")
            continue
        rows = load(path)
        preds = [predict(r["text"]) for r in rows]
        print(f"\n{name}: {len(rows)} statements ({path.relative_to(ROOT)})")
        print(f"  {'label':<12}{'accuracy':>9}{'precision':>11}{'recall':>8}"
              f"{'baseline':>10}{'errors':>8}")
        for label in LABELS:
            s = scores(rows, preds, label)
            print(f"  {label:<12}{s['accuracy']:>9.1%}{s['precision']:>11.1%}"
                  f"{s['recall']:>8.1%}{s['baseline']:>10.1%}{s['errors']:>8.0f}")
        wrong = [(r["text"], [k for k in LABELS if p[k] != r[k]])
                 for r, p in zip(rows, preds, strict=True) if any(p[k] != r[k] for k in LABELS)]
        for text, labels in wrong:
            print(f"    miss {', '.join(labels)}: {text}")
        median = timing([r["text"] for r in rows])
        print(f"  median time per goal: {median * 1000:.3f} ms")
    print("\nbaseline = accuracy of always answering the label's majority value")


if __name__ == "__main__":
    main()
