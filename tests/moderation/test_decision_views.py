"""Deciding from the workspace: with and without JavaScript (htmx), one comment or a selection."""

from majlis.comments.models import Comment, Status
from majlis.moderation import claims
from majlis.moderation.models import Action, Decision

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_it_approves_without_javascript_and_returns_to_the_queue(client_for, bob, threat_ar):
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "approve", "next": "/moderation/?language=ar"})
    assert response.status_code == 302 and response["Location"] == "/moderation/?language=ar"
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.APPROVED


def test_it_rejects_with_a_reason_and_a_note(client_for, bob, threat_ar):
    client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "reject", "reason": "threat", "note": "explicit"})
    d = Decision.objects.get(comment=threat_ar)
    assert (d.action, d.reason, d.note, d.moderator) == (Action.REJECT, "threat", "explicit", bob)


def test_it_refuses_a_rejection_without_a_reason(client_for, bob, threat_ar):
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "reject"}, **HTMX)
    assert response.status_code == 422
    assert "A rejection needs a guideline reason." in response.content.decode()
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.PENDING


def test_it_answers_htmx_with_the_decided_entry_and_an_announcement(client_for, bob, threat_ar):
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "reject", "reason": "threat"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-decided="reject"' in html and 'hx-swap-oob="innerHTML"' in html
    assert "Rejected the comment by مجهول: Threat." in html


def test_it_answers_409_to_a_second_decision(client_for, bob, alice, threat_ar):
    client_for(alice).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "approve"})
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "reject", "reason": "threat"}, **HTMX)
    assert response.status_code == 409
    assert "already been decided" in response.content.decode()


def test_it_hides_comments_outside_the_moderators_scope(client_for, bob, polite_en):
    response = client_for(bob).post(f"/moderation/comments/{polite_en.pk}/decide/", {"action": "approve"})
    assert response.status_code == 404
    assert Comment.objects.get(pk=polite_en.pk).status == Status.PENDING


def test_it_leases_a_comment_when_opened_and_shows_who_holds_it_to_others(client_for, bob, alice, threat_ar):
    client_for(alice).get(f"/moderation/comments/{threat_ar.pk}/")
    threat_ar.refresh_from_db()
    assert threat_ar.claimed_by == alice
    response = client_for(bob).get(f"/moderation/comments/{threat_ar.pk}/")
    assert response.context["leased"] is False
    assert "alice is reviewing this comment" in response.content.decode()


def test_it_claims_by_post_for_the_keyboard_queue(client_for, bob, alice, threat_ar):
    assert client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/claim/").json()["claimed"] is True
    response = client_for(alice).post(f"/moderation/comments/{threat_ar.pk}/claim/")
    assert response.status_code == 409 and response.json()["holder"] == "bob"


def test_it_gives_a_lease_back(client_for, bob, threat_ar):
    claims.claim(threat_ar.pk, bob)
    client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/release/")
    assert Comment.objects.get(pk=threat_ar.pk).claimed_by is None


def test_it_decides_a_selection_and_skips_what_is_not_the_moderators(client_for, bob, threat_ar, polite_ar, polite_en):
    response = client_for(bob).post("/moderation/bulk/", {"ids": [threat_ar.pk, polite_ar.pk, polite_en.pk], "action": "approve"}, follow=True)
    html = response.content.decode()
    assert "Approved 2 comments." in html and "1 selected comment was skipped" in html
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {threat_ar.pk: Status.APPROVED, polite_ar.pk: Status.APPROVED, polite_en.pk: Status.PENDING}


def test_it_refuses_a_bulk_rejection_without_a_reason(client_for, bob, threat_ar):
    response = client_for(bob).post("/moderation/bulk/", {"ids": [threat_ar.pk], "action": "reject"}, follow=True)
    assert "A rejection needs a guideline reason." in response.content.decode()
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.PENDING


def test_it_lets_only_an_admin_reverse(client_for, bob, alice, threat_ar):
    client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "approve"})
    assert client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/reverse/", {"note": "no", "reason": "threat"}).status_code == 403
    client_for(alice).post(f"/moderation/comments/{threat_ar.pk}/reverse/", {"note": "A clear threat.", "reason": "threat"})
    assert Comment.objects.get(pk=threat_ar.pk).status == Status.REJECTED
    assert Decision.objects.filter(comment=threat_ar, action=Action.REVERSE_TO_REJECTED, note="A clear threat.").exists()


def test_it_publishes_an_approved_comment_on_the_article_page(client_for, client, bob, polite_ar):
    client_for(bob).post(f"/moderation/comments/{polite_ar.pk}/decide/", {"action": "approve"})
    client.logout()
    assert "شكرا على هذا التقرير الواضح" in client.get(polite_ar.article.get_absolute_url()).content.decode()


def test_it_ignores_a_next_url_off_the_site(client_for, bob, threat_ar):
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/decide/", {"action": "approve", "next": "https://evil.example/"})
    assert response["Location"] == "/moderation/"


def test_it_answers_a_release_from_script_with_json(client_for, bob, threat_ar):
    claims.claim(threat_ar.pk, bob)
    response = client_for(bob).post(f"/moderation/comments/{threat_ar.pk}/release/", HTTP_ACCEPT="application/json")
    assert response.json() == {"released": True}
    assert Comment.objects.get(pk=threat_ar.pk).claimed_by is None
