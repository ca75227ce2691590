"""Prometheus metrics at ``/metrics`` (text format 0.0.4), without a client library.

Two kinds of figures, chosen so that a scrape through a load balancer, which reaches one worker
process of one node, still sees the truth:

- **From the database at scrape time** (the same for every process and node): moderation queue
  depth per language, decisions by action, reason and language, comments by status, tasks by
  status. These are the figures an alert should use.
- **Observed in the processes** (request latency, screening latency): each gunicorn worker keeps
  its own histograms and writes a snapshot to ``MAJLIS_METRICS_DIR`` (default
  ``$MAJLIS_DATA_DIR/metrics``) at most every ``FLUSH_SECONDS``; a scrape adds up the snapshots of
  the processes still alive on that node. A restarted worker starts from zero, which Prometheus
  reads as a counter reset (``rate()`` handles it). With several nodes, scrape each node.

Access: ``MAJLIS_METRICS_ALLOW`` (client networks) and ``MAJLIS_METRICS_TOKEN`` (``Authorization:
Bearer <token>``, compared in constant time) each restrict ``/metrics`` when set, both when both
are: another network gets 403, a missing or wrong token 401. With neither, keep ``/metrics`` off
the public internet in the proxy (the nginx example in ``deploy/`` allows the local network only).
"""

import hmac
import ipaddress
import json
import os
import threading
import time
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

FLUSH_SECONDS = 5.0
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
SCREEN_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25)


class Histogram:
    """A labelled histogram: label tuple -> [bucket counts..., +Inf count, sum]."""

    def __init__(self, name: str, help_text: str, labels: tuple[str, ...], buckets: tuple[float, ...]):
        self.name, self.help, self.labels, self.buckets = name, help_text, labels, buckets
        self.series: dict[tuple, list[float]] = {}
        self.lock = threading.Lock()

    def observe(self, seconds: float, *label_values: str) -> None:
        with self.lock:
            row = self.series.get(label_values)
            if row is None:
                row = self.series[label_values] = [0] * (len(self.buckets) + 2)
            for i, bound in enumerate(self.buckets):
                if seconds <= bound:
                    row[i] += 1
                    break
            else:
                row[len(self.buckets)] += 1
            row[-1] += seconds

    def snapshot(self) -> dict:
        with self.lock:
            return {"|".join(k): list(v) for k, v in self.series.items()}


REQUESTS = Histogram("majlis_http_request_duration_seconds", "Time to answer an HTTP request.",
                     ("method", "view", "status"), LATENCY_BUCKETS)
SCREENING = Histogram("majlis_screening_duration_seconds", "Time to screen one comment.", ("source",), SCREEN_BUCKETS)
HISTOGRAMS = (REQUESTS, SCREENING)
_last_flush = [0.0]


def metrics_dir() -> Path:
    return Path(os.environ.get("MAJLIS_METRICS_DIR") or settings.DATA_DIR / "metrics")


def flush(force: bool = False) -> None:
    """Write this process's histograms to its snapshot file (atomically), at most every few seconds."""
    now = time.monotonic()
    if not force and now - _last_flush[0] < FLUSH_SECONDS:
        return
    _last_flush[0] = now
    directory = metrics_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{os.getpid()}.tmp"
        tmp.write_text(json.dumps({h.name: h.snapshot() for h in HISTOGRAMS}))
        tmp.replace(directory / f"{os.getpid()}.json")
    except OSError:
        pass  # a read-only data directory loses the per-process figures, never a request


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def merged_snapshots() -> dict[str, dict[str, list[float]]]:
    """Sum the snapshot files of live processes; delete those of processes that are gone."""
    flush(force=True)
    total: dict[str, dict[str, list[float]]] = {}
    for path in metrics_dir().glob("*.json"):
        if not _alive(int(path.stem)):
            path.unlink(missing_ok=True)
            continue
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        for name, series in data.items():
            into = total.setdefault(name, {})
            for key, row in series.items():
                acc = into.setdefault(key, [0] * len(row))
                into[key] = [a + b for a, b in zip(acc, row)]
    return total


def _escape(value) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(names, values) -> str:
    return ",".join(f'{n}="{_escape(v)}"' for n, v in zip(names, values))


