"""Canonical entities and their Arabic aliases: the one linker shared by `entities` and `troop_facts`.

Country names come from CLDR (through Babel) and ISO 3166 codes from pycountry; everything CLDR does not
carry (spelling variants, capitals used for states, nationality adjectives, cities, armed groups, people) is
data under `lexicons/`. Matching works on normalized tokens with proclitics (و ف ب ل ك ال) stripped from the
first token, longest alias first.
"""

from __future__ import annotations

import csv
import gettext
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry
from babel import Locale
from slugify import slugify

from .normalize import Token, dediac_ar, norm, strip_proclitics

LEXICONS = resources.files("pipelines.nlp") / "lexicons"

# Entity kinds used by the fact extractor: where a mention can be an actor, a location, or both.
STATE = "state"  # a country (actor and location)
PLACE = "place"  # a city or region (location only, maps to `country`)
ALLIANCE = "alliance"  # NATO, UN, coalitions (actor only)
NONSTATE = "nonstate"  # armed groups (actor only)
STATE_BODY = "state_body"  # an organ of a state (Pentagon, IRGC): actor = its country
PERSON = "person"
MEDIA = "media"  # news outlets and monitors, named as sources: never an actor or a place ("واشنطن بوست")


QUOTES = frozenset("«»\"“”'")  # quotes, around a name or part of one

@dataclass(frozen=True)
class Entity:
    id: str  # ISO3 for countries, actor code for alliances, slug otherwise
    entity_type: str  # PERSON, ORG, LOC, MISC
    kind: str  # STATE, PLACE, ALLIANCE, NONSTATE, STATE_BODY, PERSON, MEDIA
    name_ar: str
    name_en: str | None
    country: str | None = None  # ISO3 the entity belongs to or lies in (a mission's: where it serves)
    aliases: tuple[str, ...] = field(default_factory=tuple)
    parent: str | None = None  # a mission's alliance, whose men its men count as (UNIFIL → UN, KFOR → NATO)

    @property
    def actor_code(self) -> str | None:
        """Code of the armed actor this entity stands for in a troop fact."""
        if self.kind in (STATE, ALLIANCE):
            return self.parent or self.id
        if self.kind == STATE_BODY:
            return self.country
        return None


@dataclass(frozen=True)
class Mention:
    entity: Entity
    start_tok: int  # token index, inclusive
    end_tok: int  # token index, exclusive
    demonym: bool = False  # matched as a nationality adjective (أمريكي) rather than a name
    generic: bool = False  # matched by an alias marked generic in the lexicon (?الجيش الوطني)


def _rows(name: str) -> Iterable[list[str]]:
    with (LEXICONS / name).open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#"):
                yield [c.strip() for c in row]


_DEMONYM_SUFFIXES = ("ي", "يه", "يا", "يون", "يين", "يان", "يتين", "يات", "يتان")


def _demonym_forms(base: str) -> set[str]:
    """Inflections of a nationality adjective: أمريكي → أمريكية أمريكيا أمريكيون أمريكيين أمريكيان ..."""
    b = norm(base)
    stem = b[:-1] if b.endswith("ي") else b
    forms = {b} | {stem + sfx for sfx in _DEMONYM_SUFFIXES}
    return forms | {"ال" + f for f in forms}


def _two_word_demonym_forms(base: str) -> set[tuple[str, str]]:
    """"كوري شمالي" → (كوريه, شماليه), (الكوريين, الشماليين) ...: both adjectives agree, with or without ال;
    "جنوب أفريقي" → (جنوب, أفريقيه) ...: only the adjective after a noun is inflected."""
    w1, w2 = (norm(w) for w in base.split())
    s2 = w2[:-1] if w2.endswith("ي") else w2
    if w1.endswith("ي"):  # two adjectives agree: "كوريون شماليون"
        forms = {(w1[:-1] + sfx, s2 + sfx) for sfx in _DEMONYM_SUFFIXES}
    else:  # a noun and its adjective: "جنوب أفريقي"، "جنوب سودانية"
        forms = {(w1, s2 + sfx) for sfx in _DEMONYM_SUFFIXES}
    return forms | {("ال" + a, "ال" + b) for a, b in forms}


