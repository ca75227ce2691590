"""The project's URLs plus one view that forgot its guard: the access walker must catch it."""

from django.http import HttpResponse
from django.urls import path

from majlis.comments.models import Comment, Status
from majlis.urls import urlpatterns as project_urls


def unguarded(request):
    return HttpResponse(" ".join(Comment.objects.filter(status=Status.PENDING).values_list("body", flat=True)))


urlpatterns = [path("moderation/leak/", unguarded, name="unguarded"), *project_urls]
