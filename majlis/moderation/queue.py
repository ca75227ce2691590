"""The moderation queue: which pending comments a moderator sees, in which order, with what beside them.

``pending_for(user, filters)`` is the queryset (scope, filters, order); ``entries(comments, user)``
dresses one page of it for the template: evidence pieces, scores per category, the author's record
(earlier approvals and rejections by the same email) and the lease.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Comment, Status
from majlis.moderation import claims, evidence
from majlis.screening.categories import CATEGORIES

ORDERS = {"violation": ("-violation", "created_at", "id"), "age": ("created_at", "id")}
# A score at or above this is drawn as a warning beside the comment.
HIGH_SCORE = 0.5


def pending_for(user, filters: dict | None = None, *, include_held=False):
    """The pending comments ``user`` may decide, filtered and ordered (most likely violations first).

    ``filters`` keys (all optional): ``language``, ``site`` (id), ``article`` (slug), ``category``
    with ``min_score`` (that category's score), ``min_score`` alone (the overall violation),
    ``order`` (``violation`` or ``age``). Comments a colleague is reviewing are left out unless
    ``include_held``.
    """
    f = filters or {}
    comments = visible_comments(user).filter(status=Status.PENDING).select_related("article", "claimed_by")
    if f.get("language"):
        comments = comments.filter(language=f["language"])
    if f.get("site"):
        comments = comments.filter(article__site_id=getattr(f["site"], "pk", f["site"]))
    if f.get("article"):
        comments = comments.filter(article__slug=f["article"])
    min_score = f.get("min_score")
    if f.get("category"):
        comments = comments.filter(**{f"scores__{f['category']}__gte": min_score if min_score is not None else HIGH_SCORE})
    elif min_score is not None:
        comments = comments.filter(violation__gte=min_score)
    if not include_held:
        comments = comments.exclude(claims.held_by_others(user))
    return comments.order_by(*ORDERS.get(f.get("order") or "violation", ORDERS["violation"]))


def held_count(user) -> int:
    """How many pending comments in ``user``'s scope colleagues are reviewing right now."""
    return visible_comments(user).filter(status=Status.PENDING).filter(claims.held_by_others(user)).count()


@dataclass(frozen=True)
class Score:
    code: str
    label: str
    value: float

    @property
    def high(self) -> bool:
        return self.value >= HIGH_SCORE

    @property
    def percent(self) -> int:
        return round(self.value * 100)


@dataclass
class Entry:
    comment: Comment
    segments: list
    scores: list
    approved_before: int = 0
    rejected_before: int = 0
    held_by_me: bool = False
    top: list = field(default_factory=list)

    @property
    def reasons_suggested(self) -> str:
        """The highest-scoring category at or above HIGH_SCORE: the reject form preselects it."""
        return self.top[0].code if self.top else ""


def scores_of(comment: Comment) -> list[Score]:
    from django.utils.translation import gettext

    return [Score(c.code, gettext(c.label), float((comment.scores or {}).get(c.code, 0.0))) for c in CATEGORIES]


def histories(comments) -> dict[str, Counter]:
    """Per email: how many of the author's comments were approved and rejected (one query)."""
    emails = {c.email for c in comments if c.email}
    rows = (
        Comment.objects.filter(email__in=emails, status__in=(Status.APPROVED, Status.REJECTED))
        .values("email", "status").annotate(n=Count("id"))
    )
    result: dict[str, Counter] = {}
    for row in rows:
        result.setdefault(row["email"], Counter())[row["status"]] = row["n"]
    return result


def entries(comments, user) -> list[Entry]:
    """Dress a page of comments for the queue template (see the module docstring)."""
    comments = list(comments)
    record = histories(comments)
    now = timezone.now()
    result = []
    for c in comments:
        scores = scores_of(c)
        past = record.get(c.email, Counter())
        result.append(Entry(
            comment=c, segments=evidence.segments(c.body, c.reasons), scores=scores,
            approved_before=past[Status.APPROVED], rejected_before=past[Status.REJECTED],
            held_by_me=c.claimed_by_id == user.pk and bool(c.claimed_until and c.claimed_until >= now),
            top=sorted((s for s in scores if s.high), key=lambda s: -s.value),
        ))
    return result
