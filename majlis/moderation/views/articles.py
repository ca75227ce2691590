"""Articles the widget registered from page URLs: confirm them (listed, the headline corrected if
need be) or close them.

The widget takes an article's URL and title from whoever asks first, and anyone can ask (the
``Origin`` header is only a browser's word), so such an article stays off the site's lists until a
moderator of its site (and language) vouches for its headline. The newsroom's own articles never
come here. Like the queue, every form works without JavaScript (POST, redirect back with a
message); with htmx the answer is the decided entry and a line for the page's live region.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_POST

from majlis.accounts.roles import staff_required
from majlis.accounts.scopes import in_scope
from majlis.moderation.views.common import safe_next
from majlis.publications.models import Article, Listing

PAGE_SIZE = 50
STATES = {"unconfirmed": Listing.UNCONFIRMED, "closed": Listing.CLOSED}


def reviewable_articles(user):
    """Articles ``user`` may confirm or close: admins every one; a moderator those of their sites
    and languages (an empty list means all), as for comments (``accounts.scopes``)."""
    return in_scope(user, Article.objects.all(), site="site_id", language="language")


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("confirm", "confirm"), ("close", "close")])  # hidden fields, never shown
    title = forms.CharField(label=gettext_lazy("Headline"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "confirm" and not data.get("title"):
            self.add_error("title", _("A confirmed article needs a headline."))
        return data


@staff_required
def article_list(request):
    """The widget's articles in one state (``?state=unconfirmed``, the default, or ``closed``)."""
    state = request.GET.get("state") if request.GET.get("state") in STATES else "unconfirmed"
    mine = reviewable_articles(request.user)
    articles = (mine.filter(listing=STATES[state]).select_related("site").annotate(comment_count=Count("comments"))
                .order_by("-published_at", "-pk"))
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(mine.filter(listing__in=STATES.values()).values_list("listing").annotate(n=Count("pk")))
    return render(request, "moderation/articles.html", {
        "page": page, "state": state, "section": "articles", "here": request.get_full_path(),
        "unconfirmed": counts.get(Listing.UNCONFIRMED, 0), "closed": counts.get(Listing.CLOSED, 0),
    })


@staff_required
@require_POST
def review(request, pk):
    """Confirm (with the headline from the form) or close one article; ``404`` outside the
    moderator's scope, ``422`` without a headline, ``409`` when a colleague decided it first."""
    article = get_object_or_404(reviewable_articles(request.user).select_related("site"), pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return refused(request, article, " ".join(m for errors in form.errors.values() for m in errors), 422)
    action, title = form.cleaned_data["action"], form.cleaned_data["title"]
    if action == "confirm":
        done = Article.objects.confirm(article.pk, title=title, by=request.user)
        said = _("Confirmed “%(title)s”: it is listed on the site now.") % {"title": title}
    else:
        done = Article.objects.close(article.pk, by=request.user)
        said = _("Closed %(url)s: it stays off the site's lists and takes no more comments.") % {"url": article.url}
    if not done:
        return refused(request, article, _("This article has already been confirmed or closed."), 409)
    if request.htmx:
        article.refresh_from_db()
        return render(request, "moderation/_article_reviewed.html", {"a": article, "said": said})
    messages.success(request, said)
    return redirect(safe_next(request, reverse("moderation:articles")))


def refused(request, article, error: str, status: int):
    if request.htmx:
        article.refresh_from_db()
        article.comment_count = article.comments.count()
        return render(request, "moderation/_article.html",
                      {"a": article, "error": error, "here": safe_next(request, reverse("moderation:articles"))},
                      status=status)
    messages.error(request, error)
    return redirect(safe_next(request, reverse("moderation:articles")))
