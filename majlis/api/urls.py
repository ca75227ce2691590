import json

from django.core.serializers.json import DjangoJSONEncoder
from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from majlis.api import errors, moderation, public, screening


class UnicodeJSONRenderer(JSONRenderer):
    """JSON as UTF-8 text rather than \\u escapes: Arabic-script comments are half the size."""

    def render(self, request, data, *, response_status):
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


api = NinjaAPI(
    renderer=UnicodeJSONRenderer(),
    title="Majlis API",
    version="1",
    description="Pre-moderated comments: public reading and posting, screening, and moderation (bearer token).",
    urls_namespace="api",
    # No Swagger page: ninja's loads its script from a CDN and runs inline script, which our
    # Content-Security-Policy blocks (and readers' browsers should not fetch third-party code).
    docs_url=None,
)
errors.install(api)
api.add_router("/", public.router)
api.add_router("/", screening.router)
api.add_router("/moderation", moderation.router)
