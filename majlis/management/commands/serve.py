import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from majlis.lib.server import exec_gunicorn, gunicorn_argv


class Command(BaseCommand):
    help = "Serve an existing installation for production with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Address to listen on (default 127.0.0.1:8000).")
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1, help="Worker processes (default: cores + 1).")
        parser.add_argument("--threads", type=int, default=4, help="Threads per worker (default 4).")

    def handle(self, bind, workers, threads, **options):
        if settings.DEBUG:
            raise CommandError("Refusing to serve with MAJLIS_DEBUG on: debug pages leak settings and data. Unset it.")
        if not settings.SECRET_KEY:
            raise CommandError("Refusing to serve without a secret key: set MAJLIS_SECRET_KEY or MAJLIS_SECRET_KEY_FILE.")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        exec_gunicorn(gunicorn_argv(bind, workers, threads))
