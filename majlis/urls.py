from django.contrib import admin
from django.urls import include, path

from majlis import health
from majlis.accounts.forms import AdminLoginForm
from majlis.api.urls import api
from majlis.lib import metrics

admin.site.login_form = AdminLoginForm  # the lockout holds on every login page

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.view, name="metrics"),
    path("my-data/", include("majlis.comments.rights_views")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("accounts/", include("majlis.accounts.urls")),
    path("moderation/", include("majlis.moderation.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("majlis.publications.urls")),
]
