"""Arabic named-entity recognition for troopwatch.

A plain library (no orchestration imports).  It provides

* :func:`tokenize_with_offsets` -- ANERcorp-style word tokenisation that keeps
  character offsets into the original text;
* :class:`FeatureExtractor` / :func:`token_features` -- the CRF feature
  function (surface form, normalised and clitic-stripped forms, affixes, word
  shape, gazetteers, distributional word clusters, +-2 window);
* :class:`CrfNerTagger` -- the default, committed python-crfsuite model
  (``models/ner_crf.crfsuite``), trained by ``scripts/train_ner.py``;
* :class:`CamelBertNerTagger` -- optional backend wrapping camel-tools'
  BERT ``NERecognizer`` (imported lazily);
* :func:`entities_from_tags`, :func:`tag_conll`, :func:`load_ner_tagger`.

Tags are BIO over the ANERcorp types ``PERS``, ``LOC``, ``ORG``, ``MISC``.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

__all__ = [
    "ENTITY_TYPES",
    "TAGS",
    "MODELS_DIR",
    "DEFAULT_MODEL_PATH",
    "DEFAULT_CLUSTERS_PATH",
    "DEFAULT_GAZETTEER_PATH",
    "tokenize_with_offsets",
    "tokenize",
    "normalize_ar",
    "strip_clitics",
    "word_shape",
    "FeatureExtractor",
    "token_features",
    "sentence_features",
    "repair_bio",
    "entities_from_tags",
    "split_sentences",
    "harmonize_document",
    "harmonize_documents",
    "document_batches",
    "CrfScorer",
    "viterbi_decode",
    "best_paths",
    "CrfNerTagger",
    "CamelBertNerTagger",
    "load_ner_tagger",
    "read_conll",
    "tag_conll",
]

ENTITY_TYPES = ("PERS", "LOC", "ORG", "MISC")
TAGS = ("O",) + tuple(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I"))
_VALID_TAGS = frozenset(TAGS)

MODELS_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL_PATH = MODELS_DIR / "ner_crf.crfsuite"
DEFAULT_CLUSTERS_PATH = MODELS_DIR / "word_clusters.tsv.gz"
DEFAULT_GAZETTEER_PATH = MODELS_DIR / "ner_gazetteer.tsv.gz"
CLUSTERS_FILENAME = DEFAULT_CLUSTERS_PATH.name
GAZETTEER_FILENAME = DEFAULT_GAZETTEER_PATH.name

# --------------------------------------------------------------------------
# Tokenisation
# --------------------------------------------------------------------------

_AR_LETTER = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC"
_DIAC = "\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED"
_TATWEEL = "\u0640"
_DIGIT = "0-9\u0660-\u0669\u06F0-\u06F9"
_WORD_CHAR = rf"(?:[^\W_]|[{_DIAC}{_TATWEEL}\u200C\u200D])"

_TOKEN_RE = re.compile(
    # Arabic dotted abbreviations such as ق.م. or د.ب.أ.
    rf"(?:[{_AR_LETTER}]\.){{2,}}(?!{_WORD_CHAR})"
    r"|(?:[A-Za-z]\.){2,}(?![^\W_])"
    # numbers with decimal / thousands separators (1.5, 1,000, ١٫٥) and %,
    # optionally with attached Arabic proclitics (و1,000).
    rf"|[{_AR_LETTER}{_DIAC}]{{0,3}}[{_DIGIT}]+(?:[.,\u066B\u066C][{_DIGIT}]+)*[%\u066A]?(?!{_WORD_CHAR})"
    # words: letters, digits, Arabic diacritics, tatweel, ZWJ/ZWNJ.
    rf"|{_WORD_CHAR}+"
    # punctuation / symbols: runs of the same character (..., --, !!).
    r"|(?P<p>\S)(?P=p)*"
)


def tokenize_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """Split *text* into ANERcorp-style tokens with character offsets.

    Returns ``(token, start, end)`` triples with ``text[start:end] == token``.
    Punctuation (including Arabic ``، ؛ ؟``, guillemets ``« »`` and quotes) is
    split from words; numbers keep their decimal / thousands separators
    (``3.5``, ``1,000``, ``٣٫٥``) and a directly attached per-cent sign.
    Clitics are *not* split (ANERcorp keeps ``وألمانيا`` as one token).
    """
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def tokenize(text: str) -> list[str]:
    """Tokens of :func:`tokenize_with_offsets` without offsets."""
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]


# --------------------------------------------------------------------------
# Normalisation helpers
# --------------------------------------------------------------------------

_NORM_TABLE = {ord(c): None for c in (
    "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653\u0654\u0655"
    "\u0656\u0657\u0658\u0659\u065A\u065B\u065C\u065D\u065E\u065F\u0670"
    "\u0610\u0611\u0612\u0613\u0614\u0615\u0616\u0617\u0618\u0619\u061A"
    "\u0640\u200C\u200D\u200E\u200F"
)}
_NORM_TABLE.update({
    ord("\u0622"): "\u0627",  # alef madda -> alef
    ord("\u0623"): "\u0627",  # alef hamza above -> alef
    ord("\u0625"): "\u0627",  # alef hamza below -> alef
    ord("\u0671"): "\u0627",  # alef wasla -> alef
    ord("\u0649"): "\u064A",  # alef maksura -> yaa
    ord("\u0629"): "\u0647",  # taa marbuta -> haa
    ord("\u06CC"): "\u064A",  # farsi yeh -> yaa
    ord("\u06A9"): "\u0643",  # keheh -> kaf
})
for _i in range(10):
    _NORM_TABLE[0x0660 + _i] = str(_i)
    _NORM_TABLE[0x06F0 + _i] = str(_i)
_NORM_TABLE[ord("\u066B")] = "."
_NORM_TABLE[ord("\u066C")] = ","
_NORM_TABLE[ord("\u066A")] = "%"


def normalize_ar(token: str) -> str:
    """Dediacritise and orthographically normalise an Arabic token.

    Removes diacritics and tatweel, maps alef variants to bare alef, alef
    maksura to yaa, taa marbuta to haa, Arabic-Indic digits to ASCII, and
    lower-cases Latin script.  (Same conventions as camel-tools'
    ``dediac_ar`` + ``normalize_alef_ar`` / ``normalize_alef_maksura_ar`` /
    ``normalize_teh_marbuta_ar``.)
    """
    return token.translate(_NORM_TABLE).lower()


# Proclitic combinations, longest first.  Everything here operates on the
# normalised form (so أ/إ/آ are already ا and ة is ه).
_DET_PREFIXES = ("وبال", "وكال", "وفال", "فبال", "ولل", "فلل", "وال", "فال",
                 "بال", "كال", "لل", "ال")
_CONJ_PREP_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def strip_clitics(norm: str, counts: dict[str, int] | None = None) -> str:
    """Conservatively strip proclitics (و ف ب ل ك + ال) from a normalised word.

    Determiner combinations (``وال``, ``بال``, ``لل`` ...) are stripped when at
    least two letters remain.  Bare conjunction / preposition prefixes are
    stripped only when *counts* (unlabelled-corpus frequencies) say the
    remainder is a more frequent word than the full form, so ``وزير`` stays
    ``وزير`` while ``وألمانيا`` becomes ``المانيا``.
    """
    for p in _DET_PREFIXES:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            return norm[len(p):]
    if counts:
        full = counts.get(norm, 0)
        for p in _CONJ_PREP_PREFIXES:
            if norm.startswith(p) and len(norm) - len(p) >= 2:
                rest = norm[len(p):]
                if counts.get(rest, 0) > max(full, 2):
                    if rest.startswith("ال") and len(rest) > 3:
                        return rest[2:]
                    return rest
    return norm


def _char_class(ch: str) -> str:
    o = ord(ch)
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        if ch.isdigit():
            return "d"
        return "a" if ch.isalpha() else ("a" if o in _NORM_TABLE else "p")
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "X" if ch.isupper() else "x"
    return ch if ch in ".,%-/:" else "p"


_ARABIC_ONLY_RE = re.compile("^[\u0621-\u0652\u0670]+$")


def word_shape(token: str) -> str:
    """Compressed shape: ``a`` Arabic, ``X``/``x`` Latin case, ``d`` digit,
    ``p`` other punctuation; runs collapse (``2006`` -> ``d``, ``1.5`` -> ``d.d``)."""
    if _ARABIC_ONLY_RE.match(token):
        return "a"
    out: list[str] = []
    for ch in token:
        c = _char_class(ch)
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def _len_bucket(n: int) -> str:
    if n <= 4:
        return str(n)
    if n <= 6:
        return "5-6"
    if n <= 8:
        return "7-8"
    return "9+"


# --------------------------------------------------------------------------
# Resources: word clusters and gazetteers
# --------------------------------------------------------------------------

def _text_lines(path: str | os.PathLike | None, default: Path) -> Iterator[str]:
    """Lines of a model's text file (*default* when *path* is None), gzipped or not; none if it is missing."""
    path = Path(path) if path is not None else default
    if not path.exists():
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


