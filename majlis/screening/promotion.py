"""Commercial or personal promotion: contact details, links, prices, calls to action, floods.

Each cue found in the ORIGINAL text (regexes read digits of every system, since ``\\d`` is
Unicode-aware) carries a weight; the promotion score is the noisy-OR of the weights, so a single
link in a relevant comment stays low (0.3, a moderator may look) while a link, a phone number and a
discount together pass 0.8. Calls to action come from the ``promotion`` rows of the lexicons
(their hits are passed in). A near-duplicate of a recent comment by someone else is a ``flood``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from majlis.screening.normalize import fold

_TLDS = (
    "com|net|org|info|biz|io|co|me|ly|app|dev|shop|store|online|site|xyz|top|club|live|link|click|"
    "example|tv|gg|ai|to|us|uk|de|fr|ru|tr|ir|iq|sa|ae|eg|sy|lb|jo|kw|qa|af|krd|eu|in|pk|cc|ws|pw|ml|tk"
)
_SHORTENERS = r"(?:bit\.ly|tinyurl\.com|goo\.gl|t\.co|ow\.ly|is\.gd|cutt\.ly|rb\.gy|shorturl\.at)"
_MESSAGING_LINK = r"(?:t\.me|telegram\.me|wa\.me|chat\.whatsapp\.com|api\.whatsapp\.com)"

# (source, weight, pattern); the first pattern to claim a stretch of text wins.
_CUES = (
    ("promotion:messaging", 0.5, re.compile(rf"(?i)(?:https?://)?{_MESSAGING_LINK}/[\w/+.-]+")),
    ("promotion:link", 0.45, re.compile(rf"(?i)(?:https?://)?{_SHORTENERS}/[\w/+.-]+")),
    ("promotion:link", 0.3, re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")),
    ("promotion:email", 0.35, re.compile(r"(?i)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b")),
    ("promotion:link", 0.3, re.compile(
        rf"(?i)\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"']*)?")),
    ("promotion:phone", 0.5, re.compile(
        r"(?<![\w+])(?<!\d[,.])(?:\+|00)?\d(?:[ \-.()\u200b\u200c\u00a0]{0,2}\d){6,14}(?!\w)")),
    ("promotion:handle", 0.15, re.compile(r"(?<![\w@.])@[A-Za-z_][A-Za-z0-9_.]{2,29}\b")),
    ("promotion:messaging", 0.2, re.compile(
        r"(?i)\b(?:whats\s?app|telegram|viber|signal app|snapchat|instagram)\b|"
        r"واتس\s?اب|واتساب|وتساب|واتساپ|واتس\s?اپ|تيليجرام|تلجرام|تليجرام|تلغرام|تيليغرام|تيلغرام|"
        r"تليغرام|تلكرام|تليكرام|تلگرام|تێلێگرام|تلیگرام|روبیکا|ایتا")),
    ("promotion:price", 0.45, re.compile(
        r"(?i)%\s?\d{1,2}\s?(?:indirim|off)|\d{1,2}\s?%\s?(?:off|discount|indirim|خصم|تخفیف|تخفيض|داشکاندن)")),
    ("promotion:price", 0.25, re.compile(
        r"(?i)[$€£₺﷼]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$€£₺]|tl\b|usd\b|eur\b|dollars?\b|euros?\b|lira\b|"
        r"dolar\b|دینار|دينار|تومان|ریال|ريال|ليرة|لیره|درهم|دۆلار|دولار|جنيه)")),
    # A price in words: "بألف دينار", "ده هزار تومان", "بە هەزار دینار", "bin lira", "a thousand dollars".
    ("promotion:price", 0.25, re.compile(
        r"(?i)(?<!\w)(?:ب|بـ|بە\s)?(?:ألف|الف|آلاف|الاف|مليون|ملايين|مئة|مائة|هزار|میلیون|هەزار|ملیۆن|"
        r"bin|milyon|thousand|million|hundred)\s(?:دینار|دينار|تومان|ریال|ريال|ليرة|لیره|درهم|دۆلار|"
        r"دولار|جنيه|lira\b|tl\b|dolar\b|dollars?\b|euros?\b|pounds\b)")),
)
# What each cue pattern cannot match without: a cheap test on the text that every match needs, so
# the (costlier) pattern is skipped for most comments, which have no links, phone numbers or '@'.
_DOMAIN_HINT_RE = re.compile(r"(?i)[a-z0-9]\.[a-z]")
_PHONE_DIGITS = 7  # the phone pattern needs at least this many digits
_NEEDS = {
    _CUES[0][2].pattern: "slash", _CUES[1][2].pattern: "slash", _CUES[2][2].pattern: "web",
    _CUES[3][2].pattern: "@", _CUES[4][2].pattern: "domain", _CUES[5][2].pattern: "phone",
    _CUES[6][2].pattern: "@", _CUES[8][2].pattern: "digit", _CUES[9][2].pattern: "digit",
}
_DIGIT_RE = re.compile(r"\d")
_PHONE_MIN_DIGITS = 9
_CTA_WORD_WEIGHT = 0.15
_CTA_PHRASE_WEIGHT = 0.4
SYNERGY = 0.3
_FLOOD_MIN_CHARS = 30
_FLOOD_JACCARD = 0.8
_SHINGLE = 4


@dataclass(frozen=True)
class Cue:
    source: str
    weight: float
    start: int
    end: int
    text: str


_TRAILING_PUNCT = ".,;:!?)]}»\"'،؛؟"
_DIGIT_GROUP_RE = re.compile(r"\d+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _looks_like_phone(s: str) -> bool:
    """Digits that read as a phone number rather than years, counts or dates."""
    if s.startswith(("+", "00")):
        return True
    groups = _DIGIT_GROUP_RE.findall(s)
    if sum(len(g) for g in groups) < _PHONE_MIN_DIGITS:
        return False
    if all(_YEAR_RE.fullmatch(fold(g)) for g in groups):
        return False  # "1990 1991 1992"
    digits = fold("".join(groups))
    if (len(groups) == 1 and digits.rstrip("0")[:-1] == "") or len(set(digits)) == 1:
        return False  # "1000000000 views", "999999999": a round or repeated number is a count
    if len(groups) > 1 and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) \
            and not fold(groups[0]).startswith("0"):
        return False  # "1 000 000 000": thousands, not a phone
    return True


def _matches(pattern: re.Pattern, text: str, claimed: list[tuple[int, int]]):
    """Matches of ``pattern``, retrying one character later when a match overlaps a claimed span
    (so "4567 $20" still yields "$20" after the phone number took "4567")."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        a, b = m.span()
        if any(a < y and x < b for x, y in claimed):
            pos = a + 1
            continue
        yield m
        pos = max(b, a + 1)


