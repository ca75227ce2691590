"""API error messages are translated: the language the client asks for, else the article's
(docs/api.md), in the documented shape ``{"detail", "errors"}``."""

import pytest


def post(client, article, body, **headers):
    return client.post(f"/api/v1/articles/{article.slug}/comments", body, content_type="application/json", **headers)


@pytest.mark.parametrize("headers", [{"HTTP_ACCEPT_LANGUAGE": "ar"}, {}], ids=["asked", "article"])
def test_it_translates_a_schema_error_for_a_reader(client, articles, comment_payload, headers):
    response = post(client, articles["ar"], {**comment_payload, "author": 5}, **headers)

    assert response.status_code == 422
    assert response.json() == {"detail": "الطلب غير صالح.", "errors": {"author": ["أدخل نصًا."]}}


def test_it_answers_in_the_language_asked_for_rather_than_the_articles(client, articles, comment_payload):
    response = post(client, articles["ar"], {**comment_payload, "author": 5}, HTTP_ACCEPT_LANGUAGE="tr")

    assert response.json()["errors"] == {"author": ["Bir metin girin."]}


def test_it_translates_an_unreadable_body(client, articles):
    response = post(client, articles["ar"], b'{"author": ')

    assert response.status_code == 400
    assert response.json() == {"detail": "تعذّرت قراءة متن الطلب بصيغة JSON."}


def test_it_translates_an_unknown_article(client, db):
    response = client.get("/api/v1/articles/nope/comments", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 404 and response.json() == {"detail": "غير موجود."}


def test_it_translates_the_moderation_apis_errors(client, bob, token_for):
    headers = {"Authorization": f"Bearer {token_for(bob)}", "Accept-Language": "ar"}

    bad_order = client.get("/api/v1/moderation/queue?order=newest", headers=headers)
    missing = client.post("/api/v1/moderation/comments/999999/decision", {"action": "approve"},
                          content_type="application/json", headers=headers)

    assert bad_order.status_code == 422
    assert bad_order.json()["errors"]["order"][0].startswith("استخدم إحدى هذه القيم: ")
    assert missing.status_code == 404 and missing.json() == {"detail": "غير موجود."}
