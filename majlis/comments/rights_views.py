"""Pages of the readers' data rights (see ``rights``): ask by email, then confirm from the link.

Confirming takes a POST from the page the link opens, never the GET of the link itself: mail
scanners and link previews fetch links, and must not erase anything.
"""

import json

from django import forms
from django.core.mail import send_mail
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _, gettext_lazy

from majlis.comments import rights
from majlis.lib import net


class RightsForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The email address you commented with"))
    action = forms.ChoiceField(
        label=gettext_lazy("What would you like?"), widget=forms.RadioSelect,
        choices=[("export", gettext_lazy("A copy of my comments")),
                 ("erase", gettext_lazy("Erase my comments and my personal data"))],
    )


def ask(request):
    form = RightsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, action = form.cleaned_data["email"], form.cleaned_data["action"]
        if not rights.may_ask(email, net.client_ip(request)):
            return too_many(request, form)
        if rights.comments_of(email).exists():
            send_link(request, email, action)
        return render(request, "rights/sent.html", {"hours": rights.LINK_HOURS})
    return render(request, "rights/ask.html", {"form": form})


def too_many(request, form):
    """429, with the form as the reader filled it in."""
    refusal = _("Too many links have been requested for this email address or from your network in the past hour. "
                "Please try again later.")
    response = render(request, "rights/ask.html", {"form": form, "refusal": refusal}, status=429)
    response["Retry-After"] = str(int(rights.ASK_WINDOW.total_seconds()))
    return response


def send_link(request, email: str, action: str) -> None:
    url = request.build_absolute_uri(reverse("rights:confirm", args=[rights.make_token(email, action)]))
    context = {"url": url, "action": action, "hours": rights.LINK_HOURS}
    subject = render_to_string("rights/email_subject.txt", context).strip()
    send_mail(subject, render_to_string("rights/email_body.txt", context), None, [email])


def confirm(request, token: str):
    try:
        email, action = rights.read_token(token)
    except rights.BadLink:
        return render(request, "rights/bad_link.html", status=400)
    if request.method != "POST":
        count = rights.comments_of(email).count()
        return render(request, "rights/confirm.html", {"action": action, "count": count, "email": email})
    if action == "export":
        body = json.dumps(rights.export_for(email), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
        response["Cache-Control"] = "no-store"
        return response
    erased = rights.erase_for(email)
    return render(request, "rights/erased.html", {"count": erased})


app_name = "rights"
urlpatterns = [
    path("", ask, name="ask"),
    path("confirm/<str:token>/", confirm, name="confirm"),
]
