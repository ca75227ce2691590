"""A worker killed in the middle of a webhook POST: the delivery it leaves "sending" is retried
once its lease has passed, by another worker, against a real installation."""

import json
import os
import signal

import pytest

from prodsupport import wait_for

SETUP = """
from majlis.publications.models import Article, Site
from majlis.webhooks.models import Endpoint
site = Site.objects.create(name="Recovery", domain="recovery.example")
Article.objects.create(site=site, slug="recovery", title="Council budget", body="The council met.")
Endpoint.objects.create(site=site, url={url!r}, secret="k")
"""

POST_COMMENT = """
from majlis.comments.submission import Submission, submit
from majlis.publications.models import Article
submit(Submission(article=Article.objects.get(slug="recovery"), author="Charlie", email="charlie@example.org",
                  body="The second table does not add up.", ip="198.51.100.7"))
"""

STATE = """
import json
from majlis.webhooks.models import Delivery
print(json.dumps(list(Delivery.objects.values("status", "attempts"))))
"""

SWEEP_AFTER_THE_LEASE = """
from datetime import timedelta
from django.utils import timezone
from majlis.webhooks import delivery
print(delivery.recover_stale(now=timezone.now() + delivery.lease() + timedelta(seconds=1)))
"""


def state(installation) -> list[dict]:
    return json.loads(installation.python(STATE))


@pytest.mark.slow
def test_a_delivery_interrupted_by_a_killed_worker_is_sent_again(installation, receiver):
    installation.python(SETUP.format(url=receiver.url))
    receiver.answering.clear()  # the first POST arrives but is never answered
    killed = installation.worker("worker-1")
    installation.python(POST_COMMENT)
    wait_for(lambda: len(receiver.requests) == 1, 60, "the first attempt did not arrive")

    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait(timeout=10)
    receiver.answering.set()
    assert state(installation) == [{"status": "sending", "attempts": 0}]
    assert installation.python(SWEEP_AFTER_THE_LEASE).strip() != "[]"
    installation.worker("worker-2")

    wait_for(lambda: len(receiver.requests) == 2, 60, "the interrupted delivery was not sent again")
    wait_for(lambda: state(installation)[0]["status"] == "delivered", 30, "the retry was not recorded")
    assert state(installation) == [{"status": "delivered", "attempts": 2}]
    ids = {r["headers"]["X-Majlis-Delivery"] for r in receiver.requests}
    assert len(ids) == 1  # the same delivery id both times: the receiver can tell it is a repeat
