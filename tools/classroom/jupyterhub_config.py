# JupyterHub configuration for a CamLab class, written by ./camlab hub-setup (docs/classroom.md).
# Start the hub as root:  jupyterhub -f @SHARE@/jupyterhub_config.py
# Students log in with their system account (PAM); each gets a single-user server running as that account, the course
# in ~/camlab on first login, and the camlab-java kernel (@PREFIX@/share/jupyter/kernels/camlab-java), which loads the
# shared, read-only models in @SHARE@/cache.
import os

c = get_config()  # noqa: F821 (JupyterHub defines it)

# Debian's configurable-http-proxy finds its Node modules in /usr/share/nodejs, where Debian's node looks by itself;
# a node from elsewhere (NodeSource) needs to be told.
os.environ.setdefault("NODE_PATH", "/usr/share/nodejs")

c.JupyterHub.bind_url = "http://:8000"
# Serve over HTTPS on a real network: c.JupyterHub.ssl_cert / ssl_key, or a reverse proxy in front.

c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.Authenticator.allowed_groups = set()  # e.g. {"students"}: only members of that group may log in
c.Authenticator.admin_users = set()     # e.g. {"teacher"}

c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.cmd = ["@SHARE@/camlab-singleuser"]
c.Spawner.default_url = "/tree/camlab"
# The kernelspec's folder, also when the prefix is not one Jupyter searches by itself (/usr/local and /usr are).
c.Spawner.environment = {"JUPYTER_PATH": "@PREFIX@/share/jupyter"}
c.Spawner.http_timeout = 120  # the first start on a busy machine
