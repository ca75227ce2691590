"""The team's injection corpus (``data/injection.json``) through every way in, and every way out.

In: the article page's form, the JSON API, and (in the browser) the embed widget's form. Each
payload is the comment body and, cut short, the author's name. Stored: exactly the text sent, save
what the form documents it removes (control characters, the CR of CRLF, surrounding whitespace;
bidi and zero-width controls in names); a NUL byte is refused with a field error (422). Out: the moderation workspace (pending), then the article
page and the widget (approved), in Debian's Chromium: no payload may run (``window.__pwned`` stays
unset, no dialog opens) and each body is shown as the text it is.
"""

import json
from pathlib import Path

import pytest
from django.test import Client
from django.utils.html import conditional_escape

from majlis.comments.forms import CONTROL, clean_name
from majlis.comments.models import Comment, Status
from majlis.moderation.services import decide

CORPUS = json.loads((Path(__file__).parent / "data" / "injection.json").read_text(encoding="utf-8"))["cases"]
CASES = {case["id"]: case["text"] for case in CORPUS}
# Django refuses NUL in any text field ("Null characters are not allowed.", 422): never stored.
REFUSED = {case_id for case_id, text in CASES.items() if "\x00" in text}
STORED = {case_id: text for case_id, text in CASES.items() if case_id not in REFUSED}
CANARY = "() => [window.__pwned, document.cookie.includes('pwned')]"


def expected_body(sent: str) -> str:
    """The body as the form stores it: CRLF to LF, control characters out, whitespace trimmed."""
    return CONTROL.sub("", sent.replace("\r\n", "\n")).strip()


def name_for(text: str) -> str:
    return "N " + text[:60]


def email_for(case_id: str, channel: str) -> str:
    return f"{case_id}.{channel}@readers.example"


def post_form(article, case_id, text, expect=302):
    response = Client().post(
        article.get_absolute_url(),
        {"author": name_for(text), "email": email_for(case_id, "form"), "body": text, "website": ""},
    )
    assert response.status_code == expect, (case_id, response.status_code)
    return Comment.objects.filter(email=email_for(case_id, "form")).first()


def post_api(article, case_id, text, expect=202):
    response = Client().post(
        f"/api/v1/articles/{article.slug}/comments",
        {"author": name_for(text), "email": email_for(case_id, "api"), "body": text},
        content_type="application/json",
    )
    assert response.status_code == expect, (case_id, response.status_code, response.content[:200])
    return Comment.objects.filter(email=email_for(case_id, "api")).first()


@pytest.fixture
def no_limits(settings):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 0
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 0


def inject_all(article, channels=(post_form, post_api)) -> list[Comment]:
    return [post(article, case_id, text) for case_id, text in STORED.items() for post in channels]


def approve_all(comments):
    for comment in comments:
        decide(comment.pk, "approve", model_version="injection-test")


@pytest.mark.parametrize("case_id", sorted(REFUSED))
def test_it_refuses_a_null_byte_with_a_field_error(article, no_limits, case_id):
    text = CASES[case_id]
    assert post_form(article, case_id, text, expect=422) is None
    assert post_api(article, case_id, text, expect=422) is None


@pytest.mark.parametrize("case_id", list(STORED))
def test_it_stores_each_payload_as_sent(article, no_limits, case_id):
    text = CASES[case_id]
    for comment in (post_form(article, case_id, text), post_api(article, case_id, text)):
        comment.refresh_from_db()
        assert comment.body == expected_body(text)
        assert comment.author_name == clean_name(name_for(text))
        assert comment.status == Status.PENDING


def test_it_escapes_every_payload_on_the_article_page_and_in_the_api(article, no_limits):
    comments = inject_all(article, channels=(post_api,))
    approve_all(comments)
    html = "".join(Client().get(article.get_absolute_url(), {"page": n}).content.decode() for n in range(1, 5))
    listed = Client().get(f"/api/v1/articles/{article.slug}/comments").json()["comments"]
    assert {c["body"] for c in listed} == {expected_body(t) for t in STORED.values()}
    assert "window.__pwned=1</script>" not in html and "onerror=\"window" not in html
    for text in STORED.values():
        body = expected_body(text)
        if "\n" not in body:
            assert str(conditional_escape(body)) in html


