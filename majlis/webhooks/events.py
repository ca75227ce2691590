"""Turning a comment event into deliveries: one row per interested endpoint, then a worker task each.

``emit()`` is called after the change is committed (the submission chain after storing, the
moderation service from its on-commit hook), so a receiver never hears of a comment that a
rollback then removed.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from majlis.lib.ttlcache import Expiring
from majlis.webhooks.models import Delivery, Endpoint


def payload(event: str, comment) -> dict:
    """What receivers get. No email address or IP prefix: those stay in Majlis."""
    return {
        "event": event,
        "comment": {
            "id": comment.pk,
            "article": comment.article.slug,
            "article_url": comment.article.url,
            "author": comment.author_name,
            "body": comment.body,
            "language": comment.language,
            "status": comment.status,
            "violation": comment.violation,
            "recommendation": comment.recommendation,
            "created_at": comment.created_at.isoformat(),
            "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
        },
    }


def emit(event: str, comment, reason: str = "") -> list[int]:
    """Record a delivery for every active endpoint of the comment's site that wants ``event``,
    enqueue their delivery tasks once committed, and return the delivery ids."""
    if not _site_has_endpoints(comment.article.site_id):
        return []
    endpoints = [e for e in Endpoint.objects.filter(site_id=comment.article.site_id, active=True) if e.wants(event)]
    body = payload(event, comment)
    if reason:
        body["reason"] = reason
    ids = [Delivery.objects.create(endpoint=e, event=event, payload=body).pk for e in endpoints]
    transaction.on_commit(lambda: _enqueue(ids))
    return ids


def _site_has_endpoints(site_id: int) -> bool:
    """Whether any active endpoint may want events of the site: asked on every new comment, so
    cached per process for ENDPOINTS_SECONDS (an endpoint added or switched on in another process
    starts receiving within that time; in this process at once) and read in raw SQL (the ORM's
    compilation would cost more than the lookup); most sites have no webhooks at all."""
    return _has_endpoints.get(site_id, lambda: _read_has_endpoints(site_id))


def _read_has_endpoints(site_id: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM webhooks_endpoint WHERE site_id = %s AND active LIMIT 1", [site_id])
        return cursor.fetchone() is not None


ENDPOINTS_SECONDS = 10
_has_endpoints = Expiring(ENDPOINTS_SECONDS)
post_save.connect(_has_endpoints.clear, sender=Endpoint, dispatch_uid="webhooks-endpoints-save")
post_delete.connect(_has_endpoints.clear, sender=Endpoint, dispatch_uid="webhooks-endpoints-delete")
post_migrate.connect(_has_endpoints.clear, dispatch_uid="webhooks-endpoints-migrate")


def _enqueue(ids: list[int]) -> None:
    from majlis.tasks import deliver_webhook

    for delivery_id in ids:
        deliver_webhook.enqueue(delivery_id)
