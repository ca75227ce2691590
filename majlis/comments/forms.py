"""The comment form: name, email and comment, all required; the same rules serve the page and the API."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, validate_email
from django.utils.translation import gettext_lazy as _

# Zero-width and bidirectional control characters: stripped from names so that nobody can pose as
# another reader or flip the direction of the text around their name.
INVISIBLE = re.compile("[\u200b\u200d-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad\u061c]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The zero-width non-joiner is spelling in Persian and Sorani (می‌خواهم): kept between two
# Arabic-script letters, stripped anywhere else, where it only hides a difference.
ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
STRAY_ZWNJ = re.compile(f"(?<![{ARABIC_LETTER}])\u200c|\u200c(?![{ARABIC_LETTER}])")


def clean_name(value: str) -> str:
    """Return the name without control, zero-width or bidi characters, its spaces collapsed."""
    return " ".join(STRAY_ZWNJ.sub("", INVISIBLE.sub("", CONTROL.sub("", value))).split())


class CommentForm(forms.Form):
    author = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254, help_text=_("Never shown. Used only to tell you the decision."))
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 5}))
    # Honeypot: hidden from people by CSS and aria-hidden; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author"].max_length = settings.MAJLIS_NAME_MAX_LENGTH
        self.fields["author"].widget.attrs.update(maxlength=settings.MAJLIS_NAME_MAX_LENGTH, autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["body"].widget.attrs.update(maxlength=settings.MAJLIS_COMMENT_MAX_LENGTH, dir="auto")
        self.fields["author"].widget.attrs.update(dir="auto")
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["author"].error_messages["required"] = _("Please enter your name.")
        self.fields["email"].error_messages["required"] = _("Please enter your email address.")
        self.fields["email"].error_messages["invalid"] = _("Please enter a valid email address.")
        self.fields["body"].error_messages["required"] = _("Please write a comment.")

    def clean_author(self):
        name = clean_name(self.cleaned_data["author"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        limit = settings.MAJLIS_NAME_MAX_LENGTH
        if len(name) > limit:
            raise forms.ValidationError(
                _("Names are limited to %(limit)d characters."), code="max_length", params={"limit": limit}
            )
        return name

    def clean_body(self):
        body = CONTROL.sub("", self.cleaned_data["body"].replace("\r\n", "\n")).strip()
        low, high = settings.MAJLIS_COMMENT_MIN_LENGTH, settings.MAJLIS_COMMENT_MAX_LENGTH
        if len(body) < low:
            raise forms.ValidationError(
                _("Comments need at least %(limit)d characters."), code="min_length", params={"limit": low}
            )
        if len(body) > high:
            raise forms.ValidationError(
                _("Comments are limited to %(limit)d characters; yours has %(length)d."),
                code="max_length", params={"limit": high, "length": len(body)},
            )
        return body

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


_no_nul = ProhibitNullCharactersValidator()
EMAIL_MAX_LENGTH = 254


def cleaned_if_valid(data: dict) -> dict | None:
    """``CommentForm(data=data).cleaned_data`` when that form would be valid, else ``None``.

    The API's posting path (every POST) asks this first: building the form deep-copies its fields
    and widgets, which cost more CPU than the rules themselves. Any doubt returns ``None`` and the
    caller builds the form, so every error message still comes from the form; for data the form
    accepts, this gives the same cleaned values (tests/comments/test_forms_quick.py compares both).
    """
    try:
        author, email, body = (_plain(data.get(name)) for name in ("author", "email", "body"))
        website = _plain(data.get("website", ""))
        if not (author and email and body):
            return None
        for value in (author, email, body, website):
            _no_nul(value)
        validate_email(email)
    except (ValidationError, TypeError):
        return None
    name = clean_name(author)
    body = CONTROL.sub("", body.replace("\r\n", "\n")).strip()
    name_limit = settings.MAJLIS_NAME_MAX_LENGTH
    if not name or len(author) > name_limit or len(name) > name_limit or len(email) > EMAIL_MAX_LENGTH \
            or not settings.MAJLIS_COMMENT_MIN_LENGTH <= len(body) <= settings.MAJLIS_COMMENT_MAX_LENGTH:
        return None
    return {"author": name, "email": email.lower(), "body": body, "website": website}


def _plain(value) -> str:
    """A submitted value as ``forms.CharField`` reads it: text, stripped; None is empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError("not text")  # let the form judge anything unusual
    return value.strip()
