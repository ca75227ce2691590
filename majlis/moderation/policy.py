"""A site's automation policy: its mode and thresholds, applied to a stored comment's verdict."""

from majlis.publications.models import AutomationMode, Site
from majlis.screening.categories import BY_CODE


def site_policy(site: Site):
    from majlis.screening.policy import Policy

    defaults = Policy()
    return Policy(
        mode=site.mode,
        reject_thresholds={**defaults.reject_thresholds, **(site.reject_thresholds or {})},
        approve_thresholds={**defaults.approve_thresholds, **(site.approve_thresholds or {})},
    )


def automatic_action(comment) -> tuple[str | None, str]:
    """Return ``(action, reason)`` the site's automation takes on ``comment``, or ``(None, "")``."""
    site = comment.article.site
    if site.mode == AutomationMode.MANUAL or not comment.scores:
        return None, ""
    policy = site_policy(site)
    rejecting = [
        (score, code) for code, score in comment.scores.items()
        if code in BY_CODE and BY_CODE[code].auto_reject and score >= policy.reject_thresholds.get(code, 2.0)
    ]
    if rejecting:
        return "reject", max(rejecting)[1]
    if site.mode == AutomationMode.AUTOPILOT and all(
        score < policy.approve_thresholds.get(code, -1.0) for code, score in comment.scores.items() if code in BY_CODE
    ):
        return "approve", ""
    return None, ""
