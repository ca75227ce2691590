"""Two moderators race through the same queue of 500 pending comments: each is decided exactly once.

Each moderator is a thread with its own database connection, calling ``moderation.services.decide``
(and, in the second test, ``decide_many``, the bulk action) over the whole queue, one in queue order
and the other from the far end, so that they collide all along it. Runs on the suite's database:
SQLite (a file, with real locking) and PostgreSQL.
"""

import random
import threading
from collections import Counter

import pytest
from django.db import connection

from majlis.comments.models import Comment, Status
from majlis.moderation.models import Decision
from majlis.moderation.services import DecisionError, decide, decide_many
from reliability_fixtures import make_staff

QUEUE = 500


@pytest.fixture
def queue(transactional_db, article):
    Comment.objects.bulk_create(
        Comment(article=article, author_name=f"Reader {n}", email=f"r{n}@readers.example", body=f"Comment number {n}.",
                fingerprint=f"race-{n}", status=Status.PENDING, violation=random.random())
        for n in range(QUEUE)
    )
    return list(Comment.objects.filter(status=Status.PENDING).order_by("-violation").values_list("pk", flat=True))


def race(work):
    """Run ``work(n)`` for n = 0 and 1 in two threads started together; return their results."""
    start, results, errors = threading.Barrier(2), {}, []

    def run(n):
        try:
            start.wait()
            results[n] = work(n)
        except Exception as exc:  # surfaced below: a thread's crash must fail the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return results


def assert_decided_once(queue):
    per_comment = Counter(Decision.objects.values_list("comment_id", flat=True))
    assert set(per_comment) == set(queue)
    assert max(per_comment.values()) == 1
    assert Comment.objects.filter(status=Status.PENDING).count() == 0


def test_it_decides_each_comment_once_when_two_moderators_race(queue):
    moderators = [make_staff("maya"), make_staff("omar")]

    def work(n):
        won, refused = [], []
        order = queue if n == 0 else queue[::-1]
        action, reason = ("approve", "") if n == 0 else ("reject", "personal_attack")
        for pk in order:
            try:
                decide(pk, action, reason=reason, moderator=moderators[n])
                won.append(pk)
            except DecisionError as exc:
                assert exc.code == "conflict"
                refused.append(pk)
        return won, refused

    results = race(work)
    won = results[0][0] + results[1][0]
    assert sorted(won) == sorted(queue)
    assert results[0][0] and results[1][0], "the two moderators never met"
    assert_decided_once(queue)
    approved = set(Comment.objects.filter(status=Status.APPROVED).values_list("pk", flat=True))
    assert approved == set(results[0][0])


def test_it_decides_each_comment_once_when_two_bulk_actions_race(queue):
    moderators = [make_staff("maya"), make_staff("omar")]

    def work(n):
        order = queue if n == 0 else queue[::-1]
        outcome = decide_many(order, "reject", reason="promotion", moderator=moderators[n])
        return [o.comment.pk for o in outcome.decided]

    results = race(work)
    assert sorted(results[0] + results[1]) == sorted(queue)
    assert_decided_once(queue)
