"""Retention: stored address prefixes are removed after MAJLIS_IP_RETENTION_DAYS."""

from datetime import timedelta

from django.utils import timezone

from majlis.comments.models import Comment
from majlis.comments.retention import prune_ip_data


def posted(article, days_ago, prefix="203.0.113.0/24"):
    return Comment.objects.create(
        article=article, author_name="Charlie", email=f"c{days_ago}@example.org", body=f"Posted {days_ago} days ago.",
        ip_prefix=prefix, fingerprint=str(days_ago), created_at=timezone.now() - timedelta(days=days_ago),
    )


def prefixes():
    return dict(Comment.objects.values_list("body", "ip_prefix"))


def test_it_blanks_addresses_older_than_the_retention(article, settings):
    settings.MAJLIS_IP_RETENTION_DAYS = 30
    old, recent = posted(article, 31), posted(article, 29)

    changed = prune_ip_data(timezone.now())

    assert changed == 1
    assert prefixes() == {old.body: "", recent.body: "203.0.113.0/24"}


def test_it_changes_nothing_on_a_second_run(article):
    posted(article, 40)
    now = timezone.now()
    prune_ip_data(now)

    assert prune_ip_data(now) == 0


def test_it_keeps_the_rate_limit_window_even_with_zero_days(article, settings):
    settings.MAJLIS_IP_RETENTION_DAYS = 0
    a_day_old = posted(article, 1)
    just_now = Comment.objects.create(
        article=article, author_name="Dana", email="d@example.org", body="Just now.", ip_prefix="198.51.100.0/24", fingerprint="x"
    )

    prune_ip_data(timezone.now())

    assert prefixes() == {a_day_old.body: "", just_now.body: "198.51.100.0/24"}


def test_it_leaves_what_the_reader_wrote_untouched(article):
    comment = posted(article, 90)

    prune_ip_data(timezone.now())

    stored = Comment.objects.get(pk=comment.pk)
    assert (stored.author_name, stored.email, stored.body) == ("Charlie", comment.email, comment.body)
