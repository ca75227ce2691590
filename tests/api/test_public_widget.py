"""The widget's endpoints and the origin rules: CORS for allowed origins only, 403 for foreign posts,
articles registered from page URLs of allowed origins, strings from the gettext catalogue."""

import pytest

from majlis.comments.models import Comment
from majlis.publications.models import Article, Site

ALLOWED = "http://127.0.0.1:9999"  # the site fixture's widget origin
FOREIGN = "https://evil.example"
PAGE = f"{ALLOWED}/2026/12/budget-story.html"


def comments_url(article):
    return f"/api/v1/articles/{article.slug}/comments"


def post(client, article, payload, origin=None):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post(comments_url(article), payload, content_type="application/json", **headers)


def test_it_lets_an_allowed_origin_read_the_list(client, article):
    response = client.get(comments_url(article), HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "Origin" in response["Vary"]


def test_it_gives_a_foreign_origin_no_cors_headers(client, article):
    response = client.get(comments_url(article), HTTP_ORIGIN=FOREIGN)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    assert "Origin" in response["Vary"]


def test_it_lets_an_allowed_origin_post(client, article, comment_payload):
    response = post(client, article, comment_payload, origin=ALLOWED)

    assert response.status_code == 202
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_it_refuses_a_post_from_a_foreign_origin(client, article, comment_payload):
    response = post(client, article, comment_payload, origin=FOREIGN)

    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert not Comment.objects.exists()


def test_it_refuses_an_origin_allowed_only_by_another_site(client, article, comment_payload):
    Site.objects.create(name="Other", domain="other.example", allowed_origins="https://other.example")

    assert post(client, article, comment_payload, origin="https://other.example").status_code == 403


def test_it_accepts_a_post_from_its_own_origin_and_from_clients_without_origin(client, article, comment_payload):
    assert post(client, article, comment_payload, origin="http://testserver").status_code == 202
    assert post(client, article, {**comment_payload, "body": "Second."}).status_code == 202


def test_it_lets_the_widget_read_422_errors(client, article):
    response = post(client, article, {"author": "C", "body": "No email."}, origin=ALLOWED)

    assert response.status_code == 422
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "email" in response.json()["errors"]


def test_it_answers_the_preflight_of_an_allowed_origin(client, article):
    response = client.options(
        comments_url(article), HTTP_ORIGIN=ALLOWED, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Content-Type" in response["Access-Control-Allow-Headers"]


def test_it_refuses_the_preflight_of_a_foreign_origin(client, article):
    response = client.options(comments_url(article), HTTP_ORIGIN=FOREIGN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")

    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response


def test_it_registers_an_article_on_first_sight_of_an_allowed_page(client, site):
    response = client.get(
        "/api/v1/widget/article", {"url": PAGE + "?utm_source=x#comments", "title": "Budget story", "lang": "ar-IQ"},
        HTTP_ORIGIN=ALLOWED,
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    article = Article.objects.get(url=PAGE)
    assert (article.site, article.title, article.language) == (site, "Budget story", "ar")
    assert response.json() | {"count_label": ""} == {
        "slug": article.slug, "title": "Budget story", "language": "ar", "dir": "rtl", "comments_open": True,
        "count": 0, "count_label": "", "guidelines": ["التزم بالموضوع."], "comments": f"/api/v1/articles/{article.slug}/comments",
        "name_max": 80, "comment_max": 3000,
    }


def test_it_finds_the_same_article_on_the_next_visit(client, site):
    first = client.get("/api/v1/widget/article", {"url": PAGE, "title": "Budget story"}, HTTP_ORIGIN=ALLOWED).json()
    again = client.get("/api/v1/widget/article", {"url": PAGE + "#c", "title": "A new title"}, HTTP_ORIGIN=ALLOWED).json()

    assert again["slug"] == first["slug"] and again["title"] == "Budget story"
    assert Article.objects.filter(url=PAGE).count() == 1


@pytest.mark.parametrize(
    "url, origin",
    [
        ("https://evil.example/page", "https://evil.example"),  # origin allowed by no site
        (PAGE, FOREIGN),  # a foreign page registering an allowed site's URL
        ("https://evil.example/page", None),  # without an Origin, the URL must still be allowed
        ("javascript:alert(1)", ALLOWED),
    ],
)
def test_it_refuses_to_register_pages_of_origins_not_allowed(client, site, url, origin):
    headers = {"HTTP_ORIGIN": origin} if origin else {}

    response = client.get("/api/v1/widget/article", {"url": url, "title": "x"}, **headers)

    assert response.status_code == 403
    assert Article.objects.count() == 0


def test_it_describes_an_article_named_by_slug(client, articles):
    response = client.get("/api/v1/widget/article", {"slug": "water-cuts"}, HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 200
    assert response.json()["dir"] == "rtl" and response.json()["title"] == articles["ar"].title
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_it_answers_404_and_422_for_a_missing_article(client, db):
    assert client.get("/api/v1/widget/article", {"slug": "nope"}).status_code == 404
    assert client.get("/api/v1/widget/article").status_code == 422


def test_it_strips_invisible_characters_from_a_page_title(client, site):
    client.get("/api/v1/widget/article", {"url": PAGE, "title": "\u202eBudget\u200b  story\n"}, HTTP_ORIGIN=ALLOWED)

    assert Article.objects.get().title == "Budget story"


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("ckb", "rtl"), ("fa", "rtl"), ("kmr", "ltr"), ("tr", "ltr"), ("xx", "ltr")])
def test_it_serves_the_widget_strings_per_language(client, db, lang, direction):
    response = client.get("/api/v1/widget/strings", {"lang": lang})

    assert response.status_code == 200
    data = response.json()
    assert data["dir"] == direction and data["language"] == (lang if lang != "xx" else "en")
    assert {"post", "name", "email", "comment", "submit", "awaiting"} <= set(data["strings"])


def test_it_takes_the_widget_strings_from_the_catalogue(client, db, catalogue):
    catalogue("ar", {"Post a comment": "أضف تعليقاً"})

    assert client.get("/api/v1/widget/strings", {"lang": "ar"}).json()["strings"]["post"] == "أضف تعليقاً"


def test_it_lets_allowed_origins_read_the_strings(client, site):
    allowed = client.get("/api/v1/widget/strings", {"lang": "en"}, HTTP_ORIGIN=ALLOWED)
    foreign = client.get("/api/v1/widget/strings", {"lang": "en"}, HTTP_ORIGIN=FOREIGN)

    assert allowed["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Origin" not in foreign
