"""Django's own strings that a reader or moderator sees on our pages, repeated with the same
msgids (and contexts) so that ``makemessages`` puts them in our catalogues.

Django has no Kurmanji (``kmr``) catalogue: without these entries the month names of dates, the
``timesince`` durations ("3 hours, 5 minutes") and the form errors of Django's fields and
validators come out in English on a Kurmanji page. Our catalogues come first in the lookup
(``LOCALE_PATHS``), so for the other languages these entries carry Django's own translations.
Nothing imports this module at run time; tests/i18n checks that every msgid here is Django's.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

# Month names: the "F" of DATE_FORMAT and DATETIME_FORMAT (django.utils.dates.MONTHS).
MONTHS = (
    _("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
    _("July"), _("August"), _("September"), _("October"), _("November"), _("December"),
)

# The timesince filter (the queue's "posted 3 hours ago"): django.utils.timesince.TIME_STRINGS.
TIMESINCE = (
    ngettext_lazy("%(num)d year", "%(num)d years", "num"),
    ngettext_lazy("%(num)d month", "%(num)d months", "num"),
    ngettext_lazy("%(num)d week", "%(num)d weeks", "num"),
    ngettext_lazy("%(num)d day", "%(num)d days", "num"),
    ngettext_lazy("%(num)d hour", "%(num)d hours", "num"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes", "num"),
    _(", "),
)

# Errors of Django's form fields and validators that our forms do not replace.
FORM_ERRORS = (
    _("This field is required."),
    _("Enter a whole number."),
    _("Enter a number."),
    _("Enter a valid date."),
    _("Enter a valid email address."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("Select a valid choice. That choice is not one of the available choices."),
    _("Ensure this value is less than or equal to %(limit_value)s."),
    _("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    # The password validators of AUTH_PASSWORD_VALIDATORS (the moderator form).
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    _("This password is too common."),
)

# The page Django answers a form post with when its CSRF check fails (cookies or Referer blocked):
# django.views.csrf.csrf_failure, shown to a reader whose browser refuses our cookie.
CSRF_FAILURE = (
    _("Forbidden"),
    _("CSRF verification failed. Request aborted."),
    _(
        "You are seeing this message because this HTTPS site requires a "
        "“Referer header” to be sent by your web browser, but none was "
        "sent. This header is required for security reasons, to ensure "
        "that your browser is not being hijacked by third parties."
    ),
    _(
        "If you have configured your browser to disable “Referer” headers, "
        "please re-enable them, at least for this site, or for HTTPS "
        "connections, or for “same-origin” requests."
    ),
    _(
        'If you are using the <meta name="referrer" '
        'content="no-referrer"> tag or including the “Referrer-Policy: '
        "no-referrer” header, please remove them. The CSRF protection "
        "requires the “Referer” header to do strict referer checking. If "
        "you’re concerned about privacy, use alternatives like "
        '<a rel="noreferrer" …> for links to third-party sites.'
    ),
    _(
        "You are seeing this message because this site requires a CSRF "
        "cookie when submitting forms. This cookie is required for "
        "security reasons, to ensure that your browser is not being "
        "hijacked by third parties."
    ),
    _(
        "If you have configured your browser to disable cookies, please "
        "re-enable them, at least for this site, or for “same-origin” "
        "requests."
    ),
    _("More information is available with DEBUG=True."),
)
