"""N people using the worksheet app at once, on one machine: time to interactive, memory per
session, failures, and whether every worksheet reached the store intact.

One Chromium, one browser context per session, all driven concurrently (Playwright's async API)
against ``goalkit app`` on a free loopback port. Each session opens the app, starts a worksheet
with its own patient reference, types a goal statement and waits for "All changes saved"; then
every tab vanishes without closing (as when a laptop lid shuts), and we watch whether the
kernels are shut down.

Configurations are run side by side for each N, each against a fresh server and store:

- ``before``: ``goalkit app --pool-size 1 --cull-idle 0`` (one preheated kernel, no culling);
- ``after``: ``goalkit app`` as shipped (idle culling on), with the bench's short cull timeout
  so that the effect shows within the run.

Memory is read from /proc: VmRSS (counts shared pages in every process) and Pss (shares them
out) of the server's kernel processes. Timing figures are medians; nothing here passes or fails.

    uv run --frozen python bench/bench_load.py            # N = 1, 4, 8, 16
    uv run --frozen python bench/bench_load.py --sessions 4 --configs after
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, async_playwright

from goalkit._chromium import CHROMIUM_ARGS, chromium_path
from goalkit.store import DB_NAME, Store

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 240_000  # ms; 16 kernels starting on 2 cores take a while
CULL = 10  # s: the "after" configuration's cull timeout in this bench (the shipped default is 600)
CONFIGS: dict[str, list[str]] = {
    "before": ["--pool-size", "1", "--cull-idle", "0"],
    "after": ["--cull-idle", str(CULL)],
    # optional (--configs pool8): eight kernels started before the visitors come
    "pool8": ["--pool-size", "8", "--cull-idle", str(CULL)],
}
TICK = os.sysconf("SC_CLK_TCK")


def goal(i: int) -> str:
    return f"Walk {i + 1} km to the shop without a rest, on my own, within 6 weeks"


# -- processes and memory ----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Voilà starts each kernel as its child)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.append(int(entry))
    return found


def kernels(server: int) -> list[int]:
    out = []
    for pid in children(server):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"ipykernel" in cmdline:
            out.append(pid)
    return out


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB; (0, 0) when it has gone."""
    try:
        rss = next(
            int(line.split()[1])
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("VmRSS:")
        )
        pss = next(
            int(line.split()[1])
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            if line.startswith("Pss:")
        )
    except (OSError, StopIteration):
        return 0.0, 0.0
    return rss / 1024, pss / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far; 0 when it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def wait_port(port: int, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            raise RuntimeError("goalkit app exited")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError("goalkit app did not listen")


def wait_pool(server: int, size: int, timeout: float = 120) -> None:
    """Until ``size`` kernels are up and have settled (the pool is preheated)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(kernels(server)) < size:
        time.sleep(0.2)
    time.sleep(6)


# -- one session -------------------------------------------------------------------------------
@dataclass
class Session:
    index: int
    ref: str
    served: float | None = None
    tti: float | None = None
    done: float | None = None
    error: str | None = None


async def drive(browser: Browser, url: str, s: Session, t0: float) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.set_default_navigation_timeout(TIMEOUT)
    try:
        start = time.perf_counter()
        response = await page.goto(url, wait_until="commit")
        if response is not None:
            await response.finished()
        s.served = time.perf_counter() - start
        new = page.locator(".goalkit-new")
        await new.wait_for(state="visible")
        s.tti = time.perf_counter() - start
        await page.locator(".goalkit-patient-ref input").fill(s.ref)
        await new.click()
        status = page.locator(".goalkit-save-state")
        await status.filter(has_text="All changes saved (version 1)").wait_for()
        await page.get_by_role("tab", name="Goals").click()
        await page.locator(".goalkit-goal-statement textarea").fill(goal(s.index))
        await status.filter(has_text="All changes saved (version 2)").wait_for()
        s.done = time.perf_counter() - t0
    except Exception as exc:  # a failed session is a figure, not a crash of the bench
        s.error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    # the tab vanishes without running its unload handler: Voilà is not told to stop the kernel
    await page.close(run_before_unload=False)
    await context.close()


# -- one run -----------------------------------------------------------------------------------
@dataclass
class Run:
    config: str
    n: int
    pool: int
    idle_mb: float = 0.0
    kernel_rss: list[float] = field(default_factory=list)
    kernel_pss: list[float] = field(default_factory=list)
    server_rss: float = 0.0
    cpu: float = 0.0  # server and kernel CPU seconds spent on the sessions
    sessions: list[Session] = field(default_factory=list)
    intact: int = 0
    left_after: int = 0
    wall: float = 0.0


def check_store(home: Path, sessions: list[Session]) -> int:
    """How many sessions' worksheets are in the store, whole, with an unbroken history."""
    with sqlite3.connect(home / DB_NAME) as db:
        if db.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            return 0
    intact = 0
    with Store(home) as store:
        by_ref = {w.patient_ref: w for w in store.list()}
        for s in sessions:
            summary = by_ref.get(s.ref)
            if summary is None:
                continue
            stored = store.load(summary.id)
            history = [h.revision for h in store.history(summary.id)]
            if (
                stored.worksheet.primary.statement == goal(s.index)
                and history == list(range(1, stored.revision + 1))
                and sum(1 for w in store.list() if w.patient_ref == s.ref) == 1
            ):
                intact += 1
    return intact


async def run_sessions(url: str, sessions: list[Session]) -> float:
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        t0 = time.perf_counter()
        await asyncio.gather(*(drive(browser, url, s, t0) for s in sessions))
        wall = time.perf_counter() - t0
        await browser.close()
    return wall


def one_run(config: str, n: int, folder: Path) -> Run:
    home = folder / f"{config}-{n}"
    port = free_port()
    args = CONFIGS[config]
    pool = int(args[args.index("--pool-size") + 1]) if "--pool-size" in args else 1
    log = (folder / f"{config}-{n}.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "goalkit", "app", "--port", str(port), *args],
        env={**os.environ, "GOALKIT_HOME": str(home)},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=ROOT,
    )
    result = Run(config, n, pool)
    try:
        wait_port(port, server)
        wait_pool(server.pid, pool)
        result.idle_mb = sum(memory_mb(k)[0] for k in kernels(server.pid))
        cpu_before = {pid: cpu_seconds(pid) for pid in [server.pid, *kernels(server.pid)]}
        cpu_last: dict[int, float] = {}
        sessions = [Session(i, f"LOAD-{config}-{n}-{i:02d}") for i in range(n)]
        result.sessions = sessions
        peak: list[tuple[float, float]] = []

        async def sample_while(task: asyncio.Task[float]) -> float:
            while not task.done():
                for pid in [server.pid, *kernels(server.pid)]:
                    cpu_last[pid] = max(cpu_last.get(pid, 0.0), cpu_seconds(pid))
                mem = [memory_mb(k) for k in kernels(server.pid)]
                if sum(r for r, _ in mem) > sum(r for r, _ in peak):
                    peak[:] = mem
                await asyncio.sleep(0.5)
            return await task

        async def both() -> float:
            task = asyncio.ensure_future(run_sessions(f"http://127.0.0.1:{port}/", sessions))
            return await sample_while(task)

        result.wall = asyncio.run(both())
        result.kernel_rss = [r for r, _ in peak]
        result.kernel_pss = [p for _, p in peak]
        result.server_rss = memory_mb(server.pid)[0]
        for pid in [server.pid, *kernels(server.pid)]:
            cpu_last[pid] = max(cpu_last.get(pid, 0.0), cpu_seconds(pid))
        result.cpu = sum(t - cpu_before.get(pid, 0.0) for pid, t in cpu_last.items())
        time.sleep(CULL + 25)  # more than the cull timeout plus one cull interval
        result.left_after = max(0, len(kernels(server.pid)) - pool)
        result.intact = check_store(home, sessions)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(20)
        log.close()
    return result


def report(r: Run) -> None:
    ttis = [s.tti for s in r.sessions if s.tti is not None]
    served = [s.served for s in r.sessions if s.served is not None]
    failed = [s for s in r.sessions if s.error]
    med = statistics.median(ttis) if ttis else float("nan")
    worst = max(ttis) if ttis else float("nan")
    # the sessions' kernels are the largest ones at the peak; the rest are preheated spares
    ranked = sorted(zip(r.kernel_rss, r.kernel_pss, strict=True), reverse=True)[: r.n]
    rss = statistics.median(x for x, _ in ranked) if ranked else float("nan")
    pss = statistics.median(p for _, p in ranked) if ranked else float("nan")
    page = statistics.median(served) if served else float("nan")
    print(
        f"  {r.config:6s} N={r.n:2d}  interactive: median {med:5.1f} s, worst {worst:5.1f} s "
        f"(page served: median {page:4.1f} s); all saved after {r.wall:5.1f} s\n"
        f"               kernel per session: RSS {rss:3.0f} MB, PSS {pss:3.0f} MB; all kernels "
        f"{sum(r.kernel_rss):4.0f} MB RSS (idle pool {r.idle_mb:3.0f} MB); "
        f"server {r.server_rss:3.0f} MB; server+kernel CPU {r.cpu / r.n:4.1f} s per session\n"
        f"               failures {len(failed)}; intact in store {r.intact}/{r.n}; "
        f"kernels left {CULL + 25} s after the tabs vanished: {r.left_after}",
        flush=True,
    )
    for s in failed:
        print(f"      session {s.index}: {s.error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="1,4,8,16", help="comma-separated N")
    parser.add_argument("--configs", default="before,after", help=", ".join(CONFIGS))
    opts = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="goalkit-bench-load-"))
    cpus = os.cpu_count()
    print(f"goalkit app under load: {cpus} CPU(s); one Chromium, one context per session")
    for name in opts.configs.split(","):
        print(f"  {name} = goalkit app {' '.join(CONFIGS[name])}")
    for n in (int(x) for x in opts.sessions.split(",")):
        for config in opts.configs.split(","):
            report(one_run(config, n, folder))
    print(
        "Medians; no pass/fail on timing. 'Page served' is the server's part (kernel and page); "
        "the rest of 'interactive' is Chromium loading the app's scripts in a fresh context, on "
        "the same CPUs. Store check: integrity_check, the typed text, an unbroken history."
    )


if __name__ == "__main__":
    main()