def load_clusters(path: str | os.PathLike | None = None):
    """Read ``word_clusters.tsv.gz``: a ``#word<TAB>count<TAB>k64...`` header
    line, then ``word<TAB>count<TAB>id1<TAB>id2...`` rows.

    Returns ``(clusters, counts, names)`` where ``clusters`` maps a normalised
    word to a tuple of cluster ids (one per granularity) and ``names`` are the
    column names of the granularities (from the ``#`` header line).
    """
    clusters: dict[str, tuple[str, ...]] = {}
    counts: dict[str, int] = {}
    names: tuple[str, ...] = ()
    for lineno, line in enumerate(_text_lines(path, DEFAULT_CLUSTERS_PATH)):
        if lineno == 0 and line.startswith("#word\t"):
            names = tuple(line[1:].rstrip("\n").split("\t")[2:])
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        counts[parts[0]] = int(parts[1])
        clusters[parts[0]] = tuple(parts[2:])
    if not names and clusters:
        names = tuple(f"k{i}" for i in range(len(next(iter(clusters.values())))))
    return clusters, counts, names


def load_word_counts(path: str | os.PathLike | None = None) -> dict[str, int]:
    """The corpus counts of :func:`load_clusters`'s file alone (a third of the memory of both)."""
    counts: dict[str, int] = {}
    for line in _text_lines(path, DEFAULT_CLUSTERS_PATH):
        parts = line.split("\t", 2)
        if len(parts) == 3 and not line.startswith("#word\t"):
            counts[parts[0]] = int(parts[1])
    return counts


def load_gazetteer(path: str | os.PathLike | None = None) -> dict[str, frozenset[str]]:
    """Read ``ner_gazetteer.tsv.gz`` (``normalised entry<TAB>TYPE``).

    Returns a mapping from a space-joined normalised token sequence to the
    set of entity types it is listed under.
    """
    gaz: dict[str, set[str]] = {}
    for line in _text_lines(path, DEFAULT_GAZETTEER_PATH):
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, typ = line.rstrip("\n").rpartition("\t")
        if entry:
            gaz.setdefault(entry, set()).add(typ)
    return {k: frozenset(v) for k, v in gaz.items()}


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------

_PUNCT_RE = re.compile(r"^[^\w\s]+$")
_LATIN_RE = re.compile(r"^[A-Za-z]+$")
_DET_RE = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)")
_CONTEXT_OFFSETS = (-2, -1, 1, 2)
_OFFSET_NAMES = frozenset(str(off) for off in _CONTEXT_OFFSETS)
_CACHE_LIMIT = 30_000  # ~5 KB per memoised token -> at most ~150 MB per process
_NORM_STEM_LIMIT = 100_000  # ~0.3 KB each
_GAZ_MATCH_LIMIT = 10_000  # sentences: a batch's, so that the ensemble's second model finds them


def has_determiner(norm: str) -> bool:
    """The article (ال, with proclitics: وال، بال، لل...) on a normalised word long enough to carry it."""
    return bool(_DET_RE.match(norm)) and len(norm) > 3


def token_class(tok: str, shape: str) -> str | None:
    """``isdigit``, ``islatin`` or ``ispunct`` for a number, a Latin word or punctuation; else None."""
    if tok.isdigit() or shape in ("d", "d.d", "d,d", "d%"):
        return "isdigit"
    if _LATIN_RE.match(tok):
        return "islatin"
    if _PUNCT_RE.match(tok):
        return "ispunct"
    return None


def is_variant(tok: str, norm: str) -> bool:
    """The token carries diacritics or a letter variant that normalisation removed (case aside)."""
    return tok != norm and norm != tok.lower()


