"""The reads of the submission hot path (plain SQL, see docs/performance.md) keep their meaning:
duplicates are per article, and flood context is the site's recent comments by other people."""

from datetime import timedelta

import pytest
from django.utils import timezone

from majlis.comments import submission
from majlis.comments.models import Comment
from majlis.publications.models import Article, Site


def sub(article, email="charlie@example.org", body="The second table does not add up."):
    return submission.Submission(article=article, author="Charlie", email=email, body=body, ip="198.51.100.7")


def stored(article, email, body, minutes_ago=0):
    return Comment.objects.create(article=article, author_name="X", email=email, body=body,
                                  fingerprint=submission.fingerprint(email, body),
                                  created_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_it_finds_a_duplicate_on_the_same_article_only(articles):
    first = stored(articles["en"], "charlie@example.org", "The second table does not add up.")

    assert submission._duplicate(sub(articles["en"])) == first
    assert submission._duplicate(sub(articles["ar"])) is None


def test_it_gives_flood_context_from_the_site_and_other_people(articles):
    other_site = Site.objects.create(name="Other", domain="other.example")
    elsewhere = Article.objects.create(site=other_site, slug="elsewhere", title="Elsewhere")
    stored(articles["en"], "dana@example.org", "Buy cheap watches now", 1)
    stored(articles["ar"], "eli@example.org", "Buy cheap watches today", 2)
    stored(elsewhere, "fay@example.org", "Another site's comment", 0)
    stored(articles["en"], "charlie@example.org", "My own earlier comment", 0)
    stored(articles["en"], "gus@example.org", "Two hours ago", 120)

    assert submission._recent_texts(sub(articles["en"])) == ["Buy cheap watches now", "Buy cheap watches today"]


@pytest.mark.parametrize("extra", [0, 100])
def test_it_caps_flood_context_at_the_sample_size(article, extra):
    for i in range(submission.FLOOD_SAMPLE + extra):
        stored(article, f"r{i}@example.org", f"Comment {i}", 0)

    assert len(submission._recent_texts(sub(article))) == submission.FLOOD_SAMPLE
