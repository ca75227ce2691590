"""The queue page and the "next comment" button."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from majlis.accounts.roles import staff_required
from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status
from majlis.moderation import claims, queue as queue_service
from majlis.moderation.forms import REASONS, QueueFilterForm
from majlis.publications.models import Article, Site

PAGE_SIZE = 25


def filter_form(request) -> QueueFilterForm:
    """The filter form, offering only the sites and articles the moderator can see pending comments of."""
    pending = visible_comments(request.user).filter(status=Status.PENDING)
    sites = Site.objects.filter(pk__in=pending.values("article__site_id")).order_by("name")
    articles = Article.objects.filter(pk__in=pending.values("article_id")).order_by("-published_at")
    return QueueFilterForm(request.GET or None, sites=sites, articles=articles)


@staff_required
def queue(request):
    form = filter_form(request)
    filters = form.filters() if form.is_bound else {}
    comments = queue_service.pending_for(request.user, filters)
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "moderation/queue.html", {
        "form": form,
        "page": page,
        "entries": queue_service.entries(page.object_list, request.user),
        "held": queue_service.held_count(request.user),
        "reasons": REASONS,
        "query": query.urlencode(),
        "here": request.get_full_path(),
    })


@staff_required
def next_comment(request):
    """Lease the next free comment of the (filtered) queue and open it."""
    form = filter_form(request)
    filters = form.filters() if form.is_bound else {}
    comment = claims.claim_next(request.user, queue_service.pending_for(request.user, filters))
    if comment is None:
        messages.info(request, _("Nothing left to moderate here."))
        return redirect("moderation:queue")
    return redirect("moderation:comment", pk=comment.pk)
