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
    comments = Comment.objects.all()
    if user.is_superuser:
        return comments
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
