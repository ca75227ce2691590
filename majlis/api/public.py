"""Public endpoints: articles, their approved comments, posting a comment (held for moderation),
and what the embeddable widget needs (its article by slug or page URL, its strings).

The endpoints the widget calls from other sites follow the origin rules of
``majlis.comments.origins``: CORS for the origins the article's site allows, 403 for posts from
any other origin.
"""

import json

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils import translation
from ninja import Router
from ninja import Status as Answer  # an HTTP status with its body (Status is the comment's)
from ninja.decorators import decorate_view

from majlis.api import schemas
from majlis.comments import widget
from majlis.comments.forms import CommentForm, cleaned_if_valid
from majlis.comments.models import Comment, Status
from majlis.comments.origins import cross_origin, own_origin, request_origin, site_for_origin, site_origins
from majlis.comments.submission import Refusal, Submission, article_for_post, submit
from majlis.lib import net
from majlis.publications.models import Article, Site

router = Router(tags=["public"])
PAGE_SIZE = 200
# Public lists may be cached by browsers and a CDN for a short while; decisions bump the
# article's public_version, which changes the ETag, so revalidation sees new comments at once.
CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30"


@router.get("/articles", response=schemas.ArticleList, summary="List articles")
def list_articles(request):
    """The listed articles: those the widget registered wait for a moderator before they appear."""
    articles = Article.objects.listed().annotate(
        comment_count=Count("comments", filter=Q(comments__status=Status.APPROVED))
    ).order_by("language", "-published_at")
    return {
        "articles": [
            {"slug": a.slug, "title": a.title, "language": a.language, "url": a.get_absolute_url(),
             "comment_count": a.comment_count}
            for a in articles
        ]
    }


def article_origins(request, slug: str = "", **kwargs) -> set[str]:
    """The origins allowed to use the article ``slug`` from a browser (its site's widget origins)."""
    site = Site.objects.filter(articles__slug=slug).only("id", "allowed_origins").first()
    return site_origins(site) if site else set()


def embedding_origins(request, **kwargs) -> set[str]:
    """For the widget endpoints: the article's site when named by slug, else any site allowing the caller."""
    if request.GET.get("slug"):
        return article_origins(request, request.GET["slug"])
    origin = request_origin(request)
    return {origin} if site_for_origin(origin) else set()


@router.get(
    "/articles/{slug}/comments",
    response={200: schemas.CommentPage, 304: None, 404: schemas.Message},
    summary="Approved comments of an article, newest first",
)
@decorate_view(cross_origin(article_origins))
def list_comments(request, slug: str, page: int = 1):
    row = Article.objects.filter(slug=slug).values_list("id", "public_version").first()
    if row is None:
        return Answer(404, {"detail": translation.gettext("Not found.")})
    article_id, version = row
    page = max(1, min(page, 100_000))
    etag = f'"{article_id}-{version}-{page}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        key = f"comments:{etag}"
        body = cache.get(key)
        if body is None:
            body = render_page(article_id, slug, page)
            cache.set(key, body, 300)
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def render_page(article_id: int, slug: str, page: int) -> bytes:
    approved = Comment.objects.filter(article_id=article_id, status=Status.APPROVED)
    start = (page - 1) * PAGE_SIZE
    rows = list(
        approved.order_by("-created_at", "-id").values_list("id", "author_name", "body", "language", "created_at")[
            start: start + PAGE_SIZE + 1
        ]
    )
    count = approved.count() if (page > 1 or len(rows) > PAGE_SIZE) else len(rows)
    comments = [
        {"id": i, "author": a, "body": b, "language": lang, "created_at": c.isoformat()}
        for i, a, b, lang, c in rows[:PAGE_SIZE]
    ]
    next_url = f"/api/v1/articles/{slug}/comments?page={page + 1}" if len(rows) > PAGE_SIZE else None
    return json.dumps({"count": count, "comments": comments, "next": next_url}, ensure_ascii=False).encode()


