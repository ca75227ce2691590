"""``majlis worker``: run background tasks from the database, as many workers as you like.

A thin wrapper around django-tasks-db's ``db_worker``: each task is claimed inside a transaction
(``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL, an exclusive transaction on SQLite), so
several workers on one database never run a task twice. The wrapper also enqueues the periodic
maintenance tasks of ``majlis.tasks.PERIODIC`` when they are due.
"""

import threading
import time
from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

CHECK_EVERY = 300.0


def schedule_periodic(now=None) -> list[str]:
    """Enqueue each periodic task not enqueued within its period; returns the task paths enqueued.

    Two workers checking at the same instant may both enqueue one; the periodic tasks are
    idempotent, so that costs a little work, never a wrong result.
    """
    from django_tasks_db.models import DBTaskResult

    from majlis.tasks import PERIODIC

    now = now or timezone.now()
    queued = []
    for task, seconds in PERIODIC:
        recent = DBTaskResult.objects.filter(task_path=task.module_path, enqueued_at__gte=now - timedelta(seconds=seconds))
        if not recent.exists():
            task.enqueue()
            queued.append(task.module_path)
    return queued


class Command(BaseCommand):
    help = "Run background tasks (emails, webhooks, re-screening, retention) from the database."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds to wait when the queue is empty (default 1).")
        parser.add_argument("--batch", action="store_true", help="Run every task that is due, then exit.")
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after running this many tasks.")
        parser.add_argument("--worker-id", default=None, help="A name for this worker in the task log (default: generated).")
        parser.add_argument("--no-periodic", action="store_true", help="Do not enqueue the periodic maintenance tasks.")

    def handle(self, interval, batch, max_tasks, worker_id, no_periodic, **options):
        if not no_periodic:
            schedule_periodic()
            if not batch:
                threading.Thread(target=self.keep_scheduling, daemon=True).start()
        extra = {"worker_id": worker_id} if worker_id else {}
        call_command("db_worker", interval=interval, batch=batch, max_tasks=max_tasks, startup_delay=not batch,
                     verbosity=options["verbosity"], **extra)

    def keep_scheduling(self) -> None:
        from django.db import connection

        while True:
            time.sleep(CHECK_EVERY)
            try:
                schedule_periodic()
            finally:
                connection.close()
