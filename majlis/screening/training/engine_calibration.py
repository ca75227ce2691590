"""Policy thresholds calibrated on the ENGINE's final scores (``calibration.json``).

The policy compares the engine's scores (lexicons, rules and the model, combined) with the
thresholds, so the thresholds are chosen on those same scores: ``engine_scores`` runs
``screen_many`` with the held-out fit over held-out rows, ``calibrate`` picks the thresholds on
the calibration half (``protocol.is_calibration``), ``measure`` reports what they do on the other
half.

What counts as right. A reject or an approve is a decision about the comment, not about which
category fired: an automatic reject for any abuse category is right when the source labels the
row offensive/toxic (HatEval and ETHOS label one kind of hate only, so they cannot say whether a
reject was right and do not calibrate abuse); a promotion reject is right when the row is spam
(rows of non-spam sources are real comments and tweets, i.e. real non-ads, and count as such).

Prevalence. The public held-out sets are 30-70% offensive; a newsroom's comment stream is mostly
clean, and reject precision falls with prevalence (approve precision rises). Thresholds are chosen
at ``NEWS_PREVALENCE`` (classes reweighted, ``calibrate.prevalence_weights``): at most 10% of
comments abusive and 5% promotion, a deliberately high estimate for pre-moderated news comments, so
approvals are not over-promised. ``measure`` reports both prevalences.

Strong evidence only. Reject thresholds are searched at or above ``REJECT_FLOOR``: nothing short
of a lexicon threat or slur, several lexicon hits, or a very confident model (a lone link scores
0.3, a lone insult 0.75) can reject automatically, whatever the data would allow.

Threat phrases and slurs. Where the data support no reject threshold for ``threat`` or
``identity_abuse`` (few rows reach the top of the score range, and their labels are noisy there),
the threshold falls back to the lexicon's floor for that category (``LEXICON_LEVEL``): an unquoted
threat phrase or slur from the curated lexicons still rejects, a model score alone must reach the
same level. This is a stated policy choice, not a calibrated one: ``measure`` reports how precise
those rejects were on held-out data, and ``method.lexicon_level`` names the categories it applied to.
"""

from __future__ import annotations

import numpy as np

from majlis.screening.categories import ABUSE_CODES
from majlis.screening.scoring import LEXICON_FLOORS
from majlis.screening.training.calibrate import (
    APPROVE_NPV, REJECT_PRECISION, approve_threshold, prevalence_weights, reject_threshold,
)
from majlis.screening.training.protocol import is_calibration

NEWS_PREVALENCE = {"abuse": 0.10, "promotion": 0.05}
REJECT_FLOOR = 0.9
# Sources whose only abuse label is one narrow kind of hate: they cannot tell a right reject.
NARROW_SOURCES = ("hateval2019", "ethos")
LEXICON_LEVEL = {code: LEXICON_FLOORS[code] for code in ("threat", "identity_abuse")}
BATCH = 512


def engine_scores(rows, model, article=None) -> dict[str, np.ndarray]:
    """``{category: scores, "violation": scores}`` of ``screen_many`` with ``model`` over ``rows``."""
    from majlis.screening.engine import screen_many

    verdicts = []
    for start in range(0, len(rows), BATCH):
        chunk = [r.text for r in rows[start : start + BATCH]]
        verdicts += screen_many(chunk, article, model=model)
    if not verdicts:
        return {}
    out = {code: np.array([v.scores[code] for v in verdicts]) for code in verdicts[0].scores}
    out["violation"] = np.array([v.violation for v in verdicts])
    return out


def truth(rows, kind: str) -> tuple[np.ndarray, np.ndarray]:
    """``(row_numbers, y)``: the rows that can say whether a ``kind`` decision was right."""
    if kind == "promotion":
        picked = [(i, r.labels["promotion"]) for i, r in enumerate(rows) if "promotion" in r.labels]
    else:
        picked = [(i, r.labels["offensive"]) for i, r in enumerate(rows)
                  if "offensive" in r.labels and r.source not in NARROW_SOURCES]
    if not picked:
        return np.zeros(0, int), np.zeros(0, int)
    idx, y = map(np.array, zip(*picked))
    return idx.astype(int), y.astype(int)


