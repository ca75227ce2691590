"""Moderation endpoints, for a bearer token issued by ``majlis apitoken``."""

from ninja import Query, Router
from ninja.security import HttpBearer

from majlis.accounts.models import ApiToken
from majlis.accounts.scopes import visible_comments
from majlis.api import schemas
from ninja import Schema
from majlis.comments.models import Comment, Status
from majlis.moderation.services import DecisionError, decide


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
    category: str | None = None
    min_score: float | None = None
    order: str = "violation"
    limit: int = 50


@router.get("/queue", response=schemas.Queue, summary="Pending comments, most likely violations first")
def queue(request, filters: Query[QueueFilters]):
    comments = visible_comments(request.user).filter(status=Status.PENDING).select_related("article")
    if filters.language:
        comments = comments.filter(language=filters.language)
    if filters.article:
        comments = comments.filter(article__slug=filters.article)
    if filters.category and filters.min_score is not None:
        comments = comments.filter(**{f"scores__{filters.category}__gte": filters.min_score})
    elif filters.min_score is not None:
        comments = comments.filter(violation__gte=filters.min_score)
    ordering = ("created_at", "id") if filters.order == "age" else ("-violation", "created_at")
    total = comments.count()
    rows = comments.order_by(*ordering)[: max(1, min(filters.limit, 500))]
    return {"count": total, "comments": [queue_item(c) for c in rows]}


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
        return 404, {"detail": "Not found."}
    try:
        outcome = decide(comment_id, payload.action, reason=payload.reason or "", note=payload.note, moderator=request.user)
    except DecisionError as exc:
        return STATUS_FOR_ERROR.get(exc.code, 422), {"detail": exc.message}
    return 200, {
        "id": outcome.comment.pk, "status": outcome.comment.status, "action": outcome.decision.action,
        "reason": outcome.decision.reason, "decided_at": outcome.decision.created_at,
    }
