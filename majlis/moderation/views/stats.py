"""The statistics page (charts drawn on the server as SVG, with the same figures in tables) and its CSV."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _, pgettext

from majlis.accounts.roles import staff_required
from majlis.lib.languages import NAMES
from majlis.moderation import charts, export, stats
from majlis.screening.categories import BY_CODE

PERIODS = (7, 30, 90, 365)


def period(request) -> int:
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        return 30
    return days if days in PERIODS else 30


def language_label(rate) -> str:
    return NAMES.get(rate.key, rate.key)


def category_label(rate) -> str:
    category = BY_CODE.get(rate.key)
    return _(category.label) if category else _("No flag")


@staff_required
def statistics(request):
    days = period(request)
    report = stats.report(request.user, days)
    series = [("approved", "bar-approved", pgettext("statistics: comments counted by status", "approved")),
              ("rejected", "bar-rejected", pgettext("statistics: comments counted by status", "rejected")),
              ("pending", "bar-pending", pgettext("statistics: comments counted by status", "pending"))]
    return render(request, "moderation/stats.html", {
        "report": report, "days": days, "periods": PERIODS, "section": "stats",
        "daily_chart": charts.stacked_columns(report.days, series, labels=lambda d: d.day.strftime("%m-%d")),
        "language_chart": charts.rate_bars(report.by_language, label=language_label),
        "category_chart": charts.rate_bars(report.by_category, label=category_label),
        "moderator_chart": charts.bars(report.per_moderator, lambda m: m.total),
        "languages": [(language_label(r), r) for r in report.by_language],
        "categories": [(category_label(r), r) for r in report.by_category],
    })


def csv_rows(report):
    yield ("summary", "submitted", "", report.submitted)
    yield ("summary", "approval_rate", "", f"{report.approval_rate:.4f}")
    yield ("summary", "median_minutes_to_decision", "", "" if report.median_minutes is None else f"{report.median_minutes:.1f}")
    yield ("summary", "automated_decisions", "", report.automated)
    yield ("summary", "automated_overturned", "", report.overturned)
    for d in report.days:
        for status in ("approved", "rejected", "pending"):
            yield ("per_day", d.day.isoformat(), status, getattr(d, status))
    for table, rows in (("by_language", report.by_language), ("by_category", report.by_category)):
        for r in rows:
            yield (table, r.key, "approved", r.approved)
            yield (table, r.key, "rejected", r.rejected)
            yield (table, r.key, "approval_rate", f"{r.rate:.4f}")
    for m in report.per_moderator:
        for metric in ("approved", "rejected", "reversed"):
            yield ("per_moderator", m.name, metric, getattr(m, metric))


@staff_required
def statistics_csv(request):
    days = period(request)
    report = stats.report(request.user, days)
    stamp = timezone.now().strftime("%Y%m%d")
    return export.csv_response(f"majlis-statistics-{days}d-{stamp}.csv", ("table", "key", "metric", "value"), csv_rows(report))
