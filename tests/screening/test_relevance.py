"""Relevance: off_topic flags unrelated longer comments for a human, never short or generic ones."""

import pytest

from majlis.screening.normalize import fold
from majlis.screening.relevance import MAX_SCORE, off_topic

ARTICLE = {
    "title": "Parliament passes the 2025 budget after a long debate",
    "body": "The parliament approved the budget on Tuesday. The finance minister said spending on "
            "schools and hospitals will rise, while opposition parties criticised the deficit.",
    "language": "en",
}
UNRELATED = ("My cat likes to sleep on the sofa all day and my dog plays football in the garden with "
             "the neighbours and their children every weekend, while grandmother bakes cakes")


def score(text, language="en", article=ARTICLE):
    return off_topic(fold(text), language, article)


@pytest.mark.parametrize(
    "text",
    [
        "Good.",
        "Well said!",
        "Thank you for this clear report, I hope they agree on something soon.",
        "The deficit will hurt schools and hospitals, and the opposition is right to criticise the budgets.",
        "The minister's spending plans for hospitals are a disgrace and parliament should reject them.",
    ],
)
def test_it_keeps_short_generic_and_related_comments_on_topic(text):
    assert score(text) < 0.2


def test_it_flags_an_unrelated_comment():
    assert 0.5 <= score(UNRELATED) <= MAX_SCORE


def test_it_cannot_judge_without_an_article_or_across_languages():
    assert score(UNRELATED, article=None) == 0.0
    assert score(UNRELATED, article={"title": "", "body": ""}) == 0.0
    assert score("قطتي تحب النوم على الأريكة طوال اليوم وكلبي يلعب الكرة في الحديقة مع الجيران كل أسبوع",
                 language="ar") == 0.0


def test_it_matches_suffixed_forms_by_stem():
    article = {"title": "Seçimler ertelendi", "body": "Hükümet seçimlerin ertelendiğini açıkladı ve muhalefet tepki gösterdi."}
    text = "Seçimlerin ertelenmesi demokrasiye aykırı, hükümetin açıklaması muhalefetin tepkisini haklı çıkarıyor bence"
    assert off_topic(fold(text), "tr", article) < 0.2
