"""Named entities of an article: detected by the NER tagger, checked against the catalogue, linked to canonical ids.

Catalogue repair (:func:`apply_catalogue`), before linking: the alias table is curated, the tagger is
statistical, so where an alias of two or more words occurs in a sentence the alias decides the span and the
type. A tagged entity inside it is stretched to the whole alias ("محمد شياع" of "محمد شياع السوداني"), two
tagged pieces of it become one, a wrong type is set right ("جيك سوليفان" tagged ORG is a person), and an
occurrence the tagger missed is added. The alias stands back where it is weaker evidence than the tagger:
* single-word aliases, too many of which are common words ("السوداني" is "Sudanese", "آب" is August as
  well as the city of Ibb, "السورية" an adjective);
* aliases the lexicon marks generic (?الجيش الوطني: other countries have a national army too);
* an untagged alias followed by a nationality adjective ("الجيش الوطني السوري" is another entity);
* a person tagged where the alias names a place or a body ("صلاح الدين" is a province and a man's name);
* a tagged entity that crosses the alias's edge.

Linking, in order:

* an exact alias (the first word may carry proclitics) gives the catalogue id (ISO3 for countries). A
  single-word alias links only a mention of a compatible type: a person's surname to a PERSON mention, any
  other entity to a non-person one;
* a short form of a longer name in the same article takes that name's id: a person's surname after the
  full name ("السوداني" after "محمد شياع السوداني"), a person's first name and an organisation's first
  words when the article has only one name they begin (:func:`link_document`);
* otherwise the id is a stable slug of the normalised name, without the proclitics and article of its
  first word, so the same name links across articles ("بصدام حسين" and "صدام حسين"); see
  :func:`name_first_word` for when a first letter is a proclitic ("فيصل" and "كالينينغراد" keep theirs).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from slugify import slugify

from .gazetteer import PLACE, STATE, Entity, gazetteer, shared_city_reading
from .ner import load_gazetteer, load_word_counts, repair_bio
from .normalize import Token, norm

LABELS = {"PERS": "PERSON", "PER": "PERSON", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_TAGS = {"PERSON": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_PREFIX = {"PERSON": "per", "LOC": "loc", "ORG": "org", "MISC": "misc"}
CATALOGUE = "catalogue"  # detector of an entity the alias table found or corrected


@cache
def _name_words() -> tuple[frozenset[str], dict[str, int]]:
    """Single words known as names (the NER gazetteer's lists and the alias table), and the corpus's word
    counts (the NER model's cluster file: slugs follow it, so its digest is in the entities' fingerprint)."""
    known = {k for k in load_gazetteer() if " " not in k}
    known.update(gazetteer().single_words)
    return frozenset(known), load_word_counts()


_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")  # longest first


def _letter_before_article_is_its_own(word_norm: str, counts: dict[str, int]) -> bool:
    """"كاليفورنيا", "والتر": a word that looks like proclitic + article, which the corpus has at least 20
    times and five times as often as it has the rest ("اليفورنيا")."""
    n = counts.get(word_norm, 0)
    return (len(word_norm) >= 5 and word_norm[0] in "وفبلك" and word_norm[1:3] == "ال" and n >= 20
            and 5 * counts.get(word_norm[1:], 0) <= n)


def name_first_word(word_norm: str) -> str:
    """A normalised first word of a name without its proclitics, article kept.

    A word known as a name stays whole ("كالينينغراد", "فالنسيا", "وليد", "فيصل"), and so does a word whose
    first letter only looks like a proclitic before the article, by the corpus's counts ("كاليفورنيا",
    "والتر"). Otherwise a proclitic before the article goes ("والعراق", "بالأهلي", and لل written for
    ل + ال: "للأمم" → "الامم"). A bare proclitic goes when the rest is such a word ("بكاليفورنيا",
    "وبالتيمور"), or a known name of three letters or more and at least three times as frequent in the
    corpus ("بصدام" → "صدام", while "بحرية" stays: حرية is barely more frequent; and "فراس", "وودي",
    "باسم" are names, not ف + راس, و + ودي, ب + اسم)."""
    known, counts = _name_words()
    if word_norm in known or _letter_before_article_is_its_own(word_norm, counts):
        return word_norm
    for p in ("ولل", "فلل", "لل"):
        if word_norm.startswith(p) and len(word_norm) - len(p) >= 2:
            return "ال" + word_norm[len(p):]
    n_word = counts.get(word_norm, 0)

    def a_name_of_its_own(rest: str) -> bool:
        return _letter_before_article_is_its_own(rest, counts) or (
            rest in known and counts.get(rest, 0) >= 3 * max(n_word, 1))

    for p in _PROCLITICS:
        if not word_norm.startswith(p):
            continue
        rest = word_norm[len(p):]
        # و + كاليفورنيا or و + بالتيمور, before وك + اليفورنيا or وب + التيمور
        if len(p) == 2 and a_name_of_its_own(word_norm[1:]):
            return word_norm[1:]
        if rest.startswith("ال") and len(rest) >= 4:
            return rest
        if len(rest) >= 3 and a_name_of_its_own(rest):
            return rest
    return word_norm


def _without_letters(surface: str, k: int) -> str:
    """*surface* without its first *k* letters (and the diacritics on them)."""
    i = 0
    while i < len(surface) and (unicodedata.combining(surface[i]) or surface[i] == "\u0640"):
        i += 1
    while k > 0 and i < len(surface):
        i += 1
        while i < len(surface) and (unicodedata.combining(surface[i]) or surface[i] == "\u0640"):
            i += 1
        k -= 1
    return surface[i:]


def display_name(text: str) -> str:
    """A mention as a name: without the proclitics of its first word ("بصدام حسين" → "صدام حسين",
    "والعراق" → "العراق", "للأمم المتحدة" → "الأمم المتحدة"), spelling otherwise as written."""
    words = text.split(" ")
    n = norm(words[0])
    first = name_first_word(n)
    if first == n:
        return text
    if n.endswith(first):
        words[0] = _without_letters(words[0], len(n) - len(first))
    else:  # لل: the article's alif was dropped after the preposition
        words[0] = "ال" + _without_letters(words[0], len(n) - len(first) + 2)
    return " ".join(words)


def slug_id(entity_type: str, text: str) -> str:
    return _slug_of_key(entity_type, _name_key(text))


def _slug_of_key(entity_type: str, key: tuple[str, ...]) -> str:
    """The slug of a mention's :func:`_name_key`, its first word also without the article."""
    words = list(key)
    if words and words[0].startswith("ال") and len(words[0]) >= 4:
        words[0] = words[0][2:]
    return f"{_PREFIX.get(entity_type, 'ent')}-{slugify(' '.join(words), allow_unicode=True)}"


