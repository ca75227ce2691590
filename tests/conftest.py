"""Shared fixtures: a site with an article in each language, and named people.

- Alice: an admin. Bob: a moderator who reads Arabic and Sorani. Charlie: a reader.
  Mallory: a spammer. Each is created only in the tests that ask for them.
"""

import functools
import http.server
import os
import threading

import pytest
from django.contrib.auth import get_user_model

from majlis.accounts.models import ApiToken, Moderator, Role
from majlis.publications.models import Article, Site

ARTICLE_TITLES = {
    "en": ("council-budget", "Council publishes its budget for the year"),
    "ar": ("water-cuts", "انقطاع المياه في الأحياء الشرقية"),
    "ckb": ("bridge-repair", "چاککردنەوەی پردی شار"),
    "kmr": ("school-reopens", "Dibistana navendî ji nû ve vedibe"),
    "tr": ("derby-result", "Derbide kazanan çıkmadı"),
    "fa": ("book-fair", "نمایشگاه کتاب امسال"),
}


@pytest.fixture
def site(db):
    return Site.objects.create(
        name="The Test Times", domain="test.example", allowed_origins="http://127.0.0.1:9999",
        guidelines={"en": "Be relevant.\nNo insults.", "ar": "التزم بالموضوع."},
    )


@pytest.fixture
def articles(site):
    return {
        lang: Article.objects.create(
            site=site, slug=slug, language=lang, title=title,
            body="The city council met on Tuesday to vote on the budget.\n\nThe vote was close.",
        )
        for lang, (slug, title) in ARTICLE_TITLES.items()
    }


@pytest.fixture
def article(articles):
    return articles["en"]


def make_staff(username, *, role=Role.MODERATOR, languages=()):
    user = get_user_model().objects.create_user(username, f"{username}@newsroom.example", "correct-horse-battery", is_staff=True)
    Moderator.objects.create(user=user, role=role, languages=list(languages))
    return user


@pytest.fixture
def alice(db):
    return make_staff("alice", role=Role.ADMIN)


@pytest.fixture
def bob(db):
    return make_staff("bob", languages=("ar", "ckb"))


@pytest.fixture
def token_for():
    def issue(user):
        return ApiToken.issue(user)[1]

    return issue


@pytest.fixture
def comment_payload():
    return {"author": "Charlie", "email": "charlie@example.org", "body": "A clear report, thank you. The second table helps."}


@pytest.fixture
def catalogue():
    """Add test-only entries to a language's translation catalogue: ``catalogue("ar", {msgid: msgstr})``.

    Proves that a string goes through gettext in the right language before the team's ``.po`` files
    exist (and whatever they say). Every entry is removed after the test.
    """
    from django.utils.translation import trans_real

    added = []

    def add(language, entries):
        first = trans_real.translation(language)._catalog._catalogs[0]
        for msgid, msgstr in entries.items():
            added.append((first, msgid, first.get(msgid)))
            first[msgid] = msgstr

    yield add
    for first, msgid, previous in reversed(added):
        if previous is None:
            first.pop(msgid, None)
        else:
            first[msgid] = previous


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: row ids come back after a rollback, cached lists must not."""
    from django.core.cache import cache

    from majlis.lib.fastlist import BODIES

    cache.clear()
    BODIES.items.clear()


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks (emails, webhooks) run at once in tests, as if a worker took them at once.

    Tests of the worker itself (tests/production/) switch back to the database backend.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


# ---- One headless Debian Chromium (Playwright) for the whole session, shared by every browser test. ----
# Playwright's sync API allows one instance per thread, so browser tests in any folder use this one.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop on this thread; Django then takes every ORM call
    # (the tests' own, made synchronously) for one made from async code. They are not: allow them
    # while the browser lives.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    """A page in its own context (own storage), recording dialogs and page errors."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.majlis_dialogs = []
    page.majlis_errors = []

    def on_dialog(dialog):
        page.majlis_dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: page.majlis_errors.append(str(error)))
    yield page
    context.close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def second_origin(tmp_path):
    """A static web server on 127.0.0.1 (another origin than the live server): ``second_origin.serve(name, html)``
    writes a page and returns its URL; ``second_origin.origin`` is ``http://127.0.0.1:PORT``."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    class Origin:
        origin = f"http://127.0.0.1:{server.server_address[1]}"

        @staticmethod
        def serve(name, html):
            (tmp_path / name).write_text(html, encoding="utf-8")
            return f"{Origin.origin}/{name}"

    yield Origin
    server.shutdown()
    server.server_close()
