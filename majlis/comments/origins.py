"""Which web origins may use the public API from a browser: the widget's CORS and CSRF rules.

The JSON API is CSRF-exempt (it takes no cookies), so the ``Origin`` header is the defence against
cross-site posts: a browser request that carries an ``Origin`` which is neither this server nor an
origin the article's site allows (``Site.allowed_origins``) may read nothing and post nothing.
Requests without an ``Origin`` (curl, servers, same-origin GETs) are not cross-site requests and
pass. CORS headers go to allowed origins only, with ``Vary: Origin`` on every response so that a
shared cache never hands one origin's headers to another.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from majlis.publications.models import Site

ALLOW_METHODS = "GET, POST, OPTIONS"
ALLOW_HEADERS = "Content-Type, Accept-Language"
PREFLIGHT_MAX_AGE = "600"
DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str) -> str:
    """Return ``scheme://host[:port]`` of a URL (lowercase, default port dropped), or ``""`` if it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return ""
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    suffix = f":{port}" if port and port != DEFAULT_PORTS[parts.scheme] else ""
    return f"{parts.scheme}://{host}{suffix}"


def site_origins(site: Site) -> set[str]:
    return {origin_of(o) for o in site.origins()} - {""}


def site_for_origin(origin: str) -> Site | None:
    """Return the site that allows ``origin`` to embed the widget, or ``None``."""
    if not origin:
        return None
    for site in Site.objects.exclude(allowed_origins="").only("id", "allowed_origins", "guidelines"):
        if origin in site_origins(site):
            return site
    return None


def request_origin(request) -> str:
    """The normalized ``Origin`` header, or ``""`` when there is none (or it is ``null``)."""
    return origin_of(request.headers.get("Origin", ""))


def own_origin(request) -> str:
    return origin_of(request.build_absolute_uri("/"))


def cross_origin(allowed):
    """Decorate an API operation (``ninja.decorators.decorate_view``) with the origin rules.

    ``allowed(request, **kwargs)`` returns the set of origins allowed for the resource addressed
    by the URL kwargs. A disallowed cross-origin request gets 403 unless it is a plain GET (which
    is answered, but without CORS headers, so the browser shows the page nothing). OPTIONS is a
    preflight: 204 with the CORS headers, or 403.
    """

    def decorator(run):
        @wraps(run)
        def wrapper(request, *args, **kwargs):
            origin = request_origin(request) if "Origin" in request.headers else ""
            foreign = bool(origin) and origin != own_origin(request)
            permitted = foreign and origin in allowed(request, **kwargs)
            if foreign and not permitted and request.method != "GET":
                response = refuse()
            elif request.method == "OPTIONS":
                response = preflight()
            else:
                response = run(request, *args, **kwargs)
            add_cors_headers(response, origin if permitted else "")
            return response

        return wrapper

    return decorator


def refuse() -> JsonResponse:
    return JsonResponse({"detail": _("This website is not allowed to use these comments.")}, status=403)


def preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = ALLOW_METHODS
    response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
    response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def add_cors_headers(response, origin: str) -> None:
    """Allow ``origin`` to read ``response`` (no cookies: the widget sends none); always vary on Origin."""
    vary = response.get("Vary", "")
    if "origin" not in vary.lower():
        response["Vary"] = f"{vary}, Origin" if vary else "Origin"
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "ETag"
