"""Held-out evaluation of Majlis against two baselines, on the same rows in the same run.

    python benchmarks/baselines.py --data ../shared/data --model /tmp/majlis-holdout \
        [--protocol splits|sources] [--out eval]

``--protocol`` picks the held-out rows (``majlis.screening.training.protocol``): ``splits``, the
official evaluation splits (default), or ``sources``, whole Arabic and Persian sources (the "new
site" transfer test). ``--model`` must be the held-out fit of the same protocol
(``majlis train --protocol P --holdout-out DIR``; its ``classifier.json`` says which). For every
held-out set (a whole source or an official split) and every label it carries, per language, this
reports ROC-AUC of:

- ``majlis``: the whole engine (``screen_many``: language identification, lexicons, rules and the
  held-out classifier), offensive/toxic measured on ``Verdict.abuse`` (``violation`` without
  promotion: those labels say nothing about ads);
- ``classifier``: the held-out classifier alone;
- ``tfidf-lr``: char n-gram TF-IDF + logistic regression trained on the same training rows;
- ``apc``: alt-profanity-check (English only; its one score is used for every label), run in its
  own venv (see ``majlis.screening.training.baselines``). It was trained on the Davidson data and
  the Kaggle Jigsaw Toxic Comment training set (its README, "More on How/Why It Works"), so its
  scores on sets drawn from those (``APC_SEEN``) are marked, and a second macro leaves them out.

Writes ``heldout.{json,md}`` (protocol ``splits``) or ``transfer.{json,md}`` (``sources``) into
``--out``.
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
from majlis.screening.training.protocol import DEFAULT_PROTOCOL, PROTOCOLS, holdout, split_rows

SCORERS = ("majlis", "classifier", "tfidf-lr", "apc")
OUTPUT = {"splits": "heldout", "sources": "transfer"}
# Held-out sets drawn from alt-profanity-check's own training data: its scores there are not
# held-out scores.
APC_SEEN = {"jigsaw-toxic-sample": "a sample of the Kaggle Jigsaw Toxic Comment training set"}


KURDISH = Path(__file__).resolve().parents[1] / "eval" / "kurdish"


def held_out_sets(data_dir: Path, protocol: str = DEFAULT_PROTOCOL):
    """``(name, csv_path, split)`` for every held-out set of the protocol, then the team-written
    Kurdish sets (no public Kurdish data exists: nothing Kurdish is ever trained on)."""
    for source, split in holdout(protocol).items():
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


def apc_seen(row) -> bool:
    """Whether a result row's set comes from alt-profanity-check's own training data."""
    return row["set"].split("[")[0] in APC_SEEN


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


def unseen_macro(rows):
    """``macro_by_language`` without the sets alt-profanity-check was trained on, for the
    languages that have such sets."""
    langs = {r["lang"] for r in rows if apc_seen(r)}
    return macro_by_language([r for r in rows if r["lang"] in langs and not apc_seen(r)])


def _macro_table(macro) -> list[str]:
    f = evaluate._fmt
    lines = ["| lang | rows | majlis | classifier | tfidf-lr | apc |", "|---|---:|---:|---:|---:|---:|"]
    for lang, m in macro.items():
        lines.append("| " + " | ".join([lang, str(m["rows"])] + [f(m.get(s)) for s in SCORERS])
                     + " |")
    return lines


def markdown(rows, macro, unseen=None, protocol=DEFAULT_PROTOCOL) -> str:
    lines = [f"Protocol `{protocol}`: held out "
             + ", ".join(f"{s}[{p}]" if p else s for s, p in holdout(protocol).items())
             + ", and the team-written Kurdish sets.", "",
             "| set | label | lang | n | pos | majlis | classifier | tfidf-lr | apc | PR-AUC | "
             "reject at | precision | recall |", "|---|---|---|---:|---:|" + "---:|" * 8]
    f = evaluate._fmt
    for r in rows:
        aucs = [f(r["auc"].get(s)) for s in SCORERS]
        if apc_seen(r) and r["auc"].get("apc") is not None:
            aucs[SCORERS.index("apc")] += " (seen)"
        cells = [r["set"], r["label"], r["lang"], r["n"], r["positives"], *aucs, r["pr_auc"],
                 r["threshold"], r["precision"], r["recall"]]
        lines.append("| " + " | ".join(f(c) for c in cells) + " |")
    lines += ["", "Macro ROC-AUC per language (mean over the rows above):", ""]
    lines += _macro_table(macro)
    if unseen:
        sets = "; ".join(f"{name}: {why}" for name, why in APC_SEEN.items())
        lines += ["", "\"(seen)\": alt-profanity-check was trained on this set's corpus (" + sets
                  + "); its score there is not a held-out score. Macro ROC-AUC without those sets:",
                  ""]
        lines += _macro_table(unseen)
    return "\n".join(lines) + "\n"


def check_model_protocol(model_dir, protocol):
    """Refuse a held-out fit of another protocol: its training rows would include held-out rows."""
    meta = json.loads((Path(model_dir) / "classifier.json").read_text())
    kind, trained = meta.get("kind"), meta.get("protocol")
    if kind != "held-out fit" or trained != protocol:
        raise SystemExit(f"{model_dir} is a {kind!r} of protocol {trained!r}; this run needs the "
                         f"held-out fit of protocol {protocol!r} (majlis train --protocol "
                         f"{protocol} --holdout-out DIR)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data", type=Path)
    parser.add_argument("--model", required=True, help="The held-out fit's directory.")
    parser.add_argument("--protocol", choices=sorted(PROTOCOLS), default=DEFAULT_PROTOCOL)
    parser.add_argument("--out", default="eval", type=Path)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    check_model_protocol(args.model, args.protocol)
    progress = not args.quiet
    started = time.time()
    train_rows, _ = split_rows(load_sources(args.data), args.protocol)
    print(f"training the TF-IDF baseline on {len(train_rows)} rows", file=sys.stderr)
    tfidf = baselines.TfidfBaseline().fit(train_rows)
    if not baselines.profanity_check_available():
        print(f"alt-profanity-check venv missing at {baselines.APC_PYTHON}: apc column skipped",
              file=sys.stderr)
    thresholds = evaluate.load_thresholds(args.model)
    rows = []
    for name, path, split in held_out_sets(args.data, args.protocol):
        records, labels, scores = score_set(path, split, args.model, tfidf, progress)
        rows += compare(name, records, labels, scores, thresholds)
    for row in rows:
        row["apc_seen"] = apc_seen(row)
    macro, unseen = macro_by_language(rows), unseen_macro(rows)
    text = markdown(rows, macro, unseen, args.protocol)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = OUTPUT[args.protocol]
    (args.out / f"{stem}.json").write_text(json.dumps(
        {"protocol": args.protocol, "held_out": holdout(args.protocol), "rows": rows,
         "macro": macro, "macro_without_apc_seen": unseen,
         "train_rows": len(train_rows), "seconds": round(time.time() - started)}, indent=2))
    (args.out / f"{stem}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
