"""Forms of the workspace: queue filters, decisions (single and bulk), reversal, automation settings,
site profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from majlis.lib.languages import LANGUAGES, NAMES, direction
from majlis.moderation.models import Action
from majlis.publications.models import Article, AutomationMode, Site, split_origins
from majlis.screening.categories import CATEGORIES

REASONS = [(c.code, _(c.label)) for c in CATEGORIES]
LANGUAGE_FILTER = [("", _("All languages"))] + [(code, NAMES.get(code, code)) for code in LANGUAGES] + [("other", _("Other"))]
DECISIONS = [(Action.APPROVE.value, _("Approve")), (Action.REJECT.value, _("Reject"))]


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the query string; every field is optional."""

    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_FILTER, required=False)
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.none(), required=False, empty_label=_("All sites"))
    article = forms.ChoiceField(label=_("Article"), required=False)
    category = forms.ChoiceField(label=_("Category"), choices=[("", _("Any category"))] + REASONS, required=False)
    min_score = forms.FloatField(label=_("Minimum score"), min_value=0, max_value=1, required=False,
                                 widget=forms.NumberInput(attrs={"step": "0.05"}))
    order = forms.ChoiceField(
        label=_("Order"), required=False,
        choices=[("violation", _("Most likely violations first")), ("age", _("Oldest first"))],
    )

    def __init__(self, *args, sites=None, articles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites if sites is not None else Site.objects.order_by("name")
        articles = articles if articles is not None else Article.objects.order_by("-published_at")
        self.fields["article"].choices = [("", _("All articles"))] + [(a.slug, a.title) for a in articles]

    def filters(self) -> dict:
        """The valid filters as a dict for ``queue.pending_for`` (invalid input is ignored)."""
        if not self.is_valid():
            return {k: v for k, v in self.cleaned_data.items() if k not in self.errors and v not in ("", None)}
        return {k: v for k, v in self.cleaned_data.items() if v not in ("", None)}


class DecisionForm(forms.Form):
    """One decision: approve, or reject with a guideline reason and an optional note."""

    action = forms.ChoiceField(choices=DECISIONS)
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", _("Choose a guideline…"))] + REASONS, required=False)
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=2000)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == Action.REJECT and not cleaned.get("reason"):
            self.add_error("reason", ValidationError(_("A rejection needs a guideline reason."), code="required"))
        if cleaned.get("action") == Action.APPROVE:
            cleaned["reason"] = ""
        return cleaned


