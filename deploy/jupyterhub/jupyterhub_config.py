"""JupyterHub for a clinic or a workshop room: one single-user server per clinician, opening
straight into the goalkit worksheet app, each with its own worksheet store.

Read ``deploy/jupyterhub/README.md`` first. In short, on a Linux host, as root:

    python -m venv /opt/goalkit && /opt/goalkit/bin/pip install /path/to/goalkit \
        jupyterhub jupyterhub-idle-culler
    npm install -g configurable-http-proxy
    mkdir -p /srv/goalkit/worksheets && cp worksheets/worksheet.ipynb /srv/goalkit/worksheets/
    /opt/goalkit/bin/jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Settings that a site usually changes can be given as environment variables when the hub starts
(``GOALKIT_HUB_*`` below); everything else is plain JupyterHub configuration.
"""

import os
import sys

c = get_config()  # noqa: F821  (JupyterHub's config loader provides get_config)

# -- where the hub listens ------------------------------------------------------------------------
# Loopback by default: put a TLS-terminating reverse proxy (nginx, Caddy) in front of it, or set
# GOALKIT_HUB_URL=https://0.0.0.0:443 together with JupyterHub.ssl_cert / ssl_key. Patient data
# must never cross a network in clear text.
c.JupyterHub.bind_url = os.environ.get("GOALKIT_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/jupyterhub_cookie_secret"
c.JupyterHub.db_url = "sqlite:////srv/jupyterhub/jupyterhub.sqlite"

# -- who may log in -------------------------------------------------------------------------------
# Local Unix accounts (PAM): each clinician logs in with their own account, and their server runs
# as that user, so one clinician cannot read another's store (it is 0700/0600 in their home).
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = set(
    filter(None, os.environ.get("GOALKIT_HUB_USERS", "").split(","))
)
c.Authenticator.admin_users = set(
    filter(None, os.environ.get("GOALKIT_HUB_ADMINS", "").split(","))
)

# -- each clinician's own server ------------------------------------------------------------------
c.JupyterHub.spawner_class = "localprocess"
# The folder that holds worksheets/worksheet.ipynb (the app notebook, one cell). Read-only for
# clinicians; their worksheets are not kept here but in GOALKIT_HOME.
APP_DIR = os.environ.get("GOALKIT_HUB_APP_DIR", "/srv/goalkit")
c.Spawner.notebook_dir = APP_DIR
# Voilà's server extension (enabled when voila is installed) renders the app at this address,
# below /user/<name>/. Nothing in it names a patient.
c.Spawner.default_url = "/voila/render/worksheets/worksheet.ipynb"
# The store: per user, in the user's home (goalkit expands the ~ in the user's own process).
c.Spawner.environment = {
    "GOALKIT_HOME": "~/.local/share/goalkit",
    "MPLBACKEND": "Agg",
}
# Voilà as `goalkit app` runs it: code hidden, no tracebacks; and kernels whose tab has gone are
# shut down after 10 minutes (every change is already saved by then).
c.Spawner.args = [
    "--VoilaConfiguration.template=lab",
    "--VoilaConfiguration.strip_sources=True",
    "--VoilaConfiguration.show_tracebacks=False",
    "--MappingKernelManager.cull_idle_timeout=600",
    "--MappingKernelManager.cull_interval=60",
    "--ServerApp.terminals_enabled=False",
]
# A clinician's server should start quickly; and memory is bounded per server where the spawner
# supports it (LocalProcessSpawner does not; systemdspawner and DockerSpawner do).
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 60

# -- idle culling of whole servers ----------------------------------------------------------------
# jupyterhub-idle-culler (a separate package: pip install jupyterhub-idle-culler) stops servers
# that have been idle for an hour, e.g. when a clinician left without logging out.
CULL_TIMEOUT = int(os.environ.get("GOALKIT_HUB_CULL_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "jupyterhub-idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={CULL_TIMEOUT}",
            "--cull-every=300",
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
