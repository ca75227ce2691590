"""What happens after a decision is committed: the commenter's email (when the site wants it)."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

log = logging.getLogger(__name__)


def decision_made(comment, decision) -> None:
    site = comment.article.site
    if not site.notify_authors or comment.erased_at:
        return
    try:
        send_decision_email(comment, decision)
    except Exception:  # an unreachable mail server must not undo or hide a decision
        log.exception("decision email for comment %s failed", comment.pk)


def send_decision_email(comment, decision) -> None:
    from majlis.screening.categories import BY_CODE

    with translation.override(comment.article.language):
        context = {"comment": comment, "decision": decision, "article": comment.article,
                   "category": BY_CODE.get(decision.reason)}
        subject = render_to_string("moderation/email/decision_subject.txt", context).strip()
        body = render_to_string("moderation/email/decision_body.txt", context)
    send_mail(subject, body, None, [comment.email])
