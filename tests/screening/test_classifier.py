"""The shipped classifier: loads from the package's model files and scores clear cases sensibly."""

import re

import numpy as np
import pytest

from majlis.screening.classifier import Classifier
from majlis.screening.normalize import fold

CATEGORIES = ("offensive", "profanity", "vulgarity", "threat", "personal_attack",
              "identity_abuse", "promotion")


@pytest.fixture(scope="module")
def clf():
    return Classifier.load()


def scores(clf, text, lang):
    return {k: float(v[0]) for k, v in clf.predict([fold(text)], [lang]).items()}


def test_it_loads_the_shipped_model_once(clf):
    assert Classifier.load() is clf
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}", clf.version)


def test_it_returns_every_category_as_probabilities(clf):
    out = clf.predict([fold("hello there"), fold("مرحبا")], ["en", "ar"])
    assert set(CATEGORIES) <= set(out)
    for values in out.values():
        assert values.shape == (2,)
        assert np.all((values >= 0) & (values <= 1))


def test_it_reads_vulgarity_from_the_profanity_head(clf):
    out = clf.predict([fold("what a day")], ["en"])
    assert out["vulgarity"][0] == out["profanity"][0]


def test_it_handles_an_empty_batch_and_empty_text(clf):
    assert clf.predict([], [])["offensive"].shape == (0,)
    assert 0 <= clf.predict([""], ["other"])["offensive"][0] <= 1


@pytest.mark.parametrize(
    "lang, abusive, clean",
    [
        ("en", "you are a stupid fucking idiot", "thank you for this careful report on the budget"),
        ("ar", "انت حمار وغبي يا كلب", "شكرا على هذا التقرير المفيد عن الميزانية"),
        ("tr", "siktir git aptal orospu çocuğu", "bu haber için teşekkürler, çok bilgilendirici"),
        ("fa", "خفه شو احمق بیشعور کثافت", "ممنون از این گزارش دقیق درباره بودجه"),
    ],
)
def test_it_scores_clear_abuse_above_a_clean_comment(clf, lang, abusive, clean):
    bad, good = scores(clf, abusive, lang), scores(clf, clean, lang)
    assert bad["offensive"] > 0.5 > good["offensive"]
    assert bad["personal_attack"] > good["personal_attack"]


def test_it_scores_channel_promotion_as_promotion(clf):
    spam = scores(clf, "check out my channel and subscribe!! free money www.example.com", "en")
    clean = scores(clf, "I disagree with the minister's plan for the schools", "en")
    assert spam["promotion"] > 0.5 > clean["promotion"]


def test_it_gives_the_same_scores_alone_and_in_a_batch(clf):
    texts = [fold("you idiot"), fold("nice article"), fold("گزارش خوبی بود")]
    batch = clf.predict(texts, ["en", "en", "fa"])
    for i, text in enumerate(texts):
        alone = clf.predict([text], [["en", "en", "fa"][i]])
        assert alone["offensive"][0] == pytest.approx(batch["offensive"][i], abs=1e-6)
