def test_it_answers_healthz(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_it_is_ready_with_a_migrated_database_and_a_model(client, db):
    response = client.get("/readyz")

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "ready"
