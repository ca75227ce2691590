"""Importers (Disqus, Isso, WordPress) and the JSON-lines export, on sample files the team wrote."""

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from majlis.comments.models import Comment, Status
from majlis.moderation.models import Action, Decision
from majlis.porting import disqus, isso, jsonl, loader, wxr
from majlis.publications.models import Article, Site

DATA = Path(__file__).parent / "data"


def isso_db(tmp_path) -> Path:
    path = tmp_path / "isso.db"
    connection = sqlite3.connect(path)
    connection.executescript((DATA / "isso.sql").read_text(encoding="utf-8"))
    connection.commit()
    connection.close()
    return path


@pytest.fixture
def newsroom(db):
    return Site.objects.create(name="News", domain="news.example")


@pytest.mark.parametrize("reader, file, articles, statuses", [
    (disqus.read, "disqus.xml", 2, {"approved": 3, "rejected": 2}),
    (wxr.read, "wordpress.xml", 1, {"approved": 1, "pending": 1, "rejected": 1}),
    ("isso", None, 2, {"approved": 2, "pending": 1, "rejected": 1}),
])
def test_it_imports_articles_and_comments_with_mapped_statuses(newsroom, tmp_path, reader, file, articles, statuses):
    source = isso.read(isso_db(tmp_path)) if reader == "isso" else reader(DATA / file)

    counts = loader.load(source, newsroom, progress=False)

    assert counts.articles_created == articles == Article.objects.filter(site=newsroom).count()
    stored = {s: Comment.objects.filter(status=s).count() for s in statuses}
    assert stored == statuses
    assert Decision.objects.count() == sum(n for s, n in statuses.items() if s != "pending")


@pytest.mark.parametrize("reader, file, body, created", [
    (disqus.read, "disqus.xml", "The second table does not add up", datetime(2025, 3, 1, 10, 15, tzinfo=timezone.utc)),
    (wxr.read, "wordpress.xml", "امیدوارم امسال", datetime(2025, 4, 10, 9, 0, tzinfo=timezone.utc)),
    ("isso", None, "پردەکە کەی", datetime(2025, 3, 1, 10, 0, 0, 500000, tzinfo=timezone.utc)),
])
def test_it_keeps_dates_and_text_and_screens_every_comment(newsroom, tmp_path, reader, file, body, created):
    source = isso.read(isso_db(tmp_path)) if reader == "isso" else reader(DATA / file)
    loader.load(source, newsroom, progress=False)

    comment = Comment.objects.get(body__startswith=body)
    assert comment.created_at == created
    assert not Comment.objects.filter(model_version="").exists()  # every one screened
    assert comment.ip_prefix in ("", "198.51.100.0/24", "192.0.2.0/24")


def test_it_maps_languages_per_comment_and_rejects_spam(newsroom):
    loader.load(disqus.read(DATA / "disqus.xml"), newsroom, progress=False)

    assert Comment.objects.get(author_name="هدى").language == "ar"
    spam = Comment.objects.get(author_name="Watch Seller")
    assert spam.status == Status.REJECTED
    assert spam.decisions.get().action == Action.REJECT


def test_it_skips_pingbacks_and_pages_without_comments(newsroom):
    loader.load(wxr.read(DATA / "wordpress.xml"), newsroom, progress=False)

    assert list(Article.objects.values_list("slug", flat=True)) == ["book-fair"]
    assert not Comment.objects.filter(author_name="Other Blog").exists()


def test_it_imports_the_same_file_once(newsroom):
    loader.load(disqus.read(DATA / "disqus.xml"), newsroom, progress=False)
    again = loader.load(disqus.read(DATA / "disqus.xml"), newsroom, progress=False)

    assert (again.articles_created, again.comments_created, again.comments_skipped) == (0, 0, 5)
    assert Comment.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_it_round_trips_an_export_losslessly(tmp_path, alice):
    site = Site.objects.create(name="News", domain="news.example", guidelines={"en": "Be kind."})
    loader.load(disqus.read(DATA / "disqus.xml"), site, progress=False)
    loader.load(isso.read(isso_db(tmp_path)), site, language="ckb", progress=False)
    from majlis.moderation.services import decide, reverse

    pending = Comment.objects.filter(status=Status.PENDING).first()
    decide(pending.pk, "approve", moderator=alice)
    reverse(pending.pk, note="Off-topic after all.", admin=alice, reason="off_topic")
    first = list(jsonl.export_lines())

    for model in (Decision, Comment, Article, Site):
        model.objects.all().delete()
    restored = jsonl.restore(first)

    assert list(jsonl.export_lines()) == first
    assert restored["comments.comment"] == 9 and restored["moderation.decision"] >= 8
    new = Comment.objects.create(article=Article.objects.first(), author_name="N", email="n@example.org",
                                 body="After the restore.", fingerprint="x")
    assert new.pk > max(c.pk for c in Comment.objects.exclude(pk=new.pk))
