"""The decision email says who decided (a moderator, or our screening for policy autopilot and
automation rules) and explains the broken guideline in words written for the reader."""

import pytest
from django.core import mail
from django.utils import translation

from majlis.comments.models import Comment
from majlis.moderation.notify import READER_REASONS
from majlis.moderation.services import decide
from majlis.screening.categories import BY_CODE, CODES

AUTOMATIC = "Our automatic screening has read it and decided not to publish it"
HUMAN = "A moderator has read it and decided not to publish it"


@pytest.fixture
def notifying(site):
    site.notify_authors = True
    site.save()
    return site


def email_for(article, capture, action, reason="", **who):
    comment = Comment.objects.create(article=article, author_name="Charlie", email="charlie@example.org",
                                     body="Buy cheap watches at example.com", fingerprint="f")
    with capture(execute=True):
        decide(comment.pk, action, reason=reason, **who)
    assert len(mail.outbox) == 1
    return mail.outbox[0].body


def test_every_guideline_has_a_reader_facing_explanation():
    assert set(READER_REASONS) == set(CODES)
    with translation.override("en"):
        assert all(str(READER_REASONS[c]) != BY_CODE[c].help for c in CODES)


def test_an_automatic_rejection_says_our_screening_decided(notifying, article, django_capture_on_commit_callbacks):
    body = email_for(article, django_capture_on_commit_callbacks, "reject", "promotion", model_version="rules")

    assert AUTOMATIC in body and "moderator" not in body
    with translation.override("en"):
        assert f"Promotion: {READER_REASONS['promotion']}" in body
    assert BY_CODE["promotion"].help not in body


def test_a_human_rejection_says_a_moderator_decided(notifying, article, bob, django_capture_on_commit_callbacks):
    body = email_for(article, django_capture_on_commit_callbacks, "reject", "promotion", moderator=bob)

    assert HUMAN in body and "screening" not in body


def test_an_automatic_approval_says_our_screening_approved(notifying, article, django_capture_on_commit_callbacks):
    body = email_for(article, django_capture_on_commit_callbacks, "approve", model_version="autopilot-test")

    assert "Our screening has approved it" in body and "moderator" not in body


def test_an_automatic_rejection_in_arabic_says_it_in_arabic(notifying, articles, django_capture_on_commit_callbacks):
    body = email_for(articles["ar"], django_capture_on_commit_callbacks, "reject", "promotion", model_version="rules")

    assert "لقد فحصه نظام الفحص الآلي لدينا وقرّر عدم نشره" in body and "أحد المشرفين" not in body
    assert "ترويج: يروّج لنشاط تجاري أو منتج أو شخص، مثلًا بروابط أو بيانات اتصال." in body
