"""PDF export through Typst: warm per worksheet, cold CLI beside the engine it replaced and beside
``jupyter nbconvert --to webpdf``, notebook handouts beside ``--to html``, and memory.

Run: ``uv run --frozen python bench/bench_pdf.py`` (about two minutes). Prints medians and
ratios, never a verdict. Targets (issue 17): warm under 30 ms per case worksheet; cold CLI no
slower than before (aiming at half), under 0.1 of webpdf; a handout faster than ``--to html``.

"Before" is goalkit's own PDF engine at commit ``BEFORE`` (the last one with it), extracted with
``git archive`` into a temporary folder and run on this same environment; it is skipped when git
or the commit is not available.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import nbformat
from _timing import interleaved_commands, python
from pypdf import PdfReader

from goalkit import cases, fileformat
from goalkit.export import _typst, pdfdata
from goalkit.export.html import to_html
from goalkit.export.pdf import to_pdf
from goalkit.model import evolve

HERE = Path(__file__).parent
ROOT = HERE.parent
BEFORE = "3677565"
TMP = Path(tempfile.mkdtemp(prefix="goalkit-bench-pdf-"))
ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731


def rss_mb() -> float:
    """Resident memory of this process (Typst's own allocations included), in MB."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def warm(rounds: int = 5) -> None:
    sheets = [cases.load(n).worksheet for n in cases.names()]
    before = rss_mb()
    to_pdf(sheets[0])  # imports, fonts and the template load once, outside the timing
    first = rss_mb()
    data_t, typst_t, total, pages = [], [], [], []
    first_seen, edited = [], []
    for r in range(rounds):
        for ws in sheets:
            t0 = time.perf_counter()
            data = pdfdata.worksheet_doc(ws)
            t1 = time.perf_counter()
            pdf = _typst.compile_pdf("worksheet.typ", data, timestamp=ws.updated)
            t2 = time.perf_counter()
            data_t.append(t1 - t0)
            typst_t.append(t2 - t1)
            total.append(t2 - t0)
            if r == 0 and ws is not sheets[0]:
                first_seen.append(t2 - t0)
            # as in a session: print, add a note, print again
            changed = evolve(ws, notes=f"{ws.notes or ''} Edited in round {r}.")
            t0 = time.perf_counter()
            _typst.compile_pdf("worksheet.typ", pdfdata.worksheet_doc(changed),
                               timestamp=changed.updated)
            edited.append(time.perf_counter() - t0)
            pages.append(len(PdfReader(io.BytesIO(pdf)).pages))
    after = rss_mb()
    for i in range(100):  # a long-running kernel: does memory keep growing?
        to_pdf(evolve(sheets[i % len(sheets)], notes=f"round {i}"))
    longer = rss_mb()
    print(f"warm process, {len(sheets)} case worksheets ({min(pages)}-{max(pages)} pages, "
          f"with a progress chart) x {rounds} rounds (medians):")
    # Typst keeps the layout of the last compile or two: printing the worksheet just printed,
    # after an edit, reuses most of it; a worksheet not printed just before is laid out anew
    print(f"  to_pdf per worksheet, each after another one   {ms(total):7.1f} ms   "
          "(target < 30 ms)")
    print(f"    the first print of a worksheet in the process {ms(first_seen):6.1f} ms")
    print(f"    the same worksheet again, after an edit       {ms(edited):6.1f} ms   "
          "(as in a session)")
    print(f"    of which the data (view, checks)  {ms(data_t):7.1f} ms")
    print(f"    of which Typst (PDF/UA-1, A-2a)   {ms(typst_t):7.1f} ms")
    print(f"  memory: {before:.0f} MB before, {first:.0f} MB after the first PDF, "
          f"{after:.0f} MB after {len(total) + 1}, {longer:.0f} MB after {len(total) + 101}")


def _notebook_of(ws_html: str, path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("display(HTML(handout))", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": ws_html,
                                                     "text/plain": "<handout>"})])]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)


def _before_checkout() -> Path | None:
    folder = TMP / "before"
    folder.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BEFORE, "goalkit"],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return folder


