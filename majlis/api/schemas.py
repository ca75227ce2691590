"""Request and response shapes of the JSON API (the OpenAPI document is generated from them)."""

from datetime import datetime

from ninja import Schema
from pydantic import BaseModel


class ArticleOut(Schema):
    slug: str
    title: str
    language: str
    url: str
    comment_count: int


class ArticleList(Schema):
    articles: list[ArticleOut]


class CommentOut(Schema):
    id: int
    author: str
    body: str
    language: str
    created_at: datetime


class CommentPage(Schema):
    count: int
    comments: list[CommentOut]
    next: str | None


class CommentIn(Schema):
    # Optional here so that a missing field gets the form's translated, per-field message (422).
    author: str | None = None
    email: str | None = None
    body: str | None = None
    website: str | None = None  # honeypot


class Pending(Schema):
    id: int
    status: str


class FieldErrors(Schema):
    detail: str
    errors: dict[str, list[str]]


class Message(Schema):
    detail: str


class WidgetArticle(Schema):
    slug: str
    title: str
    language: str
    dir: str
    comments_open: bool
    count: int
    count_label: str
    guidelines: list[str]
    comments: str  # path of the approved-comments list
    name_max: int  # form limits, so the widget's fields match the server's
    comment_max: int


class WidgetStrings(Schema):
    language: str
    dir: str
    strings: dict[str, str]


class EvidenceOut(Schema):
    start: int
    end: int
    text: str


class ReasonOut(Schema):
    category: str
    score: float
    evidence: list[EvidenceOut]
    source: str


class VerdictOut(Schema):
    decision: str
    language: str
    violation: float
    scores: dict[str, float]
    reasons: list[ReasonOut]
    model_version: str


class ArticleContext(BaseModel):
    # A plain pydantic model: a ninja Schema reads attributes off any value, so a number or a string
    # would pass as an article with every field defaulted instead of being refused (422).
    title: str = ""
    body: str = ""
    language: str | None = None


class ScreenIn(Schema):
    text: str
    article: ArticleContext | None = None


class QueueItem(Schema):
    id: int
    article: str
    article_title: str
    author: str
    email_domain: str
    body: str
    language: str
    created_at: datetime
    violation: float
    scores: dict[str, float]
    reasons: list[ReasonOut]
    recommendation: str
    model_version: str


class Queue(Schema):
    count: int
    comments: list[QueueItem]


class DecisionIn(Schema):
    action: str
    reason: str | None = None
    note: str = ""


class DecisionOut(Schema):
    id: int
    status: str
    action: str
    reason: str
    decided_at: datetime
