"""One delivery attempt, run by the worker: POST, record the outcome, schedule the retry.

A delivery is claimed with a conditional UPDATE (pending -> sending, stamped ``sending_since``)
before the POST, so even if a task were ever run twice, or an admin re-queued a delivery that is in
flight, the receiver gets it once per attempt. Backoff: 30 s, 2 min, 8 min, 32 min, ~2 h, then the
delivery is marked failed (``MAX_ATTEMPTS`` attempts in all). Receivers should answer 2xx quickly
and deduplicate on the ``X-Majlis-Delivery`` header: a receiver that stored the event but timed out
will see a retry.

A worker killed in the middle of a POST leaves its delivery "sending". The claim is a lease:
``recover_stale()`` (the worker's periodic ``recover_webhooks`` task) puts a delivery claimed more
than ``MAJLIS_WEBHOOK_LEASE_SECONDS`` ago back to pending, counting the interrupted attempt, and
enqueues it again. The attempt's outcome is recorded only by the worker still holding the claim
(the row's ``attempts`` is the fencing token), so a worker that was merely slow cannot overwrite
the attempt that replaced it. The receiver may then see the event twice (it may already have had
the interrupted one), which ``X-Majlis-Delivery`` lets it recognise.
"""

import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from majlis.webhooks import signing
from majlis.webhooks.models import Delivery, DeliveryStatus

MAX_ATTEMPTS = 6
INTERRUPTED = "Interrupted: the worker stopped before the attempt finished."
FIRST_DELAY = timedelta(seconds=30)
TIMEOUT_SECONDS = 10


def backoff(attempts: int) -> timedelta:
    """Delay before the next attempt, after ``attempts`` failed ones: 30 s x 4^(attempts-1)."""
    return FIRST_DELAY * (4 ** max(0, attempts - 1))


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int | None, str]:
    """``(status, error)``: the HTTP status (None when no answer came) and an error text."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]


def deliver(delivery_id: int, now=None) -> str:
    """Attempt one delivery; return its status afterwards (``delivered``, ``pending`` or ``failed``).

    Returns ``"skipped"`` when the delivery was not pending (already delivered, failed, or being
    sent by someone else), and ``"superseded"`` when this attempt outlived its lease and another
    took its place (its outcome is then not recorded, except that a success stops a retry that has
    not started). A retry is enqueued with ``run_after`` when the attempt failed.
    """
    claimed = Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING)
    if not claimed.update(status=DeliveryStatus.SENDING, sending_since=timezone.now()):
        return "skipped"
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    status, error = post(delivery.endpoint.url, body,
                         signing.headers(delivery.endpoint.secret, body, delivery.event, delivery.pk))
    now = now or timezone.now()
    held = Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.SENDING, attempts=delivery.attempts)
    outcome = {"attempts": delivery.attempts + 1, "last_status_code": status, "last_error": error, "sending_since": None}
    if status is not None and 200 <= status < 300:
        outcome.update(status=DeliveryStatus.DELIVERED, delivered_at=now, next_attempt_at=None)
        if held.update(**outcome):
            return DeliveryStatus.DELIVERED
        # Superseded: the retry that replaced this attempt need not run if it has not started.
        Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.DELIVERED, delivered_at=now, next_attempt_at=None, last_status_code=status, last_error="")
        return "superseded"
    if outcome["attempts"] >= MAX_ATTEMPTS:
        outcome.update(status=DeliveryStatus.FAILED, next_attempt_at=None)
    else:
        outcome.update(status=DeliveryStatus.PENDING, next_attempt_at=now + backoff(outcome["attempts"]))
    if not held.update(**outcome):
        return "superseded"
    if outcome["status"] == DeliveryStatus.PENDING:
        delivery.next_attempt_at = outcome["next_attempt_at"]
        schedule_retry(delivery)
    return outcome["status"]


def lease() -> timedelta:
    return timedelta(seconds=settings.MAJLIS_WEBHOOK_LEASE_SECONDS)


def recover_stale(now=None) -> list[int]:
    """Retry the deliveries left "sending" for longer than the lease (their worker died mid-send).

    Each is put back to pending with the interrupted attempt counted (failed once it reaches
    ``MAX_ATTEMPTS``) and enqueued again, due at once; returns the ids put back to pending. A row
    from before the lease existed (``sending_since`` empty) counts as stale. Safe to run from
    several workers at once: each row is taken back with a conditional UPDATE, and ``deliver()``
    claims it once.
    """
    now = now or timezone.now()
    stale = Delivery.objects.filter(Q(sending_since__lt=now - lease()) | Q(sending_since__isnull=True),
                                    status=DeliveryStatus.SENDING)
    interrupted = {"attempts": F("attempts") + 1, "sending_since": None, "last_status_code": None, "last_error": INTERRUPTED}
    requeued = []
    for pk, attempts, since in stale.values_list("pk", "attempts", "sending_since"):
        row = Delivery.objects.filter(pk=pk, status=DeliveryStatus.SENDING, attempts=attempts, sending_since=since)
        if attempts + 1 >= MAX_ATTEMPTS:
            row.update(status=DeliveryStatus.FAILED, next_attempt_at=None, **interrupted)
        elif row.update(status=DeliveryStatus.PENDING, next_attempt_at=now, **interrupted):
            requeued.append(pk)
    transaction.on_commit(lambda: _enqueue(requeued))
    return requeued


def _enqueue(ids: list[int]) -> None:
    from majlis.tasks import deliver_webhook

    for delivery_id in ids:
        deliver_webhook.enqueue(delivery_id)


def schedule_retry(delivery: Delivery) -> bool:
    """Enqueue the next attempt for ``next_attempt_at``. Backends that cannot defer a task (the
    immediate one of the tests) leave it pending; the database backend of ``majlis worker`` can."""
    from majlis.tasks import deliver_webhook

    if not deliver_webhook.get_backend().supports_defer:
        return False
    deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return True


def retry(delivery_id: int) -> bool:
    """Put a failed delivery back in the queue (admin action); True if it was failed."""
    if not Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.FAILED).update(
        status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=None
    ):
        return False
    from majlis.tasks import deliver_webhook

    deliver_webhook.enqueue(delivery_id)
    return True
