"""Small helpers shared by the workspace views."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from majlis.accounts.scopes import visible_comments


def visible_comment_or_404(user, pk):
    """The comment ``pk`` when ``user`` may see it; ``404`` otherwise (never say it exists)."""
    return get_object_or_404(visible_comments(user).select_related("article", "article__site", "claimed_by"), pk=pk)


def safe_next(request, default: str | None = None) -> str:
    """The ``next`` URL of a POST or GET when it stays on this site, else ``default`` (the queue)."""
    target = request.POST.get("next") or request.GET.get("next")
    # Only a path: redirect() would read a bare word ("x") as a URL name and fail (a 500).
    if target and target.startswith("/") and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default or reverse("moderation:queue")
