"""Memory per learner in a JupyterHub workshop: one JupyterLab server and one kernel running a
lesson, measured as RSS (and PSS) of the real processes.

Each round starts ``jupyter lab`` on a temporary copy of the lessons (loopback, temporary
Jupyter folders), loads the Lab page once, starts a kernel through the server's REST API and
runs every code cell of a lesson in it, as a learner's *Run All* does, through the kernel's
connection file. Then it reads ``/proc/<pid>/status`` (VmRSS) and ``smaps_rollup`` (Pss) of
the server and of the kernel. Medians over the rounds; rounds are run one after the other (a
server and a kernel at a time) on a machine shared with other work, so the figures are noisy.

    .venv/bin/python bench/bench_workshop.py [--rounds 3] [--lesson 05_gas_and_progress]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server's process group (its kernels included)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(15)


def memory(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB."""
    rss = pss = 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1]) / 1024
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                pss = int(line.split()[1]) / 1024
    except OSError:
        pss = float("nan")
    return rss, pss


def kernel_pid(server: int) -> int:
    """The kernel: the server's child process running ipykernel."""
    for child in Path(f"/proc/{server}/task/{server}/children").read_text().split():
        cmd = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        if b"ipykernel" in cmd:
            return int(child)
    raise RuntimeError("no kernel process found under the server")


def run_lesson(url: str, runtime: Path, lesson: Path) -> float:
    """Start a kernel in the server, run every code cell of ``lesson``; seconds taken."""
    import nbformat
    from jupyter_client import BlockingKernelClient

    req = urllib.request.Request(f"{url}api/kernels", data=b"{}", method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as response:
        kernel = json.loads(response.read())
    connection = runtime / f"kernel-{kernel['id']}.json"
    deadline = time.monotonic() + 60
    while not connection.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    client = BlockingKernelClient(connection_file=str(connection))
    client.load_connection_file()
    client.start_channels(hb=False)  # no manager here: the heartbeat cannot tell it is alive
    client.kernel_info()
    client.get_shell_msg(timeout=60)
    start = time.perf_counter()
    nb = nbformat.read(lesson, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            reply = client.execute_interactive(cell.source, timeout=120, output_hook=lambda m: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{lesson.name}: a cell failed: {reply['content']}")
    took = time.perf_counter() - start
    client.stop_channels()
    return took


def one_round(lesson: str) -> dict[str, float]:
    tmp = Path(tempfile.mkdtemp(prefix="goalkit-bench-workshop-"))
    try:
        notebooks = tmp / "notebooks"
        shutil.copytree(ROOT / "notebooks", notebooks)
        runtime = tmp / "runtime"
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp / "config"),
               "JUPYTER_DATA_DIR": str(tmp / "data"), "JUPYTER_RUNTIME_DIR": str(runtime),
               "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "ws"), "IPYTHONDIR": str(tmp / "ipy"),
               "MPLCONFIGDIR": str(tmp / "mpl"), "GOALKIT_HOME": str(tmp / "home"),
               "GOALKIT_RESULTS": str(tmp / "results"), "MPLBACKEND": "Agg"}
        port = free_port()
        cmd = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={notebooks}",
               "--ip=127.0.0.1", f"--port={port}", "--no-browser", "--IdentityProvider.token=",
               "--ServerApp.terminals_enabled=False",
               "--ServerApp.disable_check_xsrf=True"]  # the REST call below has no cookie
        if os.geteuid() == 0:
            cmd.append("--allow-root")
        log = (tmp / "lab.log").open("wb")
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True, cwd=tmp)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_http(f"{url}lab", proc, timeout=120)
            server_idle = memory(proc.pid)
            took = run_lesson(url, runtime, notebooks / f"{lesson}.ipynb")
            kernel = memory(kernel_pid(proc.pid))
            server = memory(proc.pid)
        finally:
            stop(proc)
            log.close()
        return {"server idle RSS": server_idle[0], "server RSS": server[0],
                "server PSS": server[1], "kernel RSS": kernel[0], "kernel PSS": kernel[1],
                "learner RSS": server[0] + kernel[0], "learner PSS": server[1] + kernel[1],
                "lesson s": took}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lesson", action="append", help="lesson notebook name, repeatable "
                        "(default: 01_smart_goals and 05_gas_and_progress)")
    args = parser.parse_args()
    lessons = args.lesson or ["01_smart_goals", "05_gas_and_progress"]
    for lesson in lessons:
        rounds = [one_round(lesson) for _ in range(args.rounds)]
        print(f"{lesson}: JupyterLab server + one kernel after running every cell, "
              f"median of {args.rounds} rounds")
        for name in rounds[0]:
            values = [r[name] for r in rounds]
            unit = "s" if name.endswith(" s") else "MB"
            print(f"  {name:16s} {statistics.median(values):8.1f} {unit}   "
                  f"(range {min(values):.1f}-{max(values):.1f})")
        per = statistics.median(r["learner RSS"] for r in rounds)
        kernel = statistics.median(r["kernel RSS"] for r in rounds)
        print(f"  ratio kernel / whole learner (RSS): {kernel / per:.2f}")


if __name__ == "__main__":
    main()
