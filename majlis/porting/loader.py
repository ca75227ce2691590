"""Storing imported records: articles matched or created, comments created with their dates,
statuses and a screening verdict, and one audit-log entry per imported decision.

Importing the same file twice adds nothing the second time: a comment is skipped when its article
already holds one with the same fingerprint (email + text) and date.
"""

from dataclasses import dataclass
from datetime import timezone as dt_timezone
from itertools import islice

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from majlis.comments.models import Comment, Status
from majlis.comments.rescreen import screen_comments
from majlis.comments.submission import fingerprint
from majlis.lib import net
from majlis.moderation.models import Action, Decision
from majlis.porting.records import ArticleRecord, Source
from majlis.publications.models import Article, Site

BATCH = 500


@dataclass
class Counts:
    articles_created: int = 0
    comments_created: int = 0
    comments_skipped: int = 0


def unique_slug(record: ArticleRecord) -> str:
    """The source's slug, else the URL's last path segment, else the title; made unique."""
    base = slugify(record.slug or record.url.rstrip("/").rsplit("/", 1)[-1] or record.title)[:180] or "article"
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def article_for(record: ArticleRecord, site: Site, language: str, counts: Counts) -> Article:
    if record.url:
        found = Article.objects.filter(site=site, url=record.url[:500]).first()
        if found:
            return found
    article = Article.objects.create(
        site=site, slug=unique_slug(record), language=language, title=(record.title or record.url or "Untitled")[:300],
        body=record.body, url=record.url[:500] if record.url.startswith(("http://", "https://")) else "",
        published_at=record.published_at or timezone.now(),
    )
    counts.articles_created += 1
    return article


def _batches(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _new_comment(record, article) -> Comment:
    created = record.created_at or timezone.now()
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt_timezone.utc)
    decided = created if record.status in (Status.APPROVED, Status.REJECTED) else None
    return Comment(
        article=article, author_name=record.author[:200], email=record.email[:254], body=record.body,
        created_at=created, status=record.status, decided_at=decided, ip_prefix=net.truncate(record.ip),
        fingerprint=fingerprint(record.email, record.body),
    )


def _known(article_ids) -> set[tuple]:
    return set(Comment.objects.filter(article_id__in=article_ids).values_list("article_id", "fingerprint", "created_at"))


def load(source: Source, site: Site, *, language: str = "en", screen: bool = True, progress: bool = True) -> Counts:
    """Store ``source`` under ``site``; returns what was created and skipped."""
    counts = Counts()
    articles = {r.key: article_for(r, site, language, counts) for r in source.articles}
    known = _known([a.pk for a in articles.values()])
    bar = tqdm(total=len(source.comments), unit="comment", disable=not progress, desc=f"import {source.format}")
    for chunk in _batches(source.comments, BATCH):
        fresh = []
        for record in chunk:
            article = articles.get(record.article_key)
            if article is None or not record.body:
                counts.comments_skipped += 1
                continue
            comment = _new_comment(record, article)
            if (article.pk, comment.fingerprint, comment.created_at) in known:
                counts.comments_skipped += 1
                continue
            known.add((article.pk, comment.fingerprint, comment.created_at))
            fresh.append(comment)
        _store(fresh, source.format, screen)
        counts.comments_created += len(fresh)
        bar.update(len(chunk))
    bar.close()
    Article.objects.filter(pk__in=[a.pk for a in articles.values()]).update(public_version=F("public_version") + 1)
    return counts


def _store(comments: list[Comment], fmt: str, screen: bool) -> None:
    if screen and comments:
        screen_comments(comments)
    with transaction.atomic():
        Comment.objects.bulk_create(comments)
        if not comments or comments[0].pk is None:  # backends without RETURNING: read the ids back
            _reload_ids(comments)
        Decision.objects.bulk_create([
            Decision(comment=c, action=Action.APPROVE if c.status == Status.APPROVED else Action.REJECT,
                     note=f"Imported from {fmt}.", model_version=f"import:{fmt}", scores=c.scores,
                     violation=c.violation, created_at=c.decided_at)
            for c in comments if c.status in (Status.APPROVED, Status.REJECTED)
        ])


def _reload_ids(comments: list[Comment]) -> None:
    for c in comments:
        c.pk = Comment.objects.filter(article=c.article, fingerprint=c.fingerprint, created_at=c.created_at).values_list(
            "pk", flat=True).first()
