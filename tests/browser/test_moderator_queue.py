"""A moderator in a real browser: log in, filter Arabic, reject with the keyboard, approve, publish.

MAJLIS_UPDATE_DOCS_IMAGES=1 also refreshes docs/images/queue.png and queue-rtl.png (first screenful).
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from majlis.accounts.models import Moderator, Role
from majlis.comments.models import Comment, Status
from majlis.comments.submission import fingerprint
from majlis.moderation.models import Decision

pytestmark = pytest.mark.browser
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
PASSWORD = "correct-horse-battery"
THREAT = "سأقتلك إذا رأيتك في الحي مرة أخرى"
THANKS = "شكراً على التقرير، متى تعود المياه إلى الحي الشرقي؟"


def comment(article, author, email, body, scores, evidence=()):
    reasons = [{"category": cat, "score": scores[cat], "source": "lexicon",
                "evidence": [{"start": body.index(word), "end": body.index(word) + len(word), "text": word}]}
               for cat, word in evidence]
    return Comment.objects.create(
        article=article, author_name=author, email=email, body=body, fingerprint=fingerprint(email, body),
        language=article.language, scores=scores, violation=max(scores.values()), reasons=reasons, model_version="test-1",
    )


@pytest.fixture
def queue_world(articles):
    user = get_user_model().objects.create_user("hana", "hana@newsroom.example", PASSWORD, is_staff=True)
    Moderator.objects.create(user=user, role=Role.MODERATOR)
    ar, en, tr = articles["ar"], articles["en"], articles["tr"]
    return {
        "user": user,
        "threat": comment(ar, "مجهول", "anon@example.net", THREAT, {"threat": 0.94, "personal_attack": 0.31}, [("threat", "سأقتلك")]),
        "thanks": comment(ar, "سارة", "sara@example.org", THANKS, {"threat": 0.02, "off_topic": 0.08}),
        "advert": comment(en, "Deals4U", "sales@deals.example", "Cheap watches at www.best-deals.example, call 0750 123 4567!",
                          {"promotion": 0.97}, [("promotion", "www.best-deals.example")]),
        "turkish": comment(tr, "Mehmet", "mehmet@example.com.tr", "Maç çok heyecanlıydı, hakem kararları tartışılır.", {"threat": 0.01}),
    }


def log_in(page, live_server):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "hana")
    page.fill("#id_password", PASSWORD)
    page.click(".login button[type=submit]")
    page.wait_for_url(live_server.url + "/moderation/")


def csp_errors(page):
    found = []
    page.on("console", lambda m: found.append(m.text) if "Content Security Policy" in m.text else None)
    return found


def test_it_rejects_as_threat_and_approves_with_the_keyboard(page, live_server, queue_world, screenshot):
    csp = csp_errors(page)
    threat, thanks = queue_world["threat"], queue_world["thanks"]
    log_in(page, live_server)
    assert page.locator("[data-entry]").count() == 4

    page.select_option("#id_language", "ar")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**language=ar**")
    assert page.locator("[data-entry]").count() == 2
    assert page.inner_text(f"#c{threat.pk} mark.ev") == "سأقتلك"
    screenshot(page, "queue")
    if os.environ.get("MAJLIS_UPDATE_DOCS_IMAGES"):
        page.screenshot(path=str(DOCS_IMAGES / "queue.png"))

    page.locator("body").press("j")
    page.keyboard.press("r")
    page.keyboard.press("t")
    page.wait_for_selector(f"#c{threat.pk}[data-decided='reject']")
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 'c{thanks.pk}'")
    page.keyboard.press("a")
    page.wait_for_selector(f"#c{thanks.pk}[data-decided='approve']")
    assert "Approved the comment by سارة." in page.inner_text("#announcer")
    screenshot(page, "queue-decided")

    decisions = {d.comment_id: (d.action, d.reason, d.moderator.username) for d in Decision.objects.select_related("moderator")}
    assert decisions == {threat.pk: ("reject", "threat", "hana"), thanks.pk: ("approve", "", "hana")}

    page.goto(live_server.url + thanks.article.get_absolute_url())
    listed = page.inner_text(".comment-list")
    assert THANKS in listed and THREAT not in listed
    assert page.majlis_errors == [] and csp == []


def test_it_decides_without_javascript(browser, live_server, queue_world):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_server)
        advert = queue_world["advert"]
        page.locator(f"#c{advert.pk} .reject-form button").click()
        page.wait_for_url(live_server.url + "/moderation/")
        assert "Rejected the comment by Deals4U: Promotion." in page.inner_text(".flash")
        assert Comment.objects.get(pk=advert.pk).status == Status.REJECTED
    finally:
        context.close()


def test_it_selects_with_x_and_approves_the_selection_with_shift_a(page, live_server, queue_world):
    log_in(page, live_server)
    page.goto(live_server.url + "/moderation/?order=age")
    page.locator("body").press("j")
    page.keyboard.press("x")
    page.keyboard.press("j")
    page.keyboard.press("x")
    assert page.inner_text("[data-bulk-count]") == "2 selected"
    page.keyboard.press("Shift+A")
    page.wait_for_selector(".flash-success")
    assert Comment.objects.filter(status=Status.APPROVED).count() == 2


def test_it_lays_the_workspace_out_right_to_left_in_arabic(browser, live_server, queue_world, screenshot):
    context = browser.new_context(locale="ar", viewport={"width": 1000, "height": 900}, extra_http_headers={"Accept-Language": "ar"})
    page = context.new_page()
    try:
        log_in(page, live_server)
        assert page.get_attribute("html", "dir") == "rtl"
        first = page.locator("[data-entry]").first.bounding_box()
        checkbox = page.locator("[data-entry] [data-select]").first.bounding_box()
        assert checkbox["x"] > first["x"] + first["width"] / 2, "the selection box should sit at the right in RTL"
        page.locator("body").press("?")
        assert page.locator("#shortcuts").is_visible()
        page.keyboard.press("Escape")
        screenshot(page, "queue-rtl")
        if os.environ.get("MAJLIS_UPDATE_DOCS_IMAGES"):
            page.screenshot(path=str(DOCS_IMAGES / "queue-rtl.png"))
    finally:
        context.close()


def test_it_reserves_only_the_comment_in_hand_while_moving_with_j(page, live_server, queue_world):
    log_in(page, live_server)
    first, second = (int(page.locator("[data-entry]").nth(i).get_attribute("data-id")) for i in (0, 1))
    page.locator("body").press("j")
    page.wait_for_selector(f"#c{first}[data-claimed]")
    page.keyboard.press("j")
    page.wait_for_selector(f"#c{second}[data-claimed]")
    page.wait_for_function(f"!document.querySelector('#c{first}').hasAttribute('data-claimed')")
    for _ in range(50):  # the release is fire-and-forget: give it up to five seconds
        holders = dict(Comment.objects.values_list("pk", "claimed_by__username"))
        if holders[first] is None:
            break
        page.wait_for_timeout(100)
    assert (holders[first], holders[second]) == (None, "hana")
