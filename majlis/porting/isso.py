"""An Isso SQLite database (Isso 0.14's schema: ``threads``, ``comments``).

Threads become articles (uri, title); comments keep their dates (Isso stores Unix times). Isso's
``mode``: 1 accepted -> ``approved``, 2 waiting -> ``pending``, 4 deleted -> ``rejected``.
Isso stores the address already anonymised; it is truncated again on import anyway.
"""

import sqlite3
from datetime import datetime, timezone

from majlis.comments.models import Status
from majlis.porting.records import ArticleRecord, CommentRecord, Source

MODES = {1: Status.APPROVED, 2: Status.PENDING, 4: Status.REJECTED}


def _time(value) -> datetime:
    return datetime.fromtimestamp(float(value), timezone.utc)


def read(path) -> Source:
    source = Source("isso")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for tid, uri, title in connection.execute("SELECT id, uri, title FROM threads ORDER BY id"):
            source.articles.append(ArticleRecord(key=str(tid), title=title or uri, url=uri))
        rows = connection.execute(
            "SELECT id, tid, created, mode, remote_addr, text, author, email FROM comments ORDER BY id"
        )
        for cid, tid, created, mode, remote_addr, text, author, email in rows:
            source.comments.append(CommentRecord(
                article_key=str(tid), author=author or "", email=email or "", body=text or "",
                created_at=_time(created), status=MODES.get(mode, Status.PENDING), ip=remote_addr or "",
                source_id=str(cid),
            ))
    finally:
        connection.close()
    return source
