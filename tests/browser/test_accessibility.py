"""Accessibility and layout in a real browser, without an audit library: roles, names, attributes, focus.

What a keyboard, a screen reader or a phone meets: the skip link and a visible focus in a logical order on
the article page; nothing in the queue hidden under its sticky bar; tables wider than a phone that the keyboard
can scroll and that say what they are; charts whose labels stay legible; error pages in the site's layout,
language and direction; arrows that point backwards in right-to-left pages.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from majlis.accounts.models import Moderator, Role
from majlis.comments.models import Comment
from majlis.comments.submission import fingerprint
from majlis.moderation.services import decide

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-battery"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("dilan", "dilan@newsroom.example", PASSWORD, is_staff=True)
    Moderator.objects.create(user=user, role=Role.ADMIN)
    return user


@pytest.fixture
def pending(articles):
    """Twelve pending comments in three languages (enough to scroll the queue), two of them decided since."""
    made = []
    for i in range(12):
        article = (articles["en"], articles["ar"], articles["kmr"])[i % 3]
        body = f"Comment number {i} on the report, with a long address https://example.org/{'very-long-path/' * 6}{i}"
        made.append(Comment.objects.create(
            article=article, author_name=f"Reader {i}", email=f"reader{i}@example.org", body=body,
            fingerprint=fingerprint(f"reader{i}@example.org", body), language=article.language,
            scores={"promotion": 0.4 + i / 100}, violation=0.4 + i / 100, model_version="test-1",
        ))
    return made


@pytest.fixture
def decided(pending, moderator):
    decide(pending[0].pk, "approve", moderator=moderator)
    decide(pending[1].pk, "reject", reason="promotion", note="A link to a shop", moderator=moderator)
    return pending[0], pending[1]


def open_as(browser, live_server, *, language="en", viewport=DESKTOP, user=None):
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.set_default_timeout(10_000)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    if user is not None:
        page.goto(live_server.url + "/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click(".login button[type=submit]")
        page.wait_for_url(live_server.url + "/moderation/")
    return context, page


def focused(page):
    """The focused element: tag, id, name attribute, its box, and whether it draws a focus ring."""
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return {tag: e.tagName, id: e.id, name: e.getAttribute('name'), text: (e.innerText || '').trim(),
                top: r.top, bottom: r.bottom, height: r.height,
                ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'};
    }""")


# ---- The article page, by keyboard ----

def test_the_article_page_starts_with_a_visible_skip_link_and_tabs_through_the_form_in_order(page, live_server, articles):
    page.goto(live_server.url + articles["en"].get_absolute_url())

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Skip to content" and first["ring"]
    assert 0 <= first["top"] and first["height"] > 20, "the skip link must show on screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    order = []
    for _ in range(30):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["tag"] == "BODY" or now["ring"], f"no visible focus on {now}"
        if now["name"] in ("author", "email", "body", "website") or now["text"] == "Submit for moderation":
            order.append(now["name"] or "submit")
        if now["text"] == "Submit for moderation":
            break
    assert order == ["author", "email", "body", "submit"], "the honeypot must never take focus"


def test_a_form_error_is_tied_to_its_field_and_the_notice_of_a_held_comment_is_announced(page, live_server, articles):
    page.goto(live_server.url + articles["kmr"].get_absolute_url())
    page.fill("#id_author", "Rojda")
    page.fill("#id_body", "Nûçeyek baş e, spas.")
    page.click("#comment-form button[type=submit]")

    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    described = email.get_attribute("aria-describedby").split()
    assert "id_email_error" in described and page.locator("#id_email_error").is_visible()
    assert page.get_by_role("alert").count() == 1

    page.fill("#id_email", "rojda@example.org")
    page.click("#comment-form button[type=submit]")
    notice = page.get_by_role("status").filter(has_text=page.locator("#moderation-notice p").first.inner_text())
    assert notice.count() == 1
    # The redirect lands on #moderation-notice, which takes focus (tabindex=-1), so a screen reader starts there.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'moderation-notice'", timeout=5_000)


def test_every_reader_page_links_to_the_data_rights_page_from_its_footer(page, live_server, articles):
    page.goto(live_server.url + articles["ar"].get_absolute_url())
    link = page.get_by_role("contentinfo").get_by_role("link")
    assert link.count() == 1 and link.get_attribute("href") == "/my-data/"
    link.click()
    assert page.get_by_role("heading", level=1).count() == 1 and page.url.endswith("/my-data/")


# ---- Error pages ----

