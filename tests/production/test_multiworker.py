"""Two web processes and two workers on one database: every task runs exactly once.

Runs on the suite's database engine: its own PostgreSQL database when DATABASE_URL is PostgreSQL
(claims use SELECT ... FOR UPDATE SKIP LOCKED), else a SQLite file (exclusive transactions).
"""

import json
import time
from collections import Counter

import pytest

from majlis.webhooks import signing

from prodsupport import http_status, wait_for

SECRET = "multi-worker-secret"
N = 40

SETUP = """
from majlis.publications.models import Article, Site
from majlis.webhooks.models import Endpoint
site = Site.objects.create(name="Multi", domain="multi.example")
Article.objects.create(site=site, slug="multi", title="Council budget", body="The council met.")
Endpoint.objects.create(site=site, url={url!r}, secret={secret!r})
"""

TASK_REPORT = """
import json
from collections import Counter
from django_tasks_db.models import DBTaskResult
rows = list(DBTaskResult.objects.values_list("status", "worker_ids"))
print(json.dumps({"statuses": Counter(s for s, _ in rows), "runs": [len(w) for _, w in rows],
                  "workers": sorted({w for _, ws in rows for w in ws})}))
"""


@pytest.mark.slow
def test_it_runs_every_task_once_with_two_workers_and_two_web_processes(installation, receiver):
    installation.python(SETUP.format(url=receiver.url, secret=SECRET))
    webs = [installation.web("web-a"), installation.web("web-b")]
    installation.worker("worker-1")
    installation.worker("worker-2")

    for i in range(N):
        body = {"author": f"Reader {i}", "email": f"reader{i}@example.org", "body": f"Comment {i}: the budget table is wrong."}
        assert http_status(f"{webs[i % 2]}/api/v1/articles/multi/comments", json.dumps(body).encode()) == 202

    wait_for(lambda: len(receiver.requests) >= N, 90, f"only {len(receiver.requests)} of {N} webhooks arrived")
    time.sleep(2)  # room for a duplicate to show up, if the claim were broken
    deliveries = Counter(r["headers"]["X-Majlis-Delivery"] for r in receiver.requests)
    assert len(deliveries) == N and set(deliveries.values()) == {1}
    report = json.loads(installation.python(TASK_REPORT))
    assert report["statuses"] == {"SUCCESSFUL": N} and set(report["runs"]) == {1}
    assert set(report["workers"]) <= {"worker-1", "worker-2"}


def test_it_signs_what_the_workers_deliver(installation, receiver):
    installation.python(SETUP.format(url=receiver.url, secret=SECRET))
    web = installation.web("web")
    installation.worker("worker")
    body = {"author": "Charlie", "email": "charlie@example.org", "body": "The second table does not add up."}
    assert http_status(f"{web}/api/v1/articles/multi/comments", json.dumps(body).encode()) == 202

    wait_for(lambda: len(receiver.requests) == 1, 60, "the webhook did not arrive")
    request = receiver.requests[0]
    headers = request["headers"]
    assert headers["X-Majlis-Event"] == "comment.created"
    assert signing.verify(SECRET, headers["X-Majlis-Timestamp"], request["body"], headers["X-Majlis-Signature"])
    assert json.loads(request["body"])["comment"]["body"] == body["body"]
