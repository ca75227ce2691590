"""How evidence becomes category scores.

Lexicon hits set a floor per category (a threat phrase or a slur is near-certain, an insult is
likely but context matters); further distinct terms in the same category add a little. A hit inside
quotation marks, or next to a word that names it as a word ("the slur", "كلمة"), is being reported
or discussed rather than used: it is capped at ``QUOTED_CAP`` so it goes to a human instead of being
rejected automatically. The cap also holds after the model is added (``combine_model``): the model
scores the quoted word like a used one, so without it the model would lift a quoted slur back over
the reject threshold. Model probabilities and rule floors combine by noisy-OR (either source alone
can raise a score; agreement raises it further). ``violation`` is the highest score among the
violation categories: the categories are strongly correlated (an abusive comment is usually both
profane and a personal attack), so a noisy-OR across them would overstate it.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from majlis.screening.categories import VIOLATION_CODES
from majlis.screening.verdict import Evidence, Reason

LEXICON_FLOORS = {
    "threat": 0.95,
    "identity_abuse": 0.95,
    "vulgarity": 0.85,
    "profanity": 0.8,
    "personal_attack": 0.75,
}
EXTRA_TERM_BONUS = 0.04
LEXICON_CAP = 0.98
QUOTED_CAP = 0.7
MODEL_REASON_MIN = 0.5

_QUOTES = "\"“”«»„‹›‘’`"
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_MENTION_CUES = re.compile(
    r"(?i)\b(?:slur|slurs|the word|the n-word|called (?:him|her|them|me|us)|used the term|"
    r"kelimesi|kelimesini|lafı|sözcüğü|hakaret etti|"
    r"peyva|gotina)\b|كلمة|لفظ|وصفه ب|وصفها ب|واژه|کلمه|لقب|وشەی|وشەیەکی"
)


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is quoted or named as a word within its sentence."""
    left = text[:start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(left)), default=0)
    left = left[cut:]
    right = text[end:]
    stop = _SENTENCE_END.search(right)
    right = right[: stop.start()] if stop else right
    opened = sum(left.count(q) for q in _QUOTES) % 2 == 1
    if opened and any(q in right for q in _QUOTES):
        return True
    return bool(_MENTION_CUES.search(left[-40:]))


def lexicon_scores(text: str, hits: Iterable) -> tuple[dict[str, float], list[Reason]]:
    """Category floors and reasons from lexicon hits (promotion hits are left to promotion)."""
    by_category: dict[str, list] = {}
    for hit in hits:
        if hit.category in LEXICON_FLOORS:
            by_category.setdefault(hit.category, []).append(hit)
    scores, reasons = {}, []
    for category, found in by_category.items():
        used = [h for h in found if not is_quoted(text, h.start, h.end)]
        terms = {h.term for h in (used or found)}
        score = min(LEXICON_CAP, LEXICON_FLOORS[category] + EXTRA_TERM_BONUS * (len(terms) - 1))
        if not used:
            score = min(score, QUOTED_CAP)
        scores[category] = score
        evidence = [Evidence(h.start, h.end, h.text) for h in sorted(found, key=lambda h: h.start)]
        reasons.append(Reason(category, score, evidence, "lexicon"))
    return scores, reasons


def only_quoted(text: str, hits: Iterable) -> bool:
    """Whether there are abuse lexicon hits and every one of them is quoted (see the docstring)."""
    abusive = [h for h in hits if h.category in LEXICON_FLOORS]
    return bool(abusive) and all(is_quoted(text, h.start, h.end) for h in abusive)


def noisy_or(*probabilities: float) -> float:
    keep = 1.0
    for p in probabilities:
        keep *= 1.0 - min(1.0, max(0.0, p))
    return 1.0 - keep


def combine_model(
    rule_scores: Mapping[str, float], model: Mapping[str, float], codes: Iterable[str],
    *, quoted_only: bool = False,
) -> tuple[dict[str, float], list[Reason]]:
    """Final score per category, plus a ``model`` reason where the model alone is confident.

    With ``quoted_only`` (the comment's only abuse words are quoted or named), every abuse category
    stays at or below ``QUOTED_CAP``: reporting goes to a human, never to an automatic reject.
    """
    scores, reasons = {}, []
    for code in codes:
        m = float(model.get(code, 0.0))
        score = noisy_or(rule_scores.get(code, 0.0), m)
        if quoted_only and code in LEXICON_FLOORS:
            score = min(score, QUOTED_CAP)
        scores[code] = score  # unrounded: the JSON rounds; ranking needs every digit
        if m >= MODEL_REASON_MIN:
            reasons.append(Reason(code, round(m, 4), [], "model"))
    return scores, reasons


def violation(scores: Mapping[str, float], codes: Iterable[str] = VIOLATION_CODES) -> float:
    """Probability of breaking any guideline but off_topic (see the module docstring), or any of
    ``codes``."""
    return max((scores.get(c, 0.0) for c in codes), default=0.0)
