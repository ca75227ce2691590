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
from functools import lru_cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.accounts.models import Moderator
from majlis.comments.models import IMMUTABLE_FIELDS, Comment, Status
from majlis.lib import metrics, net
from majlis.lib.ttlcache import Expiring
from majlis.lib.writelock import serialized_write
from majlis.publications.models import Article, Site

log = logging.getLogger(__name__)
RATE_WINDOW = timedelta(minutes=10)
DUPLICATE_WINDOW = timedelta(minutes=10)
FLOOD_SAMPLE = 40
# Screening's flood weight depends on min(near-duplicates, FLOOD_CAP) only (promotion.flood_weight;
# tests/comments/test_submission_caches.py fails if that changes), so a flood needs no more.
FLOOD_CAP = 3

# Per-process caches (majlis.lib.ttlcache): an article and its site's settings may be ARTICLE_SECONDS
# old on other processes (closing comments or changing the automation mode takes effect within
# that time everywhere, at once in the process that saved it); the moderators' email wish likewise.
ARTICLE_SECONDS = 5
NOTIFY_SECONDS = 10
_articles = Expiring(ARTICLE_SECONDS)
_notify_wanted = Expiring(NOTIFY_SECONDS)
RECENT_SECONDS = 2
RECENT_ROWS = 4 * FLOOD_SAMPLE
_recent_rows = Expiring(RECENT_SECONDS)
for _model in (Article, Site):
    post_save.connect(_articles.clear, sender=_model, dispatch_uid=f"submission-articles-save-{_model.__name__}")
    post_delete.connect(_articles.clear, sender=_model, dispatch_uid=f"submission-articles-delete-{_model.__name__}")
post_save.connect(_notify_wanted.clear, sender=Moderator, dispatch_uid="submission-notify-save")
post_delete.connect(_notify_wanted.clear, sender=Moderator, dispatch_uid="submission-notify-delete")


def clear_caches(**kwargs) -> None:
    """Forget every cached read (also after ``flush``/``migrate``: the rows behind them are gone)."""
    for cache in (_articles, _notify_wanted, _recent_rows):
        cache.clear()


post_migrate.connect(clear_caches, dispatch_uid="submission-caches-migrate")


def article_for_post(slug: str) -> Article | None:
    """The article (with its site) that takes posts at ``slug``; cached a few seconds per process.

    Unknown slugs are not cached, so an article registered a moment ago takes posts at once.
    """
    return _articles.get(slug, lambda: Article.objects.select_related("site").filter(slug=slug).first(),
                         keep=lambda article: article is not None)


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


@lru_cache(maxsize=4096)
def _ip_prefix(ip: str) -> str:
    """``net.truncate`` (the ipaddress module costs about 50 us a call), cached: addresses recur."""
    return net.truncate(ip)


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
    prefix = _ip_prefix(sub.ip)
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
    """The site's latest comments from other people (at most FLOOD_SAMPLE, newest first), among
    the installation's last RECENT_ROWS comments of the past hour.

    Those rows are one snapshot per process, re-read every RECENT_SECONDS, to which the process
    adds the comments it stores itself: flood detection may miss, for that long, a comment stored
    by another process (an accepted lag), and every POST saves a read. Inside a transaction the
    read is fresh (majlis.lib.ttlcache).
    """
    site_id = sub.article.site_id
    return [body for body, email, site in _recent_rows.get("rows", _read_recent_rows)
            if site == site_id and email != sub.email][:FLOOD_SAMPLE]


def _read_recent_rows() -> list[tuple]:
    since = timezone.now() - timedelta(hours=1)
    return _rows(RECENT_SQL, [_db_time(since), RECENT_ROWS])


# The two reads a submission makes, in plain SQL: compiling them through the ORM cost more
# CPU than running them (about 0.2 ms each; docs/performance.md has the profile).
DUPLICATE_SQL = "SELECT id, article_id FROM comments_comment WHERE fingerprint = %s AND created_at >= %s ORDER BY id"
# Walks the created_at index newest first and stops at the limit (each row's site by primary
# key); filtering on the site in SQL would let SQLite, without planner statistics, read every
# recent comment of every article of the site.
RECENT_SQL = (
    "SELECT c.body, c.email, a.site_id FROM comments_comment c "
    "INNER JOIN publications_article a ON a.id = c.article_id "
    "WHERE c.created_at >= %s ORDER BY c.created_at DESC LIMIT %s"
)


