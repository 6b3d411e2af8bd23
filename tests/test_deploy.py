"""deploy/jupyterhub/: the example JupyterHub configuration loads with JupyterHub's own loader and
says what its README promises; its single-user settings really serve the app through Voilà's
server extension."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from traitlets.config import Config, PyFileConfigLoader

from tests.conftest import ROOT, free_port, stop, wait_port

HUB = ROOT / "deploy" / "jupyterhub"
APP_URL = "/voila/render/worksheets/worksheet.ipynb"


def load(env: dict[str, str] | None = None) -> Config:
    old = dict(os.environ)
    os.environ.update(env or {})
    try:
        config: Config = PyFileConfigLoader("jupyterhub_config.py", path=str(HUB)).load_config()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return config


def test_the_config_loads_in_jupyterhub_itself() -> None:
    from jupyterhub.app import JupyterHub

    hub = JupyterHub()
    hub.load_config_file(str(HUB / "jupyterhub_config.py"))
    assert hub.config.JupyterHub.bind_url == "http://127.0.0.1:8000"  # loopback unless told
    hub = JupyterHub(config=load())  # every setting is one JupyterHub accepts
    assert [s["name"] for s in hub.services] == ["jupyterhub-idle-culler"]


def test_each_clinician_gets_the_app_and_their_own_store() -> None:
    c = load()
    assert c.JupyterHub.spawner_class == "localprocess"  # servers run as the logged-in user
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.Spawner.default_url == APP_URL
    assert (ROOT / "worksheets" / "worksheet.ipynb").is_file()
    assert c.Spawner.notebook_dir == "/srv/goalkit"
    assert c.Spawner.environment["GOALKIT_HOME"].startswith("~/")  # in the user's own home
    args = c.Spawner.args
    assert "--VoilaConfiguration.strip_sources=True" in args
    assert "--VoilaConfiguration.show_tracebacks=False" in args
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in args)


def test_idle_servers_are_culled_by_the_culler_service() -> None:
    c = load({"GOALKIT_HUB_CULL_TIMEOUT": "1800"})
    [service] = c.JupyterHub.services
    assert service["name"] == "jupyterhub-idle-culler"
    assert service["command"][1:3] == ["-m", "jupyterhub_idle_culler"]
    assert "--timeout=1800" in service["command"]
    [role] = c.JupyterHub.load_roles
    assert role["services"] == ["jupyterhub-idle-culler"]
    assert {"list:users", "read:users:activity", "read:servers", "delete:servers"} == set(
        role["scopes"]
    )


def test_site_settings_come_from_the_environment() -> None:
    c = load({"GOALKIT_HUB_USERS": "physio1,physio2", "GOALKIT_HUB_APP_DIR": "/opt/app"})
    assert c.Authenticator.allowed_users == {"physio1", "physio2"}
    assert c.Spawner.notebook_dir == "/opt/app"


def test_the_readme_describes_the_config() -> None:
    text = (HUB / "README.md").read_text()
    for needle in (APP_URL, "GOALKIT_HOME", "jupyterhub-idle-culler", "127.0.0.1", "TLS"):
        assert needle in text, needle


@pytest.mark.slow
def test_the_single_user_settings_serve_the_app(tmp_path: Path) -> None:
    """What a clinician's server runs (jupyterhub-singleuser is a Jupyter server with the hub's
    login): the Spawner's arguments, the app folder as root, Voilà's server extension."""
    c = load()
    port = free_port()
    token = "deploy-test"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "GOALKIT_HOME": str(tmp_path / "store"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime"),
    }
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter_server",
            f"--ServerApp.root_dir={ROOT}",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--ServerApp.open_browser=False",
            f"--IdentityProvider.token={token}",
            "--allow-root",
            *c.Spawner.args,
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        cwd=tmp_path,
    )
    try:
        wait_port(port, proc)
        url = f"http://127.0.0.1:{port}{APP_URL}?token={token}"
        with urllib.request.urlopen(url, timeout=120) as response:
            page = response.read().decode()
        assert response.status == 200
        assert re.search(r'"kernelId": "[0-9a-f-]+"', page)
        assert "WorksheetApp" not in page  # sources stripped
    finally:
        stop(proc)
        log.close()
