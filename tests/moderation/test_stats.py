"""Statistics: the figures, the SVG charts and the CSV export."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from majlis.comments.models import Comment
from majlis.moderation import stats
from majlis.moderation.services import decide, reverse


def posted_ago(comment, minutes):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))


def sample(article, articles, comment_factory, alice, bob):
    a = comment_factory(article, "fine", scores={"threat": 0.1})
    b = comment_factory(article, "a threat", scores={"threat": 0.9})
    c = comment_factory(articles["ar"], "تهديد", scores={"threat": 0.8})
    d = comment_factory(article, "an advert", scores={"promotion": 0.95})
    comment_factory(article, "still waiting")
    for comment, minutes in ((a, 10), (b, 30), (c, 50)):
        posted_ago(comment, minutes)
    decide(a.pk, "approve", moderator=alice)
    decide(b.pk, "reject", reason="threat", moderator=alice)
    decide(c.pk, "approve", moderator=bob)
    decide(d.pk, "reject", reason="promotion", model_version="screen-1")
    reverse(d.pk, note="It is a local charity, not an advert.", admin=alice)


def test_it_counts_rates_median_automation_and_moderators(article, articles, comment_factory, alice, bob):
    sample(article, articles, comment_factory, alice, bob)
    report = stats.report(alice, 30)
    assert report.submitted == 5 and report.days[-1].pending == 1
    assert {r.key: (r.approved, r.rejected) for r in report.by_language} == {"en": (2, 1), "ar": (1, 0)}
    assert {r.key: (r.approved, r.rejected) for r in report.by_category} == {"threat": (1, 1), "promotion": (1, 0), "none": (1, 0)}
    assert 29 <= report.median_minutes <= 31
    assert (report.automated, report.overturned) == (1, 1)
    assert [(m.name, m.approved, m.rejected, m.reversed) for m in report.per_moderator] == [("alice", 1, 1, 1), ("bob", 1, 0, 0)]


def test_it_draws_the_charts_as_svg_without_inline_styles(client_for, article, articles, comment_factory, alice, bob):
    sample(article, articles, comment_factory, alice, bob)
    html = client_for(alice).get("/moderation/stats/").content.decode()
    assert html.count('<svg class="chart"') == 4 and 'class="bar-approved"' in html and "style=" not in html
    assert 'data-kpi="submitted">5<' in html


def test_it_exports_the_figures_as_csv(client_for, article, articles, comment_factory, alice, bob):
    sample(article, articles, comment_factory, alice, bob)
    response = client_for(alice).get("/moderation/stats.csv?days=7")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["table", "key", "metric", "value"]
    assert ["summary", "automated_overturned", "", "1"] in rows and ["by_language", "ar", "approved", "1"] in rows


def test_it_counts_only_what_the_moderator_may_see(article, articles, comment_factory, alice, bob):
    sample(article, articles, comment_factory, alice, bob)
    assert stats.report(bob, 30).submitted == 1


def test_it_writes_svg_coordinates_with_a_dot_in_every_language(client_for, article, articles, comment_factory, alice, bob):
    import re

    sample(article, articles, comment_factory, alice, bob)
    html = client_for(alice).get("/moderation/stats/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar"' in html
    assert not re.search(r'<(?:rect|line|text)[^>]* (?:x|y|x1|y1|width|height)="[^"]*,', html)
