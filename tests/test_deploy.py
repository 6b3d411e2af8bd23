"""deploy/jupyterhub/: the example JupyterHub configuration loads with JupyterHub's own loader and
says what its README promises; its single-user settings really serve the app through Voilà's
server extension."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.error
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


# -- the workshop profile --------------------------------------------------------------------
LAB_URL = "/lab/tree/01_smart_goals.ipynb"


def load_workshop(env: dict[str, str] | None = None) -> Config:
    old = dict(os.environ)
    os.environ.update(env or {})
    try:
        config: Config = PyFileConfigLoader("workshop_config.py", path=str(HUB)).load_config()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return config


class _User:
    def __init__(self, name: str) -> None:
        self.name = name


class _Spawner:
    def __init__(self, name: str, default_url: str) -> None:
        self.user, self.default_url = _User(name), default_url


def me() -> str:
    import pwd

    return pwd.getpwuid(os.getuid()).pw_name


def test_the_workshop_profile_loads_in_jupyterhub_itself() -> None:
    from jupyterhub.app import JupyterHub

    hub = JupyterHub(config=load_workshop())
    assert hub.config.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert [s["name"] for s in hub.services] == ["jupyterhub-idle-culler"]


def test_each_learner_gets_jupyterlab_on_the_lessons_and_the_shared_results() -> None:
    c = load_workshop({"GOALKIT_HUB_RESULTS": "/srv/room/results"})
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.Spawner.default_url == LAB_URL
    assert (ROOT / "notebooks" / "01_smart_goals.ipynb").is_file()
    assert c.Spawner.notebook_dir == "~/goalkit-workshop"
    assert c.Spawner.environment["GOALKIT_RESULTS"] == "/srv/room/results"
    assert "--ServerApp.terminals_enabled=False" in c.Spawner.args
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in c.Spawner.args)
    [service] = c.JupyterHub.services
    assert "--timeout=1800" in service["command"]
    assert c.Spawner.mem_limit == "1G"  # from bench/bench_workshop.py, see the README


def test_the_spawn_hook_copies_the_lessons_once_and_gives_the_facilitator_the_class_view(
        tmp_path: Path) -> None:
    name = me()
    env = {"GOALKIT_HUB_HOMES": str(tmp_path), "GOALKIT_HUB_LESSONS": str(ROOT / "notebooks")}
    c = load_workshop(env)
    hook = c.Spawner.pre_spawn_hook
    old = dict(os.environ)
    os.environ.update(env)
    try:
        spawner = _Spawner(name, c.Spawner.default_url)
        hook(spawner)
        lessons = tmp_path / name / "goalkit-workshop"
        assert sorted(p.name for p in lessons.glob("*.ipynb")) == sorted(
            p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
        assert oct(lessons.stat().st_mode & 0o777) == "0o700"
        assert spawner.default_url == LAB_URL and not (lessons / "class_view.ipynb").exists()
        (lessons / "01_smart_goals.ipynb").write_text("my own work")
        hook(spawner)  # a restart keeps the learner's copy
        assert (lessons / "01_smart_goals.ipynb").read_text() == "my own work"
        facilitator = load_workshop({**env, "GOALKIT_HUB_ADMINS": name}).Spawner.pre_spawn_hook
        spawner = _Spawner(name, LAB_URL)
        facilitator(spawner)
        assert spawner.default_url == "/voila/render/class_view.ipynb"
        view = json.loads((lessons / "class_view.ipynb").read_text())
        assert "ClassView()" in view["cells"][0]["source"]
    finally:
        os.environ.clear()
        os.environ.update(old)


def test_the_readme_describes_the_workshop_profile() -> None:
    text = (HUB / "README.md").read_text()
    for needle in ("workshop_config.py", LAB_URL, "GOALKIT_RESULTS", "3770",
                   "bench/bench_workshop.py", "class_view.ipynb"):
        assert needle in text, needle


@pytest.mark.slow
def test_the_workshop_single_user_settings_serve_lab_and_the_class_view(tmp_path: Path) -> None:
    """A learner's server as the profile starts it: JupyterLab on the lessons; and the
    facilitator's class view rendered by Voilà from the same kind of server."""
    import shutil

    c = load_workshop()
    root = tmp_path / "goalkit-workshop"
    shutil.copytree(ROOT / "notebooks", root)
    from goalkit.serve import CLASS_CELLS, app_notebook

    (root / "class_view.ipynb").write_text(json.dumps(app_notebook(CLASS_CELLS)))
    port = free_port()
    token = "workshop-test"
    env = {**os.environ, "HOME": str(tmp_path), "GOALKIT_HOME": str(tmp_path / "store"),
           "GOALKIT_RESULTS": str(tmp_path / "results"),
           "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
           "JUPYTER_RUNTIME_DIR": str(tmp_path / "jupyter-runtime")}
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={root}",
         f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1", "--no-browser",
         f"--IdentityProvider.token={token}", "--allow-root", *c.Spawner.args],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path)
    try:
        wait_port(port, proc, timeout=120)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{LAB_URL}?token={token}",
                                    timeout=120) as response:
            assert response.status == 200 and "JupyterLab" in response.read().decode()
        url = f"http://127.0.0.1:{port}/voila/render/class_view.ipynb?token={token}"
        with urllib.request.urlopen(url, timeout=120) as response:
            page = response.read().decode()
        assert re.search(r'"kernelId": "[0-9a-f-]+"', page)
        terminal = urllib.request.Request(f"http://127.0.0.1:{port}/api/terminals?token={token}",
                                          data=b"", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(terminal, timeout=30)
        assert refused.value.code in (403, 404)  # no shell for learners
    finally:
        stop(proc)
        log.close()
