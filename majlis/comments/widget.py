"""The embeddable widget's server side: articles registered from page URLs, and the widget's strings.

``static/majlis/widget.js`` is one dependency-free file that renders the approved comments and the
form on any page through the JSON API. It names its article by slug or by the page's URL; a URL
seen for the first time becomes an Article of the site that allows that URL's origin, titled with
the page's title. Its strings come from the same gettext catalogue as the pages, served as JSON.

Registration happens on a GET that anyone can send (a request without ``Origin`` passes the
origin rule), and every distinct query string is a distinct page, so a script could invent URLs on
an allowed origin by the thousand. ``MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR`` caps how many articles
a site gains that way per hour (``TooManyNew``); pages already registered are always answered.

The title comes from whoever sent the first request (``Origin`` can be faked outside a browser), so
a registered article is ``Listing.UNCONFIRMED``: its comments work, but it stays off the site's
lists, and its page shows no title, until a moderator confirms it (``moderation/views/articles``).
"""

import hashlib
import re
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from majlis.comments.forms import clean_name
from majlis.comments.origins import origin_of, site_for_origin
from majlis.lib.languages import LANGUAGES, direction
from majlis.publications.models import Article, Listing, Site

TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref)$", re.IGNORECASE)
TITLE_MAX = 300
URL_MAX = 500

# The widget's strings. Most msgids are the article page's own, so one translation serves both.
STRINGS = {
    "guidelines": _("Community guidelines"),
    "empty": _("No comments yet. Be the first."),
    "more": _("Older comments"),
    "post": _("Post a comment"),
    "help": _("Every comment is read by a moderator before it is published. Comments are never edited: each is approved or rejected."),
    "name": _("Name"),
    "email": _("Email"),
    "email_help": _("Never shown. Used only to tell you the decision."),
    "comment": _("Comment"),
    "honeypot": _("Leave this field empty"),
    "submit": _("Submit for moderation"),
    "sending": _("Sending…"),
    "awaiting": _("Thank you. Your comment has been received and awaits moderation. It will appear here once a moderator approves it."),
    "fix": _("Please correct the fields below."),
    "closed": _("Comments are closed on this article."),
    "load_failed": _("Comments could not be loaded. Please try again later."),
    "send_failed": _("Your comment could not be sent. Please check your connection and try again."),
    "powered": _("Comments powered by Majlis: every comment is read before it is published."),
}


def strings(language: str) -> dict:
    """Return ``{"language", "dir", "strings": {key: text}}`` for one of the six languages (else English)."""
    language = language if language in LANGUAGES else "en"
    with translation.override(language):
        texts = {k: str(v) for k, v in STRINGS.items()} | date_strings()
        return {"language": language, "dir": direction(language), "strings": texts}


def date_strings() -> dict:
    """How the pages write a date and time in the active language, for the widget to write a
    comment's date where the browser's ``Intl`` does not know the language (Chromium has no Kurdish:
    it writes ``kmr`` and ``ckb`` dates in English): ``date_format`` is the ``DATETIME_FORMAT`` of
    majlis/formats or Django, ``month_1``..``month_12`` and ``am``/``pm`` the words its ``F`` and
    ``A`` stand for, rendered by Django's own date formatting (so from the same catalogue)."""
    def word(code: str, month: int = 1, hour: int = 0) -> str:
        return dateformat.format(datetime(2026, month, 1, hour), code)

    months = {f"month_{n}": word("F", month=n) for n in range(1, 13)}
    return {"date_format": get_format("DATETIME_FORMAT"), **months, "am": word("A", hour=9), "pm": word("A", hour=21)}


def count_label(count: int, language: str) -> str:
    """"3 comments" in the article's language, with the page's plural forms."""
    with translation.override(language):
        return ngettext("%(counter)s comment", "%(counter)s comments", count) % {"counter": count}


def page_url(url: str) -> str:
    """The canonical form of a page URL: no fragment, no tracking parameters, lowercase host."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


def language_of(tag: str) -> str:
    """Map a page's ``lang`` (``ar-IQ``, ``ku-Arab``, ``fa``) to one of the six languages, else ``""``."""
    parts = tag.strip().lower().replace("_", "-").split("-")
    code = parts[0]
    if code == "ku":  # Kurdish without a variant: the script tells Sorani from Kurmanji
        return "ckb" if "arab" in parts[1:] else "kmr"
    if code in ("sdh", "ckb"):
        return "ckb"
    return code if code in LANGUAGES else ""


def slug_for(url: str) -> str:
    """A stable, unique slug for a page URL: readable words from its path and a hash of the whole."""
    digest = hashlib.sha256(url.encode()).hexdigest()[:10]
    words = slugify(re.sub(r"[/._]+", " ", urlsplit(url).path))[:80].strip("-")
    return f"{words}-{digest}" if words else f"page-{digest}"


class NotAllowed(Exception):
    """The URL's origin is not allowed by any site, or the calling page is not on that origin."""


class TooManyNew(Exception):
    """The site registered ``MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR`` articles from page URLs within the hour."""


NEW_WINDOW = timedelta(hours=1)


def registered_recently(site: Site, now=None) -> int:
    """How many articles the widget registered for ``site`` within ``NEW_WINDOW``: those of the
    window whose slug is the one ``slug_for`` gives their URL (articles made by hand have others)."""
    now = now or timezone.now()
    rows = Article.objects.filter(site=site, published_at__gt=now - NEW_WINDOW, published_at__lte=now).exclude(url="")
    return sum(1 for slug, url in rows.values_list("slug", "url") if slug == slug_for(url))


def register(url: str, *, title: str = "", lang: str = "", caller_origin: str = "", own_origin: str = "") -> Article:
    """Return the Article for a page URL, creating it on first sight.

    Raises NotAllowed unless a site allows the URL's origin and the caller (the ``Origin`` of the
    request, when it has one) is that origin or this server itself; TooManyNew when the URL is new
    and the site is at its hourly cap (requests racing at the cap may pass it by one or two).
    """
    canonical = page_url(url)
    origin = origin_of(canonical)
    if len(canonical) > URL_MAX or caller_origin not in ("", origin, own_origin):
        raise NotAllowed(origin)
    site = site_for_origin(origin)
    if site is None:
        raise NotAllowed(origin)
    existing = Article.objects.filter(site=site, url=canonical).first()
    if existing:
        return existing
    cap = settings.MAJLIS_WIDGET_NEW_ARTICLES_PER_HOUR
    if cap and registered_recently(site) >= cap:
        raise TooManyNew(site.pk)
    return create(site, canonical, title, lang)


def create(site: Site, url: str, title: str, lang: str) -> Article:
    """A new, unlisted article for the page: its claimed title waits for a moderator."""
    claimed = clean_name(title)[:TITLE_MAX]
    try:
        with transaction.atomic():
            return Article.objects.create(
                site=site, slug=slug_for(url), url=url, title=claimed or url[:TITLE_MAX], claimed_title=claimed,
                language=language_of(lang) or "en", listing=Listing.UNCONFIRMED,
            )
    except IntegrityError:  # two first sights at once: the slug is unique, the other request won
        return Article.objects.get(slug=slug_for(url))
