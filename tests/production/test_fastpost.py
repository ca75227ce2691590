"""The lean POST path (majlis.lib.fastpost) answers exactly as the full API view would, and leaves
every request it must not judge (browsers, cookies, other languages, odd bodies) to the full path."""

import json

import pytest

from majlis.comments.models import Comment
from majlis.lib import fastpost

GOOD = {"author": "Charlie", "email": "charlie@example.org", "body": "A clear report, thank you. The second table helps."}
CASES = {
    "accepted": GOOD,
    "empty": {},
    "bad email": {**GOOD, "email": "not-an-address"},
    "too short": {**GOOD, "body": "ok"},
    "honeypot": {**GOOD, "website": "http://spam.example"},
    "nulls": {"author": None, "email": None, "body": None},
    "extra keys": {**GOOD, "rating": 5},
}


def post(client, slug, data, **headers):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return client.post(f"/api/v1/articles/{slug}/comments?run=7", body, content_type="application/json", **headers)


def full_path(monkeypatch):
    monkeypatch.setattr(fastpost, "wanted", lambda request: None)


def normalized(response) -> tuple:
    """Status, headers and body of an answer, with a new comment's id replaced by a marker."""
    body = json.loads(response.content)
    if isinstance(body.get("id"), int):
        body["id"] = "<id>"
    assert response.headers["Content-Length"] == str(len(response.content))
    headers = sorted((k, v) for k, v in response.headers.items() if k != "Content-Length")  # ids differ in length
    return response.status_code, headers, body


@pytest.fixture
def lean_taken(monkeypatch):
    """Records, per request, whether the lean path answered it."""
    taken = []
    original = fastpost.answer

    def spy(request, slug):
        response = original(request, slug)
        taken.append(response is not None)
        return response

    monkeypatch.setattr(fastpost, "answer", spy)
    return taken


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_it_answers_like_the_full_path(client, articles, monkeypatch, lean_taken, name, language):
    slug = articles[language].slug
    lean = post(client, slug, CASES[name])
    Comment.objects.all().delete()  # so that the full path does not answer a duplicate
    full_path(monkeypatch)
    full = post(client, slug, CASES[name])

    assert lean_taken == [True]
    assert normalized(lean) == normalized(full)


def test_it_stores_the_same_comment_as_the_full_path(client, article, monkeypatch):
    post(client, article.slug, GOOD, REMOTE_ADDR="203.0.113.9")
    lean = Comment.objects.values().get()
    Comment.objects.all().delete()
    full_path(monkeypatch)
    post(client, article.slug, GOOD, REMOTE_ADDR="203.0.113.9")
    full = Comment.objects.values().get()

    ignored = ("id", "created_at")
    assert {k: v for k, v in lean.items() if k not in ignored} == {k: v for k, v in full.items() if k not in ignored}
    assert lean["ip_prefix"] == "203.0.113.0/24" or lean["ip_prefix"]


def test_it_answers_a_retry_with_the_first_comment(client, article, lean_taken):
    first, again = post(client, article.slug, GOOD), post(client, article.slug, GOOD)

    assert lean_taken == [True, True]
    assert (first.status_code, again.status_code) == (202, 202)
    assert json.loads(first.content)["id"] == json.loads(again.content)["id"]
    assert Comment.objects.count() == 1


def test_it_refuses_when_comments_are_closed(client, article, lean_taken):
    article.comments_open = False
    article.save()

    response = post(client, article.slug, GOOD)

    assert lean_taken == [True]
    assert response.status_code == 403
    assert Comment.objects.count() == 0


FALL_THROUGH = {
    "unknown article": ("no-such-article", GOOD, {}),
    "browser on another site": ("council-budget", GOOD, {"HTTP_ORIGIN": "https://evil.example"}),
    "allowed widget origin": ("council-budget", GOOD, {"HTTP_ORIGIN": "http://127.0.0.1:9999"}),
    "cookie": ("council-budget", GOOD, {"HTTP_COOKIE": "sessionid=abc"}),
    "accept-language": ("council-budget", {}, {"HTTP_ACCEPT_LANGUAGE": "ar"}),
    "invalid JSON": ("council-budget", "{not json", {}),
    "JSON list": ("council-budget", "[1, 2]", {}),
    "wrong type": ("council-budget", {**GOOD, "author": 5}, {}),
    "NUL in body": ("council-budget", {**GOOD, "body": "Nul \u0000 inside a long enough comment"}, {}),
}


@pytest.mark.parametrize("name", FALL_THROUGH)
def test_it_leaves_other_requests_to_the_full_path(client, article, monkeypatch, lean_taken, name):
    slug, data, headers = FALL_THROUGH[name]
    response = post(client, slug, data, **headers)
    Comment.objects.all().delete()
    full_path(monkeypatch)
    full = post(client, slug, data, **headers)

    assert True not in lean_taken
    assert response.status_code == full.status_code
    assert response.status_code in (202, 400, 403, 404, 422)
    assert response.content == full.content or response.status_code == 202


def test_it_leaves_oversized_bodies_to_the_full_path(client, article, settings, lean_taken):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64

    response = post(client, article.slug, GOOD)

    assert lean_taken == []
    assert response.status_code == 413


def test_it_is_named_like_the_api_operation_in_metrics(client, article, monkeypatch):
    from majlis.lib import requestlog

    names = []
    original = requestlog.view_name
    monkeypatch.setattr(requestlog, "view_name", lambda request: names.append(original(request)) or names[-1])
    post(client, article.slug, GOOD)
    full_path(monkeypatch)
    post(client, article.slug, {**GOOD, "body": GOOD["body"] + " Again."})

    assert names[0] == names[1]


@pytest.mark.parametrize(
    "setting, value, status",
    [("SECURE_SSL_REDIRECT", True, 301), ("PREPEND_WWW", True, 301), ("ALLOWED_HOSTS", ["elsewhere.example"], 400)],
)
def test_it_leaves_redirects_and_unknown_hosts_to_the_full_path(client, article, settings, lean_taken, setting, value,
                                                                 status):
    setattr(settings, setting, value)

    response = post(client, article.slug, GOOD)

    assert lean_taken == []
    assert response.status_code == status
    assert Comment.objects.count() == 0
