"""Human decisions as training labels: `majlis train --with-decisions` learns the site's own guidelines.

Each decided comment gives one row: an approval labels every category 0; a rejection labels its
reason 1 and the others 0. The latest human decision on a comment wins (an admin's reversal
corrects the label). Overturns of the screening engine weigh most: a human who approves what the
model recommended rejecting, or rejects what it recommended approving, and every reversal.
"""

from collections.abc import Iterator

from majlis.comments.models import Comment, Status
from majlis.moderation.models import Action
from majlis.screening.categories import BY_CODE, VIOLATION_CODES

WEIGHT = 1.0
OVERTURN_WEIGHT = 3.0
HUMAN_ACTIONS = (Action.APPROVE, Action.REJECT, Action.REVERSE_TO_APPROVED, Action.REVERSE_TO_REJECTED)


def decision_rows(since=None) -> Iterator[dict]:
    """Yield ``{"text", "language", "labels", "weight"}`` for every comment a human decided."""
    comments = (
        Comment.objects.filter(status__in=(Status.APPROVED, Status.REJECTED), erased_at=None)
        .filter(decisions__moderator__isnull=False)
        .distinct()
        .prefetch_related("decisions")
    )
    if since is not None:
        comments = comments.filter(decided_at__gte=since)
    for comment in comments.iterator(chunk_size=500):
        row = label_row(comment)
        if row is not None:
            yield row


def label_row(comment) -> dict | None:
    human = [d for d in comment.decisions.all() if d.moderator_id and d.action in HUMAN_ACTIONS]
    if not human:
        return None
    last = max(human, key=lambda d: (d.created_at, d.pk))
    rejected = last.action in (Action.REJECT, Action.REVERSE_TO_REJECTED)
    labels = {code: 0 for code in VIOLATION_CODES}
    if rejected:
        if last.reason not in BY_CODE or last.reason not in labels:
            return None  # off_topic rejections teach nothing about the violation heads
        labels[last.reason] = 1
    overturned = last.action in (Action.REVERSE_TO_APPROVED, Action.REVERSE_TO_REJECTED) or (
        comment.recommendation == ("approve" if rejected else "reject")
    )
    return {
        "text": comment.body,
        "language": comment.language or "other",
        "labels": labels,
        "weight": OVERTURN_WEIGHT if overturned else WEIGHT,
    }
