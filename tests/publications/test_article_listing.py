"""Articles the widget registered and no moderator confirmed are off the index and the article
list of the API; their own page stays up for the comments, marked noindex and without the title
the page sent."""

import pytest

from majlis.publications.models import Article, Listing

CLAIMED = "BREAKING: the newsroom endorses our casino"


@pytest.fixture
def unconfirmed(site):
    return Article.objects.create(
        site=site, slug="story-abc123", url="http://127.0.0.1:9999/story?id=7", title=CLAIMED, claimed_title=CLAIMED,
        listing=Listing.UNCONFIRMED,
    )


@pytest.fixture
def closed(site):
    return Article.objects.create(site=site, slug="closed-abc123", url="http://127.0.0.1:9999/closed", title="Closed one",
                                  listing=Listing.CLOSED, comments_open=False)


def test_the_index_lists_only_listed_articles(client, article, unconfirmed, closed):
    page = client.get("/").text

    assert article.title in page
    assert CLAIMED not in page and unconfirmed.slug not in page
    assert "Closed one" not in page


def test_the_api_lists_only_listed_articles_unchanged(client, articles, unconfirmed, closed):
    listed = client.get("/api/v1/articles").json()["articles"]

    assert {a["slug"] for a in listed} == {a.slug for a in articles.values()}
    budget = next(a for a in listed if a["slug"] == "council-budget")
    assert budget == {"slug": "council-budget", "title": "Council publishes its budget for the year", "language": "en",
                      "url": "/articles/council-budget/", "comment_count": 0}


def test_an_unconfirmed_articles_page_is_noindex_and_shows_the_url_not_the_title(client, unconfirmed):
    response = client.get(unconfirmed.get_absolute_url())

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.text
    assert CLAIMED not in response.text and "casino" not in response.text
    assert "<title>Comments on a page of The Test Times</title>" in response.text
    assert '<h1>Comments on a page of The Test Times</h1>' in response.text
    assert 'href="http://127.0.0.1:9999/story?id=7" rel="nofollow noopener" dir="ltr"' in response.text


def test_a_listed_articles_page_is_indexable_and_shows_its_title(client, article):
    response = client.get(article.get_absolute_url())

    assert "X-Robots-Tag" not in response
    assert 'name="robots"' not in response.text
    assert "<title>Council publishes its budget for the year · The Test Times</title>" in response.text


def test_the_comment_form_works_on_an_unconfirmed_articles_page(client, unconfirmed, comment_payload):
    response = client.post(unconfirmed.get_absolute_url(), comment_payload)

    assert response.status_code == 302
    assert unconfirmed.comments.count() == 1


def test_a_closed_articles_page_is_noindex_and_takes_no_comments(client, closed):
    response = client.get(closed.get_absolute_url())

    assert response["X-Robots-Tag"] == "noindex"
    assert "Closed one" not in response.text
    assert "Comments are closed on this article." in response.text


def test_confirming_lists_the_article_under_the_corrected_title(client, unconfirmed, alice):
    assert Article.objects.confirm(unconfirmed.pk, title="Casino licence refused", by=alice)

    assert "Casino licence refused" in client.get("/").text
    assert [a["title"] for a in client.get("/api/v1/articles").json()["articles"]] == ["Casino licence refused"]
    page = client.get(unconfirmed.get_absolute_url())
    assert "X-Robots-Tag" not in page and "<h1>Casino licence refused</h1>" in page.text


def test_an_export_restores_the_listing_and_the_reviewer_into_an_empty_installation(site, unconfirmed, closed, alice):
    from django.contrib.auth import get_user_model

    from majlis.porting import jsonl

    Article.objects.confirm(unconfirmed.pk, title="Corrected", by=alice)
    lines = list(jsonl.export_lines())
    site.delete()
    get_user_model().objects.all().delete()

    jsonl.restore(lines)

    restored = {a.slug: a for a in Article.objects.select_related("reviewed_by")}
    assert (restored[unconfirmed.slug].listing, restored[unconfirmed.slug].claimed_title) == (Listing.LISTED, CLAIMED)
    assert restored[unconfirmed.slug].reviewed_by.username == "alice"
    assert restored[closed.slug].listing == Listing.CLOSED
