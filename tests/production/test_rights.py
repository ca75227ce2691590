"""Readers' data rights: export and erasure by email, confirmed through a signed, expiring link."""

import json
import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from majlis.comments import rights
from majlis.comments.models import Comment, Status
from majlis.moderation.models import Action, Decision
from majlis.moderation.services import decide


@pytest.fixture
def charlies(article):
    made = [Comment.objects.create(article=article, author_name="Charlie", email="Charlie@Example.org",
                                   body=f"Comment {i} on the budget.", fingerprint=str(i), ip_prefix="198.51.100.0/24")
            for i in range(2)]
    decide(made[0].pk, "approve")
    return made


def link_from_outbox() -> str:
    return re.search(r"http://testserver(\S+)", mail.outbox[-1].body).group(1)


@pytest.mark.parametrize("action", ["export", "erase"])
def test_it_emails_a_link_only_to_the_address(client, charlies, action):
    response = client.post("/my-data/", {"email": "charlie@example.org", "action": action})

    assert response.status_code == 200
    assert mail.outbox[-1].to == ["charlie@example.org"]
    assert "/my-data/confirm/" in mail.outbox[-1].body


def test_it_answers_the_same_for_an_unknown_address_and_sends_nothing(client, charlies):
    known = client.post("/my-data/", {"email": "charlie@example.org", "action": "export"})
    mail.outbox.clear()
    unknown = client.post("/my-data/", {"email": "nobody@example.org", "action": "export"})

    assert unknown.content == known.content and not mail.outbox


def test_it_exports_the_comments_as_json(client, charlies):
    client.post("/my-data/", {"email": "charlie@example.org", "action": "export"})
    link = link_from_outbox()
    assert client.get(link).status_code == 200

    response = client.post(link)

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert [c["body"] for c in data["comments"]] == ["Comment 0 on the budget.", "Comment 1 on the budget."]


def test_it_erases_by_withdrawing_and_blanking_and_logs_it(client, charlies, article):
    version = article.public_version
    client.post("/my-data/", {"email": "charlie@example.org", "action": "erase"})
    link = link_from_outbox()
    client.get(link)
    assert Comment.objects.filter(erased_at__isnull=True).count() == 2  # a GET never erases

    client.post(link)

    for comment in Comment.objects.all():
        assert (comment.status, comment.author_name, comment.email, comment.body, comment.ip_prefix) == (
            Status.WITHDRAWN, "", "", "", "")
        assert comment.erased_at is not None
    assert Decision.objects.filter(action=Action.WITHDRAW).count() == 2
    article.refresh_from_db()
    assert article.public_version > version  # the public list changes its ETag


def test_it_refuses_forged_and_expired_links(client, charlies):
    token = rights.make_token("charlie@example.org", "erase")

    assert client.post(f"/my-data/confirm/{token[:-2]}xx/").status_code == 400
    with pytest.raises(rights.BadLink):
        rights.read_token(token, max_age=-1)
    assert Comment.objects.filter(erased_at__isnull=True).count() == 2


def test_it_erases_a_comment_once_and_the_trigger_still_guards_it(charlies):
    assert rights.erase(charlies[0]) is True
    assert rights.erase(charlies[0]) is False

    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=charlies[0].pk).update(body="Edited after erasure.")
