"""Decision emails to the commenter: optional per site, in the article's language, naming the guideline."""

import pytest
from django.core import mail
from django.utils import translation

from majlis.comments.models import Comment
from majlis.moderation.notify import READER_REASONS
from majlis.moderation.services import decide
from majlis.screening.categories import BY_CODE

REJECTED = "Thank you for your comment. A moderator has read it and decided not to publish it, because it breaks this community guideline:"


@pytest.fixture
def notifying(site):
    site.notify_authors = True
    site.save()
    return site


def pending(article, body="A thoughtful remark about the budget."):
    return Comment.objects.create(
        article=article, author_name="Charlie", email="charlie@example.org", body=body, fingerprint=body
    )


def decided(comment, action, reason, capture, bob):
    with capture(execute=True):
        decide(comment.pk, action, reason=reason, moderator=bob)


def test_it_emails_the_approval(notifying, article, bob, django_capture_on_commit_callbacks):
    decided(pending(article), "approve", "", django_capture_on_commit_callbacks, bob)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["charlie@example.org"]
    assert article.title in message.subject and "published" in message.subject
    assert "approved" in message.body and "A thoughtful remark about the budget." in message.body


def test_it_names_the_broken_guideline_in_a_rejection(notifying, article, bob, django_capture_on_commit_callbacks):
    decided(pending(article), "reject", "promotion", django_capture_on_commit_callbacks, bob)

    body = mail.outbox[0].body
    assert REJECTED in body
    with translation.override("en"):  # the article's language, whatever an earlier test left active
        assert f"{BY_CODE['promotion'].label}: {READER_REASONS['promotion']}" in body
    assert BY_CODE["promotion"].help not in body  # the moderators' help is not written for the reader


def test_it_writes_in_the_article_language(notifying, articles, bob, catalogue, django_capture_on_commit_callbacks):
    catalogue("ar", {REJECTED: "شكراً على تعليقك. قرر المشرف عدم نشره لأنه يخالف هذه القاعدة:", "Threat": "تهديد"})

    decided(pending(articles["ar"]), "reject", "threat", django_capture_on_commit_callbacks, bob)

    body = mail.outbox[0].body
    assert "قرر المشرف عدم نشره" in body and "تهديد:" in body
    assert articles["ar"].title in mail.outbox[0].subject


def test_it_does_not_escape_the_plain_text(notifying, article, bob, django_capture_on_commit_callbacks):
    article.title = "Tax & spend <now>"
    article.save()

    decided(pending(article, body="Fish & chips <3"), "approve", "", django_capture_on_commit_callbacks, bob)

    assert "Tax & spend <now>" in mail.outbox[0].subject
    assert "Fish & chips <3" in mail.outbox[0].body


def test_it_sends_nothing_when_the_site_does_not_notify(article, bob, django_capture_on_commit_callbacks):
    decided(pending(article), "approve", "", django_capture_on_commit_callbacks, bob)

    assert mail.outbox == []


@pytest.mark.parametrize("language", ["ar", "ckb", "kmr", "tr", "fa"])
def test_it_uses_the_team_translation_of_the_email_and_the_guideline(notifying, articles, bob, language, django_capture_on_commit_callbacks):
    from django.utils import translation

    decided(pending(articles[language]), "reject", "personal_attack", django_capture_on_commit_callbacks, bob)

    with translation.override(language):
        label = translation.gettext(BY_CODE["personal_attack"].label)
    body = mail.outbox[0].body
    assert REJECTED not in body and label != "Personal attack"
    assert label in body


def test_a_page_no_moderator_confirmed_is_named_by_its_address_not_its_sent_title(
        notifying, article, bob, django_capture_on_commit_callbacks):
    from majlis.publications.models import Listing

    article.listing, article.title = Listing.UNCONFIRMED, "CHEAP PILLS at pills.example"
    article.url = "https://news.example/2026/12/budget"
    article.save()
    decided(pending(article), "approve", "", django_capture_on_commit_callbacks, bob)

    message = mail.outbox[0]
    assert "CHEAP PILLS" not in message.subject and "CHEAP PILLS" not in message.body
    assert article.url in message.subject
