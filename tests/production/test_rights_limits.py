"""Asking for a data-rights link sends an email, so it is rate-limited per address and per network."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from majlis.comments.models import Comment
from majlis.lib import limits
from majlis.models import RateLimitHit


@pytest.fixture
def charlie(article):
    return Comment.objects.create(article=article, author_name="Charlie", email="charlie@example.org",
                                  body="A remark on the budget.", fingerprint="c", ip_prefix="198.51.100.0/24")


@pytest.fixture
def limited(settings):
    settings.MAJLIS_RIGHTS_LIMIT_PER_EMAIL = 2
    settings.MAJLIS_RIGHTS_LIMIT_PER_IP = 3


def ask(client, email, ip="198.51.100.7", action="export"):
    return client.post("/my-data/", {"email": email, "action": action}, REMOTE_ADDR=ip)


def test_it_refuses_a_third_link_for_one_address_within_the_hour(client, charlie, limited):
    assert [ask(client, "charlie@example.org", ip=f"192.0.{n}.1").status_code for n in range(2)] == [200, 200]

    refused = ask(client, "Charlie@Example.org", ip="192.0.9.1", action="erase")

    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    assert b"Too many links have been requested" in refused.content
    assert b'value="Charlie@Example.org"' in refused.content  # what the reader typed stays
    assert b'value="erase" required id="id_action_1" checked' in refused.content
    assert len(mail.outbox) == 2


def test_it_refuses_a_network_that_asks_for_many_addresses(client, db, limited):
    statuses = [ask(client, f"reader{n}@example.org", ip=f"203.0.113.{n}").status_code for n in range(4)]

    assert statuses == [200, 200, 200, 429]  # one /24 network
    assert ask(client, "reader9@example.org", ip="203.0.114.1").status_code == 200  # another network


def test_it_refuses_alike_whether_or_not_the_address_has_comments(client, charlie, limited):
    for _ in range(2):
        ask(client, "charlie@example.org", ip="192.0.2.1")
        ask(client, "nobody@example.org", ip="192.0.3.1")

    known, unknown = ask(client, "charlie@example.org", ip="192.0.4.1"), ask(client, "nobody@example.org", ip="192.0.4.1")

    assert known.status_code == unknown.status_code == 429
    assert known.context["refusal"] == unknown.context["refusal"]


def test_a_refused_request_is_not_counted(client, db, limited):
    ask(client, "dana@example.org")
    ask(client, "dana@example.org")
    assert ask(client, "dana@example.org").status_code == 429

    assert RateLimitHit.objects.count() == 4  # two requests, each counted per address and per network


def test_an_invalid_form_is_not_counted(client, db, limited):
    for _ in range(5):
        assert client.post("/my-data/", {"email": "not-an-address", "action": "export"}).status_code == 200

    assert not RateLimitHit.objects.exists()


def test_it_stores_no_address_in_clear(client, db, limited):
    ask(client, "dana@example.org", ip="198.51.100.7")

    keys = list(RateLimitHit.objects.values_list("key", flat=True))
    assert len(keys) == 2 and all(len(k) == 64 and "@" not in k and "198" not in k for k in keys)


def test_zero_turns_the_limits_off(client, db, settings):
    settings.MAJLIS_RIGHTS_LIMIT_PER_EMAIL = settings.MAJLIS_RIGHTS_LIMIT_PER_IP = 0

    assert {ask(client, "dana@example.org").status_code for _ in range(6)} == {200}
    assert not RateLimitHit.objects.exists()


def test_the_limit_counts_only_the_window(db):
    rate = limits.Rate("test", 1, timedelta(hours=1))
    an_hour_ago = timezone.now() - timedelta(hours=1, seconds=1)

    assert limits.allow((rate, "x"), now=an_hour_ago)
    assert limits.allow((rate, "x"))
    assert not limits.allow((rate, "x"))
    assert limits.allow((rate, "y"))  # another value has its own count


def test_the_worker_prunes_hits_older_than_a_day(db):
    rate = limits.Rate("test", 5, timedelta(hours=1))
    limits.allow((rate, "old"), now=timezone.now() - timedelta(days=1, minutes=1))
    limits.allow((rate, "new"))

    assert limits.prune() == 1
    assert RateLimitHit.objects.count() == 1
