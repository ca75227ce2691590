from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from majlis.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Print a new API token for a moderator (stored hashed; shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="The moderator's username.")
        parser.add_argument("--label", default="", help="What the token is for.")

    def handle(self, name, label="", **options):
        user = get_user_model().objects.filter(username=name, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account named {name!r}: create it with `majlis createmoderator {name}`.")
        _, raw = ApiToken.issue(user, name=label)
        self.stderr.write(f"API token for {name} (keep it secret; it is not stored in clear):")
        self.stdout.write(raw)
