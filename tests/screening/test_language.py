"""Language identification on short comments, per language."""

from collections import Counter
from pathlib import Path

import pytest

from majlis.screening.language import detect

DATA = Path(__file__).parent / "data" / "langid.tsv"
MIN_ACCURACY = 0.85

OWN_ROWS = [
    ("en", "Thank you for this clear report."),
    ("en", "The minister should resign."),
    ("en", "Great article, well said"),
    ("en", "Who paid for this?"),
    ("en", "I disagree with the author"),
    ("ar", "شكرا على هذا التقرير"),
    ("ar", "الوزير يجب أن يستقيل"),
    ("ar", "مقال رائع"),
    ("ar", "من دفع ثمن هذا؟"),
    ("ar", "هذا الخبر غير صحيح"),
    ("fa", "ممنون از گزارش خوب شما"),
    ("fa", "وزیر باید استعفا بدهد"),
    ("fa", "این خبر درست نیست"),
    ("fa", "چه کسی پولش را داد؟"),
    ("fa", "مقاله خوبی بود"),
    ("ckb", "زۆر سوپاس بۆ ئەم هەواڵە"),
    ("ckb", "وەزیر دەبێت دەست لەکار بکێشێتەوە"),
    ("ckb", "ئەم هەواڵە ڕاست نییە"),
    ("ckb", "بابەتێکی باش بوو"),
    ("ckb", "کێ پارەی ئەمەی دا؟"),
    ("kmr", "Ez ji vê nûçeyê pir kêfxweş bûm"),
    ("kmr", "Spas ji bo vê nûçeyê"),
    ("kmr", "Divê wezîr îstifa bike"),
    ("kmr", "Ev ne rast e"),
    ("kmr", "Gotareke baş bû"),
    ("tr", "Bu haber çok güzel olmuş"),
    ("tr", "Bakan istifa etmeli"),
    ("tr", "Bunu kim ödedi?"),
    ("tr", "Yazara katılmıyorum"),
    ("tr", "Harika bir yazı, teşekkürler"),
    ("other", "Merci beaucoup pour cet article très intéressant sur la politique"),
    ("other", "Спасибо за статью"),
    ("other", "記事をありがとう"),
    ("other", "12345 !!!"),
]


def _file_rows():
    if not DATA.exists():
        return []
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            lang, text = line.split("\t", 1)
            rows.append((lang.strip(), text.strip()))
    return rows


@pytest.mark.parametrize("lang, text", OWN_ROWS)
def test_it_identifies_short_comments(lang, text):
    assert detect(text) == lang


def test_it_is_accurate_per_language_on_the_team_test_set():
    rows = _file_rows() or OWN_ROWS
    total, right = Counter(), Counter()
    for lang, text in rows:
        total[lang] += 1
        right[lang] += detect(text) == lang
    accuracy = {lang: right[lang] / total[lang] for lang in total}
    print("language-ID accuracy:", {k: f"{v:.3f} ({total[k]})" for k, v in sorted(accuracy.items())})
    assert all(v >= MIN_ACCURACY for v in accuracy.values()), accuracy
