"""The widget registers an article the first time a page URL is seen, on a GET anyone can send:
``MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR`` caps how many a site gains that way per hour."""

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.comments import widget
from majlis.publications.models import Article, Site

ALLOWED = "http://127.0.0.1:9999"  # the site fixture's widget origin


def register(client, path, origin=ALLOWED):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.get("/api/v1/widget/article", {"url": f"{origin or ALLOWED}{path}", "title": "A page"}, **headers)


@pytest.fixture
def cap(settings):
    settings.MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR = 3
    return 3


def test_it_refuses_new_pages_past_the_cap(client, site, cap):
    assert [register(client, f"/story?x={n}").status_code for n in range(cap)] == [200] * cap

    refused = register(client, "/story?x=99")

    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("Too many new pages have been registered")
    assert refused["Access-Control-Allow-Origin"] == ALLOWED  # the widget can read why
    assert Article.objects.filter(site=site, url__contains="/story?x=").count() == cap


def test_it_counts_requests_without_an_origin_too(client, site, cap):
    statuses = [register(client, f"/story?x={n}", origin=None).status_code for n in range(cap + 1)]

    assert statuses == [200] * cap + [429]


def test_it_still_answers_pages_already_registered(client, site, cap):
    for n in range(cap):
        register(client, f"/story?x={n}")

    again = register(client, "/story?x=0")

    assert again.status_code == 200 and again.json()["title"] == "A page"


def test_the_cap_is_per_site(client, site, cap):
    for n in range(cap):
        register(client, f"/story?x={n}")
    Site.objects.create(name="Other", domain="other.example", allowed_origins="https://other.example")

    assert register(client, "/story?x=99", origin="https://other.example").status_code == 200


def test_articles_made_by_hand_do_not_count(client, articles, cap):
    assert Article.objects.count() >= cap  # the fixture's articles, published now, with no page URL
    Article.objects.filter(pk=articles["en"].pk).update(url=f"{ALLOWED}/by-hand")

    assert widget.registered_recently(articles["en"].site) == 0
    assert register(client, "/story").status_code == 200


def test_only_the_last_hour_counts(client, site, cap):
    for n in range(cap):
        register(client, f"/story?x={n}")
    Article.objects.update(published_at=timezone.now() - widget.NEW_WINDOW - timedelta(seconds=1))

    assert register(client, "/story?x=99").status_code == 200


def test_zero_removes_the_cap(client, site, settings):
    settings.MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR = 0

    assert {register(client, f"/story?x={n}").status_code for n in range(5)} == {200}
