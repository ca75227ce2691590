"""The page an emailed approve/reject link opens: it shows the comment and asks to confirm.

The signed link stands in for a login for this one decision (the moderator may read mail on a
phone with no session); a GET never decides, the POST from the page (CSRF-checked) does.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from majlis.accounts.roles import is_staff_member
from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status
from majlis.moderation import mailer, queue as queue_service
from majlis.moderation.forms import REASONS, DecisionForm
from majlis.moderation.services import DecisionError, decide

STATUS_FOR_ERROR = {"invalid": 422, "conflict": 409, "not_found": 404}


def problem(request, message: str, status: int):
    return render(request, "moderation/email_confirm.html", {"problem": message}, status=status)


@never_cache
def confirm(request, token):
    try:
        comment_id, user_id, action = mailer.read_token(token)
    except mailer.LinkError as exc:
        if exc.expired:
            return problem(request, _("This link has expired. Open the queue to decide the comment."), 410)
        return problem(request, _("This link is not valid."), 404)
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    comment = visible_comments(user).select_related("article").filter(pk=comment_id).first() if user and is_staff_member(user) else None
    if comment is None:
        return problem(request, _("This link is not valid."), 404)
    form, done, error, status = DecisionForm(initial={"action": action}), None, "", 200
    if request.method == "POST":
        form = DecisionForm({**request.POST.dict(), "action": action})
        if form.is_valid():
            try:
                done = decide(comment.pk, action, reason=form.cleaned_data["reason"], note=form.cleaned_data["note"], moderator=user)
            except DecisionError as exc:
                error, status = exc.message, STATUS_FOR_ERROR.get(exc.code, 422)
        else:
            status = 422
    elif comment.status != Status.PENDING:
        error, status = _("This comment has already been decided."), 409
    entry = queue_service.entries([comment], user)[0]
    return render(request, "moderation/email_confirm.html", {
        "comment": comment, "entry": entry, "action": action, "form": form, "done": done, "error": error,
        "reasons": REASONS, "moderator": user,
    }, status=status)
