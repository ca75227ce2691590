"""The audit log: every decision, searchable, limited to the comments a moderator may see."""

from django.db.models import Q

from majlis.accounts.scopes import visible_comments
from majlis.moderation.models import Decision


def decisions_for(user, *, q: str = "", action: str = "", reason: str = "", by: str = "", since=None, until=None):
    """Decisions on comments ``user`` may see, newest first, narrowed by the search fields.

    ``q`` matches the comment's text, author, email, the note and the moderator's name; ``by`` is a
    username, or ``automation`` for decisions taken by the screening model.
    """
    decisions = Decision.objects.filter(comment__in=visible_comments(user)).select_related(
        "comment", "comment__article", "comment__article__site", "moderator"
    )
    if q:
        decisions = decisions.filter(
            Q(comment__body__icontains=q) | Q(comment__author_name__icontains=q) | Q(comment__email__icontains=q)
            | Q(note__icontains=q) | Q(moderator__username__icontains=q) | Q(comment__article__title__icontains=q)
        )
    if action:
        decisions = decisions.filter(action=action)
    if reason:
        decisions = decisions.filter(reason=reason)
    if by == "automation":
        decisions = decisions.filter(moderator__isnull=True)
    elif by:
        decisions = decisions.filter(moderator__username=by)
    if since:
        decisions = decisions.filter(created_at__date__gte=since)
    if until:
        decisions = decisions.filter(created_at__date__lte=until)
    return decisions.order_by("-created_at", "-pk")
