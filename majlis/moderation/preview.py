"""Preview of automation settings: replay the last human decisions against proposed thresholds.

The question an editor asks before switching a site to ``assisted`` or ``autopilot``: of the
comments my moderators decided lately, how many would these settings have decided alone, and how
many of those would have gone the other way from the human decision?
"""

from dataclasses import dataclass, field

from majlis.moderation.models import Action, Decision
from majlis.moderation.policy import action_for, site_policy

DEFAULT_SAMPLE = 500
EXAMPLES = 10


@dataclass
class Replay:
    considered: int = 0
    automatic: int = 0
    rejected: int = 0
    approved: int = 0
    overturned: int = 0  # automatic decisions the humans decided otherwise
    examples: list = field(default_factory=list)  # the overturned decisions, newest first

    @property
    def automatic_share(self) -> float:
        return self.automatic / self.considered if self.considered else 0.0

    @property
    def overturned_share(self) -> float:
        return self.overturned / self.automatic if self.automatic else 0.0


def human_decisions(site, sample: int):
    """The last ``sample`` first-hand human approvals and rejections on ``site``, newest first."""
    return (
        Decision.objects.filter(comment__article__site=site, moderator__isnull=False, action__in=(Action.APPROVE, Action.REJECT))
        .select_related("comment", "moderator").order_by("-created_at")[:sample]
    )


def replay(site, *, mode: str, reject: dict, approve: dict, sample: int = DEFAULT_SAMPLE) -> Replay:
    """Replay ``site``'s last ``sample`` human decisions against ``mode`` and the given thresholds.

    Each decision is judged on the scores recorded with it (what the machine knew at the time).
    """
    policy = site_policy(site, mode=mode, reject=reject, approve=approve)
    result = Replay()
    for decision in human_decisions(site, sample):
        result.considered += 1
        action, _reason = action_for(decision.scores or {}, mode, policy)
        if action is None:
            continue
        result.automatic += 1
        if action == Action.REJECT:
            result.rejected += 1
        else:
            result.approved += 1
        if action != decision.action:
            result.overturned += 1
            if len(result.examples) < EXAMPLES:
                result.examples.append((decision, action))
    return result
