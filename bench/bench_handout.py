"""Handout export: ``jupyter nbconvert --to goalkit_pdf`` beside ``--to html``, same notebooks.

Run: ``uv run --frozen python bench/bench_handout.py`` (about three minutes).

Prints medians of interleaved runs (each round runs every command once, in turn, so machine
noise falls on all of them alike) and the ratio pdf / html:

1. the command line on the committed notebooks (no outputs), as a trainer prints handouts;
2. the command line with ``--execute`` on the notebook with charts (a kernel runs it first);
3. in a warm process, the exporter alone per notebook (no start-up, no kernel);
4. for scale, ``--to webpdf`` with the system Chromium (``bench/_webpdf.py``), when available.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import nbformat
from _timing import interleaved_commands
from nbconvert.exporters import HTMLExporter

from goalkit.export.nbconvert import HandoutPDFExporter

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHARTS = ROOT / "notebooks" / "05_gas_and_progress.ipynb"
OUT = Path(tempfile.mkdtemp(prefix="goalkit-bench-handout-"))


def nbconvert(to: str, notebook: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "jupyter", "nbconvert", "--to", to, *extra,
            "--output-dir", str(OUT / to.replace(".", "-")), str(notebook)]


def line(name: str, seconds: float, base: float | None = None) -> None:
    ratio = "" if base is None else f"   ratio {seconds / base:5.2f}"
    print(f"  {name:34} {seconds:7.2f} s{ratio}")


def command_line(notebook: Path, rounds: int, *extra: str) -> None:
    times = interleaved_commands({"html": nbconvert("html", notebook, *extra),
                                  "goalkit_pdf": nbconvert("goalkit_pdf", notebook, *extra)},
                                 rounds)
    label = " ".join(extra) or "as committed"
    print(f"{notebook.name} ({label}), {rounds} interleaved rounds, medians:")
    line("jupyter nbconvert --to html", times["html"])
    line("jupyter nbconvert --to goalkit_pdf", times["goalkit_pdf"], times["html"])


def warm(rounds: int = 7) -> None:
    html, pdf = HTMLExporter(), HandoutPDFExporter()
    nbs = [(p.stem, nbformat.read(p, as_version=4)) for p in NOTEBOOKS]
    pdf.from_notebook_node(nbs[0][1])  # imports, fonts and templates load once, untimed
    html.from_notebook_node(nbs[0][1])
    print(f"warm process, exporter only, {rounds} interleaved rounds, medians:")
    for name, nb in nbs:
        t_html, t_pdf = [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            html.from_notebook_node(nb)
            t1 = time.perf_counter()
            pdf.from_notebook_node(nb)
            t2 = time.perf_counter()
            t_html.append(t1 - t0)
            t_pdf.append(t2 - t1)
        h, p = statistics.median(t_html), statistics.median(t_pdf)
        print(f"  {name:30} html {h * 1000:6.0f} ms   goalkit_pdf {p * 1000:6.0f} ms"
              f"   ratio {p / h:5.1f}")


def webpdf(notebook: Path, rounds: int) -> None:
    if not (Path(__file__).parent / "_webpdf.py").exists():
        print("webpdf: bench/_webpdf.py not found, skipped")
        return
    env_path = os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])
    os.environ["PYTHONPATH"] = env_path
    times = interleaved_commands({
        "goalkit_pdf": nbconvert("goalkit_pdf", notebook),
        "webpdf": nbconvert("_webpdf.SystemChromiumWebPDFExporter", notebook)}, rounds)
    print(f"{notebook.name} (as committed), beside webpdf, {rounds} interleaved rounds, medians:")
    line("jupyter nbconvert --to webpdf", times["webpdf"])
    line("jupyter nbconvert --to goalkit_pdf", times["goalkit_pdf"], times["webpdf"])


def main() -> None:
    print(f"{os.cpu_count()} CPUs; outputs in {OUT}\n")
    command_line(ROOT / "notebooks" / "01_smart_goals.ipynb", rounds=5)
    command_line(CHARTS, rounds=5)
    print()
    command_line(CHARTS, 3, "--execute")
    print()
    warm()
    print()
    try:
        webpdf(ROOT / "notebooks" / "01_smart_goals.ipynb", rounds=3)
    except Exception as exc:
        print(f"webpdf: not available here ({type(exc).__name__})")


if __name__ == "__main__":
    main()
