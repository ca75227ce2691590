"""Helper commands for the shared HTTP harness (../shared/bench/bench.py) pointed at Majlis.

Run through ``run.sh``, which sets the environment (data directory, database, limits off):

    prepare   migrate a fresh installation; make the bench site, its editor and the article that
              takes the measured POSTs (Majlis registers articles through the widget or the admin,
              never on a first POST, so posts all go to one registered article: see README.md)
    seed      register $BENCH_ARTICLE, POST 200 comments to it through the HTTP API, approve them
              through moderation.services.decide (which bumps the list's public_version)
    count     print how many comment rows (any status) the POST article holds
    info      print versions
"""

import json
import os
import sys
import urllib.request

POST_ARTICLE = "bench-post"
SEED_COUNT = int(os.environ.get("BENCH_SEED_COUNT", "200"))
BODY = ("Comment {n}: I read the whole piece and I think the council should publish the full budget, "
        "not just a summary. The numbers in the second table do not add up.")


def django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "majlis.settings")
    import django

    django.setup()


def prepare():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from majlis.publications.models import Article, Site

    site, _ = Site.objects.get_or_create(domain="bench.example", defaults={"name": "Bench"})
    Article.objects.get_or_create(slug=POST_ARTICLE, defaults={"site": site, "title": "Council budget", "language": "en",
                                                                "body": "The council published a summary of its budget."})
    get_user_model().objects.filter(username="bench-editor").exists() or get_user_model().objects.create_user(
        "bench-editor", password=None)


def seed():
    from django.contrib.auth import get_user_model

    from majlis.comments.models import Comment
    from majlis.moderation.services import decide
    from majlis.publications.models import Article, Site

    slug = os.environ["BENCH_ARTICLE"]
    Article.objects.create(site=Site.objects.get(domain="bench.example"), slug=slug, title=f"Article {slug}",
                           language="en", body="The council published a summary of its budget.")
    url = f"{os.environ['BENCH_BASE_URL']}/api/v1/articles/{slug}/comments"
    for i in range(SEED_COUNT):
        n = f"seed-{i}"
        payload = {"author": f"Reader {n}", "email": f"reader{n}@example.com", "body": BODY.format(n=n)}
        req = urllib.request.Request(url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            if r.status != 202:
                sys.exit(f"seed POST {i} answered {r.status}")
    editor = get_user_model().objects.get(username="bench-editor")
    for pk in Comment.objects.filter(article__slug=slug, status="pending").values_list("pk", flat=True):
        decide(pk, "approve", moderator=editor)


def count():
    from majlis.comments.models import Comment

    print(Comment.objects.filter(article__slug=POST_ARTICLE).count())


def info():
    import importlib.metadata as m
    import platform

    from django.db import connection

    names = ("majlis", "django", "django-ninja", "gunicorn", "psycopg")
    print(f"Python {platform.python_version()}, " + ", ".join(f"{n} {m.version(n)}" for n in names)
          + f", database {connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
          + f", workers {os.environ.get('MAJLIS_WORKERS', '?')} x threads {os.environ.get('MAJLIS_THREADS', '?')}")


if __name__ == "__main__":
    django_setup()
    {"prepare": prepare, "seed": seed, "count": count, "info": info}[sys.argv[1]]()
