"""Malformed and oversized requests get a clear 4xx, and the server keeps serving.

The first half goes through Django's test client (bodies, encodings, content types). The second
talks raw HTTP to a real gunicorn on 127.0.0.1: oversized headers and request lines, lying
Content-Length, and slow clients (slowloris) that trickle their headers while real readers must
still be served.
"""

import socket
import threading
import time
import urllib.request

import pytest
from django.test import Client

from majlis.comments.models import Comment
from realserver import SLUG, Installation

LIMIT = 256 * 1024


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def api_url(article):
    return f"/api/v1/articles/{article.slug}/comments"


@pytest.mark.parametrize("path", ["api", "form", "screen", "decision"])
def test_it_refuses_a_body_over_the_limit_with_413(client, article, path, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    big = b'{"author":"a","email":"a@b.org","body":"' + b"x" * (LIMIT + 1) + b'"}'
    url = {"api": api_url(article), "form": article.get_absolute_url(), "screen": "/api/v1/screen",
           "decision": "/api/v1/moderation/comments/1/decision"}[path]
    content_type = "application/x-www-form-urlencoded" if path == "form" else "application/json"
    response = client.generic("POST", url, big, content_type=content_type)
    assert response.status_code == 413
    assert b"too large" in response.content
    if url.startswith("/api/"):
        assert response["Content-Type"] == "application/json"
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body, content_type, status",
    [
        (b'{"author":"\xff\xfe","email":"a@b.org","body":"hello there"}', "application/json", 400),  # invalid UTF-8
        (b'{"author":"a","ema', "application/json", 400),  # truncated JSON
        (b"<comment><body>hi</body></comment>", "application/xml", 400),
        (b"author=a&email=a%40b.org&body=hello+there", "application/x-www-form-urlencoded", 400),
        (b"[1, 2, 3]", "application/json", 422),
        (b"null", "application/json", 422),
        (b'{"author": 1, "email": [], "body": {"x": 1}}', "application/json", 422),
        (b"", "application/json", 422),
        (b"\x00\x01\x02", "application/octet-stream", 400),
    ],
)
def test_it_answers_a_malformed_api_post_with_a_client_error(client, article, body, content_type, status):
    response = client.generic("POST", api_url(article), body, content_type=content_type)
    assert response.status_code == status
    assert "detail" in response.json()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "body, content_type",
    [
        (b'{"author": "a"}', "application/json"),
        (b"--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx", "multipart/form-data; boundary=zzz"),
        (b"xx", "multipart/form-data"),
        (b"&".join(b"f%d=x" % i for i in range(1500)), "application/x-www-form-urlencoded"),
    ],
)
def test_it_answers_a_malformed_form_post_with_a_client_error(client, article, body, content_type):
    response = client.generic("POST", article.get_absolute_url(), body, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("page", ["99999999999999999999999", "-1", "abc", "1e9", "%00"])
def test_it_answers_any_page_number(client, article, page):
    assert client.get(api_url(article), {"page": page}).status_code in (200, 422)
    assert client.get(article.get_absolute_url(), {"page": page}).status_code in (200, 404)


# ---- Raw HTTP against a real gunicorn. ----

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    installation = Installation(tmp_path_factory.mktemp("malformed"))
    installation.start(workers=2, threads=4)
    yield installation
    installation.close()


def raw(server, data: bytes, timeout=2.0) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(chunks)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0


def healthy(server) -> bool:
    with urllib.request.urlopen(server.url + "/healthz", timeout=2) as answer:
        return answer.status == 200


HOST = b"Host: 127.0.0.1\r\nConnection: close\r\n"


@pytest.mark.parametrize(
    "request_bytes, statuses",
    [
        (b"GET /" + b"a" * 10_000 + b" HTTP/1.1\r\n" + HOST + b"\r\n", {414}),
        (b"GET / HTTP/1.1\r\n" + HOST + b"X-Big: " + b"a" * 20_000 + b"\r\n\r\n", {400, 431}),
        (b"GET / HTTP/1.1\r\n" + HOST + b"".join(b"X-%d: a\r\n" % i for i in range(300)) + b"\r\n", {400, 431}),
        (b"GET / HTTP/1.1\r\n" + HOST + b"Cookie: " + b"a=b; " * 3000 + b"\r\n\r\n", {400, 431}),
        (b"BREW / HTCPCP/1.0\r\n\r\n", {400}),
        (b"GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", {400}),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, {0}),  # TLS hello: connection closed
        (b"POST /api/v1/articles/" + SLUG.encode() + b"/comments HTTP/1.1\r\n" + HOST
         + b"Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{}", {413}),
        (b"POST /api/v1/articles/" + SLUG.encode() + b"/comments HTTP/1.1\r\n" + HOST
         + b"Content-Type: application/json\r\nContent-Length: abc\r\n\r\n{}", {400}),
        (b"POST /api/v1/articles/" + SLUG.encode() + b"/comments HTTP/1.1\r\n" + HOST
         + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", {400, 422}),
    ],
    ids=["long-line", "long-header", "many-headers", "huge-cookie", "bad-method-line", "foreign-host", "tls-hello",
         "huge-length", "bad-length", "bad-chunk"],
)
def test_it_answers_a_malformed_request_with_a_4xx_and_keeps_serving(server, request_bytes, statuses):
    assert status_of(raw(server, request_bytes)) in statuses
    assert healthy(server)


SLOW_CLIENTS = 3  # fewer than one worker's threads: see docs/reliability.md for what more of them do


def test_it_serves_readers_while_slow_clients_trickle_their_headers(server):
    """A few sockets that send a header line every half second; real readers must still get answers.

    gunicorn's gthread workers give each connection a thread while its headers arrive, so as many
    slow clients as a worker has threads stall that worker: in production nginx (deploy/) buffers
    requests in front of gunicorn. ``benchmarks/reliability/slow_clients.py`` measures both.
    """
    stop = threading.Event()
    slow = []

    def trickle():
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        slow.append(sock)
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while not stop.is_set():
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                return
            stop.wait(0.5)

    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(SLOW_CLIENTS)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    try:
        timings = []
        for _ in range(20):
            started = time.monotonic()
            with urllib.request.urlopen(f"{server.url}/api/v1/articles/{SLUG}/comments", timeout=5) as answer:
                assert answer.status == 200
            timings.append(time.monotonic() - started)
        assert max(timings) < 2
    finally:
        stop.set()
        for sock in slow:
            sock.close()


@pytest.mark.parametrize("article", ["5", '"x"', "[]", "-4.8e40", "true"])
def test_it_refuses_an_article_context_that_is_not_an_object(client, article):
    body = '{"text": "hello there", "article": %s}' % article
    assert client.post("/api/v1/screen", body, content_type="application/json").status_code == 422


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("get", "/api/v1/articles/a%00b/comments", None),
        ("get", "/api/v1/widget/article?slug=%00", None),
        ("get", "/api/v1/moderation/queue?language=%00", None),
        ("get", "/articles/a%00b/", None),
        ("get", "/moderation/?language=%00", None),
        ("post", "/api/v1/moderation/comments/{pk}/decision", '{"action": "approve", "note": "a\\u0000b"}'),
        ("post", "/api/v1/articles/{slug}/comments", '{"author": "a", "email": "a@b.org", "body": "hi there", "website": "\\u0000"}'),
        ("post", "/api/v1/screen", '{"text": "\\u0000"}'),
    ],
)
def test_it_refuses_a_nul_character_anywhere_with_a_4xx(client, world, alice, method, path, body):
    """PostgreSQL cannot compare or store NUL: without this guard these were 500s there."""
    client.force_login(alice)
    from majlis.accounts.models import ApiToken

    headers = {"Authorization": f"Bearer {ApiToken.issue(alice)[1]}"}
    path = path.format(pk=world["pending"].pk, slug=world["article"].slug)
    if method == "get":
        response = client.get(path, headers=headers)
    else:
        response = client.post(path, body, content_type="application/json", headers=headers)
    assert response.status_code in (400, 404, 422)
    assert Comment.objects.get(pk=world["pending"].pk).status == "pending"


