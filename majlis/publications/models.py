from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.lib.languages import LANGUAGES, direction


class AutomationMode(models.TextChoices):
    MANUAL = "manual", _("Manual: screening orders and annotates the queue")
    ASSISTED = "assisted", _("Assisted: also rejects above the reject thresholds")
    AUTOPILOT = "autopilot", _("Autopilot: also approves below the approve thresholds")


LANGUAGE_CHOICES = [(code, code) for code in LANGUAGES]


def split_origins(text: str) -> list[str]:
    """The origins of an ``allowed_origins`` text: one per non-blank line, without a trailing slash."""
    return [line.strip().rstrip("/") for line in text.splitlines() if line.strip()]


class Site(models.Model):
    """A publication whose articles take comments, with its guidelines and automation policy."""

    name = models.CharField(_("name"), max_length=200)
    domain = models.CharField(_("domain"), max_length=200, unique=True)
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        help_text=_("Origins (scheme://host[:port]) allowed to embed the widget and register articles, one per line."),
    )
    # The masthead of an article's page shows the name in the article's language (``name_for``).
    names = models.JSONField(
        _("name per language"), default=dict, blank=True,
        help_text=_("The site's name in other languages, by language code; pages in a language not listed show the name above."),
    )
    guidelines = models.JSONField(_("community guidelines"), default=dict, blank=True, help_text=_("Text per language code."))
    mode = models.CharField(_("automation mode"), max_length=16, choices=AutomationMode.choices, default=AutomationMode.MANUAL)
    reject_thresholds = models.JSONField(_("reject thresholds"), default=dict, blank=True)
    approve_thresholds = models.JSONField(_("approve thresholds"), default=dict, blank=True)
    notify_authors = models.BooleanField(_("email commenters the decision"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self):
        return self.name

    def origins(self) -> list[str]:
        return split_origins(self.allowed_origins)

    def guidelines_for(self, language: str) -> str:
        return self.guidelines.get(language) or self.guidelines.get("en", "")

    def name_for(self, language: str) -> str:
        """The site's name in ``language``, else its one ``name``."""
        name = self.names.get(language) if isinstance(self.names, dict) else None
        return name.strip() if isinstance(name, str) and name.strip() else self.name


class Listing(models.TextChoices):
    """Whether an article is shown on the site's lists (index, ``GET /api/v1/articles``).

    The newsroom's articles (admin, import, demo) are listed from the start. An article the widget
    registers from a page URL carries a title anyone could have sent, so it waits unlisted until a
    moderator confirms it (perhaps correcting the title) or closes it.
    """

    LISTED = "listed", _("Listed")
    UNCONFIRMED = "unconfirmed", _("Awaiting confirmation")
    CLOSED = "closed", _("Closed")


class ArticleQuerySet(models.QuerySet):
    def listed(self):
        """The articles the public lists show."""
        return self.filter(listing=Listing.LISTED)

    def confirm(self, pk, *, title: str, by) -> bool:
        """List an unconfirmed (or closed) article under ``title`` and open its comments; return
        ``False`` when it is in neither state (a colleague confirmed it first, or it is the newsroom's).
        A conditional ``UPDATE``, so two moderators never both decide one article."""
        return bool(self.filter(pk=pk, listing__in=[Listing.UNCONFIRMED, Listing.CLOSED]).update(
            listing=Listing.LISTED, title=title, comments_open=True, reviewed_by=by, reviewed_at=timezone.now(),
        ))

    def close(self, pk, *, by) -> bool:
        """Keep an unconfirmed article off the lists for good and close its comments; ``False``
        unless it was unconfirmed."""
        return bool(self.filter(pk=pk, listing=Listing.UNCONFIRMED).update(
            listing=Listing.CLOSED, comments_open=False, reviewed_by=by, reviewed_at=timezone.now(),
        ))


class Article(models.Model):
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="articles", verbose_name=_("site"))
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="en")
    title = models.CharField(_("headline"), max_length=300)
    standfirst = models.TextField(_("standfirst"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    additional_reporting = models.CharField(_("additional reporting by"), max_length=300, blank=True)
    body = models.TextField(_("body"), blank=True, help_text=_("Paragraphs separated by a blank line."))
    url = models.URLField(_("page URL"), max_length=500, blank=True, help_text=_("Where the article lives on the site, for the widget."))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    comments_open = models.BooleanField(_("comments open"), default=True)
    # Bumped whenever the public comment list changes, so caches and ETags can key on it cheaply.
    public_version = models.PositiveIntegerField(default=0, editable=False)
    listing = models.CharField(
        _("listing"), max_length=16, choices=Listing.choices, default=Listing.LISTED, db_index=True,
        help_text=_("Only listed articles appear on the site's lists; those the widget registers wait for a moderator."),
    )
    # The title the page sent when the widget registered it (blank for the newsroom's articles), kept
    # when a moderator corrects ``title``; and who confirmed or closed the article, when.
    claimed_title = models.CharField(_("title sent by the page"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("publications:article", args=[self.slug])

    @property
    def is_listed(self) -> bool:
        return self.listing == Listing.LISTED

    @property
    def reader_title(self) -> str:
        """The title to show readers outside the page (decision emails): the newsroom's, or for a
        page the widget registered and no moderator confirmed, its address (the title it sent is
        unchecked: anyone could have sent it)."""
        return self.title if self.is_listed else (self.url or self.title)

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def site_name(self) -> str:
        """The site's name in the article's language: the masthead and title of its page."""
        return self.site.name_for(self.language)

    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.split("\n\n") if p.strip()]
