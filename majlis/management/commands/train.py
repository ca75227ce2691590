"""``majlis train``: train, calibrate and ship the screening classifiers (see ``screening.train``)."""

import json

from django.core.management.base import BaseCommand

from majlis.screening import train


class Command(BaseCommand):
    help = (
        "Train the screening classifiers from labelled CSVs (../shared/data format), calibrate the "
        "policy thresholds on held-out sources and write the model files."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", default="../shared/data", help="Directory of source folders.")
        parser.add_argument("--out", default=None, help="Output directory (default: shipped models).")
        parser.add_argument(
            "--with-decisions", action="store_true",
            help="Also learn from this site's moderator decisions (weighted, per language).",
        )
        parser.add_argument("--sample", type=int, default=None, help="At most N rows per source.")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument(
            "--holdout-out", default=None,
            help="Also save the fit trained without the held-out sources (for majlis evaluate).",
        )

    def handle(self, *args, **options):
        decisions = None
        if options["with_decisions"]:
            # Imported lazily: the moderation app needs the database, training alone does not.
            from majlis.moderation.labels import decision_rows

            decisions = list(decision_rows())
        kwargs = {"out_dir": options["out"]} if options["out"] else {}
        summary = train.run(
            options["data"], decisions=decisions, sample=options["sample"], seed=options["seed"],
            progress=options["verbosity"] > 0, holdout_dir=options["holdout_out"], **kwargs,
        )
        self.stdout.write(json.dumps(
            {k: summary[k] for k in ("rows", "held_out_rows", "decisions", "held_out_auc")},
            indent=2,
        ))
