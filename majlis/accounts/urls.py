from django.contrib.auth import views as auth_views
from django.urls import path

from majlis.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="accounts:login"), name="logout"),
    path("moderators/", views.moderators, name="moderators"),
    path("moderators/new/", views.moderator_new, name="moderator_new"),
    path("moderators/<int:pk>/", views.moderator_edit, name="moderator_edit"),
    path("moderators/<int:pk>/unlock/", views.moderator_unlock, name="moderator_unlock"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
