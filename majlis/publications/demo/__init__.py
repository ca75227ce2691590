"""Demo content written by the team: a news site with articles and comments in six languages.

``load()`` creates the site, its articles and their comments. Every comment goes through the
screening engine like a real one; approved comments get a recorded decision by the demo editor,
pending ones wait in the moderation queue.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

CONTENT = Path(__file__).with_name("content.json")
EDITOR = "editor"
# Pages served on 127.0.0.1:8080 (``python3 -m http.server 8080``) may embed the widget: see docs/widget.md.
WIDGET_ORIGINS = "http://127.0.0.1:8080\nhttp://localhost:8080"


def read_content() -> dict:
    return json.loads(CONTENT.read_text(encoding="utf-8"))


def mark_history(content: dict) -> None:
    """Give the demo a moderation history: older violating comments were already rejected.

    A violating pending comment becomes a rejected one only while its language keeps another
    pending comment breaking the same guideline, so the queue still has every kind of work in
    every language, and the statistics show real rejections.
    """
    from collections import Counter

    pending = Counter(
        (a["language"], c["breaks"].split(":")[0])
        for a in content["articles"] for c in a["comments"]
        if c.get("status", "pending") == "pending" and c.get("breaks")
    )
    for a in content["articles"]:
        for c in sorted(a["comments"], key=lambda c: -c.get("hours_ago", 1)):
            key = (a["language"], (c.get("breaks") or ":").split(":")[0])
            if c.get("status", "pending") == "pending" and c.get("breaks") and pending[key] > 1:
                c["status"] = "rejected"
                pending[key] -= 1


@transaction.atomic
def load(editor) -> dict:
    """Load the demo content; return counts. ``editor`` is the user recorded on approvals."""
    from majlis.comments.models import Comment, Status
    from majlis.comments.submission import fingerprint
    from majlis.moderation.models import Action, Decision
    from majlis.publications.models import Article, Site
    from majlis.screening import screen_many

    content = read_content()
    mark_history(content)
    now = timezone.now()
    s = content["site"]
    site = Site.objects.create(
        name=s["name"], names=s.get("names", {}), domain=s.get("domain", "127.0.0.1"), guidelines=s.get("guidelines", {}),
        allowed_origins=s.get("allowed_origins", WIDGET_ORIGINS),
    )
    counts = {"articles": 0, "approved": 0, "pending": 0, "rejected": 0}
    for a in content["articles"]:
        article = Article.objects.create(
            site=site, slug=a["slug"], language=a["language"], title=a["title"], standfirst=a.get("standfirst", ""),
            author=a.get("author", ""), additional_reporting=", ".join(a.get("additional_reporting", [])),
            body="\n\n".join(a.get("body", [])), published_at=now - timedelta(days=a.get("published_days_ago", 1)),
        )
        counts["articles"] += 1
        comments = a.get("comments", [])
        context = {"title": article.title, "body": article.body, "language": article.language}
        verdicts = screen_many([c["body"] for c in comments], context)
        for c, verdict in zip(comments, verdicts):
            created = now - timedelta(hours=c.get("hours_ago", 1))
            status = c.get("status", "pending")
            comment = Comment.objects.create(
                article=article, author_name=c["author"], email=c["email"].lower(), body=c["body"],
                created_at=created, status=status, decided_at=created + timedelta(minutes=20) if status != "pending" else None,
                language=verdict.language, violation=verdict.violation, scores=verdict.scores,
                reasons=verdict.to_dict()["reasons"], recommendation=verdict.decision, model_version=verdict.model_version,
                fingerprint=fingerprint(c["email"].lower(), c["body"]),
            )
            if status != Status.PENDING:
                Decision.objects.create(
                    comment=comment, action=Action.APPROVE if status == Status.APPROVED else Action.REJECT,
                    reason=c.get("breaks", "").split(":")[0] if status == Status.REJECTED else "",
                    moderator=editor, scores=verdict.scores, violation=verdict.violation,
                    created_at=comment.decided_at,
                )
            counts[status] += 1
    return counts
