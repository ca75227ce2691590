"""Error responses: every client error is a 4xx with a JSON body, never a 500 with a traceback."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError


def install(api) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = {}
        for item in exc.errors:
            loc = [str(part) for part in item.get("loc", ()) if part not in ("body", "payload", "query", "path")]
            errors.setdefault(".".join(loc) or "body", []).append(item.get("msg", _("Invalid value.")))
        return api.create_response(request, {"detail": _("The request is not valid."), "errors": errors}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = api.create_response(request, {"detail": _("A valid API token is required.")}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="majlis"'
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
