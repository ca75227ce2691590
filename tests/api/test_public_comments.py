"""The public comment endpoints: 202 pending, hidden until approved, 422 per field, never a 500."""

import pytest

from majlis.comments.models import Comment, Status
from majlis.moderation.services import decide


def url(article):
    return f"/api/v1/articles/{article.slug}/comments"


def post(client, article, payload, **headers):
    return client.post(url(article), payload, content_type="application/json", **headers)


def test_it_accepts_a_comment_as_pending(client, article, comment_payload):
    response = post(client, article, comment_payload)

    assert response.status_code == 202
    stored = Comment.objects.get()
    assert response.json() == {"id": stored.pk, "status": "pending"}
    assert stored.status == Status.PENDING and stored.ip_prefix == "127.0.0.0/24"


def test_it_lists_a_comment_only_once_approved(client, article, comment_payload, bob):
    comment_id = post(client, article, comment_payload).json()["id"]
    assert client.get(url(article)).json() == {"count": 0, "comments": [], "next": None}

    decide(comment_id, "approve", moderator=bob)
    listed = client.get(url(article)).json()

    assert listed["count"] == 1
    assert listed["comments"][0]["body"] == comment_payload["body"]
    assert set(listed["comments"][0]) == {"id", "author", "body", "language", "created_at"}


def test_it_revalidates_the_list_with_an_etag(client, article, comment_payload, bob):
    etag = client.get(url(article))["ETag"]
    assert client.get(url(article), HTTP_IF_NONE_MATCH=etag).status_code == 304

    decide(post(client, article, comment_payload).json()["id"], "approve", moderator=bob)

    assert client.get(url(article), HTTP_IF_NONE_MATCH=etag).status_code == 200


@pytest.mark.parametrize("missing", ["author", "email", "body"])
def test_it_answers_422_naming_the_missing_field(client, article, comment_payload, missing):
    payload = {k: v for k, v in comment_payload.items() if k != missing}

    response = post(client, article, payload)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [missing]
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"author": 5, "email": "c@example.org", "body": "Fine words."}, "author"),
        ({"author": "C", "email": ["c@example.org"], "body": "Fine words."}, "email"),
        ({"author": "C", "email": "c@example.org", "body": {"text": "nested"}}, "body"),
    ],
)
def test_it_answers_422_for_wrong_types(client, article, body, field):
    response = post(client, article, body)

    assert response.status_code == 422
    assert field in response.json()["errors"]


@pytest.mark.parametrize("raw", ["{not json", "", "[1, 2]", '"a string"', "null", '{"author": "\\ud800"}'])
def test_it_never_answers_500_to_malformed_json(client, article, raw):
    response = client.post(url(article), raw, content_type="application/json")

    assert response.status_code in (400, 422)
    assert "detail" in response.json()
    assert not Comment.objects.exists()


def test_it_answers_with_the_article_language_when_the_client_names_none(client, articles, comment_payload, catalogue):
    catalogue("ar", {"Please enter your email address.": "يرجى إدخال بريدك الإلكتروني."})

    response = post(client, articles["ar"], {**comment_payload, "email": ""})

    assert response.json()["errors"]["email"] == ["يرجى إدخال بريدك الإلكتروني."]


def test_it_answers_in_the_language_the_client_asks_for(client, articles, comment_payload, catalogue):
    catalogue("ar", {"Please enter your email address.": "يرجى إدخال بريدك الإلكتروني."})

    response = post(client, articles["en"], {**comment_payload, "email": ""}, HTTP_ACCEPT_LANGUAGE="ar")

    assert response.json()["errors"]["email"] == ["يرجى إدخال بريدك الإلكتروني."]


def test_it_answers_429_with_a_message_when_flooded(client, article, comment_payload, settings):
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 1
    post(client, article, comment_payload)

    response = post(client, article, {**comment_payload, "body": "And another thing."})

    assert response.status_code == 429
    assert "wait a few minutes" in response.json()["detail"]


def test_it_allows_three_quick_comments_from_one_address(client, article):
    statuses = [
        post(client, article, {"author": f"R{i}", "email": f"r{i}@example.org", "body": f"Remark {i}."}).status_code
        for i in range(3)
    ]

    assert statuses == [202, 202, 202]


def test_it_acknowledges_a_duplicate_without_storing_it_twice(client, article, comment_payload):
    first = post(client, article, comment_payload).json()
    second = post(client, article, comment_payload).json()

    assert first == second and Comment.objects.count() == 1


def test_it_answers_404_for_an_unknown_article(client, db, comment_payload):
    assert client.post("/api/v1/articles/nope/comments", comment_payload, content_type="application/json").status_code == 404
    assert client.get("/api/v1/articles/nope/comments").status_code == 404


def test_it_pages_long_lists(client, article, monkeypatch):
    from majlis.api import public

    monkeypatch.setattr(public, "PAGE_SIZE", 2)
    for i in range(3):
        Comment.objects.create(article=article, author_name="C", email="c@example.org", body=f"Remark {i}.",
                               fingerprint=str(i), status=Status.APPROVED)

    first = client.get(url(article)).json()
    second = client.get(first["next"]).json()

    assert (first["count"], len(first["comments"]), second["count"], len(second["comments"])) == (3, 2, 3, 1)
    assert second["next"] is None


@pytest.mark.parametrize("language", ["ar", "ckb", "kmr", "tr", "fa"])
def test_it_answers_field_errors_from_the_team_catalogues(client, articles, comment_payload, language):
    response = post(client, articles[language], {**comment_payload, "email": ""}, HTTP_ACCEPT_LANGUAGE=language)

    message = response.json()["errors"]["email"][0]
    assert message and message != "Please enter your email address."
    assert response.json()["detail"] != "Please correct the fields below."
