"""A lean path for the hottest request: an article's approved comments, read by every reader.

``GET /api/v1/articles/<slug>/comments[?page=N]`` is answered here, first in the middleware
stack, with the same body and ETag as the API view (``majlis.api.public``), but without the
session, locale, CSRF, auth, message and routing layers that a public, anonymous, read-only JSON
list does not need. Why it is safe:

- The answer is a pure function of ``(article id, public_version, page)``. One indexed query
  reads the current ``public_version`` on every request, and the rendered body is cached per
  process under that key, so a decision (which bumps the version) is visible at once on every
  worker and node: nothing is ever invalidated, old keys just fall out of the small LRU.
- Requests carrying an ``Origin`` header (the embed widget on another site) take the full path,
  where the widget's CORS rules apply; so do HEAD, other query strings and unknown articles.
- The response carries the same security headers as every other answer.
"""

import re
from collections import OrderedDict
from threading import Lock

from django.db import connection
from django.http import HttpResponse, HttpResponseNotModified

from majlis.lib.headers import CSP

PATH = re.compile(r"^/api/v1/articles/(?P<slug>[-a-zA-Z0-9_]+)/comments$")
PAGE = re.compile(r"^page=(?P<page>[1-9][0-9]{0,5})$")
# Same policy as the API view: a CDN may keep a list for 10 s and serve it stale while it
# revalidates; revalidation is a cheap 304 as long as no decision changed the list.
CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30"
HEADERS = (
    ("Cache-Control", CACHE_CONTROL),
    ("Vary", "Origin"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", CSP),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)
VERSION_SQL = "SELECT id, public_version FROM publications_article WHERE slug = %s"


class BodyCache:
    """A small per-process LRU of rendered pages: ETag -> body bytes."""

    def __init__(self, size: int = 256):
        self.size = size
        self.items: OrderedDict[str, bytes] = OrderedDict()
        self.lock = Lock()

    def get(self, key: str) -> bytes | None:
        with self.lock:
            body = self.items.get(key)
            if body is not None:
                self.items.move_to_end(key)
            return body

    def put(self, key: str, body: bytes) -> None:
        with self.lock:
            self.items[key] = body
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


BODIES = BodyCache()


def etag_for(article_id: int, version: int, page: int) -> str:
    """The list's validator; ``majlis.api.public`` builds the same one."""
    return f'"{article_id}-{version}-{page}"'


def wanted(request) -> tuple[str, int] | None:
    """``(slug, page)`` when this request is one the lean path answers, else ``None``."""
    if request.method != "GET" or "HTTP_ORIGIN" in request.META:
        return None
    match = PATH.match(request.path_info)
    if match is None:
        return None
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return match["slug"], 1
    page = PAGE.match(query)
    return (match["slug"], int(page["page"])) if page else None


def answer(request, slug: str, page: int):
    """The list response, or ``None`` for an unknown article (the full path answers the 404)."""
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    etag = etag_for(row[0], row[1], page)
    if etag in request.META.get("HTTP_IF_NONE_MATCH", ""):
        response = HttpResponseNotModified()
    else:
        body = BODIES.get(etag)
        if body is None:
            from majlis.api.public import render_page

            body = render_page(row[0], slug, page)
            BODIES.put(etag, body)
        response = HttpResponse(body, content_type="application/json")
        response["Content-Length"] = str(len(body))  # CommonMiddleware, which would set it, is skipped
    response["ETag"] = etag
    for name, value in HEADERS:
        response[name] = value
    return response


class PublicListMiddleware:
    """First in ``MIDDLEWARE``: answers the public comment list without the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        target = wanted(request)
        if target is not None:
            response = answer(request, *target)
            if response is not None:
                request.lean_path = True
                return response
        return self.get_response(request)
