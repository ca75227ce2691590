"""Origins: how URLs and Origin headers are compared."""

import pytest

from majlis.comments.origins import origin_of, site_for_origin
from majlis.publications.models import Site


@pytest.mark.parametrize(
    "url, origin",
    [
        ("https://News.Example/a/b?c#d", "https://news.example"),
        ("https://news.example:443/", "https://news.example"),
        ("http://news.example:80", "http://news.example"),
        ("http://127.0.0.1:9999/page.html", "http://127.0.0.1:9999"),
        ("http://[::1]:8000/x", "http://[::1]:8000"),
        ("null", ""),
        ("javascript:alert(1)", ""),
        ("file:///etc/passwd", ""),
        ("https://news.example:99999/", ""),
        ("", ""),
    ],
)
def test_it_reduces_a_url_to_its_origin(url, origin):
    assert origin_of(url) == origin


def test_it_finds_the_site_that_allows_an_origin(site):
    other = Site.objects.create(name="Other", domain="other.example", allowed_origins="https://other.example/\nhttps://www.other.example")

    assert site_for_origin("http://127.0.0.1:9999") == site
    assert site_for_origin("https://www.other.example") == other
    assert site_for_origin("https://evil.example") is None
    assert site_for_origin("") is None