def flat(text: str) -> str:
    return " ".join(text.split())


def shown_as_text(page, selector) -> set[str]:
    return {flat(t) for t in page.eval_on_selector_all(selector, "els => els.map(e => e.innerText)")}


def assert_nothing_ran(page):
    assert page.evaluate(CANARY) == [None, False]
    assert page.dialogs == []


@pytest.mark.browser
def test_it_runs_no_payload_in_the_workspace_on_the_article_page_or_in_the_widget(
    transactional_db, live_server, article, alice, no_limits, tab, host_origin
):
    site = article.site
    site.allowed_origins = host_origin.origin
    site.save()
    comments = inject_all(article)
    staff = Client()
    staff.force_login(alice)
    tab.context.add_cookies([{"name": "sessionid", "value": staff.cookies["sessionid"].value, "url": live_server.url}])
    wanted = {flat(expected_body(t)) for t in STORED.values()}
    tab.goto(f"{live_server.url}/moderation/")
    assert_nothing_ran(tab)
    queue = shown_as_text(tab, ".entry-body")
    assert len(queue) >= 20 and queue <= wanted
    for comment in comments[::2]:
        tab.goto(f"{live_server.url}/moderation/comments/{comment.pk}/")
        assert_nothing_ran(tab)
        assert shown_as_text(tab, ".entry-body") == {flat(comment.body)}

    approve_all(comments)
    tab.goto(f"{live_server.url}/moderation/audit/")
    assert_nothing_ran(tab)
    seen = set()
    for number in range(1, 8):
        tab.goto(f"{live_server.url}{article.get_absolute_url()}?page={number}")
        assert_nothing_ran(tab)
        seen |= shown_as_text(tab, ".comment-body")
    assert wanted <= seen

    widget_page = host_origin.serve(
        "host.html",
        f'<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Host</h1>'
        f'<script src="{live_server.url}/static/majlis/widget.js" data-majlis-article="{article.slug}"></script></body></html>',
    )
    tab.goto(widget_page)
    tab.wait_for_selector(".majlis-w-body")
    assert_nothing_ran(tab)
    assert wanted <= shown_as_text(tab, ".majlis-w-body")


def widget_host(host_origin, live_server, article):
    site = article.site
    site.allowed_origins = host_origin.origin
    site.save()
    return host_origin.serve(
        "host.html",
        f'<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Host</h1>'
        f'<script src="{live_server.url}/static/majlis/widget.js" data-majlis-article="{article.slug}"></script></body></html>',
    )


@pytest.mark.browser
def test_it_stores_each_payload_typed_into_the_widget_as_sent(
    transactional_db, live_server, article, no_limits, tab, host_origin
):
    tab.goto(widget_host(host_origin, live_server, article))
    form = tab.locator("form.majlis-w-form")
    sent = {}
    for case_id, text in STORED.items():
        form.locator("input[name=author]").fill(name_for(text))
        form.locator("input[name=email]").fill(email_for(case_id, "widget"))
        form.locator("textarea[name=body]").fill(text)
        sent[case_id] = (form.locator("input[name=author]").input_value(), form.locator("textarea[name=body]").input_value())
        with tab.expect_response(lambda r: r.request.method == "POST") as answer:
            form.locator("button[type=submit]").click()
        assert answer.value.status == 202, (case_id, answer.value.status)
        tab.locator(".majlis-w-notice").wait_for(state="visible")
    assert_nothing_ran(tab)
    for case_id, (name, body) in sent.items():
        comment = Comment.objects.get(email=email_for(case_id, "widget"))
        assert (comment.author_name, comment.body) == (clean_name(name), expected_body(body)), case_id
