"""Per-category thresholds and automation modes: scores -> decision -> what the site does at once.

``Policy.decide(scores)`` is the engine's recommendation: "reject" when any auto-rejectable category
reaches its reject threshold, "approve" when every category is below its approve threshold, else
"review". ``Policy.apply(verdict)`` is what a site's automation does with it immediately: nothing in
``manual`` mode, rejects in ``assisted`` mode, rejects and approves in ``autopilot`` mode.

Default thresholds come from ``models/calibration.json`` (written by ``majlis train``: keys
``reject`` and ``approve``, each mapping category -> threshold, chosen on the engine's own scores
of held-out data so that an automatic reject is right at least 98% of the time and an automatic
approve at least 99% at a stated news-like prevalence: see ``training.engine_calibration``) and
fall back to ``FALLBACK_REJECT``/``FALLBACK_APPROVE`` for categories it does not name. A reject
threshold of 1.0 means "never automatically": the data supports no automatic reject for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from majlis.screening.categories import BY_CODE, CODES, VIOLATION_CODES

MODES = ("manual", "assisted", "autopilot")
CALIBRATION_FILE = Path(__file__).parent / "models" / "calibration.json"
FALLBACK_REJECT = 0.9
FALLBACK_APPROVE = 0.2


def load_defaults(path: Path = CALIBRATION_FILE) -> dict[str, dict[str, float]]:
    """Thresholds from the calibration file when it exists and is readable, else the fallbacks."""
    reject = {c: FALLBACK_REJECT for c in CODES}
    approve = {c: FALLBACK_APPROVE for c in CODES}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    for target, key in ((reject, "reject"), (approve, "approve")):
        for code, value in (data.get(key) or {}).items():
            if code in target and isinstance(value, (int, float)) and 0.0 <= value <= 1.0:
                target[code] = float(value)
    return {"reject": reject, "approve": approve}


class Policy:
    """A site's automation mode and per-category thresholds (missing categories use DEFAULTS)."""

    DEFAULTS = load_defaults()

    def __init__(
        self,
        mode: str = "manual",
        reject_thresholds: Mapping[str, float] | None = None,
        approve_thresholds: Mapping[str, float] | None = None,
    ):
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; expected one of {MODES}")
        self.mode = mode
        self.reject_thresholds = self._merge(self.DEFAULTS["reject"], reject_thresholds)
        self.approve_thresholds = self._merge(self.DEFAULTS["approve"], approve_thresholds)

    @staticmethod
    def _merge(defaults: Mapping[str, float], given: Mapping[str, float] | None) -> dict[str, float]:
        merged = dict(defaults)
        for code, value in (given or {}).items():
            if code not in BY_CODE:
                raise ValueError(f"unknown category {code!r}")
            if not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"threshold for {code!r} must be within [0, 1], got {value!r}")
            merged[code] = float(value)
        return merged

    def decide(self, scores: Mapping[str, float], violation: float | None = None) -> str:
        """"reject", "approve" or "review" for these category scores (see the module docstring).

        ``violation``, when given, is the overall probability of any violation (it may include a
        general "offensive" model head that no category carries): "approve" then also needs it
        below the lowest approve threshold of the violation categories.
        """
        for code, score in scores.items():
            category = BY_CODE.get(code)
            if category and category.auto_reject and score >= self.reject_thresholds[code]:
                return "reject"
        if any(score >= self.approve_thresholds.get(code, FALLBACK_APPROVE) for code, score in scores.items()):
            return "review"
        if violation is not None and violation >= min(self.approve_thresholds[c] for c in VIOLATION_CODES):
            return "review"
        return "approve"

    def apply(self, verdict) -> str | None:
        """What the site's automation does at once with ``verdict``: "approve", "reject" or None."""
        if self.mode == "manual":
            return None
        if verdict.decision == "reject":
            return "reject"
        if verdict.decision == "approve" and self.mode == "autopilot":
            return "approve"
        return None

    def __repr__(self) -> str:
        return f"Policy(mode={self.mode!r})"