@pytest.mark.parametrize("language, direction", [("en", "ltr"), ("ar", "rtl"), ("kmr", "ltr")])
def test_a_missing_page_is_a_page_of_the_site_in_the_readers_language(browser, live_server, db, language, direction):
    context, page = open_as(browser, live_server, language=language, viewport=PHONE)
    try:
        response = page.goto(live_server.url + "/no-such-page/")
        assert response.status == 404
        assert page.get_attribute("html", "lang") == language and page.get_attribute("html", "dir") == direction
        assert page.get_by_role("main").count() == 1 and page.get_by_role("heading", level=1).count() == 1
        assert page.get_by_role("main").get_by_role("link").get_attribute("href") == "/"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_a_refused_cookie_gets_the_sites_layout_in_kurmanji(articles):
    response = Client(enforce_csrf_checks=True).post(articles["kmr"].get_absolute_url(), {"author": "Rojda"},
                                                     HTTP_ACCEPT_LANGUAGE="kmr")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="kmr" dir="ltr">' in html and '<main id="main"' in html and "<h1>" in html
    assert "Kontrola CSRF bi ser neket." in html and "Request aborted" not in html


# ---- The workspace ----

def test_the_queue_keeps_focus_clear_of_its_sticky_bar_and_unsticks_it_on_a_phone(browser, live_server, pending, moderator):
    context, page = open_as(browser, live_server, user=moderator)
    try:
        bar = page.locator("#bulk")
        assert bar.evaluate("e => getComputedStyle(e).position") == "sticky"
        page.keyboard.press("End")
        page.locator("[data-entry]").last.locator("button.reject").focus()
        for _ in range(25):  # backwards through the last entries: each lands below the bar, not under it
            page.keyboard.press("Shift+Tab")
            now = focused(page)
            if page.evaluate("!!document.activeElement.closest('[data-queue]')"):
                assert now["ring"], now
                assert now["top"] >= bar.bounding_box()["y"] + bar.bounding_box()["height"] - 1, f"{now} is under the sticky bar"

        page.evaluate("document.activeElement.blur()")  # j / k are letters while a text field has focus
        for key in ("j", "j", "j", "k"):
            page.keyboard.press(key)
        current = page.locator("[data-entry].current")
        assert current.count() == 1 and current.evaluate("e => e === document.activeElement")
        assert current.bounding_box()["y"] >= bar.bounding_box()["y"] + bar.bounding_box()["height"] - 1
    finally:
        context.close()

    context, page = open_as(browser, live_server, user=moderator, viewport=PHONE)
    try:
        assert page.locator("#bulk").evaluate("e => getComputedStyle(e).position") == "static"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the queue must not scroll sideways"
        body = page.locator("[data-entry] .entry-body").first
        assert body.evaluate("e => e.scrollWidth <= e.clientWidth"), "a long address in a comment must wrap"
    finally:
        context.close()


