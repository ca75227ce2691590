"""Forms of the accounts app: the login with lockout, and the admin's moderator and token forms."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from majlis.accounts import lockout
from majlis.accounts.models import Role
from majlis.lib.languages import LANGUAGES, NAMES
from majlis.publications.models import Site

LANGUAGE_OPTIONS = [(code, NAMES.get(code, code)) for code in LANGUAGES]


class LoginForm(AuthenticationForm):
    """Django's login form, refusing a locked account and counting wrong passwords.

    A locked account gets the same answer as a wrong password or an unknown name, after the same
    password check (so neither the words nor the timing tell a guesser which names exist); the
    message says that repeated failures lock an account, so a real moderator knows to wait.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter a correct username and password. Both may be case-sensitive. After several "
            "failed attempts an account is locked for a few minutes."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        locked = bool(username and lockout.locked_until(username))
        try:
            cleaned = super().clean()
        except ValidationError as exc:
            if username and not locked and getattr(exc, "code", None) == "invalid_login":
                lockout.record_failure(username)
            raise
        if locked:
            self.user_cache = None
            raise self.get_invalid_login_error()
        return cleaned


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    """Django admin's login with the same lockout: otherwise /admin/login/ would let a guesser past it."""


class ModeratorForm(forms.Form):
    """Create or change a staff account: role, languages and sites (empty means all)."""

    username = forms.CharField(label=_("Username"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    password = forms.CharField(
        label=_("Password"), required=False, widget=forms.PasswordInput(render_value=False),
        help_text=_("Required for a new account; leave empty to keep the current password."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGE_OPTIONS, required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every language."),
    )
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites"), queryset=Site.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every site."),
    )
    email_new_comments = forms.BooleanField(
        label=_("Email me each new comment to moderate, with approve and reject links"), required=False,
    )
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["username"].disabled = True

    def clean_username(self):
        username = self.cleaned_data["username"]
        if self.user is None and get_user_model().objects.filter(username=username).exists():
            raise ValidationError(_("This username is taken."), code="taken")
        return username

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if self.user is None and not password:
            self.add_error("password", ValidationError(_("A new account needs a password."), code="required"))
        elif password:
            try:
                password_validation.validate_password(password, self.user)
            except ValidationError as exc:
                self.add_error("password", exc)
        return cleaned


class TokenForm(forms.Form):
    """Issue an API token for a staff account."""

    user = forms.ModelChoiceField(label=_("For"), queryset=get_user_model().objects.none())
    name = forms.CharField(label=_("What it is for"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True, moderator__isnull=False).order_by("username")
        )
