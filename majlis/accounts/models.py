import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.publications.models import Site


class Role(models.TextChoices):
    ADMIN = "admin", _("Admin")
    MODERATOR = "moderator", _("Moderator")


class Moderator(models.Model):
    """What a staff account may do: its role and, for moderators, the sites and languages it works."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="moderator")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MODERATOR)
    # Empty means every language / every site.
    languages = models.JSONField(_("languages"), default=list, blank=True)
    sites = models.ManyToManyField(Site, blank=True, verbose_name=_("sites"))
    # Opt-in: an email per new pending comment in this moderator's scope, with signed decision links.
    email_new_comments = models.BooleanField(_("email new comments"), default=False)
    failed_logins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("moderator")
        verbose_name_plural = _("moderators")

    def __str__(self):
        return self.user.get_username()

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN or self.user.is_superuser

    @property
    def is_locked(self) -> bool:
        return bool(self.locked_until and self.locked_until > timezone.now())


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the moderation API. Only its SHA-256 is stored; the raw token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user, name: str = "") -> tuple["ApiToken", str]:
        raw = "mj_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[:8], digest=hash_token(raw))
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        """Return the active user for a raw token, or None."""
        token = cls.objects.select_related("user").filter(digest=hash_token(raw), revoked_at=None).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user
