"""The screening pipeline: one comment (or a batch) in, one Verdict each out.

An explicit chain of small steps per comment — normalize, identify the language, match the
lexicons, find promotion cues and floods, measure relevance — then one batched call to the trained
classifier for the whole batch, then scores, reasons and the policy's decision. When the classifier
is not available (not trained yet, files missing) the engine runs on lexicons and rules alone and
says so in ``model_version``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from majlis.screening import language as language_id
from majlis.screening import lexicon, promotion, relevance, scoring
from majlis.screening.categories import ABUSE_CODES, CODES
from majlis.screening.normalize import normalize
from majlis.screening.policy import Policy
from majlis.screening.verdict import Evidence, Reason, Verdict

RULES_ONLY_VERSION = "rules-only"
OFF_TOPIC_REASON_MIN = 0.2
# The model's general "offensive" head (most public data labels only that) counts towards
# ``violation`` alongside the guideline categories.
GENERAL_HEADS = ("offensive",)

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def classifier():
    """The shipped classifier, or None when it cannot be loaded (rules-only screening)."""
    try:
        from majlis.screening.classifier import Classifier

        return Classifier.load()
    except (ImportError, FileNotFoundError) as exc:
        logger.info("screening without a trained classifier: %s", exc)
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("the shipped classifier could not be loaded, screening with rules only: %s", exc)
    return None


@dataclass
class _Analysis:
    """What the rules found in one comment, before the model is consulted."""

    language: str
    folded: str
    rule_scores: dict[str, float] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    quoted_only: bool = False  # lexicon hits found, every one of them quoted or named as a word


def _promotion(text: str, hits, recent: Sequence[str]) -> tuple[float, list[Reason]]:
    cues = promotion.find_cues(text)
    cues += promotion.call_to_action_cues(hits, cues)
    floods = promotion.flood_count(text, recent)
    if floods:
        cues.append(promotion.Cue("flood", promotion.flood_weight(floods), 0, len(text), text))
    by_source: dict[str, list] = {}
    for cue in cues:
        by_source.setdefault(cue.source, []).append(cue)
    reasons = [
        Reason("promotion", round(scoring.noisy_or(*(c.weight for c in found)), 4),
               [Evidence(c.start, c.end, c.text) for c in sorted(found, key=lambda c: c.start)], source)
        for source, found in by_source.items()
    ]
    return promotion.combine(cues), reasons


def analyse(text: str, article=None, recent: Sequence[str] = ()) -> _Analysis:
    """Run every rule-based step on one comment."""
    normalized = normalize(text)
    lang = language_id.detect(text)
    hits = lexicon.find(normalized, lang)
    result = _Analysis(lang, normalized.text)
    result.rule_scores, result.reasons = scoring.lexicon_scores(text, hits)
    result.quoted_only = scoring.only_quoted(text, hits)
    promo, promo_reasons = _promotion(text, hits, recent)
    if promo:
        result.rule_scores["promotion"] = promo
        result.reasons += promo_reasons
    off = relevance.off_topic(normalized.text, lang, article)
    if off:
        result.rule_scores["off_topic"] = off
        if off >= OFF_TOPIC_REASON_MIN:
            result.reasons.append(Reason("off_topic", off, [Evidence(0, len(text), text)], "relevance"))
    return result


def _model_rows(analyses: Sequence[_Analysis], clf):
    """Per comment, the model's probabilities by head (empty dicts without a model) and version."""
    if clf is None or not analyses:
        return [{} for _ in analyses], RULES_ONLY_VERSION
    probs = clf.predict([a.folded for a in analyses], [a.language for a in analyses])
    rows = [{} for _ in analyses]
    for head, values in probs.items():
        for row, value in zip(rows, values.tolist()):
            row[head] = value
    return rows, clf.version


def _verdict(a: _Analysis, model: dict, version: str, policy: Policy) -> Verdict:
    scores, model_reasons = scoring.combine_model(a.rule_scores, model, CODES,
                                                  quoted_only=a.quoted_only)
    general = [model.get(h, 0.0) for h in GENERAL_HEADS]
    overall = max([scoring.violation(scores)] + general)
    abuse = max([scoring.violation(scores, ABUSE_CODES)] + general)
    reasons = sorted(a.reasons + model_reasons, key=lambda r: -r.score)
    return Verdict(
        decision=policy.decide(scores, violation=overall),
        language=a.language,
        violation=overall,
        scores=scores,
        reasons=reasons,
        model_version=version,
        abuse=abuse,
    )


def screen_many(texts: Sequence[str], article=None, *, policy: Policy | None = None,
                recent: Sequence[str] = (), model=None) -> list[Verdict]:
    """Verdicts for a batch of comments on one ``article``, in order (the fast path).

    ``model`` replaces the shipped classifier (training calibrates and evaluation measures the
    held-out fit through the whole engine this way).
    """
    policy = policy or Policy()
    analyses = [analyse(t, article, recent) for t in texts]
    rows, version = _model_rows(analyses, model if model is not None else classifier())
    return [_verdict(a, row, version, policy) for a, row in zip(analyses, rows)]


def screen(text: str, article=None, *, policy: Policy | None = None,
           recent: Sequence[str] = ()) -> Verdict:
    """The verdict for one comment; ``recent`` are recent comments by other authors (floods)."""
    return screen_many([text], article, policy=policy, recent=recent)[0]
