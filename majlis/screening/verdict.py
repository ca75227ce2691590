"""What the screening engine says about one comment.

A :class:`Verdict` serializes (``to_dict``) to exactly the JSON line of ``majlis screen`` in
DESIGN.md, minus ``id``; ``Verdict.from_dict`` reads it back. Evidence offsets index into the
ORIGINAL comment text (Python string indices, i.e. code points): ``text[start:end] == evidence.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from majlis.screening.categories import ABUSE_CODES


@dataclass(frozen=True)
class Evidence:
    """A slice of the original comment that supports a reason."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Reason:
    """Why a category scored what it did.

    ``source`` names the detector: ``lexicon``, ``model``, ``promotion:link``, ``promotion:phone``
    (and the other ``promotion:*`` cues), ``flood`` or ``relevance``. A ``model`` reason has no
    evidence spans; every lexicon or rule reason has at least one.
    """

    category: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    source: str = "lexicon"

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "score": round(float(self.score), 4),
            "evidence": [e.to_dict() for e in self.evidence],
            "source": self.source,
        }


@dataclass
class Verdict:
    """The engine's recommendation for one comment.

    ``decision`` is what ``policy`` recommends ("approve", "review" or "reject"); whether a site
    acts on it depends on its mode (see :meth:`Policy.apply`). ``violation`` is the probability
    that the comment breaks any guideline except ``off_topic``; it orders the moderation queue.
    ``scores`` holds every category code of ``categories.CODES``.

    ``abuse`` is ``violation`` without ``promotion``: the highest score of the abuse categories
    and the model's general offensive head. It is what ``majlis evaluate`` measures "offensive" and
    "toxic" labels against (those labels say nothing about ads, and tweets full of @handles and
    links would otherwise rank as violations). It is not part of the JSON line: ``from_dict`` takes
    the highest abuse category score.
    """

    decision: str
    language: str
    violation: float
    scores: dict[str, float]
    reasons: list[Reason]
    model_version: str
    abuse: float = 0.0

    def to_dict(self) -> dict:
        return {
            "decision": self.decision,
            "language": self.language,
            "violation": round(float(self.violation), 4),
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "reasons": [r.to_dict() for r in self.reasons],
            "model_version": self.model_version,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Verdict":
        """Inverse of :meth:`to_dict` (extra keys such as ``id`` are ignored)."""
        reasons = [
            Reason(
                category=r["category"],
                score=float(r["score"]),
                evidence=[Evidence(int(e["start"]), int(e["end"]), e["text"]) for e in r.get("evidence", ())],
                source=r.get("source", "lexicon"),
            )
            for r in data.get("reasons", ())
        ]
        return cls(
            decision=data["decision"],
            language=data["language"],
            violation=float(data["violation"]),
            scores={k: float(v) for k, v in data["scores"].items()},
            reasons=reasons,
            model_version=data.get("model_version", ""),
            abuse=max((float(data["scores"].get(c, 0.0)) for c in ABUSE_CODES), default=0.0),
        )
