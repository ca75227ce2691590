"""WordPress eXtended RSS (WXR, Tools > Export), versions 1.0 to 1.2.

Posts and pages with comments become articles (link, title, slug, content, date); comments keep
``comment_date_gmt``. ``comment_approved``: "1" -> ``approved``, "0" -> ``pending``, "spam" or
"trash" -> ``rejected``. Pingbacks and trackbacks are not comments and are skipped.
"""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

from majlis.comments.models import Status
from majlis.porting.records import ArticleRecord, CommentRecord, Source

STATUSES = {"1": Status.APPROVED, "0": Status.PENDING, "spam": Status.REJECTED, "trash": Status.REJECTED}
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _namespace(path) -> str:
    with open(path, encoding="utf-8") as f:
        head = f.read(4096)
    match = re.search(r'xmlns:wp="(http://wordpress\.org/export/1\.\d/)"', head)
    return "{" + (match.group(1) if match else "http://wordpress.org/export/1.2/") + "}"


def _text(element, path: str) -> str:
    found = element.find(path)
    return (found.text or "").strip() if found is not None else ""


def _gmt(value: str) -> datetime | None:
    if not value or value.startswith("0000"):
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def read(path) -> Source:
    wp = _namespace(path)
    source = Source("wordpress")
    for item in ET.parse(path).getroot().iter("item"):
        comments = item.findall(wp + "comment")
        if not comments:
            continue
        key = _text(item, wp + "post_id")
        source.articles.append(ArticleRecord(
            key=key, title=_text(item, "title"), url=_text(item, "link"), slug=_text(item, wp + "post_name"),
            body=_text(item, CONTENT), published_at=_gmt(_text(item, wp + "post_date_gmt")),
        ))
        for c in comments:
            if _text(c, wp + "comment_type") in ("pingback", "trackback"):
                continue
            source.comments.append(CommentRecord(
                article_key=key, author=_text(c, wp + "comment_author"), email=_text(c, wp + "comment_author_email"),
                body=_text(c, wp + "comment_content"),
                created_at=_gmt(_text(c, wp + "comment_date_gmt")) or _gmt(_text(c, wp + "comment_date")),
                status=STATUSES.get(_text(c, wp + "comment_approved"), Status.PENDING),
                ip=_text(c, wp + "comment_author_IP"), source_id=_text(c, wp + "comment_id"),
            ))
    return source
