from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from majlis.comments.forms import CommentForm
from majlis.comments.models import Comment, Status
from majlis.comments.submission import Refusal, Submission, submit
from majlis.lib import net
from majlis.lib.languages import NAMES, direction
from majlis.publications.models import Article

COMMENTS_PER_PAGE = 20


def index(request):
    articles = Article.objects.select_related("site").order_by("language", "-published_at")
    groups = {}
    for article in articles:
        groups.setdefault(article.language, []).append(article)
    sections = [
        {"language": code, "name": NAMES.get(code, code), "dir": direction(code), "articles": groups[code]}
        for code in settings.LANGUAGE_CODES_ORDER if code in groups
    ]
    return render(request, "publications/index.html", {"sections": sections})


@require_http_methods(["GET", "POST"])
def article(request, slug):
    article = get_object_or_404(Article.objects.select_related("site"), slug=slug)
    # The page speaks the article's language: headings, the form and its errors.
    translation.activate(article.language)
    request.LANGUAGE_CODE = article.language
    form = CommentForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            outcome = submit(
                Submission(
                    article=article, author=form.cleaned_data["author"], email=form.cleaned_data["email"],
                    body=form.cleaned_data["body"], ip=net.client_ip(request), honeypot=form.cleaned_data["website"],
                )
            )
            if isinstance(outcome, Refusal):
                form.add_error(None, outcome.message)
                status = outcome.status
            else:
                messages.success(request, _("Thank you. Your comment has been received and awaits moderation. It will appear here once a moderator approves it."))
                return redirect(article.get_absolute_url() + "#comment-form")
        else:
            status = 422
    approved = Comment.objects.filter(article=article, status=Status.APPROVED).order_by("-created_at")
    page = Paginator(approved.only("id", "author_name", "body", "created_at"), COMMENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "article": article,
        "page": page,
        "comment_count": page.paginator.count,
        "form": form,
        "guidelines": [line for line in article.site.guidelines_for(article.language).splitlines() if line.strip()],
        "dir": article.direction,
    }
    return render(request, "publications/article.html", context, status=status)
