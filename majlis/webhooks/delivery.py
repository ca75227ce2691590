"""One delivery attempt, run by the worker: POST, record the outcome, schedule the retry.

A delivery is claimed with a conditional UPDATE (pending -> sending) before the POST, so even if a
task were ever run twice, or an admin re-queued a delivery that is in flight, the receiver gets it
once per attempt. Backoff: 30 s, 2 min, 8 min, 32 min, ~2 h, then the delivery is marked failed
(``MAX_ATTEMPTS`` attempts in all). Receivers should answer 2xx quickly and deduplicate on the
``X-Majlis-Delivery`` header: a receiver that stored the event but timed out will see a retry.
"""

import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.utils import timezone

from majlis.webhooks import signing
from majlis.webhooks.models import Delivery, DeliveryStatus

MAX_ATTEMPTS = 6
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
    sent by someone else). A retry is enqueued with ``run_after`` when the attempt failed.
    """
    if not Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING).update(status=DeliveryStatus.SENDING):
        return "skipped"
    delivery = Delivery.objects.select_related("endpoint").get(pk=delivery_id)
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    status, error = post(delivery.endpoint.url, body,
                         signing.headers(delivery.endpoint.secret, body, delivery.event, delivery.pk))
    now = now or timezone.now()
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = status, error
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = DeliveryStatus.DELIVERED, now, None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.PENDING, now + backoff(delivery.attempts)
    delivery.save(update_fields=["attempts", "last_status_code", "last_error", "status", "delivered_at", "next_attempt_at"])
    if delivery.status == DeliveryStatus.PENDING:
        schedule_retry(delivery)
    return delivery.status


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
