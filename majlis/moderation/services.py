"""Decisions: the only code that changes a comment's status.

Each function is one atomic step: the status changes only if the comment is still in the state the
caller saw (a conditional UPDATE, checked by its row count), so two moderators, or a moderator and
the automation, can never both decide the same comment.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from majlis.comments.models import Comment, Status
from majlis.moderation import claims
from majlis.moderation.models import Action, Decision
from majlis.publications.models import Article
from majlis.screening.categories import BY_CODE


class DecisionError(Exception):
    """The decision cannot be made; ``code`` is ``invalid`` (422) or ``conflict`` (409)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Outcome:
    comment: Comment
    decision: Decision


def validate(action: str, reason: str | None) -> None:
    if action not in (Action.APPROVE, Action.REJECT):
        raise DecisionError(_("The action must be approve or reject."), "invalid")
    if action == Action.REJECT and not reason:
        raise DecisionError(_("A rejection needs a guideline reason."), "invalid")
    if reason and reason not in BY_CODE:
        raise DecisionError(_("Unknown guideline reason: %(reason)s.") % {"reason": reason}, "invalid")


def decide(comment_id: int, action: str, *, reason: str = "", note: str = "", moderator=None, model_version: str = "") -> Outcome:
    """Approve or reject a pending comment, once; raise DecisionError otherwise.

    ``moderator`` is the deciding user; automated decisions pass ``model_version`` instead.
    """
    validate(action, reason)
    status = Status.APPROVED if action == Action.APPROVE else Status.REJECTED
    now = timezone.now()
    with transaction.atomic():
        pending = Comment.objects.filter(pk=comment_id, status=Status.PENDING)
        if moderator is not None:
            # A colleague's live lease wins: the comment is theirs until they decide or it expires.
            pending = pending.filter(claims.free_for(moderator, now))
        updated = pending.update(status=status, decided_at=now, claimed_by=None, claimed_until=None)
        if not updated:
            raise refusal(comment_id)
        comment = Comment.objects.select_related("article").get(pk=comment_id)
        decision = Decision.objects.create(
            comment=comment, action=action, reason=reason or "", note=note, moderator=moderator,
            model_version=model_version if moderator is None else "", scores=comment.scores,
            violation=comment.violation, created_at=now,
        )
        if status == Status.APPROVED:
            bump_public_version(comment.article_id)
    transaction.on_commit(lambda: after_decision(comment, decision))
    return Outcome(comment, decision)


def refusal(comment_id: int) -> DecisionError:
    """Why a conditional UPDATE changed nothing: gone, already decided, or leased to a colleague."""
    comment = Comment.objects.select_related("claimed_by").filter(pk=comment_id).first()
    if comment is None:
        return DecisionError(_("No such comment."), "not_found")
    if comment.status != Status.PENDING:
        return DecisionError(_("This comment has already been decided."), "conflict")
    name = comment.claimed_by.get_username() if comment.claimed_by else "?"
    return DecisionError(
        _("%(name)s is reviewing this comment; it is theirs for a few more minutes.") % {"name": name}, "conflict"
    )


@dataclass(frozen=True)
class BulkOutcome:
    decided: list[Outcome]
    refused: list[tuple[int, DecisionError]]


def decide_many(comment_ids, action: str, *, reason: str = "", note: str = "", moderator=None) -> BulkOutcome:
    """Decide each comment of a selection on its own: one refusal does not undo the others."""
    validate(action, reason)
    decided, refused = [], []
    for comment_id in dict.fromkeys(comment_ids):
        try:
            decided.append(decide(comment_id, action, reason=reason, note=note, moderator=moderator))
        except DecisionError as exc:
            refused.append((comment_id, exc))
    return BulkOutcome(decided, refused)


def reverse(comment_id: int, *, note: str, admin, reason: str = "") -> Outcome:
    """An admin turns an approval into a rejection or back, with a recorded reason (``note``)."""
    if not note.strip():
        raise DecisionError(_("Reversing a decision needs a recorded reason."), "invalid")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().select_related("article").get(pk=comment_id)
        if comment.status == Status.APPROVED:
            if not reason:
                raise DecisionError(_("A rejection needs a guideline reason."), "invalid")
            validate(Action.REJECT, reason)
            new_status, action = Status.REJECTED, Action.REVERSE_TO_REJECTED
        elif comment.status == Status.REJECTED:
            new_status, action, reason = Status.APPROVED, Action.REVERSE_TO_APPROVED, ""
        else:
            raise DecisionError(_("Only a decided comment can be reversed."), "conflict")
        previous = comment.decisions.order_by("-created_at").first()
        Comment.objects.filter(pk=comment.pk).update(status=new_status, decided_at=timezone.now())
        decision = Decision.objects.create(
            comment=comment, action=action, reason=reason, note=note, moderator=admin,
            scores=comment.scores, violation=comment.violation, reversal_of=previous,
        )
        bump_public_version(comment.article_id)
        comment.refresh_from_db()
    return Outcome(comment, decision)


def bump_public_version(article_id: int) -> None:
    Article.objects.filter(pk=article_id).update(public_version=F("public_version") + 1)


def after_decision(comment: Comment, decision: Decision) -> None:
    """Side effects once the decision is committed: the decision email to the commenter, webhooks.

    Both run in the worker (``majlis.tasks``), so a slow mail server or receiver never slows a
    moderator down; ``notify.decision_made`` is still what sends the email.
    """
    from majlis.tasks import send_decision_email
    from majlis.webhooks.events import emit
    from majlis.webhooks.models import Event

    if comment.article.site.notify_authors and not comment.erased_at:
        send_decision_email.enqueue(decision.pk)
    event = Event.APPROVED if decision.action == Action.APPROVE else Event.REJECTED
    emit(event, comment, reason=decision.reason)