def cold(rounds: int = 5) -> None:
    ws = cases.load(cases.names()[0]).worksheet
    src = TMP / "worksheet.json"
    fileformat.save(ws, src)
    nb = TMP / "equivalent.ipynb"
    _notebook_of(to_html(ws, standalone=False), nb)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])
    bindir = Path(sys.executable).parent

    def export(to: str, name: str) -> list[str]:
        return python("from goalkit.cli import main; "
                      f"main(['export', {str(src)!r}, '--to', {to!r}, '-o', {str(TMP / name)!r}])")

    commands = {"goalkit export --to pdf (Typst)": export("pdf", "typst.pdf")}
    before = _before_checkout()
    if before is not None:
        code = export("pdf", "before.pdf")
        commands["same, goalkit's engine (before)"] = [
            "env", f"PYTHONPATH={before}{os.pathsep}{HERE}", *code]
    commands["goalkit export --to html"] = export("html", "w.html")
    commands["jupyter nbconvert --to webpdf"] = [
        str(bindir / "jupyter"), "nbconvert", "--to", "_webpdf.SystemChromiumWebPDFExporter",
        "--output-dir", str(TMP), "--log-level=ERROR", str(nb)]
    medians = interleaved_commands(commands, rounds)
    print(f"cold, one worksheet, {rounds} interleaved rounds (medians):")
    for name, secs in medians.items():
        print(f"  {name:36s} {secs:6.2f} s")
    typst_cli = medians["goalkit export --to pdf (Typst)"]
    if before is not None:
        old = medians["same, goalkit's engine (before)"]
        print(f"  ratio Typst CLI / before   = {typst_cli / old:.2f}   (target <= 1, aim 0.5)")
    web = medians["jupyter nbconvert --to webpdf"]
    print(f"  ratio Typst CLI / webpdf   = {typst_cli / web:.2f}   (target < 0.1)")


def where_cold_time_goes(top: int = 6) -> None:
    """The slowest imports of a cold PDF export (``python -X importtime``, cumulative)."""
    src = TMP / "worksheet.json"
    code = ("from goalkit.cli import main; "
            f"main(['export', {str(src)!r}, '--to', 'pdf', '-o', {str(TMP / 'it.pdf')!r}])")
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                         text=True, check=True).stderr
    rows = []
    for line in err.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(3)) <= 2:  # top-level and first-level imports
            rows.append((int(m.group(2)), m.group(4)))
    print("cold PDF export, slowest imports (cumulative):")
    for micros, name in sorted(rows, reverse=True)[:top]:
        print(f"  {name:36s} {micros / 1000:6.0f} ms")


def handouts(rounds: int = 3) -> None:
    from nbconvert.exporters import HTMLExporter

    from goalkit.export.nbconvert import HandoutPDFExporter

    notebook = ROOT / "notebooks" / "01_smart_goals.ipynb"

    def nbconvert(to: str) -> list[str]:
        return [sys.executable, "-m", "jupyter", "nbconvert", "--to", to, "--output-dir",
                str(TMP / to), str(notebook)]

    times = interleaved_commands({"html": nbconvert("html"),
                                  "goalkit_pdf": nbconvert("goalkit_pdf")}, rounds)
    print(f"{notebook.name}, cold command line, {rounds} interleaved rounds (medians):")
    print(f"  jupyter nbconvert --to html          {times['html']:6.2f} s")
    print(f"  jupyter nbconvert --to goalkit_pdf   {times['goalkit_pdf']:6.2f} s"
          f"   ratio {times['goalkit_pdf'] / times['html']:.2f}")
    nb = nbformat.read(notebook, as_version=4)
    html, pdf = HTMLExporter(), HandoutPDFExporter()
    html.from_notebook_node(nb)
    pdf.from_notebook_node(nb)
    t_html, t_pdf = [], []
    for _ in range(7):
        t0 = time.perf_counter()
        html.from_notebook_node(nb)
        t1 = time.perf_counter()
        pdf.from_notebook_node(nb)
        t_pdf.append(time.perf_counter() - t1)
        t_html.append(t1 - t0)
    print(f"  warm exporter: html {ms(t_html):5.0f} ms, goalkit_pdf {ms(t_pdf):5.0f} ms"
          f"   ratio {statistics.median(t_pdf) / statistics.median(t_html):.2f}")


def bytecode_note() -> str:
    """Whether the cold runs read cached bytecode: without ``__pycache__`` (a fresh environment
    with ``PYTHONDONTWRITEBYTECODE`` set) every run compiles pydantic and goalkit from source,
    which alone can double the cold figures."""
    import importlib.util

    import pydantic.main

    import goalkit.model

    cached = all(Path(importlib.util.cache_from_source(m.__file__)).exists()
                 for m in (pydantic.main, goalkit.model) if m.__file__)
    return "bytecode cached" if cached else "NO cached bytecode: cold runs compile from source"


if __name__ == "__main__":
    print(f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {bytecode_note()}; "
          f"files in {TMP}\n")
    warm()
    print()
    cold()
    where_cold_time_goes()
    print()
    handouts()
