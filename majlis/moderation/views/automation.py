"""Settings per site (admins): automation mode and thresholds with a replay preview, and the site's
profile (names, guidelines, widget origins, decision emails)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from majlis.accounts.roles import admin_required
from majlis.moderation import preview
from majlis.moderation.forms import AutomationForm, SiteProfileForm
from majlis.publications.models import Site


def defaults() -> dict:
    from majlis.screening.policy import Policy

    return {"reject": dict(Policy.DEFAULTS["reject"]), "approve": dict(Policy.DEFAULTS["approve"])}


@admin_required
def site_list(request):
    sites = Site.objects.order_by("name")
    if sites.count() == 1:
        return redirect("moderation:site_settings", site_id=sites.first().pk)
    return render(request, "moderation/settings_list.html", {"sites": sites, "section": "settings"})


@admin_required
def site_settings(request, site_id):
    """GET shows the form and replays the saved settings; POST with ``preview`` replays the
    proposed ones without saving; POST without it validates and saves."""
    site = get_object_or_404(Site, pk=site_id)
    form = AutomationForm(request.POST or None, site=site, defaults=defaults())
    sample = preview.DEFAULT_SAMPLE
    proposed = None
    if request.method == "POST" and form.is_valid():
        sample = form.cleaned_data.get("sample") or sample
        if "preview" in request.POST:
            proposed = preview.replay(site, mode=form.cleaned_data["mode"], reject=form.thresholds("reject"),
                                      approve=form.thresholds("approve"), sample=sample)
        else:
            form.apply_to(site)
            site.save(update_fields=["mode", "reject_thresholds", "approve_thresholds"])
            messages.success(request, _("Automation settings saved for %(site)s.") % {"site": site.name})
            return redirect("moderation:site_settings", site_id=site.pk)
    current = preview.replay(site, mode=site.mode, reject=site.reject_thresholds or {},
                             approve=site.approve_thresholds or {}, sample=sample)
    return render(request, "moderation/settings.html", {
        "site": site, "form": form, "current": current, "proposed": proposed, "section": "settings",
    })


@admin_required
def site_profile(request, site_id):
    """GET shows the site's profile; POST validates and saves it (an invalid form keeps what was typed)."""
    site = get_object_or_404(Site, pk=site_id)
    site_name = site.name  # the form writes what was typed onto ``site`` while validating
    form = SiteProfileForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Site profile saved for %(site)s.") % {"site": site.name})
        return redirect("moderation:site_profile", site_id=site.pk)
    return render(request, "moderation/site_profile.html",
                  {"site": site, "site_name": site_name, "form": form, "section": "settings"})