def link(text: str, entity_type: str) -> Entity | None:
    """Catalogue entity for a mention of type *entity_type*, if its words are a known alias (see the module
    docstring for single words)."""
    words = text.split()
    ent = gazetteer().lookup(words)
    if ent is not None and len(words) == 1 and (ent.entity_type == "PERSON") != (entity_type == "PERSON"):
        return None
    return ent


_NORMS: dict[str, str] = {}  # every token of the feed passes here: a memo of its own, kept small


def _token_norm(token: str) -> str:
    n = _NORMS.get(token)
    if n is None:
        if len(_NORMS) >= 50_000:
            _NORMS.clear()
        n = _NORMS[token] = norm.__wrapped__(token)  # not norm's process-wide cache, which it would fill
    return n


def apply_catalogue(tokens: Sequence[str], tags: Sequence[str]) -> tuple[list[str], dict[int, str]]:
    """BIO *tags* of a sentence's *tokens* corrected by the catalogue's aliases (module docstring).

    Returns the tags and, for each entity the catalogue changed or added, its first token's index →
    ``"changed"`` or ``"added"``."""
    if len(tags) != len(tokens):
        raise ValueError(f"{len(tags)} tags for {len(tokens)} tokens")
    out = repair_bio(tags)
    touched: dict[int, str] = {}
    g = gazetteer()
    toks = [Token(t, 0, 0, _token_norm(t)) for t in tokens]
    for m in g.find_mentions(toks, demonyms=False, multi_word_only=True):
        a, b, ent = m.start_tok, m.end_tok, m.entity
        if m.generic:
            continue
        inside = out[a:b]
        # the tagger's entities touching the alias must lie within it
        if inside[0].startswith("I-") or (b < len(out) and out[b].startswith("I-")):
            continue
        tagged = {t[2:] for t in inside if t != "O"}
        if not tagged and b < len(toks) and g.demonym(toks[b].norm):
            continue  # "الجيش الوطني السوري": an adjective of nationality makes it another entity
        if "PERS" in tagged and ent.entity_type != "PERSON":
            continue  # people bear names of places ("صلاح الدين"); a catalogued person's full name is no place
        label = _TAGS[ent.entity_type]
        new = [f"B-{label}"] + [f"I-{label}"] * (b - a - 1)
        if new != inside:
            touched[a] = "added" if all(t == "O" for t in inside) else "changed"
            out[a:b] = new
    return out, touched


def _name_key(text: str) -> tuple[str, ...]:
    """Normalised words of a mention, its first word without proclitics ("للسوداني" → "السوداني")."""
    words = tuple(norm(w) for w in text.split())
    return (name_first_word(words[0]), *words[1:]) if words else words


# words naming a relative: "أم خالد" is Khalid's mother, "محمد بن سلمان" Salman's son, "آل سعود" his family
_KIN = frozenset(norm(w) for w in ("أبو", "أبي", "أبا", "أم", "بن", "ابن", "بنت", "آل"))


def _is_kin(word_norm: str) -> bool:
    """A kinship word, with or without a proclitic ("وأم", "لأبي", "وبن")."""
    return any(word_norm[k:] in _KIN for k in range(3) if k == 0 or word_norm[:k] in ("و", "ف", "ل", "ب", "وب", "ول"))


