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


def left_sending(row, seconds_ago, attempts=0):
    """The state a worker killed in the middle of a POST leaves behind."""
    since = None if seconds_ago is None else timezone.now() - timedelta(seconds=seconds_ago)
    Delivery.objects.filter(pk=row.pk).update(status=DeliveryStatus.SENDING, sending_since=since, attempts=attempts)


def test_it_retries_a_delivery_left_sending_past_its_lease(hook, article, receiver, settings):
    post(article)
    row = Delivery.objects.get()
    left_sending(row, settings.MAJLIS_WEBHOOK_LEASE_SECONDS + 5)

    assert delivery.recover_stale() == [row.pk]  # immediate tasks: the retry runs on commit

    row.refresh_from_db()
    assert (row.status, row.attempts, row.sending_since) == (DeliveryStatus.DELIVERED, 2, None)
    assert len(receiver.requests) == 2  # the first, before the "crash", and the retry


def test_it_leaves_a_delivery_within_its_lease_alone(hook, article, receiver, settings):
    post(article)
    row = Delivery.objects.get()
    left_sending(row, settings.MAJLIS_WEBHOOK_LEASE_SECONDS - 30)

    assert delivery.recover_stale() == []
    assert Delivery.objects.get().status == DeliveryStatus.SENDING and len(receiver.requests) == 1


def test_it_retries_a_delivery_left_sending_before_leases_existed(hook, article, receiver):
    post(article)
    row = Delivery.objects.get()
    left_sending(row, None)

    assert delivery.recover_stale() == [row.pk]
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_it_counts_the_interrupted_attempt_and_gives_up_at_the_last(hook, article, receiver, settings):
    post(article)
    row = Delivery.objects.get()
    left_sending(row, settings.MAJLIS_WEBHOOK_LEASE_SECONDS + 5, attempts=delivery.MAX_ATTEMPTS - 1)

    assert delivery.recover_stale() == []

    row.refresh_from_db()
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, delivery.MAX_ATTEMPTS)
    assert row.last_error.startswith("Interrupted") and len(receiver.requests) == 1


def test_a_slow_attempt_that_lost_its_lease_does_not_overwrite_its_replacement(hook, article, receiver, monkeypatch):
    post(article)
    row = Delivery.objects.get()
    Delivery.objects.filter(pk=row.pk).update(status=DeliveryStatus.PENDING, delivered_at=None)
    real_post = delivery.post

    def post_after_the_lease(*args):
        # The sweep runs while this attempt is in flight, as if it had outlived its lease: its
        # replacement is enqueued and (immediate tasks) delivered before this POST is answered.
        monkeypatch.setattr(delivery, "post", real_post)
        later = timezone.now() + delivery.lease() + timedelta(seconds=1)
        assert delivery.recover_stale(now=later) == [row.pk]
        return 500, "HTTP 500"

    monkeypatch.setattr(delivery, "post", post_after_the_lease)

    assert delivery.deliver(row.pk) == "superseded"
    row.refresh_from_db()
    assert (row.status, row.last_status_code, row.attempts) == (DeliveryStatus.DELIVERED, 204, 3)


def test_the_worker_schedules_the_sweep():
    from majlis.tasks import PERIODIC, recover_webhooks

    period = dict((task.module_path, seconds) for task, seconds in PERIODIC)[recover_webhooks.module_path]
    assert period < 300  # at every look of the worker (every 5 minutes)
