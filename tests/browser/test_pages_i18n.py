"""The pages the translation pass changed, in a real browser, in English and in Arabic (RTL), and a
Kurmanji article: whole sentences render with their links and numbers in place, no script error.

Screenshots go to the artifacts folder (tests/browser/conftest.py) for a person to look at.
"""

import pytest
from django.contrib.auth import get_user_model

from majlis.accounts.models import Moderator, Role
from majlis.comments.models import Comment
from majlis.moderation.services import decide

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("nour", "nour@newsroom.example", PASSWORD, is_staff=True)
    Moderator.objects.create(user=user, role=Role.ADMIN)
    return user


def pending(article, author, body, score):
    return Comment.objects.create(article=article, author_name=author, email=f"{author.lower()}@example.org", body=body,
                                  fingerprint=body, language=article.language, scores={"threat": score}, violation=score,
                                  model_version="test-1")


def open_in(browser, live_server, language):
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language},
                                  viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.majlis_errors = []
    page.on("pageerror", lambda error: page.majlis_errors.append(str(error)))
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "nour")
    page.fill("#id_password", PASSWORD)
    page.click(".login button[type=submit]")
    page.wait_for_url(live_server.url + "/moderation/")
    return page


@pytest.mark.parametrize("language, posted, replay, direction", [
    ("en", "Posted", "2 decisions would have been taken automatically (67%).", "ltr"),
    ("ar", "أُرسل منذ", "2 من القرارات كانت ستُتخذ آليًا (67%).", "rtl"),
])
def test_the_queue_and_the_replay_read_as_sentences(browser, live_server, editor, articles, screenshot, language, posted, replay, direction):
    waiting = pending(articles["ar"], "Samir", "متى تعود المياه إلى الحي؟", 0.2)
    for i, (score, action) in enumerate(((0.95, "reject"), (0.96, "reject"), (0.1, "approve"))):
        decide(pending(articles["en"], f"Reader{i}", f"Comment number {i}", score).pk, action,
               reason="threat" if action == "reject" else "", moderator=editor)
    page = open_in(browser, live_server, language)

    meta = page.locator(f"#c{waiting.pk} .entry-meta")
    assert posted in meta.inner_text()
    assert meta.get_by_role("link", name=articles["ar"].title).is_visible()
    assert page.locator("html").get_attribute("dir") == direction
    screenshot(page, f"i18n-queue-{language}", full_page=True)

    page.goto(f"{live_server.url}/moderation/settings/{articles['en'].site.pk}/")
    page.check("input[name=mode][value=assisted]")
    page.fill("#id_reject_threat", "0.9")
    page.click("button[name=preview]")
    proposed = page.locator("[data-replay=replay-proposed]")
    assert replay in " ".join(proposed.inner_text().split())
    screenshot(page, f"i18n-replay-{language}", full_page=True)
    assert page.majlis_errors == []
    page.context.close()


def test_a_kurmanji_article_shows_its_date_and_the_sites_name(page, live_server, demo_article, screenshot):
    article = demo_article("duhok-candidates-debate")

    page.goto(live_server.url + article.get_absolute_url())

    assert page.locator(".brand").inner_text() == article.site.name
    date = page.locator(".byline time").inner_text()
    assert date.split()[1] in ("çile", "sibat", "adar", "nîsan", "gulan", "hezîran", "tîrmeh", "tebax", "îlon", "cotmeh", "mijdar", "kanûn")
    screenshot(page, "i18n-article-kmr", full_page=True)
    assert page.majlis_errors == []


ARABIC_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")


@pytest.mark.parametrize("slug, language, direction", [
    ("water-rationing-eastern-districts", "ar", "rtl"), ("duhok-candidates-debate", "kmr", "ltr"),
])
def test_an_article_names_the_site_in_its_language_and_dates_comments_as_its_papers_do(page, live_server, site, demo_article,
                                                                                        screenshot, slug, language, direction):
    from majlis.publications import demo

    site.names = demo.read_content()["site"]["names"]
    site.save()
    article = demo_article(slug)

    page.goto(live_server.url + article.get_absolute_url())

    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(".brand").inner_text() == site.names[language] != site.name
    assert page.title().endswith(" · " + site.names[language])
    stamps = page.locator(".comment-meta time").all_inner_texts()
    assert stamps
    if language == "ar":  # "1 ديسمبر 2026، 1:10 م": day, month, year, Arabic comma, 12-hour clock with ص/م
        for stamp in stamps:
            day, month, year, clock, half = stamp.split()
            assert day.isdigit() and month in ARABIC_MONTHS and year.endswith("،") and half in ("ص", "م"), stamp
    else:  # "1 kanûn 2026, 13:10"
        assert all(s.split()[2].endswith(",") and ":" in s.split()[3] for s in stamps), stamps
    screenshot(page, f"i18n-article-site-name-{language}", full_page=True)
    assert page.majlis_errors == []
