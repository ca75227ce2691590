"""Statistics: placeholder, replaced below."""
from django.http import HttpResponse
from majlis.accounts.roles import staff_required


@staff_required
def statistics(request):
    return HttpResponse("")


@staff_required
def statistics_csv(request):
    return HttpResponse("")
