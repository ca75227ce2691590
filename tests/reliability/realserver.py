"""A real Majlis behind a real gunicorn on 127.0.0.1, for the tests that need one (slow clients,
SIGKILL mid-load).

The server gets its own database, separate from the test database: a SQLite file in a temporary
folder, or, when the suite runs on PostgreSQL (``DATABASE_URL=postgres://...``), a throwaway
database on the same server. ``Installation`` migrates it, adds one site and article, starts and
kills gunicorn (its whole process group, so the workers die with the master), and reads the
comments table back with a plain DB-API connection, outside Django.
"""

import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from majlis.lib.server import gunicorn_argv

SLUG = "crash-test"
SETUP = f"""
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0, interactive=False)
from majlis.publications.models import Article, Site
site = Site.objects.create(name="Crash Times", domain="crash.example")
Article.objects.create(site=site, slug="{SLUG}", language="en", title="The council votes on the budget",
                       body="The council met on Tuesday to vote on the budget.")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Installation:
    """One Majlis data directory and database, served by gunicorn on demand."""

    def __init__(self, tmp_path: Path, database: str = "sqlite"):
        self.tmp = tmp_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.pg_name = None
        suite_url = os.environ.get("DATABASE_URL", "")
        if database == "suite" and suite_url.startswith(("postgres://", "postgresql://")):
            self.pg_name = f"majlis_rel_{secrets.token_hex(4)}"
            parts = urlsplit(suite_url)
            self.pg_admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.database_url = urlunsplit(parts._replace(path=f"/{self.pg_name}"))
            self._pg_admin(f'CREATE DATABASE "{self.pg_name}"')
        else:
            self.database_url = f"sqlite:///{tmp_path / 'majlis.sqlite3'}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "majlis.settings",
            "DATABASE_URL": self.database_url,
            "MAJLIS_DATA_DIR": str(tmp_path / "data"),
            "MAJLIS_SECRET_KEY": "reliability-tests-only",
            "MAJLIS_RATE_LIMIT_PER_IP": "0",
            "MAJLIS_RATE_LIMIT_PER_EMAIL": "0",
            "MAJLIS_LOG_LEVEL": "WARNING",
            "MAJLIS_METRICS_DIR": str(tmp_path / "metrics"),
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        subprocess.run([sys.executable, "-c", SETUP], env=self.env, check=True, timeout=120)

    @property
    def engine(self) -> str:
        return "postgresql" if self.pg_name else "sqlite"

    def _pg_admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
            conn.execute(sql)

    def start(self, workers: int = 2, threads: int = 4, extra=()) -> None:
        # No control socket: gunicorn 27 puts one at ~/.gunicorn/gunicorn.ctl, shared by every instance.
        argv = gunicorn_argv(f"127.0.0.1:{self.port}", workers, threads, ["--no-control-socket", *extra])
        self.log = open(self.tmp / "gunicorn.log", "ab")
        # A session of its own: killpg reaches the master and every worker, as a crash would.
        self.process = subprocess.Popen(argv, env=self.env, stdout=self.log, stderr=self.log, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not start; see {self.tmp / 'gunicorn.log'}")

    def kill(self, sig=signal.SIGKILL) -> None:
        """Kill the whole server at once (master and workers), without any chance to clean up."""
        os.killpg(self.process.pid, sig)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def close(self) -> None:
        self.stop()
        if self.pg_name:
            self._pg_admin(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')

    def comments(self) -> dict[int, tuple[str, str]]:
        """Every stored comment as ``{id: (email, body)}``, read outside Django."""
        sql = "SELECT id, email, body FROM comments_comment"
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.database_url) as conn:
                rows = conn.execute(sql).fetchall()
        else:
            with sqlite3.connect(urlsplit(self.database_url).path[1:]) as conn:
                rows = conn.execute(sql).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}
