"""Time from page request to an interactive page in Chromium: the worksheet app beside a
one-widget notebook served by the same Voilà (preheated kernels), measured in turn.

Target (issue 7): app / one-widget under 1.3. "Interactive" = the first control a person uses
is visible and enabled ("Start a new worksheet" for the app; the button of the one widget).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from goalkit._chromium import CHROMIUM_ARGS, chromium_path
from goalkit.serve import app_notebook, voila_command

PAGES = {"worksheet.ipynb": ".goalkit-new", "one_widget.ipynb": ".goalkit-one"}


def one_widget() -> dict[str, object]:
    nb = app_notebook()
    nb["cells"] = [
        {
            "cell_type": "code",
            "id": "one",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "import ipywidgets as w\n"
            "b = w.Button(description='Hello')\nb.add_class('goalkit-one')\nb",
        }
    ]
    return nb


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(rounds: int = 7) -> None:
    folder = Path(tempfile.mkdtemp(prefix="goalkit-bench-app-"))
    (folder / "worksheet.ipynb").write_text(json.dumps(app_notebook()))
    (folder / "one_widget.ipynb").write_text(json.dumps(one_widget()))
    port = free_port()
    env = {**os.environ, "GOALKIT_HOME": str(folder / "home")}
    server = subprocess.Popen(
        voila_command(port=port, notebook=folder),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    samples: dict[str, list[float]] = {name: [] for name in PAGES}
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except OSError:
                time.sleep(0.3)
        time.sleep(8)  # let both preheated kernel pools fill
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for _ in range(rounds):
                for name, selector in PAGES.items():
                    page = browser.new_page()
                    start = time.perf_counter()
                    page.goto(f"{base}/voila/render/{name}", wait_until="commit")
                    page.locator(selector).first.wait_for(state="visible", timeout=120_000)
                    samples[name].append(time.perf_counter() - start)
                    page.close()
                    time.sleep(4)  # the pool refills before the next load
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)
    app, one = (statistics.median(samples[n]) for n in PAGES)
    print(f"Voilà (preheated pool of 1 per notebook), {rounds} interleaved loads each, medians:")
    print(f"  worksheet app         {app:6.2f} s   (worst {max(samples['worksheet.ipynb']):.2f} s)")
    print(
        f"  one-widget notebook   {one:6.2f} s   (worst {max(samples['one_widget.ipynb']):.2f} s)"
    )
    print(f"  ratio app / one-widget = {app / one:.2f}   (target < 1.3)")


if __name__ == "__main__":
    main()
