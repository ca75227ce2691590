from ninja import NinjaAPI

from majlis.api import errors, moderation, public, screening

api = NinjaAPI(
    title="Majlis API",
    version="1",
    description="Pre-moderated comments: public reading and posting, screening, and moderation (bearer token).",
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", public.router)
api.add_router("/", screening.router)
api.add_router("/moderation", moderation.router)
