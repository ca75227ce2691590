"""Webhooks: who gets which event, signatures, retries with backoff, and the delivery log."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.comments.models import Comment
from majlis.comments.submission import Submission, submit
from majlis.moderation.services import decide
from majlis.webhooks import delivery, signing
from majlis.webhooks.models import Delivery, DeliveryStatus, Endpoint

# Deliveries are enqueued on commit, so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def hook(site, receiver):
    return Endpoint.objects.create(site=site, url=receiver.url, secret="s3cret")


def post(article, n=1):
    return submit(Submission(article=article, author="Charlie", email=f"c{n}@example.org",
                             body=f"The second table does not add up ({n}).", ip="198.51.100.7")).comment


def test_it_sends_created_then_approved_with_a_valid_signature(hook, article, receiver):
    comment = post(article)
    decide(comment.pk, "approve")

    assert [b["event"] for b in receiver.json_bodies()] == ["comment.created", "comment.approved"]
    request = receiver.requests[-1]
    h = request["headers"]
    assert signing.verify("s3cret", h["X-Majlis-Timestamp"], request["body"], h["X-Majlis-Signature"])
    assert not signing.verify("wrong", h["X-Majlis-Timestamp"], request["body"], h["X-Majlis-Signature"])
    assert "email" not in json.loads(request["body"])["comment"]


def test_it_sends_the_rejection_reason(hook, article, receiver):
    decide(post(article).pk, "reject", reason="promotion")

    assert receiver.json_bodies()[-1] == {**receiver.json_bodies()[-1], "event": "comment.rejected", "reason": "promotion"}


def test_it_sends_only_the_events_an_endpoint_wants(hook, article, receiver):
    hook.events = ["comment.rejected"]
    hook.save()
    decide(post(article).pk, "approve")

    assert receiver.requests == [] and not Delivery.objects.exists()


def test_it_refuses_old_timestamps():
    body = b"{}"
    old = 1_700_000_000
    assert not signing.verify("k", str(old), body, signing.signature("k", old, body), now=old + 301)
    assert signing.verify("k", str(old), body, signing.signature("k", old, body), now=old + 299)


def test_it_retries_with_backoff_then_gives_up(site, article, receiver):
    receiver.status = 500
    Endpoint.objects.create(site=site, url=receiver.url, secret="k")
    comment = post(article)  # immediate tasks: first attempt now; the retries are scheduled for later
    row = Delivery.objects.get()
    assert (row.status, row.attempts, row.last_status_code) == (DeliveryStatus.PENDING, 1, 500)
    assert row.next_attempt_at - timezone.now() > timedelta(seconds=25)

    for _ in range(delivery.MAX_ATTEMPTS - 1):
        delivery.deliver(row.pk)
    row.refresh_from_db()

    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, delivery.MAX_ATTEMPTS)
    assert len(receiver.requests) == delivery.MAX_ATTEMPTS and comment.pk


def test_it_grows_the_backoff_fourfold():
    assert [delivery.backoff(n).total_seconds() for n in (1, 2, 3)] == [30, 120, 480]


def test_it_never_sends_a_delivery_that_is_not_pending(hook, article, receiver):
    post(article)
    row = Delivery.objects.get()

    assert delivery.deliver(row.pk) == "skipped"
    assert len(receiver.requests) == 1


def test_it_records_an_unreachable_receiver(site, article):
    Endpoint.objects.create(site=site, url="http://127.0.0.1:9/nothing-listens", secret="k")
    post(article)

    row = Delivery.objects.get()
    assert row.status == DeliveryStatus.PENDING and row.last_status_code is None and row.last_error


def test_it_shows_admins_the_delivery_log(admin_client, hook, article):
    post(article)

    response = admin_client.get("/admin/webhooks/delivery/")

    assert response.status_code == 200 and b"comment.created" in response.content


def test_it_lets_an_admin_retry_a_failed_delivery(hook, article, receiver):
    post(article)
    Delivery.objects.update(status=DeliveryStatus.FAILED)

    assert delivery.retry(Delivery.objects.get().pk) is True
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED and len(receiver.requests) == 2
    assert Comment.objects.count() == 1
