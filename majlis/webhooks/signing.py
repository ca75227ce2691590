"""The signature integrators check: ``X-Majlis-Signature: sha256=<hex>``.

The signed message is ``"<X-Majlis-Timestamp>.<raw request body>"`` and the key the endpoint's
secret, as Stripe and GitHub do it: the timestamp lets a receiver refuse replays of old requests.
"""

import hashlib
import hmac
import time

TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def headers(secret: str, body: bytes, event: str, delivery_id: int, now: float | None = None) -> dict[str, str]:
    timestamp = int(now if now is not None else time.time())
    return {
        "Content-Type": "application/json",
        "User-Agent": "Majlis-Webhooks/1",
        "X-Majlis-Event": event,
        "X-Majlis-Delivery": str(delivery_id),
        "X-Majlis-Timestamp": str(timestamp),
        "X-Majlis-Signature": signature(secret, timestamp, body),
    }


def verify(secret: str, timestamp: str, body: bytes, given: str, now: float | None = None) -> bool:
    """True when ``given`` signs ``body`` at ``timestamp`` and the timestamp is recent (receiver side)."""
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - ts) > TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(signature(secret, ts, body), given or "")
