"""Language of a comment: en, ar, ckb, kmr, tr, fa or other, reliable on short texts.

Script cues decide first, because a short comment gives a statistical identifier little to go on
while a single letter can settle it:

- Arabic script with a Sorani-only letter (ڕ ڵ ۆ ێ ە) is Sorani (``ckb``);
- Arabic script with a Persian/Kurdish letter (پ چ ژ گ) or Persian-only forms is not Arabic;
- Latin script with ğ or ı/İ is Turkish; with ê, î or û (and no Turkish-only letter) it is Kurmanji;
  otherwise function words ("û", "ji", "bi" ... / "ve", "bir", "bu" ...) break ties.

py3langid (whole model, one pass) ranks the rest; its ``sdh`` is read as ``ckb`` and ``ku`` as
``kmr``, ``ary``/``arz`` as ``ar``. A longer Latin or Arabic-script text whose best language is
none of ours by a clear margin is ``other``; text in any other script is ``other``.
"""

from __future__ import annotations

import re
from functools import lru_cache

OTHER = "other"
_ALIASES = {"en": "en", "ar": "ar", "ary": "ar", "arz": "ar", "fa": "fa", "tr": "tr",
            "sdh": "ckb", "ku": "kmr"}
_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_SORANI_RE = re.compile(r"[ڕڵۆێە]")
_PERSIAN_KURDISH_RE = re.compile(r"[پچژگ]")
_ARABIC_ONLY_RE = re.compile(r"[ةىأإؤ]|(?:^|\s)ال")
_TURKISH_RE = re.compile(r"[ğĞıİ]")
_TURKISH_VOWEL_RE = re.compile(r"[öüÖÜ]")
_KURMANJI_RE = re.compile(r"[êîûÊÎÛ]")
_WORD_RE = re.compile(r"[^\W\d_]+")

_KMR_WORDS = frozenset(
    "û ji bi ku ne de wî wê min te li jî di ev em we wan çi ez tu heye nîne dibe pir gelek "
    "ji bo ên yên ya yê kurd kurdistan hûn me xwe vê wê hatin kir dike".split()
)
_TR_WORDS = frozenset(
    "ve bir bu da de ne için ile çok mi mı değil gibi daha ama olan olarak var yok ben sen "
    "o biz siz onlar her şey kadar sonra şu bunu bence hükümet neden nasıl".split()
)
_FA_WORDS = frozenset(
    "است این از را که برای با های می نمی اما یک شده بود باید کرد کند شود آن شما تو".split()
)
_AR_WORDS = frozenset(
    "في على هذا هذه التي الذي ان أن إلى الى عن لا كان قد هو هي هل لم لن".split()
)
# Sorani written without its own letters still uses these words (له/لە, بۆ, ئەم without ە ...).
_SORANI_HINT_RE = re.compile(r"(?:^|\s)(?:له|بو|ئه|ئەو|ئێوه|زور|نییه|دەبێت|ده)(?:\s|$)")
_EN_WORDS = frozenset(
    "the and is are was of to in that this it for on with you not be have has will i we they "
    "what but an a at by from".split()
)
# Accepted as "other" only from this many letters on, and by this margin of py3langid's raw
# log-probability: short comments are far more often ours than a foreign language.
_OTHER_MIN_LETTERS = 20
_OTHER_MARGIN = 8.0


# py3langid is restricted to our languages plus decoys that stand for "other" (scoring fewer
# classes is faster; the decoys are the foreign languages most often met in these newsrooms).
_DECOYS = ("fr", "de", "es", "it", "pt", "nl", "id", "ms", "az", "uz", "ru", "ur", "ps", "pl", "sv", "ro")
_LANGID_MAX_CHARS = 300


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(_ALIASES) + list(_DECOYS))
    return identifier


def _ranked(text: str, allowed: frozenset[str]) -> tuple[str, float, str, float]:
    """(best of ours, its score, best overall, its score) by py3langid."""
    best_ours, ours_score = None, float("-inf")
    best_any, any_score = None, float("-inf")
    for code, score in _identifier().rank(text[:_LANGID_MAX_CHARS]):
        if best_any is None:
            best_any, any_score = code, score
        lang = _ALIASES.get(code)
        if lang in allowed:
            best_ours, ours_score = lang, score
            break
    return best_ours, ours_score, best_any, any_score


def _latin(text: str, letters: int) -> str:
    if _TURKISH_RE.search(text):
        return "tr"
    if _KURMANJI_RE.search(text) and not _TURKISH_VOWEL_RE.search(text):
        return "kmr"
    words = _WORD_RE.findall(text.lower())
    counts = {
        "kmr": sum(w in _KMR_WORDS for w in words),
        "tr": sum(w in _TR_WORDS for w in words),
        "en": sum(w in _EN_WORDS for w in words),
    }
    if _TURKISH_VOWEL_RE.search(text):
        counts["tr"] += 2
    best = max(counts, key=counts.get)
    runner_up = max(v for k, v in counts.items() if k != best)
    if counts[best] >= 2 and counts[best] >= 2 * runner_up + 1:
        return best  # clear function-word evidence: no need to ask py3langid
    lang, score, top, top_score = _ranked(text, frozenset({"en", "tr", "kmr"}))
    if letters >= _OTHER_MIN_LETTERS and _ALIASES.get(top) is None and top_score - score > _OTHER_MARGIN \
            and counts[best] <= 1:
        return OTHER
    return lang


def _arabic_script(text: str, letters: int) -> str:
    if _SORANI_RE.search(text):
        return "ckb"
    allowed = {"ar", "fa", "ckb"}
    if _PERSIAN_KURDISH_RE.search(text) or ("ک" in text or "ی" in text) and not _ARABIC_ONLY_RE.search(text):
        allowed.discard("ar")
    words = _WORD_RE.findall(text)
    fa = sum(w in _FA_WORDS for w in words)
    ar = sum(w in _AR_WORDS for w in words) if "ar" in allowed else 0
    if fa >= 2 and ar == 0 and not _SORANI_HINT_RE.search(text):
        return "fa"
    if ar >= 2 and fa == 0:
        return "ar"
    lang, score, top, top_score = _ranked(text, frozenset(allowed))
    if letters >= _OTHER_MIN_LETTERS and _ALIASES.get(top) is None and top in {"ur", "ps"} \
            and top_score - score > _OTHER_MARGIN:
        return OTHER
    return lang


def detect(text: str) -> str:
    """The language code of ``text``: en, ar, ckb, kmr, tr, fa, or "other" (also for no letters)."""
    letters = _LETTER_RE.findall(text)
    if not letters:
        return OTHER
    arabic = len(_ARABIC_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    if arabic == 0 and latin == 0:
        return OTHER
    if arabic >= latin:
        return _arabic_script(text, len(letters))
    return _latin(text, len(letters))
