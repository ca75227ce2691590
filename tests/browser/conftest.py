"""Browser fixtures: one headless Debian Chromium per session (Playwright), a fresh context per test,
the Django live server, a second origin on 127.0.0.1 for the widget, and demo articles to look at.

Every test module here sets ``pytestmark = pytest.mark.browser``. Screenshots go to ``$MAJLIS_TEST_ARTIFACTS`` (default
``test-artifacts/``). Each page records JavaScript dialogs and errors; ``page.majlis_dialogs`` and
``page.majlis_errors`` let a test assert that nothing ran that should not have.
"""

import functools
import http.server
import os
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

ARTIFACTS = Path(os.environ.get("MAJLIS_TEST_ARTIFACTS", "test-artifacts"))


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


@pytest.fixture
def screenshot():
    """``screenshot(page_or_locator, name, **options)``: save a PNG under the artifacts folder; return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, **options):
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), **options)
        return path

    return take


@pytest.fixture
def demo_article(site):
    """``demo_article(slug)``: one article of the demo content, with its approved comments."""
    from majlis.comments.models import Comment, Status
    from majlis.publications import demo
    from majlis.publications.models import Article

    content = {a["slug"]: a for a in demo.read_content()["articles"]}
    site.guidelines = demo.read_content()["site"]["guidelines"]
    site.save()

    def make(slug):
        a = content[slug]
        now = timezone.now()
        article = Article.objects.create(
            site=site, slug=slug, language=a["language"], title=a["title"], standfirst=a.get("standfirst", ""),
            author=a.get("author", ""), additional_reporting=", ".join(a.get("additional_reporting", [])),
            body="\n\n".join(a["body"]), published_at=now - timedelta(days=a.get("published_days_ago", 1)),
        )
        for i, c in enumerate(x for x in a["comments"] if x.get("status") == Status.APPROVED):
            Comment.objects.create(
                article=article, author_name=c["author"], email=c["email"].lower(), body=c["body"],
                status=Status.APPROVED, fingerprint=f"{slug}-{i}", created_at=now - timedelta(hours=c.get("hours_ago", 1)),
            )
        return article

    return make


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
