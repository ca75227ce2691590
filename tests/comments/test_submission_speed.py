"""What makes a POST cheap keeps its meaning: the compiled INSERT stores what the ORM would, the
capped flood context gives screening's verdict on the full one, and the per-process caches are
cleared by changes and bypassed inside transactions."""

import pytest
from django.utils import timezone

from majlis.accounts.models import Moderator
from majlis.comments import submission
from majlis.comments.models import Comment, Status
from majlis.screening import screen
from majlis.screening.promotion import flood_weight

BODY = "Buy cheap watches at watches.example today, best prices in town, call now for a discount"
NEAR = "Buy cheap watches at watches.example today, best prices in town, call now for discounts"
OTHER = "The council vote was close and the second table of the budget does not add up at all."


def make(article, **changes):
    fields = dict(article=article, author_name="Charlie", email="charlie@example.org", body="A clear report.",
                  ip_prefix="203.0.113.0/24", fingerprint="f" * 64, status=Status.PENDING, language="en",
                  violation=0.25, scores={"profanity": 0.1}, reasons=[{"category": "profanity"}],
                  recommendation="review", model_version="m1")
    return Comment(**{**fields, **changes})


def test_it_inserts_the_same_row_as_the_orm(article):
    now = timezone.now()
    by_orm, compiled = make(article, created_at=now), make(article, created_at=now, email="dana@example.org")
    by_orm.save(force_insert=True)
    submission.insert(compiled)

    rows = {c["id"]: c for c in Comment.objects.values()}
    orm_row, compiled_row = rows.pop(by_orm.pk), rows.pop(compiled.pk)
    assert compiled_row["email"] == "dana@example.org"
    assert {**compiled_row, "id": 0, "email": ""} == {**orm_row, "id": 0, "email": ""}


def test_it_leaves_the_instance_as_save_does(article):
    comment = make(article)
    submission.insert(comment)

    assert comment.pk == Comment.objects.get().pk
    assert comment._state.adding is False
    comment.status = Status.APPROVED
    comment.save()  # an UPDATE of the same row, not a second INSERT
    assert Comment.objects.get().status == Status.APPROVED
    comment.body = "edited"
    with pytest.raises(Exception):
        comment.save()  # still immutable


def test_it_keeps_the_flood_weight_flat_from_the_cap():
    assert flood_weight(submission.FLOOD_CAP - 1) < flood_weight(submission.FLOOD_CAP)
    assert all(flood_weight(n) == flood_weight(submission.FLOOD_CAP) for n in range(submission.FLOOD_CAP, 50))


@pytest.mark.parametrize(
    "recent",
    [[], [OTHER] * 40, [NEAR], [NEAR, OTHER, NEAR], [NEAR] * 3 + [OTHER], [NEAR] * 40, [OTHER] * 20 + [NEAR] * 20],
)
def test_it_gives_screening_the_same_flood_verdict(recent):
    capped = submission._flood_context(BODY, recent)

    assert len(capped) <= submission.FLOOD_CAP
    assert screen(BODY, recent=capped).to_dict() == screen(BODY, recent=recent).to_dict()


@pytest.mark.django_db(transaction=True)
def test_it_reads_an_article_once_per_few_seconds(site, django_assert_num_queries):
    from majlis.publications.models import Article

    Article.objects.create(site=site, slug="cached", title="Cached")
    submission._articles.clear()
    submission.article_for_post("cached")
    with django_assert_num_queries(0):
        assert submission.article_for_post("cached").site == site


@pytest.mark.django_db(transaction=True)
def test_it_sees_an_article_saved_in_this_process_at_once(site):
    from majlis.publications.models import Article

    article = Article.objects.create(site=site, slug="closing", title="Closing")
    assert submission.article_for_post("closing").comments_open
    article.comments_open = False
    article.save()

    assert not submission.article_for_post("closing").comments_open


@pytest.mark.django_db(transaction=True)
def test_it_sees_changes_elsewhere_once_the_entry_expires(site, monkeypatch):
    from majlis.publications.models import Article

    Article.objects.create(site=site, slug="elsewhere", title="Elsewhere")
    assert submission.article_for_post("elsewhere").comments_open
    Article.objects.filter(slug="elsewhere").update(comments_open=False)  # as another process would
    assert submission.article_for_post("elsewhere").comments_open  # within ARTICLE_SECONDS

    clock = submission._articles
    monkeypatch.setattr(clock, "items", {k: (0.0, v) for k, v in clock.items.items()})
    assert not submission.article_for_post("elsewhere").comments_open


@pytest.mark.django_db(transaction=True)
def test_it_does_not_cache_unknown_articles(site):
    from majlis.publications.models import Article

    assert submission.article_for_post("soon") is None
    Article.objects.bulk_create([Article(site=site, slug="soon", title="Soon")])  # no signal, as in another process

    assert submission.article_for_post("soon") is not None


def test_it_reads_fresh_inside_a_transaction(article):
    from majlis.publications.models import Article

    submission.article_for_post(article.slug)
    Article.objects.filter(pk=article.pk).update(comments_open=False)

    assert not submission.article_for_post(article.slug).comments_open


@pytest.mark.django_db(transaction=True)
def test_it_sees_a_moderator_asking_for_emails_at_once(alice):
    submission._notify_wanted.clear()
    assert not submission._moderators_want_email()
    profile = Moderator.objects.get(user=alice)
    profile.email_new_comments = True
    profile.save()

    assert submission._moderators_want_email()


@pytest.mark.django_db(transaction=True)
def test_it_reads_recent_comments_once_per_few_seconds(article, monkeypatch, django_assert_num_queries):
    def recent():
        return submission._recent_texts(submission.Submission(article, "Y", "eli@example.org", "x", ""))

    def post(email, body):
        submission.submit(submission.Submission(article=article, author="X", email=email, body=body, ip=""))

    post("dana@example.org", BODY)
    submission._recent_rows.clear()
    first = recent()
    post("fay@example.org", NEAR)  # stored by this process: in the flood context at once
    with django_assert_num_queries(0):
        mine = recent()
    Comment.objects.bulk_create([make(article, email="gus@example.org", body=OTHER)])  # as another process
    lagging = recent()
    monkeypatch.setattr(submission._recent_rows, "items", {})  # RECENT_SECONDS later
    fresh = recent()

    assert first == [BODY]
    assert mine == lagging == [NEAR, BODY]
    assert fresh == [OTHER, NEAR, BODY]


@pytest.mark.django_db(transaction=True)
def test_it_delivers_to_an_endpoint_added_in_this_process_at_once(article):
    from majlis.webhooks.models import Delivery, Endpoint

    def post(body):
        submission.submit(submission.Submission(article=article, author="X", email="h@example.org", body=body, ip=""))

    post("A first comment, before any webhook exists.")
    endpoint = Endpoint.objects.create(site=article.site, url="http://127.0.0.1:9/hook", secret="k")
    post("A second comment, after the webhook was added.")
    endpoint.active = False
    endpoint.save()
    post("A third comment, after the webhook was switched off.")

    assert Delivery.objects.count() == 1
