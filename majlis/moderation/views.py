from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from majlis.accounts.scopes import visible_comments
from majlis.comments.models import Status


@login_required
def queue(request):
    comments = visible_comments(request.user).filter(status=Status.PENDING).select_related("article").order_by("-violation")[:100]
    return render(request, "moderation/queue.html", {"comments": comments})
