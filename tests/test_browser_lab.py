"""The training notebooks in real JupyterLab and Chromium, started as ``make lab`` starts them.

JupyterLab serves a temporary copy of ``notebooks/`` on a free loopback port, with every
Jupyter, IPython and goalkit folder pointed at a temporary directory, in its own process group
(stopped afterwards, kernels included). The browser opens notebook 01, runs all cells from the
Run menu, chooses a results name, types a goal into an exercise and presses Check: the SMART
feedback appears on the page and the attempt lands in the learner's results file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import ROOT, free_port, stop, wait_http, wait_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SLOW = 120_000  # ms: JupyterLab's first page load and a kernel start on a loaded machine
GOAL = "Walk 800 m to my allotment with one crutch, on my own, within 6 weeks"
# Settings for a quiet, predictable Lab: no news or update pop-ups, every cell in the DOM.
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


class Lab:
    def __init__(self, url: str, results: Path, proc: subprocess.Popen[bytes],
                 log: Path) -> None:
        self.url, self.results, self.proc, self.log = url, results, proc, log


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    notebooks = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", notebooks)
    dirs = {name: tmp_path / name for name in (
        "jupyter-config", "jupyter-data", "jupyter-runtime", "lab-settings", "lab-workspaces",
        "ipython", "matplotlib", "goalkit-home", "results")}
    for folder in dirs.values():
        folder.mkdir()
    for name, values in SETTINGS.items():
        target = dirs["lab-settings"] / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(dirs["jupyter-config"]),
           "JUPYTER_DATA_DIR": str(dirs["jupyter-data"]),
           "JUPYTER_RUNTIME_DIR": str(dirs["jupyter-runtime"]),
           "JUPYTERLAB_SETTINGS_DIR": str(dirs["lab-settings"]),
           "JUPYTERLAB_WORKSPACES_DIR": str(dirs["lab-workspaces"]),
           "IPYTHONDIR": str(dirs["ipython"]),
           "MPLCONFIGDIR": str(dirs["matplotlib"]),
           "GOALKIT_HOME": str(dirs["goalkit-home"]),
           "GOALKIT_RESULTS": str(dirs["results"])}
    env.pop("GOALKIT_LEARNER", None)
    port = free_port()
    cmd = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={notebooks}",
           "--ip=127.0.0.1", f"--port={port}", "--no-browser", "--IdentityProvider.token="]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (tmp_path / "lab.log").open("wb")
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_http(f"{url}lab", proc, timeout=120)
        yield Lab(url, dirs["results"], proc, tmp_path / "lab.log")
    finally:
        stop(proc)
        log.close()


def accept_dialogs(page: Page, seen: list[str]) -> None:
    """Accept any JupyterLab dialog in the way (a kernel chooser after a slow kernel start,
    say), noting its text for the failure message."""
    dialog = page.locator(".jp-Dialog")
    while dialog.count():
        seen.append(" ".join(dialog.first.inner_text().split())[:200])
        dialog.first.locator(".jp-Dialog-button.jp-mod-accept").click()
        page.wait_for_timeout(500)


def _state(page: Page) -> list[str]:
    """The input prompts of the code cells, in order ('[ ]:', '[*]:', '[3]:')."""
    return [p.strip() for p in page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()]


def run_all_cells(page: Page, last: str, log: Path) -> None:
    """Run > Run All Cells, then wait for the widget of the last cell (CSS selector ``last``).

    The execution indicator reads 'idle' for a moment before the kernel has connected; a run
    requested then is lost (every prompt stays '[ ]'), so it is asked for again, at most
    three times; a run whose kernel channel the server dropped (a 500 in its log) is run again
    once after reloading the page. A run that has started is waited for as long as it makes
    progress (another cell finishes within ``SLOW``); a run that stalls fails with the
    prompts, any error output and the end of the server's log, so a failure on a loaded
    machine says where it stopped.
    """
    started = re.compile(r"\[(\*|\d+)\]:")
    dialogs: list[str] = []
    reloaded = False
    for _ in range(4):
        accept_dialogs(page, dialogs)
        page.keyboard.press("Escape")  # close a menu left open, if any
        page.locator(".lm-MenuBar-item", has_text="Run").first.click()
        page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
        try:
            page.locator(".jp-CodeCell .jp-InputPrompt", has_text=started).first.wait_for(
                timeout=20_000)
        except PlaywrightTimeout:
            continue
        seen = _state(page)
        while True:
            try:
                page.locator(last).wait_for(timeout=SLOW)
                return
            except PlaywrightTimeout:
                now = _state(page)
                if now == seen:
                    break
                seen = now
        if not any(re.fullmatch(r"\[\d+\]:", p) for p in seen):
            continue  # queued but never sent to the kernel: ask again
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        if not reloaded and "kernel_ws_protocol" in tail:
            # the server dropped the kernel's channel mid-run (a websocket opened while the
            # kernel was being replaced gets a 500): reconnect the page and run again, once
            reloaded = True
            page.reload()
            expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")
                   ).to_have_count(1, timeout=SLOW)
            continue
        errors = page.locator(".jp-OutputArea-output[data-mime-type="
                              "'application/vnd.jupyter.stderr'], .jp-RenderedText")
        shown = [t for t in errors.all_inner_texts() if "Error" in t or "Traceback" in t]
        raise AssertionError(f"Run All Cells stalled: prompts {seen}; dialogs {dialogs}; "
                             f"errors on the page {shown[:3]}; server log ends:\n{tail}")
    raise AssertionError(f"Run All Cells never started a cell; dialogs seen: {dialogs}")


def test_notebook_01_runs_and_an_exercise_gives_feedback(lab: Lab, page: Page) -> None:
    page.goto(f"{lab.url}lab/tree/01_smart_goals.ipynb")
    expect(page.locator(".jp-NotebookPanel .jp-Cell").first).to_be_visible(timeout=SLOW)
    expect(page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']")).to_have_count(
        1, timeout=SLOW)
    # The last cell (the quiz) rendered: every cell above it ran without stopping on an error.
    run_all_cells(page, ".goalkit-quiz", lab.log)
    expect(page.locator(".goalkit-quiz")).to_be_visible()
    prompts = _state(page)
    assert len(prompts) >= 8 and all(re.fullmatch(r"\[\d+\]:", p) for p in prompts), prompts
    expect(page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                        )).to_have_count(0)
    assert page.locator(".jp-RenderedText", has_text="Traceback").count() == 0

    page.locator(".goalkit-learner-input input").fill("Lab Tester")
    page.locator("button.goalkit-learner-save").click()
    expect(page.locator(".goalkit-learner-status")).to_contain_text("lab-tester.jsonl",
                                                                    timeout=SLOW)

    exercise = page.locator(".goalkit-goal-exercise").first
    exercise.locator(".goalkit-goal-input textarea").fill(GOAL)
    exercise.locator(".goalkit-why-input input").fill("so I can look after my beans")
    exercise.locator("button.goalkit-check").click()
    feedback = exercise.locator(".goalkit-feedback")
    expect(feedback).to_contain_text("of 5 met", timeout=SLOW)
    expect(feedback).to_contain_text("Specific")
    expect(feedback.locator(".goalkit-smart-report")).to_be_visible()
    expect(exercise.locator(".goalkit-exercise-status")).to_contain_text(
        "Attempt 1 saved for Lab Tester")

    rows = [json.loads(line) for line in
            (lab.results / "lab-tester.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["exercise"], r["attempt"], r["text"]) for r in rows] == [
        ("01-write-a-goal", 1, GOAL)]
    assert rows[0]["criteria"]["relevant"] is True


def _tracked_notebooks() -> dict[str, str]:
    import hashlib

    return {str(p.relative_to(ROOT)): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("notebooks", "worksheets") for p in sorted((ROOT / folder).rglob("*"))
            if p.is_file()}


def test_the_class_view_in_chromium_leaves_the_notebooks_unchanged(tmp_path: Path,
                                                                   page: Page) -> None:
    """``goalkit workshop`` as the facilitator runs it: the roster, a sort, an export and a
    comment in real Chromium; afterwards no tracked notebook has changed."""
    from goalkit import results
    from goalkit.smart import check_goal
    from goalkit.widgets.training_rules import goal_attempt

    folder = tmp_path / "results"
    for name, goal in (("Ana", GOAL), ("Ben", "Reduce my back pain to 3/10 within 8 weeks")):
        results.open_learner(name, folder).record(
            goal_attempt("03-pain-to-function", check_goal(goal), "rewrite"))
    before = _tracked_notebooks()
    port = free_port()
    env = {**os.environ, "GOALKIT_HOME": str(tmp_path / "home"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "MPLCONFIGDIR": str(tmp_path)}
    log = (tmp_path / "workshop.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "goalkit", "workshop", "--results",
                             str(folder), "--port", str(port)], env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    try:
        wait_port(port, proc, timeout=120)
        page.goto(f"http://127.0.0.1:{port}/")
        roster = page.locator(".goalkit-class-roster")
        expect(roster).to_contain_text("Ana", timeout=SLOW)
        expect(roster).to_contain_text("pain only")
        expect(page.locator(".goalkit-class-counts")).to_contain_text("2 learners, 2 answers")
        page.locator(".goalkit-class-sort select").select_option("final %")
        page.locator(".goalkit-class-descending input").check()
        expect(roster.locator("tbody tr").first).to_contain_text("Ana", timeout=SLOW)
        page.locator("button.goalkit-class-xlsx").click()
        expect(page.locator(".goalkit-class-download a")).to_have_attribute(
            "download", "goalkit-class-results.xlsx", timeout=SLOW)
        page.locator(".goalkit-review-row select").select_option(index=1)
        page.locator(".goalkit-review-comment textarea").fill("Nearly there")
        page.locator("button.goalkit-review-save").click()
        expect(page.locator(".goalkit-class-status")).to_contain_text("Saved for Ben",
                                                                      timeout=SLOW)
        expect(roster).to_contain_text("Nearly there")
    finally:
        stop(proc)
        log.close()
    assert (folder / "reviews" / "ben.jsonl").is_file()
    assert _tracked_notebooks() == before