class Gazetteer:
    """Alias index over countries, places, organisations, people and nationality adjectives."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._aliases: dict[tuple[str, ...], Entity] = {}
        self._demonyms: dict[str, Entity] = {}
        self._demonyms2: dict[tuple[str, str], Entity] = {}  # two-word adjectives ("كوري شمالي")
        self.generic: set[tuple[str, ...]] = set()  # keys of aliases too vague to stand on their own
        # keys of short forms ("~الانتقالي"), which name their entity only in an article that names it in full
        self.short_forms: dict[tuple[str, ...], str] = {}
        self._build()
        self.max_len = max(len(k) for k in self._aliases)
        self._firsts: dict[str, int] = {}  # first word of an alias → longest alias starting with it
        for key in self._aliases:
            self._firsts[key[0]] = max(self._firsts.get(key[0], 0), len(key))
        self._seconds = frozenset(key[1] for key in self._aliases if len(key) > 1)  # second words of aliases
        self.short_form_firsts = frozenset(key[0] for key in self.short_forms)
        self.single_words = frozenset(key[0] for key in self._aliases if len(key) == 1)  # one-word aliases
        # "بحجة": a place's name that a clitic makes a common phrase (`lexicons/place_names_as_words.tsv`)
        self._as_words = {norm(clitic) + norm(name) for name, clitics, _ in _rows("place_names_as_words.tsv")
                          for clitic in clitics.split()}
        self._as_words |= {"و" + w for w in self._as_words}

    # -- building -------------------------------------------------------------------------------
    def _add(self, ent: Entity, aliases: Iterable[str]) -> None:
        prev = self.entities.get(ent.id)
        all_aliases = tuple(dict.fromkeys([*(prev.aliases if prev else ()), *aliases]))
        name_ar = prev.name_ar if prev else ent.name_ar  # the first name given is the entity's own
        ent = Entity(ent.id, ent.entity_type, ent.kind, name_ar, ent.name_en, ent.country, all_aliases, ent.parent)
        self.entities[ent.id] = ent
        for a in all_aliases:
            key = tuple(norm(w) for w in a.split())
            # the first registration of an alias wins, so country names are never shadowed by places
            if self._aliases.setdefault(key, ent).id == ent.id:
                self._aliases[key] = ent  # refresh with the entity that now carries all its aliases

    def _build(self) -> None:
        territories = Locale("ar").territories
        en = Locale("en").territories
        # states' official names, from iso-codes' Arabic translations that pycountry ships ("جمهورية مصر
        # العربية", "مملكة البحرين"); CLDR has only the short ones
        official_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True).gettext
        for country in pycountry.countries:
            name_ar = territories.get(country.alpha_2)
            if not name_ar:
                continue
            aliases = [name_ar]
            if " - " in name_ar:  # CLDR disambiguators such as "الكونغو - كينشاسا"
                aliases.append(name_ar.split(" - ")[0])
            official = getattr(country, "official_name", None)
            official_name_ar = dediac_ar(official_ar(official)) if official else None
            if official_name_ar and official_name_ar != official and not any(c in official_name_ar for c in "،("):
                # a detached "و" ("البوسنة و الهرسك") is written joined in news
                aliases.append(official_name_ar.replace(" و ", " و"))
            self._add(
                Entity(country.alpha_3, "LOC", STATE, name_ar, en.get(country.alpha_2, country.name), country.alpha_3),
                aliases,
            )
        for code, alias in _rows("countries_extra.tsv"):
            ent = self.entities[code]
            self._add(ent, [alias])
        for place, code, name_en in _rows("places.tsv"):
            pid = f"{code.lower() or 'region'}-{slugify(name_en)}"
            self._add(Entity(pid, "LOC", PLACE, place, name_en, code or None), [place])
        for oid, etype, akind, name_en, aliases, *rest in _rows("organizations.tsv"):
            marked = [a for a in aliases.split("|") if not a.startswith("~")]
            self.short_forms.update((tuple(norm(w) for w in a[1:].split()), oid)
                                    for a in aliases.split("|") if a.startswith("~"))
            names = [a.removeprefix("?") for a in marked]
            self.generic.update(tuple(norm(w) for w in a[1:].split()) for a in marked if a.startswith("?"))
            if akind in (ALLIANCE, NONSTATE, MEDIA):
                kind, country = akind, (rest[0] or None) if rest else None
            else:
                kind, country = STATE_BODY, akind
            parent = rest[1] or None if len(rest) > 1 else None
            self._add(Entity(oid, etype, kind, names[0], name_en, country, parent=parent), names)
        for pid, name_en, aliases in _rows("persons.tsv"):
            names = aliases.split("|")
            self._add(Entity(pid, "PERSON", PERSON, names[0], name_en), names)
        # after the organisations: an adjective may name a community that is no state ("كردي")
        for code, base in _rows("demonyms.tsv"):
            ent = self.entities[code]
            if " " in base:
                for pair in _two_word_demonym_forms(base):
                    self._demonyms2.setdefault(pair, ent)
                continue
            for form in _demonym_forms(base):
                self._demonyms.setdefault(form, ent)

    # -- matching -------------------------------------------------------------------------------
    def lookup(self, words: Sequence[str]) -> Entity | None:
        """Entity whose alias is exactly these words (first word may carry proclitics)."""
        if not words:
            return None
        rest = tuple(norm(w) for w in words[1:])
        for first in strip_proclitics(norm(words[0])):
            ent = self._aliases.get((first, *rest))
            if ent is not None:
                return ent
        if len(words) == 1:
            return self.demonym(norm(words[0]))
        return None

    def demonym(self, word_norm: str) -> Entity | None:
        for cand in strip_proclitics(word_norm):
            ent = self._demonyms.get(cand)
            if ent is not None:
                return ent
        # strip_proclitics drops ال only on long words; adjectives also come as وال+adj, بال+adj
        for pre in ("وال", "بال", "فال", "لل", "كال"):
            if word_norm.startswith(pre):
                ent = self._demonyms.get("ال" + word_norm[len(pre) :])
                if ent is not None:
                    return ent
        return None

    def _alias_at(self, tokens: Sequence[Token], i: int, firsts: list[str], longest: int, follow: Sequence[int],
                  shortest: int) -> Mention | None:
        """The longest alias (of *shortest* words or more) that starts at token *i* with one of *firsts* and goes on
        with the tokens at the positions *follow*."""
        for length in range(min(longest, len(follow) + 1), shortest - 1, -1):
            rest = tuple(tokens[j].norm for j in follow[: length - 1])
            for first in firsts:
                ent = self._aliases.get((first, *rest))
                if ent is not None:
                    return Mention(ent, i, follow[length - 2] + 1 if length > 1 else i + 1,
                                   generic=(first, *rest) in self.generic)
        return None

    def _quoted_rest(self, tokens: Sequence[Token], i: int, firsts: list[str], longest: int) -> Mention | None:
        """An alias whose words after the first stand in quotes: "حركة «23 مارس»" for "حركة 23 مارس"; the
        mention takes the closing quote too."""
        words = [j for j in range(i + 2, min(len(tokens), i + 2 + longest)) if tokens[j].text not in QUOTES]
        m = self._alias_at(tokens, i, firsts, longest, words, 2)
        if m is not None and m.end_tok < len(tokens) and tokens[m.end_tok].text in QUOTES:
            m = Mention(m.entity, m.start_tok, m.end_tok + 1, generic=m.generic)
        return m

    def find_mentions(self, tokens: Sequence[Token], demonyms: bool = True,
                      multi_word_only: bool = False) -> list[Mention]:
        """Longest non-overlapping alias matches, left to right; with *multi_word_only*, aliases of two words
        or more only, looked up only before a word that stands second in one (most positions have none)."""
        out: list[Mention] = []
        i, n = 0, len(tokens)
        shortest = 2 if multi_word_only else 1
        while i < n:
            if multi_word_only and (i + 1 == n or tokens[i + 1].norm not in self._seconds):
                i += 1
                continue
            best: Mention | None = None
            firsts = [f for f in strip_proclitics(tokens[i].norm) if f in self._firsts]
            longest = max((self._firsts[f] for f in firsts), default=0)
            if firsts:
                best = self._alias_at(tokens, i, firsts, longest, range(i + 1, min(n, i + longest)), shortest)
            if best is not None and best.end_tok == i + 1 and tokens[i].norm in self._as_words:
                best = None  # "بحجة ملاحقة الحزب": on the pretext, not in Hajjah
            if best is None and firsts and i + 1 < n and tokens[i + 1].text in QUOTES:
                best = self._quoted_rest(tokens, i, firsts, longest)  # "حركة «23 مارس»"، "قوات «درع الوطن»"
            if demonyms and (best is None or (
                    best.entity.kind == PERSON and best.end_tok == i + 1 and i > 0 and tokens[i - 1].norm.startswith("ال"))):
                # after a definite noun a surname that is also a nationality agrees with it as an adjective:
                # "الجيش السوداني" is Sudan's army, where "قال السوداني" is the Iraqi prime minister
                ent = self._demonyms2.get((tokens[i].norm, tokens[i + 1].norm)) if i + 1 < n else None
                if ent is not None:
                    best = Mention(ent, i, i + 2, demonym=True)
                else:
                    ent = self.demonym(tokens[i].norm)
                    if ent is not None:
                        best = Mention(ent, i, i + 1, demonym=True)
            if best is not None:
                out.append(best)
                i = best.end_tok
            else:
                i += 1
        return out


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once per process, about 0.2 s)."""
    return Gazetteer()


