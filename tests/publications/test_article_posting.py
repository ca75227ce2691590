"""Posting through the article page's form: errors per field in the page's language, the moderation
notice, CSRF, the honeypot, the translated 429."""

import re

import pytest
from django.test import Client

from majlis.comments.models import Comment, Status

TYPED = {"author": "Charlie", "email": "charlie@example.org", "body": "A clear report, thank you."}


def post(client, article, **changes):
    return client.post(article.get_absolute_url(), {**TYPED, **changes})


def test_it_stores_the_comment_as_pending_and_shows_the_notice(client, article):
    response = post(client, article)

    assert response.status_code == 302 and response["Location"].endswith("#moderation-notice")
    assert Comment.objects.get().status == Status.PENDING
    page = client.get(response["Location"]).text
    assert 'id="moderation-notice"' in page and "awaits moderation" in page
    assert "A clear report, thank you." not in page  # not public until approved


def test_it_shows_the_comment_once_approved(client, article):
    post(client, article)
    Comment.objects.update(status=Status.APPROVED)

    assert "A clear report, thank you." in client.get(article.get_absolute_url()).text


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("author", "", "Please enter your name."),
        ("email", "", "Please enter your email address."),
        ("email", "charlie-at-example", "Please enter a valid email address."),
        ("body", "", "Please write a comment."),
        ("body", "x", "Comments need at least 2 characters."),
    ],
)
def test_it_answers_422_with_the_error_beside_its_field_and_keeps_what_was_typed(client, article, field, value, message):
    response = post(client, article, **{field: value})

    assert response.status_code == 422
    page = response.text
    assert f'<p class="field-error" id="id_{field}_error">{message}</p>' in page
    assert 'aria-invalid="true"' in page
    assert re.search(f'aria-describedby="[^"]*id_{field}_error"', page)
    kept = {k: v for k, v in TYPED.items() if k != field}
    for typed in kept.values():
        assert typed in page
    assert not Comment.objects.exists()


def test_it_answers_422_with_every_error_for_an_empty_post(client, article):
    response = client.post(article.get_absolute_url(), {})

    assert response.status_code == 422
    assert response.text.count('class="field-error"') == 3


def test_it_writes_the_errors_in_the_article_language(client, articles, catalogue):
    catalogue("ar", {"Please enter your email address.": "يرجى إدخال بريدك الإلكتروني."})

    response = post(client, articles["ar"], email="", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 422
    assert "يرجى إدخال بريدك الإلكتروني." in response.text


def test_it_refuses_a_post_without_the_csrf_token(article):
    response = Client(enforce_csrf_checks=True).post(article.get_absolute_url(), TYPED)

    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_it_accepts_a_post_with_the_csrf_token(article):
    browser = Client(enforce_csrf_checks=True)
    browser.get(article.get_absolute_url())

    response = browser.post(article.get_absolute_url(), {**TYPED, "csrfmiddlewaretoken": browser.cookies["csrftoken"].value})

    assert response.status_code == 302


def test_it_refuses_a_filled_honeypot(client, article):
    response = post(client, article, website="http://cheap-pills.example")

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_it_hides_the_honeypot_from_people(client, article):
    page = client.get(article.get_absolute_url()).text

    assert '<div class="hp" aria-hidden="true">' in page and 'name="website"' in page and 'tabindex="-1"' in page


def test_it_answers_a_flood_with_a_translated_429_keeping_the_text(client, articles, settings, catalogue):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 2
    too_many = "You have posted several comments in a short time. Please wait a few minutes and try again."
    catalogue("ar", {too_many: "لقد نشرت عدة تعليقات في وقت قصير."})
    for i in range(2):
        post(client, articles["ar"], email=f"reader{i}@example.org")

    response = post(client, articles["ar"], email="reader9@example.org", body="تعليق ثالث")

    assert response.status_code == 429
    assert "لقد نشرت عدة تعليقات في وقت قصير." in response.text and "تعليق ثالث" in response.text
    assert Comment.objects.count() == 2


def test_it_stores_a_double_submission_once(client, article):
    post(client, article)
    second = post(client, article)

    assert second.status_code == 302
    assert Comment.objects.count() == 1


def test_it_stores_the_name_without_invisible_characters(client, article):
    post(client, article, author="\u202eChar\u200blie")

    assert Comment.objects.get().author_name == "Charlie"


@pytest.mark.parametrize("language", ["ar", "ckb", "kmr", "tr", "fa"])
def test_it_speaks_the_team_translation_in_errors_and_the_429(client, articles, settings, language):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 1
    invalid = post(client, articles[language], email="", HTTP_ACCEPT_LANGUAGE="en")
    post(client, articles[language])

    flooded = post(client, articles[language], email="other@example.org", body="Another remark.")

    assert invalid.status_code == 422 and "Please enter your email address." not in invalid.text
    assert "Post a comment" not in invalid.text
    assert flooded.status_code == 429 and "Please wait a few minutes" not in flooded.text
