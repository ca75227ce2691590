"""Leases: while a moderator looks at a comment, it is theirs for ``MAJLIS_CLAIM_MINUTES``.

A lease is two columns on the comment (``claimed_by``, ``claimed_until``) taken with a conditional
UPDATE whose row count says whether it worked, so two moderators can never hold the same comment.
``claim_next`` hands out the next free comment of a queue; on PostgreSQL it reads the candidate with
``SELECT ... FOR UPDATE SKIP LOCKED`` so that concurrent moderators step past each other's rows
instead of queueing behind them. ``services.decide`` refuses a human decision on a comment leased to
someone else, so the lease is also what keeps two people from working the same comment.
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from majlis.comments.models import Comment, Status

# claim_next retries when a colleague took its candidate between the read and the UPDATE (SQLite).
ATTEMPTS = 20


def lease_minutes() -> int:
    return settings.MAJLIS_CLAIM_MINUTES


def free_for(user, now=None) -> Q:
    """Comments ``user`` may take: unleased, leased to ``user``, or whose lease has run out."""
    now = now or timezone.now()
    return Q(claimed_by__isnull=True) | Q(claimed_by=user) | Q(claimed_until__lt=now)


def held_by_others(user, now=None) -> Q:
    now = now or timezone.now()
    return Q(claimed_by__isnull=False, claimed_until__gte=now) & ~Q(claimed_by=user)


def claim(comment_id: int, user) -> bool:
    """Lease a pending comment to ``user`` (or renew their lease); return whether it is now theirs."""
    now = timezone.now()
    updated = (
        Comment.objects.filter(pk=comment_id, status=Status.PENDING)
        .filter(free_for(user, now))
        .update(claimed_by=user, claimed_until=now + timedelta(minutes=lease_minutes()))
    )
    return updated == 1


def release(comment_id: int, user) -> bool:
    """Give a comment back to the queue; only its holder can."""
    return Comment.objects.filter(pk=comment_id, claimed_by=user).update(claimed_by=None, claimed_until=None) == 1


def claim_next(user, queue, *, skip=()) -> Comment | None:
    """Lease and return the first comment of ``queue`` nobody else holds, or ``None``.

    ``queue`` is the moderator's ordered queryset of pending comments; ``skip`` lists ids they
    passed over. The comment returned is leased to ``user`` when this returns.
    """
    for _ in range(ATTEMPTS):
        with transaction.atomic():
            now = timezone.now()
            candidates = queue.filter(status=Status.PENDING).filter(free_for(user, now)).exclude(pk__in=list(skip))
            if connection.features.has_select_for_update_skip_locked:
                candidates = candidates.select_for_update(skip_locked=True, of=("self",))
            comment_id = candidates.values_list("pk", flat=True).first()
            if comment_id is None:
                return None
            if claim(comment_id, user):
                return Comment.objects.select_related("article").get(pk=comment_id)
    return None
