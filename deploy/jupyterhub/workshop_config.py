"""JupyterHub for a workshop room: one JupyterLab per learner, opening on the first lesson, every
learner's results in one shared folder the facilitator reads, idle servers culled.

Read ``deploy/jupyterhub/README.md`` ("The workshop profile") first. In short, on a Linux host,
as root, after installing goalkit, jupyterhub and jupyterhub-idle-culler as for the clinic:

    groupadd workshop
    install -d -m 3770 -g workshop /srv/goalkit/results     # shared, set-group-ID and sticky
    cp -r notebooks /srv/goalkit/notebooks && chmod -R a+rX,go-w /srv/goalkit/notebooks
    GOALKIT_HUB_USERS=learner01,...,learner30 GOALKIT_HUB_ADMINS=trainer \\
        /opt/goalkit/bin/jupyterhub -f deploy/jupyterhub/workshop_config.py

Site settings come from ``GOALKIT_HUB_*`` environment variables, as in ``jupyterhub_config.py``.
"""

import json
import os
import pwd
import shutil
import sys
from pathlib import Path

from goalkit.serve import CLASS_CELLS, app_notebook

c = get_config()  # noqa: F821  (JupyterHub's config loader provides get_config)

# -- where the hub listens, who logs in: as for the clinic ------------------------------------------
c.JupyterHub.bind_url = os.environ.get("GOALKIT_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/jupyterhub_cookie_secret"
c.JupyterHub.db_url = "sqlite:////srv/jupyterhub/workshop.sqlite"
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(
    filter(None, os.environ.get("GOALKIT_HUB_USERS", "").split(","))
)
# The facilitator(s): hub admins, and their server opens on the class view.
FACILITATORS = set(filter(None, os.environ.get("GOALKIT_HUB_ADMINS", "").split(",")))
c.Authenticator.admin_users = FACILITATORS

# -- one JupyterLab per learner ----------------------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"
LESSONS = os.environ.get("GOALKIT_HUB_LESSONS", "/srv/goalkit/notebooks")
RESULTS = os.environ.get("GOALKIT_HUB_RESULTS", "/srv/goalkit/results")
WORKSHOP_DIR = "goalkit-workshop"  # in each learner's home: their own copy of the lessons
c.Spawner.default_url = "/lab/tree/01_smart_goals.ipynb"
c.Spawner.notebook_dir = f"~/{WORKSHOP_DIR}"
c.Spawner.environment = {
    "GOALKIT_RESULTS": RESULTS,  # one folder for the room: the class view reads it
    "GOALKIT_HOME": "~/.local/share/goalkit",
    "MPLBACKEND": "Agg",
}
c.Spawner.args = [
    "--ServerApp.terminals_enabled=False",  # learners need no shell
    # kernels of lessons left open in a closed tab are shut down after 20 minutes; every
    # answer is already in the results file
    "--MappingKernelManager.cull_idle_timeout=1200",
    "--MappingKernelManager.cull_interval=120",
]
# Memory per learner: bench/bench_workshop.py measured one JupyterLab server plus one kernel
# that has run a lesson (README "Sizing a workshop"). LocalProcessSpawner does not enforce it;
# systemdspawner and DockerSpawner do, with these values.
c.Spawner.mem_guarantee = "400M"
c.Spawner.mem_limit = "1G"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# The class view as a one-cell notebook for the facilitator (Voilà's server extension renders it
# without code), written into the facilitator's own folder: the shared lessons never hold it.
CLASS_VIEW = json.dumps(app_notebook(CLASS_CELLS), indent=1) + "\n"


def home_of(name):
    """The user's home folder (``GOALKIT_HUB_HOMES/<name>`` when set, for tests)."""
    base = os.environ.get("GOALKIT_HUB_HOMES")
    return Path(base, name) if base else Path(pwd.getpwnam(name).pw_dir)


def prepare_workshop(spawner):
    """Before a server starts: give the user their own copy of the lessons (kept if they
    already have one, so a restart loses nothing), and the facilitator the class view."""
    name = spawner.user.name
    account = pwd.getpwnam(name)
    target = home_of(name) / WORKSHOP_DIR
    if not target.exists():
        shutil.copytree(LESSONS, target, ignore=shutil.ignore_patterns(".*"))
        for path in [target, *target.rglob("*")]:
            os.chown(path, account.pw_uid, account.pw_gid)
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
    if name in FACILITATORS:
        view = target / "class_view.ipynb"
        view.write_text(CLASS_VIEW, encoding="utf-8")
        os.chown(view, account.pw_uid, account.pw_gid)
        spawner.default_url = "/voila/render/class_view.ipynb"


c.Spawner.pre_spawn_hook = prepare_workshop

# -- idle culling of whole servers ------------------------------------------------------------------
# A learner who leaves without logging out has their server stopped after 30 minutes idle; the
# lessons and their answers stay in their home and in the results folder.
CULL_TIMEOUT = int(os.environ.get("GOALKIT_HUB_CULL_TIMEOUT", "1800"))
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={CULL_TIMEOUT}",
            "--cull-every=120",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "jupyterhub-idle-culler-role",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["jupyterhub-idle-culler"],
    }
]
