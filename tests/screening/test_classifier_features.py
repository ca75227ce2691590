"""Hashed features: deterministic, char_wb-like, one CSR row per text."""

import numpy as np
import pytest

from majlis.screening.features import FeatureConfig, hash_features

BIG = FeatureConfig(buckets=1 << 30)


def test_it_counts_char_wb_ngrams_words_bigrams_and_the_language_bias():
    indptr, indices, values = hash_features(["ab cd"], ["en"], BIG)
    # chars: 6 bigrams, 4 trigrams, 2 four-grams (" ab ", " cd "); words: 2 + 1 bigram; 1 bias
    assert indptr.tolist() == [0, 16]
    assert values[-1] == 1.0
    assert np.linalg.norm(values[:-1]) == pytest.approx(1.0)


def test_it_is_deterministic_across_calls_and_batches():
    one = hash_features(["سلام دوست من"], ["fa"], BIG)
    two = hash_features(["x", "سلام دوست من"], ["en", "fa"], BIG)
    assert one[1].tolist() == two[1][two[0][1]:].tolist()
    assert np.allclose(one[2], two[2][two[0][1]:])


def test_it_never_mixes_ngrams_across_texts():
    _, joined, _ = hash_features(["ab", "cd"], ["en", "en"], BIG)
    _, first, _ = hash_features(["ab"], ["en"], BIG)
    _, second, _ = hash_features(["cd"], ["en"], BIG)
    assert sorted(joined.tolist()) == sorted(first.tolist() + second.tolist())


def test_it_gives_an_empty_text_only_its_language_bias():
    indptr, indices, values = hash_features(["", "   "], ["ar", "ar"], BIG)
    assert indptr.tolist() == [0, 1, 2]
    assert values.tolist() == [1.0, 1.0]


def test_it_keeps_indices_inside_the_bucket_range():
    cfg = FeatureConfig(buckets=1 << 10)
    _, indices, _ = hash_features(["a long comment with many words, indeed"], ["en"], cfg)
    assert indices.min() >= 0 and indices.max() < 1 << 10


def test_it_rejects_mismatched_languages():
    with pytest.raises(ValueError):
        hash_features(["a", "b"], ["en"], BIG)


@pytest.mark.parametrize("config", [BIG, FeatureConfig(), FeatureConfig(char_weight=0.5, word_weight=2.0)])
def test_one_text_through_the_token_cache_gives_the_batch_arrays_exactly(config):
    """A single comment (screening on submission) goes through per-token cached n-grams; the
    arrays must be the very ones the batch computation gives that text inside a batch."""
    texts = ["the council should publish the budget", "  spaced   out\ttext \n here ", "a", "ab ab ab",
             "سلام دوست من، خیلی ممنون", "دەستخۆش بۆ ئەم ڕاپۆرتە", "çok güzel bir haber", "x" * 300]
    idf = np.random.default_rng(0).uniform(0.5, 3.0, config.buckets).astype(np.float32) \
        if config.buckets <= 1 << 18 else None
    batch = hash_features(["filler"] + texts, ["en"] + ["en"] * len(texts), config, idf)
    for i, text in enumerate(texts, start=1):
        indptr, indices, values = hash_features([text], ["en"], config, idf)
        a, b = batch[0][i], batch[0][i + 1]
        assert indptr.tolist() == [0, b - a]
        assert indices.tolist() == batch[1][a:b].tolist()
        assert values.tolist() == batch[2][a:b].tolist()
