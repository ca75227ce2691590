"""What every importer produces: articles and their comments, independent of the source format."""

from dataclasses import dataclass, field
from datetime import datetime

from majlis.comments.models import Status


@dataclass
class ArticleRecord:
    key: str  # the source's own id for the article (thread id, post id, URL)
    title: str
    url: str = ""
    slug: str = ""  # the source's slug, if it has one
    body: str = ""
    published_at: datetime | None = None


@dataclass
class CommentRecord:
    article_key: str
    author: str
    email: str
    body: str
    created_at: datetime
    status: str = Status.PENDING  # approved, rejected or pending: see each reader's mapping
    ip: str = ""
    source_id: str = ""


@dataclass
class Source:
    format: str
    articles: list[ArticleRecord] = field(default_factory=list)
    comments: list[CommentRecord] = field(default_factory=list)
