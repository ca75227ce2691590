"""The system checks of a site's settings (``majlis.checks.site_errors``), shared with the workspace forms."""

import pytest

from majlis.checks import is_origin, site_errors
from majlis.publications.models import Site


@pytest.mark.parametrize("origin, ok", [
    ("https://news.example", True), ("http://127.0.0.1:8080", True), ("https://[::1]:8443", True),
    ("news.example", False), ("ftp://news.example", False), ("https://news.example/comments", False),
    ("https://news.example:99999", False), ("https://news.example:port", False), ("https://", False),
    ("https://news.example?x=1", False), ("https://news.example#top", False),
])
def test_an_origin_is_scheme_host_and_port_only(origin, ok):
    assert is_origin(origin) is ok


def test_it_names_each_bad_threshold_language_and_origin():
    site = Site(name="T", domain="t.example", reject_thresholds={"threat": 1.5, "insult": 0.9},
                guidelines={"xx": "?"}, allowed_origins="https://ok.example\nhttps://bad.example/path")
    ids = [e.id for e in site_errors(site)]
    assert ids == ["majlis.E001", "majlis.E001", "majlis.E004", "majlis.E005"]
    assert "https://bad.example/path" in site_errors(site)[-1].msg
    assert site_errors(Site(name="T", domain="t.example", allowed_origins="https://ok.example:8443")) == []
