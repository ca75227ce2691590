"""A reader in a real browser: posting on an Arabic article, text size, escaping, how the pages look."""

import os
from pathlib import Path

import pytest

from majlis.comments.models import Comment, Status
from majlis.moderation.services import decide

pytestmark = pytest.mark.browser

XSS_NAME = '<img src=x onerror="alert(1)">Mallory'
XSS_BODY = "<script>alert(2)</script><b onmouseover=alert(3)>bold</b> \"'><svg onload=alert(4)>"
# MAJLIS_UPDATE_DOCS_IMAGES=1 refreshes the README's screenshots (first screenful only, to stay small).
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def font_size(page, selector):
    return float(page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)"))


def test_it_holds_a_comment_posted_on_an_arabic_article_until_approved(page, live_server, articles, bob, screenshot):
    article = articles["ar"]
    page.goto(live_server.url + article.get_absolute_url())
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"

    page.fill("#id_author", "سارا")
    page.fill("#id_body", "تقرير واضح، شكراً. متى تعود المياه إلى الحي؟")
    page.click("button[type=submit]")
    assert page.locator("#id_email_error").is_visible()  # 422: the missing email, beside its field
    assert page.input_value("#id_body") == "تقرير واضح، شكراً. متى تعود المياه إلى الحي؟"
    screenshot(page.locator("#comment-form"), "article-rtl-errors")

    page.fill("#id_email", "sara@example.org")
    page.click("button[type=submit]")
    notice = page.locator("#moderation-notice")
    assert notice.is_visible() and notice.get_attribute("role") == "status"
    screenshot(page, "article-rtl-notice")
    assert "متى تعود المياه" not in page.inner_text(".comment-list")
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING

    decide(comment.pk, "approve", moderator=bob)
    page.goto(live_server.url + article.get_absolute_url())

    assert "متى تعود المياه إلى الحي؟" in page.inner_text(".comment-list")
    assert page.inner_text(".comment-author") == "سارا"


def test_it_enlarges_the_text_and_remembers_it_across_reloads_and_pages(page, live_server, articles):
    page.goto(live_server.url + articles["en"].get_absolute_url())
    before = font_size(page, ".article p:not(.byline)")

    larger = page.get_by_role("button", name="A+ Larger text", exact=True)
    larger.click()
    larger.click()
    after = font_size(page, ".article p:not(.byline)")
    page.reload()

    assert after > before * 1.2
    assert font_size(page, ".article p:not(.byline)") == after
    page.goto(live_server.url + articles["tr"].get_absolute_url())
    assert font_size(page, ".article p:not(.byline)") == after and font_size(page, ".comments") > before
    larger, smaller = page.locator("[data-text-size=up]"), page.locator("[data-text-size=down]")  # Turkish names now
    for _ in range(8):
        if larger.is_enabled():
            larger.click()
    assert larger.is_disabled()  # a limit at the large end
    for _ in range(8):
        if smaller.is_enabled():
            smaller.click()
    assert smaller.is_disabled() and larger.is_enabled()  # and at the small end
    assert font_size(page, ".article p:not(.byline)") < before


def test_it_shows_an_xss_payload_as_text_and_runs_nothing(page, live_server, article, bob):
    page.goto(live_server.url + article.get_absolute_url())
    page.fill("#id_author", XSS_NAME)
    page.fill("#id_email", "mallory@example.org")
    page.fill("#id_body", XSS_BODY)
    page.click("button[type=submit]")
    decide(Comment.objects.get().pk, "approve", moderator=bob)

    page.goto(live_server.url + article.get_absolute_url())
    page.hover(".comment-body")

    assert page.inner_text(".comment-author") == XSS_NAME
    assert page.inner_text(".comment-body") == XSS_BODY
    assert page.locator(".comment img, .comment script, .comment svg, .comment b").count() == 0
    assert page.majlis_dialogs == [] and page.majlis_errors == []


@pytest.mark.parametrize("slug, name", [("water-rationing-eastern-districts", "rtl"), ("city-council-budget-vote", "ltr")])
def test_it_lays_out_rtl_and_ltr_articles(page, live_server, demo_article, screenshot, slug, name):
    article = demo_article(slug)

    page.goto(live_server.url + article.get_absolute_url())
    path = screenshot(page, f"article-{name}", full_page=True)

    assert page.get_attribute("html", "dir") == name
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing sticks out
    title, text_size = page.locator("h1").bounding_box(), page.locator(".text-size").bounding_box()
    # The headline starts at the reading edge: the right in RTL, the left in LTR; the A+/A- sit opposite the brand.
    if name == "rtl":
        assert title["x"] + title["width"] > 700 and text_size["x"] < 300
    else:
        assert title["x"] < 300 and text_size["x"] > 700
    if os.environ.get("MAJLIS_UPDATE_DOCS_IMAGES") == "1":
        page.screenshot(path=str(DOCS_IMAGES / f"article-{name}.png"), clip={"x": 0, "y": 0, "width": 1000, "height": 900})
    assert path.stat().st_size > 10_000
