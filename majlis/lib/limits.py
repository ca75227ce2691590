"""Refuse oversized request bodies early, with a clear ``413``.

Django already refuses a body above ``DATA_UPLOAD_MAX_MEMORY_SIZE``, but only when a view reads it,
and then as a bare HTML "400 Bad Request", also to the JSON API's clients. This middleware answers
first, from the ``Content-Length`` header alone (nothing is read), with ``413 Payload Too Large``:
JSON under ``/api/``, plain text elsewhere. Multipart bodies are left to Django, whose limit counts
form fields but not uploaded files.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _


def _too_large(request, status: int, message: str):
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    return HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")


class RequestSizeLimitMiddleware:
    """Answer ``413`` to a non-multipart body over the limit, ``400`` to an unreadable length."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None or request.content_type == "multipart/form-data":
            return self.get_response(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _too_large(request, 400, _("The Content-Length header is not a number."))
        if length > limit:
            return _too_large(
                request, 413, _("The request is too large: at most %(limit)d KiB.") % {"limit": limit // 1024}
            )
        return self.get_response(request)
