"""The JSON API under /api/v1/ (django-ninja), with its OpenAPI document."""
