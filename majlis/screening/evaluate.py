"""Measure the screening engine on a labelled CSV (``majlis evaluate``).

``run(csv_path, ...)`` scores every row of a CSV in the ``../shared/data`` format (``text``,
``lang``, 0/1 label columns, optional ``split``) and reports, per label and language: n, positives,
ROC-AUC, PR-AUC, and precision and recall at the policy's reject threshold for that category.

Scores come from ``screening.screen_many`` (the whole engine: language identification, lexicons,
rules and classifiers) unless ``engine=False``, which scores with the classifier alone (using the
CSV's ``lang`` column). ``model_dir`` swaps in another classifier (and its ``calibration.json``):
use the held-out fit written by ``majlis train --holdout-out DIR`` to score held-out sources
honestly. Offensive/toxic labels are measured against ``Verdict.abuse`` (``violation`` without
promotion) with the engine and against
the ``offensive`` head with the classifier alone; their precision and recall are those of the
policy's actual reject decision (any abuse category at or above its reject threshold) when the
engine scores, since no single threshold applies to ``abuse``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

from majlis.screening.training.calibrate import pr_auc, roc_auc

# CSV label column -> category (score) it is measured against.
LABEL_TO_CATEGORY = {
    "offensive": "offensive",
    "toxic": "offensive",
    "profanity": "profanity",
    "threat": "threat",
    "insult": "personal_attack",
    "identity_attack": "identity_abuse",
    "spam": "promotion",
}
BATCH = 512
REJECTED = "rejected"  # engine scorer only: 1.0 where the policy's decision is "reject"
POLICY = "policy"  # the threshold shown where the policy's decision itself was measured

csv.field_size_limit(sys.maxsize)


def read_labelled_csv(path, split: str | None = None) -> tuple[list[dict], list[str]]:
    """``(records, label_columns)``; records filtered to ``split`` when given.

    A CSV without a ``split`` column gets the official split of its source's original files where
    ``training.data.SPLIT_FILES`` knows them (pars-off-fa: ``--split test`` is the authors' test set).
    """
    from majlis.screening.training.data import official_splits, split_key

    path = Path(path)
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        labels = [c for c in reader.fieldnames if c in LABEL_TO_CATEGORY]
        records = [r for r in reader if (r.get("text") or "").strip()]
        has_split = "split" in reader.fieldnames
    splits = None if has_split else official_splits(path.parent, path.stem)
    if splits:
        for r in records:
            r["split"] = splits.get(split_key(r["text"]), "")
    if split is not None:
        records = [r for r in records if r.get("split") == split]
    for r in records:
        r["text"] = r["text"].replace("<LF>", "\n")
    return records, labels


def classifier_scorer(model_dir=None):
    """A scorer ``(texts, langs) -> {category: scores}`` from the classifier alone."""
    from majlis.screening.classifier import Classifier
    from majlis.screening.features import get_fold

    clf = Classifier.load(model_dir)
    fold = get_fold()

    def score(texts, langs):
        return clf.predict([fold(t) for t in texts], langs)

    return score


def engine_scorer(model_dir=None):
    """A scorer from ``screen_many`` (the full engine), or None when it is not available.

    With ``model_dir``, the engine runs with that classifier instead of the shipped one.
    """
    try:
        from majlis.screening import engine
    except ImportError:
        return None
    from majlis.screening.classifier import Classifier

    model = Classifier.load(model_dir) if model_dir is not None else None

    def score(texts, langs):
        verdicts = engine.screen_many(texts, model=model)
        out = {}
        for v in verdicts:
            scores = dict(v.scores)
            scores["offensive"] = v.abuse
            scores[REJECTED] = 1.0 if v.decision == "reject" else 0.0
            for k, s in scores.items():
                out.setdefault(k, []).append(float(s))
        return {k: np.array(s) for k, s in out.items()}

    return score


def load_thresholds(model_dir=None) -> dict:
    """Reject thresholds of the policy (``calibration.json`` next to the model), plus one for the
    general ``offensive`` head (see below)."""
    from majlis.screening.classifier import MODELS_DIR

    path = Path(model_dir or MODELS_DIR) / "calibration.json"
    reject = json.loads(path.read_text())["reject"] if path.exists() else {}
    abuse = [t for code, t in reject.items() if code not in ("promotion", "offensive")]
    if abuse:
        # Without the engine's decisions, the general head is held to the most lenient abuse
        # threshold: a reject happens as soon as any abuse category reaches its own.
        reject.setdefault("offensive", min(abuse))
    return reject


def score_records(records, scorer, progress=True, desc="scoring") -> dict[str, np.ndarray]:
    """Run ``scorer`` over ``records`` in batches with a progress bar."""
    from tqdm import tqdm

    parts: dict[str, list] = {}
    with tqdm(total=len(records), desc=desc, unit="row", disable=not progress) as bar:
        for start in range(0, len(records), BATCH):
            chunk = records[start : start + BATCH]
            got = scorer([r["text"] for r in chunk], [r.get("lang") or "other" for r in chunk])
            for k, v in got.items():
                parts.setdefault(k, []).append(np.asarray(v, dtype=float))
            bar.update(len(chunk))
    return {k: np.concatenate(v) for k, v in parts.items()}


def measure(records, labels, scores, thresholds) -> list[dict]:
    """One result row per (label, language) present in ``records``."""
    out = []
    langs = sorted({r.get("lang") or "other" for r in records})
    for label in labels:
        category = LABEL_TO_CATEGORY[label]
        if category not in scores:
            continue
        for lang in langs:
            idx = [i for i, r in enumerate(records)
                   if (r.get("lang") or "other") == lang and (r.get(label) or "").strip()]
            if not idx:
                continue
            y = np.array([int(float(records[i][label])) for i in idx])
            s = scores[category][idx]
            if category == "offensive" and REJECTED in scores:
                row = _row(label, category, lang, y, s, None)
                out.append(_precision_recall(row, y, scores[REJECTED][idx] >= 0.5, POLICY))
            else:
                out.append(_row(label, category, lang, y, s, thresholds.get(category)))
    return out


def _row(label, category, lang, y, s, threshold):
    row = {"label": label, "category": category, "lang": lang, "n": int(len(y)),
           "positives": int(y.sum()), "roc_auc": roc_auc(y, s), "pr_auc": pr_auc(y, s),
           "threshold": threshold, "precision": None, "recall": None}
    if threshold is not None:
        _precision_recall(row, y, s >= threshold, threshold)
    return row


def _precision_recall(row, y, flagged, threshold):
    row["threshold"] = threshold
    if flagged.any():
        row["precision"] = float(y[flagged].mean())
    if y.sum():
        row["recall"] = float(flagged[y == 1].mean())
    return row


def run(csv_path, *, split=None, model_dir=None, engine=True, progress=True, scorer=None) -> dict:
    """Evaluate one CSV; return ``{"file", "split", "scorer", "rows": [result rows]}``."""
    records, labels = read_labelled_csv(csv_path, split)
    name = "custom"
    if scorer is None:
        scorer = engine_scorer(model_dir) if engine else None
        name = "engine" if scorer is not None else "classifier"
        scorer = scorer or classifier_scorer(model_dir)
    scores = score_records(records, scorer, progress)
    return {"file": str(csv_path), "split": split, "scorer": name,
            "rows": measure(records, labels, scores, load_thresholds(model_dir))}


def markdown(result: dict) -> str:
    """The result rows as a markdown table."""
    head = "| label | lang | n | positives | ROC-AUC | PR-AUC | reject at | precision | recall |"
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in result["rows"]:
        cells = [r["label"], r["lang"], r["n"], r["positives"], r["roc_auc"], r["pr_auc"],
                 r["threshold"], r["precision"], r["recall"]]
        lines.append("| " + " | ".join(_fmt(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
