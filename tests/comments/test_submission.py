"""The submission chain: guards, screening, storing as pending, the automation policy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.comments.models import Comment, Status
from majlis.comments.submission import Accepted, Refusal, Submission, submit
from majlis.moderation.models import Decision


def sub(article, **changes):
    fields = {"article": article, "author": "Charlie", "email": "charlie@example.org",
              "body": "A clear report, thank you.", "ip": "203.0.113.77"}
    return Submission(**{**fields, **changes})


def test_it_stores_a_comment_as_pending_with_its_verdict(article):
    outcome = submit(sub(article))

    assert isinstance(outcome, Accepted)
    stored = Comment.objects.get(pk=outcome.comment.pk)
    assert stored.status == Status.PENDING
    assert stored.language == "en"
    assert set(stored.scores) >= {"profanity", "threat", "promotion", "off_topic"}
    assert stored.recommendation in ("approve", "review", "reject")
    assert stored.model_version


@pytest.mark.parametrize(
    "ip, prefix",
    [("203.0.113.77", "203.0.113.0/24"), ("2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd::/48"), ("not an ip", "")],
)
def test_it_stores_the_address_truncated(article, ip, prefix):
    outcome = submit(sub(article, ip=ip))

    assert Comment.objects.get(pk=outcome.comment.pk).ip_prefix == prefix


def test_it_stores_the_same_text_from_the_same_email_once(article):
    first = submit(sub(article))
    second = submit(sub(article, author="Charlie again"))

    assert second.duplicate and second.comment.pk == first.comment.pk
    assert Comment.objects.count() == 1


def test_it_stores_the_same_text_again_after_the_duplicate_window(article):
    first = submit(sub(article)).comment
    Comment.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(hours=1))

    assert not submit(sub(article)).duplicate
    assert Comment.objects.count() == 2


def test_it_refuses_a_filled_honeypot_and_stores_nothing(article):
    outcome = submit(sub(article, honeypot="http://spam.example"))

    assert isinstance(outcome, Refusal) and outcome.status == 400
    assert not Comment.objects.exists()


def test_it_refuses_comments_on_a_closed_article(article):
    article.comments_open = False
    article.save()

    assert submit(sub(article)).status == 403


def test_it_allows_a_handful_of_comments_a_minute_from_one_address(article):
    outcomes = [submit(sub(article, email=f"reader{i}@example.org", body=f"Point number {i}.")) for i in range(5)]

    assert all(isinstance(o, Accepted) for o in outcomes)


def test_it_limits_comments_per_address_network(article, settings):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 3
    for i in range(3):
        submit(sub(article, email=f"reader{i}@example.org", body=f"Point number {i}.", ip=f"198.51.100.{i}"))

    refused = submit(sub(article, email="reader9@example.org", body="One more.", ip="198.51.100.200"))
    other_network = submit(sub(article, email="reader9@example.org", body="One more.", ip="198.51.101.1"))

    assert isinstance(refused, Refusal) and refused.status == 429
    assert isinstance(other_network, Accepted)


def test_it_limits_comments_per_email(article, settings):
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 2
    for i in range(2):
        submit(sub(article, body=f"Point number {i}.", ip=f"192.0.{i}.1"))

    refused = submit(sub(article, body="A third point.", ip="192.0.9.1"))

    assert isinstance(refused, Refusal) and refused.status == 429
    assert Comment.objects.count() == 2


def test_it_forgets_old_comments_when_counting(article, settings):
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 1
    old = submit(sub(article)).comment
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=11))

    assert isinstance(submit(sub(article, body="A new point.")), Accepted)


def test_it_turns_the_limits_off_with_zero(article, settings):
    settings.MAJLIS_RATE_LIMIT_PER_IP = 0
    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 0

    outcomes = [submit(sub(article, body=f"Point number {i}.")) for i in range(25)]

    assert all(isinstance(o, Accepted) for o in outcomes)


def test_it_says_too_many_in_the_active_language(article, settings):
    from django.utils import translation

    settings.MAJLIS_RATE_LIMIT_PER_EMAIL = 1
    submit(sub(article))
    with translation.override("ar"):
        refused = submit(sub(article, body="Again."))
        expected = translation.gettext(
            "You have posted several comments in a short time. Please wait a few minutes and try again."
        )

    assert refused.message == expected


def test_it_leaves_the_comment_pending_in_manual_mode(article):
    outcome = submit(sub(article, body="You idiot, you stupid moron, shut up."))

    assert outcome.comment.status == Status.PENDING
    assert not Decision.objects.exists()


def test_it_lets_an_assisted_site_reject_at_once_with_the_model_recorded(article):
    article.site.mode = "assisted"
    article.site.reject_thresholds = {"personal_attack": 0.3}
    article.site.save()

    outcome = submit(sub(article, body="You idiot, you stupid moron, shut up."))

    assert outcome.comment.status == Status.REJECTED
    decision = Decision.objects.get(comment=outcome.comment)
    assert decision.reason == "personal_attack" and decision.moderator is None and decision.model_version