class FeatureExtractor:
    """CRF feature function with a per-token memo.

    ``clusters`` maps a normalised word to cluster ids at several
    granularities; ``counts`` are unlabelled-corpus frequencies (used for
    clitic stripping and a frequency-bucket feature); ``gazetteer`` maps a
    space-joined normalised token sequence to entity types.
    """

    def __init__(
        self,
        clusters: dict[str, tuple[str, ...]] | None = None,
        counts: dict[str, int] | None = None,
        gazetteer: dict[str, frozenset[str]] | None = None,
        cluster_names: Sequence[str] | None = None,
    ) -> None:
        self.clusters = clusters or {}
        self.counts = counts or {}
        self.gazetteer = gazetteer or {}
        n_gran = len(next(iter(self.clusters.values()))) if self.clusters else 0
        self.cluster_names = tuple(cluster_names or (f"k{i}" for i in range(n_gran)))
        self.gaz_max_len = max((k.count(" ") + 1 for k in self.gazetteer), default=0)
        self._gaz_first = frozenset(k.split(" ", 1)[0] for k in self.gazetteer if " " in k)
        self._cache: dict[str, tuple] = {}
        self._norm_stem: dict[str, tuple[str, str]] = {}
        self._gaz_matches: dict[tuple[str, ...], list[tuple[str, ...]]] = {}

    @classmethod
    def from_dir(cls, directory: str | os.PathLike | None = None) -> FeatureExtractor:
        """Load clusters and gazetteer from *directory* (default: ``models/``).

        Missing files fall back to the copies in the package ``models/`` dir.
        """
        d = Path(directory) if directory is not None else MODELS_DIR
        cpath = d / CLUSTERS_FILENAME
        if not cpath.exists():
            cpath = DEFAULT_CLUSTERS_PATH
        gpath = d / GAZETTEER_FILENAME
        if not gpath.exists():
            gpath = DEFAULT_GAZETTEER_PATH
        clusters, counts, names = load_clusters(cpath)
        return cls(clusters, counts, load_gazetteer(gpath), names)

    # -- per-token (memoised) -------------------------------------------
    def _token_info(self, tok: str) -> tuple:
        info = self._cache.get(tok)
        if info is not None:
            return info
        info = self.compute_token_info(tok)
        if len(self._cache) < _CACHE_LIMIT:  # frequent words arrive first and stay
            self._cache[tok] = info
        return info

    def norm_stem(self, tok: str) -> tuple[str, str]:
        """A token's normalised and clitic-stripped forms, memoised: every tagger of an ensemble needs them."""
        ns = self._norm_stem.get(tok)
        if ns is None:
            if len(self._norm_stem) >= _NORM_STEM_LIMIT:
                self._norm_stem.clear()
            norm = normalize_ar(tok)
            ns = self._norm_stem[tok] = (norm, strip_clitics(norm, self.counts))
        return ns

    def compute_token_info(self, tok: str) -> tuple:
        """``(norm, stem, centre features, shared features, finest cluster)`` of one token: everything
        about a token that does not depend on its neighbours. The shared features are also a neighbour's
        context features, prefixed by the offset (``-1:n=...``)."""
        norm, stem = self.norm_stem(tok)
        shape = word_shape(tok)
        cl = self.clusters.get(norm)
        scl = self.clusters.get(stem) if stem != norm else cl
        cl_eff = scl if cl is None and scl is not None else cl
        cnames = self.cluster_names

        # features shared by the centre and the context positions
        common = ["n=" + norm, "sh=" + shape]
        if stem != norm:
            common.append("s=" + stem)
        if cl_eff is not None:
            common.extend(f"{cn}={cid}" for cn, cid in zip(cnames, cl_eff, strict=False))
        else:
            common.append("c=UNK")
        g1 = self.gazetteer.get(norm) or self.gazetteer.get(stem)
        if g1:
            common.extend("g1=" + t for t in sorted(g1))
        if has_determiner(norm):
            common.append("det")

        # centre-only features
        centre = ["bias", "w=" + tok, "len=" + _len_bucket(len(norm))]
        centre.extend(common)
        for k in (1, 2, 3, 4):
            if len(norm) > k:
                centre.append(f"p{k}=" + norm[:k])
                centre.append(f"x{k}=" + norm[-k:])
        if stem != norm:
            for k in (2, 3):
                if len(stem) > k:
                    centre.append(f"sp{k}=" + stem[:k])
                    centre.append(f"sx{k}=" + stem[-k:])
        if scl is not None and stem != norm:
            centre.extend(f"s{cn}={cid}" for cn, cid in zip(cnames, scl, strict=False))
        kind = token_class(tok, shape)
        if kind:
            centre.append(kind)
        if self.counts:
            c = self.counts.get(norm, 0)
            centre.append(f"fq={int(math.log2(c + 1)) if c else -1}")
        if is_variant(tok, norm):
            centre.append("hasdiac_or_var")

        return norm, stem, tuple(centre), tuple(common), cl_eff[-1] if cl_eff else "UNK"

    # -- sentence level ---------------------------------------------------
    def _gazetteer_feats(self, norms: Sequence[str], stems: Sequence[str]) -> list[tuple[str, ...]]:
        """``gz=B-TYPE`` / ``gz=I-TYPE`` for every multi-token gazetteer match, per position. Memoised by
        sentence for a batch: both models of the ensemble ask for the same sentences, and a stem is a
        function of its normalised form, so the normalised forms are the key."""
        n = len(norms)
        if not self.gazetteer or self.gaz_max_len < 2:
            return [()] * n
        key = tuple(norms)
        out = self._gaz_matches.get(key)
        if out is not None:
            return out
        out = [()] * n  # most positions match nothing: one shared empty tuple
        gaz, first = self.gazetteer, self._gaz_first
        for i in range(n - 1):
            if norms[i] not in first and stems[i] not in first:
                continue
            for L in range(2, min(self.gaz_max_len, n - i) + 1):
                rest = " ".join(norms[i + 1:i + L])
                types = gaz.get(norms[i] + " " + rest) or gaz.get(stems[i] + " " + rest)
                if types:
                    for t in types:
                        out[i] += ("gz=B-" + t,)
                        for j in range(i + 1, i + L):
                            out[j] += ("gz=I-" + t,)
        if len(self._gaz_matches) >= _GAZ_MATCH_LIMIT:
            self._gaz_matches.clear()
        self._gaz_matches[key] = out
        return out

    def neighbour_features(self, norms: Sequence[str], stems: Sequence[str],
                           fines: Sequence[str]) -> list[tuple[int, str]]:
        """``(position, feature)`` for the features that depend on a token's neighbours' words: the
        sentence edges, word and fine-cluster bigrams, and multi-word gazetteer matches with their +-1
        context. Everything else about a token is its own (:meth:`compute_token_info`)."""
        n = len(norms)
        out: list[tuple[int, str]] = [(0, "-1:BOS"), (0, "first"), (n - 1, "1:EOS")] if n else []
        for i in range(1, n):
            pair, cpair = norms[i - 1] + "|" + norms[i], fines[i - 1] + "|" + fines[i]
            out += [(i, "b-1=" + pair), (i, "cb-1=" + cpair), (i - 1, "b+1=" + pair), (i - 1, "cb+1=" + cpair)]
        for i, feats in enumerate(self._gazetteer_feats(norms, stems)):
            for g in feats:
                out.append((i, g))
                if i + 1 < n:
                    out.append((i + 1, "-1:" + g))
                if i > 0:
                    out.append((i - 1, "1:" + g))
        return out

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature lists (one per token) for a whole sentence."""
        n = len(tokens)
        infos = [self._token_info(t) for t in tokens]
        feats = [list(info[2]) for info in infos]
        for i in range(n):
            for off in _CONTEXT_OFFSETS:
                if 0 <= i + off < n:
                    feats[i].extend(f"{off}:{f}" for f in infos[i + off][3])
        for i, f in self.neighbour_features([x[0] for x in infos], [x[1] for x in infos], [x[4] for x in infos]):
            feats[i].append(f)
        return feats

    def token_features(self, tokens: Sequence[str], i: int) -> list[str]:
        """Features of token *i* in *tokens* (see :meth:`sentence_features`)."""
        return self.sentence_features(tokens)[i]


_DEFAULT_EXTRACTOR: FeatureExtractor | None = None


def _default_extractor() -> FeatureExtractor:
    global _DEFAULT_EXTRACTOR
    if _DEFAULT_EXTRACTOR is None:
        _DEFAULT_EXTRACTOR = FeatureExtractor.from_dir(MODELS_DIR)
    return _DEFAULT_EXTRACTOR


def sentence_features(tokens: Sequence[str]) -> list[list[str]]:
    """Features of every token, using the committed clusters / gazetteer."""
    return _default_extractor().sentence_features(tokens)


def token_features(tokens: Sequence[str], i: int) -> list[str]:
    """Features of ``tokens[i]`` with a +-2 window (committed resources)."""
    return _default_extractor().token_features(tokens, i)


# --------------------------------------------------------------------------
# BIO helpers
# --------------------------------------------------------------------------

def _canon_tag(tag: str) -> str:
    tag = (tag or "O").strip()
    if tag == "O" or len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return "O"
    typ = tag[2:].upper()
    if typ in ("PER", "PERSON"):
        typ = "PERS"
    elif typ.startswith("MIS"):
        typ = "MISC"
    elif typ in ("GPE", "LOCATION"):
        typ = "LOC"
    elif typ == "ORGANIZATION":
        typ = "ORG"
    if typ not in ENTITY_TYPES:
        return "O"
    return tag[0] + "-" + typ


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Map labels onto our tag set and turn an ``I-X`` that does not continue
    an ``X`` entity into ``B-X``."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t not in _VALID_TAGS:
            t = _canon_tag(t)
        if t[0] == "I" and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def entities_from_tags(tokens_with_offsets, tags, text: str | None = None) -> list[dict]:
    """Turn BIO *tags* over ``(token, start, end)`` triples into entity spans.

    Returns dicts ``{"start_char", "end_char", "text", "label"}``.  If the
    original *text* is given, ``text`` is sliced from it; otherwise it is
    rebuilt from the tokens and the gaps between their offsets.
    """
    tags = repair_bio(tags)
    spans: list[dict] = []
    cur: list | None = None  # [label, first_idx, last_idx]

    def close() -> None:
        if cur is None:
            return
        label, a, b = cur
        start, end = tokens_with_offsets[a][1], tokens_with_offsets[b][2]
        if text is not None:
            surface = text[start:end]
        else:
            parts = [tokens_with_offsets[a][0]]
            for k in range(a + 1, b + 1):
                gap = tokens_with_offsets[k][1] - tokens_with_offsets[k - 1][2]
                parts.append(" " * max(gap, 0) + tokens_with_offsets[k][0])
            surface = "".join(parts)
        spans.append({"start_char": start, "end_char": end, "text": surface, "label": label})

    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            close()
            cur = [tag[2:], i, i]
        elif tag.startswith("I-") and cur is not None and cur[0] == tag[2:]:
            cur[2] = i
        else:
            close()
            cur = None
    close()
    return spans


# --------------------------------------------------------------------------
# CRF tagger
# --------------------------------------------------------------------------

DOC_WINDOW = 20  # sentences on each side used by harmonize_document


def label_bias_path(model_path: str | os.PathLike) -> Path:
    """Where a model's tuned label biases live: ``ner_crf.crfsuite`` -> ``ner_crf.label_bias.json``."""
    p = Path(model_path)
    return p.with_name(p.stem + ".label_bias.json")


