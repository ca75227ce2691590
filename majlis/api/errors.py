"""Error responses: every client error is a 4xx with a JSON body, never a 500 with a traceback."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError


# The JSON body of every error answer: a sentence, and for invalid fields the messages per field.
ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    },
    "required": ["detail"],
}


def document_errors(operation: dict) -> None:
    """Add to one OpenAPI operation the error answers it can give but did not declare."""
    answers = operation.setdefault("responses", {})

    def add(status: int, description: str) -> None:
        if status not in answers and str(status) not in answers:
            answers[status] = {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}

    add(400, "The request is malformed: a body that cannot be parsed, a NUL character in the address.")
    if operation.get("parameters") or "requestBody" in operation:
        add(422, "The request is not valid (messages per field).")
    if "requestBody" in operation:
        add(413, "The body is too large.")
    if operation.get("security"):
        add(401, "A valid API token is required.")


def install(api) -> None:
    generate = api.get_openapi_schema

    def get_openapi_schema(**kwargs):
        # Integrators and fuzzers read the document: it lists the 4xx answers each operation gives.
        schema = generate(**kwargs)
        for item in schema["paths"].values():
            for operation in item.values():
                document_errors(operation)
        return schema

    api.get_openapi_schema = get_openapi_schema

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
