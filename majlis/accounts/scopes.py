"""What a staff account may see: admins everything; moderators their sites and languages."""

from majlis.comments.models import Comment


def moderator_of(user):
    from majlis.accounts.models import Moderator

    if not user.is_authenticated:
        return None
    try:
        return user.moderator
    except Moderator.DoesNotExist:
        return None


def visible_comments(user):
    """Comments ``user`` may moderate (a queryset; empty for a non-staff account)."""
    return in_scope(user, Comment.objects.all(), site="article__site_id", language="language")


def in_scope(user, queryset, *, site: str, language: str):
    """``queryset`` cut to ``user``'s scope: everything for admins; for a moderator, rows of their
    sites and languages (an empty list means all), ``site`` and ``language`` naming the lookups."""
    if user.is_superuser:
        return queryset
    profile = moderator_of(user)
    if profile is None:
        return queryset.none()
    if profile.is_admin:
        return queryset
    site_ids = list(profile.sites.values_list("id", flat=True))
    if site_ids:
        queryset = queryset.filter(**{f"{site}__in": site_ids})
    if profile.languages:
        queryset = queryset.filter(**{f"{language}__in": profile.languages})
    return queryset
    profile = moderator_of(user)
    if profile is None:
        return comments.none()
    if profile.is_admin:
        return comments
    site_ids = list(profile.sites.values_list("id", flat=True))
    if site_ids:
        comments = comments.filter(article__site_id__in=site_ids)
    if profile.languages:
        comments = comments.filter(language__in=profile.languages)
    return comments