def _kind(code: str) -> str:
    return "promotion" if code == "promotion" else "abuse"


def calibrate(rows, scores) -> dict:
    """``{"reject": {code: t}, "approve": {code: t}, "method": {...}}`` from the calibration half.

    Abuse categories share one approve threshold, chosen on ``violation`` (an approval needs every
    category low, and ``violation`` is their maximum with the model's general offensive head).
    """
    half = np.array([is_calibration(r) for r in rows], dtype=bool)
    out = {"reject": {}, "approve": {}}
    approve, fallback = {}, []
    for kind in ("abuse", "promotion"):
        idx, y = truth(rows, kind)
        keep = half[idx] if len(idx) else np.zeros(0, bool)
        idx, y = idx[keep], y[keep]
        w = prevalence_weights(y, NEWS_PREVALENCE[kind])
        column = "violation" if kind == "abuse" else "promotion"
        ok = len(y) and 0 < y.sum() < len(y)
        if ok:
            approve[kind] = round(approve_threshold(y, scores[column][idx], w), 4)
        for code in (ABUSE_CODES if kind == "abuse" else ("promotion",)):
            t = reject_threshold(y, scores[code][idx], w, floor=REJECT_FLOOR) if ok else 1.0
            if t > LEXICON_LEVEL.get(code, 1.0):
                t = LEXICON_LEVEL[code]
                fallback.append(code)
            out["reject"][code] = round(t, 4)
    for code in ABUSE_CODES + ("promotion",):
        # Without both classes nothing can be said: the policy's fallback applies.
        if _kind(code) in approve:
            out["approve"][code] = approve[_kind(code)]
    out["method"] = {
        "scores": "engine (screen_many: lexicons, rules and the held-out fit)",
        "right_reject_precision": REJECT_PRECISION, "right_approve_npv": APPROVE_NPV,
        "news_prevalence": NEWS_PREVALENCE, "reject_floor": REJECT_FLOOR,
        "lexicon_level": fallback,
    }
    return out


def measure(rows, scores, thresholds: dict) -> dict:
    """What the thresholds do on the held-out rows NOT used to choose them, per category.

    For each reject threshold: rejects, precision at the data's prevalence and at
    ``NEWS_PREVALENCE``, recall. For the approve rule (every category below its approve threshold,
    as ``Policy.decide``): the share of clean rows approved and the approvals' negative predictive
    value at both prevalences.
    """
    rest = np.array([not is_calibration(r) for r in rows], dtype=bool)
    out = {"reject": {}, "approve": {}}
    for kind in ("abuse", "promotion"):
        idx, y = truth(rows, kind)
        keep = rest[idx] if len(idx) else np.zeros(0, bool)
        idx, y = idx[keep], y[keep]
        if not (len(y) and 0 < y.sum() < len(y)):
            continue
        w = prevalence_weights(y, NEWS_PREVALENCE[kind])
        for code in (ABUSE_CODES if kind == "abuse" else ("promotion",)):
            flagged = scores[code][idx] >= thresholds["reject"][code]
            out["reject"][code] = _rates(y, flagged, w)
        limit = min(thresholds["approve"].values(), default=0.0)
        approved = scores["violation"][idx] < limit
        out["approve"][kind] = _approve_rates(y, approved, w)
    return out


def _rates(y, flagged, w) -> dict:
    n = int(flagged.sum())
    return {
        "rows": int(len(y)), "rejects": n,
        "precision": round(float(y[flagged].mean()), 4) if n else None,
        "precision_news": round(float((y * w)[flagged].sum() / w[flagged].sum()), 4) if n else None,
        "recall": round(float(flagged[y == 1].mean()), 4),
    }


def _approve_rates(y, approved, w) -> dict:
    n = int(approved.sum())
    return {
        "rows": int(len(y)), "approvals": n,
        "clean_approved": round(float(approved[y == 0].mean()), 4),
        "npv": round(float(1 - y[approved].mean()), 4) if n else None,
        "npv_news": round(float(((1 - y) * w)[approved].sum() / w[approved].sum()), 4) if n else None,
    }
