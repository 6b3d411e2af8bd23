"""Shared fixtures: a fresh store, sample worksheets, and a real Voilà server for browser tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from goalkit._chromium import CHROMIUM_ARGS, chromium_path
from goalkit.model import (
    Barrier,
    CheckIn,
    GasLevelText,
    GasScale,
    Goal,
    GoalCheckIn,
    GoalParts,
    OutcomeMeasure,
    Priority,
    Review,
    Step,
    SupportPerson,
    Worksheet,
)
from goalkit.store import Store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private GOALKIT_HOME for one test."""
    folder = tmp_path / "home"
    monkeypatch.setenv("GOALKIT_HOME", str(folder))
    return folder


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    s = Store(home)
    yield s
    s.close()


def full_worksheet() -> Worksheet:
    """A complete worksheet using every record type (after lumbar microdiscectomy)."""
    walk = OutcomeMeasure(id="walk", name="Walking distance", unit="m", baseline=400, target=2000)
    psfs = OutcomeMeasure(
        id="psfs1",
        name="PSFS: play five-a-side",
        unit="0-10",
        instrument="psfs",
        baseline=2,
        target=7,
    )
    primary = Goal(
        id="g-primary",
        role="primary",
        domain="exercise",
        statement="Walk 2 km to the park without stopping, on my own, within 6 weeks",
        parts=GoalParts(
            activity="walk to the park",
            support="on my own",
            quantity="2 km without stopping",
            time_frame="within 6 weeks",
        ),
        why="so I can take my son to football again",
        priority_ids=("pr-football",),
        confidence=7,
        steps=(
            Step(
                id="s1",
                text="Walk 500 m five days a week",
                target_date=dt.date(2026, 1, 14),
                done_on=dt.date(2026, 1, 13),
            ),
            Step(id="s2", text="Walk 1 km five days a week", target_date=dt.date(2026, 1, 28)),
        ),
        gas=GasScale(
            levels=tuple(
                GasLevelText(level=lv, text=t)
                for lv, t in [
                    (-2, "Walks under 400 m"),
                    (-1, "Walks 400 m (now)"),
                    (0, "Walks 2 km"),
                    (1, "Walks 3 km"),
                    (2, "Walks 4 km"),
                ]
            ),
            baseline=-1,
        ),
        importance=3,
        difficulty=2,
        icf_codes=("d450",),
        measures=(walk, psfs),
    )
    secondary = Goal(
        id="g-second",
        role="secondary",
        domain="stretching",
        statement="Do my 10-minute stretch routine 5 days a week for 4 weeks",
    )
    return Worksheet(
        id="ws-sample-01",
        clinician="Physiotherapist A",
        patient_ref="P-014",
        context="after_surgery",
        priorities=(Priority(id="pr-football", text="Play football with my son"),),
        values=("Being an active parent",),
        fears=("Re-injuring my back",),
        support=SupportPerson(relationship="partner", how_they_help="walks with me on weekends"),
        goals=(primary, secondary),
        barriers=(
            Barrier(
                id="b1",
                text="A flare-up after a long day at work",
                plan="Halve the distance for two days, then build back up",
                goal_ids=("g-primary",),
            ),
        ),
        reviews=(Review(id="r1", date=dt.date(2026, 2, 11), purpose="six-week review"),),
        checkins=(
            CheckIn(
                id="c1",
                date=dt.date(2026, 1, 14),
                goals=(
                    GoalCheckIn(
                        goal_id="g-primary", gas_level=-1, measures={"walk": 700, "psfs1": 3}
                    ),
                ),
                pain=5,
                adherence=80,
                notes="Good week",
            ),
        ),
        notes="Discussed pacing.",
    )


@pytest.fixture
def sample() -> Worksheet:
    return full_worksheet()


# -- servers and browsers --------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started in its own process group, kernels included."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def wait_port(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the server listens, without requesting a page (for Voilà, every page request
    takes a kernel)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before listening")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listened on port {port} within {timeout} s")


class AppServer:
    def __init__(self, port: int, home: Path, proc: subprocess.Popen[bytes]) -> None:
        self.port, self.home, self.proc = port, home, proc
        self.url = f"http://127.0.0.1:{port}/"


def modules_loaded_by(code: str, modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh Python has imported after running ``code`` (which must
    succeed)."""
    found = f"[m for m in {modules!r} if m in sys.modules]"
    probe = f"{code}\nimport json, sys\nprint(json.dumps({found}))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    loaded: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded


def goalkit_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m goalkit ARGS`` as a user would, capturing what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "goalkit", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@contextmanager
def serving(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """``goalkit app ARGS`` (what ``make app`` runs) on a free port of 127.0.0.1, its store in
    ``tmp_path/home`` and its log in ``tmp_path/voila.log``; stopped afterwards."""
    port = free_port()
    log = (tmp_path / "voila.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "goalkit", "app", "--port", str(port), *args],
        env={**os.environ, "GOALKIT_HOME": str(tmp_path / "home"), **(env or {})},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=ROOT,
    )
    try:
        wait_port(port, proc)
        yield AppServer(port, tmp_path / "home", proc)
    finally:
        stop(proc)
        log.close()


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[AppServer]:
    """The worksheet app served as ``make app`` serves it."""
    with serving(tmp_path) as server:
        yield server


def upload_file(app: Any, name: str, content: bytes) -> None:
    """What the app's FileUpload widget holds after a person picks a file."""
    app.start.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        },
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright hook: use the system Chromium with the flags this machine needs."""
    args = {**browser_type_launch_args, "args": CHROMIUM_ARGS}
    path = chromium_path()
    if path:
        args["executable_path"] = path
    return args
