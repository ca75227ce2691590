"""decide(), decide_many() and reverse(): the only code that changes a comment's status."""

import pytest

from majlis.comments.models import Status
from majlis.moderation import claims
from majlis.moderation.models import Action, Decision
from majlis.moderation.services import DecisionError, decide, decide_many, reverse


def test_it_approves_once_and_records_who_and_the_scores(article, comment_factory, bob):
    c = comment_factory(article, scores={"threat": 0.2})
    outcome = decide(c.pk, "approve", moderator=bob)
    assert outcome.comment.status == Status.APPROVED
    d = Decision.objects.get(comment=c)
    assert (d.moderator, d.action, d.scores) == (bob, Action.APPROVE, {"threat": 0.2})


@pytest.mark.parametrize("action, reason, code", [
    ("reject", "", "invalid"),
    ("reject", "rudeness", "invalid"),
    ("delete", "", "invalid"),
])
def test_it_refuses_invalid_decisions(article, comment_factory, bob, action, reason, code):
    c = comment_factory(article)
    with pytest.raises(DecisionError) as refused:
        decide(c.pk, action, reason=reason, moderator=bob)
    assert refused.value.code == code
    c.refresh_from_db()
    assert c.status == Status.PENDING


def test_it_refuses_a_second_decision_with_a_conflict(article, comment_factory, bob, alice):
    c = comment_factory(article)
    decide(c.pk, "reject", reason="threat", moderator=bob)
    with pytest.raises(DecisionError) as refused:
        decide(c.pk, "approve", moderator=alice)
    assert refused.value.code == "conflict"
    assert Decision.objects.filter(comment=c).count() == 1


def test_it_says_not_found_for_a_missing_comment(db, bob):
    with pytest.raises(DecisionError) as refused:
        decide(999999, "approve", moderator=bob)
    assert refused.value.code == "not_found"


def test_it_clears_the_lease_when_deciding(article, comment_factory, bob):
    c = comment_factory(article)
    claims.claim(c.pk, bob)
    decide(c.pk, "approve", moderator=bob)
    c.refresh_from_db()
    assert c.claimed_by is None and c.claimed_until is None


def test_it_decides_a_selection_and_reports_the_refusals(article, comment_factory, bob, alice):
    first, second, third = (comment_factory(article, f"text {i}") for i in range(3))
    decide(second.pk, "approve", moderator=alice)
    result = decide_many([first.pk, second.pk, third.pk, first.pk], "reject", reason="off_topic", moderator=bob)
    assert [o.comment.pk for o in result.decided] == [first.pk, third.pk]
    assert [(pk, e.code) for pk, e in result.refused] == [(second.pk, "conflict")]


def test_it_lets_an_admin_reverse_with_a_recorded_reason(article, comment_factory, alice, bob):
    c = comment_factory(article)
    first = decide(c.pk, "approve", moderator=bob).decision
    outcome = reverse(c.pk, note="Hidden slur spotted by a reader.", admin=alice, reason="identity_abuse")
    assert outcome.comment.status == Status.REJECTED
    assert (outcome.decision.action, outcome.decision.reversal_of, outcome.decision.note) == (
        Action.REVERSE_TO_REJECTED, first, "Hidden slur spotted by a reader.")


def test_it_refuses_a_reversal_without_a_reason(article, comment_factory, alice, bob):
    c = comment_factory(article)
    decide(c.pk, "reject", reason="threat", moderator=bob)
    with pytest.raises(DecisionError):
        reverse(c.pk, note="  ", admin=alice)
    c.refresh_from_db()
    assert c.status == Status.REJECTED
