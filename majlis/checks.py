"""System checks with stable ids (``majlis.E001`` ...), run by every ``majlis`` command.

| id | problem |
|---|---|
| majlis.E001 | a site's threshold is not a number between 0 and 1, or names an unknown category |
| majlis.E002 | no secret key outside debug/demo (deploy checks only) |
| majlis.E003 | the comment length limits contradict each other |
| majlis.E004 | a site's guidelines name an unknown language |
| majlis.E005 | a site's allowed widget origin is not scheme://host[:port] |
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db.utils import DatabaseError

from majlis.lib.languages import LANGUAGES
from majlis.screening.categories import CODES


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if not settings.SECRET_KEY:
        return [Error("MAJLIS_SECRET_KEY is not set.", hint="Set MAJLIS_SECRET_KEY or MAJLIS_SECRET_KEY_FILE.", id="majlis.E002")]
    return []


@register()
def check_comment_limits(app_configs, **kwargs):
    if settings.MAJLIS_COMMENT_MIN_LENGTH > settings.MAJLIS_COMMENT_MAX_LENGTH:
        return [
            Error(
                "MAJLIS_COMMENT_MIN_LENGTH is larger than MAJLIS_COMMENT_MAX_LENGTH.",
                id="majlis.E003",
            )
        ]
    return []


def is_origin(value: str) -> bool:
    """Whether ``value`` is ``scheme://host[:port]`` (http or https, a valid port, no path)."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range or not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.path \
        and not parts.query and not parts.fragment


def site_errors(site) -> list[Error]:
    """Return the configuration errors of one site (also used by the settings form)."""
    errors = []
    for kind in ("reject_thresholds", "approve_thresholds"):
        for code, value in (getattr(site, kind) or {}).items():
            if code not in CODES or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                errors.append(
                    Error(f"Site {site.domain!r}: {kind}[{code!r}] = {value!r} must name a category and be between 0 and 1.", id="majlis.E001")
                )
    for language in site.guidelines or {}:
        if language not in LANGUAGES:
            errors.append(Error(f"Site {site.domain!r}: guidelines for unknown language {language!r}.", id="majlis.E004"))
    for origin in site.origins():
        if not is_origin(origin):
            errors.append(Error(f"Site {site.domain!r}: allowed origin {origin!r} is not scheme://host[:port].", id="majlis.E005"))
    return errors


@register(Tags.database)
def check_sites(app_configs, databases=None, **kwargs):
    if not databases:
        return []
    from majlis.publications.models import Site

    try:
        return [error for site in Site.objects.all() for error in site_errors(site)]
    except DatabaseError:
        return []
