import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.publications.models import Site


class Event(models.TextChoices):
    CREATED = "comment.created", _("A comment was posted (pending moderation)")
    APPROVED = "comment.approved", _("A comment was approved")
    REJECTED = "comment.rejected", _("A comment was rejected")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Endpoint(models.Model):
    """A URL of the integrator's that receives a site's comment events, signed with ``secret``."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="webhooks", verbose_name=_("site"))
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=100, default=new_secret,
                              help_text=_("Shared with the receiver, which checks the X-Majlis-Signature header with it."))
    events = models.JSONField(_("events"), default=list, blank=True,
                              help_text=_("Event names to send; empty means all of them."))
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self):
        return self.url

    def wants(self, event: str) -> bool:
        return self.active and (not self.events or event in self.events)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One event for one endpoint, and how its attempts went (the delivery log)."""

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint"))
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # When a worker claimed the delivery for the attempt in flight (status "sending"): a claim
    # older than MAJLIS_WEBHOOK_LEASE_SECONDS belongs to a worker that died (delivery.recover_stale).
    sending_since = models.DateTimeField(_("sending since"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("last HTTP status"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "sending_since"], name="webhooks_delivery_stale_idx")]

    def __str__(self):
        return f"{self.event} -> {self.endpoint_id} ({self.status})"
