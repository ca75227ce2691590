"""Automation settings per site: admins only, validated, with a replay of past human decisions."""

import pytest

from majlis.moderation.policy import action_for, site_policy
from majlis.moderation.services import decide
from majlis.publications.models import Site


def url(site):
    return f"/moderation/settings/{site.pk}/"


@pytest.mark.parametrize("mode, scores, expected", [
    ("manual", {"threat": 0.99}, (None, "")),
    ("assisted", {"threat": 0.99, "profanity": 0.95}, ("reject", "threat")),
    ("assisted", {"off_topic": 0.99}, (None, "")),
    ("assisted", {"threat": 0.01}, (None, "")),
    ("autopilot", {"threat": 0.01, "off_topic": 0.01}, ("approve", "")),
    ("autopilot", {"threat": 0.5}, (None, "")),
])
def test_it_maps_scores_to_what_each_mode_does(site, mode, scores, expected):
    policy = site_policy(site, reject={c: 0.9 for c in ("threat", "profanity", "off_topic")}, approve={"threat": 0.2, "off_topic": 0.2})
    assert action_for(scores, mode, policy) == expected


def test_it_is_for_admins_only(client_for, bob, site):
    assert client_for(bob).get(url(site)).status_code == 403


def test_it_saves_the_mode_and_thresholds(client_for, alice, site):
    response = client_for(alice).post(url(site), {"mode": "assisted", "reject_threat": "0.85", "approve_threat": "0.1"})
    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.mode, site.reject_thresholds, site.approve_thresholds) == ("assisted", {"threat": 0.85}, {"threat": 0.1})


@pytest.mark.parametrize("data, message", [
    ({"mode": "assisted", "reject_threat": "1.5"}, "less than or equal to 1"),
    ({"mode": "assisted", "reject_threat": "0.3", "approve_threat": "0.6"}, "cannot be above the reject threshold"),
    ({"mode": "sometimes"}, "Select a valid choice"),
])
def test_it_refuses_invalid_settings(client_for, alice, site, data, message):
    response = client_for(alice).post(url(site), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert Site.objects.get(pk=site.pk).mode == "manual"


def test_it_refuses_what_the_system_check_refuses(client_for, alice, site):
    Site.objects.filter(pk=site.pk).update(allowed_origins="ftp://bad.example")
    response = client_for(alice).post(url(site), {"mode": "assisted"})
    assert "is not scheme://host[:port]" in response.content.decode()


def test_it_previews_settings_against_the_last_human_decisions(client_for, alice, article, comment_factory):
    right = comment_factory(article, "a threat", scores={"threat": 0.95})
    wrong = comment_factory(article, "a quote of a threat", scores={"threat": 0.92})
    unsure = comment_factory(article, "borderline", scores={"threat": 0.5})
    decide(right.pk, "reject", reason="threat", moderator=alice)
    decide(wrong.pk, "approve", moderator=alice)
    decide(unsure.pk, "approve", moderator=alice)
    response = client_for(alice).post(url(article.site), {"mode": "assisted", "reject_threat": "0.9", "preview": "1"})
    proposed = response.context["proposed"]
    assert (proposed.considered, proposed.automatic, proposed.rejected, proposed.overturned) == (3, 2, 2, 1)
    assert [d.comment_id for d, _ in proposed.examples] == [wrong.pk]
    assert Site.objects.get(pk=article.site.pk).mode == "manual"
