"""Load the labelled CSVs of ``../shared/data`` and map their labels onto the classifier heads.

Each source folder holds ``<name>/<name>.csv`` with columns ``text``, ``lang``, then 0/1 label columns
and optionally ``split`` (or, for sources in ``SPLIT_FILES``, the official split of the original
files, matched by text). A missing column means the source does not annotate that label: the head
gets *no* label from that row (``None``), never a silent 0. Two rules add negatives safely:

- a row labelled not offensive/toxic is negative for every abuse head (a clean comment is neither
  profane, threatening nor abusive);
- rows of non-spam sources are negatives for ``promotion`` at a reduced weight (tweets about news and
  politics are very rarely ads), so the promotion head sees every language, not only English SMS.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

# The trained heads. ``vulgarity`` has no data of its own and reads the profanity head (see ALIASES).
HEADS = ("offensive", "personal_attack", "profanity", "threat", "identity_abuse", "promotion")
ALIASES = {"vulgarity": "profanity"}
ABUSE_HEADS = ("personal_attack", "profanity", "threat", "identity_abuse")
SUB_COLUMNS = {"profanity": "profanity", "threat": "threat", "identity_abuse": "identity_attack"}
PROMOTION_NEGATIVE_WEIGHT = 0.3
# A source larger than this many rows is down-weighted so no single corpus dominates a head.
SOURCE_CAP = 15000
# Weak negatives (source -> weight factor of the abuse heads). HatEval labels hate speech only, so
# its rows carried no offence label, and the English offensive head saw Davidson's 4,163 "neither"
# tweets as its only negatives, against about 24,000 positives. A HatEval row that is not hate
# speech and in which the lexicons find no abuse is now also taken as not offensive, at full
# weight (0.3 ranked as well but left plain English comments scoring higher; see the model card).
# The SMS and YouTube ham rows, tried as well, cost Kurmanji.
WEAK_NEGATIVES = {"hateval2019": 1.0}
# Official splits that a source's CSV does not carry but its original files do:
# source -> ((split, file under the source folder, text column), ...). Rows are matched by text
# (whitespace normalised, ``split_key``); a text in several files takes the LAST split listed, so
# the held-out split wins; unmatched rows keep no split (they stay training rows).
SPLIT_FILES = {
    "pars-off-fa": (
        ("train", "Pars-OFF Dataset/Pars-OFF/Pars-OFF_levela_train.csv", "tweet"),
        ("test", "Pars-OFF Dataset/Pars-OFF/Pars-OFF_levela_test.csv", "tweet"),
    ),
}

csv.field_size_limit(sys.maxsize)


@dataclass
class Row:
    """One labelled text. ``labels`` maps head -> 0/1 (absent = not annotated)."""

    text: str
    lang: str
    source: str
    split: str
    labels: dict = field(default_factory=dict)
    weight: float = 1.0
    head_weights: dict = field(default_factory=dict)  # per-head weight multipliers


def _int(value: str) -> int | None:
    value = (value or "").strip()
    return int(float(value)) if value else None


def labels_from_columns(cols: dict) -> tuple[dict, dict]:
    """Map one CSV row's label columns (name -> 0/1/None) to head labels and head weight factors."""
    off = cols.get("offensive", cols.get("toxic"))
    subs = [cols.get(c) for c in ("profanity", "threat", "insult", "identity_attack")]
    if off is None and any(v == 1 for v in subs):
        off = 1
    labels, weights = {}, {}
    if off is not None:
        labels["offensive"] = off
    pa = cols.get("insult", off)
    if pa is not None:
        labels["personal_attack"] = pa
    for head, column in SUB_COLUMNS.items():
        value = cols.get(column)
        if value is None and off == 0:
            value = 0
        if value is not None:
            labels[head] = value
    if "spam" in cols:
        labels["promotion"] = cols["spam"]
    else:
        labels["promotion"] = 0
        weights["promotion"] = PROMOTION_NEGATIVE_WEIGHT
    return labels, weights


def source_names(data_dir: Path) -> list[str]:
    """Names of the sources in ``data_dir`` (folders holding ``<name>/<name>.csv``)."""
    return sorted(p.name for p in Path(data_dir).iterdir() if (p / f"{p.name}.csv").is_file())


def split_key(text: str) -> str:
    """The text as the split files are matched on: whitespace runs (and ``<LF>``) as one space."""
    return " ".join(text.replace("<LF>", "\n").split())