def _one_id(candidates: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """The (id, name) all *candidates* share, or None when they name two entities or none."""
    found = dict(candidates)
    return next(iter(found.items())) if len(found) == 1 else None


def link_document(mentions: Iterable[dict]) -> list[dict]:
    """Add `canonical_id` and `canonical_name` to a document's mentions (dicts with text, entity_type),
    in reading order.

    A mention the catalogue does not know can still be a short form of a longer name (two to eight words)
    in the same article (module docstring), of the type the longer name resolves to:
    * a person's surname takes the nearest full name before it that ends with it, unless a kinship word
      precedes it there ("خالد" is not "أم خالد", his mother, and "سلمان" not "محمد بن سلمان", his son). A
      surname before any full name is not linked: in news the full name comes first, and where it comes
      later it was mostly a span the tagger ran on ("وأهدر ريفالدو");
    * a person's first name ("يحيى" where the tagger cut "يحيى رسول" short; not "عبد", "أبو", "بن") and an
      organisation's first words ("المقاومة الإسلامية" of "المقاومة الإسلامية في العراق") take the one
      name of the article that they begin, before or after them. Where they begin two, or the longer name
      only adds a nationality ("وزارة الدفاع" of "وزارة الدفاع الأمريكية": every country has one), they
      stay as they are. A span the tagger ran on after a first name ("ريفالدو يسدد") still takes it: this
      rule cannot tell such a span from a full name.
    A surname without its article is not matched: "حكيم" is a word and a first name as well as
    "عمار الحكيم"'s surname."""
    mentions = list(mentions)
    keys = [_name_key(m["text"]) for m in mentions]
    ents = [link(m["text"], m["entity_type"]) for m in mentions]
    # a name two countries share goes to the one the article names by other words ("عمان" is Amman, so Jordan's,
    # in an article that names Jordan and never Oman), as troop facts read it
    named: dict[str, set[str]] = defaultdict(set)
    for k, e in zip(keys, ents, strict=True):
        if e is not None and e.country:
            named[e.country].add(" ".join(k))
    for i, (k, e) in enumerate(zip(keys, ents, strict=True)):
        if e is not None and e.kind in (STATE, PLACE) and k:
            country = shared_city_reading(" ".join(k), e, lambda code, words: bool(named.get(code, set()) - {words}))
            if country is not None:
                ents[i] = gazetteer().entities[country] if e.kind == STATE else None  # another country's town: unlinked
    # a long form is indexed by what it resolves to: "صلاح الدين" tagged PERSON is the province's alias
    types = [e.entity_type if e is not None else m["entity_type"] for m, e in zip(mentions, ents, strict=True)]
    # longer than eight words (Saudi names with their "بن" chains run to seven), a "name" is mostly several
    # names the tagger ran together
    starting: dict[tuple[str, str], list[int]] = defaultdict(list)  # (type, first word) → longer names
    ending: dict[tuple[str, str], list[int]] = defaultdict(list)  # (type, last word) → longer names
    for j in range(len(mentions)):
        if 1 < len(keys[j]) <= 8 and types[j] in ("PERSON", "ORG"):
            starting[types[j], keys[j][0]].append(j)
            ending[types[j], keys[j][-1]].append(j)
    g = gazetteer()
    resolved: list[tuple[str, str]] = [("", "")] * len(mentions)
    # longest first, so a short form meets its long forms already resolved ("شياع السوداني" to the
    # catalogue's full name before "السوداني" looks for it); reading order within a length
    for i in sorted(range(len(mentions)), key=lambda i: -len(keys[i])):
        m, words, etype, ent = mentions[i], keys[i], mentions[i]["entity_type"], ents[i]
        found = (ent.id, ent.name_ar) if ent is not None else None
        n = len(words)
        if found is None and etype == "PERSON" and n:
            # the surname of the nearest full name before it, unless a kinship word precedes it there
            tails = [j for j in ending[etype, words[-1]] if j < i and len(keys[j]) > n
                     and keys[j][-n:] == words and not _is_kin(keys[j][-n - 1])]
            found = resolved[tails[-1]] if tails else None
            if found is None and n == 1 and not _is_kin(words[0]) and words[0] != "عبد":
                found = _one_id(resolved[j] for j in starting[etype, words[0]])
        elif found is None and etype == "ORG" and n > 1:
            # not "وزارة الدفاع" of "وزارة الدفاع الأمريكية": another country's ministry bears it too
            found = _one_id(resolved[j] for j in starting[etype, words[0]]
                            if len(keys[j]) > n and keys[j][:n] == words
                            and not (len(keys[j]) == n + 1 and g.demonym(keys[j][n]) is not None))
        resolved[i] = found or (_slug_of_key(m["entity_type"], words), display_name(m["text"]))
    return [{**m, "canonical_id": cid, "canonical_name": cname}
            for m, (cid, cname) in zip(mentions, resolved, strict=True)]
