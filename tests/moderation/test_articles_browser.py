"""The widget pages list in a real browser: keyboard only, htmx swap, Arabic right to left."""

import pytest
from django.contrib.auth import get_user_model

from majlis.accounts.models import Moderator
from majlis.publications.models import Article, Listing

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"
CLAIMED = "خبر عاجل مزيف"


@pytest.fixture
def world(site):
    user = get_user_model().objects.create_user("hana", "hana@newsroom.example", PASSWORD)
    Moderator.objects.create(user=user)
    article = Article.objects.create(site=site, slug="story-abc123", url="http://127.0.0.1:9999/story?id=7", title=CLAIMED,
                                     claimed_title=CLAIMED, language="ar", listing=Listing.UNCONFIRMED)
    return user, article


def log_in(page, live_server):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "hana")
    page.fill("#id_password", PASSWORD)
    page.click(".login button[type=submit]")
    page.wait_for_url(live_server.url + "/moderation/")


def test_a_moderator_corrects_the_headline_and_confirms_with_the_keyboard(browser, live_server, world):
    _, article = world
    context = browser.new_context(locale="ar", extra_http_headers={"Accept-Language": "ar"})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        log_in(page, live_server)
        page.goto(live_server.url + "/moderation/articles/")
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.locator(f"#a{article.pk}").count() == 1

        field = page.locator(f"#title-{article.pk}")
        field.focus()
        field.fill("انقطاع المياه في الحي الشرقي")
        page.keyboard.press("Enter")  # the headline's own form: confirm

        page.locator(f"#a{article.pk}.decided").wait_for()
        assert page.locator("#announcer").inner_text() != ""
        assert errors == []
    finally:
        context.close()
    article.refresh_from_db()
    assert (article.listing, article.title) == (Listing.LISTED, "انقطاع المياه في الحي الشرقي")
