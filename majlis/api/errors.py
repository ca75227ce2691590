"""Error responses: every client error is a 4xx with a JSON body, never a 500 with a traceback."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _, ngettext
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


def field_message(item: dict) -> str:
    """One of pydantic's validation errors as a sentence in the request's language (pydantic's own
    messages are English only): ours for the kinds a client meets, a general one for the rest."""
    kind, context = item.get("type", ""), item.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_type":
        return _("Enter a text.")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return _("Enter a whole number.")
    if kind in ("float_type", "float_parsing", "finite_number"):
        return _("Enter a number.")
    if kind in ("bool_type", "bool_parsing"):
        return _("Enter true or false.")
    if kind == "literal_error":
        return _("Use one of these values: %(expected)s.") % {"expected": context.get("expected", "")}
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Send a JSON object.")
    if kind == "string_too_long" and "max_length" in context:
        limit = context["max_length"]
        return ngettext("Use at most %(limit)d character.", "Use at most %(limit)d characters.", limit) % {"limit": limit}
    return _("Invalid value.")


def message_language(request) -> str:
    """The language of an error answer, as docs/api.md says and the comment post does: the one the
    client asks for (``Accept-Language``), else the language of the article named in the path."""
    if "HTTP_ACCEPT_LANGUAGE" not in request.META:
        match = getattr(request, "resolver_match", None)
        slug = match.kwargs.get("slug") if match else None
        if slug:
            from majlis.publications.models import Article

            language = Article.objects.filter(slug=slug).values_list("language", flat=True).first()
            if language:
                return language
    return translation.get_language()


def http_message(exc: HttpError) -> str:
    """The message of an ``HttpError`` django-ninja raised, in the request's language."""
    if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
        return _("The request body cannot be read as JSON.")
    return str(exc)


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
        with translation.override(message_language(request)):
            for item in exc.errors:
                loc = [str(part) for part in item.get("loc", ()) if part not in ("body", "payload", "query", "path")]
                errors.setdefault(".".join(loc) or "body", []).append(field_message(item))
            detail = _("The request is not valid.")
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)

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
        with translation.override(message_language(request)):
            detail = http_message(exc)
        return api.create_response(request, {"detail": detail}, status=exc.status_code)
