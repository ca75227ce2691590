"""Hashed text features shared by training and inference.

Contract: ``hash_features(folded_texts, languages, config)`` returns ``(indptr, indices, values)``,
a CSR layout with one row per text whose columns are bucket numbers in ``[0, config.buckets)``.
The same function runs at training time (wrapped in a scipy matrix) and at inference time (a numpy
gather-sum), so a model can only ever see features computed one way.

Features are language-agnostic by design, so what is learned in one language can transfer to a
related one (Sorani shares Arabic-script character n-grams with Persian and Arabic; Kurmanji shares
Latin-script ones with Turkish):

- character n-grams of lengths ``char_min..char_max`` taken inside words padded with one space
  (scikit-learn's ``char_wb``), which survive spelling variants, inflection and obfuscation;
- word unigrams and bigrams;
- one bias feature per language, so a head can shift its prior per language;
- for the languages in ``crossed_languages``, a second copy of every n-gram feature crossed with
  the language, in a table of its own (``cross_buckets``, after the shared ``buckets``): the
  "frustratingly easy" domain adaptation of Daumé III (2007). A head learns what an n-gram means in
  every language on the shared copy and what it means in Arabic or Persian alone on the crossed
  one, so a word that is abuse in one of them and harmless in the other (Arabic-script words
  collide across ar, fa and ckb) need not be learnt as a compromise. Languages with no training
  rows have no crossed weights of their own; ``cross_as`` lets one read a related language's
  (Sorani, written in the Persian form of the Arabic script with many Persian words, reads
  Persian's); Kurmanji reads the shared weights only.

Hashing is deterministic across processes and platforms (a fixed polynomial hash mixed with
splitmix64 constants, and CRC-32 for words), never Python's salted ``hash()``. Counts are scaled
by ``log1p`` and each row is L2-normalised, then optionally multiplied by a per-bucket IDF weight
stored with the model.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+", re.UNICODE)
_PRIME = np.uint64(1_000_003)
_MIX1 = np.uint64(0xFF51AFD7ED558CCD)
_MIX2 = np.uint64(0xC4CEB9FE1A85EC53)
_SHIFT = np.uint64(33)
_SPACE = 32


@dataclass(frozen=True)
class FeatureConfig:
    """Tunables of the feature space; stored in the model's JSON so inference matches training."""

    buckets: int = 1 << 18
    char_min: int = 2
    char_max: int = 5
    word_ngrams: int = 2
    char_weight: float = 1.0
    word_weight: float = 1.0
    char_wb: bool = True  # False: character n-grams may also span a space between words
    crossed_languages: tuple[str, ...] = ()
    cross_buckets: int = 0  # a power of two when crossed_languages is not empty
    # (language, crossed language) pairs: a language with no training rows that reads another's
    # crossed weights as well as the shared ones (Sorani reads Persian's).
    cross_as: tuple[tuple[str, str], ...] = ()

    @property
    def width(self) -> int:
        """Number of feature columns: the shared buckets, then the language-crossed ones."""
        return self.buckets + (self.cross_buckets if self.crossed_languages else 0)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["crossed_languages"] = list(self.crossed_languages)
        data["cross_as"] = [list(pair) for pair in self.cross_as]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "FeatureConfig":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if "crossed_languages" in known:
            known["crossed_languages"] = tuple(known["crossed_languages"])
        if "cross_as" in known:
            known["cross_as"] = tuple(tuple(pair) for pair in known["cross_as"])
        return cls(**known)


def fold_fallback(text: str) -> str:
    """NFKC + casefold: what ``normalize.fold`` does at least; used only when it is missing."""
    return unicodedata.normalize("NFKC", text).casefold()


def get_fold():
    """Return the engine's ``fold`` function, or the fallback while ``normalize`` is absent."""
    try:
        from majlis.screening.normalize import fold
    except ImportError:  # the normalize module is built in parallel; keep working without it
        return fold_fallback
    return fold


def _salt(salt: int) -> np.uint64:
    return np.uint64(salt * 0x9E3779B97F4A7C15 & 0xFFFFFFFFFFFFFFFF)


def _mix(h: np.ndarray, salt) -> np.ndarray:
    """splitmix64-style finaliser: spreads polynomial hashes evenly over the buckets.

    ``salt`` is one ``_salt(n)`` value, or an array of them (one per hash), so that hashes of
    several kinds are mixed in one pass.
    """
    h = h ^ salt
    h = (h ^ (h >> _SHIFT)) * _MIX1
    h = (h ^ (h >> _SHIFT)) * _MIX2
    return h ^ (h >> _SHIFT)


