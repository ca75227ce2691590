"""SQLite writers queue on a file lock: across processes and across threads, one at a time."""

import subprocess
import sys
import threading
import time

import pytest
from django.db import connection

from majlis.lib.writelock import serialized_write

HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1] + ".write-lock", os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(1.0)
"""


@pytest.fixture
def file_database(db, tmp_path, monkeypatch):
    """Make the test connection look like a file database (where the lock applies) on SQLite."""
    path = tmp_path / "majlis.sqlite3"
    if connection.vendor == "sqlite":
        monkeypatch.setattr(connection, "is_in_memory_db", lambda: False)
        monkeypatch.setitem(connection.settings_dict, "NAME", str(path))
    return path


def test_it_waits_for_a_writer_in_another_process(file_database):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(file_database)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    with serialized_write():
        waited = time.monotonic() - started
    holder.wait(timeout=10)

    if connection.vendor == "sqlite":
        assert waited > 0.5
    else:  # PostgreSQL has real concurrent writers: nothing to wait for
        assert waited < 0.5


def test_it_lets_one_thread_of_a_process_in_at_a_time(file_database):
    inside, most = [0], [0]

    def write():
        with serialized_write():
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            time.sleep(0.01)
            inside[0] -= 1

    threads = [threading.Thread(target=write) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert inside[0] == 0
    assert most[0] == 1 if connection.vendor == "sqlite" else most[0] >= 1
