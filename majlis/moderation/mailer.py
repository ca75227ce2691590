"""Moderation from email: a message per new pending comment to the moderators who asked for it,
with signed approve and reject links that expire.

A link carries ``{comment, moderator, action}`` signed with ``TimestampSigner`` (salt
``SALT``) and is refused after ``LINK_MAX_AGE``. It opens a confirmation page; only the POST
from that page (with its CSRF token) decides, so a mail scanner that follows links decides
nothing. The decision goes through ``services.decide`` like any other, once.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from majlis.accounts.models import Moderator
from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status

log = logging.getLogger(__name__)
SALT = "majlis.moderation.email"
LINK_MAX_AGE = timedelta(hours=48)
ACTIONS = ("approve", "reject")


class LinkError(Exception):
    """The link is forged, damaged or expired; ``expired`` tells which."""

    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def make_token(comment_id: int, user_id: int, action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(action)
    return signing.TimestampSigner(salt=SALT).sign_object({"c": comment_id, "u": user_id, "a": action})


def read_token(token: str, max_age: timedelta | None = None) -> tuple[int, int, str]:
    """Return ``(comment_id, user_id, action)`` of a valid link or raise ``LinkError``.

    A link is valid for ``max_age`` (default ``LINK_MAX_AGE``) after it was made."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age or LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkError(expired=True) from None
    except (signing.BadSignature, ValueError):
        raise LinkError(expired=False) from None
    if not isinstance(data, dict) or data.get("a") not in ACTIONS:
        raise LinkError(expired=False)
    return int(data["c"]), int(data["u"]), data["a"]


def recipients(comment):
    """The active moderators who asked for these emails and may see ``comment``."""
    profiles = Moderator.objects.filter(email_new_comments=True, user__is_active=True).exclude(user__email="").select_related("user")
    return [p.user for p in profiles if visible_comments(p.user).filter(pk=comment.pk).exists()]


def base_url(comment) -> str:
    return getattr(settings, "MAJLIS_PUBLIC_URL", "") or f"http://{comment.article.site.domain}"


def comment_pending(comment, *, base: str = "") -> int:
    """Email each recipient about a pending ``comment``; return how many were sent.

    ``base`` is the absolute root of this installation (``request.build_absolute_uri("/")``);
    a failing mail server is logged and never blocks the comment.
    """
    if comment.status != Status.PENDING:
        return 0
    root = (base or base_url(comment)).rstrip("/")
    sent = 0
    for user in recipients(comment):
        links = {a: root + reverse("moderation:email_decision", args=[make_token(comment.pk, user.pk, a)]) for a in ACTIONS}
        context = {"comment": comment, "user": user, "links": links, "hours": int(LINK_MAX_AGE.total_seconds() // 3600),
                   "queue": root + reverse("moderation:queue")}
        subject = render_to_string("moderation/email/pending_subject.txt", context).strip()
        body = render_to_string("moderation/email/pending_body.txt", context)
        try:
            send_mail(subject, body, None, [user.email])
            sent += 1
        except Exception:  # one unreachable mailbox must not stop the others, nor the comment
            log.exception("moderation email for comment %s to %s failed", comment.pk, user.pk)
    return sent
