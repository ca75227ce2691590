"""Workspace sentences are whole and take the language's plural forms (Arabic has six)."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from majlis.moderation.services import decide
from majlis.moderation.views.decisions import bulk_done


def in_arabic(client):
    client.cookies["django_language"] = "ar"
    return client


@pytest.mark.parametrize("action, n, expected", [
    ("approve", 1, "Approved 1 comment."), ("approve", 2, "Approved 2 comments."), ("reject", 1, "Rejected 1 comment."),
])
def test_it_says_a_bulk_decision_in_one_english_sentence(action, n, expected):
    with translation.override("en"):
        assert bulk_done(action, n) == expected


@pytest.mark.parametrize("n, expected", [
    (1, "رُفض تعليق واحد."), (2, "رُفض تعليقان."), (3, "رُفضت 3 تعليقات."), (11, "رُفض 11 تعليقًا."), (100, "رُفض 100 تعليق."),
])
def test_it_uses_the_arabic_plural_form_for_the_count(n, expected):
    with translation.override("ar"):
        assert bulk_done("reject", n) == expected


def test_it_announces_a_bulk_approval_in_arabic(client_for, bob, articles, comment_factory):
    ids = [comment_factory(articles["ar"], f"تعليق رقم {i}").pk for i in range(3)]
    client = in_arabic(client_for(bob))

    html = client.post("/moderation/bulk/", {"ids": ids[:2], "action": "approve"}, follow=True).content.decode()
    assert "قُبل تعليقان." in html
    html = client.post("/moderation/bulk/", {"ids": ids[2:], "action": "approve"}, follow=True).content.decode()
    assert "قُبل تعليق واحد." in html


def test_it_labels_the_statistics_columns_as_counts_not_actions(client_for, bob):
    html = in_arabic(client_for(bob)).get("/moderation/stats/").content.decode()

    assert "مقبولة" in html and "مرفوضة" in html  # "approved" comments, not the verb "approve" (قبول)


def test_it_writes_the_replay_preview_as_plural_sentences(client_for, alice, article, comment_factory):
    for body, score, action in (("a threat", 0.95, "reject"), ("another threat", 0.96, "reject"), ("fine", 0.1, "approve")):
        c = comment_factory(article, body, scores={"threat": score})
        decide(c.pk, action, reason="threat" if action == "reject" else "", moderator=alice)

    html = in_arabic(client_for(alice)).post(f"/moderation/settings/{article.site.pk}/",
                                             {"mode": "assisted", "reject_threat": "0.9", "preview": "1"}).content.decode()
    assert '<span class="big" data-automatic>2</span> من القرارات كانت ستُتخذ آليًا (67%).' in html
    assert "تعليقان كانا سيُرفضان." in html


def test_it_names_the_article_in_one_sentence(client_for, alice, article, comment_factory):
    c = comment_factory(article, author="Dana")
    decide(c.pk, "approve", moderator=alice)

    html = in_arabic(client_for(alice)).get(f"/moderation/comments/{c.pk}/").content.decode()
    assert f'على <a href="{article.get_absolute_url()}">{article.title}</a>' in html and "علّق <bdi>Dana</bdi>" in html


def test_it_gives_the_age_of_a_comment_in_kurmanji(client_for, alice, articles, comment_factory):
    c = comment_factory(articles["kmr"], "Şîroveyek li ser dibistanê.")
    type(c).objects.filter(pk=c.pk).update(created_at=timezone.now() - timedelta(hours=3, minutes=5))
    client = client_for(alice)
    client.cookies["django_language"] = "kmr"

    html = client.get("/moderation/").content.decode()
    assert "Berî 3\xa0saet, 5\xa0deqe li ser" in html and "hour" not in html  # timesince joins with no-break spaces


def test_it_separates_the_commenters_history_with_the_languages_comma(client_for, bob, threat_ar):
    html = in_arabic(client_for(bob)).get("/moderation/").content.decode()

    history = html.split('<span class="history">', 1)[1].split("</span>", 1)[0]
    assert "، " in history and ", " not in history
