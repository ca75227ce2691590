import os
import secrets
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from majlis.lib.server import exec_gunicorn, gunicorn_argv


class Command(BaseCommand):
    help = "Start Majlis with demo articles and comments in six languages on 127.0.0.1 (first run loads them)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port on 127.0.0.1 (default 8000).")
        parser.add_argument("--reset", action="store_true", help="Delete everything and load the demo content again.")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2).")

    def handle(self, port, reset, workers, **options):
        if not 1 <= port <= 65535:
            raise CommandError("--port must be between 1 and 65535.")
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        if reset:
            self.reset()
        call_command("migrate", interactive=False, verbosity=0)
        login = self.ensure_content()
        self.stdout.write(self.style.SUCCESS(f"Majlis demo: http://127.0.0.1:{port}/"))
        self.stdout.write(f"Moderation: http://127.0.0.1:{port}/moderation/  login {login[0]} / {login[1]}")
        self.stdout.write(f"Data: {settings.DATA_DIR} (run with --reset to start over). Ctrl-C stops.")
        os.environ.setdefault("MAJLIS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
        exec_gunicorn(gunicorn_argv(f"127.0.0.1:{port}", workers))

    def reset(self):
        if connection.vendor == "sqlite":
            connection.close()
            name = settings.DATABASES["default"]["NAME"]
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(f"{name}{suffix}"):
                    os.remove(f"{name}{suffix}")
        else:
            call_command("flush", interactive=False, verbosity=0)
        login_file = settings.DATA_DIR / "demo-login.txt"
        login_file.unlink(missing_ok=True)

    def ensure_content(self) -> tuple[str, str]:
        from majlis.publications import demo
        from majlis.publications.models import Article

        login_file = settings.DATA_DIR / "demo-login.txt"
        if Article.objects.exists() and login_file.exists():
            return tuple(login_file.read_text().split(None, 1))
        password = secrets.token_urlsafe(9)
        call_command("createmoderator", demo.EDITOR, password=password, admin=True, stdout=open(os.devnull, "w"))
        from django.contrib.auth import get_user_model

        if not Article.objects.exists():
            self.stdout.write("Loading demo content (six languages)…")
            counts = demo.load(get_user_model().objects.get(username=demo.EDITOR))
            self.stdout.write(", ".join(f"{v} {k}" for k, v in counts.items()))
        login_file.write_text(f"{demo.EDITOR} {password}")
        login_file.chmod(0o600)
        sys.stdout.flush()
        return demo.EDITOR, password
