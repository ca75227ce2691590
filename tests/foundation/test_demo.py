"""The demo content: six languages, approved and pending comments, every guideline broken somewhere."""

import pytest
from django.contrib.auth import get_user_model

from majlis.comments.models import Comment, Status
from majlis.lib.languages import LANGUAGES
from majlis.publications import demo
from majlis.publications.models import Article
from majlis.screening.categories import CODES


@pytest.fixture
def loaded(db):
    editor = get_user_model().objects.create_user("editor", password="x" * 12)
    return demo.load(editor)


def test_it_loads_articles_in_all_six_languages(loaded):
    assert set(Article.objects.values_list("language", flat=True)) == set(LANGUAGES)
    assert loaded["articles"] == Article.objects.count()


def test_every_article_has_approved_and_pending_comments(loaded):
    for article in Article.objects.all():
        statuses = set(article.comments.values_list("status", flat=True))
        assert {Status.APPROVED, Status.PENDING} <= statuses, article.slug


def test_every_approved_demo_comment_has_a_recorded_decision(loaded):
    approved = Comment.objects.filter(status=Status.APPROVED)

    assert approved.exists()
    assert not approved.filter(decisions=None).exists()


def test_every_pending_demo_comment_carries_a_verdict(loaded):
    pending = Comment.objects.filter(status=Status.PENDING)

    assert pending.count() >= 30
    for comment in pending:
        assert set(comment.scores) == set(CODES)
        assert comment.model_version


def test_the_content_breaks_every_guideline_in_every_language():
    content = demo.read_content()
    for language in LANGUAGES:
        broken = {
            c["breaks"].split(":")[0]
            for a in content["articles"] if a["language"] == language
            for c in a["comments"] if c.get("breaks")
        }
        assert broken >= set(CODES), (language, set(CODES) - broken)


def test_the_demo_has_rejections_and_still_queues_every_guideline_in_every_language(loaded):
    assert loaded["rejected"] > 0
    for language in LANGUAGES:
        pending = Comment.objects.filter(article__language=language, status=Status.PENDING)
        assert pending.count() >= 5, language
    rejected = Comment.objects.filter(status=Status.REJECTED)
    assert not rejected.filter(decisions=None).exists()
    assert all(d.reason for c in rejected for d in c.decisions.all())
