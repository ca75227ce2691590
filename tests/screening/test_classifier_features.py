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


CROSSED = FeatureConfig(buckets=1 << 12, crossed_languages=("ar", "fa"), cross_buckets=1 << 10,
                        cross_as=(("ckb", "fa"),))


@pytest.mark.parametrize("config", [BIG, FeatureConfig(), FeatureConfig(char_weight=0.5, word_weight=2.0), CROSSED])
def test_one_text_through_the_token_cache_gives_the_batch_arrays_exactly(config):
    """A single comment (screening on submission) goes through per-token cached n-grams; the
    arrays must be the very ones the batch computation gives that text inside a batch."""
    texts = ["the council should publish the budget", "  spaced   out\ttext \n here ", "a", "ab ab ab",
             "سلام دوست من، خیلی ممنون", "دەستخۆش بۆ ئەم ڕاپۆرتە", "çok güzel bir haber", "x" * 300]
    idf = np.random.default_rng(0).uniform(0.5, 3.0, config.buckets).astype(np.float32) \
        if config.buckets <= 1 << 18 else None
    languages = ["en", "fa", "ar", "tr", "fa", "ckb", "tr", "ar"]
    batch = hash_features(["filler"] + texts, ["en"] + languages, config, idf)
    for i, (text, language) in enumerate(zip(texts, languages), start=1):
        indptr, indices, values = hash_features([text], [language], config, idf)
        a, b = batch[0][i], batch[0][i + 1]
        assert indptr.tolist() == [0, b - a]
        assert indices.tolist() == batch[1][a:b].tolist()
        assert values.tolist() == batch[2][a:b].tolist()


def test_a_crossed_language_gets_a_copy_of_each_ngram_in_the_crossed_table():
    text = "سلام دوست من"
    _, shared, shared_values = hash_features([text], ["tr"], CROSSED)  # tr is not crossed
    _, both, both_values = hash_features([text], ["fa"], CROSSED)
    n = len(shared) - 1  # n-gram features before the language bias
    assert both[:n].tolist() == shared[:n].tolist()
    assert both_values[:n].tolist() == shared_values[:n].tolist()
    copies = both[n:2 * n]
    assert len(both) == 2 * n + 1
    assert copies.min() >= CROSSED.buckets and copies.max() < CROSSED.width
    assert both_values[n:2 * n].tolist() == shared_values[:n].tolist()


def test_two_crossed_languages_use_different_crossed_buckets():
    text = "a word both languages could write"
    _, fa, _ = hash_features([text], ["fa"], CROSSED)
    _, ar, _ = hash_features([text], ["ar"], CROSSED)
    n = (len(fa) - 1) // 2
    assert len(set(fa[n:2 * n].tolist()) & set(ar[n:2 * n].tolist())) < n // 4


def test_the_crossing_round_trips_through_the_model_metadata():
    assert FeatureConfig.from_dict(CROSSED.to_dict()) == CROSSED
    assert CROSSED.width == (1 << 12) + (1 << 10) and FeatureConfig(buckets=8).width == 8
    assert FeatureConfig.from_dict({"buckets": 8}).crossed_languages == ()


def test_a_language_without_weights_of_its_own_can_read_another_languages_crossed_copies():
    text = "ئەمە نووسینێکی کوردییە"
    _, ckb, _ = hash_features([text], ["ckb"], CROSSED)
    _, fa, _ = hash_features([text], ["fa"], CROSSED)
    _, kmr, _ = hash_features([text], ["kmr"], CROSSED)
    assert ckb[:-1].tolist() == fa[:-1].tolist()  # all but the language bias
    assert ckb[-1] != fa[-1]
    assert len(kmr) == (len(fa) - 1) // 2 + 1  # kmr reads no crossed copies
