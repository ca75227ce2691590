"""Security headers on every response, static files included.

- **Content-Security-Policy**: no inline script anywhere (every page loads its JavaScript from
  /static/), nothing from other origins, no plugins, no ``<base>``.
- **frame-ancestors 'none'** (and ``X-Frame-Options: DENY`` for old browsers): no site may frame
  our pages. The embed widget is a script that runs in the host page and talks to the JSON API
  (whose CORS rules admit each site's ``allowed_origins``, see ``majlis.comments.origins``); it is
  not an iframe, so no host needs to frame us and a per-site frame-ancestors list would only widen
  what clickjacking can reach.
- **HSTS** only on answers to HTTPS requests (``request.is_secure()``: directly, or behind a proxy
  trusted through ``MAJLIS_BEHIND_HTTPS_PROXY``), never over plain HTTP.
- ``Referrer-Policy`` and ``X-Content-Type-Options`` come from Django's SecurityMiddleware settings
  and are set here too for the answers that bypass it; ``Permissions-Policy`` turns off sensors.

tests/reliability/test_headers.py checks every URL of the project for these headers and every page
and template for markup the policy would block.
"""

from django.conf import settings

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = CSP
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("X-Content-Type-Options", "nosniff")
        response.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin")
        if not getattr(response, "xframe_options_exempt", False):
            response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        if request.is_secure() and settings.SECURE_HSTS_SECONDS:
            response.setdefault("Strict-Transport-Security", f"max-age={settings.SECURE_HSTS_SECONDS}")
        return response
