"""The article page: language and direction, text-size controls, guidelines, approved comments only."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.comments.models import Comment, Status
from majlis.publications.views import COMMENTS_PER_PAGE


def make_comment(article, body, status=Status.APPROVED, author="Charlie", minutes_ago=0):
    return Comment.objects.create(
        article=article, author_name=author, email="charlie@example.org", body=body, status=status,
        fingerprint=body, created_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl"), ("kmr", "ltr"), ("tr", "ltr"), ("fa", "rtl")]
)
def test_it_speaks_the_article_language_and_direction(client, articles, language, direction):
    response = client.get(articles[language].get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in response.text
    assert response["Content-Language"] == language


def test_it_shows_headline_byline_body_and_credits(client, article):
    article.author = "Rana Aziz"
    article.additional_reporting = "Karwan Ali, Elif Demir"
    article.save()

    page = client.get(article.get_absolute_url()).text

    assert "<h1>Council publishes its budget for the year</h1>" in page
    assert "By Rana Aziz" in page and "<time datetime=" in page
    assert "<p>The vote was close.</p>" in page
    assert "Additional reporting by Karwan Ali, Elif Demir" in page


def test_it_offers_text_size_buttons_with_accessible_names(client, article):
    page = client.get(article.get_absolute_url()).text

    buttons = re.findall(r'<button type="button" class="text-size-button" data-text-size="(\w+)">(.*?)</button>', page)
    assert [b[0] for b in buttons] == ["down", "up"]
    assert 'dir="ltr">A−</span> <span class="visually-hidden">Smaller text' in buttons[0][1]
    assert 'dir="ltr">A+</span> <span class="visually-hidden">Larger text' in buttons[1][1]
    assert 'aria-live="polite" data-text-size-status' in page


def test_it_scales_the_article_and_the_comments_from_the_static_script(client, article):
    page = client.get(article.get_absolute_url()).text

    assert page.count("data-scalable") == 2
    assert '<script src="/static/majlis/reader.js" defer></script>' in page
    assert "<script>" not in page  # the CSP allows no inline script


def test_it_shows_the_site_guidelines_in_the_article_language(client, articles):
    assert "<li>التزم بالموضوع.</li>" in client.get(articles["ar"].get_absolute_url()).text
    assert "<li>No insults.</li>" in client.get(articles["en"].get_absolute_url()).text
    assert "<li>No insults.</li>" in client.get(articles["tr"].get_absolute_url()).text  # falls back to English


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.WITHDRAWN])
def test_it_hides_comments_that_are_not_approved(client, article, status):
    make_comment(article, "Not for the public yet.", status=status)

    page = client.get(article.get_absolute_url()).text

    assert "Not for the public yet." not in page
    assert "0 comments" in page


def test_it_lists_approved_comments_newest_first_with_count(client, article):
    make_comment(article, "The older remark.", minutes_ago=30)
    make_comment(article, "The newer remark.", minutes_ago=5)

    page = client.get(article.get_absolute_url()).text

    assert "2 comments" in page
    assert page.index("The newer remark.") < page.index("The older remark.")


def test_it_isolates_names_and_lets_bodies_find_their_direction(client, article):
    make_comment(article, "رأي مختلف\nسطر ثانٍ", author="سارا")

    page = client.get(article.get_absolute_url()).text

    assert '<bdi class="comment-author">سارا</bdi>' in page
    assert '<div class="comment-body" dir="auto">رأي مختلف<br>سطر ثانٍ</div>' in page


def test_it_escapes_everything_a_reader_wrote(client, article):
    make_comment(article, '<script>alert(1)</script><img src=x onerror=alert(2)>', author="<b onmouseover=alert(3)>R</b>")

    page = client.get(article.get_absolute_url()).text

    assert "<script>alert(1)" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_it_pages_the_comments(client, article):
    for i in range(COMMENTS_PER_PAGE + 3):
        make_comment(article, f"Remark number {i:02d}.", minutes_ago=100 - i)

    first = client.get(article.get_absolute_url()).text
    second = client.get(article.get_absolute_url() + "?page=2").text

    assert f"{COMMENTS_PER_PAGE + 3} comments" in first
    assert "Remark number 22." in first and "Remark number 02." not in first
    assert "Remark number 02." in second and 'rel="prev"' in second
    assert client.get(article.get_absolute_url() + "?page=zzz").status_code == 200


def test_it_answers_404_for_an_unknown_article(client, db):
    assert client.get("/articles/no-such-article/").status_code == 404


def test_it_says_when_comments_are_closed(client, article):
    article.comments_open = False
    article.save()

    page = client.get(article.get_absolute_url()).text

    assert "Comments are closed on this article." in page and 'id="comment-form"' not in page
