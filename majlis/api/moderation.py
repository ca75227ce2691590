"""Moderation endpoints, for a bearer token issued by ``majlis apitoken``."""

from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja import Status as Answer  # an HTTP status with its body (Status is the comment's)
from ninja.security import HttpBearer

from majlis.accounts.models import ApiToken
from majlis.accounts.scopes import visible_comments
from majlis.api import schemas
from majlis.comments.models import Comment
from majlis.moderation import claims, queue as queue_service
from majlis.moderation.services import DecisionError, decide
from majlis.screening.categories import CODES


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


router = Router(tags=["moderation"], auth=BearerToken())
STATUS_FOR_ERROR = {"invalid": 422, "conflict": 409, "not_found": 404}


class QueueFilters(Schema):
    language: str | None = None
    article: str | None = None
    # Literal types put the allowed values in the OpenAPI document (integrators and fuzzers read it).
    category: Literal[tuple(CODES)] | None = None
    min_score: float | None = None
    order: Literal[tuple(queue_service.ORDERS)] = "violation"
    limit: int = 200


@router.get("/queue", response={200: schemas.Queue, 422: schemas.Message}, summary="Pending comments, most likely violations first")
def queue(request, filters: Query[QueueFilters]):
    """The token holder's queue, as in the workspace: their sites and languages, comments a colleague
    is reviewing left out, ``order`` ``violation`` (default) or ``age``."""
    if filters.category and filters.category not in CODES:
        return Answer(422, {"detail": _("Unknown category %(category)s; use one of %(codes)s.") % {
            "category": repr(filters.category), "codes": ", ".join(CODES)}})
    if filters.order not in queue_service.ORDERS:
        return Answer(422, {"detail": _("The order must be violation or age.")})
    comments = queue_service.pending_for(request.user, filters.dict(exclude={"limit"}))
    total = comments.count()
    rows = comments.select_related("article")[: max(1, min(filters.limit, 1000))]
    return Answer(200, {"count": total, "comments": [queue_item(c) for c in rows]})


@router.post("/next", response={200: schemas.QueueItem, 204: None}, summary="Reserve and return the next free comment of the queue")
def next_comment(request, filters: Query[QueueFilters]):
    """Lease the first comment of the (filtered) queue that no colleague holds, for
    ``MAJLIS_CLAIM_MINUTES``; ``204`` when there is none. On PostgreSQL concurrent callers skip
    each other's rows (``SELECT ... FOR UPDATE SKIP LOCKED``), so two never get the same one."""
    if (filters.category and filters.category not in CODES) or filters.order not in queue_service.ORDERS:
        return Answer(204, None)
    comment = claims.claim_next(request.user, queue_service.pending_for(request.user, filters.dict(exclude={"limit"})))
    if comment is None:
        return Answer(204, None)
    return Answer(200, queue_item(comment))


def queue_item(comment: Comment) -> dict:
    return {
        "id": comment.pk, "article": comment.article.slug, "article_title": comment.article.title,
        "author": comment.author_name, "email_domain": comment.email_domain, "body": comment.body,
        "language": comment.language, "created_at": comment.created_at, "violation": comment.violation,
        "scores": comment.scores, "reasons": comment.reasons, "recommendation": comment.recommendation,
        "model_version": comment.model_version,
    }


@router.post(
    "/comments/{comment_id}/decision",
    response={200: schemas.DecisionOut, 404: schemas.Message, 409: schemas.Message, 422: schemas.Message},
    summary="Approve or reject a pending comment (reject needs a guideline reason)",
)
def decision(request, comment_id: int, payload: schemas.DecisionIn):
    if not visible_comments(request.user).filter(pk=comment_id).exists():
        return Answer(404, {"detail": _("Not found.")})
    try:
        outcome = decide(comment_id, payload.action, reason=payload.reason or "", note=payload.note, moderator=request.user)
    except DecisionError as exc:
        return Answer(STATUS_FOR_ERROR.get(exc.code, 422), {"detail": exc.message})
    return Answer(200, {
        "id": outcome.comment.pk, "status": outcome.comment.status, "action": outcome.decision.action,
        "reason": outcome.decision.reason, "decided_at": outcome.decision.created_at,
    })
