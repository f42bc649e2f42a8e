"""Named entities of an article: detected by the NER tagger, checked against the catalogue, linked to canonical ids.

Catalogue repair (:func:`apply_catalogue`), before linking: the alias table is curated, the tagger is
statistical, so where an alias of two or more words occurs in a sentence the alias decides the span and the
type. A tagged entity inside it is stretched to the whole alias ("محمد شياع" of "محمد شياع السوداني"), two
tagged pieces of it become one, a wrong type is set right ("جيك سوليفان" tagged ORG is a person), and an
occurrence the tagger missed is added. Single-word aliases are left to the tagger: too many are also
common words ("السوداني" is "Sudanese", "آب" is August as well as the city of Ibb, "السورية" an adjective).
A tagged entity that crosses an alias's edge is left as the tagger saw it too.

Linking, in order:

* an exact alias (the first word may carry proclitics) gives the catalogue id (ISO3 for countries). A
  single-word alias links only a mention of a compatible type: a person's surname to a PERSON mention, any
  other entity to a non-person one;
* a PERSON mention that is the tail of an earlier full name in the same article ("السوداني" after
  "محمد شياع السوداني") takes that name's id;
* otherwise the id is a stable slug of the normalised name, without the proclitics of its first word, so
  the same name links across articles ("بصدام حسين" and "صدام حسين"). A bare و ف ب ل ك is taken for a
  proclitic only when the corpus knows the rest as a more frequent word, as the tagger's features do, so
  "فيصل" and "وليد" keep their first letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from slugify import slugify

from .gazetteer import Entity, gazetteer
from .normalize import Token, norm

LABELS = {"PERS": "PERSON", "PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_TAGS = {"PERSON": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_PREFIX = {"PERSON": "per", "LOC": "loc", "ORG": "org", "MISC": "misc"}
CATALOGUE = "catalogue"  # detector of an entity the alias table found or corrected


@cache
def _name_words() -> tuple[frozenset[str], dict[str, int]]:
    """Single words known as names (the NER gazetteer's lists and the alias table), and the corpus's word
    counts (the NER model's cluster file)."""
    from .ner import load_clusters, load_gazetteer

    known = {k for k in load_gazetteer() if " " not in k}
    known.update(k[0] for k in gazetteer()._aliases if len(k) == 1)
    return frozenset(known), load_clusters()[1]


def stem_first_word(word_norm: str) -> str:
    """A normalised first word of a name without its proclitics. The article and its combinations (ال, وال,
    بال, لل ...) always go; a bare و ف ب ل ك goes only when the rest is a known name, of three letters or
    more, more frequent in the corpus, and the whole word is not a name itself: "بصدام" → "صدام", while
    "وليد", "فيصل" and "فرانس" stay whole."""
    from .ner import strip_clitics

    stem = strip_clitics(word_norm)  # without corpus counts: the article's combinations only
    if stem != word_norm:
        return stem
    known, counts = _name_words()
    if word_norm in known:
        return word_norm
    for cut in (2, 1):
        rest = word_norm[cut:]
        if (len(rest) >= 3 and all(c in "وفبلك" for c in word_norm[:cut]) and rest in known
                and counts.get(rest, 0) > counts.get(word_norm, 0)):
            return rest
    return word_norm


def _without_letters(surface: str, k: int) -> str:
    """*surface* without its first *k* letters (and the diacritics on them)."""
    i = 0
    while k > 0 and i < len(surface):
        i += 1
        while i < len(surface) and (unicodedata.combining(surface[i]) or surface[i] == "\u0640"):
            i += 1
        k -= 1
    return surface[i:]


def display_name(text: str) -> str:
    """A mention as a name: without the proclitic conjunction or preposition of its first word ("بصدام حسين"
    → "صدام حسين", "والعراق" → "العراق"), spelling otherwise as written."""
    words = text.split(" ")
    n = norm(words[0])
    stem = stem_first_word(n)
    if stem == n:
        return text
    # the letters before the stem, less the article: the article stays part of the name
    cut = len(n) - len(stem)
    if n[:cut].endswith("ال"):
        cut -= 2
    elif n[:cut].endswith("لل"):  # لل = ل + ال with its alif dropped
        words[0] = "ال" + _without_letters(words[0], cut)
        return " ".join(words)
    if cut <= 0:
        return text
    words[0] = _without_letters(words[0], cut)
    return " ".join(words)


def slug_id(entity_type: str, text: str) -> str:
    words = [norm(w) for w in text.split()]
    if words:
        words[0] = stem_first_word(words[0])
    return f"{_PREFIX.get(entity_type, 'ent')}-{slugify(' '.join(words), allow_unicode=True)}"


def link(text: str, entity_type: str) -> Entity | None:
    """Catalogue entity for a mention of type *entity_type*, if its words are a known alias (see the module
    docstring for single words)."""
    words = text.split()
    ent = gazetteer().lookup(words)
    if ent is not None and len(words) == 1 and (ent.entity_type == "PERSON") != (entity_type == "PERSON"):
        return None
    return ent


def apply_catalogue(tokens: Sequence[str], tags: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """BIO *tags* of a sentence's *tokens* corrected by the catalogue's aliases (module docstring).

    Returns the tags and, for each entity the catalogue changed or added, its first token's index →
    ``"changed"`` or ``"added"``."""
    out = list(tags)
    touched: dict[int, str] = {}
    toks = [Token(t, 0, 0, norm(t)) for t in tokens]
    for m in gazetteer().find_mentions(toks, demonyms=False):
        a, b, ent = m.start_tok, m.end_tok, m.entity
        if b - a == 1:
            continue
        inside = out[a:b]
        # the tagger's entities touching the alias must lie within it
        if inside[0].startswith("I-") or (b < len(out) and out[b].startswith("I-")):
            continue
        label = _TAGS[ent.entity_type]
        new = [f"B-{label}"] + [f"I-{label}"] * (b - a - 1)
        if new != inside:
            touched[a] = "added" if all(t == "O" for t in inside) else "changed"
            out[a:b] = new
    return out, touched


def link_document(mentions: Iterable[dict]) -> list[dict]:
    """Add `canonical_id` and `canonical_name` to a document's mentions (dicts with text, entity_type),
    in reading order."""
    out = []
    full_names: list[tuple[tuple[str, ...], str, str]] = []  # (normalized words, id, name)
    for m in mentions:
        ent = link(m["text"], m["entity_type"])
        # compared without proclitics, so "للسوداني" is the tail of "محمد شياع السوداني"
        words = tuple(stem_first_word(norm(w)) for w in m["text"].split())
        if ent is not None:
            cid, cname = ent.id, ent.name_ar
            if ent.entity_type == "PERSON" and len(words) > 1:
                full_names.append((words, cid, cname))
        elif m["entity_type"] == "PERSON":
            cid = cname = None
            for full, fid, fname in reversed(full_names):
                if len(words) < len(full) and full[-len(words):] == words:
                    cid, cname = fid, fname
                    break
            if cid is None:
                cid, cname = slug_id("PERSON", m["text"]), display_name(m["text"])
                if len(words) > 1:
                    full_names.append((words, cid, cname))
        else:
            cid, cname = slug_id(m["entity_type"], m["text"]), display_name(m["text"])
        out.append({**m, "canonical_id": cid, "canonical_name": cname})
    return out