def _char_ngrams(codes: np.ndarray, config: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    """Hashes and start positions of every char_wb n-gram in a batch of joined texts.

    ``codes`` holds the texts, each space-padded and space-collapsed, joined by NUL separators.
    """
    hashes, starts, salts = [], [], []
    is_space = codes == _SPACE
    is_sep = codes == 0
    h = np.zeros(len(codes), dtype=np.uint64)
    inner = np.zeros(len(codes), dtype=bool)
    crosses = is_sep.copy()
    for n in range(1, config.char_max + 1):
        count = len(codes) - n + 1
        if count <= 0:
            break
        h = h[:count] * _PRIME + codes[n - 1 : n - 1 + count]
        crosses = crosses[:count] | is_sep[n - 1 : n - 1 + count]
        if n >= 3:
            # An n-gram belongs to one padded word when no space sits strictly inside it.
            inner = inner[:count] | is_space[n - 2 : n - 2 + count]
        if n < config.char_min:
            continue
        keep = np.flatnonzero(~(inner[:count] | crosses) if config.char_wb else ~crosses)
        hashes.append(h[keep])
        starts.append(keep)
        salts.append(np.full(len(keep), _salt(n)))
    if not hashes:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    # One mixing pass over every length, each hash with the salt of its length.
    return _mix(np.concatenate(hashes), np.concatenate(salts)), np.concatenate(starts)


def _word_ngrams(texts: list[str], config: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    """Hashes and row numbers of word unigrams (and bigrams when ``word_ngrams >= 2``)."""
    per_text = [_WORD_RE.findall(text) for text in texts]
    counts = np.fromiter((len(w) for w in per_text), np.int64, len(per_text))
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
    crc = zlib.crc32
    uni = np.fromiter(
        (crc(w.encode("utf-8")) for words in per_text for w in words), np.uint64, total
    )
    rows = np.repeat(np.arange(len(per_text)), counts)
    hashes, out_rows = [_mix(uni, _salt(101))], [rows]
    if config.word_ngrams >= 2 and total > 1:
        same = rows[:-1] == rows[1:]  # a bigram never spans two texts
        hashes.append(_mix(uni[:-1][same] * _PRIME + uni[1:][same], _salt(102)))
        out_rows.append(rows[:-1][same])
    return np.concatenate(hashes), np.concatenate(out_rows)


def _pad(text: str) -> str:
    """Collapse whitespace and pad with one space each side ("" stays empty)."""
    core = _SPACE_RE.sub(" ", text.replace("\0", " ")).strip()
    return " " + core + " " if core else ""


def _language_features(languages: list[str]) -> np.ndarray:
    crcs = [zlib.crc32(("lang=" + lang).encode()) for lang in languages]
    return _mix(np.array(crcs, dtype=np.uint64), _salt(103))


def _crossed(rows: np.ndarray, indices: np.ndarray, values: np.ndarray, languages: list[str],
             config: FeatureConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(rows, indices, values)`` of the language-crossed copies of the n-gram features given.

    Only rows whose language is in ``config.crossed_languages`` (or reads one of them, ``cross_as``)
    get copies; a copy keeps its value and goes to bucket ``buckets + mix(bucket, language) %
    cross_buckets``. Two n-grams of one text may share a crossed bucket (consumers sum duplicates,
    as a dot product does).
    """
    crossed = config.crossed_languages
    if not crossed:
        return rows[:0], indices[:0], values[:0]
    reads = dict(config.cross_as)
    targets = [reads.get(lang, lang) for lang in languages]
    if not set(targets).intersection(crossed):
        return rows[:0], indices[:0], values[:0]
    salts = np.array([crossed_salt(lang) if lang in crossed else 0 for lang in targets],
                     dtype=np.uint64)
    keep = np.flatnonzero(salts[rows] != 0)
    mixed = _mix(indices[keep].astype(np.uint64), salts[rows[keep]])
    cross_idx = config.buckets + (mixed & np.uint64(config.cross_buckets - 1)).astype(np.int64)
    return rows[keep], cross_idx, values[keep]


@lru_cache(maxsize=64)
def crossed_salt(language: str) -> np.uint64:
    """The hash salt of ``language``'s crossed features (never 0)."""
    return _salt(zlib.crc32(("cross=" + language).encode()) | 1)


def language_bucket(language: str, config: FeatureConfig) -> int:
    """The bucket of ``language``'s bias feature (training sets a prior there, training.priors)."""
    return int(_language_features([language])[0] & np.uint64(config.buckets - 1))


def hash_features(
    folded_texts: list[str], languages: list[str], config: FeatureConfig,
    idf: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays ``(indptr, indices, values)`` for a batch of folded texts.

    ``languages[i]`` is the language code of ``folded_texts[i]``; unknown codes are allowed (their
    bias feature simply has no learned weight). Within a row the shared n-gram buckets come first,
    sorted, duplicates summed, values ``log1p``-scaled, multiplied by ``idf[bucket]`` when given,
    and L2-normalised; then their language-crossed copies, if any (``_crossed``); last the language
    bias, value 1, not normalised.
    """
    n_rows = len(folded_texts)
    if n_rows != len(languages):
        raise ValueError("folded_texts and languages must have the same length")
    if n_rows == 1 and config.char_wb:
        one = _one_text(folded_texts[0], languages[0], config, idf)
        if one is not None:
            return one
    clean = [_pad(t) for t in folded_texts]
    joined = "\0".join(clean)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(c) + 1 for c in clean), np.int64, n_rows)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    char_h, char_pos = _char_ngrams(codes, config)
    char_rows = np.searchsorted(offsets, char_pos, side="right") - 1
    word_h, word_rows = _word_ngrams(clean, config)
    mask = np.uint64(config.buckets - 1)
    idx = (np.concatenate([char_h, word_h]) & mask).astype(np.int64)
    rows = np.concatenate([char_rows, word_rows])
    weights = np.concatenate(
        [np.full(len(char_h), config.char_weight), np.full(len(word_h), config.word_weight)]
    )
    keys, inverse = np.unique(rows * config.buckets + idx, return_inverse=True)
    values = np.log1p(np.bincount(inverse, weights=weights, minlength=len(keys)))
    if idf is not None:
        values *= idf[keys % config.buckets]
    key_rows = keys // config.buckets
    norms = np.sqrt(np.bincount(key_rows, weights=values * values, minlength=n_rows))
    values /= np.where(norms > 0, norms, 1.0)[key_rows]
    shared = keys % config.buckets
    cross_rows, cross_idx, cross_values = _crossed(key_rows, shared, values, languages, config)
    # Append the crossed copies and one language-bias column per row, then restore row order.
    lang_idx = (_language_features(languages) & mask).astype(np.int64)
    all_rows = np.concatenate([key_rows, cross_rows, np.arange(n_rows)])
    order = np.argsort(all_rows, kind="stable")
    indices = np.concatenate([shared, cross_idx, lang_idx])[order]
    values = np.concatenate([values, cross_values, np.ones(n_rows)])[order]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(all_rows, minlength=n_rows))])
    return indptr, indices, values


@lru_cache(maxsize=20000)
def _token_buckets(token: str, config: FeatureConfig) -> np.ndarray:
    """Bucket numbers of the char_wb n-grams of one space-free token (its padded form " token ").

    With ``char_wb`` no n-gram spans two words, so a text's character n-grams are the union of its
    tokens': a comment is mostly words seen before, and their n-grams are hashed once per process.
    """
    codes = np.frombuffer(f" {token} ".encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    hashes, _ = _char_ngrams(codes, config)
    hashes = (hashes & np.uint64(config.buckets - 1)).astype(np.int64)
    hashes.flags.writeable = False  # shared by every later text with this token
    return hashes


def _one_text(folded: str, language: str, config: FeatureConfig, idf):
    """``hash_features`` for a single text (one comment screened on submission), the same arrays
    as the batch computation gives, through the per-token cache; ``None`` for an empty text."""
    clean = _pad(folded)
    if not clean:
        return None
    char_idx = [_token_buckets(token, config) for token in clean[1:-1].split(" ")]
    word_h, _ = _word_ngrams([clean], config)
    mask = np.uint64(config.buckets - 1)
    idx = np.concatenate([*char_idx, (word_h & mask).astype(np.int64)])
    n_char = len(idx) - len(word_h)
    weights = np.concatenate([np.full(n_char, config.char_weight), np.full(len(word_h), config.word_weight)])
    keys, inverse = np.unique(idx, return_inverse=True)
    values = np.log1p(np.bincount(inverse, weights=weights, minlength=len(keys)))
    if idf is not None:
        values *= idf[keys]
    # As the batch path: a bincount over one row sums the squares in the same order.
    norm = np.sqrt(np.bincount(np.zeros(len(keys), dtype=np.int64), weights=values * values, minlength=1))
    values /= np.where(norm > 0, norm, 1.0)[0]
    _, cross_idx, cross_values = _crossed(np.zeros(len(keys), dtype=np.int64), keys, values,
                                          [language], config)
    lang_idx = (_language_features([language]) & mask).astype(np.int64)
    indices = np.concatenate([keys, cross_idx, lang_idx])
    values = np.concatenate([values, cross_values, np.ones(1)])
    return np.array([0, len(indices)]), indices, values
