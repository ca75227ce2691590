"""The project's own table: the hits counted by the rate limits of ``majlis.lib.limits``."""

from django.db import models
from django.utils import timezone


class RateLimitHit(models.Model):
    """One action counted by a rate limit: a keyed hash of what was limited (never the email
    address or network itself) and when. Pruned by the worker once older than any window."""

    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["key", "created_at"], name="majlis_hit_key_idx"),
                   models.Index(fields=["created_at"], name="majlis_hit_created_idx")]
