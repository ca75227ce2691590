"""Security headers on every response.

The Content-Security-Policy allows no inline script anywhere: every page loads its JavaScript from
/static/. The widget's script is served to other origins, so the policy concerns our own pages only.
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
        if request.is_secure() and settings.SECURE_HSTS_SECONDS:
            response.setdefault("Strict-Transport-Security", f"max-age={settings.SECURE_HSTS_SECONDS}")
        return response
