"""What happens after a decision is committed: the commenter's email (when the site wants it)."""

import logging

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)

# What a broken guideline means, said to the reader whose comment broke it. The categories' own
# help (majlis.screening.categories) is written for moderators; a test keeps one entry per category.
READER_REASONS = {
    "profanity": _("It contains swearing or obscene words."),
    "vulgarity": _("It contains sexually explicit or crude content."),
    "threat": _("It threatens, wishes or calls for violence or harm against a person or a group."),
    "personal_attack": _("It insults or harasses a person: another commenter, the journalist or a public figure."),
    "identity_abuse": _("It attacks people for who they are, for example for their sex, origin, religion or sexuality."),
    "promotion": _("It advertises a business, a product or a person, for example with links or contact details."),
    "off_topic": _("It is not about the subject of the article."),
}


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
                   "category": BY_CODE.get(decision.reason), "reader_reason": READER_REASONS.get(decision.reason, ""),
                   # Policy autopilot and automation rules decide without a moderator: the email says so.
                   "automatic": decision.moderator_id is None}
        subject = render_to_string("moderation/email/decision_subject.txt", context).strip()
        body = render_to_string("moderation/email/decision_body.txt", context)
    send_mail(subject, body, None, [comment.email])
