"""Fixtures for the production tests (helpers in prodsupport.py)."""

import threading
import uuid

import pytest
from prodsupport import Installation, Receiver, postgres_url


@pytest.fixture
def installation(tmp_path):
    """A migrated installation under ``tmp_path`` (SQLite file, or its own PostgreSQL database)."""
    base = postgres_url()
    dropper = None
    if base:
        import psycopg

        name = f"majlis_prodtest_{uuid.uuid4().hex[:10]}"
        admin_url = base.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        url = base.rsplit("/", 1)[0] + "/" + name

        def dropper():
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    else:
        url = f"sqlite:///{tmp_path / 'majlis.sqlite3'}"
    inst = Installation(tmp_path, url)
    inst.majlis("migrate", "--verbosity", "0")
    try:
        yield inst
    finally:
        inst.stop_all()
        if dropper:
            dropper()


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
