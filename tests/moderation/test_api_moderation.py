"""The moderation API: bearer tokens, the queue with verdicts, decisions with 422 and 409, leases."""

import pytest

from majlis.comments.models import Comment, Status
from majlis.moderation import claims


@pytest.fixture
def api(client, token_for):
    def call(user, method, path, payload=None):
        headers = {"Authorization": f"Bearer {token_for(user)}"}
        if method == "get":
            return client.get(f"/api/v1/moderation{path}", headers=headers)
        return client.post(f"/api/v1/moderation{path}", payload or {}, content_type="application/json", headers=headers)

    return call


def test_it_answers_401_without_a_token(client, db):
    assert client.get("/api/v1/moderation/queue").status_code == 401


def test_it_lists_the_queue_highest_violation_first_with_verdicts(api, alice, threat_ar, polite_ar):
    body = api(alice, "get", "/queue").json()
    assert [c["id"] for c in body["comments"]] == [threat_ar.pk, polite_ar.pk]
    assert body["comments"][0]["scores"]["threat"] == 0.93 and body["comments"][0]["reasons"][0]["category"] == "threat"


def test_it_filters_the_queue_and_refuses_an_unknown_category(api, alice, threat_ar, polite_en):
    assert [c["id"] for c in api(alice, "get", "/queue?language=en").json()["comments"]] == [polite_en.pk]
    assert [c["id"] for c in api(alice, "get", "/queue?category=threat&min_score=0.9").json()["comments"]] == [threat_ar.pk]
    assert api(alice, "get", "/queue?category=threat__gte").status_code == 422


def test_it_needs_a_reason_to_reject_and_refuses_a_second_decision(api, bob, threat_ar):
    assert api(bob, "post", f"/comments/{threat_ar.pk}/decision", {"action": "reject"}).status_code == 422
    assert api(bob, "post", f"/comments/{threat_ar.pk}/decision", {"action": "reject", "reason": "threat"}).status_code == 200
    assert api(bob, "post", f"/comments/{threat_ar.pk}/decision", {"action": "approve"}).status_code == 409
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.REJECTED


def test_it_answers_404_outside_the_tokens_scope(api, bob, polite_en):
    assert api(bob, "post", f"/comments/{polite_en.pk}/decision", {"action": "approve"}).status_code == 404


def test_it_answers_409_while_a_colleague_holds_the_comment(api, alice, bob, threat_ar):
    claims.claim(threat_ar.pk, alice)
    response = api(bob, "post", f"/comments/{threat_ar.pk}/decision", {"action": "approve"})
    assert response.status_code == 409 and "alice" in response.json()["detail"]


def test_it_reserves_the_next_comment_for_the_caller(api, alice, bob, threat_ar, polite_ar):
    assert api(bob, "post", "/next").json()["id"] == threat_ar.pk
    assert api(alice, "post", "/next?language=ar").json()["id"] == polite_ar.pk
    assert api(alice, "post", "/next?language=ar").json()["id"] == polite_ar.pk  # renews its own lease
    assert api(bob, "post", "/next?language=en").status_code == 204
