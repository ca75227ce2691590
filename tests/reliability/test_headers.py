"""Security headers on every answer, and markup that the Content-Security-Policy can hold to.

- Every page of the URL walk (as an admin and as nobody) carries a CSP without inline script and
  with ``frame-ancestors 'none'``, ``X-Content-Type-Options: nosniff``, a ``Referrer-Policy`` and
  ``X-Frame-Options: DENY``; so do JSON answers, static files and errors.
- Every HTML page and every template file is free of inline ``<script>`` (without ``src``), of
  ``on*=`` event-handler attributes and of ``javascript:`` URLs: what the CSP would block must not
  be needed.
- HSTS is sent over HTTPS only (directly, or behind a proxy that says so when
  ``MAJLIS_BEHIND_HTTPS_PROXY`` is on), never over plain HTTP.

Our pages may not be framed by anyone (``frame-ancestors 'none'``): the widget is a script that
runs in the host page, not an iframe, so no site needs to frame them (docs/reliability.md).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.test import Client

import majlis
from test_access_walk import every_url

TEMPLATES = sorted(Path(majlis.__file__).parent.rglob("templates/**/*.html"))
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


def csp_directives(response) -> dict[str, list[str]]:
    policy = response.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_security_headers(response, where):
    csp = csp_directives(response)
    assert csp, f"{where}: no Content-Security-Policy"
    scripts = csp.get("script-src", csp.get("default-src", []))
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, where
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert csp.get("object-src") == ["'none'"], where
    assert response.get("X-Content-Type-Options") == "nosniff", where
    assert response.get("Referrer-Policy") in ("strict-origin-when-cross-origin", "same-origin", "no-referrer"), where
    assert response.get("X-Frame-Options") == "DENY", where


class InlineScriptFinder(HTMLParser):
    """Collect what a strict CSP would block: inline scripts, event handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.findings, self.in_inline_script = [], False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.findings.append(f"<{tag} {name}=javascript:...>")
        if tag == "script" and "src" not in values and (values.get("type") or "") not in DATA_SCRIPT_TYPES:
            self.in_inline_script = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_inline_script = False

    def handle_data(self, data):
        if self.in_inline_script and data.strip():
            self.findings.append(f"inline <script>: {data.strip()[:60]!r}")


def blocked_markup(html: str) -> list[str]:
    finder = InlineScriptFinder()
    finder.feed(html)
    return finder.findings


def pages(world, alice):
    admin = Client()
    admin.force_login(alice)
    for client in (Client(), admin):
        for name, path in every_url(world):
            yield name, path, client.get(path)


def test_it_sends_the_security_headers_on_every_answer(world, alice):
    seen = 0
    for name, path, response in pages(world, alice):
        assert_security_headers(response, f"{path} ({name}, {response.status_code})")
        seen += 1
    for path in ("/static/majlis/site.css", "/static/majlis/widget.js", "/no-such-page/",
                 f"/api/v1/articles/{world['article'].slug}/comments"):
        assert_security_headers(Client().get(path), path)
    assert seen > 50


def test_it_serves_no_page_that_needs_inline_script(world, alice):
    findings = []
    for name, path, response in pages(world, alice):
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            findings += [f"{path} ({name}): {f}" for f in blocked_markup(response.content.decode())]
    assert findings == [], "\n".join(findings)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(Path(majlis.__file__).parent)))
def test_it_keeps_script_out_of_every_template(template):
    source = template.read_text(encoding="utf-8")
    findings = blocked_markup(source)
    findings += re.findall(r"\son[a-z]+\s*=", source)
    assert findings == []


def test_it_finds_inline_script_when_there_is_some():
    html = '<p onclick="x()">a</p><script>alert(1)</script><a href=" JavaScript:x">b</a><script src="/s.js"></script>'
    assert len(blocked_markup(html)) == 3


def test_it_sends_hsts_over_https_only(article):
    assert "Strict-Transport-Security" not in Client().get("/")
    secure = Client().get("/", secure=True)
    assert re.fullmatch(r"max-age=\d{7,}.*", secure["Strict-Transport-Security"])


def test_it_trusts_the_proxy_for_https_only_when_told(article, settings):
    forwarded = {"X-Forwarded-Proto": "https"}
    settings.SECURE_PROXY_SSL_HEADER = None
    assert "Strict-Transport-Security" not in Client(headers=forwarded).get("/")
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert "Strict-Transport-Security" in Client(headers=forwarded).get("/")
    assert "Strict-Transport-Security" not in Client(headers={"X-Forwarded-Proto": "http"}).get("/")
