"""How ``goalkit app`` serves: loopback only unless told, a token when asked, idle kernels culled
but never the one a page has just been given."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from goalkit.cli import CULL_IDLE, build_parser
from goalkit.serve import voila_command
from tests.conftest import ROOT, free_port, serving, stop, wait_port

pytestmark = pytest.mark.slow


def test_the_command_line_defaults_to_loopback_with_culling_and_no_token() -> None:
    args = build_parser().parse_args(["app"])
    assert args.ip == "127.0.0.1" and args.pool_size == 1 and args.cull_idle == CULL_IDLE
    assert not args.token
    cmd = voila_command()
    assert "--Voila.ip=127.0.0.1" in cmd
    assert not any("token" in c for c in cmd)
    assert "--VoilaConfiguration.multi_kernel_manager_class=goalkit.kernels.AppKernelManager" in cmd
    cmd = voila_command(pool_size=3, cull_idle=600, token=True)
    assert "--pool_size=3" in cmd and "--Voila.auto_token=True" in cmd
    assert "--MappingKernelManager.cull_idle_timeout=600" in cmd
    assert "--MappingKernelManager.cull_interval=60" in cmd


def test_negative_sizes_are_refused_in_one_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "goalkit", "app", "--pool-size", "-1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and "cannot be negative" in out.stderr


def listening_addresses(port: int) -> set[str]:
    """Local addresses listening on ``port`` (IPv4 and IPv6), from /proc/net/tcp*."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, _remote, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


def test_the_app_listens_on_loopback_only(tmp_path: Path) -> None:
    with serving(tmp_path) as server:
        port = server.port
        # 0100007F is 127.0.0.1 in /proc's byte order; 0.0.0.0 or :: would be 00000000...
        assert listening_addresses(port) == {"0100007F"}


def status(url: str) -> int:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_token_is_required_when_asked_for(tmp_path: Path) -> None:
    token = "room-7-token"
    with serving(tmp_path, "--token", env={"JUPYTER_TOKEN": token}) as server:
        port = server.port
        base = f"http://127.0.0.1:{port}/"
        assert status(base) in (302, 403)
        assert status(base + "?token=wrong") in (302, 403)
        assert status(f"{base}?token={token}") == 200


def kernel_alive(port: int, kernel_id: str) -> bool:
    return status(f"http://127.0.0.1:{port}/api/kernels/{kernel_id}") == 200


def test_a_page_still_loading_keeps_its_kernel(tmp_path: Path) -> None:
    """Voilà's preheated kernel has been idle since its pre-render; a cull pass must not shut
    it down after it was given to a page that has not connected yet (issue 8, found by
    bench_load.py). A page that never connects is culled once the grace has passed."""
    port = free_port()
    cmd = [*voila_command(port=port, cull_idle=2), "--AppKernelManager.connect_grace=10"]
    log = (tmp_path / "voila.log").open("wb")
    proc = subprocess.Popen(
        cmd,
        env={**os.environ, "GOALKIT_HOME": str(tmp_path / "home")},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=ROOT,
    )
    try:
        wait_port(port, proc)
        time.sleep(12)  # the pool kernel is ready and has been idle for longer than 2 s
        html = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60).read().decode()
        match = re.search(r'"kernelId": "([0-9a-f-]+)"', html)
        assert match, "the page names its kernel"
        kernel_id = match.group(1)
        handed_out = time.monotonic()
        while time.monotonic() - handed_out < 7:  # 3x the cull timeout: still there
            assert kernel_alive(port, kernel_id)
            time.sleep(0.5)
        deadline = handed_out + 40
        while kernel_alive(port, kernel_id) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not kernel_alive(port, kernel_id), "a page that never connected is culled"
    finally:
        stop(proc)
        log.close()
