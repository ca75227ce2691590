"""The audit log: every decision, searchable, per scope, exportable as CSV."""

import csv
import io

from majlis.moderation.services import decide


def rows_of(response):
    return list(response.context["page"].object_list)


def test_it_lists_every_decision_with_who_or_which_model(client_for, alice, article, comment_factory):
    human = comment_factory(article, "decided by a person")
    machine = comment_factory(article, "decided by the model")
    decide(human.pk, "approve", moderator=alice)
    decide(machine.pk, "reject", reason="promotion", model_version="screen-2026.12")
    html = client_for(alice).get("/moderation/audit/").content.decode()
    assert "<bdi>alice</bdi>" in html and "automation · screen-2026.12" in html


def test_it_searches_text_and_filters_by_reason_and_author_of_the_decision(client_for, alice, bob, threat_ar, polite_ar):
    decide(threat_ar.pk, "reject", reason="threat", note="death threat", moderator=bob)
    decide(polite_ar.pk, "approve", moderator=alice)
    client = client_for(alice)
    assert [d.comment_id for d in rows_of(client.get("/moderation/audit/?q=death"))] == [threat_ar.pk]
    assert [d.comment_id for d in rows_of(client.get("/moderation/audit/?reason=threat"))] == [threat_ar.pk]
    assert [d.comment_id for d in rows_of(client.get("/moderation/audit/?by=alice"))] == [polite_ar.pk]
    assert rows_of(client.get("/moderation/audit/?by=automation")) == []


def test_it_shows_a_moderator_only_decisions_in_their_scope(client_for, alice, bob, threat_ar, polite_en):
    decide(threat_ar.pk, "approve", moderator=alice)
    decide(polite_en.pk, "approve", moderator=alice)
    assert [d.comment_id for d in rows_of(client_for(bob).get("/moderation/audit/"))] == [threat_ar.pk]


def test_it_exports_csv_with_formulas_defused(client_for, alice, article, comment_factory):
    c = comment_factory(article, "=HYPERLINK(\"http://evil.example\")", author="@mallory")
    decide(c.pk, "reject", reason="promotion", moderator=alice)
    response = client_for(alice).get("/moderation/audit/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0]["body"] == "'=HYPERLINK(\"http://evil.example\")" and rows[0]["author"] == "'@mallory"
    assert (rows[0]["action"], rows[0]["reason"], rows[0]["moderator"]) == ("reject", "promotion", "alice")