def render_histogram(h: Histogram, series: dict[str, list[float]]) -> list[str]:
    lines = [f"# HELP {h.name} {h.help}", f"# TYPE {h.name} histogram"]
    for key, row in sorted(series.items()):
        base = _labels(h.labels, key.split("|"))
        sep = "," if base else ""
        cumulative = 0
        for bound, count in zip((*h.buckets, "+Inf"), row[:-1]):
            cumulative += count
            lines.append(f'{h.name}_bucket{{{base}{sep}le="{bound}"}} {cumulative}')
        lines.append(f"{h.name}_count{{{base}}} {cumulative}")
        lines.append(f"{h.name}_sum{{{base}}} {row[-1]:.6f}")
    return lines


def render_gauge(name: str, help_text: str, kind: str, labels: tuple[str, ...], rows) -> list[str]:
    lines = [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    for *values, count in rows:
        lines.append(f"{name}{{{_labels(labels, values)}}} {count}" if labels else f"{name} {count}")
    return lines


def database_lines() -> list[str]:
    """Figures read from the database: the same whichever process or node is scraped."""
    from django.db.models import Count

    from majlis.comments.models import Comment, Status
    from majlis.moderation.models import Decision

    pending = Comment.objects.filter(status=Status.PENDING).values_list("language").annotate(n=Count("id"))
    by_status = Comment.objects.values_list("status").annotate(n=Count("id"))
    decisions = Decision.objects.values_list("action", "reason", "comment__language").annotate(n=Count("id"))
    lines = render_gauge("majlis_queue_depth", "Comments waiting for a decision, by detected language.", "gauge",
                         ("language",), [(lang or "unknown", n) for lang, n in pending.order_by()])
    lines += render_gauge("majlis_comments", "Stored comments by status.", "gauge", ("status",), by_status.order_by())
    lines += render_gauge(
        "majlis_decisions_total", "Decisions taken, by action, guideline reason and comment language.", "counter",
        ("action", "reason", "language"),
        [(a, r or "none", lang or "unknown", n) for a, r, lang, n in decisions.order_by()],
    )
    lines += task_lines()
    return lines


def task_lines() -> list[str]:
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.values_list("status").annotate(n=Count("id")).order_by()
    return render_gauge("majlis_tasks", "Background tasks in the database, by status.", "gauge", ("status",), rows)


def render() -> str:
    lines = database_lines()
    merged = merged_snapshots()
    for h in HISTOGRAMS:
        lines += render_histogram(h, merged.get(h.name, {}))
    return "\n".join(lines) + "\n"


def allowed_networks(name: str, values: list[str]) -> list[str]:
    """Check a setting's list of networks (``10.0.0.0/8``, ``::1``) at startup; return them normalized."""
    try:
        return [str(ipaddress.ip_network(value, strict=False)) for value in values]
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: {exc}; list networks such as 10.0.0.0/8 or ::1, comma-separated.") from None


@lru_cache(maxsize=8)
def _networks(values: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def from_allowed_network(request) -> bool:
    """Whether the client (``net.client_ip``: behind a trusted proxy, the forwarded address) is allowed."""
    from majlis.lib import net

    allowed = settings.MAJLIS_METRICS_ALLOW
    if not allowed:
        return True
    try:
        address = ipaddress.ip_address(net.client_ip(request))
    except ValueError:
        return False
    return any(address in network for network in _networks(tuple(allowed)))


def has_token(request) -> bool:
    """Whether the request carries ``Authorization: Bearer <MAJLIS_METRICS_TOKEN>`` (or no token is set)."""
    token = settings.MAJLIS_METRICS_TOKEN
    if not token:
        return True
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    expected = token.encode()
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected)


def view(request):
    """``GET /metrics``: the Prometheus text exposition, to the allowed networks and token holders."""
    from django.http import HttpResponse
    from django.utils.translation import gettext as _

    plain = "text/plain; charset=utf-8"
    if not from_allowed_network(request):
        return HttpResponse(_("Metrics are not available from this network.") + "\n", status=403, content_type=plain)
    if not has_token(request):
        response = HttpResponse(_("A valid metrics token is required.") + "\n", status=401, content_type=plain)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    response = HttpResponse(render(), content_type="text/plain; version=0.0.4; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
