"""Gunicorn configuration for Majlis web nodes (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be overridden from the environment, so the same file serves one small machine
and a fleet behind a load balancer (docs/deploy.md). Why these defaults:

- ``gthread`` workers keep connections alive (a CDN or nginx reuses them) and let a worker wait
  on the database with its other threads still serving; sync workers close every connection.
- ``preload_app``: Django and the screening models are loaded once in the master and shared
  copy-on-write by the workers, so memory grows by little per worker and workers start fast.
- Workers default to the number of cores: screening is CPU-bound Python, so more processes than
  cores only adds switching; threads cover the time spent waiting on the database.
- ``reuse_port``: every worker gets its own listening socket and the kernel spreads connections
  over them (see below).
"""

import os

wsgi_app = "majlis.wsgi:application"
bind = os.environ.get("MAJLIS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("MAJLIS_WORKERS", os.cpu_count() or 1))
worker_class = os.environ.get("MAJLIS_WORKER_CLASS", "gthread")
threads = int(os.environ.get("MAJLIS_THREADS", "4"))
keepalive = int(os.environ.get("MAJLIS_KEEPALIVE", "30"))
# Each worker listens on its own SO_REUSEPORT socket and the kernel spreads new connections over
# them. On one shared socket, the worker that wakes first accepts: measured, all 16 keep-alive
# connections of a client often landed on one worker, which then had one core's worth of GIL
# while the other idled (docs/performance.md). Two installations must not share a port: with
# SO_REUSEPORT (same user) they would split its traffic instead of failing to start.
reuse_port = os.environ.get("MAJLIS_REUSE_PORT", "true").lower() != "false"
backlog = 2048
preload_app = os.environ.get("MAJLIS_PRELOAD", "true").lower() != "false"
timeout = 30
graceful_timeout = 20
max_requests = int(os.environ.get("MAJLIS_MAX_REQUESTS", "0"))  # recycle workers after N requests; 0 = never
max_requests_jitter = max_requests // 10
accesslog = "-" if os.environ.get("MAJLIS_ACCESS_LOG") else None
errorlog = "-"
forwarded_allow_ips = os.environ.get("MAJLIS_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "majlis-web"


def when_ready(server):
    """Load the screening models in the master before workers fork, so they share the memory."""
    if not preload_app:
        return
    try:
        from majlis.screening import screen

        screen("warm up")
    except Exception as exc:  # readiness (/readyz) reports a missing model; serving goes on
        server.log.warning("screening warm-up failed: %s", exc)


def post_fork(server, worker):
    """Connections must never cross a fork: drop any the master opened while preloading."""
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
