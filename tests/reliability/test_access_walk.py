"""Every URL of the project, visited by people who must not get in.

The walk covers ``django.urls.get_resolver()`` recursively, so a new view is visited the day it is
added. Each pattern's parameters are filled with real objects of site A (``FILLERS``); a parameter
nobody knows how to fill fails the test, so that nothing is silently left out.

Who visits, with GET and with a POST that would do harm if the view forgot its guard (approve the
pending comment):

- an anonymous visitor and Charlie, a reader with an account but no staff role: outside
  ``PUBLIC`` they get a redirect to a login page, 400, 401, 403, 404 or 405, never a 200;
- Dave, a moderator of site B (session and API token): he may open the workspace, but no page may
  show him site A's secrets.

Every answer, public pages included, is checked for the secret markers of ``conftest.SECRETS``
(pending and rejected bodies, commenters' emails), and afterwards no comment has been decided.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from majlis.comments.models import Comment, Status
from majlis.moderation.models import Decision

from reliability_fixtures import SECRETS

# URL names anyone may open. Adding a name here is a security decision: say why.
PUBLIC = {
    "healthz": "liveness probe, no data",
    "readyz": "readiness probe, no data",
    "metrics": "aggregate counts only (no text, no people); MAJLIS_METRICS_TOKEN locks it, deploy/ keeps it local",
    "api:openapi-json": "the API's public description",
    "api:api-root": "the API's root",
    "api:list_articles": "public list of articles",
    "api:list_comments": "approved comments only",
    "api:post_comment": "readers post comments",
    "api:screen_text": "screening a text stores nothing",
    "publications:index": "the article list",
    "publications:article": "article page with approved comments and the comment form",
    "accounts:login": "the login page",
    "accounts:logout": "logging out",
    "api:comments_preflight": "CORS preflight of the widget (same path as the comment list)",
    "api:widget_article": "the widget's article lookup (public data)",
    "api:widget_strings": "the widget's translated strings",
    "set_language": "Django's language switch (a cookie, no data)",
    "rights:ask": "a reader asks for their data or its erasure; the answer goes to their email",
    "rights:confirm": "signed link from that email: the signature is the credential",
    "moderation:email_decision": "signed link from a moderator's email: the signature is the credential",
    "admin:login": "Django admin's login page",
    "admin:logout": "Django admin's logout",
    "admin:view_on_site": "Django's shortcut redirects to an object's public URL (only for models with one)",
    "admin:?": "admin's catch-all and old-style redirects: they redirect to login or 404",
}
ALLOWED_REFUSALS = {400, 401, 403, 404, 405}
GRABBY_POST = {"action": "approve", "reason": "", "note": "walker"}


def walk(patterns, prefix="", namespace=""):
    """Yield (route, name, pattern object) for every URL pattern, resolvers flattened."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name or "?"]))
            yield prefix + str(entry.pattern), name, entry


def fillers(world) -> dict:
    """A real value for each path parameter the project uses, named as in the URL patterns."""
    pending = world["pending"]
    return {
        "slug": world["article"].slug,
        "article_slug": world["article"].slug,
        "comment_id": str(pending.pk),
        "pk": str(pending.pk),
        "id": str(world["erin_profile"].user_id),
        "object_id": str(pending.pk),
        "user_id": str(world["erin_profile"].user_id),
        "site_id": str(world["site"].pk),
        "app_label": "auth",
        "content_type_id": str(ContentType.objects.get_for_model(Comment).pk),
        "url": "no-such-page/",
        "token": "not-a-real-signed-token",
    }


def route_fillers(world) -> dict:
    """Where ``pk`` names something other than a comment: the first route prefix that matches wins."""
    return {
        "accounts/moderators/": {"pk": str(world["erin_profile"].pk)},
        "accounts/tokens/": {"pk": str(world["erin_token"].pk)},
        "admin/auth/user/": {"object_id": str(world["erin_profile"].user_id)},
    }


def concrete(route: str, values: dict) -> str:
    """Turn a route or regex into a path with every parameter filled; fail on an unknown one."""

    def value(name):
        assert name in values, f"the URL walker does not know how to fill <{name}> in {route!r}: add it to fillers()"
        return values[name]

    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: value(m.group(1)), route)  # regex groups first
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: value(m.group(1)), path)
    path = path.replace("^", "").replace("$", "")
    assert not re.search(r"[()<>\\]", path), f"unfilled pattern left in {path!r}"
    return "/" + path


def every_url(world):
    urls = []
    for route, name, _ in walk(get_resolver().url_patterns):
        values = fillers(world)
        values.update(next((v for prefix, v in route_fillers(world).items() if route.startswith(prefix)), {}))
        urls.append((name, concrete(route, values)))
    return urls


def visitor(who, world) -> Client:
    """A fresh client per request: logging out (a public URL) must not turn the next visit anonymous."""
    if who == "anonymous":
        return Client()
    if who == "reader":
        client = Client()
        client.force_login(world["charlie"])
        return client
    client = Client(headers={"Authorization": f"Bearer {world['dave_token']}"})
    client.force_login(world["dave"])
    return client


VISITORS = ("anonymous", "reader", "other_moderator")


def request(client, method, path):
    if method == "get":
        return client.get(path)
    if path.startswith("/api/"):
        return client.post(path, GRABBY_POST, content_type="application/json")
    return client.post(path, GRABBY_POST)


def leaks(response) -> list[str]:
    text = getattr(response, "content", b"").decode("utf-8", "replace") + response.get("Location", "")
    return [key for key, marker in SECRETS.items() if marker in text]


def refused(response) -> bool:
    if response.status_code in ALLOWED_REFUSALS:
        return True
    return response.status_code in (301, 302, 303) and "login" in response.get("Location", "")


def test_it_visits_every_url_pattern_of_the_project(world):
    names = {name for name, _ in every_url(world)}
    assert {"publications:article", "api:decision", "api:queue", "moderation:queue", "admin:index"} <= names
    assert len(names) >= 20


def audit(world, method) -> list[str]:
    """Visit every URL as every outsider; return what went wrong, one line per finding."""
    problems = []
    for who in VISITORS:
        for name, path in every_url(world):
            response = request(visitor(who, world), method, path)
            if response.status_code >= 500:
                problems.append(f"{who} {method.upper()} {path} ({name}): server error {response.status_code}")
            if leaks(response):
                problems.append(f"{who} {method.upper()} {path} ({name}): shows {leaks(response)}")
            if who != "other_moderator" and name not in PUBLIC and not refused(response):
                problems.append(f"{who} {method.upper()} {path} ({name}): {response.status_code}, expected a refusal")
    return problems


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_lets_no_outsider_into_a_staff_page(world, method):
    problems = audit(world, method)
    assert problems == [], "\n".join(problems)
    assert Decision.objects.count() == 0
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert (statuses[world["pending"].pk], statuses[world["rejected"].pk]) == (Status.PENDING, Status.REJECTED)
    world["erin_profile"].refresh_from_db()
    world["erin_token"].refresh_from_db()
    assert world["erin_profile"].is_locked and world["erin_token"].revoked_at is None


def test_it_keeps_the_public_allow_list_honest(world):
    names = {name for name, _ in every_url(world)}
    assert set(PUBLIC) - names == set(), "PUBLIC names a URL that no longer exists"


@pytest.mark.urls("unguarded_urls")
def test_it_catches_a_view_added_without_a_guard(world):
    problems = audit(world, "get")
    assert "anonymous GET /moderation/leak/ (unguarded): 200, expected a refusal" in problems
    assert "other_moderator GET /moderation/leak/ (unguarded): shows ['pending_body']" in problems
