"""Disqus XML export (https://help.disqus.com/en/articles/1717164-comments-export).

Threads become articles (link, title); posts become comments. Status: a deleted or spam post is
``rejected``, an approved one ``approved``, anything else ``pending``. Replies lose their
threading (Majlis lists comments flat). Dates are kept (UTC).
"""

import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from majlis.comments.models import Status
from majlis.porting.records import ArticleRecord, CommentRecord, Source

NS = "{http://disqus.com}"
INTERNALS = "{http://disqus.com/disqus-internals}"


def _text(element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _date(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


def status(post) -> str:
    if _text(post, NS + "isDeleted") == "true" or _text(post, NS + "isSpam") == "true":
        return Status.REJECTED
    if _text(post, NS + "isApproved") in ("true", ""):
        return Status.APPROVED
    return Status.PENDING


def read(path) -> Source:
    root = ET.parse(path).getroot()
    source = Source("disqus")
    for thread in root.findall(NS + "thread"):
        source.articles.append(ArticleRecord(
            key=thread.get(INTERNALS + "id", ""), title=_text(thread, NS + "title") or _text(thread, NS + "link"),
            url=_text(thread, NS + "link"), published_at=_date(_text(thread, NS + "createdAt")) if _text(thread, NS + "createdAt") else None,
        ))
    for post in root.findall(NS + "post"):
        thread = post.find(NS + "thread")
        source.comments.append(CommentRecord(
            article_key=thread.get(INTERNALS + "id", "") if thread is not None else "",
            author=_text(post, f"{NS}author/{NS}name"), email=_text(post, f"{NS}author/{NS}email"),
            body=_text(post, NS + "message"), created_at=_date(_text(post, NS + "createdAt")),
            status=status(post), ip=_text(post, NS + "ipAddress"), source_id=post.get(INTERNALS + "id", ""),
        ))
    return source
