"""One comment: open it (which leases it), decide it, decide a selection, reverse a decision.

Every form here works without JavaScript (POST, then a redirect back to the queue with a message);
with htmx the answer is the decided entry alone plus a line for the page's live region.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from majlis.accounts.roles import admin_required, is_admin, staff_required
from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status
from majlis.moderation import claims, queue as queue_service
from majlis.moderation.forms import REASONS, BulkDecisionForm, DecisionForm, ReverseForm
from majlis.moderation.services import DecisionError, decide as decide_service, decide_many, reverse as reverse_service
from majlis.moderation.views.common import safe_next, visible_comment_or_404

STATUS_FOR_ERROR = {"invalid": 422, "conflict": 409, "not_found": 404}


def announcement(decision, comment) -> str:
    if decision.action == "approve":
        return _("Approved the comment by %(name)s.") % {"name": comment.author_name}
    return _("Rejected the comment by %(name)s: %(reason)s.") % {
        "name": comment.author_name, "reason": decision.get_reason_display()}


@staff_required
def comment(request, pk):
    """The comment page: opening a pending comment leases it to the moderator."""
    c = visible_comment_or_404(request.user, pk)
    leased = c.status == Status.PENDING and claims.claim(c.pk, request.user)
    if leased:
        c.refresh_from_db()
    return render(request, "moderation/comment.html", {
        "entry": queue_service.entries([c], request.user)[0],
        "comment": c,
        "leased": leased,
        "decisions": c.decisions.select_related("moderator").order_by("created_at"),
        "reasons": REASONS,
        "reverse_form": ReverseForm() if is_admin(request.user) and c.status in (Status.APPROVED, Status.REJECTED) else None,
        "here": request.get_full_path(),
    })


@staff_required
@require_POST
def claim(request, pk):
    """Lease (or renew) a comment for the keyboard-driven queue; ``409`` when a colleague holds it."""
    c = visible_comment_or_404(request.user, pk)
    if claims.claim(c.pk, request.user):
        return JsonResponse({"claimed": True, "minutes": claims.lease_minutes()})
    c.refresh_from_db()
    holder = c.claimed_by.get_username() if c.claimed_by and c.status == Status.PENDING else ""
    return JsonResponse({"claimed": False, "holder": holder, "status": c.status}, status=409)


@staff_required
@require_POST
def release(request, pk):
    c = visible_comment_or_404(request.user, pk)
    released = claims.release(c.pk, request.user)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"released": released})
    return redirect(safe_next(request))


@staff_required
@require_POST
def decide(request, pk):
    c = visible_comment_or_404(request.user, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        error = " ".join(m for errors in form.errors.values() for m in errors)
        return refused(request, c, error, 422)
    data = form.cleaned_data
    try:
        outcome = decide_service(c.pk, data["action"], reason=data["reason"], note=data["note"], moderator=request.user)
    except DecisionError as exc:
        return refused(request, c, exc.message, STATUS_FOR_ERROR.get(exc.code, 422))
    said = announcement(outcome.decision, outcome.comment)
    if request.htmx:
        return render(request, "moderation/_decided.html", {"comment": outcome.comment, "decision": outcome.decision, "said": said})
    messages.success(request, said)
    return redirect(safe_next(request))


def refused(request, comment, error: str, status: int):
    if request.htmx:
        comment.refresh_from_db()
        entry = queue_service.entries([comment], request.user)[0]
        return render(request, "moderation/_entry.html",
                      {"e": entry, "error": error, "reasons": REASONS, "here": safe_next(request)}, status=status)
    messages.error(request, error)
    return redirect(safe_next(request))


def bulk_done(action: str, n: int) -> str:
    """The sentence after a bulk decision: one whole sentence per action, in the language's plural form."""
    if action == "approve":
        return ngettext("Approved %(n)d comment.", "Approved %(n)d comments.", n) % {"n": n}
    return ngettext("Rejected %(n)d comment.", "Rejected %(n)d comments.", n) % {"n": n}


@staff_required
@require_POST
def bulk(request):
    """The same decision for each selected comment the moderator may see."""
    form = BulkDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(safe_next(request))
    data = form.cleaned_data
    ids = list(visible_comments(request.user).filter(pk__in=data["ids"]).values_list("pk", flat=True))
    result = decide_many(ids, data["action"], reason=data["reason"], note=data["note"], moderator=request.user)
    if result.decided:
        messages.success(request, bulk_done(data["action"], len(result.decided)))
    skipped = len(result.refused) + len(set(data["ids"]) - set(ids))
    if skipped:
        messages.warning(request, ngettext(
            "%(n)d selected comment was skipped: already decided, being reviewed or not yours.",
            "%(n)d selected comments were skipped: already decided, being reviewed or not yours.", skipped) % {"n": skipped})
    return redirect(safe_next(request))


@admin_required
@require_POST
def reverse(request, pk):
    c = visible_comment_or_404(request.user, pk)
    form = ReverseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Reversing a decision needs a recorded reason."))
        return redirect("moderation:comment", pk=c.pk)
    try:
        outcome = reverse_service(c.pk, note=form.cleaned_data["note"], admin=request.user, reason=form.cleaned_data["reason"])
    except DecisionError as exc:
        messages.error(request, exc.message)
        return redirect("moderation:comment", pk=c.pk)
    if outcome.comment.status == Status.APPROVED:
        messages.success(request, _("Decision reversed: the comment is now published."))
    else:
        messages.success(request, _("Decision reversed: the comment is now rejected."))
    return redirect("moderation:comment", pk=c.pk)
