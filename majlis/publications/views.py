"""Reader pages: the list of articles, and an article with its approved comments and the comment form.

The article page speaks the article's language whatever the browser asks for: its headings, the
form, the errors and the notices, and its direction (``dir``) follows the language.

Only listed articles are on the index. An article the widget registered and no moderator has
confirmed yet (or one a moderator closed) keeps its page, so its comments still work, but the page
asks search engines not to index it (``noindex``) and shows the page's address and the site's
name instead of the title the page sent, which nobody has checked.
"""

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
NOTICE_ANCHOR = "#moderation-notice"


def index(request):
    articles = Article.objects.listed().select_related("site").order_by("language", "-published_at")
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
    """GET: the article page. POST: a comment; 302 to the notice when accepted, else the page again
    with the errors and everything the reader typed (422 for field errors, the refusal's status
    otherwise, e.g. 429 for too many comments)."""
    article = get_object_or_404(Article.objects.select_related("site"), slug=slug)
    with translation.override(article.language):
        request.LANGUAGE_CODE = article.language
        form = CommentForm(request.POST if request.method == "POST" else None)
        status = 200
        if request.method == "POST":
            status = post_comment(request, article, form)
            if status == 302:
                return redirect(article.get_absolute_url() + NOTICE_ANCHOR)
        response = render(request, "publications/article.html", page_context(request, article, form), status=status)
    response["Content-Language"] = article.language  # LocaleMiddleware keeps it (setdefault)
    if not article.is_listed:
        response["X-Robots-Tag"] = "noindex"
    return response


def post_comment(request, article: Article, form: CommentForm) -> int:
    """Validate and submit; return 302 when the comment was accepted, else the status to re-render with."""
    if not form.is_valid():
        return 422
    outcome = submit(
        Submission(
            article=article, author=form.cleaned_data["author"], email=form.cleaned_data["email"],
            body=form.cleaned_data["body"], ip=net.client_ip(request), honeypot=form.cleaned_data["website"],
        )
    )
    if isinstance(outcome, Refusal):
        form.add_error(None, outcome.message)
        return outcome.status
    messages.success(
        request,
        _("Thank you. Your comment has been received and awaits moderation. "
          "It will appear here once a moderator approves it."),
    )
    return 302


def page_context(request, article: Article, form: CommentForm) -> dict:
    approved = Comment.objects.filter(article=article, status=Status.APPROVED).order_by("-created_at", "-id")
    page = Paginator(approved.only("id", "author_name", "body", "created_at"), COMMENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return {
        "article": article,
        "page": page,
        "comment_count": page.paginator.count,
        "form": form,
        "guidelines": [line for line in article.site.guidelines_for(article.language).splitlines() if line.strip()],
        "dir": article.direction,
    }
