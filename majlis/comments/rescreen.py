"""Screening stored comments again, in batches: after a model update (``majlis rescreen``) and for
imported comments (``majlis import``), so the queue order and the statistics use one model.

Only the verdict fields change (language, violation, scores, reasons, recommendation,
model_version); what the reader wrote is never touched, and no status changes: a re-screened
pending comment waits for a human or the automation exactly as before.
"""

from itertools import groupby

from majlis.comments.models import Comment

VERDICT_FIELDS = ("language", "violation", "scores", "reasons", "recommendation", "model_version")
BATCH = 500


def article_context(article) -> dict:
    return {"title": article.title, "body": article.body, "language": article.language}


def apply_verdict(comment: Comment, verdict) -> None:
    comment.language = verdict.language
    comment.violation = verdict.violation
    comment.scores = verdict.scores
    comment.reasons = verdict.to_dict()["reasons"]
    comment.recommendation = verdict.decision
    comment.model_version = verdict.model_version


def screen_comments(comments: list[Comment]) -> list[Comment]:
    """Set the verdict fields of ``comments`` (batched per article with ``screen_many``); not saved."""
    from majlis.moderation.policy import site_policy
    from majlis.screening import screen_many

    ordered = sorted(comments, key=lambda c: c.article_id)
    for _, group in groupby(ordered, key=lambda c: c.article_id):
        group = list(group)
        article = group[0].article
        verdicts = screen_many([c.body for c in group], article_context(article), policy=site_policy(article.site))
        for comment, verdict in zip(group, verdicts):
            apply_verdict(comment, verdict)
    return comments


def rescreen_comments(comment_ids: list[int]) -> int:
    """Screen the comments with these ids again and save their verdicts; returns how many changed rows."""
    done = 0
    for start in range(0, len(comment_ids), BATCH):
        chunk = list(Comment.objects.filter(pk__in=comment_ids[start:start + BATCH], erased_at__isnull=True)
                     .select_related("article__site"))
        screen_comments(chunk)
        Comment.objects.bulk_update(chunk, VERDICT_FIELDS)
        done += len(chunk)
    return done
