"""The path of a new comment, as an explicit, ordered chain of small steps.

``submit()`` is called directly by the form view and the API. Each guard returns ``None`` to let
the comment through or a ``Refusal``; then the comment is stored as pending with its screening
verdict, and the site's automation policy may decide it at once. Nothing here edits what the reader
wrote: the body is stored exactly as sent (after the form's whitespace trim).
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.comments.models import Comment, Status
from majlis.lib import metrics, net
from majlis.lib.writelock import serialized_write
from majlis.publications.models import Article

log = logging.getLogger(__name__)
RATE_WINDOW = timedelta(minutes=10)
DUPLICATE_WINDOW = timedelta(minutes=10)
FLOOD_SAMPLE = 40


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int  # the HTTP status the API answers with


@dataclass(frozen=True)
class Submission:
    article: Article
    author: str
    email: str
    body: str
    ip: str
    honeypot: str = ""


@dataclass(frozen=True)
class Accepted:
    comment: Comment
    duplicate: bool = False


def submit(sub: Submission) -> Accepted | Refusal:
    for guard in (_comments_open, _honeypot, _rate_limit_ip, _rate_limit_email):
        refusal = guard(sub)
        if refusal:
            return refusal
    duplicate = _duplicate(sub)
    if duplicate:
        return Accepted(duplicate, duplicate=True)
    comment = _store(sub, _screen(sub))
    _announce(comment)
    _automate(comment)
    _notify_moderators(comment)
    return Accepted(comment)


def fingerprint(email: str, body: str) -> str:
    return hashlib.sha256(f"{email}\n{body}".encode()).hexdigest()


def _comments_open(sub: Submission) -> Refusal | None:
    if not sub.article.comments_open:
        return Refusal(_("Comments are closed on this article."), 403)
    return None


def _honeypot(sub: Submission) -> Refusal | None:
    if sub.honeypot:
        log.info("honeypot filled for article %s", sub.article.slug)
        return Refusal(_("Your comment could not be accepted."), 400)
    return None


def _too_many() -> Refusal:
    return Refusal(_("You have posted several comments in a short time. Please wait a few minutes and try again."), 429)


def _rate_limit_ip(sub: Submission) -> Refusal | None:
    limit = settings.MAJLIS_RATE_LIMIT_PER_IP
    prefix = net.truncate(sub.ip)
    if not limit or not prefix:
        return None
    since = timezone.now() - RATE_WINDOW
    if Comment.objects.filter(ip_prefix=prefix, created_at__gte=since).count() >= limit:
        return _too_many()
    return None


def _rate_limit_email(sub: Submission) -> Refusal | None:
    limit = settings.MAJLIS_RATE_LIMIT_PER_EMAIL
    if not limit:
        return None
    since = timezone.now() - RATE_WINDOW
    if Comment.objects.filter(email=sub.email, created_at__gte=since).count() >= limit:
        return _too_many()
    return None


def _duplicate(sub: Submission) -> Comment | None:
    """The same text from the same email within minutes is stored once (double clicks, retries)."""
    since = timezone.now() - DUPLICATE_WINDOW
    # By fingerprint alone, then the article in Python: with the article in the WHERE clause, SQLite
    # without planner statistics walks the article's index, i.e. every comment of the article.
    rows = _rows(DUPLICATE_SQL, [fingerprint(sub.email, sub.body), _db_time(since)])
    pk = next((pk for pk, article_id in rows if article_id == sub.article.pk), None)
    return None if pk is None else Comment.objects.get(pk=pk)


def _recent_texts(sub: Submission) -> list[str]:
    """The site's latest comments from other people, among the installation's last 2 x FLOOD_SAMPLE.

    Walks the created_at index newest first and stops early; filtering on the site in SQL would let
    SQLite (without planner statistics) read every recent comment of every article of the site.
    """
    since = timezone.now() - timedelta(hours=1)
    rows = _rows(RECENT_SQL, [_db_time(since), sub.email, 2 * FLOOD_SAMPLE])
    same_site = {sub.article.pk}
    others = {article_id for _, article_id in rows} - same_site
    if others:
        same_site |= set(Article.objects.filter(pk__in=others, site_id=sub.article.site_id).values_list("pk", flat=True))
    return [body for body, article_id in rows if article_id in same_site][:FLOOD_SAMPLE]


# The two reads every submission makes, in plain SQL: compiling them through the ORM cost more
# CPU than running them (about 0.2 ms each; docs/performance.md has the profile).
DUPLICATE_SQL = "SELECT id, article_id FROM comments_comment WHERE fingerprint = %s AND created_at >= %s ORDER BY id"
RECENT_SQL = (
    "SELECT body, article_id FROM comments_comment WHERE created_at >= %s AND email <> %s "
    "ORDER BY created_at DESC LIMIT %s"
)


def _db_time(moment):
    return connection.ops.adapt_datetimefield_value(moment)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _screen(sub: Submission):
    if not settings.MAJLIS_SCREEN_ON_SUBMIT:
        return None
    from majlis.moderation.policy import site_policy
    from majlis.screening import screen

    article = {"title": sub.article.title, "body": sub.article.body, "language": sub.article.language}
    recent = _recent_texts(sub)
    started = time.perf_counter()
    verdict = screen(sub.body, article, policy=site_policy(sub.article.site), recent=recent)
    metrics.SCREENING.observe(time.perf_counter() - started, "submit")
    return verdict


def _store(sub: Submission, verdict) -> Comment:
    fields = {}
    if verdict is not None:
        fields = {
            "language": verdict.language,
            "violation": verdict.violation,
            "scores": verdict.scores,
            "reasons": verdict.to_dict()["reasons"],
            "recommendation": verdict.decision,
            "model_version": verdict.model_version,
        }
    comment = Comment(
        article=sub.article, author_name=sub.author, email=sub.email, body=sub.body,
        ip_prefix=net.truncate(sub.ip), fingerprint=fingerprint(sub.email, sub.body), status=Status.PENDING,
        **fields,
    )
    with serialized_write():  # on SQLite, wait for the write turn in the kernel, not in sleeps
        comment.save(force_insert=True)
    return comment


def _announce(comment: Comment) -> None:
    """The ``comment.created`` webhook (delivered by the worker) for the site's endpoints."""
    from majlis.webhooks.events import emit
    from majlis.webhooks.models import Event

    emit(Event.CREATED, comment)


def _notify_moderators(comment: Comment) -> None:
    """Moderators who asked for an email per new comment get one, from the worker."""
    from majlis.accounts.models import Moderator

    if comment.status != Status.PENDING or not Moderator.objects.filter(email_new_comments=True).exists():
        return
    from majlis.tasks import notify_moderators

    transaction.on_commit(lambda: notify_moderators.enqueue(comment.pk))


def _automate(comment: Comment) -> None:
    """Let the site's automation mode decide at once when its thresholds say so."""
    from majlis.moderation.policy import automatic_action
    from majlis.moderation.services import DecisionError, decide

    action, reason = automatic_action(comment)
    if action is None:
        return
    try:
        with transaction.atomic():
            decide(comment.pk, action, reason=reason, model_version=comment.model_version or "rules")
    except DecisionError:
        return
    comment.refresh_from_db()
