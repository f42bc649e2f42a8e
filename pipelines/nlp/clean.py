"""Cleaning scraped Arabic articles: characters first, then lines that are not part of the story.

Characters: Arabic presentation forms and compatibility characters are folded with NFKC (only those ranges:
NFKC elsewhere would rewrite digits, fractions and ligatures a reader sees), zero-width and bidi controls and
tatweel are dropped, exotic spaces become plain spaces, diacritics are composed (NFC).

Lines: a jusText-style classifier (jusText itself works on HTML blocks, and scraped .txt/JSON feeds have
lost their markup, so its features are recomputed here on lines): length, stop-word density (jusText's Arabic
stop list), sentence punctuation, cue words about the site or the reader (`lexicons/boilerplate.yaml`),
repetition inside the article (repeated titles, captions) and across the batch (lines that many articles of
the same outlet share), and position (the trailing block after the last story line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import justext
import yaml

from .normalize import norm

_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF\u2000-\u200A\u00A0\u202F\u205F\u3000\uFF01-\uFF5E]+")
_INVISIBLE = re.compile(r"[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD\u0640\u061C]")
_SPACES = re.compile(r"[ \t\f\v]+")
_WORD = re.compile(r"[^\W\d_]+")
_TERMINAL = tuple(".!؟?…»\"”:")
# "تعتقد/تعتقدين", "أرسل/أرسلي": a verb and its feminine form side by side, speaking to the reader
_READER_ADDRESS = re.compile(r"(\w+)\s?/\s?\1(?:ين|ي)\b")


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(norm(w) for w in justext.get_stoplist("Arabic"))


@cache
def _cues() -> frozenset[str]:
    with (resources.files("pipelines.nlp") / "lexicons" / "boilerplate.yaml").open(encoding="utf-8") as f:
        return frozenset(norm(w) for w in yaml.safe_load(f)["cue_words"])


def normalize_characters(text: str) -> str:
    """Character-level cleaning (see module docstring); keeps line breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def line_key(line: str) -> str:
    """Key under which repeated lines are counted (normalized words only). The whole line is normalized
    at once (the normalization maps characters, so this equals normalizing word by word, except that
    diacritics no longer split words) and outside `norm`'s word cache, which lines would only churn."""
    return " ".join(_WORD.findall(norm.__wrapped__(line)))


@dataclass
class LineFeatures:
    n_words: int
    stop_density: float
    cue_hits: int
    terminal: bool
    reader_address: bool


def line_features(line: str) -> LineFeatures:
    words = [norm(w) for w in _WORD.findall(line)]
    n = len(words)
    stops = sum(1 for w in words if w in _stopwords() or (w[:1] in "وفبل" and w[1:] in _stopwords()))
    cues = _cues()
    hits = sum(1 for w in words if w in cues or (len(w) > 3 and w[:1] in "وبل" and w[1:] in cues))
    return LineFeatures(n, stops / n if n else 0.0, hits, line.rstrip().endswith(_TERMINAL),
                        bool(_READER_ADDRESS.search(line)))


@dataclass
class CleanedArticle:
    title: str | None
    text: str
    removed_lines: int


def _cue_density(f: LineFeatures) -> float:
    return f.cue_hits / f.n_words if f.n_words else 0.0


def _is_story(f: LineFeatures) -> bool:
    """A line that reads like running prose (cue words are judged by their share: a long story line may
    well mention a website or an official)."""
    if f.reader_address:
        return False
    if f.n_words >= 12 and _cue_density(f) <= 0.12:
        return True
    return f.n_words >= 7 and f.stop_density >= 0.15 and f.cue_hits == 0


def clean_article(raw: str, title: str | None = None, common_lines: Iterable[str] = ()) -> CleanedArticle:
    """Clean one article. `title` is the known title (metadata), else the first line that reads as one.

    `common_lines` holds `line_key`s that many articles of the same outlet share (site furniture).
    """
    common = set(common_lines)
    lines = [ln for ln in normalize_characters(raw).split("\n")]
    keys = [line_key(ln) for ln in lines]
    counts: dict[str, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    feats = [line_features(ln) for ln in lines]

    # the title: given, else one of the first lines with 3-25 words that does not end like a sentence
    title_key = line_key(title) if title else None
    first_content = next((i for i, k in enumerate(keys) if k), None)
    if title is None and first_content is not None:
        for i in range(first_content, min(len(lines), first_content + 3)):
            f = feats[i]
            if 3 <= f.n_words <= 25 and not lines[i].rstrip().endswith("."):
                title, title_key = lines[i], keys[i]
                break

    story_idx = [i for i, f in enumerate(feats) if _is_story(f) and keys[i] not in common]
    last_story = story_idx[-1] if story_idx else -1
    first_story = story_idx[0] if story_idx else len(lines)

    kept: list[str] = []
    seen: set[str] = set()
    removed = 0
    for i, (line, key, f) in enumerate(zip(lines, keys, feats, strict=True)):
        if not key:
            if line.strip() and kept and kept[-1] != "":
                removed += 1
            if kept and kept[-1] != "":
                kept.append("")
            continue
        drop = False
        if key == title_key or key in seen or key in common:
            drop = True  # repeated title, repeated caption, outlet furniture
        elif counts.get(key, 0) > 1 and not _is_story(f):
            drop = True  # captions are printed twice by many scrapers
        elif f.reader_address or (f.cue_hits >= 2 and not _is_story(f)):
            drop = True  # talks about the site, the article or the reader
        elif i > last_story and not _is_story(f):
            drop = True  # trailing furniture after the story ("أحدث المواد", "تابعنا على")
        elif i < first_story and f.n_words < 4 and not f.terminal:
            drop = True  # section labels before the story ("سياسة عربية")
        elif f.n_words < 6 and f.cue_hits >= 1 and not f.terminal:
            drop = True  # "اظهار أخبار متعلقة", "التعليقات (0)"
        seen.add(key)
        if drop:
            removed += 1
            continue
        kept.append(line)
    while kept and kept[-1] == "":
        kept.pop()
    text = "\n".join(kept).strip()
    return CleanedArticle(title.strip() if title else None, text, removed)
