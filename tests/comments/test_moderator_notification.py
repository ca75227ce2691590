"""A new pending comment emails the moderators who asked for it, with signed approve/reject links."""

from django.core import mail

from majlis.accounts.models import Moderator


def post(client, article, payload):
    return client.post(f"/api/v1/articles/{article.slug}/comments", payload, content_type="application/json")


def test_it_emails_moderators_who_opted_in(client, article, alice, comment_payload, django_capture_on_commit_callbacks, settings):
    settings.MAJLIS_PUBLIC_URL = "https://comments.news.example"
    Moderator.objects.filter(user=alice).update(email_new_comments=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, article, comment_payload)

    assert response.status_code == 202
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [alice.email]
    assert "https://comments.news.example/moderation/email/" in mail.outbox[0].body


def test_it_emails_nobody_when_no_moderator_asked(client, article, alice, comment_payload, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, article, comment_payload)

    assert response.status_code == 202
    assert mail.outbox == []
