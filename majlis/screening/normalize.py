"""Text normalization for matching and model features, with an offset map back to the original.

``normalize(text)`` returns a :class:`Normalized` whose ``.text`` is the folded text and whose
``.span(start, end)`` maps a slice of the folded text back to ``(orig_start, orig_end)`` so that
``text[orig_start:orig_end]`` is what the reader actually wrote. ``fold(text)`` is the same folded
text without the offset map (what the classifiers see).

Folding, in order:

1. Per character (see ``charfold``): NFKC, lower case with every Turkish i (I, İ, ı) read as ``i``,
   Arabic-script letter variants unified (ي/ى/ی -> ی, ك -> ک, ە/ھ/ة/ۀ -> ه, hamza carriers -> bare
   letter), tatweel and harakat dropped, zero-width and bidi controls dropped, digits of every system
   read as ASCII digits. ZWNJ survives only between two Arabic-script letters, where it is spelling
   (Persian ``می‌خواهم``); anywhere else it is an obfuscation. Combining marks compose with the
   preceding letter when Unicode has a precomposed form (``s`` + cedilla -> ``ş``) and are dropped
   otherwise (which also defeats "Zalgo" text).
2. Leetspeak inside tokens that mix letters with digits or ``@ $ !`` (``sh1t``, ``@ss``, ``b!tch``),
   but not in ordinary alphanumerics such as ``covid19``, ``mp3``, ``3rd`` or ``10am``.
3. Spaced-out words (three or more single letters separated by spaces or punctuation: ``f u c k``,
   ``f.u.c.k``) are joined.
4. Letters repeated three or more times are cut to two (``fuuuuck`` -> ``fuuck``, ``كلللب`` ->
   ``کللب``); the lexicon also tries the token with doubled letters undoubled, so both ``fuuck`` and
   ``kill`` match while ``ass`` never turns into ``as``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

ZWNJ = "\u200c"

# Arabic-script letter variants folded to one form (the Persian/Sorani letters win, so that Persian
# and Sorani text stays readable in the folded form).
_ARABIC_LETTERS = {
    "ي": "ی", "ى": "ی", "ې": "ی", "ۍ": "ی", "ئ": "ی",
    "ك": "ک", "ڪ": "ک",
    "ە": "ه", "ھ": "ه", "ة": "ه", "ۀ": "ه", "ہ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و",
}
_TURKISH_I = {"I": "i", "İ": "i", "ı": "i"}


def _is_dropped_mark(ch: str) -> bool:
    """Harakat, Quranic marks, tatweel, and format/bidi controls: never part of a word's identity."""
    o = ord(ch)
    return (
        0x064B <= o <= 0x065F
        or o == 0x0670
        or 0x0610 <= o <= 0x061A
        or 0x06D6 <= o <= 0x06ED
        or o == 0x0640  # tatweel
        or (unicodedata.category(ch) == "Cf" and ch != ZWNJ)
        or 0xFE00 <= o <= 0xFE0F  # variation selectors
    )


def _fold_one(ch: str) -> str:
    if ch in _TURKISH_I:
        return "i"
    if _is_dropped_mark(ch):
        return ""
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.digit(ch))
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c in _TURKISH_I:
            out.append("i")
            continue
        if _is_dropped_mark(c) or unicodedata.combining(c):
            continue  # NFKC already composed what can be composed (e.g. U+00B4 -> space + mark)
        c = _ARABIC_LETTERS.get(c, c)
        low = c.lower()
        out.append(low if len(low) == 1 else c)  # lower() of a few letters grows: keep the letter
    return "".join(out)


_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 20000


def charfold(ch: str) -> str:
    """Fold one character (not ZWNJ, not a combining mark); cached."""
    got = _CACHE.get(ch)
    if got is None:
        got = _fold_one(ch)
        if len(_CACHE) < _CACHE_LIMIT:
            _CACHE[ch] = got
    return got


def _is_arabic_letter(ch: str) -> bool:
    return ("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f") and ch.isalpha()


# Characters for which the per-character loop is needed; any other text folds 1:1 via lower().
_SIMPLE_RE = re.compile(r"[A-Za-z0-9\s!-/:-@\[-`{-~]*")


