"""Learning from a site's own moderators: a simulation on public data.

    python benchmarks/learning_curve.py --data ../shared/data [--sites olid] [--steps 0,500]

One held-out source plays a new site (it is never in the public training data under the
``sources`` protocol of ``training.protocol``, which this simulation therefore uses). 30% of its
rows (by a stable hash of the text) are the site's evaluation set; the rest arrive in a fixed
random order and its moderators decide them one by one: an offensive row is rejected as a personal
attack, any other row approved. After 0, 500, 1,000, 2,000 and 5,000 decisions the classifier is
retrained with ``train.run(..., decisions=...)`` (the held-out fit: public training sources plus
the decisions) and the site's ROC-AUC for the offensive head is measured on its evaluation set.
For an English site, alt-profanity-check scores the same evaluation rows in the same run (when its
virtualenv exists, ``training.baselines``): the line a site's own decisions have to cross. Writes
``learning_curve.json`` and ``.md`` into ``--out``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np

from majlis.screening import train
from majlis.screening.categories import CODES
from majlis.screening.classifier import Classifier
from majlis.screening.features import get_fold
from majlis.screening.training import baselines
from majlis.screening.training.calibrate import roc_auc
from majlis.screening.training.data import read_csv_rows
from majlis.screening.training.protocol import holdout

STEPS = (0, 500, 1000, 2000, 5000)
SITES = ("arabic-offensive-taxonomy", "pars-off-fa", "olid")
PROTOCOL = "sources"  # holds the simulated sites out whole; under "splits" they are training data


def site_split(rows, seed=0):
    """``(stream, evaluation)``: 70% decided in a fixed random order, 30% measured."""
    labelled = [r for r in rows if "offensive" in r.labels]
    evaluation = [r for r in labelled if zlib.crc32(r.text.encode("utf-8")) % 10 < 3]
    stream = [r for r in labelled if zlib.crc32(r.text.encode("utf-8")) % 10 >= 3]
    random.Random(seed).shuffle(stream)
    return stream, evaluation


def decision(row) -> dict:
    """What a moderator records: reject as a personal attack, or approve (every category 0)."""
    if row.labels["offensive"]:
        labels = {"personal_attack": 1}
    else:
        labels = {code: 0 for code in CODES if code != "off_topic"}
    return {"text": row.text, "language": row.lang, "labels": labels, "weight": 1.0}


def site_auc(model_dir, evaluation) -> float:
    fold = get_fold()
    probs = Classifier.load(model_dir).predict([fold(r.text) for r in evaluation],
                                               [r.lang for r in evaluation])
    return roc_auc(site_labels(evaluation), probs["offensive"])


def site_labels(evaluation) -> np.ndarray:
    return np.array([r.labels["offensive"] for r in evaluation])


def apc_auc(evaluation) -> float | None:
    """alt-profanity-check's ROC-AUC on an English site's evaluation rows (None: not English, or
    its virtualenv is missing)."""
    if evaluation[0].lang != "en" or not baselines.profanity_check_available():
        return None
    scores = baselines.profanity_check_scores([r.text for r in evaluation])
    return roc_auc(site_labels(evaluation), scores)


def curve(data_dir: Path, site: str, steps=STEPS, seed=0) -> list[dict]:
    if holdout(PROTOCOL).get(site, "") is not None:
        raise SystemExit(f"{site} is not a whole held-out source of protocol {PROTOCOL!r}")
    rows = read_csv_rows(data_dir / site / f"{site}.csv", site)
    stream, evaluation = site_split(rows, seed)
    apc = apc_auc(evaluation)
    out = []
    for k in steps:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.time()
            train.run(data_dir, out_dir=tmp, decisions=[decision(r) for r in stream[:k]],
                      seed=seed, progress=False, held_out_only=True, with_calibration=False,
                      protocol=PROTOCOL)
            auc = site_auc(tmp, evaluation)
        out.append({"site": site, "lang": rows[0].lang, "decisions": k, "eval_rows": len(evaluation),
                    "roc_auc": round(auc, 4), "seconds": round(time.time() - started),
                    "apc_roc_auc": None if apc is None else round(apc, 4)})
        print(json.dumps(out[-1]), flush=True)
    return out


def markdown(results) -> str:
    steps = sorted({r["decisions"] for r in results})
    lines = ["| site (held-out source) | lang | eval rows | " +
             " | ".join(f"{k} decisions" for k in steps) + " | alt-profanity-check |",
             "|---|---|---:|" + "---:|" * (len(steps) + 1)]
    for site in dict.fromkeys(r["site"] for r in results):
        mine = {r["decisions"]: r for r in results if r["site"] == site}
        first = next(iter(mine.values()))
        cells = [site, first["lang"], str(first["eval_rows"])]
        cells += [f'{mine[k]["roc_auc"]:.3f}' if k in mine else "-" for k in steps]
        apc = first.get("apc_roc_auc")
        cells.append("-" if apc is None else f"{apc:.3f}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--sites", default=",".join(SITES))
    parser.add_argument("--steps", default=",".join(map(str, STEPS)),
                        help="numbers of decisions to retrain after (comma-separated)")
    parser.add_argument("--out", default="eval", type=Path)
    args = parser.parse_args(argv)
    results = []
    for site in args.sites.split(","):
        results += curve(args.data, site, [int(k) for k in args.steps.split(",")])
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "learning_curve.json").write_text(json.dumps(results, indent=2))
    (args.out / "learning_curve.md").write_text(markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
