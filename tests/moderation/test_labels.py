from majlis.comments.models import Comment
from majlis.moderation.labels import OVERTURN_WEIGHT, WEIGHT, decision_rows
from majlis.moderation.services import decide, reverse


def make_comment(article, body, recommendation="review", language="en"):
    return Comment.objects.create(
        article=article, author_name="Charlie", email=f"{abs(hash(body))}@example.org", body=body,
        fingerprint=str(abs(hash(body))), recommendation=recommendation, language=language,
    )


def test_it_labels_a_rejection_by_its_reason(article, bob):
    comment = make_comment(article, "You are a clown and a liar.")
    decide(comment.pk, "reject", reason="personal_attack", moderator=bob)

    [row] = decision_rows()

    assert row["text"] == "You are a clown and a liar."
    assert row["labels"]["personal_attack"] == 1
    assert sum(row["labels"].values()) == 1
    assert row["weight"] == WEIGHT


def test_an_approval_overturning_the_model_weighs_most(article, bob):
    comment = make_comment(article, "The mayor's plan is a disgrace.", recommendation="reject")
    decide(comment.pk, "approve", moderator=bob)

    [row] = decision_rows()

    assert set(row["labels"].values()) == {0}
    assert row["weight"] == OVERTURN_WEIGHT


def test_automated_decisions_are_not_labels(article):
    comment = make_comment(article, "Buy cheap watches now")
    decide(comment.pk, "reject", reason="promotion", model_version="test-model")

    assert list(decision_rows()) == []


def test_a_reversal_corrects_the_label(article, bob, alice):
    comment = make_comment(article, "Kurds deserve better roads.", language="en")
    decide(comment.pk, "reject", reason="identity_abuse", moderator=bob)
    reverse(comment.pk, note="Not abuse: a plea for the region.", admin=alice)

    [row] = decision_rows()

    assert row["labels"]["identity_abuse"] == 0
    assert row["weight"] == OVERTURN_WEIGHT
