"""Fit one logistic-regression head per category on hashed features (scikit-learn, training only).

Logistic regression by SGD (``ALPHA`` chosen on validation sources inside the training data:
offenseval2020-ar, davidson and phate-fa's val split; never on the held-out sources), a fixed
number of epochs and a fixed seed, so a run is reproducible and takes seconds per head.

The result is plain arrays: ``weights`` of shape (buckets, heads) and ``bias`` of shape (heads,),
which ``Classifier`` applies with a numpy gather-sum. No estimator object is ever stored.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from majlis.screening.features import FeatureConfig, get_fold, hash_features
from majlis.screening.training.data import HEADS

BATCH = 4096
ALPHA = 2e-6
EPOCHS = 15


def featurize(rows, config: FeatureConfig, progress=None, idf=None) -> sp.csr_matrix:
    """Folded, hashed feature matrix for ``rows`` (one CSR row per ``Row``)."""
    fold = get_fold()
    folded = [fold(r.text) for r in rows]
    blocks = []
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        indptr, indices, values = hash_features(
            folded[start : start + BATCH], [r.lang for r in chunk], config, idf
        )
        blocks.append(
            sp.csr_matrix((values, indices, indptr), shape=(len(chunk), config.buckets))
        )
        if progress is not None:
            progress.update(len(chunk))
    if not blocks:
        return sp.csr_matrix((0, config.buckets))
    return sp.vstack(blocks, format="csr")


def inverse_document_frequency(X: sp.csr_matrix) -> np.ndarray:
    """Smoothed IDF per bucket (scikit-learn's formula) from a feature matrix's rows."""
    df = np.bincount(X.indices, minlength=X.shape[1])
    return np.log((1 + X.shape[0]) / (1 + df)) + 1.0


def head_targets(rows, head: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(row_numbers, y, sample_weight)`` of the rows that carry a label for ``head``."""
    picked = [(i, r.labels[head], r.weight * r.head_weights.get(head, 1.0))
              for i, r in enumerate(rows) if head in r.labels]
    if not picked:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    idx, y, w = map(np.array, zip(*picked))
    return idx, y.astype(int), w.astype(float)


def fit_heads(X: sp.csr_matrix, rows, *, alpha: float = ALPHA, seed: int = 0, progress=None):
    """Train every head; return ``(weights (buckets, heads) float32, bias (heads,), stats)``.

    A head without both classes in its data gets zero weights and a bias of the observed log-odds
    (or -6: "almost never" when nothing is known), and ``stats`` says so.
    """
    from sklearn.linear_model import SGDClassifier

    weights = np.zeros((X.shape[1], len(HEADS)), dtype=np.float32)
    bias = np.full(len(HEADS), -6.0)
    stats = {}
    for h, head in enumerate(HEADS):
        idx, y, w = head_targets(rows, head)
        stats[head] = {"rows": int(len(y)), "positives": int(y.sum()) if len(y) else 0}
        if len(y) and 0 < y.sum() < len(y):
            model = SGDClassifier(
                loss="log_loss", alpha=alpha, max_iter=EPOCHS, tol=None, random_state=seed
            )
            model.fit(X[idx], y, sample_weight=w)
            weights[:, h] = model.coef_[0]
            bias[h] = model.intercept_[0]
        elif len(y):
            p = min(max(y.mean(), 1e-3), 1 - 1e-3)
            bias[h] = float(np.log(p / (1 - p)))
            stats[head]["constant"] = True
        if progress is not None:
            progress.update(1)
    return weights, bias, stats
