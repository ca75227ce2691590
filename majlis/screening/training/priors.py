"""A prior for the languages a fit has no rows of (Kurdish, until moderators' decisions arrive).

Each text carries one language-bias feature (``features._language_features``). For a language
with training rows, its weights learn how much more or less often that language's texts break a
guideline than the intercept says: for en, ar, tr and fa they are strongly negative (the public
corpora are 30-80% offensive; the language bias pulls a plain comment down). A language with no
rows keeps a weight near 0, so its plain comments score as if they were in a corpus that is half
abuse: neutral Sorani news read 0.5-0.6 ``personal_attack``, every Kurdish comment went to review
near the top of the queue.

``fill_language_priors`` gives each language without rows the mean language-bias weights of the
languages that have rows: "as likely to break a guideline as the average language we know". The
classifier's ranking of comments *within* such a language is unchanged (one constant per head),
so ROC-AUC per language is too; the scores, and so the queue order and policy, become comparable
with the other languages'. Moderators' decisions in that language (``majlis train
--with-decisions``) then train its own weights as for any other language.
"""

from __future__ import annotations

import numpy as np

from majlis.screening.categories import LANGUAGES
from majlis.screening.features import FeatureConfig, language_bucket


def fill_language_priors(weights: np.ndarray, config: FeatureConfig, rows) -> list[str]:
    """Set, in place, the language-bias weights of the LANGUAGES absent from ``rows`` to the mean
    of those present; return the languages filled."""
    present = {r.lang for r in rows}
    known = [lang for lang in LANGUAGES if lang in present]
    missing = [lang for lang in LANGUAGES if lang not in present]
    if not known or not missing:
        return []
    mean = np.mean([weights[language_bucket(lang, config)] for lang in known], axis=0)
    for lang in missing:
        weights[language_bucket(lang, config)] = mean
    return missing
