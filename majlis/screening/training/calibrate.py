"""Per-category policy thresholds calibrated on held-out rows, and held-out metrics.

``reject[c]``: the lowest score from which an automatic reject for ``c`` was right at least
``REJECT_PRECISION`` of the time (precision of ``score >= t``), over at least ``MIN_SUPPORT``
rejected rows. ``approve[c]``: the highest score under which an automatic approve was right at
least ``APPROVE_NPV`` of the time (share of true negatives among ``score < t``). A threshold of 1.0
for reject (0.0 for approve) means the held-out data supports no automatic decision for ``c``.
Both may be measured at another prevalence than the data's (``prevalence_weights``); which scores
and labels they are applied to is ``engine_calibration``'s business.
"""

from __future__ import annotations

import numpy as np

REJECT_PRECISION = 0.98
APPROVE_NPV = 0.99
MIN_SUPPORT = 20


def prevalence_weights(y: np.ndarray, prevalence: float | None) -> np.ndarray:
    """Row weights that make positives ``prevalence`` of the total weight (all 1 when None).

    Precision of a reject and of an approve depends on how common violations are: reweighting the
    classes measures them as if the rows came from a stream with that prevalence (the score
    distribution within each class is kept).
    """
    y = np.asarray(y)
    if prevalence is None or not 0 < y.mean() < 1:
        return np.ones(len(y))
    p = y.mean()
    return np.where(y == 1, prevalence / p, (1 - prevalence) / (1 - p))


def reject_threshold(y: np.ndarray, scores: np.ndarray, weights=None, *, floor: float = 0.0,
                     precision: float = REJECT_PRECISION) -> float:
    """Lowest threshold >= ``floor`` whose (weighted) precision is >= ``precision`` (or 1.0).

    At least ``MIN_SUPPORT`` rows must be rejected at the threshold.
    """
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum((y * w)[order])
    k = np.arange(1, len(y) + 1)
    ok = (hits / np.cumsum(w[order]) >= precision) & (k >= MIN_SUPPORT)
    # Only cut between distinct scores, so every row at the threshold is counted.
    distinct = np.append(scores[order][:-1] != scores[order][1:], True)
    ok &= distinct & (scores[order] >= floor)
    if not ok.any():
        return 1.0
    return float(scores[order][np.flatnonzero(ok).max()])


def approve_threshold(y: np.ndarray, scores: np.ndarray, weights=None, *,
                      npv: float = APPROVE_NPV) -> float:
    """Highest threshold whose (weighted) negative predictive value is >= ``npv`` (or 0.0)."""
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(scores, kind="stable")
    negatives = np.cumsum(((1 - y) * w)[order])
    k = np.arange(1, len(y) + 1)
    ok = (negatives / np.cumsum(w[order]) >= npv) & (k >= MIN_SUPPORT)
    s = scores[order]
    distinct = np.append(s[:-1] != s[1:], True)
    ok &= distinct
    if not ok.any():
        return 0.0
    last = np.flatnonzero(ok).max()
    # Approve strictly below the next score up (all rows up to ``last`` are approved).
    return float(s[last + 1]) if last + 1 < len(s) else float(np.nextafter(s[last], 2.0))


def roc_auc(y: np.ndarray, scores: np.ndarray) -> float | None:
    """ROC-AUC (ties counted half), or None when only one class is present."""
    y = np.asarray(y)
    pos, n = int(y.sum()), len(y)
    if pos == 0 or pos == n:
        return None
    ranks = _average_ranks(scores)
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * (n - pos)))


def pr_auc(y: np.ndarray, scores: np.ndarray) -> float | None:
    """Average precision (area under the precision-recall curve, step-wise)."""
    y = np.asarray(y)
    pos = int(y.sum())
    if pos == 0 or pos == len(y):
        return None
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    return float((precision * y[order]).sum() / pos)


def _average_ranks(x: np.ndarray) -> np.ndarray:
    from scipy.stats import rankdata

    return rankdata(x, method="average")
