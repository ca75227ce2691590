"""Browser fixtures: one headless Debian Chromium per session (Playwright), a fresh context per test,
the Django live server, a second origin on 127.0.0.1 for the widget, and demo articles to look at.

Every test module here sets ``pytestmark = pytest.mark.browser``. Screenshots go to ``$MAJLIS_TEST_ARTIFACTS`` (default
``test-artifacts/``). Each page records JavaScript dialogs and errors; ``page.majlis_dialogs`` and
``page.majlis_errors`` let a test assert that nothing ran that should not have.
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

ARTIFACTS = Path(os.environ.get("MAJLIS_TEST_ARTIFACTS", "test-artifacts"))


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


