"""Bad and hostile input through every entry point, outside pytest: prints "N tried, M failed".

The cases and checks are those of ``tests/test_hostile.py`` (``tests/hostile.py``): the corpus
in ``tests/data/bad/``, generated oversized files and hostile strings, through the loader, the
command, the app's upload, typing into the app, ``goalkit check`` and every exporter.

    uv run --frozen python bench/bench_hostile.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import ENTRIES, Tally, applies, cases  # noqa: E402


def main() -> None:
    warnings.simplefilter("ignore")  # matplotlib's missing-glyph warnings for hostile text
    os.environ.setdefault("MPLBACKEND", "Agg")
    tally = Tally()
    start = time.perf_counter()
    all_cases = cases()
    for case in all_cases:
        for entry, run in ENTRIES.items():
            if not applies(case, entry):
                continue
            with tempfile.TemporaryDirectory() as folder:
                try:
                    with tally.trying(f"{case.name}/{entry}"):
                        run(case, Path(folder))
                except Exception:  # a failed case is a figure, reported below
                    print(f"FAILED {case.name}/{entry}:", traceback.format_exc(limit=2))
    took = time.perf_counter() - start
    print(f"{len(all_cases)} cases x their entry points in {took:.0f} s")
    print(tally.summary())


if __name__ == "__main__":
    main()
