"""Majlis's screening engine: plain Python (no Django), offline, multilingual, explainable.

``screen(text, article=None, *, policy=None, recent=()) -> Verdict`` scores one comment against
every guideline category of ``categories``, with evidence spans into the original text and the
decision recommended under ``policy``; ``screen_many(texts, article=None, *, policy=None)`` does a
batch faster. Modules: ``normalize`` (folding with an offset map), ``language``, ``lexicon`` and
``lexicons/``, ``promotion``, ``relevance``, ``classifier`` (trained models), ``scoring``,
``policy``, ``verdict``, ``engine`` (the pipeline).
"""

from majlis.screening.engine import screen, screen_many
from majlis.screening.policy import Policy
from majlis.screening.verdict import Evidence, Reason, Verdict

__all__ = ["Evidence", "Policy", "Reason", "Verdict", "screen", "screen_many"]
