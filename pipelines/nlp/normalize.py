"""Arabic normalization and tokenization shared by every NLP stage.

`norm` is the matching key used for lexicon look-ups: diacritics and tatweel removed (camel-tools), alef
variants folded to bare alef, alef maqsura to yaa, taa marbuta to haa, digits to ASCII. Tokens keep their
character offsets into the cleaned text, so everything downstream can point back at its evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# A token is a run of digits with inner separators (2,500 / ٢٬٥٠٠ / 1.5), a run of letters (with their
# diacritics and tatweel), or any other single non-space character. Digits and letters are split apart
# because scraped text glues them ("نحو70", "بـ4").
TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)*|(?:[^\W\d_]|[\u064B-\u065F\u0670\u0640])+|\S")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    norm: str


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Matching key of a word or phrase (see module docstring)."""
    s = dediac_ar(text).replace("\u0640", "")
    s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(s)))
    return s.translate(DIGITS)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` with character offsets (shifted by `offset`) and their matching keys."""
    return [Token(m.group(), m.start() + offset, m.end() + offset, norm(m.group())) for m in TOKEN_RE.finditer(text)]


@lru_cache(maxsize=200_000)
def strip_proclitics(word_norm: str) -> tuple[str, ...]:
    """Candidate stems of a normalized word, longest first: the word, then without و/ف, ب/ل/ك and ال."""
    out = [word_norm]
    for pre in ("و", "ف"):
        if word_norm.startswith(pre) and len(word_norm) > 3:
            out.append(word_norm[1:])
    for w in list(out):
        for pre in ("ب", "ل", "ك"):
            if w.startswith(pre) and len(w) > 3:
                out.append(w[1:])
        if w.startswith("لل") and len(w) > 4:
            out.append("ال" + w[2:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.append(w[2:])
    seen: dict[str, None] = {}
    for w in out:
        seen.setdefault(w, None)
    return tuple(seen)


def is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" or "\u0671" <= ch <= "\u06d3"
