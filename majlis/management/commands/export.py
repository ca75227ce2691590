"""``majlis export``: JSON lines of sites, articles, comments and decisions (see majlis.porting.jsonl)."""

from django.core.management.base import BaseCommand, CommandError

from majlis.porting.jsonl import export_lines
from majlis.publications.models import Site


class Command(BaseCommand):
    help = "Export sites, articles, comments and decisions as JSON lines (restore with `majlis import majlis`)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", default="-", help="File to write (default: standard output).")
        parser.add_argument("--site", help="Only this site (its domain).")

    def handle(self, output, site, **options):
        chosen = None
        if site:
            chosen = Site.objects.filter(domain=site).first()
            if chosen is None:
                raise CommandError(f"No site with domain {site!r}.")
        if output == "-":
            for line in export_lines(chosen):
                self.stdout.write(line)
            return
        n = 0
        with open(output, "w", encoding="utf-8") as f:
            for line in export_lines(chosen):
                f.write(line + "\n")
                n += 1
        self.stderr.write(f"{n} objects written to {output}")
