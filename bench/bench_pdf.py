"""PDF export: per worksheet in a warm process, as a cold CLI call, and beside
``jupyter nbconvert --to webpdf`` (headless Chromium) on an equivalent notebook.

Targets (issue 7): warm median under 100 ms; cold CLI / webpdf under 0.2. The worksheets are the
worked cases (``goalkit.cases``), each with 6-12 weeks of check-ins and a progress chart. The
WeasyPrint engine (the fallback for text goalkit's engine does not draw) is timed beside it.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _timing import interleaved_commands, python
from pypdf import PdfReader

from goalkit import cases, fileformat
from goalkit.export.html import to_html
from goalkit.export.pdf import to_pdf, worksheet_html_to_pdf

HERE = Path(__file__).parent


def warm(rounds: int = 5) -> None:
    sheets = [cases.load(n).worksheet for n in cases.names()]
    for engine in ("goalkit", "weasyprint"):  # imports and font set-up once, outside the timing
        to_pdf(sheets[0], engine=engine)
    per_sheet, html_only, engine_only, weasy, pages = [], [], [], [], []
    for _ in range(rounds):
        for ws in sheets:
            t0 = time.perf_counter()
            html = to_html(ws)
            t1 = time.perf_counter()
            pdf = worksheet_html_to_pdf(html, engine="goalkit")
            t2 = time.perf_counter()
            html_only.append(t1 - t0)
            engine_only.append(t2 - t1)
            per_sheet.append(t2 - t0)
            pages.append(len(PdfReader(io.BytesIO(pdf)).pages))
            t3 = time.perf_counter()
            to_pdf(ws, engine="weasyprint")
            weasy.append(time.perf_counter() - t3)
    ms = lambda xs: statistics.median(xs) * 1000  # noqa: E731
    print(
        f"warm process, {len(sheets)} case worksheets ({min(pages)}-{max(pages)} pages, "
        f"with a progress chart) x {rounds} rounds (medians):"
    )
    print(f"  to_pdf per worksheet                {ms(per_sheet):7.1f} ms   (target < 100 ms)")
    print(f"    of which template + SVG chart     {ms(html_only):7.1f} ms")
    print(f"    of which goalkit's PDF engine     {ms(engine_only):7.1f} ms")
    ratio = statistics.median(per_sheet) / statistics.median(weasy)
    print(f"  same worksheets through WeasyPrint  {ms(weasy):7.1f} ms   (ratio {ratio:.2f})")


def cold(rounds: int = 3) -> None:
    ws = cases.load(cases.names()[0]).worksheet
    tmp = Path(tempfile.mkdtemp(prefix="goalkit-bench-"))
    src = tmp / "worksheet.json"
    fileformat.save(ws, src)
    nb = tmp / "equivalent.ipynb"
    nb.write_text(
        json.dumps(
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "execution_count": 1,
                        "id": "c1",
                        "metadata": {},
                        "source": "display(HTML(handout))",
                        "outputs": [
                            {
                                "output_type": "display_data",
                                "metadata": {},
                                "data": {
                                    "text/html": to_html(ws, standalone=False),
                                    "text/plain": "<handout>",
                                },
                            }
                        ],
                    }
                ],
                "metadata": {
                    "kernelspec": {
                        "name": "python3",
                        "display_name": "Python 3",
                        "language": "python",
                    }
                },
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        )
    )
    os.environ["PYTHONPATH"] = os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])
    bindir = Path(sys.executable).parent
    commands = {
        "goalkit export --to pdf (cold CLI)": [
            str(bindir / "goalkit"),
            "export",
            str(src),
            "--to",
            "pdf",
            "-o",
            str(tmp / "out.pdf"),
        ],
        "to_pdf(engine='weasyprint') (cold)": python(
            "from goalkit import fileformat; from goalkit.export.pdf import to_pdf; "
            f"ws = fileformat.load({str(src)!r}); "
            f"open({str(tmp / 'weasy.pdf')!r}, 'wb').write(to_pdf(ws, engine='weasyprint'))"
        ),
        "jupyter nbconvert --to webpdf": [
            str(bindir / "jupyter"),
            "nbconvert",
            "--to",
            "_webpdf.SystemChromiumWebPDFExporter",
            "--output-dir",
            str(tmp),
            "--log-level=ERROR",
            str(nb),
        ],
    }
    medians = interleaved_commands(commands, rounds)
    print(f"cold, one worksheet, {rounds} interleaved rounds (medians):")
    for name, secs in medians.items():
        print(f"  {name:36s} {secs:6.2f} s")
    cli, weasy, web = medians.values()
    print(f"  ratio goalkit CLI / webpdf = {cli / web:.2f}   (target < 0.2)")
    print(f"  ratio WeasyPrint / webpdf  = {weasy / web:.2f}   (the engine used before)")


if __name__ == "__main__":
    warm()
    cold()
