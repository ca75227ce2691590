"""``majlis rescreen --since DATE``: screen stored comments again after a model update."""

from datetime import datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from majlis.comments.models import Comment, Status
from majlis.comments.rescreen import BATCH, rescreen_comments


def parse_since(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--since {value!r} is not a date: use YYYY-MM-DD or an ISO 8601 date and time.") from None
    if parsed.tzinfo is None:
        parsed = timezone.make_aware(datetime.combine(parsed.date(), parsed.time() or time.min))
    return parsed


class Command(BaseCommand):
    help = "Screen comments posted since a date again with the installed model (pending ones unless --all)."

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="Comments posted on or after this date (YYYY-MM-DD or ISO 8601).")
        parser.add_argument("--all", action="store_true", help="Decided comments too (their decisions are not changed).")
        parser.add_argument("--queue", action="store_true", help="Hand the work to `majlis worker` in batches instead of doing it now.")

    def handle(self, since, all, queue, **options):
        comments = Comment.objects.filter(created_at__gte=parse_since(since), erased_at__isnull=True)
        if not all:
            comments = comments.filter(status=Status.PENDING)
        ids = list(comments.order_by("pk").values_list("pk", flat=True))
        batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
        if queue:
            from majlis.tasks import rescreen

            for batch in batches:
                rescreen.enqueue(batch)
            self.stdout.write(f"{len(ids)} comments queued for re-screening in {len(batches)} tasks.")
            return
        done = 0
        for batch in tqdm(batches, unit="batch", disable=options["verbosity"] == 0):
            done += rescreen_comments(batch)
        self.stdout.write(f"{done} comments re-screened.")
