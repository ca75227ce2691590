"""Moderation from email: who gets the message, and what the signed links may and may not do."""

from datetime import timedelta

import pytest
from django.core import mail

from majlis.accounts.models import Moderator
from majlis.comments.models import Comment, Status
from majlis.moderation import mailer
from majlis.moderation.models import Decision


@pytest.fixture
def subscribed(alice, bob):
    Moderator.objects.filter(user__in=[alice, bob]).update(email_new_comments=True)


def link_path(url):
    return url.split("http://testserver", 1)[1]


def test_it_emails_the_subscribed_moderators_who_may_see_the_comment(subscribed, polite_en, threat_ar):
    assert mailer.comment_pending(polite_en, base="http://testserver/") == 1
    assert mailer.comment_pending(threat_ar, base="http://testserver/") == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@newsroom.example", "alice@newsroom.example", "bob@newsroom.example"]
    assert "/moderation/email/" in mail.outbox[-1].body and "سأقتلك" in mail.outbox[-1].body


def test_it_emails_nobody_who_did_not_ask(alice, threat_ar):
    assert mailer.comment_pending(threat_ar, base="http://testserver/") == 0 and mail.outbox == []


def test_it_never_decides_on_get_and_decides_once_on_post(client, alice, threat_ar):
    path = f"/moderation/email/{mailer.make_token(threat_ar.pk, alice.pk, 'reject')}/"
    assert client.get(path).status_code == 200
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.PENDING
    assert client.post(path, {"reason": "threat"}).status_code == 200
    assert Decision.objects.get(comment=threat_ar).moderator == alice
    assert client.post(path, {"reason": "threat"}).status_code == 409


def test_it_requires_a_reason_to_reject_from_email(client, alice, threat_ar):
    path = f"/moderation/email/{mailer.make_token(threat_ar.pk, alice.pk, 'reject')}/"
    assert client.post(path, {"reason": ""}).status_code == 422
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.PENDING


def test_it_checks_the_csrf_token_of_the_confirmation(alice, threat_ar):
    from django.test import Client

    path = f"/moderation/email/{mailer.make_token(threat_ar.pk, alice.pk, 'approve')}/"
    assert Client(enforce_csrf_checks=True).post(path, {}).status_code == 403


def test_it_refuses_expired_and_forged_links(client, alice, bob, threat_ar, polite_en, monkeypatch):
    token = mailer.make_token(threat_ar.pk, alice.pk, "approve")
    monkeypatch.setattr(mailer, "LINK_MAX_AGE", timedelta(seconds=-1))
    assert client.get(f"/moderation/email/{token}/").status_code == 410
    monkeypatch.undo()
    assert client.get(f"/moderation/email/{token[:-2]}xx/").status_code == 404
    outside_scope = mailer.make_token(polite_en.pk, bob.pk, "approve")
    assert client.post(f"/moderation/email/{outside_scope}/").status_code == 404
    assert Comment.objects.filter(status=Status.PENDING).count() == 2
