"""Promotion cues: contact details in every digit system, links, prices, calls to action, floods."""

import pytest

from majlis.screening import screen
from majlis.screening.promotion import combine, find_cues, flood_count


def sources(text):
    return {c.source: c.text for c in find_cues(text)}


@pytest.mark.parametrize(
    "text, source, found",
    [
        ("call 0750 123 4567", "promotion:phone", "0750 123 4567"),
        ("call +964 750 123 4567", "promotion:phone", "+964 750 123 4567"),
        ("اتصل ٠٧٥٠١٢٣٤٥٦٧", "promotion:phone", "٠٧٥٠١٢٣٤٥٦٧"),
        ("تماس ۰۹۱۲ ۱۲۳ ۴۵۶۷", "promotion:phone", "۰۹۱۲ ۱۲۳ ۴۵۶۷"),
        ("see www.shop.example now", "promotion:link", "www.shop.example"),
        ("see best-deals.example.", "promotion:link", "best-deals.example"),
        ("https://example.com/a?b=1, yes", "promotion:link", "https://example.com/a?b=1"),
        ("short bit.ly/3xYz", "promotion:link", "bit.ly/3xYz"),
        ("join t.me/cheapdeals", "promotion:messaging", "t.me/cheapdeals"),
        ("write to sales@shop.example", "promotion:email", "sales@shop.example"),
        ("follow @best_deals", "promotion:handle", "@best_deals"),
        ("on WhatsApp", "promotion:messaging", "WhatsApp"),
        ("واتساب فقط", "promotion:messaging", "واتساب"),
        ("در تلگرام", "promotion:messaging", "تلگرام"),
        ("only $49.99", "promotion:price", "$49.99"),
        ("199 TL", "promotion:price", "199 TL"),
        ("%50 indirim", "promotion:price", "%50 indirim"),
        ("50% off", "promotion:price", "50% off"),
        ("۵۰۰ تومان", "promotion:price", "۵۰۰ تومان"),
        ("٢٥٠ دينار", "promotion:price", "٢٥٠ دينار"),
        ("٥٠ جنيه بس", "promotion:price", "٥٠ جنيه"),
        ("راسلنا على تيليغرام", "promotion:messaging", "تيليغرام"),
        ("كروب التلكرام", "promotion:messaging", "تلكرام"),
        ("كل الكتب بألف دينار فقط", "promotion:price", "بألف دينار"),
        ("فقط ده هزار تومان", "promotion:price", "هزار تومان"),
        ("بە هەزار دینار", "promotion:price", "بە هەزار دینار"),
        ("sadece bin lira", "promotion:price", "bin lira"),
        ("for a thousand dollars", "promotion:price", "thousand dollars"),
    ],
)
def test_it_finds_cues_with_their_original_text(text, source, found):
    cues = [c for c in find_cues(text) if c.source == source]
    assert [c.text for c in cues] == [found]
    assert text[cues[0].start:cues[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "In 1990, 1991 and 1992 the war went on.",
        "In 1990 1991 1992 there were 1 000 000 000 people.",
        "Inflation rose 3.5% in 2024, e.g. in the U.S. and Iraq.",
        "The vote was 245 to 180 on 12.05.2024.",
        "me@home? no, at home.",
        "1000000000 views and counting.",
        "It has 2,124923004 views already.",
        "٥٠٠٠٠٠٠٠٠ نفر",
        "999999999 is not a number anyone dials.",
    ],
)
def test_it_ignores_years_counts_and_dates(text):
    assert not [c for c in find_cues(text) if c.source in {"promotion:phone", "promotion:link", "promotion:email"}]


