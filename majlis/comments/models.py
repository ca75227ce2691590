from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.publications.models import Article

# A comment's author, email and body never change after submission. Erasure (a reader's data
# right) is the one exception: it blanks all three at once and sets ``erased_at``; the database
# triggers in migration 0002 enforce the same rule below the ORM.
IMMUTABLE_FIELDS = ("author_name", "email", "body")


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ImmutableFieldError(ValidationError):
    pass


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments", verbose_name=_("article"))
    author_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    # The screening verdict at submission (or the latest re-screening).
    language = models.CharField(_("language"), max_length=8, blank=True)
    violation = models.FloatField(_("violation"), default=0.0)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    recommendation = models.CharField(_("recommendation"), max_length=8, blank=True)
    model_version = models.CharField(_("model version"), max_length=64, blank=True)

    # Privacy: the address is stored truncated (/24 for IPv4, /48 for IPv6) and pruned after
    # MAJLIS_IP_RETENTION_DAYS by the retention task.
    ip_prefix = models.CharField(max_length=64, blank=True)
    # sha256 of email + body: the same text from the same email is stored once.
    fingerprint = models.CharField(max_length=64, db_index=True)

    # A moderator's lease on the comment while deciding it.
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_until = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "-created_at"], name="comment_public_list"),
            models.Index(fields=["status", "-violation"], name="comment_queue"),
            models.Index(fields=["email", "status"], name="comment_author_history"),
            # The per-address rate limit counts a prefix's comments of the last ten minutes.
            models.Index(fields=["ip_prefix", "created_at"], name="comment_ip_recent"),
        ]

    def __str__(self):
        return f"#{self.pk} by {self.author_name}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._original = {f: getattr(instance, f) for f in IMMUTABLE_FIELDS if f in field_names}
        return instance

    def save(self, *args, **kwargs):
        original = getattr(self, "_original", None)
        if original and self.erased_at is None:
            changed = [f for f, v in original.items() if getattr(self, f) != v]
            if changed:
                raise ImmutableFieldError(
                    _("Comments are never edited: %(fields)s cannot change.") % {"fields": ", ".join(changed)},
                    code="immutable",
                )
        super().save(*args, **kwargs)
        self._original = {f: getattr(self, f) for f in IMMUTABLE_FIELDS}

    @property
    def email_domain(self) -> str:
        return self.email.rpartition("@")[2]

    @property
    def is_public(self) -> bool:
        return self.status == Status.APPROVED
