"""Baselines measured on the same rows as Majlis (evaluation time only).

- ``TfidfBaseline``: a plain character n-gram TF-IDF + logistic regression per head, trained on the
  same training rows as the held-out fit (scikit-learn).
- ``profanity_check_scores``: alt-profanity-check (English only), run in its own virtualenv through a
  subprocess that reads and writes JSON lines, because it pins its own scikit-learn.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np

from majlis.screening.features import get_fold
from majlis.screening.training.data import HEADS
from majlis.screening.training.fit import head_targets

APC_PYTHON = Path(os.environ.get("MAJLIS_APC_PYTHON", "/tmp/bench-apc/venv/bin/python"))
_APC_SCRIPT = (
    "import sys, json\n"
    "from profanity_check import predict_prob\n"
    "texts = [json.loads(l)['text'] for l in sys.stdin]\n"
    "for p in predict_prob(texts): print(json.dumps(float(p)))\n"
)


class TfidfBaseline:
    """Char n-gram (2-5, within words) TF-IDF + logistic regression, one model per head."""

    def __init__(self, seed: int = 0, max_features: int = 300_000):
        self.seed = seed
        self.max_features = max_features
        self.models = {}

    def fit(self, rows) -> "TfidfBaseline":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        fold = get_fold()
        self.vectorizer = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
            max_features=self.max_features, dtype=np.float32,
        )
        X = self.vectorizer.fit_transform([fold(r.text) for r in rows])
        for head in HEADS:
            idx, y, w = head_targets(rows, head)
            if len(y) and 0 < y.sum() < len(y):
                model = LogisticRegression(C=4.0, solver="liblinear", random_state=self.seed)
                self.models[head] = model.fit(X[idx], y, sample_weight=w)
        return self

    def predict(self, texts: list[str], languages: list[str]) -> dict[str, np.ndarray]:
        fold = get_fold()
        X = self.vectorizer.transform([fold(t) for t in texts])
        out = {h: np.full(len(texts), 0.5) for h in HEADS}
        for head, model in self.models.items():
            out[head] = model.predict_proba(X)[:, 1]
        return out


def profanity_check_available() -> bool:
    return APC_PYTHON.exists()


def profanity_check_scores(texts: list[str]) -> np.ndarray:
    """alt-profanity-check probabilities for ``texts`` (raises if its venv is missing)."""
    if not profanity_check_available():
        raise FileNotFoundError(f"alt-profanity-check venv not found at {APC_PYTHON}")
    payload = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    done = subprocess.run(
        [str(APC_PYTHON), "-c", _APC_SCRIPT], input=payload, capture_output=True, text=True,
        check=True, env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    return np.array([float(x) for x in done.stdout.split()])