class BulkDecisionForm(DecisionForm):
    """The same decision for every selected comment."""

    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), required=True,
                                         error_messages={"required": _("Select at least one comment.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any integer is acceptable here: scope and state are checked per comment by the view.
        self.fields["ids"].valid_value = lambda value: str(value).isdigit()


class ReverseForm(forms.Form):
    """An admin reverses a decision: the recorded reason is required, and a guideline to reject."""

    note = forms.CharField(label=_("Why is this decision reversed?"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    reason = forms.ChoiceField(label=_("Guideline (when reversing to rejected)"), choices=[("", "—")] + REASONS, required=False)


class AutomationForm(forms.Form):
    """A site's automation mode and per-category thresholds (empty: the calibrated default)."""

    mode = forms.ChoiceField(label=_("Automation mode"), choices=AutomationMode.choices, widget=forms.RadioSelect)
    sample = forms.IntegerField(label=_("Replay the last N human decisions"), min_value=10, max_value=5000, initial=500, required=False)

    def __init__(self, *args, site=None, defaults=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        defaults = defaults or {"reject": {}, "approve": {}}
        for c in CATEGORIES:
            for kind, label in (("reject", _("reject at or above")), ("approve", _("approve below"))):
                name = f"{kind}_{c.code}"
                self.fields[name] = forms.FloatField(
                    label=f"{_(c.label)}: {label}", min_value=0, max_value=1, required=False,
                    widget=forms.NumberInput(attrs={"step": "0.01", "placeholder": f"{defaults[kind].get(c.code, ''):.2f}"
                                                    if c.code in defaults[kind] else ""}),
                )
        if site is not None and not self.is_bound:
            self.initial.update({"mode": site.mode})
            for kind in ("reject", "approve"):
                for code, value in (getattr(site, f"{kind}_thresholds") or {}).items():
                    self.initial[f"{kind}_{code}"] = value

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        reject, approve = self.thresholds("reject"), self.thresholds("approve")
        for code, low in approve.items():
            if code in reject and low > reject[code]:
                self.add_error(f"approve_{code}", ValidationError(
                    _("The approve threshold cannot be above the reject threshold."), code="order"))
        if self.site is not None:
            from copy import copy

            from majlis.checks import site_errors

            candidate = copy(self.site)
            candidate.mode, candidate.reject_thresholds, candidate.approve_thresholds = cleaned["mode"], reject, approve
            for error in site_errors(candidate):
                self.add_error(None, ValidationError(error.msg, code=error.id))
        return cleaned

    def apply_to(self, site) -> None:
        """Write the cleaned mode and thresholds onto ``site`` (the caller saves it)."""
        site.mode = self.cleaned_data["mode"]
        site.reject_thresholds = self.thresholds("reject")
        site.approve_thresholds = self.thresholds("approve")

    def thresholds(self, kind: str) -> dict[str, float]:
        """The thresholds of ``kind`` (``reject`` or ``approve``) the admin set; blanks are left out."""
        return {
            c.code: self.cleaned_data[f"{kind}_{c.code}"]
            for c in CATEGORIES if self.cleaned_data.get(f"{kind}_{c.code}") is not None
        }

    def rows(self):
        """(category label, reject field, approve field) per category, for a table layout."""
        return [(_(c.label), self[f"reject_{c.code}"], self[f"approve_{c.code}"]) for c in CATEGORIES]


class SiteProfileForm(forms.ModelForm):
    """What readers see of a site: its name (and per language), its community guidelines per
    language, the origins allowed to embed the widget, and whether commenters are emailed the
    decision. Blank language fields fall back to the site's name and the English guidelines."""

    class Meta:
        model = Site
        fields = ["name", "allowed_origins", "notify_authors"]
        widgets = {"allowed_origins": forms.Textarea(attrs={"rows": 3, "dir": "ltr", "spellcheck": "false"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names, guidelines = self.instance.names or {}, self.instance.guidelines or {}
        for code in LANGUAGES:
            attrs = {"lang": code, "dir": direction(code)}
            language = f"\u2068{NAMES[code]}\u2069"  # isolated: "Name (کوردی (سۆرانی))" stays in order
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language}, max_length=200, required=False,
                initial=names.get(code, ""), widget=forms.TextInput(attrs=attrs))
            self.fields[f"guidelines_{code}"] = forms.CharField(
                label=_("Community guidelines (%(language)s)") % {"language": language}, max_length=5000,
                required=False, initial=guidelines.get(code, ""), widget=forms.Textarea(attrs={**attrs, "rows": 5}))

    def clean_allowed_origins(self):
        from majlis.checks import is_origin

        lines = split_origins(self.cleaned_data["allowed_origins"])
        bad = [line for line in lines if not is_origin(line)]
        if bad:
            raise ValidationError(
                _("Write each origin as scheme://host[:port], one per line, with no path: %(origins)s"),
                code="origin", params={"origins": ", ".join(f"\u2068{line}\u2069" for line in bad)})
        return "\n".join(lines)

    def languages(self):
        """Per language, for the template: its name, its two fields, and whether to show them open
        (something is written there, or an error)."""
        out = []
        for code in LANGUAGES:
            fields = [self[f"name_{code}"], self[f"guidelines_{code}"]]
            out.append({"name": NAMES[code], "code": code, "fields": fields,
                        "open": any(f.value() or f.errors for f in fields)})
        return out

    def save(self, commit=True):
        site = super().save(commit=False)
        site.names = {c: v for c in LANGUAGES if (v := self.cleaned_data[f"name_{c}"].strip())}
        site.guidelines = {c: v for c in LANGUAGES if (v := self.cleaned_data[f"guidelines_{c}"].strip())}
        if commit:
            site.save()
        return site

