"""Refuse requests that no view should see, early and with a clear 4xx.

- **Oversized bodies**: Django refuses a body above ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when a
  view reads it, and then as a bare HTML "400 Bad Request", also to the JSON API's clients. Here
  the ``Content-Length`` header alone (nothing is read) gets ``413 Payload Too Large``. Multipart
  bodies are left to Django, whose limit counts form fields but not uploaded files.
- **NUL characters** in the path, the query string or a JSON body: PostgreSQL cannot store or even
  compare a string holding NUL (psycopg raises, which would be a 500), and no reader or integrator
  needs one. They get ``400`` (path, query) or ``422`` (JSON body, like any invalid field). Form
  bodies are left to Django's forms, which refuse NUL per field with a translated message.

Answers are JSON under ``/api/`` and plain text elsewhere.

``allow()`` (below) is the rate limiter for actions that leave no row of their own to count (the
comment submission chain counts stored comments instead): a data-rights request, for example.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

# A JSON \u0000 escape, not preceded by an escaped backslash (``"\\u0000"`` is the text \u0000).
JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000|\x00")


def _refuse(request, status: int, message: str):
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _too_large(request):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or request.content_type == "multipart/form-data":
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _refuse(request, 400, _("The Content-Length header is not a number."))
    if length > limit:
        return _refuse(request, 413, _("The request is too large: at most %(limit)d KiB.") % {"limit": limit // 1024})
    return None


def _nul(request):
    query = request.META.get("QUERY_STRING", "")
    if "\x00" in request.path or "%00" in query or "\x00" in query:
        return _refuse(request, 400, _("The address contains a NUL character."))
    if request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json":
        if JSON_NUL.search(request.body):
            message = _("Null characters are not allowed.")
            return JsonResponse({"detail": message, "errors": {"body": [message]}}, status=422)
    return None


class RequestLimitsMiddleware:
    """Answer oversized bodies and NUL characters before any view runs (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return _too_large(request) or _nul(request) or self.get_response(request)


# ---- Rate limits on actions (a data-rights email, ...), shared by every process and node ----
#
# Each counted action is a row (``majlis.models.RateLimitHit``) keyed by an HMAC of the limit's
# scope and the value limited (an email address, a network), so the table holds no address in
# clear. Counting, then inserting, is not atomic: requests racing at the very limit may pass it by
# one or two, which a limit against abuse can afford.

LONGEST_WINDOW = timedelta(days=1)


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` actions per ``window`` for each value of ``scope``; a limit of 0 is off."""

    scope: str
    limit: int
    window: timedelta

    def __post_init__(self):
        assert self.window <= LONGEST_WINDOW, "prune() keeps hits for LONGEST_WINDOW only"


def hit_key(scope: str, value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{scope}\0{value}".encode(), hashlib.sha256).hexdigest()


def allow(*checks: tuple[Rate, str], now=None) -> bool:
    """Count one action against each ``(rate, value)`` and return True; or, when any value has
    reached its rate's limit within the window, count nothing and return False (so refused
    requests do not keep a limit closed). Empty values and rates of 0 are not checked."""
    from majlis.models import RateLimitHit

    now = now or timezone.now()
    keys = [(rate, hit_key(rate.scope, value)) for rate, value in checks if rate.limit and value]
    for rate, key in keys:
        if RateLimitHit.objects.filter(key=key, created_at__gt=now - rate.window).count() >= rate.limit:
            return False
    RateLimitHit.objects.bulk_create([RateLimitHit(key=key, created_at=now) for _, key in keys])
    return True


def prune(now=None) -> int:
    """Delete the hits older than ``LONGEST_WINDOW`` (the worker's periodic task); returns how many."""
    from majlis.models import RateLimitHit

    deleted, _ = RateLimitHit.objects.filter(created_at__lt=(now or timezone.now()) - LONGEST_WINDOW).delete()
    return deleted
