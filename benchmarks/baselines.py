"""Held-out evaluation of Majlis against two baselines, on the same rows in the same run.

    python benchmarks/baselines.py --data ../shared/data --model /tmp/majlis-holdout [--out eval]

``--model`` must be the held-out fit (``majlis train --holdout-out DIR``): trained without the
held-out sources of ``majlis.screening.training.protocol``. For every held-out set (a whole source or
an official split) and every label it carries, per language, this reports ROC-AUC of:

- ``majlis``: the whole engine (``screen_many``: language identification, lexicons, rules and the
  held-out classifier), offensive/toxic measured on ``violation``;
- ``classifier``: the held-out classifier alone;
- ``tfidf-lr``: char n-gram TF-IDF + logistic regression trained on the same training rows;
- ``apc``: alt-profanity-check (English only; its one score is used for every label), run in its
  own venv (see ``majlis.screening.training.baselines``).

Writes ``heldout.json`` and ``heldout.md`` into ``--out``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from majlis.screening import evaluate
from majlis.screening.training import baselines
from majlis.screening.training.calibrate import roc_auc
from majlis.screening.training.data import load_sources
from majlis.screening.training.protocol import HOLDOUT, split_rows

SCORERS = ("majlis", "classifier", "tfidf-lr", "apc")


KURDISH = Path(__file__).resolve().parents[1] / "eval" / "kurdish"


def held_out_sets(data_dir: Path):
    """``(name, csv_path, split)`` for every held-out set of the protocol, then the team-written
    Kurdish sets (no public Kurdish data exists: nothing Kurdish is ever trained on)."""
    for source, split in HOLDOUT.items():
        path = data_dir / source / f"{source}.csv"
        if path.exists():
            yield (source if split is None else f"{source}[{split}]"), path, split
    for lang in ("ckb", "kmr"):
        if (KURDISH / f"{lang}.csv").exists():
            yield f"kurdish-{lang} (team-written)", KURDISH / f"{lang}.csv", None


def score_set(path, split, model_dir, tfidf, progress):
    records, labels = evaluate.read_labelled_csv(path, split)
    scores = {
        "majlis": evaluate.score_records(records, evaluate.engine_scorer(model_dir), progress,
                                         "engine"),
        "classifier": evaluate.score_records(records, evaluate.classifier_scorer(model_dir),
                                             progress, "classifier"),
        "tfidf-lr": tfidf.predict([r["text"] for r in records], [r["lang"] for r in records]),
    }
    english = [i for i, r in enumerate(records) if r["lang"] == "en"]
    if english and baselines.profanity_check_available():
        apc = np.full(len(records), np.nan)
        apc[english] = baselines.profanity_check_scores([records[i]["text"] for i in english])
        scores["apc"] = {c: apc for c in set(evaluate.LABEL_TO_CATEGORY.values())}
    return records, labels, scores


def compare(name, records, labels, scores, thresholds):
    """Result rows: the engine's full metrics plus every scorer's ROC-AUC on the same rows."""
    rows = evaluate.measure(records, labels, scores["majlis"], thresholds)
    for row in rows:
        idx = [i for i, r in enumerate(records)
               if r["lang"] == row["lang"] and (r.get(row["label"]) or "").strip()]
        y = np.array([int(float(records[i][row["label"]])) for i in idx])
        row["set"] = name
        row["auc"] = {}
        for scorer, by_category in scores.items():
            s = np.asarray(by_category.get(row["category"], np.full(len(records), np.nan)))[idx]
            row["auc"][scorer] = None if np.isnan(s).any() else roc_auc(y, s)
    return [r for r in rows if r["roc_auc"] is not None]


def macro_by_language(rows):
    """Mean ROC-AUC per language over every (set, label) row, per scorer (rows where all exist)."""
    out = {}
    for lang in sorted({r["lang"] for r in rows}):
        mine = [r for r in rows if r["lang"] == lang]
        out[lang] = {}
        for scorer in SCORERS:
            values = [r["auc"].get(scorer) for r in mine]
            if values and all(v is not None for v in values):
                out[lang][scorer] = float(np.mean(values))
        out[lang]["rows"] = len(mine)
    return out


def markdown(rows, macro) -> str:
    lines = ["| set | label | lang | n | pos | majlis | classifier | tfidf-lr | apc | PR-AUC | "
             "reject at | precision | recall |", "|---|---|---|---:|---:|" + "---:|" * 8]
    f = evaluate._fmt
    for r in rows:
        aucs = [r["auc"].get(s) for s in SCORERS]
        cells = [r["set"], r["label"], r["lang"], r["n"], r["positives"], *aucs, r["pr_auc"],
                 r["threshold"], r["precision"], r["recall"]]
        lines.append("| " + " | ".join(f(c) for c in cells) + " |")
    lines += ["", "Macro ROC-AUC per language (mean over the rows above):", "",
              "| lang | rows | majlis | classifier | tfidf-lr | apc |", "|---|---:|---:|---:|---:|---:|"]
    for lang, m in macro.items():
        lines.append("| " + " | ".join([lang, str(m["rows"])] + [f(m.get(s)) for s in SCORERS])
                     + " |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--model", required=True, help="The held-out fit's directory.")
    parser.add_argument("--out", default="eval", type=Path)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    progress = not args.quiet
    started = time.time()
    train_rows, _ = split_rows(load_sources(args.data))
    print(f"training the TF-IDF baseline on {len(train_rows)} rows", file=sys.stderr)
    tfidf = baselines.TfidfBaseline().fit(train_rows)
    if not baselines.profanity_check_available():
        print(f"alt-profanity-check venv missing at {baselines.APC_PYTHON}: apc column skipped",
              file=sys.stderr)
    thresholds = evaluate.load_thresholds(args.model)
    rows = []
    for name, path, split in held_out_sets(args.data):
        records, labels, scores = score_set(path, split, args.model, tfidf, progress)
        rows += compare(name, records, labels, scores, thresholds)
    macro = macro_by_language(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "heldout.json").write_text(json.dumps(
        {"rows": rows, "macro": macro, "seconds": round(time.time() - started)}, indent=2))
    (args.out / "heldout.md").write_text(markdown(rows, macro))
    print(markdown(rows, macro))


if __name__ == "__main__":
    main()
