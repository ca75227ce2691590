"""Email links: placeholder."""
from django.http import HttpResponse


def confirm(request, token):
    return HttpResponse("")
