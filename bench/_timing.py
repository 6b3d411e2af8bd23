"""Shared timing helpers for the benchmarks: medians of interleaved runs, never a pass/fail."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_seconds(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``fn()`` over ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved_commands(commands: dict[str, Sequence[str]], rounds: int) -> dict[str, float]:
    """Median wall time of each command, run in turn round after round so that machine noise
    falls on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(s) for name, s in samples.items()}


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]
