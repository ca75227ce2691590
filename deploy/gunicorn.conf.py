"""Gunicorn configuration for Majlis web nodes (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be overridden from the environment, so the same file serves one small machine
and a fleet behind a load balancer (docs/deploy.md). Why these defaults:

- ``gthread`` workers keep connections alive (a CDN or nginx reuses them) and let a worker wait
  on the database with its other threads still serving; sync workers close every connection.
- ``preload_app``: Django and the screening models are loaded once in the master and shared
  copy-on-write by the workers, so memory grows by little per worker and workers start fast.
- Workers default to the number of cores: screening is CPU-bound Python, so more processes than
  cores only adds switching; threads cover the time spent waiting on the database.
- Two threads per worker, and the GIL handed over after 0.5 ms instead of Python's 5 ms: with 4
  threads and 5 ms, a thread holding the SQLite write turn waited for the GIL behind threads busy
  screening, and posting stalled at about 405 comments/s with a core idle; 2 x 2 with 0.5 ms
  posted 810-845/s on the same machine (docs/performance.md). A slow client holds a thread, so
  keep nginx in front (docs/reliability.md) or raise ``MAJLIS_THREADS``.
"""

import os

wsgi_app = "majlis.wsgi:application"
bind = os.environ.get("MAJLIS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("MAJLIS_WORKERS", os.cpu_count() or 1))
worker_class = os.environ.get("MAJLIS_WORKER_CLASS", "gthread")
threads = int(os.environ.get("MAJLIS_THREADS", "2"))
keepalive = int(os.environ.get("MAJLIS_KEEPALIVE", "30"))
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
    import sys

    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
    sys.setswitchinterval(switch_interval)


# How long a thread may keep the GIL while another waits for it. Python's 5 ms default lets a
# thread screening a comment keep a thread that holds the SQLite write turn (and had let go of the
# GIL while SQLite wrote) waiting up to 5 ms, while every other writer queues behind it.
switch_interval = float(os.environ.get("MAJLIS_SWITCH_INTERVAL_MS", "0.5")) / 1000
