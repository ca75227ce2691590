"""``majlis import``: each format from a file, into a site named on the command line."""

import sqlite3
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from majlis.comments.models import Comment
from majlis.publications.models import Site

DATA = Path(__file__).parent / "data"


def run(*args) -> str:
    out = StringIO()
    call_command("import", *args, stdout=out, verbosity=0)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("fmt, file, created", [("disqus", "disqus.xml", 5), ("wordpress", "wordpress.xml", 3)])
def test_it_imports_a_file_into_a_new_site(fmt, file, created):
    output = run(fmt, str(DATA / file), "--site", "news.example")

    assert f"{created} comments imported" in output
    assert Comment.objects.filter(article__site=Site.objects.get(domain="news.example")).count() == created


@pytest.mark.django_db
def test_it_imports_an_isso_database(tmp_path):
    db = tmp_path / "comments.db"
    with sqlite3.connect(db) as c:
        c.executescript((DATA / "isso.sql").read_text(encoding="utf-8"))

    assert "4 comments imported" in run("isso", str(db), "--site", "news.example", "--language", "ckb")


@pytest.mark.django_db
def test_it_needs_a_site_and_an_existing_file():
    with pytest.raises(CommandError, match="--site"):
        run("disqus", str(DATA / "disqus.xml"))
    with pytest.raises(CommandError, match="No such file"):
        run("disqus", "/nonexistent.xml", "--site", "news.example")


@pytest.mark.django_db
def test_it_reports_a_malformed_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<disqus><post>")

    with pytest.raises(CommandError, match="Could not read"):
        run("disqus", str(bad), "--site", "news.example")