@cache
def world_cities() -> dict[str, tuple[tuple[str, int], ...]]:
    """Normalised Arabic names of GeoNames' cities (`lexicons/ner_world_cities.tsv`) → (state, population) pairs:
    which states a bare city name may be in ("القنيطرة": Quneitra in Syria or Kenitra in Morocco)."""
    cities: dict[str, list[tuple[str, int]]] = {}
    for name, alpha_2, population in _rows("ner_world_cities.tsv"):
        country = pycountry.countries.get(alpha_2=alpha_2)
        if country is not None:
            cities.setdefault(norm(name), []).append((country.alpha_3, int(population)))
    return {name: tuple(places) for name, places in cities.items()}


@cache
def largest_city(state: str) -> str | None:
    """The normalised name of a state's most populous city in GeoNames' list ("عمان" for Jordan)."""
    best = max(((pop, name) for name, places in world_cities().items() for c, pop in places if c == state), default=None)
    return best[1] if best else None


def shared_city_reading(words: str, entity: Entity, names_country: Callable[[str, str], bool],
                        main_country: Callable[[], str | None] = lambda: None) -> str | None:
    """The country a state's or place's name *words* stands for in an article, when another country has a city of
    that name (GeoNames) and the article names that country by other words but never *entity*'s own:
    "القنيطرة" is Kenitra in an article that names Morocco and not Syria; a state's name only as the other
    country's largest city ("عمان" is Amman in an article that names Jordan and not Oman). *names_country(code,
    words)* says whether the article names a country by words other than *words*; the main country, if one of
    several, goes first. None when the name keeps the tables' reading. Troop facts and entity linking read the
    same way, so that a fact's place and its entity agree."""
    places = world_cities().get(words, ())
    if entity.kind not in (STATE, PLACE) or not entity.country or all(c == entity.country for c, _ in places):
        return None
    if names_country(entity.country, words):
        return None
    others = {c for c, _ in places if c != entity.country and names_country(c, words)
              and (entity.kind == PLACE or largest_city(c) == words)}
    if not others:
        return None
    main = main_country() if len(others) > 1 else None
    return sorted(others, key=lambda c: (c != main, c))[0]
