"""A tiny per-process cache whose entries expire after a few seconds.

For values on every POST that change rarely (an article and its site's settings, whether any
moderator wants an email per comment): one database read per process every few seconds instead
of one per request. Staleness is bounded by ``seconds`` across processes; within a process,
callers clear the cache when they see a change (``majlis.comments.submission`` does it from
model signals).

Inside a transaction the cache is bypassed: the transaction may hold its own uncommitted changes,
which a value shared by the whole process cannot know about (a request running inside
``atomic()``, a test's transaction).
"""

import threading
import time
from typing import Callable, Hashable, TypeVar

from django.db import connection

T = TypeVar("T")
MAX_KEYS = 1024  # a flood of distinct keys (slugs) empties the cache instead of growing it


class Expiring:
    """Values by key, reloaded by ``load()`` once ``seconds`` have passed. Thread-safe enough:
    two threads may both load a missing key; each stores a correct value."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.items: dict[Hashable, tuple[float, object]] = {}
        self.lock = threading.Lock()

    def get(self, key: Hashable, load: Callable[[], T], *, keep: Callable[[T], bool] = lambda v: True) -> T:
        """The cached value of ``key``, or ``load()`` (stored only when ``keep(value)``)."""
        if connection.in_atomic_block or self.seconds <= 0:
            return load()
        now = time.monotonic()
        hit = self.items.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
        value = load()
        if keep(value):
            if len(self.items) >= MAX_KEYS:
                self.items.clear()
            self.items[key] = (now + self.seconds, value)
        return value

    def update(self, key: Hashable, change: Callable[[T], T]) -> None:
        """Replace the cached value of ``key`` (if any, and outside transactions) by ``change(value)``,
        keeping its expiry: for a process's own writes, which it can see at once."""
        if connection.in_atomic_block:
            return  # not committed yet: a rollback would leave the cache describing a phantom
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items[key] = (hit[0], change(hit[1]))

    def clear(self, *args, **kwargs) -> None:
        """Forget everything (usable as a signal receiver)."""
        self.items.clear()
