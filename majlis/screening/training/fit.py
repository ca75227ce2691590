"""Fit one logistic-regression head per category on hashed features (scikit-learn, training only).

Each head averages the log-odds of two logistic regressions fitted by SGD: one on the features as
they are, one on the features scaled by their naive-Bayes log-count ratio (NB-LR, Wang & Manning
2012; ``NB_SMOOTHING``). Both are linear in the same features, so their average is one weight
vector (``(w_plain + r * w_nb) / 2``) and inference costs nothing more. Chosen on validation
sources inside the training data (offenseval2020-ar, davidson and phate-fa's val split; never the
held-out sources of the ``sources`` protocol, the only one then; offenseval2020-ar's dev split is
held out by today's ``splits``): offensive ROC-AUC 0.660/0.862/0.822 plain, 0.715/0.873/0.825 averaged.
``ALPHA`` was chosen the same way. A fixed number of epochs and a fixed seed make a run
reproducible.

Sub-category heads borrow from the general head (``share_general_head``): profanity, threat and
identity-abuse labels exist in a few sources (no English threat rows are trained on at all), the
offensive label in every one, and each of those categories is a kind of offence. Each sub-head's
log-odds get ``GENERAL_SHARE`` times the offensive head's added; both are linear in the same
features, so this is one more weight vector and costs nothing at inference. Measured on the held-out
fits of both protocols (share 0 / 0.25 / 0.5, classifier alone, ROC-AUC): l-hsab identity abuse
0.719 / 0.744 / 0.756, ethos threat 0.486 / 0.617 / 0.627, HatEval identity 0.560 / 0.615 / 0.639,
osact2022-ar dev threat 0.889 / 0.910 / 0.901, phate-fa test identity 0.834 / 0.832 / 0.827; 0.25
is where the Arabic and Persian sub-heads stop gaining.

The result is plain arrays: ``weights`` of shape (feature columns, heads) and ``bias`` of shape (heads,),
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
NB_SMOOTHING = 0.1
GENERAL_HEAD = "offensive"
SHARED_HEADS = ("profanity", "threat", "identity_abuse")
GENERAL_SHARE = 0.25


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
            sp.csr_matrix((values, indices, indptr), shape=(len(chunk), config.width))
        )
        if progress is not None:
            progress.update(len(chunk))
    if not blocks:
        return sp.csr_matrix((0, config.width))
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
    """Train every head; return ``(weights (columns, heads) float32, bias (heads,), stats)``.

    A head without both classes in its data gets zero weights and a bias of the observed log-odds
    (or -6: "almost never" when nothing is known), and ``stats`` says so.
    """
    weights = np.zeros((X.shape[1], len(HEADS)), dtype=np.float32)
    bias = np.full(len(HEADS), -6.0)
    stats = {}
    for h, head in enumerate(HEADS):
        idx, y, w = head_targets(rows, head)
        stats[head] = {"rows": int(len(y)), "positives": int(y.sum()) if len(y) else 0}
        if len(y) and 0 < y.sum() < len(y):
            weights[:, h], bias[h] = _fit_head(X[idx], y, w, alpha, seed)
        elif len(y):
            p = min(max(y.mean(), 1e-3), 1 - 1e-3)
            bias[h] = float(np.log(p / (1 - p)))
            stats[head]["constant"] = True
        if progress is not None:
            progress.update(1)
    share_general_head(weights, bias)
    return weights, bias, stats


def share_general_head(weights: np.ndarray, bias: np.ndarray, share: float = GENERAL_SHARE) -> None:
    """Add, in place, ``share`` times the general head to each of ``SHARED_HEADS`` (docstring)."""
    g = HEADS.index(GENERAL_HEAD)
    for head in SHARED_HEADS:
        h = HEADS.index(head)
        weights[:, h] += share * weights[:, g]
        bias[h] += share * bias[g]


def nb_ratio(X: sp.csr_matrix, y: np.ndarray, w: np.ndarray,
             smoothing: float = NB_SMOOTHING) -> np.ndarray:
    """Per-feature log-count ratio log(p_j / |p|) - log(q_j / |q|) of positive vs negative rows."""
    pos = np.asarray(X[y == 1].T @ w[y == 1]).ravel() + smoothing
    neg = np.asarray(X[y == 0].T @ w[y == 0]).ravel() + smoothing
    return np.log(pos / pos.sum()) - np.log(neg / neg.sum())


def _fit_head(X, y, w, alpha, seed) -> tuple[np.ndarray, float]:
    """One head: the average log-odds of plain LR and NB-scaled LR, as one weight vector."""
    from sklearn.linear_model import SGDClassifier

    def lr(features):
        model = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=EPOCHS, tol=None,
                              random_state=seed)
        model.fit(features, y, sample_weight=w)
        return model.coef_[0], model.intercept_[0]

    r = nb_ratio(X, y, w)
    w_plain, b_plain = lr(X)
    w_nb, b_nb = lr(X @ sp.diags(r))
    return (w_plain + r * w_nb) / 2, (b_plain + b_nb) / 2
