"""``majlis worker`` on the database backend: due tasks run once, deferred retries wait, and the
periodic maintenance tasks are scheduled once per period."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from majlis.comments.models import Comment
from majlis.management.commands.worker import schedule_periodic
from majlis.moderation.services import decide
from majlis.tasks import prune_ip_data
from majlis.webhooks.models import Delivery, Endpoint

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work() -> None:
    call_command("worker", "--batch", "--no-periodic", "--interval", "0", verbosity=0)


def pending(article):
    return Comment.objects.create(article=article, author_name="Charlie", email="charlie@example.org",
                                  body="A thoughtful remark about the budget.", fingerprint="c")


def test_it_sends_the_decision_email_from_the_worker_not_the_request(site, article):
    site.notify_authors = True
    site.save()
    decide(pending(article).pk, "approve")
    assert mail.outbox == [] and DBTaskResult.objects.filter(status="READY").count() == 1

    work()

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["charlie@example.org"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_it_defers_a_failed_delivery_to_its_retry_time(site, article):
    Endpoint.objects.create(site=site, url="http://127.0.0.1:9/nothing-listens", secret="k")
    decide(pending(article).pk, "approve")

    work()

    delivery = Delivery.objects.get()
    retry = DBTaskResult.objects.get(status="READY")
    assert delivery.attempts == 1 and retry.run_after == delivery.next_attempt_at
    work()  # not due yet: nothing runs
    assert Delivery.objects.get().attempts == 1


def test_it_schedules_periodic_tasks_once_per_period():
    first = schedule_periodic()
    again = schedule_periodic()

    assert prune_ip_data.module_path in first and again == []
    work()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_it_closes_tasks_a_killed_worker_left_running_and_queues_interrupted_rescreens_again(settings):
    from datetime import timedelta

    from django.utils import timezone

    from majlis.tasks import INTERRUPTED, recover_tasks, rescreen, send_decision_email

    settings.MAJLIS_TASK_LEASE_SECONDS = 600
    now = timezone.now()
    killed_rescreen = rescreen.enqueue([3, 5, 8]).id
    killed_email = send_decision_email.enqueue(42).id
    still_running = rescreen.enqueue([13]).id
    for pk, started in ((killed_rescreen, now - timedelta(hours=2)), (killed_email, now - timedelta(minutes=11)),
                        (still_running, now - timedelta(minutes=9))):
        DBTaskResult.objects.filter(pk=pk).update(status="RUNNING", started_at=started)

    assert recover_tasks.call() == 2

    rows = {str(r.pk): r for r in DBTaskResult.objects.all()}
    for pk in (killed_rescreen, killed_email):
        assert rows[pk].status == "FAILED" and rows[pk].exception_class_path == INTERRUPTED
        assert rows[pk].finished_at is not None
    assert rows[still_running].status == "RUNNING"
    again = [r for r in rows.values() if r.status == "READY"]
    assert [(r.task_path, r.args_kwargs["args"]) for r in again] == [(rescreen.module_path, [[3, 5, 8]])]
    assert recover_tasks.call() == 0  # nothing left to close, nothing queued twice
    assert DBTaskResult.objects.filter(status="READY").count() == 1
