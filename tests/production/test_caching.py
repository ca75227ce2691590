"""The public comment list: ETag, 304, Cache-Control, and invalidation by decisions and erasure,
on the lean path (no Origin header) and the full API path (with one) alike."""

import pytest

from majlis.comments import rights
from majlis.comments.models import Comment
from majlis.moderation.services import decide

URL = "/api/v1/articles/council-budget/comments"


@pytest.fixture
def published(article):
    comment = Comment.objects.create(article=article, author_name="Dana", email="dana@example.org",
                                     body="The second table does not add up.", fingerprint="d")
    decide(comment.pk, "approve")
    return comment


def pending(article, n):
    return Comment.objects.create(article=article, author_name=f"R{n}", email=f"r{n}@example.org",
                                  body=f"Comment {n} on the budget.", fingerprint=f"p{n}")


@pytest.mark.parametrize("headers", [{}, {"HTTP_ORIGIN": "http://127.0.0.1:9999"}], ids=["lean", "full"])
def test_it_answers_a_revalidation_with_304(client, published, headers):
    first = client.get(URL, **headers)
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"], **headers)

    assert first.status_code == 200 and again.status_code == 304
    assert first["Cache-Control"].startswith("public, max-age=")
    assert again["ETag"] == first["ETag"]


def test_it_serves_the_same_list_on_both_paths(client, published):
    lean = client.get(URL)
    full = client.get(URL, HTTP_ORIGIN="http://127.0.0.1:9999")

    assert lean.content == full.content and lean["ETag"] == full["ETag"]
    assert lean["Content-Length"] == str(len(lean.content))
    assert lean["X-Content-Type-Options"] == "nosniff" and "Origin" in lean["Vary"]


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_it_changes_the_etag_when_a_decision_changes_the_list(client, article, published, action):
    etag = client.get(URL)["ETag"]
    comment = pending(article, 1)
    decide(comment.pk, action, reason="" if action == "approve" else "off_topic")

    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)

    if action == "approve":
        assert response.status_code == 200 and response.json()["count"] == 2
    else:  # a rejection leaves the public list as it was: revalidation still says 304
        assert response.status_code == 304


def test_it_drops_an_erased_comment_from_the_list_at_once(client, published):
    etag = client.get(URL)["ETag"]
    rights.erase(published)

    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200 and response.json()["comments"] == []


def test_it_updates_the_comment_count_with_the_list(client, article, published):
    comment = pending(article, 2)
    before = {a["slug"]: a["comment_count"] for a in client.get("/api/v1/articles").json()["articles"]}
    decide(comment.pk, "approve")
    after = {a["slug"]: a["comment_count"] for a in client.get("/api/v1/articles").json()["articles"]}

    assert (before["council-budget"], after["council-budget"]) == (1, 2)


def test_it_leaves_unknown_articles_and_other_queries_to_the_api(client, published):
    assert client.get("/api/v1/articles/nope/comments").status_code == 404
    assert client.get(URL + "?page=2").json()["comments"] == []
    assert client.get(URL + "?page=x").status_code == 422
