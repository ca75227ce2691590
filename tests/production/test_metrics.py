"""``/metrics``: database figures at scrape time, latency histograms added up across processes."""

import json
import os

import pytest

from majlis.comments.models import Comment
from majlis.lib import metrics
from majlis.moderation.services import decide


@pytest.fixture
def metrics_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MAJLIS_METRICS_DIR", str(tmp_path))
    return tmp_path


def comment(article, n, language="en"):
    return Comment.objects.create(article=article, author_name=f"R{n}", email=f"r{n}@example.org",
                                  body=f"Comment {n}.", fingerprint=str(n), language=language)


def test_it_reports_queue_depth_and_decisions_from_the_database(client, article, metrics_dir):
    comment(article, 1, "ar")
    decide(comment(article, 2).pk, "reject", reason="promotion")

    text = client.get("/metrics").content.decode()

    assert 'majlis_queue_depth{language="ar"} 1' in text
    assert 'majlis_decisions_total{action="reject",reason="promotion",language="en"} 1' in text
    assert "# TYPE majlis_tasks gauge" in text


def test_it_reports_request_latency_by_view(client, article, metrics_dir):
    client.get("/api/v1/articles/council-budget/comments")
    client.get("/healthz")

    text = client.get("/metrics").content.decode()

    assert 'majlis_http_request_duration_seconds_count{method="GET",view="public_list",status="200"}' in text
    assert 'majlis_http_request_duration_seconds_count{method="GET",view="healthz",status="200"}' in text


def test_it_reports_screening_latency(client, article, comment_payload, metrics_dir):
    client.post("/api/v1/articles/council-budget/comments", comment_payload, content_type="application/json")

    assert 'majlis_screening_duration_seconds_count{source="submit"} ' in client.get("/metrics").content.decode()


def test_it_adds_up_live_processes_and_forgets_dead_ones(metrics_dir):
    h = metrics.SCREENING
    other = {h.name: {"submit": [1] + [0] * (len(h.buckets) + 1)}, metrics.REQUESTS.name: {}}
    (metrics_dir / f"{os.getppid()}.json").write_text(json.dumps(other))  # a live process: our parent
    (metrics_dir / "999999999.json").write_text(json.dumps(other))  # no such process

    merged = metrics.merged_snapshots()

    assert merged[h.name]["submit"][0] >= 1
    assert not (metrics_dir / "999999999.json").exists()


def test_it_requires_the_token_when_one_is_set(client, db, metrics_dir, monkeypatch):
    monkeypatch.setenv("MAJLIS_METRICS_TOKEN", "t0ken")

    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer t0ken").status_code == 200


def test_it_logs_each_request_with_its_fields(client, db, caplog):
    caplog.set_level("INFO", logger="majlis.request")
    client.get("/healthz")

    record = next(r for r in caplog.records if r.name == "majlis.request")
    assert (record.method, record.path, record.status) == ("GET", "/healthz", 200) and record.duration_ms >= 0
