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
"""

import re

from django.conf import settings
from django.http import HttpResponse, JsonResponse
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
