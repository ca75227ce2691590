"""``majlis train``: train, calibrate and ship the screening classifiers (see ``screening.train``)."""

import json

from django.core.management.base import BaseCommand, CommandError

from majlis.screening import train
from majlis.screening.training.protocol import DEFAULT_PROTOCOL, PROTOCOLS


class Command(BaseCommand):
    help = (
        "Train the screening classifiers from labelled CSVs (../shared/data format), calibrate the "
        "policy thresholds on held-out rows and write the model files."
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
            "--protocol", choices=sorted(PROTOCOLS), default=DEFAULT_PROTOCOL,
            help="Held-out rows for the metrics: 'splits' = official evaluation splits (default), "
                 "'sources' = whole sources for Arabic and Persian (transfer).",
        )
        parser.add_argument(
            "--calibrate-on", choices=sorted(PROTOCOLS), default=train.CALIBRATION_PROTOCOL,
            help="Held-out rows that choose the policy thresholds (default 'sources': whole sources "
                 "never trained on, as on a new site).",
        )
        parser.add_argument(
            "--holdout-out", default=None,
            help="Also save the fit trained without the held-out rows (for majlis evaluate).",
        )
        parser.add_argument(
            "--held-out-only", action="store_true",
            help="Only train the fit without the held-out rows, written to --out (for evaluation; "
                 "requires --out, never replaces the shipped models).",
        )

    def handle(self, *args, **options):
        if options["held_out_only"] and not options["out"]:
            raise CommandError("--held-out-only needs --out: the shipped models are trained on every row.")
        decisions = None
        if options["with_decisions"]:
            # Imported lazily: the moderation app needs the database, training alone does not.
            from majlis.moderation.labels import decision_rows

            decisions = list(decision_rows())
        kwargs = {"out_dir": options["out"]} if options["out"] else {}
        summary = train.run(
            options["data"], decisions=decisions, sample=options["sample"], seed=options["seed"],
            progress=options["verbosity"] > 0, holdout_dir=options["holdout_out"],
            protocol=options["protocol"], calibrate_on=options["calibrate_on"],
            held_out_only=options["held_out_only"], **kwargs,
        )
        self.stdout.write(json.dumps(
            {k: summary[k] for k in ("protocol", "calibrated_on", "rows", "held_out_rows",
                                     "decisions", "held_out_auc")},
            indent=2,
        ))
