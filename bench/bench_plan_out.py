"""The plan's other homes (issue 15), per case worksheet in a warm process: the FHIR bundle
(build + validate, and reading back), the calendar, the reading level, and the patient page in
Spanish beside English. Medians over interleaved rounds, and ratios side by side.

    uv run --frozen python bench/bench_plan_out.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from goalkit import cases
from goalkit.export.fhir import from_fhir, to_fhir
from goalkit.export.html import to_html
from goalkit.export.ics import to_ics
from goalkit.export.readability import assess
from goalkit.model import evolve

ROOT = Path(__file__).resolve().parents[1]


def cold_import(module: str, rounds: int = 5) -> float:
    """Median seconds for a fresh Python to import ``module`` and run one call."""
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", module], check=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main(rounds: int = 7) -> None:
    sheets = [cases.load(n).worksheet for n in cases.names()]
    spanish = [evolve(ws, language="es") for ws in sheets]
    bundles = [to_fhir(ws) for ws in sheets]
    jobs: dict[str, Callable[[int], object]] = {
        "to_fhir (build + validate)": lambda i: to_fhir(sheets[i]),
        "from_fhir (validate + read)": lambda i: from_fhir(bundles[i]),
        "to_ics": lambda i: to_ics(sheets[i]),
        "reading level (assess)": lambda i: assess(sheets[i]),
        "to_html, English": lambda i: to_html(sheets[i]),
        "to_html, Spanish": lambda i: to_html(spanish[i]),
        "to_json (for scale)": lambda i: sheets[i].model_dump_json(),
    }
    for job in jobs.values():  # imports, catalogs, caches: once, outside the timing
        job(0)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for i in range(len(sheets)):
            for name, job in jobs.items():  # interleaved, so drift hits every job alike
                t0 = time.perf_counter()
                job(i)
                times[name].append(time.perf_counter() - t0)
    med = {name: statistics.median(t) * 1000 for name, t in times.items()}
    print(f"{len(sheets)} case worksheets x {rounds} rounds, warm, median ms per worksheet")
    for name, ms in med.items():
        print(f"  {name:30s} {ms:8.2f} ms")
    ratio = med["to_html, Spanish"] / med["to_html, English"]
    print(f"  Spanish / English page: ratio {ratio:.2f}")
    print(f"  bundle size: median {statistics.median(len(b) for b in bundles) / 1000:.0f} kB")
    base = cold_import("import goalkit.export")
    for label, code in (
        ("fhir.resources", "import goalkit.export.fhir as f; f._validated({'resourceType': 'Bundle', 'type': 'collection'}, 'x')"),  # noqa: E501
        ("icalendar", "import goalkit.export, icalendar"),
        ("textstat (+NLTK)", "from goalkit.export.readability import measure; measure('a b')"),
    ):
        cold = cold_import(code)
        print(f"  cold import + first call, {label:18s} {cold:.2f} s (import goalkit.export alone: {base:.2f} s, ratio {cold / base:.1f})")  # noqa: E501


if __name__ == "__main__":
    main()
