"""Fixtures for the workspace tests: comments with verdicts, made directly (no screening run)."""

import itertools

import pytest

from majlis.comments.models import Comment
from majlis.comments.submission import fingerprint

_serial = itertools.count()


def make_comment(article, body="A fair point about the budget.", *, author="Charlie", email=None, language=None,
                 scores=None, reasons=None, violation=None, **fields):
    scores = scores or {}
    email = email or f"reader{next(_serial)}@example.org"
    return Comment.objects.create(
        article=article, author_name=author, email=email, body=body, fingerprint=fingerprint(email, body),
        language=language or article.language, scores=scores, reasons=reasons or [],
        violation=violation if violation is not None else max(scores.values(), default=0.0),
        model_version="test-1", **fields,
    )


@pytest.fixture
def comment_factory():
    return make_comment


@pytest.fixture
def threat_ar(articles):
    body = "سأقتلك إذا رأيتك مرة أخرى"
    return make_comment(
        articles["ar"], body, author="مجهول", email="anon@example.net",
        scores={"threat": 0.93, "personal_attack": 0.4},
        reasons=[{"category": "threat", "score": 0.93, "source": "lexicon", "evidence": [{"start": 0, "end": 6, "text": body[:6]}]}],
    )


@pytest.fixture
def polite_ar(articles):
    return make_comment(articles["ar"], "شكرا على هذا التقرير الواضح", author="سارة", email="sara@example.org",
                        scores={"threat": 0.01})


@pytest.fixture
def polite_en(article):
    return make_comment(article, "Thanks for the clear report.", author="Dana", email="dana@example.org", scores={"threat": 0.02})


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
