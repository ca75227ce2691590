"""Articles the widget registers carry a title anyone could have sent: they wait unlisted for a
moderator, while their comments work as usual."""

import pytest

from majlis.comments.models import Comment, Status
from majlis.publications.models import Article, Listing

ALLOWED = "http://127.0.0.1:9999"  # the site fixture's widget origin


def register(client, path="/story", title="Rates cut, says the Governor", origin=ALLOWED):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.get("/api/v1/widget/article", {"url": f"{ALLOWED}{path}", "title": title, "lang": "en"}, **headers)


def test_it_registers_a_page_as_unconfirmed_keeping_the_title_it_sent(client, site):
    assert register(client).status_code == 200

    article = Article.objects.get(url=f"{ALLOWED}/story")
    assert article.listing == Listing.UNCONFIRMED and not article.is_listed
    assert article.title == article.claimed_title == "Rates cut, says the Governor"
    assert article.reviewed_by is None and article.reviewed_at is None


def test_a_request_without_origin_registers_an_unconfirmed_article_too(client, site):
    register(client, title="Fake headline from curl", origin=None)

    assert Article.objects.get(url=f"{ALLOWED}/story").listing == Listing.UNCONFIRMED


def test_a_page_without_title_is_named_by_its_url_and_claims_none(client, site):
    register(client, title="")

    article = Article.objects.get(url=f"{ALLOWED}/story")
    assert (article.title, article.claimed_title) == (f"{ALLOWED}/story", "")


def test_later_visits_leave_a_confirmed_article_listed(client, site, alice):
    register(client)
    article = Article.objects.get(url=f"{ALLOWED}/story")
    assert Article.objects.confirm(article.pk, title="Bank cuts rates", by=alice)

    again = register(client, title="Something else entirely")

    article.refresh_from_db()
    assert again.json()["title"] == "Bank cuts rates"
    assert (article.listing, article.title) == (Listing.LISTED, "Bank cuts rates")


def test_comments_on_an_unconfirmed_article_still_work_through_the_widget(client, site, comment_payload):
    slug = register(client).json()["slug"]

    posted = client.post(f"/api/v1/articles/{slug}/comments", comment_payload, content_type="application/json",
                         HTTP_ORIGIN=ALLOWED)

    assert posted.status_code == 202
    comment = Comment.objects.get(pk=posted.json()["id"])
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    listed = client.get(f"/api/v1/articles/{slug}/comments", HTTP_ORIGIN=ALLOWED)
    assert listed.status_code == 200 and listed.json()["count"] == 1
    assert listed["Access-Control-Allow-Origin"] == ALLOWED


@pytest.mark.parametrize("made_by", ["newsroom", "import"])
def test_the_newsrooms_articles_are_listed_from_the_start(site, made_by):
    if made_by == "newsroom":
        article = Article.objects.create(site=site, slug="budget", title="Budget", url=f"{ALLOWED}/budget")
    else:
        from majlis.porting.loader import Counts, article_for
        from majlis.porting.records import ArticleRecord

        article = article_for(ArticleRecord(key="1", title="Imported", url=f"{ALLOWED}/imported"), site, "en", Counts())
    assert article.listing == Listing.LISTED
