"""``majlis import FORMAT FILE``: bring comments over from Disqus, Isso or WordPress, or restore a
Majlis export. (Django has no command of its own called ``import``; the name is free.)"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from majlis.lib.languages import LANGUAGES
from majlis.porting import disqus, isso, jsonl, loader, wxr
from majlis.publications.models import Site

READERS = {"disqus": disqus.read, "isso": isso.read, "wordpress": wxr.read}


class Command(BaseCommand):
    help = "Import comments from a Disqus XML export, an Isso database or a WordPress WXR file, or restore a Majlis export."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=[*READERS, "majlis"], help="disqus, isso, wordpress, or majlis (JSON lines from `majlis export`).")
        parser.add_argument("file", help="The export file (Isso: its SQLite database).")
        parser.add_argument("--site", help="Domain of the site to import into (created if missing; required except for majlis).")
        parser.add_argument("--site-name", help="Name for a site created by this import (default: the domain).")
        parser.add_argument("--language", default="en", choices=list(LANGUAGES), help="Language of the imported articles (default en).")
        parser.add_argument("--no-screen", action="store_true", help="Do not screen imported comments (statistics will miss them).")

    def handle(self, format, file, site, site_name, language, no_screen, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if format == "majlis":
            with path.open(encoding="utf-8") as f:
                counts = jsonl.restore(f)
            self.stdout.write(", ".join(f"{n} {label}" for label, n in counts.items()) or "nothing to restore")
            return
        if not site:
            raise CommandError("--site DOMAIN is required: the site the articles and comments belong to.")
        target, _ = Site.objects.get_or_create(domain=site, defaults={"name": site_name or site})
        try:
            source = READERS[format](path)
        except Exception as exc:  # a malformed file: say so in one line, not a traceback
            raise CommandError(f"Could not read {file} as {format}: {exc}") from exc
        counts = loader.load(source, target, language=language, screen=not no_screen,
                             progress=options["verbosity"] > 0)
        self.stdout.write(
            f"{counts.articles_created} articles created, {counts.comments_created} comments imported, "
            f"{counts.comments_skipped} skipped"
        )
