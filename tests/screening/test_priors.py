"""Languages without training rows get the mean language bias of those with rows."""

import numpy as np

from majlis.screening.features import FeatureConfig, hash_features, language_bucket
from majlis.screening.training.data import Row
from majlis.screening.training.priors import fill_language_priors

CONFIG = FeatureConfig(buckets=1 << 12)


def test_missing_languages_take_the_mean_bias_of_the_trained_ones():
    weights = np.zeros((CONFIG.buckets, 2), dtype=np.float32)
    weights[language_bucket("en", CONFIG)] = [-1.0, -4.0]
    weights[language_bucket("ar", CONFIG)] = [-3.0, -2.0]
    rows = [Row("hello", "en", "s", ""), Row("مرحبا", "ar", "s", "")]
    filled = fill_language_priors(weights, CONFIG, rows)
    assert set(filled) == {"ckb", "kmr", "tr", "fa"}
    assert weights[language_bucket("ckb", CONFIG)].tolist() == [-2.0, -3.0]
    assert weights[language_bucket("en", CONFIG)].tolist() == [-1.0, -4.0]


def test_a_language_with_rows_keeps_its_own_weights():
    weights = np.ones((CONFIG.buckets, 1), dtype=np.float32)
    rows = [Row(t, lang, "s", "") for t, lang in (("a", "en"), ("b", "ar"), ("c", "ckb"), ("d", "kmr"),
                                                  ("e", "tr"), ("f", "fa"))]
    assert fill_language_priors(weights, CONFIG, rows) == []
    assert np.all(weights == 1.0)


def test_the_bucket_is_the_one_the_features_use():
    _, indices, values = hash_features(["x"], ["kmr"], CONFIG)
    assert indices[-1] == language_bucket("kmr", CONFIG) and values[-1] == 1.0
