"""One writer at a time on SQLite, queued by the kernel instead of by SQLite's busy handler.

SQLite lets one connection write at a time. A connection that finds the database locked waits in
SQLite's busy handler, which *sleeps* 1, 2, 5, 10, 15, 20, 25 ... ms between tries, however soon the
lock is released. With several gunicorn processes and threads posting comments at once, most of
a comment's time went into those sleeps while the CPUs idled (docs/performance.md). Taking an
exclusive ``flock`` on a file next to the database first makes writers queue in the kernel, which
wakes the next one the moment the lock is free; SQLite then never sees a busy database.

A ``flock`` belongs to an open file description, which threads (and a forked child) share, so a
thread lock orders the threads of a process and each process opens the file itself. On
PostgreSQL, and for SQLite databases in memory (tests), this does nothing.
"""

import fcntl
import os
import threading
from contextlib import contextmanager

from django.db import connections

_thread_lock = threading.Lock()
_files: dict[tuple[int, str], int] = {}


def _descriptor(path: str) -> int:
    key = (os.getpid(), path)
    fd = _files.get(key)
    if fd is None:
        fd = _files[key] = os.open(f"{path}.write-lock", os.O_RDWR | os.O_CREAT, 0o600)
    return fd


@contextmanager
def serialized_write(using: str = "default"):
    """Hold the installation's SQLite write turn for the duration of the block."""
    connection = connections[using]
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        yield
        return
    with _thread_lock:
        fd = _descriptor(str(connection.settings_dict["NAME"]))
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
