"""``evaluate``: metrics per label and language on a labelled CSV."""

import csv

import numpy as np
import pytest
from sklearn.metrics import average_precision_score, roc_auc_score

from majlis.screening import evaluate
from majlis.screening.training.calibrate import pr_auc, roc_auc


@pytest.fixture
def labelled_csv(tmp_path):
    path = tmp_path / "set.csv"
    rows = [
        ("you stupid idiot", "en", 1, 0, "test"), ("thanks for the report", "en", 0, 0, "test"),
        ("shut up moron", "en", 1, 0, "test"), ("good interview", "en", 0, 0, "train"),
        ("انت حمار غبي", "ar", 1, 0, "test"), ("شكرا على التقرير", "ar", 0, 0, "test"),
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "lang", "offensive", "threat", "split"])
        writer.writerows(rows)
    return path


def test_it_reports_every_label_and_language(labelled_csv):
    result = evaluate.run(labelled_csv, progress=False)
    assert result["scorer"] == "engine"
    keys = {(r["label"], r["lang"]) for r in result["rows"]}
    assert keys == {("offensive", "en"), ("offensive", "ar"), ("threat", "en"), ("threat", "ar")}
    en = next(r for r in result["rows"] if r["label"] == "offensive" and r["lang"] == "en")
    assert (en["n"], en["positives"]) == (4, 2)
    assert en["roc_auc"] == 1.0
    threat = next(r for r in result["rows"] if r["label"] == "threat" and r["lang"] == "en")
    assert threat["roc_auc"] is None  # one class only: no AUC, not a made-up number


def test_it_filters_by_split_and_scores_with_a_given_model_dir(labelled_csv):
    from majlis.screening.classifier import MODELS_DIR

    result = evaluate.run(labelled_csv, split="test", model_dir=MODELS_DIR, engine=False,
                          progress=False)
    assert result["scorer"] == "classifier"
    assert sum(r["n"] for r in result["rows"] if r["label"] == "offensive") == 5


def test_it_uses_the_policy_threshold_for_precision_and_recall(labelled_csv):
    fixed = lambda texts, langs: {"offensive": np.array([0.9 if "i" in t else 0.1 for t in texts])}
    result = evaluate.run(labelled_csv, progress=False, scorer=fixed)
    row = next(r for r in result["rows"] if r["label"] == "offensive" and r["lang"] == "en")
    assert row["threshold"] is not None
    flagged_right = row["precision"] is None or 0 <= row["precision"] <= 1
    assert flagged_right and 0 <= row["recall"] <= 1


def test_it_renders_a_markdown_table(labelled_csv):
    table = evaluate.markdown(evaluate.run(labelled_csv, progress=False))
    assert table.startswith("| label | lang | n |")
    assert "| offensive | ar | 2 | 1 |" in table


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_it_computes_auc_like_scikit_learn(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, 300)
    s = np.round(rng.random(300) + y * 0.3, 2)  # ties included
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s))
    assert pr_auc(y, s) == pytest.approx(average_precision_score(y, s), abs=0.02)


def test_it_measures_the_engines_own_reject_decision_for_offence(labelled_csv):
    result = evaluate.run(labelled_csv, progress=False)
    row = next(r for r in result["rows"] if r["label"] == "offensive" and r["lang"] == "en")
    assert result["scorer"] == "engine" and row["threshold"] == evaluate.POLICY
    assert row["recall"] is not None and 0 <= row["recall"] <= 1
