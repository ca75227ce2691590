def test_it_lists_articles_in_every_language(client, articles):
    response = client.get("/api/v1/articles")

    assert response.status_code == 200
    listed = response.json()["articles"]
    assert {a["language"] for a in listed} == {"en", "ar", "ckb", "kmr", "tr", "fa"}
    sorani = next(a for a in listed if a["language"] == "ckb")
    assert sorani == {"slug": "bridge-repair", "title": articles["ckb"].title, "language": "ckb",
                      "url": "/articles/bridge-repair/", "comment_count": 0}


def test_it_counts_only_approved_comments(client, article, comment_payload):
    client.post(f"/api/v1/articles/{article.slug}/comments", comment_payload, content_type="application/json")

    listed = client.get("/api/v1/articles").json()["articles"]

    assert next(a for a in listed if a["slug"] == article.slug)["comment_count"] == 0


def test_it_publishes_an_openapi_document(client, db):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/articles" in paths
    assert "/api/v1/moderation/queue" in paths
