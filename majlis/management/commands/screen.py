import json
import sys

from django.core.management.base import BaseCommand, CommandError

BATCH = 512


class Command(BaseCommand):
    help = "Screen JSON lines {\"id\", \"text\"} from stdin; print one verdict line per input, in order."

    def add_arguments(self, parser):
        parser.add_argument("--article", help="A JSON file with the article's title and body, for relevance.")

    def handle(self, article=None, **options):
        from majlis.screening import screen_many

        context = None
        if article:
            try:
                with open(article, encoding="utf-8") as fh:
                    context = json.load(fh)
            except (OSError, ValueError) as exc:
                raise CommandError(f"--article {article}: {exc}") from exc
        out = sys.stdout
        batch: list[tuple[object, str | None, str | None]] = []
        for line in sys.stdin:
            if not line.strip():
                continue
            batch.append(parse(line))
            if len(batch) >= BATCH:
                write(batch, context, out, screen_many)
                batch = []
        if batch:
            write(batch, context, out, screen_many)
        out.flush()


def parse(line: str) -> tuple[object, str | None, str | None]:
    """Return (id, text, error) for one input line."""
    try:
        item = json.loads(line)
    except ValueError:
        return None, None, "not a JSON object"
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return (item.get("id") if isinstance(item, dict) else None), None, "missing \"text\" string"
    return item.get("id"), item["text"], None


def write(batch, context, out, screen_many) -> None:
    texts = [text for _, text, error in batch if error is None]
    verdicts = iter(screen_many(texts, context))
    for ident, _, error in batch:
        if error:
            out.write(json.dumps({"id": ident, "error": error}) + "\n")
        else:
            out.write(json.dumps({"id": ident, **next(verdicts).to_dict()}, ensure_ascii=False) + "\n")
