"""The queue page: scope, filters, order, what each entry shows, and what is left out."""

from datetime import timedelta

from django.utils import timezone

from majlis.comments.models import Comment, Status
from majlis.moderation import claims


def ids_in(response):
    return [e.comment.pk for e in response.context["entries"]]


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = client.get("/moderation/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_it_shows_a_moderator_only_their_languages(client_for, bob, threat_ar, polite_en):
    response = client_for(bob).get("/moderation/")
    assert response.status_code == 200
    assert ids_in(response) == [threat_ar.pk]


def test_it_orders_by_violation_or_by_age(client_for, alice, article, comment_factory):
    old = comment_factory(article, "old and mild", violation=0.1, created_at=timezone.now() - timedelta(hours=3))
    new = comment_factory(article, "new and rude", violation=0.9)
    client = client_for(alice)
    assert ids_in(client.get("/moderation/")) == [new.pk, old.pk]
    assert ids_in(client.get("/moderation/?order=age")) == [old.pk, new.pk]


def test_it_filters_by_language_article_and_category_score(client_for, alice, articles, comment_factory, threat_ar, polite_ar, polite_en):
    promo = comment_factory(articles["tr"], "ucuz saat", scores={"promotion": 0.8})
    client = client_for(alice)
    assert ids_in(client.get("/moderation/?language=ar")) == [threat_ar.pk, polite_ar.pk]
    assert ids_in(client.get("/moderation/?article=council-budget")) == [polite_en.pk]
    assert ids_in(client.get("/moderation/?category=promotion&min_score=0.5")) == [promo.pk]
    assert ids_in(client.get("/moderation/?min_score=0.9")) == [threat_ar.pk]


def test_it_leaves_out_decided_comments_and_those_a_colleague_holds(client_for, alice, bob, threat_ar, polite_ar):
    claims.claim(threat_ar.pk, alice)
    Comment.objects.filter(pk=polite_ar.pk).update(status=Status.APPROVED)
    response = client_for(bob).get("/moderation/")
    assert ids_in(response) == []
    assert response.context["held"] == 1


def test_it_shows_the_authors_record_and_email_domain_never_the_address(client_for, alice, article, comment_factory):
    comment_factory(article, "earlier one", email="repeat@example.com", status=Status.APPROVED)
    comment_factory(article, "earlier two", email="repeat@example.com", status=Status.REJECTED)
    comment_factory(article, "and now", email="repeat@example.com")
    html = client_for(alice).get("/moderation/").content.decode()
    assert "1 earlier approved, 1 rejected" in html
    assert '<bdi class="domain" dir="ltr">@example.com</bdi>' in html and "repeat@example.com" not in html


def test_it_labels_every_control_and_marks_the_landmarks(client_for, alice, threat_ar):
    html = client_for(alice).get("/moderation/").content.decode()
    assert f'<label for="reason-{threat_ar.pk}">' in html and f'<label for="sel-{threat_ar.pk}"' in html
    assert 'role="search"' in html and 'id="announcer"' in html and 'aria-live="polite"' in html
    assert "style=" not in html


def test_it_preselects_the_highest_flagged_guideline_for_rejecting(client_for, alice, threat_ar):
    html = client_for(alice).get("/moderation/").content.decode()
    assert '<option value="threat" selected>' in html


def test_it_renders_right_to_left_in_arabic(client_for, alice, threat_ar):
    html = client_for(alice).get("/moderation/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_it_hands_the_next_comment_and_leases_it(client_for, bob, threat_ar, polite_ar):
    response = client_for(bob).get("/moderation/next/")
    assert response.status_code == 302 and response["Location"] == f"/moderation/comments/{threat_ar.pk}/"
    threat_ar.refresh_from_db()
    assert threat_ar.claimed_by == bob


def test_it_says_so_when_nothing_is_left(client_for, bob, db):
    response = client_for(bob).get("/moderation/next/", follow=True)
    assert response.redirect_chain[-1][0] == "/moderation/"
    assert "Nothing left to moderate here." in response.content.decode()
