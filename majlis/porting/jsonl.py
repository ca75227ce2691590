"""Majlis's own export: JSON lines (Django's ``jsonl`` serialization) of sites, articles, comments
and decisions, with moderators named by username; and its lossless restore.

One object per line: ``{"model": "comments.comment", "pk": 7, "fields": {...}}``. Every field is
kept, primary keys included, so restoring into an empty installation gives back the same rows and
a second export is identical to the first. Moderators who decided are referred to by username; a
restore creates missing ones as inactive accounts without a password (an admin activates them).
Erased comments stay erased: their personal fields are exported blank, as stored.
"""

import json
from collections.abc import Iterable, Iterator

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

from majlis.comments.models import Comment
from majlis.moderation.models import Decision
from majlis.publications.models import Article, Site

MODELS = (Site, Article, Comment, Decision)
CHUNK = 1000


def querysets(site: Site | None = None):
    """What an export holds, parents before children (the order a restore needs)."""
    sites = Site.objects.all() if site is None else Site.objects.filter(pk=site.pk)
    return (
        sites.order_by("pk"),
        Article.objects.filter(site__in=sites).order_by("pk"),
        Comment.objects.filter(article__site__in=sites).order_by("pk"),
        Decision.objects.filter(comment__article__site__in=sites).order_by("pk"),
    )


def export_lines(site: Site | None = None) -> Iterator[str]:
    """The export, one JSON document per line (without line ends)."""
    for queryset in querysets(site):
        for start in range(0, queryset.count(), CHUNK):
            chunk = serializers.serialize("jsonl", queryset[start:start + CHUNK], use_natural_foreign_keys=True)
            yield from (line for line in chunk.splitlines() if line)


def _usernames(lines: list[str]) -> set[str]:
    names = set()
    for line in lines:
        fields = json.loads(line).get("fields", {})
        for key in ("moderator", "claimed_by", "reviewed_by"):
            if isinstance(fields.get(key), list):
                names.add(fields[key][0])
    return names


def ensure_users(usernames: Iterable[str]) -> None:
    User = get_user_model()
    for name in usernames:
        if not User.objects.filter(username=name).exists():
            user = User(username=name, is_active=False)
            user.set_unusable_password()
            user.save()


def restore(lines: Iterable[str]) -> dict[str, int]:
    """Load an export (all or nothing); returns the number of objects per model label."""
    lines = [line for line in lines if line.strip()]
    counts: dict[str, int] = {}
    with transaction.atomic():
        ensure_users(_usernames(lines))
        for obj in serializers.deserialize("jsonl", "\n".join(lines), handle_forward_references=True):
            obj.save()
            label = obj.object._meta.label_lower
            counts[label] = counts.get(label, 0) + 1
        _reset_sequences()
    return counts


def _reset_sequences() -> None:
    """Explicit primary keys leave PostgreSQL's sequences behind; move them past the restored ids."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(MODELS))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
