"""The evaluation protocols: which official splits (or whole sources) are held out, per language.

Never random rows of one set. Training rows whose text (after case folding and stripping handles,
URLs and punctuation) also occurs in a held-out row are dropped from training, so corpora that merge
others (turkish-offensive-lingda contains offenseval2020-tr; arabic-offensive-taxonomy re-annotates
offenseval2020-ar) cannot leak into the evaluation.

Two protocols, chosen with ``majlis train --protocol`` and ``benchmarks/baselines.py --protocol``:

``splits`` (the default): the authors' official evaluation splits where a language has them, so
held-out rows come from the same corpora (platform, time, annotators) as some training rows, as in
the shared tasks that published them.

| lang | held out |
|---|---|
| ar | offenseval2020-ar dev, osact2022-ar dev (official dev splits; the test labels are not in our copy) |
| fa | pars-off-fa official level-A test split (mapped by text, ``data.official_splits``), phate-fa test |
| tr | turkish-offensive-lingda official test split |
| en | olid (all: our copy has no test split), hateval2019 test, ethos (all), jigsaw-toxic-sample (all), youtube-spam video "Youtube04-Eminem" |

``sources``: whole sources for Arabic and Persian, the harder "new site" transfer test: the
held-out corpora come from other platforms, times and annotators than anything trained on.

| lang | held out |
|---|---|
| ar | arabic-offensive-taxonomy (all: YouTube comments), l-hsab (all) |
| fa | pars-off-fa (all), phate-fa official test split |
| tr | turkish-offensive-lingda official test split (its offenseval copies are removed from training) |
| en | as in ``splits`` |
"""

from __future__ import annotations

import re
import zlib

_ENGLISH = {
    "olid": None,
    "hateval2019": "test",
    "ethos": None,
    "jigsaw-toxic-sample": None,
    "youtube-spam": "Youtube04-Eminem",
}

# protocol -> {source: split held out (None: the whole source)}.
PROTOCOLS = {
    "splits": {
        "offenseval2020-ar": "dev",
        "osact2022-ar": "dev",
        "turkish-offensive-lingda": "test",
        "pars-off-fa": "test",
        "phate-fa": "test",
        **_ENGLISH,
    },
    "sources": {
        "arabic-offensive-taxonomy": None,
        "l-hsab": None,
        "turkish-offensive-lingda": "test",
        "pars-off-fa": None,
        "phate-fa": "test",
        **_ENGLISH,
    },
}
DEFAULT_PROTOCOL = "splits"
HOLDOUT = PROTOCOLS[DEFAULT_PROTOCOL]

_HANDLES = re.compile(r"https?://\S+|@\w+|\burl\b", re.UNICODE)
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def holdout(protocol: str = DEFAULT_PROTOCOL) -> dict:
    """``{source: split or None}`` held out by ``protocol`` (ValueError when unknown)."""
    try:
        return PROTOCOLS[protocol]
    except KeyError:
        raise ValueError(f"unknown protocol {protocol!r}: choose one of {sorted(PROTOCOLS)}")


def dedupe_key(text: str) -> str:
    """A key equal for trivially different copies of one text (case, handles, URLs, punctuation)."""
    return _NON_WORD.sub("", _HANDLES.sub("", text.casefold()))


def is_held_out(row, protocol: str = DEFAULT_PROTOCOL) -> bool:
    """Whether a row belongs to the held-out evaluation set of ``protocol``."""
    sets = holdout(protocol)
    if row.source not in sets:
        return False
    split = sets[row.source]
    return split is None or row.split == split


def split_rows(rows, protocol: str = DEFAULT_PROTOCOL):
    """``(train, held_out)``: training rows that duplicate a held-out text are dropped."""
    held = [r for r in rows if is_held_out(r, protocol)]
    seen = {dedupe_key(r.text) for r in held}
    train = [r for r in rows if not is_held_out(r, protocol) and dedupe_key(r.text) not in seen]
    return train, held


def is_calibration(row) -> bool:
    """Half of the held-out rows, chosen by a stable hash of the text, calibrate the thresholds."""
    return zlib.crc32(row.text.encode("utf-8")) % 2 == 0
