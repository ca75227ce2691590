"""A site's name per language: the masthead and title of an article's page name the site in the
article's language (``Site.names``), falling back to its one ``name``; the demo loads its names."""

import pytest
from django.contrib.auth import get_user_model

from majlis.publications import demo
from majlis.publications.models import Article, Site

NAMES = {"ar": "صحيفة الاختبار", "kmr": "Rojnameya Ceribandinê", "ckb": "  "}


@pytest.fixture
def named(site):
    site.names = NAMES
    site.save()
    return site


def test_it_names_the_site_in_a_language_and_falls_back_to_its_name(named):
    assert named.name_for("ar") == "صحيفة الاختبار"
    assert named.name_for("kmr") == "Rojnameya Ceribandinê"
    assert named.name_for("ckb") == "The Test Times"  # blank: the one name
    assert named.name_for("tr") == "The Test Times"
    assert Site(name="Plain").name_for("ar") == "Plain"  # no names at all (the default)


@pytest.mark.parametrize("language, name", [("ar", "صحيفة الاختبار"), ("kmr", "Rojnameya Ceribandinê"), ("en", "The Test Times"),
                                            ("ckb", "The Test Times")])
def test_the_article_page_shows_the_name_in_the_articles_language(client, named, articles, language, name):
    article = articles[language]

    html = client.get(article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f'<a class="brand" href="/"><bdi>{name}</bdi></a>' in html
    assert f"<title>{article.title} · {name}</title>" in html
    others = {n for n in [*NAMES.values(), "The Test Times"] if n.strip()} - {name}
    assert not [n for n in others if n in html]


def test_the_demo_loads_the_site_names_and_its_pages_use_them(client, db):
    content = demo.read_content()
    demo.load(get_user_model().objects.create_user("editor", password="x" * 12))

    site = Site.objects.get()
    assert site.names == content["site"]["names"] and site.name == content["site"]["name"]
    for language in ("ar", "kmr", "en"):
        article = Article.objects.filter(language=language).first()
        html = client.get(article.get_absolute_url()).content.decode()
        assert f"<bdi>{content['site']['names'][language]}</bdi>" in html
