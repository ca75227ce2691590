"""Login lockout: after ``MAJLIS_LOGIN_MAX_FAILURES`` wrong passwords in a row an account is locked
for ``LOCK_MINUTES``, and during the lock even the right password is refused.

The count lives on the moderator profile (``failed_logins``, ``locked_until``), so it holds across
web workers and machines. Names without a profile are never locked: there is nothing to protect, and
answering differently for them would tell a guesser which names exist.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from majlis.accounts.models import Moderator

LOCK_MINUTES = 15


def _profiles(username: str):
    return Moderator.objects.filter(user__username=username)


def locked_until(username: str):
    """Return when the lock on ``username`` ends, or ``None`` when it may try to log in."""
    until = _profiles(username).values_list("locked_until", flat=True).first()
    if until and until > timezone.now():
        return until
    return None


def record_failure(username: str) -> None:
    """Count one wrong password; the failure that reaches the limit starts the lock."""
    profiles = _profiles(username)
    profiles.update(failed_logins=F("failed_logins") + 1)
    limit = settings.MAJLIS_LOGIN_MAX_FAILURES
    profiles.filter(failed_logins__gte=limit).update(
        failed_logins=0, locked_until=timezone.now() + timedelta(minutes=LOCK_MINUTES)
    )


def record_success(user) -> None:
    """A successful login clears the count and any expired lock."""
    Moderator.objects.filter(user=user).update(failed_logins=0, locked_until=None)


def unlock(profile: Moderator) -> None:
    """An admin lifts a lock by hand."""
    Moderator.objects.filter(pk=profile.pk).update(failed_logins=0, locked_until=None)
