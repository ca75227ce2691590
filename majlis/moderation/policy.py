"""A site's automation policy: its mode and thresholds, applied to a stored comment's verdict.

``action_for`` is the pure rule (scores, mode, policy -> action); ``automatic_action`` applies the
site's saved settings to a comment, and ``preview.replay`` applies proposed settings to past
decisions, so the settings page and the live automation can never disagree.
"""

from majlis.publications.models import AutomationMode, Site
from majlis.screening.categories import BY_CODE


def site_policy(site: Site, *, mode=None, reject=None, approve=None):
    """The screening ``Policy`` of ``site``; keyword arguments stand in for unsaved settings."""
    from majlis.screening.policy import Policy

    defaults = Policy()
    return Policy(
        mode=mode or site.mode,
        reject_thresholds={**defaults.reject_thresholds, **(site.reject_thresholds if reject is None else reject or {})},
        approve_thresholds={**defaults.approve_thresholds, **(site.approve_thresholds if approve is None else approve or {})},
    )


def action_for(scores: dict, mode: str, policy) -> tuple[str | None, str]:
    """Return ``(action, reason)`` that ``mode`` with ``policy``'s thresholds takes on these scores.

    ``manual`` never acts; ``assisted`` rejects when an auto-rejectable category reaches its reject
    threshold (the reason is the highest such category); ``autopilot`` also approves when every
    category is below its approve threshold. Otherwise ``(None, "")``: a human decides.
    """
    if mode == AutomationMode.MANUAL or not scores:
        return None, ""
    rejecting = [
        (score, code) for code, score in scores.items()
        if code in BY_CODE and BY_CODE[code].auto_reject and score >= policy.reject_thresholds.get(code, 2.0)
    ]
    if rejecting:
        return "reject", max(rejecting)[1]
    if mode == AutomationMode.AUTOPILOT and all(
        score < policy.approve_thresholds.get(code, -1.0) for code, score in scores.items() if code in BY_CODE
    ):
        return "approve", ""
    return None, ""


def automatic_action(comment) -> tuple[str | None, str]:
    """Return ``(action, reason)`` the site's automation takes on ``comment``, or ``(None, "")``."""
    site = comment.article.site
    if site.mode == AutomationMode.MANUAL or not comment.scores:
        return None, ""
    return action_for(comment.scores, site.mode, site_policy(site))
