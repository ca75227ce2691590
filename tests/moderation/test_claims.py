"""Leases: one moderator per comment, even with two of them working the same queue at once.

The concurrent tests use real threads, each with its own database connection; run them on
PostgreSQL with DATABASE_URL=postgres://... (SKIP LOCKED path) and on SQLite (the default).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from majlis.accounts.models import Moderator, Role
from majlis.comments.models import Comment, Status
from majlis.moderation import claims
from majlis.moderation.models import Decision
from majlis.moderation.queue import pending_for
from majlis.moderation.services import DecisionError, decide


def staff(name):
    user = get_user_model().objects.create_user(name, f"{name}@newsroom.example", "correct-horse-battery")
    Moderator.objects.create(user=user, role=Role.MODERATOR)
    return user


def test_it_leases_a_comment_to_the_first_moderator_only(article, comment_factory):
    c = comment_factory(article)
    dina, emre = staff("dina"), staff("emre")
    assert claims.claim(c.pk, dina)
    assert not claims.claim(c.pk, emre)
    c.refresh_from_db()
    assert c.claimed_by == dina and c.claimed_until > timezone.now()


def test_it_lets_the_holder_renew_and_others_take_an_expired_lease(article, comment_factory):
    c = comment_factory(article)
    dina, emre = staff("dina"), staff("emre")
    assert claims.claim(c.pk, dina) and claims.claim(c.pk, dina)
    Comment.objects.filter(pk=c.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert claims.claim(c.pk, emre)


def test_it_refuses_a_decision_on_a_comment_a_colleague_holds(article, comment_factory):
    c = comment_factory(article)
    dina, emre = staff("dina"), staff("emre")
    claims.claim(c.pk, dina)
    with pytest.raises(DecisionError) as refused:
        decide(c.pk, "approve", moderator=emre)
    assert refused.value.code == "conflict" and "dina" in refused.value.message
    assert decide(c.pk, "approve", moderator=dina).comment.status == Status.APPROVED


def test_it_hands_out_the_next_comment_in_queue_order_and_skips_held_ones(article, comment_factory):
    low = comment_factory(article, "fine", violation=0.1)
    high = comment_factory(article, "rude", violation=0.9)
    dina, emre = staff("dina"), staff("emre")
    assert claims.claim_next(dina, pending_for(dina)) == high
    assert claims.claim_next(emre, pending_for(emre)) == low
    assert claims.claim_next(emre, pending_for(emre), skip=[low.pk]) is None


def test_it_releases_only_the_holders_lease(article, comment_factory):
    c = comment_factory(article)
    dina, emre = staff("dina"), staff("emre")
    claims.claim(c.pk, dina)
    assert not claims.release(c.pk, emre)
    assert claims.release(c.pk, dina)
    assert Comment.objects.get(pk=c.pk).claimed_by is None


def work_the_queue(user, barrier) -> list[int]:
    """One moderator: take the next free comment, decide it, until the queue is empty."""
    decided = []
    try:
        barrier.wait(timeout=30)
        while (comment := claims.claim_next(user, pending_for(user))) is not None:
            decide(comment.pk, "approve" if comment.pk % 2 else "reject", reason="" if comment.pk % 2 else "off_topic", moderator=user)
            decided.append(comment.pk)
    finally:
        connection.close()
    return decided


def two_moderators_work(article, comment_factory, count):
    ids = {comment_factory(article, f"comment number {i}", violation=(i % 97) / 97).pk for i in range(count)}
    users = [staff("dina"), staff("emre")]
    barrier = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda u: work_the_queue(u, barrier), users))
    return ids, results


@pytest.mark.django_db(transaction=True)
def test_it_never_hands_one_comment_to_two_concurrent_moderators(site, comment_factory):
    from majlis.publications.models import Article

    article = Article.objects.create(site=site, slug="budget", title="Budget", language="en")
    ids, (first, second) = two_moderators_work(article, comment_factory, 60)
    assert not set(first) & set(second)
    assert set(first) | set(second) == ids
    assert not Comment.objects.filter(status=Status.PENDING).exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_it_decides_each_of_500_comments_exactly_once_with_two_moderators(site, comment_factory):
    from majlis.publications.models import Article

    article = Article.objects.create(site=site, slug="budget", title="Budget", language="en")
    ids, (first, second) = two_moderators_work(article, comment_factory, 500)
    per_comment = Decision.objects.values("comment").annotate(n=Count("id"))
    assert len(first) + len(second) == 500 and set(first) | set(second) == ids
    assert {row["n"] for row in per_comment} == {1} and per_comment.count() == 500
    assert first and second, "both moderators should have decided some comments"
