"""``majlis rescreen``: new verdicts for stored comments, inline or through the worker's queue."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from majlis.comments.models import Comment, Status


@pytest.fixture
def stale(article):
    old = timezone.now() - timedelta(days=30)
    made = [
        Comment.objects.create(article=article, author_name="A", email="a@example.org", body="The budget table is wrong.",
                               fingerprint="a", model_version="old-model", created_at=timezone.now()),
        Comment.objects.create(article=article, author_name="B", email="b@example.org", body="An older remark.",
                               fingerprint="b", model_version="old-model", created_at=old),
        Comment.objects.create(article=article, author_name="C", email="c@example.org", body="Approved already.",
                               fingerprint="c", model_version="old-model", status=Status.APPROVED),
    ]
    return made


def run(*args) -> str:
    out = StringIO()
    call_command("rescreen", *args, stdout=out, verbosity=0)
    return out.getvalue()


def test_it_rescreens_pending_comments_since_the_date(stale):
    since = (timezone.now() - timedelta(days=1)).date().isoformat()

    assert "1 comments re-screened" in run("--since", since)
    versions = dict(Comment.objects.values_list("author_name", "model_version"))
    assert versions["A"] != "old-model" and versions["B"] == versions["C"] == "old-model"
    assert Comment.objects.get(author_name="A").body == "The budget table is wrong."


def test_it_includes_decided_comments_with_all_but_keeps_their_status(stale):
    run("--since", "2000-01-01", "--all")

    assert not Comment.objects.filter(model_version="old-model").exists()
    assert Comment.objects.get(author_name="C").status == Status.APPROVED


def test_it_queues_batches_for_the_worker(stale):
    # tests run tasks at once (tests/conftest.py), so the queued batch is done when enqueue returns
    assert "2 comments queued" in run("--since", "2000-01-01", "--queue")
    assert Comment.objects.filter(model_version="old-model").count() == 1


def test_it_refuses_a_bad_date(stale):
    with pytest.raises(CommandError, match="not a date"):
        run("--since", "last tuesday")