def load_label_bias(model_path: str | os.PathLike) -> dict[str, float]:
    import json

    path = label_bias_path(model_path)
    if not path.exists():
        return {}
    bias = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(bias) - set(ENTITY_TYPES)
    if unknown:
        raise ValueError(f"{path}: unknown entity types {sorted(unknown)} (expected {ENTITY_TYPES})")
    return {k: float(v) for k, v in bias.items()}


class CrfScorer:
    """Viterbi decoding of a python-crfsuite model in numpy, over whole batches of sentences.

    Written by hand because crfsuite's Python binding is the bottleneck, not the model: tagging through it
    passes ~50 feature strings per token from Python to C. A linear-chain CRF's token score is a sum of
    weights, and most of a token's features depend only on the token itself, so here the weights of a token's
    centre features and of its features as a neighbour at -2, -1, +1, +2 are summed once per distinct token
    and memoised as 5 score vectors; a sentence's scores are then array gathers, plus a dictionary lookup
    for the few features of a position (word and cluster bigrams, multi-word gazetteer matches). The model,
    its features and its scores are crfsuite's own: tags equal `pycrfsuite.Tagger.tag` (tested), up to
    exact ties. Memory is bounded: when the memo holds `capacity` distinct tokens, the less used half goes.
    """

    _SLOTS = {off: k for k, off in enumerate(_CONTEXT_OFFSETS, start=1)}

    def __init__(self, crfsuite_tagger, extractor: FeatureExtractor, capacity: int = 150_000,
                 label_bias: dict[str, float] | None = None) -> None:
        import numpy as np

        self.np = np
        info = crfsuite_tagger.info()
        self.labels = list(crfsuite_tagger.labels())
        lab = {name: k for k, name in enumerate(self.labels)}
        self.attr_row: dict[str, int] = {}
        for attr, _ in info.state_features:
            self.attr_row.setdefault(attr, len(self.attr_row))
        self.unknown = len(self.attr_row)  # a zero row, for features the model gave no weight
        # a token's shared feature f is "-2:f" ... "2:f" at its neighbours: one lookup gives all four rows
        self.context_rows: dict[str, list[tuple[int, int]]] = {}
        for attr, row in self.attr_row.items():
            off, sep, base = attr.partition(":")
            if sep and off in _OFFSET_NAMES:
                self.context_rows.setdefault(base, []).append((self._SLOTS[int(off)], row))
        self.weights = np.zeros((self.unknown + 1, len(self.labels)))
        for (attr, label), w in info.state_features.items():
            self.weights[self.attr_row[attr], lab[label]] += w
        self.transitions = np.zeros((len(self.labels), len(self.labels)))
        for (a, b), w in info.transitions.items():
            self.transitions[lab[a], lab[b]] = w
        self.extractor = extractor
        self.capacity = capacity
        self.label_bias = label_bias or {}
        self._clear()

    @property
    def label_bias(self) -> dict[str, float]:
        """A constant added to the score of every B-/I- label of an entity type (tuned on dev by
        `scripts/train_ner.py` to trade the CRF's surplus precision for recall); empty: crfsuite's scores."""
        return self._label_bias

    @label_bias.setter
    def label_bias(self, bias: dict[str, float]) -> None:
        self._label_bias = dict(bias)
        self._bias = self.np.array([bias.get(lab[2:], 0.0) if lab != "O" else 0.0 for lab in self.labels])

    def _clear(self) -> None:
        self._index: dict[str, int] = {}
        self._norm: list[str] = []
        self._stem: list[str] = []
        self._fine: list[str] = []
        self._vectors = self.np.zeros((max(self.capacity, 1), 5, len(self.labels)))
        self._uses = self.np.zeros(len(self._vectors), dtype=self.np.int64)

    def _evict(self, room: int) -> None:
        """Keep the most used tokens, leaving room for *room* new ones (Zipf: a few keep most hits)."""
        np = self.np
        n = len(self._norm)
        keep_n = max(0, min(n, len(self._vectors) // 2, len(self._vectors) - room))
        keep = np.sort(np.argsort(-self._uses[:n], kind="stable")[:keep_n])
        tokens = list(self._index)  # insertion order is id order
        self._index = {tokens[k]: j for j, k in enumerate(keep.tolist())}
        self._norm = [self._norm[k] for k in keep]
        self._stem = [self._stem[k] for k in keep]
        self._fine = [self._fine[k] for k in keep]
        self._vectors[:keep_n] = self._vectors[keep]
        self._uses[:keep_n] = self._uses[keep] // 2  # old fame fades
        self._uses[keep_n:] = 0

    def _add(self, tokens: Iterable[str]) -> None:
        """Memoise the distinct *tokens* of a batch; all of them are in the memo afterwards."""
        np = self.np
        tokens = list(tokens)
        new = [t for t in tokens if t not in self._index]
        if len(self._index) + len(new) > len(self._vectors):
            self._evict(len(new))
            new = [t for t in tokens if t not in self._index]  # eviction may have taken some of this batch
            if len(self._index) + len(new) > len(self._vectors):
                self._clear()
                if len(tokens) > len(self._vectors):  # one batch with more distinct tokens than the memo holds
                    self._vectors = np.zeros((len(tokens), 5, len(self.labels)))
                    self._uses = np.zeros(len(tokens), dtype=np.int64)
                new = tokens
        if not new:
            return
        first = len(self._norm)
        get, ctx_get = self.attr_row.get, self.context_rows.get
        rows: list[int] = []
        slots: list[int] = []  # (token - first) * 5 + slot, for the features the model knows
        for k, tok in enumerate(new):
            norm, stem, centre, shared, fine = self.extractor.compute_token_info(tok)
            self._index[tok] = first + k
            self._norm.append(norm)
            self._stem.append(stem)
            self._fine.append(fine)
            base = k * 5
            for f in centre:
                r = get(f)
                if r is not None:
                    rows.append(r)
                    slots.append(base)
            for f in shared:
                for slot, r in ctx_get(f, ()):
                    rows.append(r)
                    slots.append(base + slot)
        block = self._vectors[first:first + len(new)].reshape(-1, len(self.labels))
        w = self.weights[np.asarray(rows, dtype=np.int64)]
        at = np.asarray(slots, dtype=np.int64)
        for c in range(len(self.labels)):
            block[:, c] = np.bincount(at, weights=w[:, c], minlength=len(block))

    def stems(self, tokens: Sequence[str]) -> list[str]:
        """Clitic-stripped normalised forms (the keys of document consistency); tokens must be memoised."""
        return [self._stem[self._index[t]] for t in tokens]

    def emissions(self, sentences: Sequence[Sequence[str]]):
        """Per-token label scores of every sentence, as one (tokens, labels) array."""
        np = self.np
        flat = [t for s in sentences for t in s]
        self._add(set(flat))
        ids = np.fromiter((self._index[t] for t in flat), dtype=np.int64, count=len(flat))
        self._uses[:len(self._norm)] += np.bincount(ids, minlength=len(self._norm))
        lens = np.fromiter((len(s) for s in sentences), dtype=np.int64, count=len(sentences))
        n = len(flat)
        pos = np.arange(n) - np.repeat(np.cumsum(lens) - lens, lens)
        length = np.repeat(lens, lens)
        scores = self._vectors[ids, 0].copy()
        for off, slot in self._SLOTS.items():
            ok = np.flatnonzero((pos + off >= 0) & (pos + off < length))
            scores[ok] += self._vectors[ids[ok + off], slot]
        at, rows = self._position_features(sentences, ids.tolist())
        if at:
            np.add.at(scores, np.asarray(at), self.weights[np.asarray(rows)])
        if self._label_bias:
            scores += self._bias
        return scores, lens

    def _position_features(self, sentences, ids: list[int]) -> tuple[list[int], list[int]]:
        """Rows of the model's weights for the features that depend on neighbours (the extractor's
        :meth:`FeatureExtractor.neighbour_features`), as (flat position, row) lists."""
        row, unknown = self.attr_row.get, self.unknown
        at: list[int] = []
        rows: list[int] = []
        base = 0
        for s in sentences:
            sid = ids[base:base + len(s)]
            for p, f in self.extractor.neighbour_features([self._norm[k] for k in sid], [self._stem[k] for k in sid],
                                                          [self._fine[k] for k in sid]):
                r = row(f, unknown)
                if r != unknown:
                    at.append(base + p)
                    rows.append(r)
            base += len(s)
        return at, rows

    def decode(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Best label sequence of every sentence."""
        return [[self.labels[j] for j in path] for path in best_paths(sentences, self.emissions, self.transitions)]


def best_paths(sentences: Sequence[Sequence[str]], emissions, transitions, start=None, end=None) -> list[list[int]]:
    """Best label ids of every sentence (``[]`` for an empty one) of a linear-chain model whose per-token
    scores ``emissions(non-empty sentences)`` gives as ``(scores, lengths)``; see :func:`viterbi_decode`."""
    out: list[list[int]] = [[] for _ in sentences]
    todo = [k for k, s in enumerate(sentences) if s]
    if todo:
        scores, lens = emissions([sentences[k] for k in todo])
        for k, path in zip(todo, viterbi_decode(scores, lens, transitions, start, end), strict=True):
            out[k] = path
    return out


def viterbi_decode(scores, lens, transitions, start=None, end=None, chunk: int = 256) -> list[list[int]]:
    """Best label ids of every sentence of a linear-chain model, from per-token scores ``(tokens, labels)``
    of consecutive sentences of lengths *lens*, ``transitions[from, to]`` and optional start/end scores.
    Sentences of similar length are decoded together, as numpy arrays."""
    import numpy as np

    lens = np.asarray(lens)
    out: list[list[int]] = [[] for _ in lens]
    starts = np.cumsum(lens) - lens
    order = np.argsort(lens, kind="stable")
    K = transitions.shape[0]
    trans = transitions[None, :, :]
    stay = np.broadcast_to(np.arange(K), (chunk, K))
    for c in range(0, len(order), chunk):
        idx = order[c:c + chunk]
        B, L = len(idx), int(lens[idx].max())
        em = np.zeros((B, L, K))
        for r, k in enumerate(idx):
            em[r, :lens[k]] = scores[starts[k]:starts[k] + lens[k]]
        if start is not None:
            em[:, 0] += start
        best = em[:, 0, :].copy()
        back = np.empty((B, L, K), dtype=np.int64)
        back[:, 0] = stay[:B]
        for t in range(1, L):
            cand = best[:, :, None] + trans
            arg = cand.argmax(axis=1)
            step = np.take_along_axis(cand, arg[:, None, :], axis=1)[:, 0, :] + em[:, t, :]
            live = (t < lens[idx])[:, None]
            best = np.where(live, step, best)
            back[:, t] = np.where(live, arg, stay[:B])
        if end is not None:
            best = best + end
        path = np.empty((B, L), dtype=np.int64)
        path[:, -1] = best.argmax(axis=1)
        for t in range(L - 1, 0, -1):
            path[:, t - 1] = back[np.arange(B), t, path[:, t]]
        for r, k in enumerate(idx):
            out[k] = path[r, :lens[k]].tolist()
    return out


class CrfNerTagger:
    """python-crfsuite NER tagger with the features of :class:`FeatureExtractor`."""

    def __init__(self, model_path: str | os.PathLike, extractor: FeatureExtractor | None = None) -> None:
        import pycrfsuite

        self.model_path = Path(model_path)
        if not self.model_path.exists():
            raise FileNotFoundError(f"NER model not found: {self.model_path}")
        self.extractor = extractor or FeatureExtractor.from_dir(self.model_path.parent)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self.scorer = CrfScorer(self._tagger, self.extractor, label_bias=load_label_bias(self.model_path))

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> CrfNerTagger:
        """Load the model at *path* (default: the committed
        ``models/ner_crf.crfsuite`` next to this module).  Clusters and
        gazetteer are read from the model's directory, falling back to the
        committed ones."""
        return cls(Path(path) if path is not None else DEFAULT_MODEL_PATH)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-/I-`` PERS, LOC, ORG, MISC, ``O``) for *tokens*."""
        return self.tag_batch([tokens], consistency=False)[0]

    def tag_crfsuite(self, tokens: Sequence[str]) -> list[str]:
        """Tags through crfsuite's own tagger (string features passed to C), without label biases: the
        reference that :class:`CrfScorer` is tested against, and several times slower."""
        if not tokens:
            return []
        tokens = [t if t else " " for t in tokens]
        return repair_bio(self._tagger.tag(self.extractor.sentence_features(tokens)))

    def tag_batch(self, sentences: Iterable[Sequence[str]], consistency: bool = True,
                  window: int = DOC_WINDOW, documents: Sequence[int] | None = None) -> list[list[str]]:
        """Tag consecutive sentences of one or more documents.

        With *consistency* (default), a token sequence tagged as an entity in one sentence also labels its
        untagged repetitions within +-*window* sentences of the same document (see
        :func:`harmonize_document`). *documents* gives the number of sentences of each document in turn;
        without it, all sentences are one document.
        """
        sentences = [[t if t else " " for t in s] for s in sentences]
        tags = [repair_bio(t) for t in self.scorer.decode(sentences)]
        if not consistency:
            return tags
        return harmonize_documents(sentences, tags, documents, self.scorer.stems, window)

    def tag_text(self, text: str) -> list[dict]:
        """Tokenise *text*, tag it sentence by sentence and return entity
        spans with character offsets."""
        return tag_text_with(self, text)


def tag_text_with(tagger, text: str) -> list[dict]:
    """Entities of raw *text* with character offsets, from any tagger with ``tag_batch``."""
    toks = tokenize_with_offsets(text)
    sents = split_sentences(toks, text)
    tags = tagger.tag_batch([[t for t, _, _ in s] for s in sents])
    return entities_from_tags([t for s in sents for t in s], [t for ts in tags for t in ts], text)


_SENT_END = frozenset({".", "؟", "?", "!", "!!", "...", "…", "؛"})


def split_sentences(tokens_with_offsets, text: str | None = None) -> list[list[tuple[str, int, int]]]:
    """Split ``(token, start, end)`` triples into sentences after sentence
    final punctuation and at line breaks of *text*."""
    sents: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for tok in tokens_with_offsets:
        if cur and text is not None and "\n" in text[cur[-1][2]:tok[1]]:
            sents.append(cur)
            cur = []
        cur.append(tok)
        if tok[0] in _SENT_END or (len(tok[0]) > 1 and set(tok[0]) <= set(".؟?!")):
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents



def harmonize_document(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                       window: int = DOC_WINDOW, extractor: FeatureExtractor | None = None,
                       min_chars: int = 3, keys: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """Label-consistency post-processing over neighbouring sentences.

    Every entity (token sequence, compared on normalised forms with the
    first token's proclitics stripped) found in sentences ``k-window ..
    k+window`` labels untagged occurrences of the same sequence in sentence
    ``k`` with its majority type.  Existing entities are never changed. *keys* are the tokens' stripped
    forms when the caller has them already.
    """
    if keys is None:
        ex = extractor or _default_extractor()
        keys = [[ex._token_info(t)[1] for t in s] for s in sentences]
    found = [[(tuple(keys[k][a:b]), typ) for typ, a, b in _chunks(tags[k])] for k in range(len(sentences))]
    found = [[(seq, typ) for seq, typ in f if len("".join(seq)) >= min_chars] for f in found]
    out = [list(t) for t in tags]
    n = len(sentences)
    maxlen = max((len(seq) for f in found for seq, _ in f), default=0)
    lex: dict[tuple[str, ...], dict[str, int]] = {}
    firsts: dict[str, int] = {}  # first tokens of the sequences in lex: most tokens start none, and skip the search

    def update(j: int, delta: int) -> None:
        for seq, typ in found[j]:
            d = lex.get(seq)
            if d is None:
                d = lex[seq] = {}
                firsts[seq[0]] = firsts.get(seq[0], 0) + 1
            d[typ] = d.get(typ, 0) + delta
            if d[typ] <= 0:
                del d[typ]
                if not d:
                    del lex[seq]
                    firsts[seq[0]] -= 1
                    if not firsts[seq[0]]:
                        del firsts[seq[0]]

    for j in range(min(n, window)):
        update(j, 1)
    for k in range(n):
        # window now: sentences k-window .. k+window
        if k + window < n:
            update(k + window, 1)
        if k - window - 1 >= 0:
            update(k - window - 1, -1)
        if not lex:
            continue
        ks, tg = keys[k], out[k]
        i = 0
        while i < len(ks):
            step = 1
            if tg[i] == "O" and ks[i] in firsts:
                for L in range(min(maxlen, len(ks) - i), 0, -1):
                    seq = tuple(ks[i:i + L])
                    if seq in lex and all(t == "O" for t in tg[i:i + L]) and (
                            i + L >= len(ks) or not tg[i + L].startswith("I-")):
                        d = lex[seq]
                        typ = max(sorted(d), key=d.get)
                        tg[i] = "B-" + typ
                        for j in range(i + 1, i + L):
                            tg[j] = "I-" + typ
                        step = L
                        break
            i += step
    return out


def harmonize_documents(sentences: Sequence[Sequence[str]], tags: list[list[str]], documents: Sequence[int] | None,
                        stems, window: int = DOC_WINDOW) -> list[list[str]]:
    """:func:`harmonize_document` over each document in turn: *documents* gives the number of sentences of
    each document (default: all sentences are one), *stems* maps a sentence to its tokens' stripped forms."""
    if len(sentences) < 2:
        return tags
    out: list[list[str]] = []
    start = 0
    for n in (documents if documents is not None else [len(sentences)]):
        doc, doc_tags = sentences[start:start + n], tags[start:start + n]
        keys = [stems(s) for s in doc]
        out.extend(harmonize_document(doc, doc_tags, window=window, keys=keys) if n > 1 else doc_tags)
        start += n
    if start != len(sentences):
        raise ValueError(f"documents cover {start} sentences, not {len(sentences)}")
    return out


def document_batches(sentences_per_document: Sequence[int], max_sentences: int = 2000) -> list[tuple[int, int]]:
    """Consecutive documents grouped for tagging, as ``(first, end)`` document index ranges: each batch takes
    whole documents until it holds at least *max_sentences* sentences (the last batch may hold fewer). Large
    enough for the memos and the batched Viterbi to pay, small enough that memory stays flat."""
    out: list[tuple[int, int]] = []
    first, total = 0, 0
    for k, n in enumerate(sentences_per_document):
        total += n
        if total >= max_sentences:
            out.append((first, k + 1))
            first, total = k + 1, 0
    if first < len(sentences_per_document):
        out.append((first, len(sentences_per_document)))
    return out


def _chunks(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entities of a repaired BIO sequence as ``(type, start, end)``."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("B-") or (t.startswith("I-") and (i == 0 or tags[i - 1][2:] != t[2:] or tags[i - 1] == "O")):
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + t[2:]:
                j += 1
            out.append((t[2:], i, j))
    return out


# --------------------------------------------------------------------------
# Optional camel-tools BERT backend
# --------------------------------------------------------------------------

_MINIMAL_CAMEL_CATALOGUE = '{"version": "1.6", "packages": {}, "components": {}}'


def _import_camel_ner(need_catalogue: bool):
    """Import ``camel_tools.ner`` without letting it go to the network.

    Importing ``camel_tools.ner`` imports ``camel_tools.data`` which loads
    ``$CAMELTOOLS_DATA/catalogue.json`` (default ``~/.camel_tools``) and
    *downloads* it when missing.  When we only need a local model directory
    (``need_catalogue=False``) and no catalogue exists, point
    ``CAMELTOOLS_DATA`` at a private temp dir holding an empty catalogue for
    the duration of the import.
    """
    if "camel_tools.data" not in sys.modules and not need_catalogue:
        data_dir = Path(os.environ.get("CAMELTOOLS_DATA") or Path.home() / ".camel_tools")
        if not (data_dir.expanduser() / "catalogue.json").exists():
            stub = Path(tempfile.mkdtemp(prefix="troopwatch-camel-"))
            (stub / "catalogue.json").write_text(_MINIMAL_CAMEL_CATALOGUE, encoding="utf-8")
            old = os.environ.get("CAMELTOOLS_DATA")
            os.environ["CAMELTOOLS_DATA"] = str(stub)
            try:
                import camel_tools.data  # noqa: F401
            finally:
                if old is None:
                    os.environ.pop("CAMELTOOLS_DATA", None)
                else:
                    os.environ["CAMELTOOLS_DATA"] = old
    from camel_tools.ner import NERecognizer

    return NERecognizer


class CamelBertNerTagger:
    """Wrapper around camel-tools' BERT ``NERecognizer`` with our interface.

    ``model_path`` is a fine-tuned ``BertForTokenClassification`` directory
    (e.g. CAMeL Lab's ``bert-base-arabic-camelbert-msa-ner``); ``None`` uses
    camel-tools' pretrained model from its data catalogue (requires
    ``camel_data -i ner-arabert`` beforehand).
    """

    def __init__(self, model_path: str | os.PathLike | None = None, use_gpu: bool = False,
                 batch_size: int = 32) -> None:
        NERecognizer = _import_camel_ner(need_catalogue=model_path is None)
        if model_path is None:
            self._recognizer = NERecognizer.pretrained(use_gpu=use_gpu)
        else:
            self._recognizer = NERecognizer(str(model_path), use_gpu=use_gpu)
        self.batch_size = batch_size

    def tag(self, tokens: Sequence[str]) -> list[str]:
        return self.tag_batch([tokens])[0]

    def tag_batch(self, sentences: Iterable[Sequence[str]],
                  documents: Sequence[int] | None = None) -> list[list[str]]:
        """Tags of each sentence. *documents* is accepted for the same call as :class:`CrfNerTagger`; BERT
        tags sentence by sentence, so document boundaries change nothing here."""
        sentences = [list(s) for s in sentences]
        tok = self._recognizer.tokenizer
        # camel-tools silently drops words that produce no word pieces
        # (whitespace / control characters); tag those O ourselves.
        keep_idx = [[i for i, w in enumerate(s) if w and tok.tokenize(w)] for s in sentences]
        inputs = [[s[i] for i in idx] for s, idx in zip(sentences, keep_idx, strict=False)]
        nonempty = [k for k, x in enumerate(inputs) if x]
        preds = self._recognizer.predict([inputs[k] for k in nonempty], batch_size=self.batch_size) if nonempty else []
        out = [["O"] * len(s) for s in sentences]
        for k, labels in zip(nonempty, preds, strict=False):
            for i, lab in zip(keep_idx[k], labels, strict=False):
                out[k][i] = lab
        return [repair_bio(t) for t in out]


NER_BACKENDS = ("ensemble", "crf", "lstm", "camel")
DEFAULT_NER_BACKEND = "ensemble"  # the most accurate: `troopwatch ner tag`, `load_ner_tagger()`
# The pipeline's `entities` stage defaults to the CRF alone: on the whole feed (9M tokens) the ensemble takes
# 2.3x as long (122 s instead of 52 s on 2 cores) and 1.5 GB more memory (3.0 GB), which breaks the feed's
# time and memory budget; a run chooses the ensemble with `ner_backend="ensemble"` (`troopwatch run --ner-backend`).
FEED_NER_BACKEND = "crf"


def load_ner_tagger(backend: str = DEFAULT_NER_BACKEND, model_path: str | os.PathLike | None = None):
    """Return a tagger:

    * ``"ensemble"`` (default): the committed CRF and BiLSTM-CRF decoded together
      (:class:`~pipelines.nlp.lstm_ner.EnsembleNerTagger`); *model_path* is a directory holding both;
    * ``"crf"``: the committed CRF alone (the fastest);
    * ``"lstm"``: the BiLSTM-CRF alone;
    * ``"camel"``: CAMeL Tools' BERT tagger, when its model is installed.
    """
    backend = (backend or DEFAULT_NER_BACKEND).lower()
    if backend == "crf":
        return CrfNerTagger.load(model_path)
    if backend in ("lstm", "ensemble"):
        from . import lstm_ner

        if backend == "lstm":
            return lstm_ner.LstmNerTagger(model_path)
        d = Path(model_path) if model_path is not None else None
        return lstm_ner.EnsembleNerTagger.load(d / DEFAULT_MODEL_PATH.name if d else None,
                                               d / lstm_ner.DEFAULT_LSTM_MODEL_PATH.name if d else None)
    if backend in ("camel", "bert", "camelbert"):
        return CamelBertNerTagger(model_path)
    raise ValueError(f"unknown NER backend {backend!r} (expected one of {', '.join(NER_BACKENDS)})")


# --------------------------------------------------------------------------
# CoNLL I/O
# --------------------------------------------------------------------------

def read_conll(path: str | os.PathLike, with_tags: bool = False) -> Iterator[list]:
    """Yield sentences from a ``token [cols...]`` file (blank line separated).

    Yields lists of tokens, or of ``(token, last_column)`` when *with_tags*.
    """
    sent: list = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if sent:
                    yield sent
                    sent = []
                continue
            if with_tags:
                sent.append((parts[0], parts[-1] if len(parts) > 1 else "O"))
            else:
                sent.append(parts[0])
    if sent:
        yield sent


def tag_conll(in_path: str | os.PathLike, out_stream: TextIO, tagger, batch_sentences: int = 2000) -> int:
    """Tag a one-token-per-line file and write ``token TAG`` lines.

    Only the first whitespace-separated column is read (extra columns are
    ignored); blank lines (sentence separators) are copied through, so the
    output has one line per input line, in the same order.  Consecutive
    sentences are tagged together with ``tagger.tag_batch`` (so the CRF
    tagger's document-consistency pass sees neighbouring sentences).
    Returns the number of tokens tagged.
    """
    n_tokens = 0
    layout: list[list[str] | None] = []  # a sentence, or None for a blank line
    n_pending = 0

    def flush() -> None:
        nonlocal n_tokens, n_pending
        sents = [x for x in layout if x]
        if hasattr(tagger, "tag_batch"):
            tagged = iter(tagger.tag_batch(sents))
        else:
            tagged = iter([tagger.tag(x) for x in sents])
        for item in layout:
            if item is None:
                out_stream.write("\n")
                continue
            tags = next(tagged)
            for tok, tag in zip(item, tags, strict=True):
                out_stream.write(f"{tok} {tag}\n")
            n_tokens += len(item)
        layout.clear()
        n_pending = 0

    sent: list[str] = []
    # utf-8-sig: a byte-order mark (Windows editors write one) is not part of the first token;
    # "-" reads standard input, so the tagger can sit in a shell pipe
    with contextlib.ExitStack() as stack:
        if str(in_path) == "-":
            fh: TextIO = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig")
            stack.callback(fh.detach)  # the wrapper must not close stdin when it goes
        else:
            fh = stack.enter_context(open(in_path, encoding="utf-8-sig"))
        for line in fh:
            parts = line.split()
            if parts:
                sent.append(parts[0])
                continue
            if sent:
                layout.append(sent)
                n_pending += 1
                sent = []
            layout.append(None)
            if n_pending >= batch_sentences:
                flush()
    if sent:
        layout.append(sent)
    flush()
    return n_tokens
