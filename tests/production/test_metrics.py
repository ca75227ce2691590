"""``/metrics``: database figures at scrape time, latency histograms added up across processes."""

import json
import os

import pytest
from django.core.exceptions import ImproperlyConfigured

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


def test_it_requires_the_token_when_one_is_set(client, db, metrics_dir, settings):
    settings.MAJLIS_METRICS_TOKEN = "t0ken"

    refused = client.get("/metrics")

    assert refused.status_code == 401 and refused["WWW-Authenticate"].startswith("Bearer")
    assert b"majlis_queue_depth" not in refused.content
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer t0ken").status_code == 200
    assert client.get("/metrics", HTTP_AUTHORIZATION="bearer t0ken").status_code == 200  # the scheme is case-insensitive


@pytest.mark.parametrize("header", ["Bearer t0ke", "Bearer t0kenn", "Basic t0ken", "t0ken", "Bearer ", "Bearer  "])
def test_it_refuses_a_wrong_token(client, db, metrics_dir, settings, header):
    settings.MAJLIS_METRICS_TOKEN = "t0ken"

    assert client.get("/metrics", HTTP_AUTHORIZATION=header).status_code == 401


def test_it_is_open_when_no_token_and_no_network_is_set(client, db, metrics_dir, settings):
    settings.MAJLIS_METRICS_TOKEN, settings.MAJLIS_METRICS_ALLOW = "", []

    assert client.get("/metrics").status_code == 200


def test_it_answers_only_the_allowed_networks(client, db, metrics_dir, settings):
    settings.MAJLIS_METRICS_ALLOW = ["10.0.0.0/8", "::1/128"]

    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    refused = client.get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert refused.status_code == 403 and b"majlis_" not in refused.content


def test_it_believes_a_forwarded_address_only_from_a_trusted_proxy(client, db, metrics_dir, settings):
    settings.MAJLIS_METRICS_ALLOW = ["10.0.0.0/8"]
    settings.MAJLIS_TRUSTED_PROXIES = ["127.0.0.1"]

    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.5").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="10.0.0.5").status_code == 403


def test_it_wants_both_the_network_and_the_token_when_both_are_set(client, db, metrics_dir, settings):
    settings.MAJLIS_METRICS_ALLOW, settings.MAJLIS_METRICS_TOKEN = ["10.0.0.0/8"], "t0ken"

    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 401
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer t0ken").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5", HTTP_AUTHORIZATION="Bearer t0ken").status_code == 200


def test_it_stops_at_startup_on_a_malformed_network():
    assert metrics.allowed_networks("X", ["10.0.0.1/8", "::1"]) == ["10.0.0.0/8", "::1/128"]
    with pytest.raises(ImproperlyConfigured, match="MAJLIS_METRICS_ALLOW"):
        metrics.allowed_networks("MAJLIS_METRICS_ALLOW", ["10.0.0.0/33"])


def test_it_logs_each_request_with_its_fields(client, db, caplog):
    caplog.set_level("INFO", logger="majlis.request")
    client.get("/healthz")

    record = next(r for r in caplog.records if r.name == "majlis.request")
    assert (record.method, record.path, record.status) == ("GET", "/healthz", 200) and record.duration_ms >= 0