def _db_time(moment):
    return connection.ops.adapt_datetimefield_value(moment)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _flood_context(body: str, recent: list[str]) -> list[str]:
    """The texts of ``recent`` that screening counts as near-duplicates of ``body``, newest first,
    at most FLOOD_CAP: the same verdict as screening all of ``recent``, without comparing the
    comment with 40 texts twice (once here, once in screening) or past the third match."""
    from majlis.screening.promotion import flood_count

    found = []
    for other in recent:
        if flood_count(body, (other,)):
            found.append(other)
            if len(found) == FLOOD_CAP:
                break
    return found


def _screen(sub: Submission):
    if not settings.MAJLIS_SCREEN_ON_SUBMIT:
        return None
    from majlis.moderation.policy import site_policy
    from majlis.screening import screen

    article = {"title": sub.article.title, "body": sub.article.body, "language": sub.article.language}
    recent = _flood_context(sub.body, _recent_texts(sub))
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
        ip_prefix=_ip_prefix(sub.ip), fingerprint=fingerprint(sub.email, sub.body), status=Status.PENDING,
        **fields,
    )
    insert(comment)
    # This process sees its own new comment in the flood context at once; other processes' within
    # RECENT_SECONDS.
    row = (comment.body, comment.email, sub.article.site_id)
    _recent_rows.update("rows", lambda rows: [row, *rows[:RECENT_ROWS - 1]])
    return comment


def insert(comment: Comment) -> None:
    """``comment.save(force_insert=True)``, with the INSERT statement compiled once per database
    vendor instead of on every call (the ORM's compilation cost more CPU than the write).

    The values come from the fields' own ``pre_save``/``get_db_prep_save``, as the ORM sends them;
    the save signals are sent; the instance ends up as ``save()`` leaves it. Committed on return
    (autocommit) unless called inside ``atomic()``.
    """
    fields = _insert_fields()
    values = [field.get_db_prep_save(field.pre_save(comment, True), connection) for field in fields]
    pre_save.send(sender=Comment, instance=comment, raw=False, using=connection.alias, update_fields=None)
    # The write turn (SQLite) covers the statement alone: preparing the values and the signals are
    # Python work, which would keep every other writer waiting while this thread waits for the GIL.
    with serialized_write(), connection.cursor() as cursor:
        cursor.execute(_insert_sql(connection), values)
        comment.pk = cursor.fetchone()[0]
    comment._state.adding = False
    comment._state.db = connection.alias
    comment._original = {name: getattr(comment, name) for name in IMMUTABLE_FIELDS}
    post_save.send(sender=Comment, instance=comment, created=True, update_fields=None, raw=False,
                   using=connection.alias)


def _insert_fields() -> list:
    return [f for f in Comment._meta.local_concrete_fields if not f.primary_key and not getattr(f, "generated", False)]


_INSERT_SQL: dict[str, str] = {}


def _insert_sql(conn) -> str:
    sql = _INSERT_SQL.get(conn.vendor)
    if sql is None:
        quote = conn.ops.quote_name
        columns = ", ".join(quote(f.column) for f in _insert_fields())
        marks = ", ".join(["%s"] * len(_insert_fields()))
        sql = _INSERT_SQL[conn.vendor] = (
            f"INSERT INTO {quote(Comment._meta.db_table)} ({columns}) VALUES ({marks}) "
            f"RETURNING {quote(Comment._meta.pk.column)}"
        )
    return sql


def _announce(comment: Comment) -> None:
    """The ``comment.created`` webhook (delivered by the worker) for the site's endpoints."""
    from majlis.webhooks.events import emit
    from majlis.webhooks.models import Event

    emit(Event.CREATED, comment)


def _notify_moderators(comment: Comment) -> None:
    """Moderators who asked for an email per new comment get one, from the worker."""
    if comment.status != Status.PENDING or not _moderators_want_email():
        return
    from majlis.tasks import notify_moderators

    transaction.on_commit(lambda: notify_moderators.enqueue(comment.pk))


def _moderators_want_email() -> bool:
    """Does any moderator want an email per new comment? Cached NOTIFY_SECONDS per process."""
    return _notify_wanted.get("any", lambda: Moderator.objects.filter(email_new_comments=True).exists())


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