def _char_stage(text: str) -> tuple[str, list[int], list[int]]:
    """Stage 1: per-character folding. Returns (folded, starts, ends) in original coordinates."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch == ZWNJ:
            if out and _is_arabic_letter(out[-1]) and i + 1 < n and _is_arabic_letter(charfold(text[i + 1])[:1] or " "):
                out.append(ch)
                starts.append(i)
                ends.append(i + 1)
            continue
        if unicodedata.combining(ch) and not _is_dropped_mark(ch):
            if out:
                composed = unicodedata.normalize("NFC", out[-1] + ch)
                if len(composed) == 1:
                    out[-1] = composed
                ends[-1] = i + 1
            continue
        folded = charfold(ch)
        for c in folded:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
        if not folded and out:
            ends[-1] = i + 1  # a dropped mark belongs to the letter before it
    return "".join(out), starts, ends


# --- token-level stages ---------------------------------------------------------------------

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
# A token (run of word characters and @ $ !) holding at least one letter and one leet character.
_LEET_TOKEN_RE = re.compile(r"(?<![\w@$!])(?=[\w@$!]*[^\W\d_])(?=[\w@$!]*[013457@$!])[\w@$!]+")
_HAS_LEET_RE = re.compile(r"[013457@$!]")
# Ordinary alphanumerics that are not leetspeak: covid19, mp3, g20; 3rd, 10am, 5g, 4x4, 100km.
_PLAIN_ALNUM_RE = re.compile(
    r"[^\W\d_]+\d+|\d+(?:st|nd|rd|th|am|pm|s|k|m|g|d|x|km|kg|cm|mm|gb|mb|tl|x\d+)?"
)
_SPACED_RE = re.compile(r"(?<![\w])[^\W\d_](?:[ .\-_·*+]{1,3}[^\W\d_](?![\w])){2,}")
_STRETCH_RE = re.compile(r"([^\W\d_])\1{2,}")
_JOIN_SEPARATORS = frozenset(" .-_·*+")


def _leet_sub(m: re.Match) -> str:
    tok = m.group()
    if not _HAS_LEET_RE.search(tok) or _PLAIN_ALNUM_RE.fullmatch(tok):
        return tok
    # "name@example.com": the '@' of an e-mail address is not an 'a'.
    end = m.end()
    s = m.string
    if "@" in tok and end + 1 < len(s) and s[end] == "." and s[end + 1].isalnum():
        return tok
    # A '!' is a leet 'i' only inside a word ("b!tch"); at the end it is punctuation ("idiot!").
    last = len(tok.rstrip("!"))
    return "".join(_LEET.get(c, c) if not (c == "!" and i >= last) else c for i, c in enumerate(tok))


# Text is already lower-cased here, so only the article "a" can be told apart, not "I".
_LEADING_WORD_RE = re.compile(r"a +(?=(?:[^\W\d_][ .\-_·*+]{1,3}){2,}[^\W\d_])")


def _spaced_sub(m: re.Match) -> str:
    """Join a spaced-out word, leaving out a leading article ("a m o r o n" -> "a moron")."""
    word = m.group()
    lead = _LEADING_WORD_RE.match(word)
    keep = lead.group() if lead else ""
    return keep + "".join(c for c in word[len(keep):] if c not in _JOIN_SEPARATORS)


def _stretch_sub(m: re.Match) -> str:
    return m.group(1) * 2


def _regex_stage(text, starts, ends, pattern, repl):
    """Apply ``repl`` to every match; kept characters keep their offsets.

    ``repl`` returns a string that is either the same length as the match (a 1:1 substitution)
    or a subsequence of it (characters dropped), so each output character still descends from
    exactly one input character and the offset map stays exact.
    """
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        a, b = m.span()
        rep = repl(m)
        if rep == m.group():
            continue
        out.append(text[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        if len(rep) == b - a:
            idx = range(a, b)
        else:
            idx = _subsequence_indices(text, a, b, rep)
        out.append(rep)
        new_starts.extend(starts[j] for j in idx)
        new_ends.extend(ends[j] for j in idx)
        if idx:
            new_ends[-1] = ends[b - 1]  # dropped tail of a run belongs to the last kept char
        pos = b
    if pos == 0:
        return text, starts, ends
    out.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(out), new_starts, new_ends


def _subsequence_indices(text: str, a: int, b: int, rep: str) -> list[int]:
    """Indices in text[a:b] of rep's characters, the last one stretched to cover the whole match."""
    idx = []
    j = a
    for c in rep:
        while text[j] != c:
            j += 1
        idx.append(j)
        j += 1
    return idx


@dataclass(frozen=True)
class Normalized:
    """Folded text plus, per folded character, the original slice it came from."""

    original: str
    text: str
    _starts: Sequence[int]
    _ends: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` (end > start) to ``(orig_start, orig_end)`` in the original."""
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]``."""
        a, b = self.span(start, end)
        return self.original[a:b]


@lru_cache(maxsize=256)
def normalize(text: str) -> Normalized:
    """Fold ``text`` (see the module docstring) and keep the offset map.

    Cached for the last few texts: a comment is folded for flood detection before it is screened.
    """
    folded = _one_to_one(text)
    if folded is not None:
        # Every character folds to exactly one character: the offset map is the identity.
        starts, ends = range(len(text)), range(1, len(text) + 1)
    else:
        folded, starts, ends = _char_stage(text)
    for pattern, repl in _STAGES:
        if pattern is _LEET_TOKEN_RE and not _HAS_LEET_RE.search(folded):
            continue
        folded, starts, ends = _regex_stage(folded, starts, ends, pattern, repl)
    return Normalized(text, folded, starts, ends)


# ord(char) -> folded char, for characters that fold to exactly one character (a str.translate
# table, grown as characters are met); characters that do not are in _NOT_ONE_TO_ONE.
_ONE_TO_ONE: dict[int, str] = {}
_NOT_ONE_TO_ONE: set[str] = {ZWNJ}


def _one_to_one(text: str) -> str | None:
    """The folded text when every character folds 1:1 (fast path, done in C), else None."""
    if _SIMPLE_RE.fullmatch(text):
        return text.lower()
    for ch in set(text):
        o = ord(ch)
        if o in _ONE_TO_ONE:
            continue
        if ch in _NOT_ONE_TO_ONE:
            return None
        folded = charfold(ch)
        if len(folded) == 1 and not unicodedata.combining(ch) and len(_ONE_TO_ONE) < _CACHE_LIMIT:
            _ONE_TO_ONE[o] = folded
        else:
            if len(_NOT_ONE_TO_ONE) < _CACHE_LIMIT:
                _NOT_ONE_TO_ONE.add(ch)
            return None
    return text.translate(_ONE_TO_ONE)


_STAGES = (
    (_LEET_TOKEN_RE, _leet_sub),
    (_SPACED_RE, _spaced_sub),
    (_STRETCH_RE, _stretch_sub),
)


def fold(text: str) -> str:
    """The folded text of :func:`normalize`, without the offset map (the classifiers' input)."""
    return normalize(text).text
