"""Background tasks run by ``majlis worker`` (django-tasks, database backend).

Each task is small and calls into the app that owns the work; arguments are ids, never objects,
because a task may run minutes later on another machine. Enqueue after the change it reacts to is
committed (``transaction.on_commit``), so a worker never looks for a row that is not there yet.
"""

import logging

from django.utils import timezone
from django_tasks import task

log = logging.getLogger(__name__)


@task()
def send_decision_email(decision_id: int) -> str:
    """Email the commenter the decision (when the site wants it); ``notify.decision_made`` sends it."""
    from majlis.moderation import notify
    from majlis.moderation.models import Decision

    decision = Decision.objects.select_related("comment__article__site").filter(pk=decision_id).first()
    if decision is None:
        return "gone"
    notify.decision_made(decision.comment, decision)
    return "done"


@task()
def notify_moderators(comment_id: int) -> str:
    """Email the moderators who asked for it about a new pending comment, with signed links."""
    from majlis.comments.models import Comment
    from majlis.moderation import mailer

    comment = Comment.objects.select_related("article__site").filter(pk=comment_id).first()
    if comment is None:
        return "gone"
    return f"sent {mailer.comment_pending(comment)}"


@task()
def deliver_webhook(delivery_id: int) -> str:
    """One attempt at one webhook delivery; a failed attempt enqueues its own retry."""
    from majlis.webhooks.delivery import deliver

    return deliver(delivery_id)


@task()
def recover_webhooks() -> int:
    """Retry webhook deliveries left "sending" past their lease by a worker that died; returns how many."""
    from majlis.webhooks.delivery import recover_stale

    return len(recover_stale())


@task()
def rescreen(comment_ids: list[int]) -> int:
    """Screen these comments again with the installed model; returns how many were updated."""
    from majlis.comments.rescreen import rescreen_comments

    return rescreen_comments(comment_ids)


@task()
def prune_ip_data() -> int:
    """Blank address prefixes older than MAJLIS_IP_RETENTION_DAYS (idempotent)."""
    from majlis.comments.retention import prune_ip_data as prune

    return prune(timezone.now())


@task()
def optimize_database() -> str:
    """Keep SQLite's planner statistics fresh (``PRAGMA optimize``); PostgreSQL's autovacuum does it there."""
    from django.db import connection

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")
    return connection.vendor


@task()
def prune_task_results() -> str:
    """Delete finished task rows older than TASK_RESULT_DAYS (django-tasks-db keeps them all)."""
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("prune_db_task_results", min_age_days=TASK_RESULT_DAYS, stdout=out)
    return out.getvalue().strip()


INTERRUPTED = "majlis.tasks.Interrupted"


@task()
def recover_tasks() -> int:
    """Close the task rows a killed worker left RUNNING past MAJLIS_TASK_LEASE_SECONDS; returns how many.

    django-tasks-db never reclaims them: they would count as running forever and never be pruned.
    Each is marked FAILED (``exception_class_path`` ``INTERRUPTED``). Re-screening is safe to
    repeat, so an interrupted ``rescreen`` batch is queued again; a decision email is not (it may
    have gone out before the worker died).
    """
    from datetime import timedelta

    from django.conf import settings
    from django.db import transaction
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING,
                                        started_at__lt=now - timedelta(seconds=settings.MAJLIS_TASK_LEASE_SECONDS))
    closed = 0
    for pk, path, args_kwargs in stale.values_list("pk", "task_path", "args_kwargs"):
        if not DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED, finished_at=now, exception_class_path=INTERRUPTED,
                traceback="The worker running this task stopped before it finished (lease expired)."):
            continue  # another worker's sweep took it
        closed += 1
        if path == rescreen.module_path:
            args, kwargs = args_kwargs.get("args", []), args_kwargs.get("kwargs", {})
            transaction.on_commit(lambda args=args, kwargs=kwargs: rescreen.enqueue(*args, **kwargs))
    if closed:
        log.warning("closed %d task(s) left running by a stopped worker", closed)
    return closed


@task()
def prune_rate_limits() -> int:
    """Delete rate-limit hits older than any limit's window (majlis.lib.limits); returns how many."""
    from majlis.lib.limits import prune

    return prune()


TASK_RESULT_DAYS = 14
# Tasks the worker schedules itself, with how often: (task, seconds between runs). The worker
# looks every 5 minutes (worker.CHECK_EVERY), so recover_webhooks and recover_tasks run at each look.
PERIODIC = (
    (prune_ip_data, 24 * 3600), (optimize_database, 6 * 3600), (prune_task_results, 24 * 3600),
    (recover_webhooks, 240), (prune_rate_limits, 6 * 3600), (recover_tasks, 240),
)