def test_it_keeps_the_text_of_an_escaped_backslash_u0000(client, article):
    body = '{"author": "Dana", "email": "dana@readers.example", "body": "In JSON, \\\\u0000 is a NUL escape."}'
    response = client.post(api_url(article), body, content_type="application/json")
    assert response.status_code == 202
    assert Comment.objects.get().body == "In JSON, \\u0000 is a NUL escape."


NUL_FORM = {name: "a\x00b" for name in (
    "action", "reason", "note", "next", "q", "language", "article", "category", "order", "ids", "comment",
    "username", "password", "email", "author", "body", "name", "mode", "site", "user", "role", "languages", "sites",
)}


def test_it_answers_nul_characters_in_every_form_without_a_server_error(world, alice):
    """Every URL, POSTed by an admin with NUL in every usual field name: never a 5xx (PostgreSQL
    cannot compare or store NUL, so a field that reaches a query unchecked would be one)."""
    from test_access_walk import every_url

    admin = Client(raise_request_exception=False)
    errors = []
    for name, path in every_url(world):
        admin.force_login(alice)
        status = admin.post(path, NUL_FORM).status_code
        if status >= 500:
            errors.append(f"POST {path} ({name}): {status}")
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize("next_url", ["x", "moderation", "https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_it_redirects_only_to_our_own_paths_after_a_decision(world, alice, next_url):
    admin = Client(raise_request_exception=False)
    admin.force_login(alice)
    response = admin.post(f"/moderation/comments/{world['pending'].pk}/release/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"].startswith("/") and not response["Location"].startswith(("//", "/\\"))
