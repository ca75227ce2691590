"""Readers' data rights: a copy of their comments, or their erasure, asked for by email.

Anyone may ask for either by typing an email address; the answer is always the same page, and the
link that acts goes only to that address, signed and valid for ``LINK_HOURS`` hours, so nobody
learns or erases another reader's comments.

Erasure and "comments are never edited": an erased comment is **withdrawn**, not edited. In one
update (the single one the database trigger allows, because it sets ``erased_at``) its status
becomes ``withdrawn`` and the name, email, text, address prefix and fingerprint are blanked; the
row stays, so counts, statistics and the audit log still add up, and a ``withdraw`` entry in the
audit log records when and why. A comment that was public leaves the public list at once (its
article's ``public_version`` is bumped, which changes the list's ETag).

Asking sends an email, so it is rate-limited (``may_ask``): per email address and per network the
request comes from (``MAJLIS_RIGHTS_LIMIT_PER_EMAIL`` and ``..._PER_IP`` an hour), counted for
every request whether or not the address has comments, so the refusal tells nothing either.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from majlis.comments.models import Comment, Status
from majlis.lib import limits, net
from majlis.moderation.models import Action, Decision
from majlis.publications.models import Article

SALT = "majlis.comments.rights"
LINK_HOURS = 24
ACTIONS = ("export", "erase")
ASK_WINDOW = timedelta(hours=1)


class BadLink(Exception):
    """The link is forged, altered or expired."""


def make_token(email: str, action: str) -> str:
    assert action in ACTIONS
    return signing.TimestampSigner(salt=SALT).sign_object({"e": email.strip().lower(), "a": action})


def read_token(token: str, max_age: int | None = None) -> tuple[str, str]:
    """``(email, action)`` from a link's token; raise ``BadLink`` if it is forged or expired."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=max_age or LINK_HOURS * 3600)
    except (signing.BadSignature, ValueError) as exc:
        raise BadLink(str(exc)) from exc
    if data.get("a") not in ACTIONS or not data.get("e"):
        raise BadLink("incomplete token")
    return data["e"], data["a"]


def may_ask(email: str, ip: str) -> bool:
    """Count one request for a link to ``email`` from ``ip``; False (nothing counted) when the
    address or the sender's network (/24, /48) has asked too often within ``ASK_WINDOW``."""
    return limits.allow(
        (limits.Rate("rights-email", settings.MAJLIS_RIGHTS_LIMIT_PER_EMAIL, ASK_WINDOW), email.strip().lower()),
        (limits.Rate("rights-network", settings.MAJLIS_RIGHTS_LIMIT_PER_IP, ASK_WINDOW), net.truncate(ip)),
    )


def comments_of(email: str):
    return Comment.objects.filter(email__iexact=email.strip(), erased_at__isnull=True).select_related("article")


def export_for(email: str) -> dict:
    """Everything Majlis holds about the comments posted with ``email``, as JSON-ready data."""
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {"id": c.pk, "article": c.article.title, "article_url": c.article.url or c.article.get_absolute_url(),
             "author": c.author_name, "body": c.body, "status": c.status, "language": c.language,
             "created_at": c.created_at.isoformat(), "decided_at": c.decided_at.isoformat() if c.decided_at else None,
             "address_prefix": c.ip_prefix}
            for c in comments_of(email).order_by("created_at")
        ],
    }


def erase(comment: Comment, now=None) -> bool:
    """Withdraw one comment and blank its personal data, once; False if it was erased already."""
    now = now or timezone.now()
    with transaction.atomic():
        # The status as stored now, under a row lock: the caller's copy may predate a decision.
        current = Comment.objects.select_for_update().filter(pk=comment.pk, erased_at__isnull=True).first()
        if current is None:
            return False
        updated = Comment.objects.filter(pk=comment.pk, erased_at__isnull=True).update(
            author_name="", email="", body="", ip_prefix="", fingerprint="", erased_at=now,
            status=Status.WITHDRAWN, claimed_by=None, claimed_until=None,
        )
        if not updated:
            return False
        Decision.objects.create(comment_id=comment.pk, action=Action.WITHDRAW, note="Erased at the commenter's request.",
                                scores=current.scores, violation=current.violation, created_at=now)
        if current.status == Status.APPROVED:
            Article.objects.filter(pk=current.article_id).update(public_version=F("public_version") + 1)
    return True


def erase_for(email: str) -> int:
    """Erase every comment posted with ``email``; returns how many were erased."""
    return sum(erase(c) for c in list(comments_of(email)))
