"""Public endpoints: articles, their approved comments, and posting a comment (held for moderation)."""

import json

from django.core.cache import cache
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Router

from majlis.api import schemas
from majlis.comments.forms import CommentForm
from majlis.comments.models import Comment, Status
from majlis.comments.submission import Refusal, Submission, submit
from majlis.lib import net
from majlis.publications.models import Article

router = Router(tags=["public"])
PAGE_SIZE = 200
# Public lists may be cached by browsers and a CDN for a short while; decisions bump the
# article's public_version, which changes the ETag, so revalidation sees new comments at once.
CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=30"


@router.get("/articles", response=schemas.ArticleList, summary="List articles")
def list_articles(request):
    articles = Article.objects.annotate(
        comment_count=Count("comments", filter=Q(comments__status=Status.APPROVED))
    ).order_by("language", "-published_at")
    return {
        "articles": [
            {"slug": a.slug, "title": a.title, "language": a.language, "url": a.get_absolute_url(),
             "comment_count": a.comment_count}
            for a in articles
        ]
    }


@router.get(
    "/articles/{slug}/comments",
    response={200: schemas.CommentPage, 304: None, 404: schemas.Message},
    summary="Approved comments of an article, newest first",
)
def list_comments(request, slug: str, page: int = 1):
    row = Article.objects.filter(slug=slug).values_list("id", "public_version").first()
    if row is None:
        return 404, {"detail": "Not found."}
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
def post_comment(request, slug: str, payload: schemas.CommentIn):
    article = get_object_or_404(Article.objects.select_related("site"), slug=slug)
    if "HTTP_ACCEPT_LANGUAGE" not in request.META:
        translation.activate(article.language)
    form = CommentForm(data={k: v for k, v in payload.dict().items() if v is not None})
    if not form.is_valid():
        errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
        return 422, {"detail": translation.gettext("Please correct the fields below."), "errors": errors}
    outcome = submit(
        Submission(
            article=article, author=form.cleaned_data["author"], email=form.cleaned_data["email"],
            body=form.cleaned_data["body"], ip=net.client_ip(request), honeypot=form.cleaned_data["website"],
        )
    )
    if isinstance(outcome, Refusal):
        return outcome.status, {"detail": outcome.message}
    return 202, {"id": outcome.comment.pk, "status": outcome.comment.status}
