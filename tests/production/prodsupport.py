"""Helpers for the production tests: a real installation in subprocesses, a webhook receiver.

``installation`` is a data directory with a migrated database that subprocesses (gunicorn,
``majlis worker``) share with the test: a SQLite file by default, or, when the suite runs with a
PostgreSQL ``DATABASE_URL``, a fresh PostgreSQL database of its own (dropped afterwards). The
pytest-django test database cannot serve here: on SQLite it lives in memory, out of reach of other
processes.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Installation:
    def __init__(self, data_dir: Path, database_url: str):
        self.data_dir = data_dir
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "majlis.settings",
            "MAJLIS_DATA_DIR": str(data_dir),
            "MAJLIS_SECRET_KEY": "production-tests-only",
            "MAJLIS_RATE_LIMIT_PER_IP": "0",
            "MAJLIS_RATE_LIMIT_PER_EMAIL": "0",
            "MAJLIS_LOG_LEVEL": "WARNING",
            "MAJLIS_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
            "DATABASE_URL": database_url,
        }
        self.processes: list[subprocess.Popen] = []

    def majlis(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run([PYTHON, "-m", "majlis.cli", *args], env=self.env, capture_output=True, text=True,
                                timeout=timeout, cwd=self.data_dir)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def python(self, code: str, timeout: float = 120) -> str:
        """Run ``code`` after django.setup() in a fresh process against this installation."""
        script = "import django; django.setup()\n" + code
        result = subprocess.run([PYTHON, "-c", script], env=self.env, capture_output=True, text=True,
                                timeout=timeout, cwd=self.data_dir)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start(self, *argv: str, log_name: str) -> subprocess.Popen:
        log = open(self.data_dir / f"{log_name}.log", "wb")
        proc = subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=self.data_dir,
                                start_new_session=True)
        self.processes.append(proc)
        return proc

    def web(self, name: str) -> str:
        """Start a gunicorn web node (deploy/gunicorn.conf.py, one worker) and return its base URL."""
        port = free_port()
        env_workers = {"MAJLIS_WORKERS": "1", "MAJLIS_THREADS": "4"}
        self.env.update(env_workers)
        self.start(str(Path(PYTHON).parent / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                   "--bind", f"127.0.0.1:{port}", "--pid", str(self.data_dir / f"{name}.pid"), log_name=name)
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: http_status(base + "/healthz") == 200, 60, f"{name} did not start")
        return base

    def worker(self, name: str) -> subprocess.Popen:
        return self.start(PYTHON, "-m", "majlis.cli", "worker", "--interval", "0.1", "--no-periodic",
                          "--worker-id", name, log_name=name)

    def stop_all(self) -> None:
        for proc in self.processes:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.processes:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def http_status(url: str, data: bytes | None = None) -> int:
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0


def wait_for(condition, seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


class Receiver(ThreadingHTTPServer):
    """A webhook receiver on 127.0.0.1 that records every request (headers and body).

    Clear ``answering`` to keep senders waiting for the answer (a POST in flight) until it is set.
    """

    daemon_threads = True

    def __init__(self, status: int = 204):
        self.requests: list[dict] = []
        self.status = status
        self.lock = threading.Lock()
        self.answering = threading.Event()
        self.answering.set()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(handler):
                body = handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
                with self.lock:
                    self.requests.append({"headers": dict(handler.headers), "body": body})
                    status = self.status
                self.answering.wait()
                handler.send_response(status)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/hook"

    def json_bodies(self) -> list[dict]:
        with self.lock:
            return [json.loads(r["body"]) for r in self.requests]
