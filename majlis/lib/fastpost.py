"""A lean path for posting a comment from a client that is not a browser on another site.

``POST /api/v1/articles/<slug>/comments`` with a JSON body is answered here, early in the
middleware stack, by the same code as the API view (``majlis.api.public.submit_payload``: the
comment form, then ``majlis.comments.submission.submit``), so the status and body are the same
byte for byte; the session, locale, CSRF, auth, message layers and django-ninja's routing and
parsing, which such a request does not use, are skipped. Taken only when the full path would
treat the request identically:

- no ``Origin`` (the widget and every browser POST send one: they keep the full path with its
  CORS and origin rules), no ``Cookie`` (no session, no CSRF), no ``Accept-Language`` (the
  answer is in the article's language, as the full path gives it without that header);
- a JSON object body within the size limit, without NUL, that the API's ``CommentIn`` schema
  accepts; a host that ``ALLOWED_HOSTS`` accepts; no HTTPS or www redirect due, no user-agent
  blocking configured;
- a known article (404s come from the full path).

Anything else falls through to the full stack unchanged (the body Django read is kept on the
request). Answers carry the headers the full stack adds (tests/production/test_fastpost.py
compares both paths).
"""

import json
import re
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import translation
from pydantic import ValidationError

from majlis.lib.headers import CSP
from majlis.lib.limits import JSON_NUL

PATH = re.compile(r"^/api/v1/articles/(?P<slug>[-a-zA-Z0-9_]+)/comments$")
REFUSING = ("HTTP_ORIGIN", "HTTP_ACCEPT_LANGUAGE")  # present at all: the full path's test too
# What the request log and metrics call this request: the name django-ninja gives the URL pattern
# (shared by the list and the post operations), so both paths count in one series.
ROUTE = SimpleNamespace(url_name="list_comments", view_name="api:list_comments")


def wanted(request) -> str | None:
    """The article slug when this request may take the lean path, else ``None``."""
    meta = request.META
    if request.method != "POST" or meta.get("HTTP_COOKIE") or any(name in meta for name in REFUSING):
        return None
    if request.content_type != "application/json":
        return None
    match = PATH.match(request.path_info)
    if match is None:
        return None
    query = meta.get("QUERY_STRING", "")
    if "%00" in query or "\x00" in query:
        return None
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return None
    if settings.PREPEND_WWW or settings.DISALLOWED_USER_AGENTS:  # CommonMiddleware's redirect or 403
        return None
    try:
        length = int(meta.get("CONTENT_LENGTH") or 0)
        request.get_host()
    except (ValueError, DisallowedHost):
        return None
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is not None and length > limit:
        return None
    return match["slug"]


def payload_of(request):
    """The body as the API's ``CommentIn``, or ``None`` when the full path must judge it."""
    from majlis.api.schemas import CommentIn

    body = request.body
    if JSON_NUL.search(body):
        return None
    try:
        data = json.loads(body)
        return CommentIn.model_validate(data) if isinstance(data, dict) else None
    except (ValueError, ValidationError):
        return None


def answer(request, slug: str):
    """The API view's answer, or ``None`` to let the full path answer."""
    from majlis.api.public import submit_payload
    from majlis.comments.submission import article_for_post

    payload = payload_of(request)
    if payload is None:
        return None
    article = article_for_post(slug)
    if article is None:
        return None
    with translation.override(article.language):
        status, body = submit_payload(request, article, payload)
        response = HttpResponse(
            json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False),
            status=status, content_type="application/json; charset=utf-8",
        )
    # As LocaleMiddleware labels the full path's answer: the request's language, which without
    # Accept-Language or a cookie is LANGUAGE_CODE (the body is in the article's language there too).
    response["Content-Language"] = settings.LANGUAGE_CODE
    return finish(request, response)


def finish(request, response):
    """The headers the full stack would add (security, CORS's Vary, locale, length)."""
    response["Content-Length"] = str(len(response.content))
    response["Vary"] = "Origin, Accept-Language"  # CORS and locale vary the full path's answer
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY or "same-origin"
    response["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY or "same-origin"
    response["Content-Security-Policy"] = CSP
    response["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if request.is_secure() and settings.SECURE_HSTS_SECONDS:
        response["Strict-Transport-Security"] = f"max-age={settings.SECURE_HSTS_SECONDS}"
    return response


class PublicPostMiddleware:
    """Right after the public-list middleware: answers API comment posts without the rest."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        slug = wanted(request)
        if slug is not None:
            response = answer(request, slug)
            if response is not None:
                request.resolver_match = ROUTE
                return response
        return self.get_response(request)
