"""``majlis evaluate``: per label and language metrics of the screening engine on a labelled CSV."""

import json

from django.core.management.base import BaseCommand

from majlis.screening import evaluate


class Command(BaseCommand):
    help = (
        "Score every row of a labelled CSV (../shared/data format) and report, per label and "
        "language, n, positives, ROC-AUC, PR-AUC and precision/recall at the policy threshold."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", required=True, help="CSV with text, lang and 0/1 labels.")
        parser.add_argument("--split", default=None, help="Only rows whose split column is this.")
        parser.add_argument(
            "--model", default=None,
            help="Use the classifier in this directory (e.g. the held-out fit of train --holdout-out).",
        )
        parser.add_argument(
            "--classifier-only", action="store_true",
            help="Score with the trained classifier alone (no lexicons or rules).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON instead of markdown.")

    def handle(self, *args, **options):
        result = evaluate.run(
            options["data"], split=options["split"], model_dir=options["model"],
            engine=not options["classifier_only"],
            progress=options["verbosity"] > 0,
        )
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2))
        else:
            self.stdout.write(evaluate.markdown(result))