def _may_match(need: str | None, text: str) -> bool:
    """Whether a cue pattern with this ``_NEEDS`` entry can match ``text`` at all."""
    if need is None:
        return True
    if need == "digit":
        return _DIGIT_RE.search(text) is not None
    if need == "phone":
        return len(_DIGIT_RE.findall(text)) >= _PHONE_DIGITS
    if need == "@":
        return "@" in text
    if need == "slash":  # a messaging or shortener link: host, dot, slash
        return "/" in text and "." in text
    if need == "web":  # a scheme or www.
        return "://" in text or "www." in text.lower()
    return _DOMAIN_HINT_RE.search(text) is not None  # "domain": a letter or digit, a dot, a letter


def find_cues(text: str) -> list[Cue]:
    """Contact details, links and prices in ``text``, non-overlapping, spans in the original."""
    claimed: list[tuple[int, int]] = []
    cues = []
    for source, weight, pattern in _CUES:
        if not _may_match(_NEEDS.get(pattern.pattern), text):
            continue
        for m in _matches(pattern, text, claimed):
            a, b = m.span()
            found = m.group()
            if source == "promotion:link":
                stripped = found.rstrip(_TRAILING_PUNCT)
                b -= len(found) - len(stripped)
                found = stripped
            if any(a < y and x < b for x, y in claimed):
                continue
            if source == "promotion:phone" and not _looks_like_phone(found):
                continue
            claimed.append((a, b))
            cues.append(Cue(source, weight, a, b, found))
    return cues


def call_to_action_cues(hits: Iterable, claimed: Sequence[Cue]) -> list[Cue]:
    """Cues from lexicon ``promotion`` hits that no regex cue already covers."""
    out = []
    for hit in hits:
        if hit.category != "promotion":
            continue
        if any(hit.start < c.end and c.start < hit.end for c in claimed):
            continue
        weight = _CTA_PHRASE_WEIGHT if len(hit.term.split()) > 1 else _CTA_WORD_WEIGHT
        out.append(Cue("promotion:call_to_action", weight, hit.start, hit.end, hit.text))
    return out


_CONTACT = frozenset({"promotion:phone", "promotion:email", "promotion:messaging", "promotion:link",
                      "promotion:handle"})
_COMMERCIAL = frozenset({"promotion:price", "promotion:call_to_action"})
_REPEAT_FACTORS = (1.0, 0.6, 0.4)  # the 2nd and 3rd cue of one kind add less; later ones nothing


def combine(cues: Sequence[Cue]) -> float:
    """Noisy-OR of the cue weights, plus ``SYNERGY`` when contact details meet a commercial cue.

    A way to reach someone next to a price or a call to action is what makes an ad; either alone
    is common in ordinary comments.
    """
    seen: dict[str, int] = {}
    keep = 1.0
    for cue in sorted(cues, key=lambda c: -c.weight):
        n = seen[cue.source] = seen.get(cue.source, 0) + 1
        if n <= len(_REPEAT_FACTORS):
            keep *= 1.0 - cue.weight * _REPEAT_FACTORS[n - 1]
    if seen.keys() & _CONTACT and seen.keys() & _COMMERCIAL:
        keep *= 1.0 - SYNERGY
    return 1.0 - keep


@lru_cache(maxsize=8192)
def shingles(text: str) -> frozenset[str]:
    """Character 4-grams of the folded, space-collapsed text (cached: recent texts recur)."""
    s = " ".join(fold(text).split())
    if len(s) < _SHINGLE:
        return frozenset((s,))
    return frozenset(s[i:i + _SHINGLE] for i in range(len(s) - _SHINGLE + 1))


def flood_count(text: str, recent: Sequence[str]) -> int:
    """How many of ``recent`` are the same or nearly the same text (Jaccard >= 0.8)."""
    if len(text.strip()) < _FLOOD_MIN_CHARS or not recent:
        return 0
    mine = shingles(text)
    n = len(mine)
    count = 0
    for other in recent:
        theirs = shingles(other)
        m = len(theirs)
        if m < n * _FLOOD_JACCARD or n < m * _FLOOD_JACCARD:
            continue  # Jaccard >= t needs sizes within a factor t
        inter = len(mine & theirs)
        if inter >= _FLOOD_JACCARD * (n + m - inter):
            count += 1
    return count


def flood_weight(count: int) -> float:
    """Promotion weight of ``count`` near-duplicates by other authors."""
    if count <= 0:
        return 0.0
    return {1: 0.6, 2: 0.85}.get(count, 0.95)
