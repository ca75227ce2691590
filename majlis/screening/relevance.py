"""Relevance of a comment to its article; ``off_topic`` only ever flags a comment for a human.

A comment's content words (folded, stopwords dropped, compared by their first five letters so that
"elections"/"election" and Turkish or Arabic suffixed forms meet) are looked up among the article's
title and body words. The less they overlap, the higher ``off_topic`` — but short comments ("Well
said!", "شكرا") are never off topic, a comment in another language than the article cannot be
judged, and the score is capped below any reasonable reject threshold.
"""

from __future__ import annotations

import re
from functools import lru_cache

from majlis.screening.normalize import ZWNJ, fold

STEM = 5
MIN_CONTENT_WORDS = 8     # at or below this many content words a comment is never off topic
FULL_CONTENT_WORDS = 18   # from this many on, length no longer discounts the score
ON_TOPIC_OVERLAP = 0.2    # this share of content words found in the article reads as on topic
MAX_SCORE = 0.8

_WORD_RE = re.compile(r"[^\W\d_](?:[^\W_]|\u200c)*")
_STOPWORDS = frozenset(fold(w) for w in """
the a an and or but if of to in on at by for with from as is are was were be been being it its this
that these those i you he she we they me him her us them my your his our their not no so do does did
have has had will would can could should may might must just very too also than then there here what
which who whom how why when where all any some more most such only own same about into over after
before again out up down off all one just like get got really think know people
و في من على إلى الى عن ان أن هذا هذه ذلك التي الذي هو هي هم كان كانت لا ما مع او أو قد كل بعد قبل
لم لن ثم حتى اذا إذا عند يا انا أنا نحن انت أنت هل بل
از به با در که این آن را برای تا هم یا اما اگر هر چه چون بود است هست شد می نمی من تو او ما شما
ایشان خیلی همه یک دیگر نه بله وی ها های
ve bir bu da de ne için ile çok mi mı daha ama olan olarak var yok ben sen o biz siz onlar her şey
kadar sonra şu gibi değil diye ki en
û ji bi ku ne de wî wê min te li jî di ev em we wan çi ez tu heye nîne ya yê yên ên bo pir gelek
لە بە و کە ئەم ئەو بۆ لەگەڵ من تۆ ئێمە ئێوە ئەوان زۆر هەموو یان بەڵام چونکە هەر نە
""".split())


# Words that talk about the article itself or the discussion: they count as on topic.
_META = frozenset(fold(w)[:STEM] for w in """
thank thanks report reporting article story news journalist author writer piece coverage comment
comments agree disagree hope clear great good well said point interesting important true right wrong
شكرا تقرير مقال خبر الكاتب الصحفي تغطية اتفق موضوع رائع صحيح
ممنون متشکرم سپاس گزارش مقاله خبر نویسنده خبرنگار موافقم عالی درست
teşekkür teşekkürler haber yazı makale gazeteci yazar katılıyorum güzel doğru önemli
سوپاس هەواڵ ڕاپۆرت وتار نووسەر ڕۆژنامەنووس باش ڕاستە
spas nûçe gotar nivîskar rojnamevan baş rast
""".split())


def _stems(folded: str) -> list[str]:
    words = (w.replace(ZWNJ, "") for w in _WORD_RE.findall(folded))
    return [w[:STEM] for w in words if w not in _STOPWORDS and len(w) > 1]


@lru_cache(maxsize=256)
def _article_stems(title: str, body: str) -> frozenset[str]:
    """Stems of the article's title and body (cached: a batch shares one article)."""
    return frozenset(_stems(fold(f"{title}\n{body}")))


def _field(article, name: str) -> str:
    if article is None:
        return ""
    if isinstance(article, dict):
        value = article.get(name)
    else:
        value = getattr(article, name, None)
    return value if isinstance(value, str) else ""


def off_topic(folded_comment: str, language: str, article) -> float:
    """Off-topic probability of a comment (already folded) for ``article`` (None -> 0.0)."""
    title, body = _field(article, "title"), _field(article, "body")
    if not (title or body):
        return 0.0
    article_language = _field(article, "language")
    if article_language and language not in (article_language, "other"):
        return 0.0
    stems = _stems(folded_comment)
    if len(stems) <= MIN_CONTENT_WORDS:
        return 0.0
    known = _article_stems(title, body) | _META
    overlap = sum(s in known for s in stems) / len(stems)
    unrelated = max(0.0, 1.0 - overlap / ON_TOPIC_OVERLAP)
    length = min(1.0, (len(stems) - MIN_CONTENT_WORDS) / (FULL_CONTENT_WORDS - MIN_CONTENT_WORDS))
    return round(MAX_SCORE * unrelated * length, 4)
