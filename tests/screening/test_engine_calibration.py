"""Thresholds calibrated on the engine's scores: what counts as right, prevalence, the floors."""

import numpy as np
import pytest

from majlis.screening.training import engine_calibration as ec
from majlis.screening.training.calibrate import prevalence_weights, reject_threshold
from majlis.screening.training.data import Row
from majlis.screening.training.protocol import is_calibration


def rows_and_scores(n=4000, seed=0):
    """Synthetic held-out rows (40% offensive) and engine-like scores that separate them well."""
    rng = np.random.default_rng(seed)
    rows, y = [], rng.random(n) < 0.4
    for i in range(n):
        labels = {"offensive": int(y[i]), "promotion": 0}
        rows.append(Row(f"comment {i}", "en", "olid", "", labels))
    s = np.clip(np.where(y, rng.beta(8, 1.2, n), rng.beta(1, 12, n)), 0, 0.9999)
    scores = {c: s.copy() for c in ec.ABUSE_CODES}
    scores["violation"] = s.copy()
    scores["promotion"] = np.zeros(n)
    return rows, scores, y.astype(int)


def test_it_weights_classes_to_the_stated_prevalence():
    y = np.array([1] * 40 + [0] * 60)
    w = prevalence_weights(y, 0.1)
    assert w[y == 1].sum() / w.sum() == pytest.approx(0.1)
    assert (prevalence_weights(y, None) == 1).all()


def test_it_needs_more_evidence_to_reject_at_a_lower_prevalence():
    rows, scores, y = rows_and_scores()
    s = scores["violation"]
    at_data = reject_threshold(y, s)
    at_news = reject_threshold(y, s, prevalence_weights(y, 0.1))
    assert at_news > at_data


def test_it_never_rejects_below_the_floor_and_meets_the_target_on_the_other_half():
    rows, scores, y = rows_and_scores()
    cal = ec.calibrate(rows, scores)
    assert all(t >= ec.REJECT_FLOOR for t in cal["reject"].values())
    measured = ec.measure(rows, scores, cal)
    assert measured["reject"]["personal_attack"]["precision_news"] >= 0.95
    assert measured["approve"]["abuse"]["npv_news"] >= 0.98
    assert measured["approve"]["abuse"]["clean_approved"] > 0.2


def test_it_falls_back_to_the_lexicon_level_for_threats_and_slurs_only():
    rows, scores, y = rows_and_scores()
    rng = np.random.default_rng(1)
    noise = rng.random(len(y))  # a score with no relation to the labels: never calibrates
    for code in ("threat", "identity_abuse", "vulgarity"):
        scores[code] = noise
    cal = ec.calibrate(rows, scores)
    assert cal["reject"]["threat"] == ec.LEXICON_LEVEL["threat"] == 0.95
    assert cal["reject"]["identity_abuse"] == 0.95
    assert cal["reject"]["vulgarity"] == 1.0
    assert set(cal["method"]["lexicon_level"]) == {"threat", "identity_abuse"}


def test_it_does_not_let_narrow_hate_sources_judge_an_abuse_reject():
    rows = [Row("a", "en", "hateval2019", "", {"identity_abuse": 0, "offensive": 0}),
            Row("b", "en", "olid", "", {"offensive": 1})]
    idx, y = ec.truth(rows, "abuse")
    assert idx.tolist() == [1] and y.tolist() == [1]


def test_it_calibrates_on_one_half_and_measures_on_the_other():
    rows, scores, y = rows_and_scores(n=400)
    half = [is_calibration(r) for r in rows]
    assert 0.4 < np.mean(half) < 0.6
    measured = ec.measure(rows, scores, ec.calibrate(rows, scores))
    assert measured["approve"]["abuse"]["rows"] == len(rows) - sum(half)
