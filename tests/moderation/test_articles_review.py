"""The workspace's list of pages the widget registered: confirm (perhaps with a corrected
headline), close, scope and CSRF."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from majlis.accounts.models import Moderator
from majlis.comments.submission import clear_caches
from majlis.publications.models import Article, Listing, Site

HTMX = {"HTTP_HX_REQUEST": "true"}
URL = "http://127.0.0.1:9999/story?id=7"
CLAIMED = "Governor resigns (not true)"


def make_staff(username, *, languages=(), sites=()):
    user = get_user_model().objects.create_user(username, f"{username}@newsroom.example", "correct-horse-battery")
    Moderator.objects.create(user=user, languages=list(languages)).sites.set(sites)
    return user


@pytest.fixture
def unconfirmed(site):
    return Article.objects.create(site=site, slug="story-abc123", url=URL, title=CLAIMED, claimed_title=CLAIMED,
                                  language="ar", listing=Listing.UNCONFIRMED)


@pytest.fixture
def elsewhere(db):
    """A moderator of another site only."""
    other = Site.objects.create(name="Other Paper", domain="other.example")
    return make_staff("eve", sites=[other])


def review(client, article, htmx=False, **data):
    return client.post(f"/moderation/articles/{article.pk}/review/", data, **(HTMX if htmx else {}))


def test_it_lists_unconfirmed_pages_with_url_claimed_title_first_seen_and_comments(client_for, bob, unconfirmed, articles, comment_factory):
    comment_factory(unconfirmed)
    page = client_for(bob).get("/moderation/articles/")

    assert page.status_code == 200
    html = page.content.decode()
    assert URL.replace("&", "&amp;") in html and CLAIMED in html
    assert "First seen" in html and "1 comment" in html
    assert articles["ar"].title not in html  # the newsroom's articles never come here


def test_confirming_lists_the_article(client_for, client, bob, unconfirmed):
    response = review(client_for(bob), unconfirmed, action="confirm", title=CLAIMED)

    assert response.status_code == 302 and response["Location"] == "/moderation/articles/"
    unconfirmed.refresh_from_db()
    assert (unconfirmed.listing, unconfirmed.title, unconfirmed.reviewed_by) == (Listing.LISTED, CLAIMED, bob)
    assert unconfirmed.reviewed_at is not None
    assert unconfirmed.slug in [a["slug"] for a in client.get("/api/v1/articles").json()["articles"]]


def test_confirming_with_a_corrected_title_keeps_the_claimed_one_on_record(client_for, bob, unconfirmed):
    review(client_for(bob), unconfirmed, action="confirm", title="  الحاكم باقٍ في منصبه  ")

    unconfirmed.refresh_from_db()
    assert unconfirmed.title == "الحاكم باقٍ في منصبه"
    assert unconfirmed.claimed_title == CLAIMED


def test_confirming_needs_a_headline(client_for, bob, unconfirmed):
    response = review(client_for(bob), unconfirmed, action="confirm", title="  ", htmx=True)

    assert response.status_code == 422
    assert "A confirmed article needs a headline." in response.content.decode()
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.UNCONFIRMED


def test_closing_keeps_it_unlisted_and_stops_its_comments(client_for, client, bob, unconfirmed, comment_payload):
    review(client_for(bob), unconfirmed, action="close")

    unconfirmed.refresh_from_db()
    assert (unconfirmed.listing, unconfirmed.comments_open, unconfirmed.reviewed_by) == (Listing.CLOSED, False, bob)
    clear_caches()  # as ARTICLE_SECONDS later in another process
    posted = client.post(f"/api/v1/articles/{unconfirmed.slug}/comments", comment_payload, content_type="application/json")
    assert posted.status_code == 403 and unconfirmed.comments.count() == 0
    assert unconfirmed.slug not in client.get("/").content.decode()


def test_a_closed_page_is_listed_under_closed_and_can_still_be_confirmed(client_for, bob, unconfirmed):
    moderator = client_for(bob)
    review(moderator, unconfirmed, action="close")
    assert CLAIMED not in moderator.get("/moderation/articles/").content.decode()
    assert CLAIMED in moderator.get("/moderation/articles/?state=closed").content.decode()

    review(moderator, unconfirmed, action="confirm", title="Governor stays")

    unconfirmed.refresh_from_db()
    assert (unconfirmed.listing, unconfirmed.comments_open) == (Listing.LISTED, True)


def test_a_second_decision_is_refused_with_409(client_for, alice, bob, unconfirmed):
    review(client_for(alice), unconfirmed, action="confirm", title="First")

    response = review(client_for(bob), unconfirmed, action="close", htmx=True)

    assert response.status_code == 409
    unconfirmed.refresh_from_db()
    assert (unconfirmed.listing, unconfirmed.title, unconfirmed.reviewed_by) == (Listing.LISTED, "First", alice)


def test_the_newsrooms_articles_cannot_be_closed_here(client_for, alice, article):
    response = review(client_for(alice), article, action="close", htmx=True)

    assert response.status_code == 409
    assert Article.objects.get(pk=article.pk).listing == Listing.LISTED


def test_it_answers_htmx_with_the_decided_entry_and_an_announcement(client_for, bob, unconfirmed):
    response = review(client_for(bob), unconfirmed, action="confirm", title="Governor stays", htmx=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="a{unconfirmed.pk}"' in html and 'hx-swap-oob="innerHTML"' in html
    assert "Confirmed “Governor stays”: it is listed on the site now." in html


def test_a_moderator_of_another_site_can_neither_see_nor_confirm(client_for, elsewhere, unconfirmed):
    moderator = client_for(elsewhere)

    assert CLAIMED not in moderator.get("/moderation/articles/").content.decode()
    assert review(moderator, unconfirmed, action="confirm", title="Mine now").status_code == 404
    unconfirmed.refresh_from_db()
    assert (unconfirmed.listing, unconfirmed.title) == (Listing.UNCONFIRMED, CLAIMED)


def test_a_moderator_of_other_languages_cannot_confirm(client_for, unconfirmed):
    turkish = make_staff("tuna", languages=("tr",))

    assert review(client_for(turkish), unconfirmed, action="confirm", title="x").status_code == 404
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.UNCONFIRMED


def test_a_moderator_of_the_articles_site_can_confirm(client_for, site, unconfirmed):
    local = make_staff("lina", sites=[site])

    assert review(client_for(local), unconfirmed, action="confirm", title="Fine").status_code == 302
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.LISTED


def test_it_needs_a_staff_login(client, django_user_model, unconfirmed):
    assert client.get("/moderation/articles/").status_code == 302
    assert review(client, unconfirmed, action="confirm", title="x").status_code == 302
    client.force_login(django_user_model.objects.create_user("charlie", password="pw-charlie-123"))
    assert client.get("/moderation/articles/").status_code == 403
    assert review(client, unconfirmed, action="confirm", title="x").status_code == 403
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.UNCONFIRMED


def test_the_post_needs_the_csrf_token(bob, unconfirmed):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(bob)

    forged = review(browser, unconfirmed, action="confirm", title="Forged")

    assert forged.status_code == 403
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.UNCONFIRMED
    token = browser.get("/moderation/articles/").context["csrf_token"]
    assert review(browser, unconfirmed, action="confirm", title="Real", csrfmiddlewaretoken=str(token)).status_code == 302
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.LISTED


def test_get_does_not_decide(client_for, bob, unconfirmed):
    response = client_for(bob).get(f"/moderation/articles/{unconfirmed.pk}/review/?action=confirm&title=x")

    assert response.status_code == 405
    assert Article.objects.get(pk=unconfirmed.pk).listing == Listing.UNCONFIRMED
