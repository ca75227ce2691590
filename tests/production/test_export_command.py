"""``majlis export`` writes JSON lines that ``majlis import majlis`` restores."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from majlis.comments.models import Comment


@pytest.mark.django_db(transaction=True)
def test_it_exports_json_lines_that_import_restores(article, tmp_path):
    Comment.objects.create(article=article, author_name="Charlie", email="charlie@example.org",
                           body="The second table helps.", fingerprint="f")
    path = tmp_path / "export.jsonl"
    call_command("export", "--output", str(path), stderr=StringIO())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["model"] for line in lines][-1] == "comments.comment"

    Comment.objects.all().delete()
    article.site.delete()
    out = StringIO()
    call_command("import", "majlis", str(path), stdout=out)

    assert "1 comments.comment" in out.getvalue()
    assert Comment.objects.get().body == "The second table helps."


@pytest.mark.django_db
def test_it_exports_one_site_only(site, article):
    from majlis.publications.models import Site

    Site.objects.create(name="Other", domain="other.example")
    out = StringIO()
    call_command("export", "--site", "test.example", stdout=out)

    domains = [json.loads(line)["fields"]["domain"] for line in out.getvalue().splitlines() if '"publications.site"' in line]
    assert domains == ["test.example"]
