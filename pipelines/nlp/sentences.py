"""Sentence splitting with character offsets into the cleaned text.

Arabic news punctuation is irregular (no space after the full stop, quotes closing after it, decimals and
abbreviations with dots), so boundaries are found by a small rule set rather than an English-trained splitter:
a line break, or . ! ? ؟ … followed by whitespace or a closing quote, except between digits (2.500) and after
single-letter abbreviations (أ.ف.ب).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BOUNDARY = re.compile(r"(?<!\d[.])(?<![.]\S[.])[.!?؟…]+[\"'”»)]*(?=\s|$)|\n+")
_ABBREV = re.compile(r"(?:^|\s)\S\.$")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str


def split_sentences(text: str, max_chars: int = 2000) -> list[Sentence]:
    """Sentences of `text` as (start, end, text), stripped of surrounding whitespace; very long runs without
    punctuation are cut at the last space before `max_chars` so no sentence is unbounded."""
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if m.group()[0] != "\n" and _ABBREV.search(text[pos : m.start() + 1]):
            continue
        _emit(text, pos, end, out, max_chars)
        pos = m.end()
    _emit(text, pos, len(text), out, max_chars)
    return out


def _emit(text: str, start: int, end: int, out: list[Sentence], max_chars: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        cut = cut if cut > start else start + max_chars
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut + 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
