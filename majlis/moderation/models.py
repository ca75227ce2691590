from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.comments.models import Comment
from majlis.screening.categories import CATEGORIES

REASON_CHOICES = [(c.code, c.label) for c in CATEGORIES]


class Action(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    # An admin reversing an earlier decision: ``reversal_of`` points at it, ``note`` says why.
    REVERSE_TO_APPROVED = "reverse_approve", _("Reverse to approved")
    REVERSE_TO_REJECTED = "reverse_reject", _("Reverse to rejected")
    WITHDRAW = "withdraw", _("Withdraw (erasure)")


class Decision(models.Model):
    """One entry of the audit log: who or which model decided what about a comment, and why."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("comment"))
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=32, choices=REASON_CHOICES, blank=True)
    note = models.TextField(_("note"), blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
        verbose_name=_("moderator"),
    )
    # Set for automated decisions: the screening model that made it.
    model_version = models.CharField(_("model version"), max_length=64, blank=True)
    scores = models.JSONField(_("scores at the time"), default=dict, blank=True)
    violation = models.FloatField(_("violation at the time"), default=0.0)
    created_at = models.DateTimeField(_("decided"), default=timezone.now, db_index=True)
    reversal_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.action} #{self.comment_id}"

    @property
    def automated(self) -> bool:
        return self.moderator_id is None and bool(self.model_version)

    @property
    def decided_by(self) -> str:
        if self.moderator_id:
            return self.moderator.get_username()
        return self.model_version or "system"
