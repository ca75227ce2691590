"""Webhook endpoints are edited in the Django admin; the delivery log is read-only there."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _, ngettext

from majlis.webhooks import delivery
from majlis.webhooks.models import Delivery, Endpoint


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    list_display = ("url", "site", "active", "created_at")
    list_filter = ("site", "active")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "event", "endpoint", "status", "attempts", "last_status_code", "next_attempt_at")
    list_filter = ("status", "event", "endpoint")
    readonly_fields = [f.name for f in Delivery._meta.fields]
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Retry the selected failed deliveries"))
    def retry_failed(self, request, queryset):
        count = sum(delivery.retry(pk) for pk in queryset.values_list("pk", flat=True))
        self.message_user(request, ngettext("%d delivery queued again.", "%d deliveries queued again.", count) % count,
                          messages.SUCCESS)