def test_a_table_wider_than_a_phone_can_be_scrolled_from_the_keyboard_and_says_what_it_is(browser, live_server, decided, moderator):
    context, page = open_as(browser, live_server, user=moderator, viewport=PHONE)
    try:
        page.goto(live_server.url + "/moderation/audit/")
        table = page.get_by_role("group", name="Audit log")
        assert table.count() == 1 and table.get_attribute("tabindex") == "0"
        assert table.evaluate("e => e.scrollWidth > e.clientWidth"), "on a phone the audit table scrolls sideways"
        table.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("e => Math.abs(e.scrollLeft) > 0", arg=table.element_handle())
        assert focused(page)["ring"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "only the table scrolls, not the page"
        panel = page.locator("form.filters").bounding_box()
        for box in page.locator("form.filters .filter").evaluate_all("fs => fs.map(f => f.getBoundingClientRect().toJSON())"):
            assert panel["x"] <= box["left"] and box["right"] <= panel["x"] + panel["width"], "a filter sticks out of its panel"

        when = table.locator("td time").first
        assert when.get_attribute("dir") == "ltr" and when.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"

        page.goto(live_server.url + f"/moderation/comments/{decided[1].pk}/")
        assert page.get_by_role("group", name="Decisions").count() == 1
    finally:
        context.close()


def test_the_statistics_charts_are_named_images_with_labels_big_enough_to_read(browser, live_server, decided, moderator):
    for viewport, smallest in ((DESKTOP, 11), (PHONE, 9)):
        context, page = open_as(browser, live_server, user=moderator, viewport=viewport)
        try:
            page.goto(live_server.url + "/moderation/stats/")
            charts = page.locator("svg.chart")
            assert charts.count() == 4
            for i in range(4):
                chart = charts.nth(i)
                assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")
                heights = chart.locator("text").evaluate_all(
                    "ts => ts.filter(t => getComputedStyle(t).display !== 'none').map(t => t.getBoundingClientRect().height)")
                assert heights and min(heights) >= smallest, f"chart {i} at {viewport['width']}px: labels {min(heights):.1f}px high"
                box = chart.bounding_box()
                assert box["width"] <= viewport["width"]
            assert page.get_by_role("group", name="Approval rate by language").count() == 1
            assert page.locator(".periods a[aria-current=page]").evaluate("e => getComputedStyle(e).fontWeight") == "700"
        finally:
            context.close()


@pytest.mark.parametrize("language, mirrored", [("en", False), ("ar", True), ("fa", True), ("kmr", False)])
def test_the_back_arrow_points_backwards_in_either_direction(browser, live_server, decided, moderator, language, mirrored):
    context, page = open_as(browser, live_server, user=moderator, language=language)
    try:
        page.goto(live_server.url + f"/moderation/comments/{decided[0].pk}/")
        arrow = page.locator("main a .arrow").first
        assert arrow.get_attribute("aria-hidden") == "true"
        transform = arrow.evaluate("e => getComputedStyle(e).transform")
        assert (transform == "matrix(-1, 0, 0, 1, 0, 0)") is mirrored, transform
    finally:
        context.close()


def test_an_empty_token_list_says_so_instead_of_showing_an_empty_table(browser, live_server, moderator):
    context, page = open_as(browser, live_server, user=moderator, viewport=PHONE)
    try:
        page.goto(live_server.url + "/accounts/tokens/")
        assert page.locator("main table").count() == 0
        assert page.locator("main p.empty").inner_text() == "No tokens yet."
        page.select_option("#id_user", str(moderator.pk))
        page.click("main form button.primary")
        assert page.get_by_role("group", name="API tokens").locator("tbody tr").count() == 1
    finally:
        context.close()


def test_the_landmarks_say_what_is_there(browser, live_server, articles, moderator):
    context, page = open_as(browser, live_server)
    try:
        page.goto(live_server.url + articles["ar"].get_absolute_url())
        assert page.get_by_role("banner").count() == 1 and page.get_by_role("main").count() == 1
        assert page.get_by_role("contentinfo").count() == 1
        assert page.get_by_role("navigation").count() == 0, "the text size buttons are tools, not navigation"
        assert page.get_by_role("banner").get_by_role("group").count() == 1
    finally:
        context.close()
    context, page = open_as(browser, live_server, user=moderator)
    try:
        nav = page.get_by_role("navigation", name="Site")
        assert nav.count() == 1 and nav.get_by_role("link", name="Queue").get_attribute("aria-current") == "page"
    finally:
        context.close()


def described_errors(page, field):
    """The texts of the visible elements a field's aria-describedby names (each must exist)."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    texts = []
    for i in ids:
        target = page.locator(f"#{i}")
        assert target.count() == 1, f"aria-describedby names #{i}, which is not on the page"
        if target.is_visible():
            texts.append(target.inner_text().strip())
    return texts


def test_workspace_form_errors_are_tied_to_their_fields(browser, live_server, site, moderator):
    context, page = open_as(browser, live_server, user=moderator)
    try:
        page.goto(live_server.url + f"/moderation/settings/{site.pk}/")
        threshold = page.locator("table.thresholds input").first
        threshold.fill("7")
        page.click("form.panel button.primary")
        threshold = page.locator("table.thresholds input").first
        assert threshold.get_attribute("aria-invalid") == "true"
        texts = described_errors(page, threshold)
        assert texts and all(texts), "the threshold's error must be what its aria-describedby points at"

        page.goto(live_server.url + "/accounts/moderators/new/")
        page.fill("#id_username", "short")
        page.fill("#id_password", "abc")
        page.click("form.panel button.primary")
        password = page.locator("#id_password")
        assert password.get_attribute("aria-invalid") == "true" and any(described_errors(page, password))
        languages = page.locator("fieldset", has=page.locator("input[name=languages]"))
        assert languages.count() == 1 and any(described_errors(page, languages)), "the fieldset's help text is its description"
    finally:
        context.close()


def test_the_site_profile_opens_a_language_from_the_keyboard_and_readers_see_what_it_saves(
        browser, live_server, articles, moderator, screenshot):
    site = articles["fa"].site
    context, page = open_as(browser, live_server, language="fa", user=moderator)
    try:
        page.goto(live_server.url + f"/moderation/settings/{site.pk}/")
        page.get_by_role("link", name="نمایهٔ سایت").click()
        persian = page.locator("details.language", has=page.locator("#id_guidelines_fa"))
        assert persian.get_attribute("open") is None  # nothing written for Persian yet
        persian.locator("summary").focus()
        page.keyboard.press("Enter")
        guidelines = page.locator("#id_guidelines_fa")
        assert guidelines.is_visible() and guidelines.get_attribute("dir") == "rtl"
        guidelines.fill("به موضوع خبر بپردازید.\nتوهین پذیرفته نیست.")
        page.fill("#id_allowed_origins", "https://news.example/articles")
        page.click("form.profile button.primary")
        origins = page.locator("#id_allowed_origins")
        assert origins.get_attribute("aria-invalid") == "true" and any(described_errors(page, origins))
        assert page.locator("#id_guidelines_fa").input_value() == "به موضوع خبر بپردازید.\nتوهین پذیرفته نیست."
        screenshot(page, "site-profile-refused-fa", full_page=True)

        origins.fill("https://news.example")
        page.click("form.profile button.primary")
        assert page.locator(".flash-success").count() == 1
        page.goto(live_server.url + articles["fa"].get_absolute_url())
        items = page.locator(".guidelines li")
        assert items.all_inner_texts() == ["به موضوع خبر بپردازید.", "توهین پذیرفته نیست."]
    finally:
        context.close()
