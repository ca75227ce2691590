"""SIGKILL mid-load: every comment that got ``202`` is in the database after a restart.

Eight client threads post comments to a real gunicorn (two gthread workers) on 127.0.0.1. Once 40
are acknowledged, the whole server (master and workers) is killed with SIGKILL, restarted, and the
clients go on until 40 more are acknowledged. Each ``202`` is an acknowledgement: its id must then
be in the database with exactly the email and body that were sent. Requests cut off by the kill got
no acknowledgement and may or may not be stored; none may be stored twice. The database is the
suite's engine: a SQLite file shared with gunicorn, or a throwaway PostgreSQL database when
``DATABASE_URL`` is PostgreSQL.
"""

import http.client
import json
import threading
import time

import pytest

from realserver import SLUG, Installation

CLIENTS = 8
ACKS_EACH_SIDE = 40  # acknowledgements to wait for before the kill and again after the restart


def wait_for_acks(posters, count, timeout=30.0) -> int:
    """Wait until the posters hold ``count`` acknowledgements (workers load the models on first use)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        total = sum(len(p.acknowledged) for p in posters)
        if total >= count:
            return total
        time.sleep(0.05)
    raise AssertionError(f"only {total} acknowledgements in {timeout} s")


@pytest.fixture
def installation(tmp_path):
    server = Installation(tmp_path, database="suite")
    yield server
    server.close()


class Poster(threading.Thread):
    """Posts comments until told to stop; keeps every acknowledgement and counts the failures."""

    def __init__(self, number: int, url: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.number, self.host_port, self.stop = number, url.removeprefix("http://"), stop
        self.acknowledged: dict[int, tuple[str, str]] = {}
        self.failures = 0
        self.sent = 0

    def run(self):
        while not self.stop.is_set():
            self.sent += 1
            email, body = f"poster{self.number}.{self.sent}@readers.example", f"Comment {self.sent} from poster {self.number}: the budget vote was close."
            try:
                connection = http.client.HTTPConnection(self.host_port, timeout=5)
                connection.request("POST", f"/api/v1/articles/{SLUG}/comments",
                                   json.dumps({"author": f"Poster {self.number}", "email": email, "body": body}),
                                   {"Content-Type": "application/json"})
                answer = connection.getresponse()
                data = answer.read()
                connection.close()
            except (OSError, http.client.HTTPException):  # refused, reset, or an answer cut off by the kill
                self.failures += 1
                time.sleep(0.02)
                continue
            if answer.status == 202:
                self.acknowledged[json.loads(data)["id"]] = (email, body)
            else:
                self.failures += 1


def test_it_keeps_every_acknowledged_comment_through_a_sigkill(installation):
    installation.start()
    stop = threading.Event()
    posters = [Poster(n, installation.url, stop) for n in range(CLIENTS)]
    for poster in posters:
        poster.start()
    wait_for_acks(posters, ACKS_EACH_SIDE)
    installation.kill()
    before_kill = sum(len(p.acknowledged) for p in posters)
    installation.start()
    wait_for_acks(posters, before_kill + ACKS_EACH_SIDE)
    stop.set()
    for poster in posters:
        poster.join(timeout=10)
    installation.stop()

    acknowledged = {k: v for p in posters for k, v in p.acknowledged.items()}
    stored = installation.comments()
    lost = {k: v for k, v in acknowledged.items() if stored.get(k) != v}
    print(f"{installation.engine}: {len(acknowledged)} acknowledged ({before_kill} before the kill), "
          f"{sum(p.failures for p in posters)} cut off, {len(stored)} stored, {len(lost)} lost")
    assert before_kill > 0 and len(acknowledged) > before_kill, "the load did not run on both sides of the kill"
    assert lost == {}
    emails = [email for email, _ in stored.values()]
    assert len(emails) == len(set(emails)), "a comment was stored twice"