def test_it_scores_by_combination_not_by_a_single_link():
    alone = screen("There is a good summary of the bill at https://parliament.example/bill-12")
    assert 0 < alone.scores["promotion"] < 0.5
    assert alone.decision != "reject"
    ad = screen("Best prices! Order now on WhatsApp 0750 123 4567, free delivery, 30% off")
    assert ad.scores["promotion"] >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "عرض خاص! اتصل الآن ٠٧٥٠١٢٣٤٥٦٧ واتساب، توصيل مجاني",
        "Hemen arayın 0532 123 45 67, %40 indirim, ücretsiz kargo",
        "همین حالا تماس بگیرید ۰۹۱۲۱۲۳۴۵۶۷ تخفیف ویژه ارسال رایگان",
        "Cheap watches and phones at www.best-deals-shop.example, call 0750 123 4567 today, 50% off!",
    ],
)
def test_it_recognises_ads_in_each_language(text):
    verdict = screen(text)
    assert verdict.scores["promotion"] >= 0.8
    for reason in verdict.reasons:
        assert all(text[e.start:e.end] == e.text for e in reason.evidence)


def test_an_arabic_book_pirate_is_read_as_an_ad_and_a_ministry_letter_is_not():
    # The demo's Arabic ad: Telegram spelt with غ, a price in words, "message us on".
    ad = screen("لا تدفع أسعار المعرض! كل الكتب بنسخ PDF بألف دينار فقط، راسلنا على تيليغرام "
                "@furat_pdf_books واحصل على ١٠ كتب مجاناً.")
    assert ad.scores["promotion"] >= 0.7
    found = {e.text for r in ad.reasons if r.category == "promotion" for e in r.evidence}
    assert {"راسلنا على", "بألف دينار", "تيليغرام"} <= found
    # "We wrote to the ministry": the same verb, past tense, no ad.
    letter = screen("راسلنا الوزارة مراراً ولم يرد أحد.")
    assert letter.scores["promotion"] < 0.01
    assert not [r for r in letter.reasons if r.category == "promotion"]


def test_a_price_in_a_news_comment_alone_stays_low():
    verdict = screen("سعر الأمبير وصل إلى عشرة آلاف دينار هذا الشهر، والحكومة لا تفعل شيئاً.")
    assert 0 < verdict.scores["promotion"] < 0.3
    assert verdict.decision != "reject"


def test_it_combines_weights_as_a_noisy_or():
    cues = find_cues("www.a.example 0750 123 4567, 0750 123 4568")
    assert combine(cues) == pytest.approx(1 - 0.7 * 0.5 * 0.7)
    with_price = find_cues("www.a.example 0750 123 4567 $20")
    assert combine(with_price) == pytest.approx(1 - 0.7 * 0.5 * 0.75 * 0.7)
    assert combine([]) == 0.0


def test_it_counts_near_duplicates_only():
    text = "Earn money from home, thousands of dollars every week, ask me how today"
    recent = [text, text.upper(), text.replace("thousands", "thousand"), "A different comment entirely here"]
    assert flood_count(text, recent) == 3
    assert flood_count("Thank you!", ["Thank you!"] * 5) == 0  # short common comments are not a flood


@pytest.mark.parametrize("text, phrase", [
    ("Great song! Please subscribe to my channel, I post covers every week", "my channel"),
    ("Nice article. Come and watch my videos, link in my profile", "my videos"),
    ("hey everyone, see my new track and give it a like", "see my new"),
])
def test_it_recognises_self_promotion_as_a_call_to_action(text, phrase):
    cues = [r for r in screen(text).reasons if r.category == "promotion"]
    found = [e.text for r in cues for e in r.evidence]
    assert phrase in found


@pytest.mark.parametrize("text", [
    "My music teacher would have loved this piece about the conservatory",
    "The minister should follow the court's ruling, as my colleague wrote",
    "I changed the channel when the minister started speaking",
])
def test_talk_about_ones_own_life_is_not_self_promotion(text):
    assert screen(text).scores["promotion"] < 0.3


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Sub me and I will sub you back!", "Sub me"),
        ("sub 4 sub anyone?", "sub 4 sub"),
        ("Please check my covers, it means a lot", "my covers"),
        ("Get free gift cards here", "free gift"),
    ],
)
def test_it_reads_self_promotion_jargon_as_a_call_to_action(text, phrase):
    cues = [c for c in screen(text).reasons if c.category == "promotion"]
    marked = {text[e.start:e.end] for r in cues for e in r.evidence}
    assert phrase in marked