@router.post(
    "/articles/{slug}/comments",
    response={202: schemas.Pending, 400: schemas.Message, 403: schemas.Message, 404: schemas.Message,
              422: schemas.FieldErrors, 429: schemas.Message},
    summary="Post a comment; it waits for moderation",
)
@decorate_view(cross_origin(article_origins))
def post_comment(request, slug: str, payload: schemas.CommentIn):
    article = article_for_post(slug)
    if article is None:
        raise Http404
    # Messages in the language the client asks for (the widget asks for the article's), else the article's.
    language = translation.get_language() if "HTTP_ACCEPT_LANGUAGE" in request.META else article.language
    with translation.override(language):
        return Answer(*submit_payload(request, article, payload))


def submit_payload(request, article: Article, payload: schemas.CommentIn) -> tuple[int, dict]:
    """Validate with the comment form, then run the submission chain: ``(status, body)`` for each
    outcome. The lean POST path (``majlis.lib.fastpost``) answers with the same function."""
    data = {k: v for k, v in payload.dict().items() if v is not None}
    cleaned = cleaned_if_valid(data)
    if cleaned is None:
        form = CommentForm(data=data)
        if not form.is_valid():
            errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
            return 422, {"detail": translation.gettext("Please correct the fields below."), "errors": errors}
        cleaned = form.cleaned_data
    outcome = submit(
        Submission(
            article=article, author=cleaned["author"], email=cleaned["email"],
            body=cleaned["body"], ip=net.client_ip(request), honeypot=cleaned["website"],
        )
    )
    if isinstance(outcome, Refusal):
        return outcome.status, {"detail": outcome.message}
    return 202, {"id": outcome.comment.pk, "status": outcome.comment.status}


@router.api_operation(["OPTIONS"], "/articles/{slug}/comments", include_in_schema=False)
@decorate_view(cross_origin(article_origins))
def comments_preflight(request, slug: str):
    """CORS preflight; the decorator answers it (204 for allowed origins, 403 for others)."""


@router.get(
    "/widget/article",
    response={200: schemas.WidgetArticle, 403: schemas.Message, 404: schemas.Message, 422: schemas.Message,
              429: schemas.Message},
    summary="The widget's article, by slug or by page URL (registered on first sight for allowed origins)",
)
@decorate_view(cross_origin(embedding_origins))
def widget_article(request, slug: str = "", url: str = "", title: str = "", lang: str = ""):
    if slug:
        article = Article.objects.filter(slug=slug).select_related("site").first()
    elif url:
        try:
            article = widget.register(
                url, title=title, lang=lang, caller_origin=request_origin(request), own_origin=own_origin(request)
            )
        except widget.NotAllowed:
            return Answer(403, {"detail": translation.gettext("This website is not allowed to use these comments.")})
        except widget.TooManyNew:
            return Answer(429, {"detail": translation.gettext(
                "Too many new pages have been registered for this website in the past hour. Please try again later.")})
    else:
        return Answer(422, {"detail": translation.gettext("Name the article by slug or by page URL.")})
    if article is None:
        return Answer(404, {"detail": translation.gettext("Not found.")})
    return Answer(200, widget_article_info(article))


def widget_article_info(article: Article) -> dict:
    count = Comment.objects.filter(article=article, status=Status.APPROVED).count()
    guidelines = article.site.guidelines_for(article.language)
    return {
        "slug": article.slug, "title": article.title, "language": article.language, "dir": article.direction,
        "comments_open": article.comments_open, "count": count,
        "count_label": widget.count_label(count, article.language),
        "guidelines": [line for line in guidelines.splitlines() if line.strip()],
        "comments": f"/api/v1/articles/{article.slug}/comments",
        "name_max": settings.MAJLIS_NAME_MAX_LENGTH, "comment_max": settings.MAJLIS_COMMENT_MAX_LENGTH,
    }


@router.get("/widget/strings", response=schemas.WidgetStrings, summary="The widget's strings in one language")
@decorate_view(cross_origin(embedding_origins))
def widget_strings(request, lang: str = "en"):
    response = HttpResponse(json.dumps(widget.strings(lang), ensure_ascii=False), content_type="application/json")
    response["Cache-Control"] = "public, max-age=3600"
    return response
