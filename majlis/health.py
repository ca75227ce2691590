"""Liveness (/healthz: the process answers) and readiness (/readyz: database, migrations, model)."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database() -> str | None:
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return "migrations not applied"
    except Exception as exc:  # any failure means "not ready"; the reason is reported
        return f"database unreachable: {type(exc).__name__}"
    return None


def _model() -> str | None:
    try:
        from majlis.screening import screen

        screen("ready?")
    except Exception as exc:
        return f"screening model not loaded: {type(exc).__name__}"
    return None


@never_cache
def readyz(request):
    problems = [p for p in (_database(), _model()) if p]
    if problems:
        return JsonResponse({"status": "unavailable", "problems": problems}, status=503)
    return JsonResponse({"status": "ready"})
