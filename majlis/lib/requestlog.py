"""One log line and one latency observation per HTTP request.

First in ``MIDDLEWARE`` so it also times the lean public-list path. The line goes to the
``majlis.request`` logger at INFO with ``method``, ``path``, ``status`` and ``duration_ms`` as
fields (``MAJLIS_JSON_LOGS=true`` turns them into JSON keys); set ``MAJLIS_LOG_LEVEL=WARNING`` or
silence that logger to drop it. The latency histogram is labelled by view name, never by raw
path, so its size stays bounded whatever clients request.
"""

import logging
import time

from majlis.lib import metrics

log = logging.getLogger("majlis.request")


def view_name(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.url_name or match.view_name or "unnamed"
    return "public_list" if getattr(request, "lean_path", False) else "unresolved"


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        metrics.REQUESTS.observe(seconds, request.method, view_name(request), str(response.status_code))
        metrics.flush()
        if log.isEnabledFor(logging.INFO):
            log.info(
                "%s %s %s %.1fms", request.method, request.path, response.status_code, seconds * 1000,
                extra={"method": request.method, "path": request.path, "status": response.status_code,
                       "duration_ms": round(seconds * 1000, 2)},
            )
        return response
