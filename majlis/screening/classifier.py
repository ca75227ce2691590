"""Trained per-category classifiers, applied with numpy only (no scikit-learn at run time).

A model is files in one directory: ``classifier.npz`` (plain arrays: ``weights`` of shape
(buckets, heads), ``bias`` of shape (heads,), optional ``idf`` of shape (buckets,)),
``classifier-crossed.npz`` when the feature space has language-crossed columns (``weights`` of
shape (cross_buckets, heads): kept apart so that no file is over 5 MB) and ``classifier.json``
(version, head names, aliases, feature configuration, training summary). All are written by
``majlis train``; nothing is pickled, so upgrading scikit-learn or numpy cannot break loading.

Usage::

    clf = Classifier.load()                       # the shipped model, cached
    scores = clf.predict([fold(text)], ["ar"])    # {"offensive": array([...]), "threat": ...}
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from majlis.screening.features import FeatureConfig, hash_features

MODELS_DIR = Path(__file__).resolve().parent / "models"
WEIGHTS_FILE = "classifier.npz"
CROSSED_FILE = "classifier-crossed.npz"
META_FILE = "classifier.json"

_CACHE: dict[Path, "Classifier"] = {}


class Classifier:
    """Logistic-regression heads over hashed n-gram features.

    ``categories`` lists every code ``predict`` returns: the trained heads (``offensive``,
    ``personal_attack``, ``profanity``, ``threat``, ``identity_abuse``, ``promotion``) plus aliases
    that read another head (``vulgarity`` reads ``profanity``: there is no vulgarity data).
    """

    def __init__(self, weights: np.ndarray, bias: np.ndarray, meta: dict, idf=None):
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.idf = None if idf is None else np.asarray(idf, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.meta = meta
        self.version: str = meta["version"]
        self.heads: tuple[str, ...] = tuple(meta["heads"])
        self.aliases: dict[str, str] = dict(meta.get("aliases", {}))
        self.config = FeatureConfig.from_dict(meta["features"])
        self.categories = self.heads + tuple(self.aliases)
        if self.weights.shape != (self.config.width, len(self.heads)):
            raise ValueError(f"weights shape {self.weights.shape} does not match the metadata")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Classifier":
        """Load (once per process and directory) the model in ``path`` (default: shipped models)."""
        directory = Path(path) if path is not None else MODELS_DIR
        directory = directory.resolve()
        if directory not in _CACHE:
            meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
            with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as arrays:
                idf = arrays["idf"] if "idf" in arrays.files else None
                weights, bias = arrays["weights"], arrays["bias"]
            if FeatureConfig.from_dict(meta["features"]).crossed_languages:
                with np.load(directory / CROSSED_FILE, allow_pickle=False) as arrays:
                    weights = np.concatenate([weights, arrays["weights"]])
            _CACHE[directory] = cls(weights, bias, meta, idf)
        return _CACHE[directory]

    def logits(self, folded_texts: list[str], languages: list[str]) -> np.ndarray:
        """Raw scores, shape (len(texts), heads)."""
        if not folded_texts:
            return np.zeros((0, len(self.heads)), dtype=np.float32)
        indptr, indices, values = hash_features(
            list(folded_texts), list(languages), self.config, self.idf
        )
        contributions = self.weights[indices] * values[:, None].astype(np.float32)
        # Every row has at least its language-bias feature, so no reduceat segment is empty.
        return np.add.reduceat(contributions, indptr[:-1], axis=0) + self.bias

    def predict(self, folded_texts: list[str], languages: list[str]) -> dict[str, np.ndarray]:
        """Probability per category code for each (already folded) text.

        ``languages[i]`` is one of en, ar, ckb, kmr, tr, fa, other. Returns ``{code: array of
        float64 in [0, 1]}`` with one entry per text, for every code in ``self.categories``.
        """
        probs = 1.0 / (1.0 + np.exp(-self.logits(folded_texts, languages).astype(np.float64)))
        out = {head: probs[:, i] for i, head in enumerate(self.heads)}
        for alias, head in self.aliases.items():
            out[alias] = out[head]
        return out


def save_model(directory: Path, weights: np.ndarray, bias: np.ndarray, meta: dict,
               idf: np.ndarray | None = None) -> None:
    """Write the model files (module docstring) into ``directory`` (training side)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    buckets = FeatureConfig.from_dict(meta["features"]).buckets
    # Weights are stored as float16 (half the file; within 0.01 of float32 for weights up to about
    # 25, far below the noise of training) and read back as float32.
    half = weights.astype(np.float16)
    arrays = {"weights": half[:buckets], "bias": bias.astype(np.float32)}
    if idf is not None:
        arrays["idf"] = idf.astype(np.float32)
    np.savez_compressed(directory / WEIGHTS_FILE, **arrays)
    crossed = directory / CROSSED_FILE
    if len(half) > buckets:
        np.savez_compressed(crossed, weights=half[buckets:])
    elif crossed.exists():
        crossed.unlink()
    (directory / META_FILE).write_text(
        json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )
    _CACHE.pop(directory.resolve(), None)
