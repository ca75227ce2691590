import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from majlis.accounts.models import Moderator, Role
from majlis.lib.languages import LANGUAGES


class Command(BaseCommand):
    help = "Create a moderator account (or update its password, languages and role) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--password", help="Default: a new random password, printed once.")
        parser.add_argument("--languages", default="", help="Comma-separated language codes this moderator works, e.g. ar,ckb. Default: all.")
        parser.add_argument("--admin", action="store_true", help="Give the admin role (manage moderators, settings, reversals).")

    @transaction.atomic
    def handle(self, name, password=None, languages="", admin=False, **options):
        codes = [c.strip() for c in languages.split(",") if c.strip()]
        unknown = sorted(set(codes) - set(LANGUAGES))
        if unknown:
            raise CommandError(f"Unknown language code(s): {', '.join(unknown)}. Use {', '.join(LANGUAGES)}.")
        password = password or secrets.token_urlsafe(12)
        User = get_user_model()
        user, created = User.objects.get_or_create(username=name, defaults={"is_staff": True})
        user.is_staff = True
        user.is_superuser = user.is_superuser or admin
        user.set_password(password)
        user.save()
        Moderator.objects.update_or_create(
            user=user, defaults={"role": Role.ADMIN if admin else Role.MODERATOR, "languages": codes}
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} {'admin' if admin else 'moderator'} {name} (languages: {', '.join(codes) or 'all'})")
        self.stdout.write(f"username: {name}\npassword: {password}")
