"""The audit log page and its CSV export."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from majlis.accounts.roles import staff_required
from majlis.moderation import audit, export
from majlis.moderation.forms import REASONS
from majlis.moderation.models import Action

PAGE_SIZE = 50


class AuditSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    action = forms.ChoiceField(label=_("Action"), required=False, choices=[("", _("Any action"))] + list(Action.choices))
    reason = forms.ChoiceField(label=_("Reason"), required=False, choices=[("", _("Any reason"))] + REASONS)
    by = forms.CharField(label=_("By (username or “automation”)"), required=False, max_length=150)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


@staff_required
def audit_log(request):
    form = AuditSearchForm(request.GET or None)
    fields = form.cleaned_data if form.is_valid() else {}
    decisions = audit.decisions_for(request.user, **{k: v for k, v in fields.items() if v})
    if request.GET.get("format") == "csv":
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        return export.csv_response(f"majlis-decisions-{stamp}.csv", export.DECISION_COLUMNS, export.decision_rows(decisions))
    page = Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    return render(request, "moderation/audit.html", {
        "form": form, "page": page, "query": query.urlencode(), "section": "audit",
    })
