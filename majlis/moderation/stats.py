"""Statistics of moderation, computed from the comments and the audit log a moderator may see.

``report(user, days)`` returns one ``Report``: comments per day (by their current status), approval
rate by language and by category, median time from posting to the first human decision, automated
decisions and how often a human overturned them, and decisions per moderator. A comment's category
is its highest-scoring guideline at or above ``CATEGORY_FLOOR`` ("none" otherwise), the category a
moderator would have seen flagged in the queue.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status
from majlis.moderation.models import Action, Decision
from majlis.screening.categories import CODES

CATEGORY_FLOOR = 0.5
FIRST_HAND = (Action.APPROVE, Action.REJECT)
REVERSALS = (Action.REVERSE_TO_APPROVED, Action.REVERSE_TO_REJECTED)


@dataclass
class Day:
    day: date
    approved: int = 0
    rejected: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        return self.approved + self.rejected + self.pending


@dataclass
class Rate:
    key: str
    approved: int = 0
    rejected: int = 0

    @property
    def decided(self) -> int:
        return self.approved + self.rejected

    @property
    def rate(self) -> float:
        return self.approved / self.decided if self.decided else 0.0


@dataclass
class ModeratorCount:
    name: str
    approved: int = 0
    rejected: int = 0
    reversed: int = 0

    @property
    def total(self) -> int:
        return self.approved + self.rejected + self.reversed


@dataclass
class Report:
    since: date
    days: list[Day] = field(default_factory=list)
    by_language: list[Rate] = field(default_factory=list)
    by_category: list[Rate] = field(default_factory=list)
    median_minutes: float | None = None
    automated: int = 0
    overturned: int = 0
    per_moderator: list[ModeratorCount] = field(default_factory=list)

    @property
    def submitted(self) -> int:
        return sum(d.total for d in self.days)

    @property
    def approval_rate(self) -> float:
        approved = sum(d.approved for d in self.days)
        decided = approved + sum(d.rejected for d in self.days)
        return approved / decided if decided else 0.0

    @property
    def overturn_rate(self) -> float:
        return self.overturned / self.automated if self.automated else 0.0


def category_of(scores: dict) -> str:
    """The comment's flagged category: its top score at or above CATEGORY_FLOOR, else ``none``."""
    best = max(((v, k) for k, v in (scores or {}).items() if k in CODES), default=(0.0, "none"))
    return best[1] if best[0] >= CATEGORY_FLOOR else "none"


def per_day(comments, since: date) -> list[Day]:
    """One ``Day`` per calendar day (UTC) from ``since`` to today, empty days included."""
    days = {since + timedelta(n): Day(since + timedelta(n)) for n in range((timezone.now().date() - since).days + 1)}
    rows = comments.annotate(day=TruncDate("created_at")).values("day", "status").annotate(n=Count("id"))
    for row in rows:
        day = days.get(row["day"])
        if day is not None and row["status"] in (Status.APPROVED, Status.REJECTED, Status.PENDING):
            setattr(day, row["status"], getattr(day, row["status"]) + row["n"])
    return list(days.values())


def rates(comments) -> tuple[list[Rate], list[Rate]]:
    """Approval rates of decided comments, by language and by category."""
    languages: dict[str, Rate] = {}
    categories: dict[str, Rate] = {}
    decided = comments.filter(status__in=(Status.APPROVED, Status.REJECTED)).values_list("language", "status", "scores")
    for language, status, scores in decided.iterator(chunk_size=2000):
        for table, key in ((languages, language or "other"), (categories, category_of(scores))):
            rate = table.setdefault(key, Rate(key))
            setattr(rate, status, getattr(rate, status) + 1)
    order = {code: i for i, code in enumerate((*CODES, "none"))}
    return (sorted(languages.values(), key=lambda r: -r.decided),
            sorted(categories.values(), key=lambda r: order.get(r.key, 99)))


def median_minutes(decisions) -> float | None:
    """Median minutes from posting to the first-hand human decision."""
    spans = [
        (decided - posted).total_seconds() / 60
        for decided, posted in decisions.filter(moderator__isnull=False, action__in=FIRST_HAND)
        .values_list("created_at", "comment__created_at").iterator(chunk_size=2000)
    ]
    return median(spans) if spans else None


def automation(decisions) -> tuple[int, int]:
    """How many decisions the automation took, and how many of those comments a human reversed."""
    automated = decisions.filter(moderator__isnull=True, action__in=FIRST_HAND).exclude(model_version="")
    comment_ids = automated.values("comment_id")
    overturned = Decision.objects.filter(comment_id__in=comment_ids, action__in=REVERSALS).values("comment_id").distinct().count()
    return automated.count(), overturned


def moderators(decisions) -> list[ModeratorCount]:
    counts: dict[str, ModeratorCount] = {}
    for row in decisions.filter(moderator__isnull=False).values("moderator__username", "action").annotate(n=Count("id")):
        entry = counts.setdefault(row["moderator__username"], ModeratorCount(row["moderator__username"]))
        if row["action"] == Action.APPROVE:
            entry.approved += row["n"]
        elif row["action"] == Action.REJECT:
            entry.rejected += row["n"]
        elif row["action"] in REVERSALS:
            entry.reversed += row["n"]
    return sorted(counts.values(), key=lambda m: -m.total)


def report(user, days: int = 30) -> Report:
    """Statistics for the comments ``user`` may see that were posted in the last ``days`` days."""
    since = timezone.now().date() - timedelta(days=days - 1)
    comments = visible_comments(user).filter(created_at__date__gte=since)
    decisions = Decision.objects.filter(comment__in=comments)
    by_language, by_category = rates(comments)
    automated, overturned = automation(decisions)
    return Report(
        since=since, days=per_day(comments, since), by_language=by_language, by_category=by_category,
        median_minutes=median_minutes(decisions), automated=automated, overturned=overturned,
        per_moderator=moderators(decisions),
    )
