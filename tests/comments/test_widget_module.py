"""The widget's server side: page URLs, page languages, slugs and strings."""

import pytest

from majlis.comments.widget import STRINGS, count_label, date_strings, language_of, page_url, slug_for, strings


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("https://News.Example/story#comments", "https://news.example/story"),
        ("https://news.example/story?utm_source=x&id=7&fbclid=y", "https://news.example/story?id=7"),
        ("https://news.example", "https://news.example/"),
    ],
)
def test_it_canonicalises_page_urls(url, canonical):
    assert page_url(url) == canonical


@pytest.mark.parametrize(
    "tag, language",
    [("ar-IQ", "ar"), ("fa", "fa"), ("ckb", "ckb"), ("ku-Arab-IQ", "ckb"), ("ku", "kmr"), ("ku-Latn", "kmr"),
     ("kmr", "kmr"), ("tr_TR", "tr"), ("EN-gb", "en"), ("de", ""), ("", "")],
)
def test_it_maps_a_page_language_to_one_of_the_six(tag, language):
    assert language_of(tag) == language


def test_it_makes_stable_readable_unique_slugs():
    slug = slug_for("https://news.example/2026/12/budget-story.html")

    assert slug.startswith("2026-12-budget-story-html-") and len(slug) == len("2026-12-budget-story-html-") + 10
    assert slug == slug_for("https://news.example/2026/12/budget-story.html")
    assert slug != slug_for("https://other.example/2026/12/budget-story.html")
    assert slug_for("https://news.example/").startswith("page-")


def test_it_serves_every_string_in_every_language():
    for language in ("en", "ar", "ckb", "kmr", "tr", "fa"):
        assert set(strings(language)["strings"]) == set(STRINGS) | set(date_strings())


def test_it_counts_comments_with_the_catalogue_plural_forms(catalogue):
    # Arabic has six plural forms; 3 takes the fourth (index 3).
    catalogue("ar", {("%(counter)s comment", form): f"%(counter)s تعليق/{form}" for form in range(6)})

    assert count_label(1, "en") == "1 comment"
    assert count_label(3, "en") == "3 comments"
    assert count_label(3, "ar") == "3 تعليق/3"
    assert count_label(11, "ar") == "11 تعليق/4"