def official_splits(source_dir: Path, source: str) -> dict[str, str] | None:
    """``{split_key(text): split}`` from the source's original split files (``SPLIT_FILES``), or
    None when the source has none or they are missing."""
    files = SPLIT_FILES.get(source, ())
    if not files or not all((Path(source_dir) / rel).is_file() for _, rel, _ in files):
        return None
    out = {}
    for split, rel, column in files:
        with open(Path(source_dir) / rel, newline="", encoding="utf-8-sig") as fh:
            for rec in csv.DictReader(fh):
                out[split_key(rec[column] or "")] = split
    return out


def read_csv_rows(path: Path, source: str | None = None) -> list[Row]:
    """Rows of one CSV in the shared data format, labels mapped onto heads."""
    path = Path(path)
    source = source or path.stem
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        label_cols = [c for c in reader.fieldnames if c not in ("text", "lang", "split")]
        for rec in reader:
            text = (rec.get("text") or "").replace("<LF>", "\n")
            if not text.strip():
                continue
            cols = {c: _int(rec.get(c)) for c in label_cols}
            cols = {c: v for c, v in cols.items() if v is not None}
            labels, head_weights = labels_from_columns(cols)
            out.append(
                Row(text, rec.get("lang") or "other", source, rec.get("split") or "",
                    labels, 1.0, head_weights)
            )
    splits = None if "split" in reader.fieldnames else official_splits(path.parent, source)
    if splits:
        for row in out:
            row.split = splits.get(split_key(row.text), "")
    return out


def load_sources(data_dir: Path, sample: int | None = None, seed: int = 0) -> list[Row]:
    """Every row of every source, with per-source weights capped at ``SOURCE_CAP`` rows.

    ``sample`` keeps a deterministic subset of at most that many rows per source (for fast tests).
    """
    import random

    rows = []
    for name in source_names(data_dir):
        src = read_csv_rows(Path(data_dir) / name / f"{name}.csv", name)
        if sample is not None and len(src) > sample:
            src = random.Random(f"{seed}:{name}").sample(src, sample)
        if name in WEAK_NEGATIVES:
            add_weak_negatives(src, WEAK_NEGATIVES[name])
        weight = min(1.0, SOURCE_CAP / max(1, len(src)))
        for row in src:
            row.weight = weight
        rows.extend(src)
    return rows


def add_weak_negatives(rows: list[Row], factor: float) -> None:
    """Label, in place, rows clean for their own label and free of lexicon abuse as not offensive
    (``WEAK_NEGATIVES``), each abuse head weighted by ``factor``."""
    from majlis.screening import lexicon
    from majlis.screening.normalize import normalize
    from majlis.screening.scoring import LEXICON_FLOORS

    for row in rows:
        if "offensive" in row.labels or any(row.labels.get(h) for h in HEADS):
            continue
        hits = lexicon.find(normalize(row.text), row.lang)
        if any(h.category in LEXICON_FLOORS for h in hits):
            continue
        for head in ("offensive", *ABUSE_HEADS):
            if head not in row.labels:  # a label the source gives (HatEval's identity) stays as is
                row.labels[head] = 0
                row.head_weights[head] = factor


def rows_from_decisions(decisions, weight_scale: float = 1.0) -> list[Row]:
    """Moderator decisions ``{"text", "language", "labels": {category: 0/1}, "weight"}`` as rows.

    Category codes map onto heads (``vulgarity`` feeds the profanity head). Categories a decision
    does not mention stay unknown, except that a decision whose labels are all 0 (an approval)
    is negative for every head.
    """
    out = []
    for d in decisions:
        given = {k: int(v) for k, v in (d.get("labels") or {}).items()}
        labels = {}
        for code, value in given.items():
            head = ALIASES.get(code, code)
            if head in HEADS:
                labels[head] = max(labels.get(head, 0), value)
        if given and not any(given.values()):
            labels = {h: 0 for h in HEADS}
        abuse = [labels[h] for h in ABUSE_HEADS if h in labels]
        if any(abuse):
            labels["offensive"] = 1
        if not labels:
            continue
        out.append(
            Row(d["text"], d.get("language") or "other", "decisions", "",
                labels, float(d.get("weight", 1.0)) * weight_scale)
        )
    return out
