"""Login (with lockout) and the admin pages for moderators and API tokens."""

from django.contrib import messages
from django.contrib.auth import get_user_model, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from majlis.accounts import lockout
from majlis.accounts.forms import LoginForm, ModeratorForm, TokenForm
from majlis.accounts.models import ApiToken, Moderator
from majlis.accounts.roles import admin_required


class LoginView(auth_views.LoginView):
    """Django's login: a fresh session key on success (``login()`` cycles it), the count reset."""

    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        lockout.record_success(form.get_user())
        return super().form_valid(form)


@admin_required
def moderators(request):
    profiles = Moderator.objects.select_related("user").prefetch_related("sites").order_by("user__username")
    return render(request, "accounts/moderators.html", {"profiles": profiles, "section": "moderators"})


def _save_moderator(form, user=None) -> Moderator:
    data = form.cleaned_data
    with transaction.atomic():
        if user is None:
            user = get_user_model().objects.create_user(data["username"], data["email"], data["password"], is_staff=True)
        else:
            user.email = data["email"]
            if data["password"]:
                user.set_password(data["password"])
        user.is_active = data["is_active"]
        user.save()
        profile, _created = Moderator.objects.update_or_create(user=user, defaults={
            "role": data["role"], "languages": list(data["languages"]), "email_new_comments": data["email_new_comments"],
        })
        profile.sites.set(data["sites"])
    return profile


@admin_required
def moderator_new(request):
    form = ModeratorForm(request.POST or None, initial={"is_active": True, "role": "moderator"})
    if request.method == "POST" and form.is_valid():
        profile = _save_moderator(form)
        messages.success(request, _("Created %(name)s.") % {"name": profile.user.get_username()})
        return redirect("accounts:moderators")
    return render(request, "accounts/moderator_form.html", {"form": form, "section": "moderators"})


@admin_required
def moderator_edit(request, pk):
    profile = get_object_or_404(Moderator.objects.select_related("user"), pk=pk)
    user = profile.user
    initial = {
        "username": user.username, "email": user.email, "role": profile.role, "languages": profile.languages,
        "sites": profile.sites.all(), "email_new_comments": profile.email_new_comments, "is_active": user.is_active,
    }
    form = ModeratorForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        if user == request.user and not form.cleaned_data["is_active"]:
            messages.error(request, _("You cannot deactivate your own account."))
            return redirect("accounts:moderator_edit", pk=pk)
        _save_moderator(form, user)
        if user == request.user and form.cleaned_data["password"]:
            update_session_auth_hash(request, user)  # stay logged in with the new password
        messages.success(request, _("Saved %(name)s.") % {"name": user.get_username()})
        return redirect("accounts:moderators")
    return render(request, "accounts/moderator_form.html", {"form": form, "profile": profile, "section": "moderators"})


@admin_required
@require_POST
def moderator_unlock(request, pk):
    profile = get_object_or_404(Moderator, pk=pk)
    lockout.unlock(profile)
    messages.success(request, _("Unlocked %(name)s.") % {"name": profile})
    return redirect("accounts:moderators")


@admin_required
def tokens(request):
    """List tokens and issue one; the raw token is shown on this page once and never stored."""
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        token, issued = ApiToken.issue(form.cleaned_data["user"], name=form.cleaned_data["name"])
        messages.success(request, _("Token issued for %(name)s. Copy it now: it will not be shown again.") % {"name": token.user})
        form = TokenForm()
    listing = ApiToken.objects.select_related("user").order_by("revoked_at", "-created_at")
    return render(request, "accounts/tokens.html", {"form": form, "tokens": listing, "issued": issued, "section": "tokens"})


@admin_required
@require_POST
def token_revoke(request, pk):
    ApiToken.objects.filter(pk=pk, revoked_at=None).update(revoked_at=timezone.now())
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")
