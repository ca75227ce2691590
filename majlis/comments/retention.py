"""Privacy retention: how long a comment keeps the (already truncated) address it came from.

``prune_ip_data(now)`` is the whole job; the worker schedules it (daily is plenty). Only the
network prefix is ever stored (see ``majlis.lib.net.truncate``); after
``MAJLIS_IP_RETENTION_DAYS`` even that goes.
"""

from datetime import datetime, timedelta

from django.conf import settings

from majlis.comments.models import Comment
from majlis.comments.submission import RATE_WINDOW


def ip_cutoff(now: datetime) -> datetime:
    """Return the instant before which stored addresses are removed.

    ``MAJLIS_IP_RETENTION_DAYS`` = 0 keeps nothing beyond the per-address rate-limit window (ten
    minutes), which needs the recent prefixes to work at all.
    """
    days = max(0, settings.MAJLIS_IP_RETENTION_DAYS)
    return min(now - timedelta(days=days), now - RATE_WINDOW)


def prune_ip_data(now: datetime) -> int:
    """Blank the stored address prefix of every comment posted before the retention cutoff.

    Returns the number of comments changed; a second run with the same ``now`` changes nothing.
    Author, email and body are untouched (the immutability trigger guards them anyway).
    """
    return Comment.objects.filter(created_at__lt=ip_cutoff(now)).exclude(ip_prefix="").update(ip_prefix="")
