"""Reader pages in Kurmanji, Sorani and Arabic: dates, Django's own messages and the masthead are in
the page's language (Django has no Kurmanji and no Arabic date-time order: majlis/formats/ and our
catalogue supply them; Sorani months are the Gregorian names Iraqi Kurdish writes, not Django's)."""

from datetime import datetime, timezone

import pytest

from majlis.comments.models import Comment, Status

DECEMBER_1 = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("language, date", [
    ("kmr", "1 kanûn 2026"), ("ckb", "1 کانوونی یەکەم 2026"), ("ar", "1 ديسمبر 2026"), ("fa", "1 دسامبر 2026"),
    ("tr", "01 Aralık 2026"),
])
def test_it_writes_the_publication_date_as_the_language_does(client, articles, language, date):
    article = articles[language]
    article.published_at = DECEMBER_1
    article.save()

    html = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f'<time datetime="2026-12-01T09:30:00+00:00">{date}</time>' in html
    assert "December" not in html
    assert "بەفرانبار" not in html  # Django's Sorani "December" is a month of the Kurdish solar calendar


@pytest.mark.parametrize("hour, clock", [(13, "1:10 م"), (1, "1:10 ص")])
def test_it_dates_a_comment_in_arabic_as_arabic_news_sites_do(client, articles, hour, clock):
    Comment.objects.create(article=articles["ar"], author_name="ليلى", email="layla@example.org", body="خبر مهم.",
                           fingerprint="l", status=Status.APPROVED, created_at=datetime(2026, 12, 1, hour, 10, tzinfo=timezone.utc))

    html = client.get(articles["ar"].get_absolute_url()).content.decode()
    assert f"1 ديسمبر 2026، {clock}</time>" in html
    assert "ديسمبر 1," not in html


def test_it_dates_a_comment_in_kurmanji_with_a_24_hour_clock(client, articles):
    Comment.objects.create(article=articles["kmr"], author_name="Rojda", email="rojda@example.org", body="Nûçeyeke baş.",
                           fingerprint="r", status=Status.APPROVED, created_at=datetime(2026, 3, 21, 14, 5, tzinfo=timezone.utc))

    html = client.get(articles["kmr"].get_absolute_url()).content.decode()
    assert "21 adar 2026, 14:05" in html


def test_it_gives_djangos_field_errors_in_kurmanji(client, articles):
    response = client.post(articles["kmr"].get_absolute_url(),
                           {"author": "R" * 250, "email": "rojda@example.org", "body": "Nûçeyeke baş û zelal."})

    assert response.status_code == 422
    assert "Divê ev nirx herî zêde 200 tîp be (250 tîp e)." in response.content.decode()


def test_it_puts_the_sites_name_in_the_masthead(client, articles):
    html = client.get(articles["ar"].get_absolute_url()).content.decode()

    assert '<a class="brand" href="/"><bdi>The Test Times</bdi></a>' in html and "The Majlis Times" not in html


def test_it_names_the_product_through_the_catalogue_on_pages_of_no_site(client, db, catalogue):
    catalogue("ar", {"product name in the masthead\x04Majlis": "مجلس"})

    html = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert '<a class="brand" href="/">مجلس</a>' in html and "The Majlis Times" not in html


def test_it_explains_a_refused_cookie_in_kurmanji(articles):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(articles["kmr"].get_absolute_url(), {"author": "Rojda"},
                                                     HTTP_ACCEPT_LANGUAGE="kmr")

    assert response.status_code == 403
    assert "Kontrola CSRF bi ser neket." in response.content.decode() and "Request aborted" not in response.content.decode()
