"""Webhooks: HMAC-SHA256-signed POSTs to a site's endpoints when a comment is created, approved or
rejected, delivered by the worker with retries and backoff, each attempt kept in a delivery log
that admins read in the Django admin.

``events.emit()`` is the one entry point for the rest of Majlis; ``delivery.deliver()`` is what
the worker's task runs; ``signing`` is the contract integrators verify against.
"""
