"""Troop-count facts: who has how many military personnel where, as of when, and of what kind.

The extractor reads one sentence at a time, the way an analyst would:
1. find every quantity (numbers.py) and keep those followed by a personnel noun ("نحو 2500 جندي"), introduced
   by a strength head ("قوات قوامها"), or carrying over the unit of a previous fact ("... و900 في سورية");
2. drop casualties, captives and civilians from the words around the number;
3. take the actor from the noun phrase (nationality adjective, "من" + group), from a verb after it
   ("أرسلتهم واشنطن"), or from the nearest actor to its left (the subject: "وتنشر الولايات المتحدة ...");
4. take the location from a locative phrase after it, a country or place to its left, a back-reference
   ("البلاد"، "هناك"), or the article's main country;
5. take the kind from the nearest cue word, and the time anchor from the nearest time expression.
All vocabulary is data: the nouns, cues and verbs in `lexicons/facts.yaml`, each rule's word lists in
`lexicons/facts_rule_words.yaml`; actors and places come from the shared gazetteer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources

import yaml

from .gazetteer import (
    ALLIANCE,
    NONSTATE,
    PLACE,
    QUOTES,
    STATE,
    STATE_BODY,
    Entity,
    Mention,
    gazetteer,
    shared_city_reading,
    world_cities,
)
from .kinds import KindModel, kind_features, load_kind_model
from .normalize import Token, norm, strip_proclitics, tokenize
from .numbers import Quantity, find_quantities
from .timeexpr import FUTURE_RELATIVE, find_time_spans, month_at, resolve_as_of

KINDS = ("presence", "deployment", "withdrawal", "strength")


@dataclass
class TroopFact:
    count: int | None
    low: int | None
    high: int | None
    approximate: bool
    actor: str | None
    actor_text: str | None
    actor_kind: str | None  # state, alliance, nonstate
    location: str | None
    location_text: str | None
    kind: str
    status: str  # planned (announced, decided, intended, expected) or current (stated as done or in place)
    unit_text: str
    time_text: str | None
    as_of: str | None
    evidence: str
    start_char: int
    end_char: int
    confidence: float
    # the kind is the count before's, the same verb governing both ("نشرت 3000 جندي في مالي، ونحو 2000 آخرين في
    # النيجر"): the kind model reads that count, not this one (not a column of the table)
    kind_follows: bool = field(default=False, compare=False, repr=False)

    def to_dict(self) -> dict:
        row = asdict(self)
        del row["kind_follows"]
        return row


class DocContext:
    """What the rest of the article tells about a sentence: its date, main country and coalition.

    The article-wide analysis is done on first use only, since most articles state no troop fact."""

    def __init__(self, published: dt.date | None = None, main_country: str | None = None,
                 coalition: str | None = None, text: str | None = None):
        self.published = published
        self._text = text  # None once analysed
        self._article = text or ""
        self._main_country = main_country
        self._coalition = coalition
        self._groups: list[tuple[int, str, Entity | None]] = []
        # (char, entity) of the article's mentions, in text order, by what later words refer back to
        self._named: dict[str, list[tuple[int, Entity]]] = {}
        self._other_pacts: list[int] = []  # where the article names a pact other than NATO ("حلف قبائل حضرموت")
        self._country_words: dict[str, set[str]] = {}  # country → the words the article names it by (its states,
        # places, adjectives and bodies)
        self._owners: list[tuple[int, Entity, str]] = []  # (char, entity, words) of mentions that may own men
        self._forces_by_adjective: list[tuple[int, Entity]] = []
        self._breaks: list[tuple[int, str]] = []  # where the article's sentences and paragraphs end
        self._sending: list[int] = []  # where a word of sending men stands ("دفع"، "أرسلت"، "وصلت")
        self._occupier_named = False  # whether the article names an army as the occupier ("جيش الاحتلال")
        self._exercise_host: str | None = None  # where the article's first exercise is held
        self._dateline_country: str | None = None  # the country of the place the article's dateline names
        self._named_in_full: dict[str, int] = {}  # where the article first names an entity that has short forms

    def _analyse(self) -> None:
        if self._text is not None:
            toks = tokenize(self._text)
            mentions = _drop_event_names(toks, gazetteer().find_mentions(toks))
            self._main_country, self._coalition = _main_country_and_coalition(mentions)
            self._groups = _group_references(toks, mentions)
            def named(keep) -> list[tuple[int, Entity]]:
                return [(toks[m.start_tok].start, m.entity) for m in mentions if keep(m)]

            self._named = {
                "states": named(lambda m: m.entity.kind == STATE),
                "countries": named(lambda m: m.entity.kind == STATE and not m.demonym),
                "regions": named(lambda m: m.entity.kind == PLACE and m.entity.country is None),
                "alliances": named(lambda m: m.entity.kind == ALLIANCE),
                # carriers by name, or by their state's adjective: "حاملة الطائرات الأمريكية «جيرالد فورد»"
                "carriers": [(pos, e if e.id in _AFLOAT else _carrier_of(e)) for pos, e in named(
                    lambda m: m.entity.id in _AFLOAT or (m.demonym and m.start_tok >= 2 and _carrier_of(m.entity)
                                                         and toks[m.start_tok - 2].norm.endswith(_CARRIER_NOUN)))],
                # a state's defence ministry ("وزارة الدفاع الرومانية"), what a later bare "الوزارة" is
                "ministries": named(lambda m: m.demonym and _names_defence_ministry(toks, m)),
                # an alliance's mission named by the alliance: "بعثة حلف شمال الأطلسي في العراق"
                "missions": named(lambda m: m.entity.kind == ALLIANCE and m.start_tok > 0
                                  and _MISSION in strip_proclitics(toks[m.start_tok - 1].norm)),
                # places inside one country, and bases or towns known by their country's adjective ("القاعدة التركية")
                "places": named(lambda m: (m.entity.kind == PLACE and m.entity.country and not m.demonym) or (
                    m.demonym and m.entity.kind == STATE and m.start_tok > 0
                    and any(f in _PLACE_NOUNS | _BASE_NOUNS for f in strip_proclitics(toks[m.start_tok - 1].norm)))),
            }
            for m in mentions:
                if m.entity.country:
                    self._country_words.setdefault(m.entity.country, set()).add(_city_name(toks[m.start_tok:m.end_tok]))
            # who may own men named in a later sentence by a pronoun ("تحتفظ أنقرة بأكثر من مئة قاعدة ... ويقدر
            # عدد جنودها هناك"): a state, group, body or alliance not introduced as a place
            beyond: set[int] = set()
            for i, m in enumerate(mentions):
                if _across_border(toks, m) or (i > 0 and mentions[i - 1].start_tok in beyond
                                               and m.start_tok == mentions[i - 1].end_tok and toks[m.start_tok].norm.startswith("و")):
                    beyond.add(m.start_tok)
            self._owners = [(toks[m.start_tok].start, m.entity, self._text[toks[m.start_tok].start:toks[m.end_tok - 1].end])
                            for m in mentions if m.entity.kind in (STATE, NONSTATE, STATE_BODY, ALLIANCE)
                            # (a state's forces by its adjective: "طلائع القوات المصرية")
                            and (not m.demonym or (m.start_tok > 0 and _in(toks[m.start_tok - 1], "force_nouns")))
                            and not _preceded_by_locative(toks, m)
                            # not a capital as a city: "وصلت إلى العاصمة الصومالية مقديشو"
                            and not any(f in _CAPITAL for t in toks[max(0, m.start_tok - 2):m.start_tok]
                                        for f in strip_proclitics(t.norm))
                            # not who tells: "وأكدت واشنطن أن روسيا تحتفظ بقوات كبيرة في بيلاروس"
                            and not (m.end_tok < len(toks) and toks[m.end_tok].norm in _THAT)
                            # not a neighbour named across a border: "قرب الحدود مع تشاد والسودان"
                            and m.start_tok not in beyond]
            # a state's forces named by its adjective ("القوات الباكستانية"): whose men a count in their sentence is
            self._forces_by_adjective = [(toks[m.start_tok].start, m.entity) for m in mentions if m.demonym
                                         and m.start_tok > 0 and _in(toks[m.start_tok - 1], "force_nouns")]
            # an army named as the occupier ("جيش الاحتلال"، "قوات الاحتلال"): the outlet's country's own
            # formations are not the ones its news names by number
            self._occupier_named = any(t.norm == _OCCUPATION and k > 0 and _in(toks[k - 1], "force_nouns")
                                       for k, t in enumerate(toks))
            self._exercise_host = _exercise_host(toks, mentions)
            # "تونس - الشروق": the place a line near the top opens with, before a dash (the dateline)
            dateline = next((
                m for m in mentions if toks[m.start_tok].start < 600 and m.entity.country
                and m.entity.kind in (STATE, PLACE) and not m.demonym and m.end_tok < len(toks)
                and toks[m.end_tok].text in _DASHES
                and (toks[m.start_tok].start == 0 or self._text[toks[m.start_tok].start - 1] == "\n")
                # a wire agency's city ("بيروت - رويترز") says where it files from, not whose news it is
                and not _wire_agency_at(toks, m.end_tok + 1)), None)
            if dateline is None:
                dateline = _world_city_dateline(toks, self._text)
            if dateline is not None:
                # "عمان - الأنباط" in an article that names Jordan and not Oman is Amman
                words = _city_name(toks[dateline.start_tok:dateline.end_tok])
                country = shared_city_reading(
                    words, dateline.entity, lambda c, w: bool(self._country_words.get(c, set()) - {w}),
                    lambda: self._main_country) or dateline.entity.country
                # ... and it counts only when the article names that country by other words too (not an outlet's
                # exile: "كمبالا - التغيير" over news of Sudan)
                if self._country_words.get(country, set()) - {words}:
                    self._dateline_country = country
                    # of two countries named as often, the dateline's is the article's
                    self._main_country, self._coalition = _main_country_and_coalition(mentions, tie_break=country)
            shortened = set(gazetteer().short_forms.values())
            for m in mentions:
                if m.entity.id in shortened:
                    self._named_in_full.setdefault(m.entity.id, toks[m.start_tok].start)
            self._breaks = [(b.start(), b.group()) for b in _BREAK.finditer(self._text)]
            deploying = _deployment_cues()
            self._sending = [t.start for t in toks if any(f in deploying for f in strip_proclitics(t.norm))]
            self._other_pacts = [m.start() for m in _PACT.finditer(self._text) if m.group(1) not in _NATO_WORDS
                                 and m.group(1) not in _NOT_A_PACT_NAME and not m.group(0).startswith("أي")]
            self._text = None

    @property
    def dateline_country(self) -> str | None:
        """The country of the place the article's dateline names ("تونس - الشروق"), if it has one."""
        self._analyse()
        return self._dateline_country

    def named_in_full_before(self, entity_id: str, char: int) -> bool:
        """Whether the article names the entity by one of its full aliases before *char*, so that a short form of it
        ("الانتقالي") stands for it there."""
        self._analyse()
        return self._named_in_full.get(entity_id, char) < char

    def _last_before(self, kind: str, char: int, keep=lambda e: True) -> Entity | None:
        """The last of the article's *kind* mentions ("states", "regions", "places", "alliances") before *char*
        that *keep* accepts."""
        self._analyse()
        return next((e for pos, e in reversed(self._named.get(kind, [])) if pos < char and keep(e)), None)

    def carrier_before(self, char: int) -> Entity | None:
        """The ships the article named last before *char* whose crews are at sea (what a bare "الحاملة" is)."""
        return self._last_before("carriers", char)

    def ministry_before(self, char: int) -> Entity | None:
        """The state whose defence ministry the article named last before *char* (what a bare "الوزارة" is)."""
        return self._last_before("ministries", char)

    def names_country(self, country: str, other_than: str | None = None) -> bool:
        """Whether the article names *country* (a state, a place in it, its adjective or a body of it) by some word
        other than *other_than*."""
        self._analyse()
        return bool(self._country_words.get(country, set()) - {other_than})

    @property
    def exercise_host(self) -> str | None:
        """The country the article's first exercise is held in: «النجم الساطع 2025» بمصر، "التمرين … الذي تستضيفه
        جمهورية مصر العربية"."""
        self._analyse()
        return self._exercise_host

    @property
    def occupier_named(self) -> bool:
        """Whether the article names an army as the occupier ("جيش الاحتلال"، "قوات الاحتلال")."""
        self._analyse()
        return self._occupier_named

    def other_pact_before(self, char: int) -> bool:
        """Whether the article names, before *char*, a pact the tables do not know ("حلف قبائل حضرموت"), which a
        later bare "الحلف" ("رئيس الحلف") refers back to instead of NATO."""
        self._analyse()
        return any(pos < char for pos in self._other_pacts)

    def state_before(self, char: int, other_than: str | None = None, keep=lambda e: True) -> Entity | None:
        """The state named last before *char* ("وزير الدفاع الفرنسي" ... "بلاده"), if the article names one; with
        *other_than*, the last one that is not that state; with *keep*, the last one it accepts."""
        return self._last_before("states", char, lambda e: e.id != other_than and keep(e))

    def country_before(self, char: int, other_than: str | None = None) -> str | None:
        """The country of the state or place named last before *char* (what "فيها"، "هناك" refer back to), other
        than *other_than*; a nationality adjective ("بحسب تقديرات أمريكية") names no place."""
        self._analyse()
        named = [(pos, e.country) for kind in ("countries", "places") for pos, e in self._named.get(kind, [])
                 if pos < char and e.country and e.country != other_than]
        return max(named, default=(0, None))[1]

    def owner_before(self, char: int, across_paragraphs: bool = False,
                     sent_only: bool = True) -> tuple[Entity, str] | None:
        """The first state, group, body or alliance named, not as a place, in the sentence before the one at *char*
        (its subject, as Arabic puts it first: "إذ تحتفظ أنقرة بأكثر من مئة قاعدة ... في شمال العراق"), with its
        words; None when that sentence names none, or ends a paragraph (unless *across_paragraphs*: then, while
        *sent_only*, the sentence must send men, as what a batch referred back to is of)."""
        span = self._sentence_span_before(char, across_paragraphs)
        if span is None:
            return None
        start, end = span
        if across_paragraphs and sent_only and not any(start < pos < end for pos in self._sending):
            return None  # a batch is referred back to only by what sent it: "دفع المجلس الانتقالي ... بتعزيزات"
        return next(((e, w) for pos, e, w in self._owners if start < pos < end), None)

    def owners_around(self, char: int) -> tuple[list[Entity], list[Entity], list[Entity]]:
        """The states, groups, bodies and alliances named, not as places, in the sentence holding *char* and in the
        one before it (across a paragraph's break); and the states whose forces the sentence names by adjective."""
        self._analyse()
        here = self.sentence_start(char)
        nxt = next((pos for pos, _ in self._breaks if pos >= char), len(self._article))
        before = self.sentence_start(here - 1) if here > 0 else here
        return ([e for pos, e, _ in self._owners if here <= pos < nxt],
                [e for pos, e, _ in self._owners if before <= pos < here],
                [e for pos, e in self._forces_by_adjective if here <= pos < nxt])

    def text_at(self, start: int, end: int) -> str:
        """The article's text from *start* to *end*."""
        return self._article[start:end]

    def sentence_start(self, char: int) -> int:
        """Where the sentence holding *char* starts (after the break before it; 0 in the article's first)."""
        span = self._sentence_span_before(char, across_paragraphs=True)
        return span[1] + 1 if span is not None else 0

    def _sentence_span_before(self, char: int, across_paragraphs: bool = False) -> tuple[int, int] | None:
        """(the break before it, its own break) of the sentence before the one at *char* (-1 at the article's start);
        None at the article's start, or at a paragraph's unless *across_paragraphs*."""
        self._analyse()
        ends = [(pos, c) for pos, c in self._breaks if pos < char]
        if not ends or (ends[-1][1] == "\n" and not across_paragraphs):
            return None
        while len(ends) > 1 and ends[-1][0] - ends[-2][0] <= 2:
            ends.pop()  # ".\n\n": one end of the sentence before
        return (ends[-2][0] if len(ends) > 1 else -1), ends[-1][0]

    def sentence_before(self, char: int) -> list[Token]:
        """The tokens of the sentence before the one at *char*, in the same paragraph (none at a paragraph's start):
        where the men a bare "منهم" counts may be named ("أكثر من ٣٠٠ مرتزق كولومبي … يقاتلون في صفوف الدعم السريع")."""
        span = self._sentence_span_before(char)
        return tokenize(self._article[span[0] + 1:span[1]]) if span is not None else []

    def region_before(self, char: int) -> Entity | None:
        """The region of several countries named last before *char* ("البحر الأحمر"), if the article names one."""
        return self._last_before("regions", char)

    def place_before(self, char: int, called: str | None = None, by_name: bool = False) -> Entity | None:
        """The place inside one country named last before *char* (what "الإقليم"، "القاعدة" refer back to); with
        *called*, the last one whose name has that word ("قاعدة غيومري" for "القاعدة"), or that a state's adjective
        names ("القاعدة التركية") unless *by_name* ("القطاع" is "قطاع غزة", never "كوسوفو")."""
        return self._last_before("places", char, lambda e: (
            called is None or (e.kind == STATE and not by_name) or any(called in norm(a) for a in e.aliases)))

    def names_place(self, country: str) -> bool:
        """Whether the article names *country*, or a place in it, by its name (not an adjective)."""
        self._analyse()
        return any(e.country == country for kind in ("countries", "places") for _, e in self._named.get(kind, []))

    def alliance_before(self, char: int, head: str | None = None) -> Entity | None:
        """The alliance named last before *char* (what a bare "الحلف" stands for), if the article names one; with
        *head* ("حلف"، "اتحاد"، "بعثه"), the last one that some alias of it calls so: "الحلف" is NATO, not the EU."""
        self._analyse()
        missions = {pos for pos, _ in self._named.get("missions", [])} if head == _MISSION else set()
        return next((e for pos, e in reversed(self._named.get("alliances", [])) if pos < char and (
            head is None or any(head in norm(a) for a in e.aliases)
            or (head == _MISSION and (e.parent is not None or pos in missions)))), None)  # "البعثة": any mission

    def list_intro(self, char: int) -> list[Token] | None:
        """The tokens of the line that introduces the list whose item starts at *char*: the nearest line above it,
        past the list's other items, when it ends with a colon ("يتوزع من تبقى من الجنود الأمريكيين على النحو
        الآتي:"); None when the line at *char* is no item ("- قاعدة حرير في محافظة أربيل: قرابة 600")."""
        text = self._article
        start = text.rfind("\n", 0, char) + 1
        if not text[start:char + 1].lstrip().startswith(_BULLETS):
            return None
        end = start - 1
        while end > 0:
            above = text.rfind("\n", 0, end) + 1
            line = text[above:end].strip()
            if line and not line.startswith(_BULLETS):
                return tokenize(text[above:end], above) if line.endswith(":") else None
            end = above - 1
        return None

    def mission_before(self, char: int) -> Entity | None:
        """The last mission with a theatre (an alliance's force in one country: «أوسوم»، "اليونيفيل") named before
        *char*."""
        return self._last_before("alliances", char, keep=lambda e: e.parent is not None and e.country is not None)

    def group_before(self, head: str, char: int) -> Entity | None:
        """The armed group that a bare "الحزب"/"التنظيم" at *char* refers back to, if the article names one."""
        self._analyse()
        return _antecedent(self._groups, head, char)

    @property
    def main_country(self) -> str | None:
        self._analyse()
        return self._main_country

    @property
    def coalition(self) -> str | None:
        self._analyse()
        return self._coalition


@cache
def _lex() -> dict:
    with (resources.files("pipelines.nlp") / "lexicons" / "facts.yaml").open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    lex: dict = {}
    lex["generic_min_count"] = int(raw["generic_min_count"])
    lex["military_stems"] = tuple(norm(w) for w in raw["military_stems"])
    lex["military_phrases"] = {tuple(norm(w) for w in p.split()) for p in raw["military_phrases"]}
    for key in ("personnel_strong", "personnel_weak", "generic_personnel", "construct_plurals", "strength_heads", "measure_words",
                "leader_words", "foreign_words", "local_men_adjectives", "recruit_words", "against_words", "unnamed_owner_words", "presence_nouns", "soldier_words", "fighter_words", "mercenary_words", "people_nouns", "enemy_words", "force_nouns", "ellipsis_words",
                "casualty_cues", "casualty_predicates", "casualty_cues_adjacent", "civilian_qualifiers", "non_troop_events",
                "plan_words", "future_verbs", "future_time_words", "receiving_verbs", "region_anaphora", "trainer_words", "armed_group_nouns", "place_anaphora",
                "not_group_heads", "locatives", "territory_nouns", "country_anaphora"):
        lex[key] = {norm(w) for w in raw[key] if " " not in w}
    with_pronouns = raw["casualty_nouns_with_pronouns"]
    lex["casualty_cues"] |= {(c[:-1] + "ت" if c.endswith("ه") else c) + norm(suffix)
                             for c in map(norm, with_pronouns["nouns"]) for suffix in with_pronouns["suffixes"]}
    verbs = raw["casualty_verbs"]
    suffixes = [norm(s) for s in verbs["suffixes"]]
    lex["casualty_cues"] |= {norm(stem) + s for stem in verbs["perfect"] for s in suffixes}
    lex["casualty_cues"] |= {norm(p) + norm(stem) + s for stem in verbs["imperfect"] for p in verbs["prefixes"]
                             for s in suffixes}
    lex["member_phrases"] = {tuple(norm(x) for x in w.split()) for w in raw["member_phrases"]}
    cue: dict[str, str] = {}
    for kind in ("withdrawal", "deployment", "presence", "strength"):  # earlier kinds win on shared words
        for w in raw["kind_cues"][kind]:
            cue.setdefault(norm(w), kind)
    lex["kind_cues"] = cue
    return lex


@cache
def _person_name_words() -> frozenset[str]:
    """First names and surnames (the NER gazetteer's list, from arabnamer), normalised: "طارق"، "ماهر"."""
    path = resources.files("pipelines.nlp") / "lexicons" / "ner_person_name_words.tsv"
    return frozenset(norm(line.split("\t", 1)[0]) for line in path.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))


@cache
def _rule_word_lists() -> dict[str, list[str]]:
    with (resources.files("pipelines.nlp") / "lexicons" / "facts_rule_words.yaml").open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@cache
def _deployment_cues() -> frozenset[str]:
    """The kind cues that send men ("دفع"، "أرسلت"، "وصلت"), looked up once for every article's analysis."""
    return frozenset(w for w, k in _lex()["kind_cues"].items() if k == "deployment")


def _words(key: str) -> set[str]:
    """A word list of the rules (`lexicons/facts_rule_words.yaml`), normalised, for whole-token lookups."""
    return {norm(w) for w in _rule_word_lists()[key]}


def _words_in_order(key: str) -> tuple[str, ...]:
    """A word list whose order counts (prefix and substring tests, constructs read left to right)."""
    return tuple(norm(w) for w in _rule_word_lists()[key])


def _words_as_written(key: str) -> set[str]:
    """A word list compared with raw text (a regex group), so not normalised."""
    return set(_rule_word_lists()[key])


def _phrases(key: str) -> set[tuple[str, ...]]:
    return {tuple(norm(x) for x in w.split()) for w in _rule_word_lists()[key]}


_LETTER_VARIANTS = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]"}


@cache
def _personnel_prefilter() -> re.Pattern[str]:
    """A regex over raw text that finds every sentence that could name personnel (C speed; no tokenizing)."""
    lex = _lex()
    words = lex["personnel_strong"] | lex["personnel_weak"] | lex["strength_heads"]
    stems = sorted({w[:4] if len(w) > 4 else w for w in words}, key=len, reverse=True)
    alts = [_spelling_variants(stem) for stem in stems]
    # a count of a force with no personnel noun: "عشرات الآلاف من قوات البيشمركة", "480 ألفا من قوات الاحتياط"
    alts.append(r"\bمن\s+(?:" + "|".join(map(_spelling_variants, sorted(_FORCES_COUNTED))) + ")")
    # men named before and counted by "منهم": "ووصل نحو ٨٠ منهم إلى مدينة نيالا"
    scales = sorted(_words("counts_of_them"), key=len, reverse=True)
    alts.append(r"(?:[0-9٠-٩]|" + "|".join(map(_spelling_variants, scales)) + r")\s+" + _spelling_variants(_OF_THEM) + r"\b")
    return re.compile("|".join(alts))


def _spelling_variants(word_norm: str) -> str:
    """A regex for a normalised word in raw text: each ا, ي, ه also as the letters normalisation folds into it."""
    return "".join(_LETTER_VARIANTS.get(ch, re.escape(ch)) for ch in word_norm)


_FORCES_COUNTED = _words("forces_counted")


def _force_after_min(toks: Sequence[Token]) -> bool:
    return any(toks[k].norm == "من" and toks[k + 1].norm in _FORCES_COUNTED for k in range(len(toks) - 1))


@lru_cache(maxsize=100_000)
def _mentions_personnel(word_norm: str) -> bool:
    lex = _lex()
    words = lex["personnel_strong"] | lex["personnel_weak"] | lex["strength_heads"]
    return any(f in words for f in strip_proclitics(word_norm)) or _possessed_personnel(word_norm)


def _in(tok: Token, key: str) -> bool:
    words = _lex()[key]
    return any(f in words for f in strip_proclitics(tok.norm))


_OPENERS = set("()«»\"'“”[]")
_BRACKET_PAIRS = {"(": ")", "«": "»", "“": "”", "[": "]"}
_ARMY = norm("الجيش")
_THE_MINISTRY = norm("الوزارة")
_THE_COUNT = norm("العدد")
_TOTAL_WORDS = _words("total_words")
_STARTING = _words("starting")  # "بدءا من رفح": starting with
_ON, _IN_TURN = norm("على"), norm("التوالي")  # "على التوالي": respectively
# "بلغ نحو 9 آلاف عسكري، وأنها تعمل على رفعه إلى 10 آلاف": the number before, changed to another
_CHANGE_IT = _words("change_it")
_MINISTRY, _DEFENCE = norm("وزارة"), norm("الدفاع")  # a bare "وزارة الدفاع": the article's country's
# ... and its general staff: "دفعت قيادة الأركان العامة للجيوش بنحو ألف جندي"
_HOME_COMMANDS = _phrases("home_commands")
_HOME_GUARDS = _phrases("home_guards")  # "نشر ألفي جندي من الحرس الوطني": a bare national guard is the country's
_GUARD_HEADS = {p[0] for p in _HOME_GUARDS}


def _names_defence_ministry(toks: Sequence[Token], m: Mention) -> bool:
    """Whether state *m* names a defence ministry: "وزارة الدفاع الرومانية"، "بوزارة الدفاع السورية"."""
    return (m.entity.kind == STATE and m.start_tok >= 2 and toks[m.start_tok - 1].norm == _DEFENCE
            and _MINISTRY in (toks[m.start_tok - 2].norm, toks[m.start_tok - 2].norm[1:]))


_ALLIANCE_NATO = norm("الحلف")
# "حلف قبائل حضرموت" (not "تحالف", "أي حلف عسكري", the verb in "حلف الرئيس اليمين")
_PACT = re.compile(r"(?<![\w\u0600-\u06ff])(?:أي\s+)?[وب]?حلف\s+([\u0621-\u064a]+)(?![\u0621-\u064a])(?!\s+\S*اليمين)")
_NATO_WORDS = _words_as_written("nato_words")
_NOT_A_PACT_NAME = _words_as_written("not_a_pact_name")
_ALLIANCE_WORDS = {_ALLIANCE_NATO, norm("البعثة")}  # a bare "الحلف"، "البعثة": the alliance or mission named before
_FIGHTS_FOR = _words("fights_for")  # "في صفوف X"، "لصالح X"، "إلى جانب X"
_NO_THEATRE = {"NATO", "EU"}  # alliances whose forces stand in many countries, unlike a mission (UN, AU)
_LOYAL = _words("loyal")
_EACH_OF_THEM = _words("each_of_them")  # "في كل منهما"، "كل واحدة"
_FORMATION_DUALS = _words("formation_duals")
_SIZE_OF = _words("size_of")
_BULLETS = ("-", "–", "—", "•", "*", "·")
_DASHES = ("-", "–", "—")
_IN_THE_NAME_OF = norm("باسم")
_CONTRIBUTION_STEMS = tuple(_words_in_order("contribution_stems"))
_SEND_OR_DEPLOY = _words("send_or_deploy")
_WIRE_AGENCIES = _words("wire_agencies")
_ARMS = {norm("البحرية"), norm("الجوية"), norm("البرية")}  # "البحرية المصرية": a state's navy by its adjective
_THE_MISSION = norm("البعثة")
_UNIT_PLURALS = {norm("الوحدات"), norm("الكتائب"), norm("الألوية"), norm("القطعات")}
_IN_IT = {norm("فيها"), norm("فيه")}
_AND_SOME = _words("and_some")
_FORMATION_PLURALS = _words("formation_plurals")
_OF_THEM = norm("منهم")
_THESE = norm("هؤلاء")  # "ويتمركز معظم هؤلاء في قواعد الجفرة …، إضافة إلى نحو 300 عنصر": the men named before
_CARED_FOR = _words("cared_for")
_THE_FORCE = norm("القوة")
_A_FORCE = norm("قوة")
_FOLLOWED_BY = _words("followed_by")
_OF_AMOUNT = _words("of_amount")
_SINCE = _words("since")
_BREAK = re.compile(r"[.!؟?\n]")
_REMAINING = _words("remaining")
_AFTER_EVENT = _words("after_event")  # "بعد تراجع نفوذها في سوريا": after an event somewhere else
_TURNS = _words("turns")
_CONTRIBUTE = _words_in_order("contribute")
_SO_CALLED = _words("so_called")  # "ما يسمى «الجيش الوطني»": the name follows
_BASE = norm("قاعدة")
_RELATIVE = _words("relative")
_MEMBERSHIP = _words("membership")  # "الذي يضم مالي وبوركينا فاسو والنيجر": an alliance's members
_NOT_ARTICLE = _RELATIVE | _words("not_article")  # words that begin with ال but take no article
# a nationality after these names who tells the news ("تقديرات عراقية"، "مصادر عسكرية إسرائيلية"), not an actor
_SOURCES = _words("sources")
_SOURCE_ADJECTIVES = _words("source_adjectives")
_WITHIN = _words("within")  # "ضمن البعثة"، "في إطار التحالف": a framework, not an owner
_BORDER = _words_in_order("border")  # "الحدود مع"، "الحدودي مع"، "حدودها مع"
_ARMED_ADJECTIVES = _words("armed_adjectives")
# a count set against or added to the one before it ("مقارنة بنحو 1700 حالياً")
_SET_BESIDE = _words("set_beside")
_SET_BESIDE_2 = _phrases("set_beside_2")
_OUT_OF = (norm("من"), norm("أصل"))
_TO = norm("إلى")
# "على أن يرتفع العدد إلى 10 آلاف": the number the count before it is to become
_THE_NUMBER = _words("the_number")
# how the men before stand, after a bare count of them: "وفي الكويت أكثر من 13 ألفاً موزعين على معسكر عريفجان"
_SPREAD = _words("spread")
_VIA = _words("via")  # "غادروا العراق عبر الكويت": a country passed through
_MISSION = norm("بعثة")
_IN_ADDITION = {norm("إضافة"), norm("الإضافة")}
_WITH = {"مع", "ومع"}
# words of an agreement or its signing before "مع": "الموقع مع"، "اتفاق مع"، "بالتنسيق مع"
_AGREEMENT_STEMS = _words_in_order("agreement_stems")
_WHO_MEN = norm("الذين")
_HELD = _words("held")
_RETURN_STEMS = _words_in_order("return_stems")
_TO_STAND = _words("to_stand")  # where a force will stand
_STATIONED = _words("stationed")
_STILL = _words("still")
_PUT_FORWARD = _words("put_forward")
_PLAN_NOUNS = _words("plan_nouns")
_WERE = {norm("كانوا")}
_SOLDIER_STEMS = _words_in_order("soldier_stems")
_ACCORDING = _words("according")
_UNIT_NOUNS = _words("unit_nouns")
_CAPITAL = {norm("العاصمة"), norm("عاصمة")}
_COMPRISED = {norm("ضمت"), norm("ضم")}  # "الأرتال ضمت": comprised, in the past
_MOST_OF_THEM = _words("most_of_them")
_FORCE_NOUNS_DEF = {norm("القوة"), norm("القوات")}
_INTERNATIONAL = {norm("الدولية"), norm("الأممية")}  # "القوة الدولية": a mission, not a state's force
_NATIONAL_GUARD = (norm("الحرس"), norm("الوطني"))
_TAKE_PART = _words("take_part")
_CREW = _words("crew")  # a crew, unless of the men's own command after a breakdown
_CREW_FORMS = _CREW | {w + p for w in _CREW for p in ("ها", "ه", "هما")}  # (proclitics and ال are stripped)
_WARSHIPS, _MERCHANT_SHIPS, _SAILORS = _words("warships"), _words("merchant_ships"), _words("sailors")
_WARSHIP_PHRASES = _phrases("warship_phrases")
_WARSHIP_ADJECTIVE = _words_in_order("warship_adjectives")


def _naval_crew(toks: Sequence[Token], unit_start: int) -> bool:
    """Sailors counted aboard a warship, and no merchant ship named: a navy's men, whom the word «طاقم» does not
    make civilians."""
    def named(words: set[str]) -> bool:
        return any(f in words for t in toks for f in strip_proclitics(t.norm))
    # a warship's noun heads its phrase ("المدمرة الأمريكية"); after another noun it is an adjective ("السفينة
    # المدمرة": destroyed); "حربية" is the adjective that names one ("سفن حربية")
    warship_named = any(any(f in _WARSHIPS for f in strip_proclitics(t.norm)) and (
        k == 0 or not toks[k - 1].norm.startswith("ال") or toks[k].norm.endswith(_WARSHIP_ADJECTIVE))
        for k, t in enumerate(toks)) or any((a.norm, b.norm) in _WARSHIP_PHRASES for a, b in itertools.pairwise(toks))
    return toks[unit_start].norm in _SAILORS and warship_named and not named(_MERCHANT_SHIPS)


_BREAKDOWN = _words("breakdown")  # "، بين أفراد ... وعناصر ..."
_ESTIMATES = _words("estimates")
_HAS = _words("has")  # "لا تزال تملك 10 آلاف مقاتل": a force's size
_HAVE = _words("have")
_WHOLE_FORCE = _words_in_order("whole_force")
_TOTAL = norm("إجمالي")
_REACH = _words("reach")
_THE_COUNTRY = _words("the_country")
# "القطاع"، "المحور": the strip or corridor named before ("قطاع غزة"، "محور فيلادلفيا"), found by its head word
_NAMED_BY_HEAD = {"ال" + w: w for w in _words_in_order("named_by_head")}
_AFLOAT = {"US_CARRIERS"}  # a ship's crew is at sea, not in its state: a carrier gives its men no place
_CARRIER_NOUN = norm("حاملة")


def _carrier_of(state: Entity) -> Entity | None:
    """The aircraft carriers of *state*, if the tables know them as a force of their own (crews at sea)."""
    g = gazetteer()
    return next((g.entities[i] for i in _AFLOAT if g.entities[i].country == state.country), None)
_THEIR_NUMBER = _words("their_number")
_THEIR_COUNT = _words("their_count")
_INCREASE_NOUNS = _words("increase_nouns")
_RAISE_VERBS = _words("raise_verbs")
_JOINING = _words("joining")
_PLEDGES = _words("pledges")
_CONTRIBUTING = tuple(w for w in _CONTRIBUTE if "سهم" in w or "ساهم" in w)  # "تساهم"، "تسهم", not "تشارك"
_ARMY_SIZE = 100_000
_STANDING_PARTICIPLES = _words_in_order("standing_participles")
_AMOUNTING = _words("amounting")  # "البالغ عددهم": amounting in number to
_GUNMEN_OF = _words_in_order("gunmen_of")  # a group's gunmen ("عدد مسلحيه"): armed, unlike its "أفراد"
_HOST_LINKS = _words("host_links")
_THAT = _words("that")  # "ذكرت روسيا أن قاعدة حميميم تستضيف": the speaker is no host
_AND_IN = _words("and_in")  # "، وفي الكويت أكثر من 13 ألفاً"
_NOW = _words("now")  # "مقارنة بنحو 1700 حالياً" (not "سابقاً": a past figure)
_TIME_OPENERS = _words("time_openers")
_NUMBER_OF = _words("number_of")  # "عدد جنودها"، "عديد قواتها"
_THEIR_FORCES = _words("their_forces")
_REFERRED_UNITS = _words("referred_units")
_AFTER_IT_WAS = _phrases("after_it_was")
_EXERCISES = _words("exercises")
_HOSTING = _words("hosting")
_THAT_IT = _words("that_it")
_THERE = _words("there")  # "عدد الجنود الأتراك فيها": in the place named before (not "فيه": the army)
_PERCENT_BEFORE = _words("percent_before")
_HUNDRED = _words("hundred")
_ONSETS = _words("onsets")  # "منذ وقف إطلاق النار مع إسرائيل": when, not where


def _has_preposition_clitic(word_norm: str) -> bool:
    """"للضباط"، "بالجنود": a personnel noun governed by a preposition is not what a number counts."""
    w = word_norm[1:] if word_norm.startswith(("و", "ف")) else word_norm
    return w.startswith(("لل", "بال", "لجن", "لعس", "لمق"))
_CLAUSE_END = {".", "؛", ";", "!", "?", "؟", ":"}
_CLAUSE_OR_COMMA = _CLAUSE_END | {"،", ","}
# units whose names are numbers ("الفرقة 30", "اللواء 15"); not "الجيش 3000 جندي"
_UNIT_NAMES = _words("unit_names")
# words before a number that continue a list of counts ("و900", "منهم 30", "بينهم 12")
_LIST_GOES_ON = _words("list_goes_on")
_PERSONS_FORCES = _words("persons_forces")  # "قوات طارق صالح": a force named by a person
_INSTITUTION_NOUNS = _words("institution_nouns")
# "على الضفة الغربية للفرات": a river's bank, not the West Bank
_BANKS = {norm("الضفة"), norm("ضفة")}
_OF_THE_RIVER = (norm("للفرات"), norm("لنهر"), norm("للنهر"), norm("لنهري"), norm("لدجلة"), norm("للنيل"), norm("للقناة"))
_OF_STUDIES = tuple(_words_in_order("of_studies"))
_ARMY_OF = {"PSE": "ISR"}  # whose army a bare "الجيش" is in news of a country without one
_MILITARY_ADJECTIVE = {norm("عسكري"), norm("العسكري")}  # "تدخل عسكري": an adjective, no soldier
_SIDE = norm("جانب")  # "على الجانب التونسي": a state's side
_KEEPS = _words("keeps")  # "تحتفظ تركيا بآلاف من جنودها في شمال البلاد": men kept abroad
_LEFT_VERBS = _words("left_verbs")  # "انسحب ما يقارب 300 من عناصر": men who left (not "أثناء انسحاب القوات")
_SUBSET = _words("subset")  # "بينهم ألف من الليبيين": a part of the men counted before
_PREPS = _words("preps")
# prepositions that put personnel somewhere (not "مع", "بين", "ضد": those name partners and enemies)
_LOCATIVE = _words("locative")
_IN_A_PLACE = _words("in_a_place")
_HOME_FORCES = _words_in_order("home_forces")  # a state's own army, (armed) forces or reserves
_AFFILIATION = _words("affiliation")
_GOVERNMENT = _words("government")
_NP_STOP = _words("np_stop")
_GENERIC_GROUP_HEADS = _words("generic_group_heads")
_BARE_COALITION = _words("bare_coalition")
# heads whose bare definite form refers back to a group ("الحزب"، "التنظيم"); "الحركة" and "المجموعة" only right after
# the men they own ("عدد مقاتلي الحركة"، "1500 من مقاتلي المجموعة"), since they are also traffic or movement and any
# set of things; never "الجبهة" (the front line)
_GROUP_HEADS = _words("group_heads")
_ONLY_AFTER_THE_MEN = {norm("حركة"), norm("مجموعة")}
_CORPS = norm("فيلق")  # a state's corps abroad ("الفيلق الأفريقي") is referred back to as a group is
# definite words that may follow a bare group reference without being part of a name ("التنظيم الإرهابي")
_NOT_A_NAME = _words("not_a_name")
_NEW_CLAUSE = _words("new_clause")  # "، بعدما عزز الحلف حضوره": an earlier event
_COMPRISE = _words("comprise")
_ABOARD, _CARRIES = _words("aboard"), _words("carries")
# what a count of men is the size of, as the subject of "تضم": an army, its units, someone's forces ("قواته")
_ARMY_WORDS = _words_in_order("army_words")
_AND_IT = _words("and_it")  # "، وهي التي …": a clause about what was named before
_WHICH_ONE = _words("which_one")  # name no other
# "بوروندي، حليفة كينشاسا،": a phrase in apposition that describes a state by another
_RELATION_NOUNS = _words("relation_nouns")
# verbs whose object is a place: "غادر النيجر نحو 1500 جندي فرنسي"
_ENTER_LEAVE = _words("enter_leave")
_SIZE_NOUNS = _words_in_order("size_nouns")
_FORCE_NOUN = {norm("قوة"), norm("القوة")}  # a force being formed or sent, not an army
_ONE_BATCH = (norm("دفعة"), norm("واحدة"))
_REPORTING_STEMS = (norm("نقل"), norm("نشر"))  # "نقلت"، "نشرت": also how outlets report
_FORCES, _ARMED = norm("القوات"), norm("المسلحة")  # "القوات المسلحة": a state's armed forces
_HOME_UNIT_NUMBERED, _UNIT_ORDINALS = _words("home_unit_numbered"), _words("unit_ordinals")
_HOME_UNIT_NAMED = _phrases("home_unit_named")
_HOME_UNIT_HEADS = _HOME_UNIT_NUMBERED | {p[0] for p in _HOME_UNIT_NAMED}
_HOME_UNIT_STEMS = tuple({h.removeprefix("ال") for h in _HOME_UNIT_HEADS})  # inside "وللفرقة" too
_COMMITTEE = norm("لجنة")
_OWN_FORCES = _words("own_forces")


def _an_army(word_norm: str) -> bool:
    """Whether a word names an army, its units or someone's forces ("الجيش"، "فرقتين"، "وحدات"، "قواته"); not
    "القوة": a mission's force is where it is ("وتضم القوة حاليا نحو 10 آلاف جندي")."""
    return any(w in word_norm for w in _ARMY_WORDS) or word_norm in _OWN_FORCES

_RANKS = _words("ranks")  # "في صفوف X": in the ranks of X
_YEAR_WORDS = _words("year_words")
_SUPPORTED = _words("supported")  # followed by "من" ("بدعم من إيران"); "لدعم X" is X supported
_IN_SUPPORT_OF = _words("in_support_of")  # "10 آلاف جندي لدعم القوات الكونغولية": the force supported
_COMPASS = _words("compass")  # "ولاية غرب دارفور": a direction inside a place's name
_RECKONED_TO = _words("reckoned_to")  # followed by "على"
_PLACE_NOUNS = _words("place_nouns")
_TOWARD = _words("toward")  # where men head
# a base's adjective names where it is only when it is not the actor's own: "قاعدة أكروتيري القبرصية" is in Cyprus,
# "قاعدة حميميم الروسية" is Russia's base, somewhere else
_BASE_NOUNS = _words("base_nouns")
_REGION_NOUNS = _words("region_nouns")
_THE_BASES = _words("the_bases")
_QAEDA_HEADS = _words("qaeda_heads")
_MEMBER_WORDS = _words("member_words")
_STATES_NOUNS = _words("states_nouns")  # "جنود الدول المشاركة في التحالف"
_A_STATE = _words("a_state")  # "من 48 دولة"
_MULTINATIONAL = _words("multinational")
_SENDING_FORMS = _words("sending_forms")
# "سيُنقلون من قاعدة عين الأسد": the men are moved from there (passive or their own verb; the future س stripped)
_MOVED_FROM = _words("moved_from")
_TRAINED = _words("trained")
_TRAINED_BY = _words("trained_by")
_TRAINING = norm("تدريب")
_RECEIVED = _words("received")
_WHERE = norm("حيث")
# verbs of men standing somewhere: "، فيما يتمركز أكثر من 10 آلاف في قاعدة العديد" (not "يضم"، "يعمل")
_STANDING = _words("standing")
# words that may stand between a count of men and "عددهم" referring to them: "، بعد أن بلغ عددهم نحو 1700"
_THEIR_NUMBER_LEAD = _words("their_number_lead")
_PRESENCE_NOUNS = _words("presence_nouns")
_SENDING_NOUNS = _words("sending_nouns")
_WITH_A_SIZE = _words_in_order("with_a_size")
_ONLY = _words("only")
_ATTRIBUTION = _words("attribution")
_TOWN_NOUNS = _words("town_nouns")
_TELLING = _words("telling")
_ON_IT = _words("on_it")
_THAT_FORMS = _words("that_forms")
_SENT_BATCHES = _words("sent_batches")  # "تعزيزات ... تضم 1500 جندي": what a force of men sent comprises
_REINFORCING = _words("reinforcing")  # "تعزيز الوجود في الكويت بنحو ألف جندي"
_OWN_COUNTRY = _words("own_country")  # not "بلده": normalised, a town
_OUR_COUNTRY = _words("our_country")
_OWN_BORDERS = _words("own_borders")
_ACCUSING = _words("accusing")
_THE_KINGDOM = _words("the_kingdom")
_THE_CARRIER = _words("the_carrier")
_OFFICER_RANKS = _words("officer_ranks")
_OCCUPATION = norm("الاحتلال")
_KINGDOMS = {w.upper() for w in _words_as_written("kingdoms")}
_PARADE = re.compile(r"^[وب]?(?:ال)?عرض (?:ال)?عسكري")  # "العرض العسكري"; a bare "عرض" is an offer or the high sea
_TITLES = _words("titles")
# a capital after these names a pact or a process, not its state ("حلف وارسو"، "تفاهمات أستانا"، "اتفاقات مينسك")
_MEETINGS = _words("meetings")
_TREATY_HEADS = _words("treaty_heads") | _MEETINGS
_WAS = _words("was")
_SERVING_IN = {norm("في"), norm("ضمن")}  # "جنودها في البعثة"، "عناصره ضمن القوة"
_OUTSIDE = _words("outside")  # "خارج الولايات المتحدة" says where the men are not


# ---------------------------------------------------------------------------------------------------
# document context
_OUTLET_NOUNS = _words("outlet_nouns")


def _in_outlet_name(toks: Sequence[Token], m: Mention) -> bool:
    """Whether *m* lies inside the quoted name of an outlet: "نشره موقع «لا سيا باسيا» الكولومبي"."""
    opener = next((k for k in range(m.start_tok - 1, max(-1, m.start_tok - 5), -1) if toks[k].text in ("«", '"', "“")),
                  None)
    return (opener is not None and opener > 0 and any(f in _OUTLET_NOUNS for f in strip_proclitics(toks[opener - 1].norm))
            and any(toks[k].text in ("»", '"', "”") for k in range(m.end_tok, min(len(toks), m.end_tok + 5))))


def _drop_event_names(toks: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Without the states that name a pact, a process or a meeting ("حلف وارسو"، "تفاهمات أستانا"، "قمة مدريد"):
    neither actors nor places; nor a one-word place that is a month as written ("في آب/أغسطس الماضي" is August,
    not Ibb, written "إب": normalisation folds the two alefs together)."""
    return [m for m in mentions if not (m.entity.kind == STATE and m.start_tok > 0 and any(
        f in _TREATY_HEADS for f in strip_proclitics(toks[m.start_tok - 1].norm))) and not (
        m.entity.kind == PLACE and m.end_tok - m.start_tok == 1 and month_at(toks, m.start_tok)
        and "آ" in toks[m.start_tok].text) and not (m.entity.kind in (STATE, PLACE) and _in_outlet_name(toks, m))
        and not (m.entity.kind in (STATE, PLACE) and _in_institution_name(toks, m))
        and not (m.end_tok < len(toks) and toks[m.end_tok].norm.startswith(_OF_THE_RIVER)
                 and any(f in _BANKS for f in strip_proclitics(toks[m.start_tok].norm)))]


def _in_institution_name(toks: Sequence[Token], m: Mention) -> bool:
    """"مركز صنعاء للدراسات الاستراتيجية"، "معهد واشنطن لسياسة الشرق الأدنى": a place that names a centre of
    studies, neither an actor nor where men are."""
    return (m.start_tok > 0 and m.end_tok < len(toks)
            and any(f in _INSTITUTION_NOUNS for f in strip_proclitics(toks[m.start_tok - 1].norm))
            and toks[m.end_tok].norm.startswith(_OF_STUDIES))  # (not "إلى مركز كركوك لحماية التركمان")


def _drop_members(toks: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Without the states a clause names as an alliance's or a group's members ("تحالف دول الساحل الذي يضم مالي
    وبوركينا فاسو والنيجر"): neither the owners of the men it counts nor where they are."""
    members: set[int] = set()
    for m in mentions:
        k = m.end_tok
        while k < len(toks) and toks[k].text in _OPENERS:  # a closing quote or bracket
            k += 1
        if not (m.entity.kind in (ALLIANCE, NONSTATE) and k + 1 < len(toks) and toks[k].norm in _RELATIVE
                and toks[k + 1].norm in _MEMBERSHIP):
            continue
        k += 2
        for n in mentions:
            if n.start_tok < k:
                continue
            if n.start_tok != k or n.entity.kind != STATE:
                break
            members.add(n.start_tok)
            k = n.end_tok
            if k < len(toks) and toks[k].text in ("،", ","):
                k += 1
            if k < len(toks) and toks[k].norm == "و":
                k += 1
    return [m for m in mentions if m.start_tok not in members]


def _drop_generic_before_nationality(mentions: list[Mention], toks: Sequence[Token] = ()) -> list[Mention]:
    """Without a vague alliance alias that a state's adjective qualifies ("قوات حفظ السلام الروسية" in Karabakh,
    "جنود حفظ السلام الهنود"): the men are that state's; nor a vague name of one country's body or force that
    another country's adjective or place follows ("حكومة الوحدة الوطنية في جنوب السودان" is not Libya's)."""
    after = {m.start_tok: m for m in mentions}

    def elsewhere(m: Mention) -> bool:
        n = after.get(m.end_tok)
        if n is None and m.end_tok < len(toks) and toks[m.end_tok].norm == "في":
            n = after.get(m.end_tok + 1)
        return (n is not None and n.entity.kind in (STATE, PLACE) and n.entity.country is not None
                and n.entity.country != m.entity.country)

    return [m for m in mentions if not (m.generic and m.entity.kind == ALLIANCE and (n := after.get(m.end_tok)) is not None
                                        and n.demonym and n.entity.kind == STATE)
            and not (m.generic and m.entity.kind != ALLIANCE and m.entity.country and elsewhere(m))]


def _wire_agency_at(toks: Sequence[Token], k: int) -> bool:
    """Whether token *k* names a wire agency: the dateline before it ("بيروت - رويترز") says where it files from."""
    return k < len(toks) and any(f in _WIRE_AGENCIES for f in strip_proclitics(toks[k].norm))


def _world_city_dateline(toks: Sequence[Token], text: str) -> Mention | None:
    """A dateline whose city the tables do not know but GeoNames' list does, in one country only, at the start of
    a line near the top or after a bar, before a dash: "نُشر في 03/03/2025 - 09:14 | سوسة - جوهرة أف أم"."""
    cities, g = world_cities(), gazetteer()
    for k, t in enumerate(toks):
        if t.start >= 600:
            return None
        if not (t.start == 0 or text[t.start - 1] == "\n" or (k > 0 and toks[k - 1].text == "|")):
            continue
        for width in (2, 1):
            if k + width < len(toks) and toks[k + width].text in _DASHES and not _wire_agency_at(toks, k + width + 1):
                # (a wire agency's city, "بيروت - رويترز", says where it files from)
                places = cities.get(_city_name(toks[k:k + width]), ())
                if len({c for c, _ in places}) == 1 and places[0][0] in g.entities:
                    return Mention(g.entities[places[0][0]], k, k + width)
    return None


def document_context(text: str, published: dt.date | None = None) -> DocContext:
    """Context of an article's sentences (analysed lazily)."""
    return DocContext(published, text=text)


def _city_name(toks: Sequence[Token]) -> str:
    """The words as the name of a city in GeoNames' list, the first one past its proclitics, when it is one
    ("والقنيطرة" → "القنيطرة")."""
    return _city_key(tuple(t.norm for t in toks))


@lru_cache(maxsize=100_000)
def _city_key(words: tuple[str, ...]) -> str:
    first = next((f for f in strip_proclitics(words[0]) if " ".join([f, *words[1:]]) in world_cities()), words[0])
    return " ".join([first, *words[1:]])


@lru_cache(maxsize=100_000)
def _town_noun(word_norm: str) -> bool:
    """"مدينة"، "بمدينة"، "وبلدة": a town noun in construct with a name (not "المدينة": the town before, or a noun)."""
    return any(word_norm == p + n for p in ("", "و", "ف", "ب", "وب", "ل", "ول") for n in _TOWN_NOUNS)


def _main_country_and_coalition(mentions: Sequence[Mention], tie_break: str | None = None) -> tuple[str | None, str | None]:
    """Main country (most-mentioned state or place; of several as often, *tie_break* if it is one of them: the
    dateline's country) and the coalition a bare "التحالف" refers to."""
    countries: Counter[str] = Counter()
    coalitions: Counter[str] = Counter()
    for m in mentions:
        e = m.entity
        if e.kind in (STATE, PLACE) and not m.demonym and e.country:
            countries[e.country] += 2
        elif e.kind in (STATE_BODY, NONSTATE) and e.country:
            countries[e.country] += 1
        elif e.kind == ALLIANCE and e.parent is not None and e.country:
            countries[e.country] += 2  # a mission ("اليونيفيل") names its theatre
        if e.id in ("INT_COALITION", "ARAB_COALITION"):
            coalitions[e.id] += 2
        elif e.id in ("ISIS",):
            coalitions["INT_COALITION"] += 1
        elif e.id in ("HOUTHIS", "SALEH_FORCES") or e.country == "YEM":
            coalitions["ARAB_COALITION"] += 1
    main = countries.most_common(1)[0][0] if countries else None
    if main is not None and tie_break is not None and countries[tie_break] == countries[main]:
        main = tie_break
    coal = coalitions.most_common(1)[0][0] if coalitions else None
    return main, coal


# ---------------------------------------------------------------------------------------------------
@dataclass
class _Unit:
    start: int
    end: int
    strength_head: bool = False
    weak: bool = False
    foreign_trainers: bool = False  # trainers of a named state: military even in a sentence that does not say so
    new_total: bool = False  # "على أن يرتفع العدد إلى 10 آلاف": the number the men before it are to reach
    of_them: bool = False  # "غادر نحو 1500 منهم": men named before, counted by "منهم"
    of_force: bool = False  # "15 عنصرا من القوات الخاصة": members of a force, military however few


def _possessed_personnel(word: str, generic: bool = False) -> bool:
    """A personnel plural with a possessive pronoun or in construct state, as in "500 من جنودها",
    "المئات من جنوده", "2000 من مقاتلي المقاومة" (the lexicon lists bare forms only); with *generic*, only the
    generic nouns ("أفرادها": members of anything)."""
    strong = _lex()["generic_personnel" if generic else "personnel_strong"]
    for stem in strip_proclitics(word):
        for suffix in ("هم", "ها", "نا", "ه", ""):
            if suffix and not stem.endswith(suffix):
                continue
            base = stem[: len(stem) - len(suffix)] if suffix else stem
            if len(base) < 4:
                continue
            if (suffix and base in strong) or (base.endswith("ي") and base + "ن" in strong):
                return True
    return False


def _owned_personnel(tok: Token) -> bool:
    """Personnel whose owner may follow: "مقاتلي حماس"، "جنودها"، and broken plurals in construct ("عناصر الهيئة");
    not a feminine adjective, which normalising makes look like "his" ("مصادر عسكرية لـ«الموجز»")."""
    return (_possessed_personnel(tok.norm) and not tok.text.endswith("ة")) or _in(tok, "construct_plurals")


def _personnel_after(toks: Sequence[Token], q: Quantity, mentions_at: dict[int, Mention]) -> _Unit | None:
    n = len(toks)
    j = q.end_tok
    opened = any(t.text == "(" for t in toks[q.start_tok : q.end_tok])
    while j < n and (toks[j].text in QUOTES or (opened and toks[j].text == ")")):
        j += 1
    if j >= n:
        return None
    if _in(toks[j], "personnel_strong") and not _has_preposition_clitic(toks[j].norm):
        end = j + 1
        # coordinated personnel nouns: "ضابط وجندي", "جندي ومستشار عسكري"
        while end < n and _in(toks[end], "personnel_strong") and toks[end].norm.startswith("و"):
            end += 1
        # "15 عنصرا من القوات الخاصة": members of a force, military however few
        return _Unit(j, end, of_force=end + 1 < n and toks[end].norm == "من" and _in(toks[end + 1], "force_nouns")
                     and not any(_in(t, "civilian_qualifiers") for t in toks[end + 2:end + 4]))  # (not "قوات الدفاع المدني")
    if _in(toks[j], "personnel_weak"):
        for k in range(j + 1, min(n, j + 4)):
            if _in(toks[k], "personnel_strong"):
                return _Unit(j, k + 1)
        for k in range(max(0, q.start_tok - 3), q.start_tok):
            if _in(toks[k], "force_nouns"):
                return _Unit(j, j + 1, weak=True)
        m = mentions_at.get(j + 1)
        if m is not None and m.demonym and m.entity.kind == STATE and _in(toks[j], "trainer_words"):
            return _Unit(j, j + 1, foreign_trainers=True)  # "عشرات المدربين الأميركيين": a state's military trainers
        return None
    if toks[j].norm == "من" and j + 1 < n:
        k = j + 1
        if _in(toks[k], "personnel_strong") or _possessed_personnel(toks[k].norm):
            return _Unit(k, k + 1)
        if _in(toks[k], "personnel_weak") and k + 1 < n and _in(toks[k + 1], "personnel_strong"):
            return _Unit(k, k + 2)  # "40 من المدربين العسكريين"
        m = mentions_at.get(k)
        if m is not None and m.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE):
            e = m.end_tok
            if e < n and _in(toks[e], "personnel_strong"):
                return _Unit(j, e + 1)
            if m.entity.kind in (NONSTATE, STATE_BODY):
                return _Unit(j, e, weak=True)
        if m is None and _in(toks[k], "force_nouns") and not toks[q.start_tok].norm.startswith("و"):
            # "480 ألفا من قوات الاحتياط"; "و30 من الجيش" is left to the list before it. A group named after the
            # force noun is part of the unit, so it is the actor: "عشرات الآلاف من قوات البيشمركة"
            m = mentions_at.get(k + 1)
            if m is not None and m.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE):
                return _Unit(j, m.end_tok)
            return _Unit(j, k + 1)
    return None


def _number_reaches(toks: Sequence[Token], lo: int, to: int) -> bool:
    """Whether a verb of reaching whose subject is the men's number stands in [lo, to) before "إلى" at *to*, in the
    same clause: "على أن يرتفع إلى ١٠ آلاف"، "ليصل مجموع من أرسلتهم إلى قرابة 14 ألفا"، "ارتفع عدد الجنود إلى"
    (not "وارتفع عدد الطائرات إلى 40")."""
    for k in range(to - 1, lo - 1, -1):
        if toks[k].text in _CLAUSE_OR_COMMA:
            return False
        if any(f in _REACH for f in strip_proclitics(toks[k].norm)):
            between = toks[k + 1:to]
            return not between or (any(f in _TOTAL_WORDS for f in strip_proclitics(between[0].norm)) and (
                len(between) == 1 or between[1].norm == "من" or _mentions_personnel(between[1].norm)))
    return False


def _shares_next_unit(toks: Sequence[Token], q: Quantity, nxt: Quantity, mentions_at: dict[int, Mention]) -> bool:
    """Whether a bare count is joined by و to the next count, which names the unit: "فرنسا وألمانيا 500 و700 جندي"."""
    joined = (nxt.start_tok == q.end_tok + 1 and toks[q.end_tok].norm == "و") or (
        nxt.start_tok == q.end_tok and toks[nxt.start_tok].norm.startswith("و")) or (
        # "خفضت وجودها من 600 إلى 80 عسكريا": from one level to the next
        nxt.start_tok == q.end_tok + 1 and toks[q.end_tok].norm == _TO and q.start_tok > 0 and toks[q.start_tok - 1].norm == "من")
    return joined and q.count is not None and not (1900 <= q.count <= 2100) and _personnel_after(toks, nxt, mentions_at) is not None


def _strength_head_before(toks: Sequence[Token], q: Quantity) -> _Unit | None:
    for k in range(q.start_tok - 1, max(-1, q.start_tok - 3), -1):
        if _in(toks[k], "strength_heads"):
            after = toks[q.end_tok:q.end_tok + 2]
            if after and after[0].norm == "في":
                after = after[1:]  # "15 في المائة"
            if after and _in(after[0], "measure_words"):
                return None  # "قوامه 15 في المائة", "تعداده 78 مليون نسمة": the size of something else
            return _Unit(k, k + 1, strength_head=True)
        if toks[k].text not in _OPENERS and toks[k].norm not in ("حاليا", "نحو", "حوالي"):
            break
    return None


def _their_count_before(toks: Sequence[Token], q: Quantity, named: set[int]) -> _Unit | None:
    """The men named before in the sentence whose number or presence ("عددهم"، "وجودهم") a bare count gives a few words
    on: "أما المرتزقة السوريون الذين جلبتهم تركيا …، وكان عددهم يقدَّر آنذاك بنحو سبعة آلاف، فقد تقلّص وجودهم إلى بضع
    مئات فقط" (*named*: the tokens inside mentions and counts)."""
    if q.end_tok < len(toks) and (_mentions_personnel(toks[q.end_tok].norm) or _in(toks[q.end_tok], "measure_words")
                                  or (toks[q.end_tok].norm.startswith("ال") and len(toks[q.end_tok].norm) > 3)):
        return None  # a noun of its own: "من عشرات الدول"، "لأكثر من 2700 كيلومتر"
    opened = next((k for k in range(q.start_tok - 1, -1, -1) if toks[k].text in ("«", "»")), None)
    if opened is not None and toks[opened].text == "«" and q.start_tok - opened <= 4:
        return None  # a number in a quoted name: "قدّرت عددهم ل«الساعة 24» بما بين 500 و700" (not a quoted statement:
        # "«أفرادنا في بابنوسة، وعددهم يفوق خمسة آلاف»")
    for k in range(q.start_tok - 1, max(-1, q.start_tok - 5), -1):
        if toks[k].text in _CLAUSE_END or toks[k].norm[:1].isdigit():
            return None
        if toks[k].norm in _THEIR_COUNT or (toks[k].norm[:1] == "و" and toks[k].norm[1:] in _THEIR_COUNT):  # not "وجودهم" → "جودهم"
            # the men "هم" stands for are named by a definite plural ("المرتزقة"، "الجنود"), not counted ("500 جندي …
            # لحماية رعاياها بعد أن بلغ عددهم 3000")
            # (or by their owner's pronoun: "حشد مسلحيه، إذ قدّر مصدر قبلي عددهم بألفين ونيّف")
            men = next((j for j in range(k - 1, max(-1, k - 25), -1) if (_in(toks[j], "personnel_strong")
                        and toks[j].norm.lstrip("و").startswith("ال")) or _possessed_by_pronoun(toks[j])
                        or toks[j].norm.lstrip("و") in _OUR_COUNTRY), None)  # ... or ours: "أفرادنا …، وعددهم"
            if men is None or any(_in(t, "casualty_cues") or _in(t, "people_nouns") for t in toks[men + 1:k]):
                return None  # "نشرت روسيا 500 جندي، بينما قتل مدنيون … وارتفع عددهم إلى 40": the dead's number
            # "هم" is the nearest definite plural: not the men when another stands between ("الجنود الأمريكيين نقلوا
            # الرعايا الأمريكيين وعددهم 200"), only their own adjective ("المرتزقة السوريون") or a place
            first = men + 1
            while first < k and toks[first].norm.startswith("ال") and (
                    toks[first].norm.endswith(("ين", "ون")) or _in(toks[first], "foreign_words")):
                first += 1  # the men's own adjectives: "المقاتلين الأجانب"
            if any(toks[j].norm.lstrip("وبل").startswith("ال") and toks[j].norm not in _RELATIVE and len(toks[j].norm) > 3
                   and j not in named for j in range(first, k)):
                return None
            return _Unit(men, men + 1)
    return None


def _intro_owner(toks: Sequence[Token]) -> tuple[tuple[str, str, str] | None, bool]:
    """(actor, its words, its kind) of the men a list's introducing line names: the state whose adjective follows
    them, their units or their presence ("الجنود الأمريكيين"، "بالوحدات الكورية"، "الوجود الأمريكي"), else the first
    owner it names as no place; and whether it named that state by its adjective (whose men the items are, in the
    places their labels name)."""
    mentions = _drop_event_names(toks, gazetteer().find_mentions(toks))
    for m in mentions:
        if m.demonym and m.entity.kind == STATE and m.start_tok > 0 and (
                _mentions_personnel(toks[m.start_tok - 1].norm) or _in(toks[m.start_tok - 1], "force_nouns")
                or _in(toks[m.start_tok - 1], "presence_nouns")
                or any(f in _UNIT_PLURALS for f in strip_proclitics(toks[m.start_tok - 1].norm))):
            return (m.entity.country, m.entity.name_ar, "state"), True
    for m in mentions:
        if m.entity.kind in (STATE, STATE_BODY, ALLIANCE, NONSTATE) and not m.demonym and not _preceded_by_locative(toks, m):
            actor, kind = _actor_of(m, DocContext())
            if actor is not None:
                return (actor, " ".join(t.text for t in toks[m.start_tok:m.end_tok]), kind), False
    return None, False


def _men_nationality(toks: Sequence[Token]) -> str | None:
    """The state whose adjective follows the last noun of men in *toks* ("آلاف الجنود الأوكرانيين" → UKR), if any."""
    g = gazetteer()
    for k in range(len(toks) - 2, -1, -1):
        if _mentions_personnel(toks[k].norm):
            if _in(toks[k], "mercenary_words"):
                return None  # hired men's nationality is not whose men they are
            ent = g.demonym(toks[k + 1].norm)
            return ent.country if ent is not None and ent.kind == STATE else None
    return None


def _of_them_after(toks: Sequence[Token], q: Quantity) -> _Unit | None:
    """"إذ غادر نحو 1500 منهم مدينة سيئون"، "ووصل نحو 80 منهم إلى مدينة نيالا": men named before, counted by "منهم"
    right after the number, with a verb of their moving or standing right before it or after (not "قتل 20 منهم")."""
    if q.end_tok >= len(toks) or toks[q.end_tok].norm != _OF_THEM:
        return None
    cues = _lex()["kind_cues"]
    near = [*toks[max(0, q.start_tok - 1):q.start_tok], *toks[q.end_tok + 1:q.end_tok + 2]]
    if any(cues.get(f) in ("deployment", "withdrawal", "presence") or (f[:1] == "س" and cues.get(f[1:]) in (
            "deployment", "withdrawal", "presence")) for t in near for f in strip_proclitics(t.norm)):
        return _Unit(q.end_tok, q.end_tok + 1, of_them=True)
    return None


def _count_of_personnel_before(toks: Sequence[Token], q: Quantity, military: bool = False) -> _Unit | None:
    """"ليرتفع عدد العسكريين الأميركيين المنتشرين هناك إلى 21 ألفاً": the count of a personnel noun named before;
    members by their owner's pronoun ("عدد عناصره") only in a *military* sentence or with an armed adjective."""
    nxt = toks[q.end_tok].norm if q.end_tok < len(toks) else ""
    if (nxt.startswith("ال") and len(nxt) > 3) or (q.end_tok < len(toks) and _in(toks[q.end_tok], "measure_words")):
        return None  # "من عشرات الدول"، "لأكثر من 2700 كيلومتر": the number counts the noun after it
    for k in range(q.start_tok - 1, max(-1, q.start_tok - 14), -1):
        if toks[k].text in _CLAUSE_END or toks[k].norm[:1].isdigit():
            return None
        far = k < q.start_tok - 11  # farther back, only "its forces": "ليرتفع عدد قواتها المشاركة في عملية «شجاع» … إلى"
        if any(f in _NUMBER_OF for f in strip_proclitics(toks[k].norm)) and k + 1 < q.start_tok and (
                ((toks[k + 1].norm in _THEIR_FORCES or (
                    # "عدد القوات الأمريكية في سوريا انخفض … إلى أقل من ألف": a state's forces, by its adjective
                    toks[k + 1].norm == _FORCES and k + 2 < q.start_tok and gazetteer().demonym(toks[k + 2].norm)))
                 and q.start_tok > 0 and toks[q.start_tok - 1].norm in (_TO, "الي"))
                or (not far and _in(toks[k + 1], "personnel_strong")) or (not far and _possessed_personnel(toks[k + 1].norm)
                                                          and (not _possessed_personnel(toks[k + 1].norm, generic=True)
                                                               or toks[k + 1].norm.startswith(_GUNMEN_OF)
                                                               or (military and toks[k + 1].norm.endswith(("ه", "ها", "هم"))
                                                                   and q.start_tok - (k + 2) <= 2
                                                                   and not (q.end_tok < len(toks) and _in(toks[q.end_tok], "people_nouns")))
                                                               or (k + 2 < len(toks) and toks[k + 2].norm in _ARMED_ADJECTIVES)))):
            # "عدد عناصرها العسكرية": members, but armed ones; "عدد مسلحيه"، "عدد مسلحي الحركة": a group's gunmen
            return _Unit(k + 1, k + 2)
        if far:
            continue
        if toks[k].norm.lstrip("و") == _THE_COUNT:
            # "يقدّر باحثون العدد الفعلي للمقاتلين بما بين 50 و60 ألفاً": the number of, with ل, past an adjective
            j = next((j for j in (k + 1, k + 2) if j < q.start_tok and toks[j].norm.startswith("ل")
                      and (_in(toks[j], "personnel_strong") or _possessed_personnel(toks[j].norm))  # "لمقاتليها"
                      and (j == k + 1 or toks[k + 1].norm.startswith("ال"))), None)
            if j is not None:
                return _Unit(j, j + 1)
        if toks[k].norm in _THEIR_NUMBER and k >= 2 and toks[k - 1].norm in _AMOUNTING and k + 1 == q.start_tok:
            # "ويعود أفرادها البالغ عددهم 375"، "جنود الكتيبة البالغ عددهم 375": the men before "amounting in number
            # to"; members ("أفرادها") only of a unit of the armed forces named in the sentence
            for j in range(k - 2, max(-1, k - 4), -1):
                # "أفرادها": the definite feminine noun it refers back to, or its adjective's noun, names an armed unit
                nouns = [t for t in reversed(toks[max(0, j - 14):j]) if t.norm.startswith("ال") and t.norm.endswith("ه")][:2]
                military = any(f.startswith(_lex()["military_stems"]) for t in nouns for f in strip_proclitics(t.norm))
                generic = _in(toks[j], "generic_personnel") or _possessed_personnel(toks[j].norm, generic=True)
                if (_in(toks[j], "personnel_strong") or _owned_personnel(toks[j])) and (military or not generic):
                    return _Unit(j, j + 1)
            return None
        if toks[k].norm in _THEIR_NUMBER:
            # "مقاتليها، الذين تقدّر أعدادهم بنحو ستين ألفاً": the personnel noun before the relative clause
            rel = next((j for j in range(k - 1, max(0, k - 3), -1) if toks[j].norm in _RELATIVE), None)
            if rel is not None and rel >= 2 and toks[rel - 1].text in ("،", ",") and (
                    _in(toks[rel - 2], "personnel_strong") or _possessed_personnel(toks[rel - 2].norm)):
                return _Unit(rel - 2, rel - 1)
            if rel is not None and rel >= 2 and toks[rel - 1].text in ("،", ","):
                # "عناصر «الفيلق الإفريقي» التابع مباشرة لوزارة الدفاع الروسية، الذين يُقدَّر عددهم … بنحو ألفين":
                # the men a force's name follows, at the head of the phrase before the relative clause
                for j in range(rel - 3, max(-1, rel - 14), -1):
                    if not toks[j].norm[:1].isalpha():
                        if toks[j].text in _OPENERS or toks[j].text in QUOTES:
                            continue
                        break
                    if _owned_personnel(toks[j]) and toks[j + 1].text in _OPENERS:
                        return _Unit(j, j + 1)
            return None
    return None


def _nearby_indices(toks: Sequence[Token], start: int, step: int, limit: int, stops: set[str]) -> Iterator[int]:
    """Indices of up to *limit* words from token *start* on, going *step* (+1 or -1); punctuation is skipped and
    not counted, and a token in *stops* ends the walk."""
    k, seen = start, 0
    while 0 <= k < len(toks) and seen < limit and toks[k].text not in stops:
        if toks[k].norm[:1].isalnum():
            yield k
            seen += 1
        k += step


def _nearby_words(toks: Sequence[Token], start: int, step: int, limit: int, stops: set[str]) -> Iterator[Token]:
    """The words of :func:`_nearby_indices`."""
    return (toks[k] for k in _nearby_indices(toks, start, step, limit, stops))


def _casualty_cue_before(toks: Sequence[Token], q: Quantity, words: int = 6,
                         names: frozenset[int] | set[int] = frozenset()) -> bool:
    """A casualty cue among the last *words* words of the clause before the number, up to a verb of sending: "وتأمين
    السجون"، مشيراً إلى أن الوزارة "نشرت أكثر من 3 آلاف عنصر" sends men, whatever came before. Words inside the
    *names* are no cues ("عدد مقاتلي حزب العمال الكردستاني في جبال قنديل بنحو ألفي مقاتل")."""
    for k in _nearby_indices(toks, q.start_tok - 1, -1, words, _CLAUSE_END):
        t = toks[k]
        if k not in names and _in(t, "casualty_cues"):
            return True
        if _sending(t.norm) or t.norm.lstrip("و") in _LEFT_VERBS:
            return False  # ... and "وفي أعقاب مقتل قائده، انسحب ما يقارب 300 من عناصر": men who left
    return False


def _is_casualty(toks: Sequence[Token], q: Quantity, unit: _Unit, next_start: int | None = None,
                 names: frozenset[int] | set[int] = frozenset()) -> bool:
    """Whether the counted men are dead, wounded or captured; words inside the *names* (token indices of
    mentions) are no cues: "ألفي مقاتل من حزب العمال الكردستاني" counts no workers."""
    if _casualty_cue_before(toks, q, names=names) or (
            q.start_tok > 0 and _in(toks[q.start_tok - 1], "casualty_cues_adjacent")):
        return True
    # held, right after the men, past their group's name and "still": "9 آلاف من عناصر تنظيم داعش ما زالوا محتجزين"
    j = max(unit.end, q.end_tok)
    while j < len(toks) and j - unit.end < 8 and (j in names or toks[j].norm in _STILL or toks[j].text in QUOTES):
        j += 1
    if j < len(toks) and toks[j].norm in _HELD:
        return True
    # the next three words, up to a comma: "العشرات من عناصر (داعش) بين قتيل وجريح"
    if any(_in(toks[k], "casualty_cues") and k not in names
           for k in _nearby_indices(toks, max(unit.end, q.end_tok), 1, 3, _CLAUSE_OR_COMMA)):
        return True
    # the counted men as the subject of a plural casualty verb further on in the clause, before any other
    # number unless that number is coordinated with them ("12 جنديا وخمسة من أفراد الطاقم قتلوا"):
    # "260 مقاتلا كرديا من حزب العمال الكردستاني قتلوا", "المئات من عناصر المليشيات لقوا مصرعهم"
    # ... or a number in an apposition ("17 شخصا هم 12 جنديا") or after a coordinated noun of people ("12 جنديا
    # وطاقم من خمسة افراد قتلوا"; not "3000 جندي وقالت إن 20 منهم قتلوا")
    tail = max(unit.end, q.end_tok)
    if next_start is not None and (toks[next_start].norm.startswith("و") or toks[next_start - 1].norm in ("و", "هم")
                                   or (next_start - tail <= 3 and toks[tail].norm.startswith("و")
                                       and _in(toks[tail], "people_nouns"))):
        next_start = None
    end = min(len(toks), tail + 15, next_start if next_start is not None else len(toks))
    for k in range(tail, end):
        if toks[k].text in _CLAUSE_END:
            break
        if _in(toks[k], "casualty_predicates") and not (k > 0 and toks[k - 1].norm == "من") and not (
                toks[k].norm.endswith("قبضه") and (k == 0 or toks[k - 1].norm != "في")):  # "في قبضة" only, not freed
            # a number right after the verb is its object: the men killed others ("قتلوا 20 مسلحا", "قتلوا
            # نحو 20"), but not the number of a casualty verb coordinated with it ("قتلوا وجرح 400 آخرون")
            after = toks[k + 1:k + 3]
            if after and after[0].norm[:1].isdigit():
                return False
            return not (len(after) == 2 and after[1].norm[:1].isdigit() and not _in(after[0], "casualty_cues"))
    return False


def _clause_bounds(toks: Sequence[Token], i: int) -> tuple[int, int]:
    lo = i
    while lo > 0 and toks[lo - 1].text not in _CLAUSE_END:
        lo -= 1
    hi = i
    while hi < len(toks) and toks[hi].text not in _CLAUSE_END:
        hi += 1
    return lo, hi


def _supported_by(toks: Sequence[Token], m: Mention) -> bool:
    """"المدعوم من تركيا", "بدعم من إيران", "المحسوب على حكومة الوحدة الوطنية": who backs a force is neither where
    it is nor whose it is."""
    k = m.start_tok - 1
    return k >= 0 and ((toks[k].norm == "من" and k >= 1 and toks[k - 1].norm in _SUPPORTED)
                       or (toks[k].norm == "علي" and k >= 1 and toks[k - 1].norm in _RECKONED_TO)
                       # "المجلس الانتقالي الجنوبي المدعوم إماراتيا": the backer's adjective as an adverb
                       or (m.demonym and toks[k].norm in _SUPPORTED))


def _verb_form(word_norm: str, forms: set[str]) -> bool:
    """Whether a word is one of a verb's *forms*, as a whole form, past its proclitics and the future prefix س."""
    return any(f in forms or (f[:1] == "س" and f[1:] in forms) for f in strip_proclitics(word_norm))


def _moved_from(toks: Sequence[Token], m: Mention) -> bool:
    """Whether the place *m* ends a phrase of where men are moved from: "سيُنقلون من قاعدة عين الأسد"، "جرى نقلهم من
    معسكرات في الأراضي السعودية"، "بعد نقل معدات وأفراد من قاعدتي حميميم وطرطوس في سوريا"."""
    for j in range(m.start_tok - 1, max(-1, m.start_tok - 7), -1):
        if toks[j].text in _CLAUSE_OR_COMMA or toks[j].norm == _TO:
            return False  # "نقل 2000 جندي من ألمانيا إلى بولندا": where they go
        if toks[j].norm == "من":
            return any(_verb_form(toks[i].norm, _MOVED_FROM) for i in range(max(0, j - 4), j))
    return False


def _trained_in(toks: Sequence[Token], m: Mention) -> bool:
    """Whether the place *m* is where the men were trained, in the same phrase: "دُرّبوا في مصر"، "تم تدريب أفراده
    بالمملكة". Men "لتدريبهم في مصر" (to be trained) are sent there, so that place stays theirs."""
    for j in range(m.start_tok - 1, max(-1, m.start_tok - 6), -1):
        t = toks[j]
        if t.text in _CLAUSE_OR_COMMA or t.norm in (_TO, "من") or (t.norm == "في" and j < m.start_tok - 1):
            # "تم تدريبهم في مصر إلى اليمن": where they go is theirs; "تلقوا تدريبهم في ألمانيا في إستونيا": a place
            # of its own after the place of training
            return False
        if t.norm.startswith(("ل", "ول")):
            continue
        word = t.norm[1:] if t.norm.startswith(("و", "ف")) and len(t.norm) > 4 else t.norm
        if word in _TRAINED or (word == _TRAINING and j > 0 and toks[j - 1].norm in _TRAINED_BY) or (
                word.startswith(_TRAINING) and j > 0 and toks[j - 1].norm.lstrip("و") in _RECEIVED):
            return True  # ... and "تلقوا تدريبات عسكرية في تركيا" (not "تلقوا العلاج في ألمانيا")
    return False


def _where_sources_are(toks: Sequence[Token], m: Mention) -> bool:
    """Whether the place *m* follows "في" after a noun of those who tell the news: "مسؤولون في جاكرتا"، "مصادر في
    بغداد"."""
    k = m.start_tok - 1
    return k >= 1 and toks[k].norm == "في" and toks[k - 1].norm.lstrip("و") in _SOURCES


def _where_told(toks: Sequence[Token], m: Mention, q: Quantity) -> bool:
    """Whether the place *m* is where the news of the count *q* was told: after a verb of telling and before the "أن"
    that opens what was told ("أعلن الأمين العام ... في مدينة برشلونة مطلع الشهر، أن «الإنتربول» حدد ...")."""
    that = next((j for j in range(m.end_tok, q.start_tok) if toks[j].norm in _THAT and toks[j - 1].norm not in _TIME_OPENERS),
                None)  # (not "بعد أن كان عددهم": when)
    if that is None or any(_verb_form(t.norm, _TELLING) for t in toks[m.end_tok:that]):
        return False  # "أعلنت فرنسا تعزيز قواتها في مالي، وقالت إن ...": the place is in what the first verb tells
    # the place's phrase is set off by commas or follows the verb ("أكد الأمين العام في مدينة برشلونة مطلع الشهر، أن"),
    # not part of the speaker's name: "قائد القوات الأمريكية في أفغانستان أن"
    k = m.start_tok - 1
    while k > 0 and any(f in _PLACE_NOUNS for f in strip_proclitics(toks[k].norm)):
        k -= 1
    if k < 1 or toks[k].norm not in _LOCATIVE or not (
            toks[k - 1].text in ("،", ",") or _verb_form(toks[k - 1].norm, _TELLING)
            or any(t.text in ("،", ",") for t in toks[m.end_tok:that])):
        return False
    for j in range(k - 1, max(-1, k - 20), -1):
        if toks[j].norm in _THAT_FORMS or toks[j].text in _CLAUSE_END:
            return False  # "أعلنت الوزارة أنها بدأت تقليص عدد قواتها في سوريا": what is told
        if _verb_form(toks[j].norm, _TELLING):
            return True
    return False


def _sizes_a_force(word_norm: str) -> bool:
    """A word that gives a force's size: "تضم"، "قوامها"، "تعداده"."""
    return word_norm in _COMPRISE or any(f.startswith(_SIZE_NOUNS) for f in strip_proclitics(word_norm))


def _possessed_by_pronoun(tok: Token) -> bool:
    """Personnel with a possessive pronoun: "جنودها"، "مقاتليه"، "عناصرهم" (not "عسكرية": a feminine ending)."""
    return tok.text.endswith(("ها", "ه", "هم")) and _possessed_personnel(tok.norm)


def _sending(word_norm: str) -> bool:
    """A verb of sending ("أرسلت"، "سينشر"، "بإرسال"), matched as a whole form: "نقلت عن" reports, "الحشد" is a force."""
    return _verb_form(word_norm, _SENDING_FORMS)


def _from(toks: Sequence[Token], m: Mention) -> bool:
    """"من العراق", "ومن جهة العراق": a place introduced by "from" (not "بدءا من رفح": starting with)."""
    k = m.start_tok - 1
    if k >= 0 and toks[k].norm in (norm("جهة"), norm("ناحية")):
        k -= 1
    return k >= 0 and toks[k].norm in ("من", "ومن") and not (k > 0 and toks[k - 1].norm in _STARTING)


def _names_a_unit(toks: Sequence[Token], q: Quantity, bare: bool) -> bool:
    """Whether number *q* follows a unit's noun: directly ("الفرقة 30"), or, when it is *bare* (no personnel noun
    after it), in a list of such numbers joined by و ("الفرق 36 و98 و162"; not "الفرقة 82 و3000 جندي")."""
    def unit_noun(tok: Token) -> bool:
        return any(f in _UNIT_NAMES for f in strip_proclitics(tok.norm))

    k = q.start_tok - 1
    # back over "و" and numbers that follow "و" or the unit's noun
    while bare and k > 0 and (toks[k].norm == "و" or (
            toks[k].norm.lstrip("و").isdigit() and (toks[k - 1].norm == "و" or unit_noun(toks[k - 1])))):
        k -= 1
    return k >= 0 and unit_noun(toks[k])


def _in_region(location_text: str) -> bool:
    """Whether a fact's place is a region of several countries (no one country to be present in)."""
    ent = gazetteer().lookup(location_text.split())
    return ent is not None and ent.kind == PLACE and ent.country is None


def _definite_word(tok: Token) -> bool:
    """A word written with the article (not "إلى"، "الذي"، "التي", which normalise to forms that begin with ال)."""
    return tok.text.lstrip("وفبل").startswith(("ال", "آل")) and tok.norm not in _NOT_ARTICLE


def _number_of_men(toks: Sequence[Token], q: Quantity) -> int | None:
    """The token of "عدد"/"عديد" followed by the men the count *q* counts, a few words before it in its clause
    ("عدد مقاتلي «حركة الشباب» المرتبطة بتنظيم القاعدة بما بين 7 آلاف و12 ألف مقاتل")."""
    for k in range(q.start_tok - 2, max(-1, q.start_tok - 12), -1):
        if toks[k].text in _CLAUSE_END or toks[k].norm[:1].isdigit():
            return None
        if any(f in _NUMBER_OF for f in strip_proclitics(toks[k].norm)) and (
                _in(toks[k + 1], "personnel_strong") or _possessed_personnel(toks[k + 1].norm)):
            return k
    return None


def _number_of_before(toks: Sequence[Token], k: int) -> bool:
    """Whether "عدد"/"عديد" stands in the five words before token *k* ("عدد الجنود الأمريكيين في سورية")."""
    return any(any(f in _NUMBER_OF for f in strip_proclitics(t.norm)) for t in toks[max(0, k - 5):k])


def _percentage(toks: Sequence[Token], q: Quantity) -> bool:
    """Whether *q* is a percentage: "بنسبة 90"، "90 في المائة"، "90%"."""
    before = toks[q.start_tok - 1].norm if q.start_tok > 0 else ""
    after = [t.norm for t in toks[q.end_tok:q.end_tok + 2]]
    return (any(f in _PERCENT_BEFORE for f in strip_proclitics(before)) or (after[:1] in (["%"], ["٪"]))
            or (len(after) == 2 and after[0] == "في" and after[1].lstrip("ل") in _HUNDRED)
            or (after[:1] and after[0].removeprefix("بال") in _HUNDRED and after[0].startswith("بال")))


def _ordinal(toks: Sequence[Token], q: Quantity) -> bool:
    """Whether *q* is an ordinal after its definite noun: "الدفعة الـ24" (not "تتجاوز الـ1000 عنصر", "الـ40 ألفا")."""
    return (q.qualifier is None and q.start_tok >= 2 and toks[q.start_tok - 1].norm == "ال"
            and toks[q.start_tok - 2].norm.startswith("ال") and len(toks[q.start_tok - 2].norm) > 3
            and q.end_tok - q.start_tok == 1 and q.count is not None and q.count < 1000
            and not (q.end_tok < len(toks) and _mentions_personnel(toks[q.end_tok].norm)))


def _at_meeting(toks: Sequence[Token], m: Mention) -> bool:
    """Whether place *m* is where a summit or a conference met ("قمة الحلف في فيلنيوس")."""
    return any(toks[j].norm in _MEETINGS for j in range(max(0, m.start_tok - 3), m.start_tok))


def _after_since(toks: Sequence[Token], m: Mention) -> bool:
    """Whether *m* is where an event began, in a phrase of time opened by "منذ" a few words before ("منذ بدء
    الحرب في غزة"); not after a duration ("التي تقودها الرياض منذ أشهر في اليمن")."""
    for k in range(m.start_tok - 1, max(-1, m.start_tok - 6), -1):  # "منذ وقف إطلاق النار مع إسرائيل"
        if not toks[k].norm[:1].isalpha():
            return False
        if toks[k].norm in _SINCE:
            return k + 1 < m.start_tok and any(f in _ONSETS for f in strip_proclitics(toks[k + 1].norm))
        if toks[k].norm in _AFTER_EVENT:
            # "عززت حضورها العسكري في ليبيا بعد تراجع نفوذها في سوريا": where the subject's own fortune turned
            # (not "بعد انقلاب مالي"، "بعد سقوط كابول في أفغانستان"، nor "بعد انتهاء مهمتهم في العراق": the place
            # the men leave)
            return k + 2 < m.start_tok and any(f in _TURNS for f in strip_proclitics(toks[k + 1].norm)) and \
                toks[k + 2].text.endswith(("ها", "ه", "هم"))
    return False


def _unquoted(name: str) -> str:
    """A group's name without the quotes around part of it: "جماعة «أنصار السنة»" → "جماعة أنصار السنة"."""
    return " ".join("".join(c for c in name if c not in QUOTES).split())


def _after_personnel(toks: Sequence[Token], k: int) -> bool:
    """Whether token *k* is a personnel noun ("جندياً"، "عسكرياً"، "عنصر"), so that "من X" after it is the men's origin."""
    return 0 <= k < len(toks) and (_in(toks[k], "personnel_strong") or _in(toks[k], "generic_personnel"))


def _total_reaching(toks: Sequence[Token], q: Quantity) -> bool:
    """"ليرتفع عدد القوات البريطانية هناك إلى نحو 1300"، "ليصل إجمالي القوات ... إلى": the number of the men
    somewhere rises or comes to the count."""
    k = q.start_tok - 1
    if k < 0 or toks[k].norm != _TO:
        return False
    words = [f for t in toks[max(0, k - 9):k] for f in strip_proclitics(t.norm)]
    return any(f in _NUMBER_OF or f == _TOTAL for f in words) and any(f in _REACH for f in words)


def _across_border(toks: Sequence[Token], m: Mention, reach: int = 1) -> bool:
    """"الحدود مع أفغانستان"، "الشريط الحدودي مع سوريا": the country on the other side of a border; with *reach* 2,
    words may stand between the border and "مع" ("الحدود الشمالية مع"، "الحدود الجنوبية الشرقية مع"). The place may come with its noun: "الشريط
    الحدودي مع محافظة حضرموت"."""
    k = m.start_tok - 1
    if k >= 3 and toks[k].norm in _COMPASS and any(f in _PLACE_NOUNS for f in strip_proclitics(toks[k - 1].norm)):
        k -= 1  # "الشريط الحدودي مع ولاية غرب دارفور"
    if k >= 2 and any(f in _PLACE_NOUNS for f in strip_proclitics(toks[k].norm)):
        k -= 1
    return k >= 1 and toks[k].norm == "مع" and any(
        f.startswith(_BORDER) for j in range(max(0, k - reach), k) for f in strip_proclitics(toks[j].norm))


def _border_adjective(toks: Sequence[Token], m: Mention) -> bool:
    """"على الحدود السورية": a state named by its adjective right after a border (the border of that state)."""
    return m.start_tok > 0 and any(f.startswith(_BORDER) for f in strip_proclitics(toks[m.start_tok - 1].norm))


def _estimates_their_number(toks: Sequence[Token], q: Quantity, since: int, quantities: Sequence[Quantity] = ()) -> bool:
    """Whether a bare count *q* gives someone's estimate of "their number" (after *since*): "تقدّر الحكومة السورية
    عددهم الفعلي بما لا يزيد على 50 ألفا" (not when another count stands between: "حيث يعيش مليونا فلسطيني،
    وتقدر الأونروا عددهم بـ2.2 مليون")."""
    their = next((k for k in range(q.start_tok - 1, max(since - 1, q.start_tok - 5), -1) if toks[k].norm in _THEIR_NUMBER), None)
    return their is not None and not any(t.text in _CLAUSE_END for t in toks[their:q.start_tok]) and any(
        any(f in _ESTIMATES for f in strip_proclitics(t.norm)) for t in toks[max(since, their - 6):their]) and not any(
        since <= q2.start_tok < their for q2 in quantities)


def _after_it_was(toks: Sequence[Token], q: Quantity, since: int) -> bool:
    """Whether a bare count *q* follows "بعد أن كان" (after *since*), past "عددهم" or "لا": "بعد أن كان لا يتجاوز 7
    آلاف"، "بعد أن كان عددهم يتجاوز عشرة آلاف"."""
    if q.qualifier is None and q.count is not None and 1900 <= q.count <= 2100:
        return False  # "بعد أن كان 2024 عاما صعبا": a year
    k = q.start_tok
    while k > since and (toks[k - 1].norm in _THEIR_NUMBER or toks[k - 1].norm == "لا"):
        k -= 1
    return any(k - n >= since and tuple(t.norm for t in toks[k - n:k]) in _AFTER_IT_WAS for n in (2, 3))


def _distance_from(toks: Sequence[Token], m: Mention) -> bool:
    """"الواقعة على بعد نحو 11 كيلومتراً من السواحل الفنزويلية": a place named to say how far another is from it."""
    for j in range(m.start_tok - 1, max(0, m.start_tok - 8), -1):
        if toks[j].text in _CLAUSE_END or toks[j].text in ("،", ","):
            return False
        if toks[j].norm == "بعد" and toks[j - 1].norm in ("على", "علي") and any(
                t.norm == "من" for t in toks[j + 1:m.start_tok]):
            return True
    return False


def _exercise_host(toks: Sequence[Token], mentions: Sequence[Mention]) -> str | None:
    """The country of the first place named as where an exercise is held: within twelve words after "تمرين"،
    "مناورات", after a locative («النجم الساطع 2025» بمصر) or a verb of hosting ("الذي تستضيفه جمهورية مصر")."""
    for k, t in enumerate(toks):
        if not any(f in _EXERCISES for f in strip_proclitics(t.norm)):
            continue
        for m in mentions:
            if k < m.start_tok <= k + 12 and m.entity.kind in (STATE, PLACE) and m.entity.country and not m.demonym and (
                    _preceded_by_locative(toks, m) or toks[m.start_tok - 1].norm in _HOSTING) and not any(
                    t2.text in _CLAUSE_END for t2 in toks[k:m.start_tok]):
                return m.entity.country
    return None


def _preceded_by_locative(toks: Sequence[Token], m: Mention) -> bool:
    """True when a mention is introduced by a locative preposition ("في العراق", "بالعراق", "إلى سوريا")."""
    if _supported_by(toks, m):
        return False
    word = toks[m.start_tok].norm
    if word.startswith("و"):
        word = word[1:]
    if word[:1] == "ب" and len(word) > 3 and word not in _OWN_COUNTRY:  # "بلاده" is no "ب" + "لاده"
        alias_firsts = {norm(a.split()[0]) for a in m.entity.aliases}
        # not a name that itself starts with ب (بغداد، بريطانيا), nor its adjective ("مصادر باكستانية")
        if word not in alias_firsts and not (m.demonym and gazetteer().demonym(word) is not None):
            return True
    k = m.start_tok - 1
    while k >= 0 and toks[k].text in _OPENERS:
        k -= 1
    if k < 0:
        return False

    def locative(j: int) -> bool:
        prev = toks[j].norm
        return prev in _LOCATIVE or any(f in _LOCATIVE for f in strip_proclitics(prev)) or _in(toks[j], "territory_nouns")

    # "في مستوطنة كريات غات"، "في ولاية الحوض الشرقي": the place's noun first
    return locative(k) or (k > 0 and toks[k].norm in _PLACE_NOUNS and locative(k - 1))


def _toward(toks: Sequence[Token], mentions: Sequence[Mention], m: Mention) -> bool:
    """Whether *m* is where men head, past the nouns and names of its place: "غادر القاعدة باتجاه إقليم كردستان
    العراق"، "إلى مدينة أربيل"."""
    k = m.start_tok - 1
    while k >= 0 and (any(f in _PLACE_NOUNS for f in strip_proclitics(toks[k].norm)) or any(
            x.end_tok == k + 1 and x.entity.kind == PLACE for x in mentions)):
        k = next((x.start_tok - 1 for x in mentions if x.end_tok == k + 1 and x.entity.kind == PLACE), k - 1)
    return k >= 0 and toks[k].norm.lstrip("و") in _TOWARD


def _group_head(word_norm: str) -> tuple[str, bool] | None:
    """("حزب", True) for "الحزب"/"وللحزب", ("حزب", False) for "حزب"/"لحزب": a head noun of armed groups' names,
    and whether it is definite (a bare reference back) or in construct (a name follows)."""
    for pre in ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        if not word_norm.startswith(pre):
            continue
        rest = word_norm[len(pre):]
        if rest in _GROUP_HEADS:
            return rest, False
        if rest.startswith("ال") and rest[2:] in _GROUP_HEADS:
            return rest[2:], True
        if pre.endswith("ل") and rest.startswith("ل") and rest[1:] in _GROUP_HEADS:
            return rest[1:], True  # "للحزب" = ل + الحزب
    return None


def _possessed_group_head(word_norm: str) -> tuple[str, bool] | None:
    """("جماعه", True) for "جماعته"، "حزبها": a group's head noun with a possessive pronoun refers back as "الجماعة"
    does ("زعم رئيس المجلس السياسي للميليشيا أن جماعته جهزت أكثر من 600 ألف مقاتل")."""
    word = word_norm[1:] if word_norm.startswith("و") else word_norm
    for suffix in ("هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            base = base[:-1] + "ه" if base.endswith("ت") else base
            if base in _GROUP_HEADS:
                return base, True
    return None


def _group_references(toks: Sequence[Token], mentions: Sequence[Mention]) -> list[tuple[int, str, Entity | None]]:
    """What a later bare "الحزب"، "التنظيم"، "الحركة" can refer to, in text order: (char, head, group). A known
    group counts under every head its aliases use ("داعش" is also "تنظيم داعش"); a group the alias table does
    not know ("حزب العدالة والتنمية") is recorded as None, so that a later "الحزب" is not taken for an earlier one."""
    out: list[tuple[int, str, Entity | None]] = []
    at = {m.start_tok: m for m in mentions}
    inside = {k for m in mentions for k in range(m.start_tok + 1, m.end_tok)}
    for k, t in enumerate(toks):
        m = at.get(k)
        if m is not None and (m.entity.kind == NONSTATE or (m.entity.kind == STATE_BODY and _CORPS in _entity_heads(m.entity))):
            for head in _entity_heads(m.entity):
                out.append((t.start, head, m.entity))
            continue
        head = _group_head(t.norm) if m is None and k not in inside else None
        if head is not None and not head[1]:
            out.append((t.start, head[0], None))
    return out


@cache
def _entity_heads(ent: Entity) -> frozenset[str]:
    return frozenset(h[0] for a in ent.aliases if (h := _group_head(norm(a.split()[0]))) is not None)


def _antecedent(refs: Sequence[tuple[int, str, Entity | None]], head: str, char: int) -> Entity | None:
    for pos, h, ent in reversed(refs):
        if pos < char and h == head:
            return ent
    return None


def _actor_of(m: Mention, ctx: DocContext) -> tuple[str | None, str | None]:
    e = m.entity
    if e.kind in (STATE, ALLIANCE):
        return e.actor_code, ("alliance" if e.kind == ALLIANCE else "state")
    if e.kind == STATE_BODY:
        return e.country, "state"
    if e.kind == NONSTATE:
        return e.name_ar, "nonstate"
    return None, None


class _Sentence:
    def __init__(self, text: str, offset: int, ctx: DocContext, toks: list[Token],
                 quantities: Sequence[Quantity] = ()):
        self.text = text
        self.offset = offset
        self.ctx = ctx
        self.toks = toks
        g = gazetteer()
        self.mentions = g.find_mentions(self.toks)
        self.references: set[int] = set()  # where a bare "الحزب"، "التنظيم" stands for a group named before
        self.quantity_starts = {q.start_tok for q in quantities}  # where the sentence's counts begin
        self.quantity_at = {q.start_tok: q for q in quantities}
        self.mentions = _drop_generic_before_nationality(_drop_members(toks, _drop_event_names(toks, self.mentions)), toks)
        self.mentions = [self._accusative_demonym(m) for m in self.mentions]
        self._add_short_forms()
        self._add_bare_coalitions()
        self._add_bare_ministry()
        self._add_bare_army()
        self._rehome_generic_bodies()
        self._add_group_references()
        self._add_own_country_references()
        self._add_kingdom_references()
        self._add_carrier_references()
        self._read_cities()
        self.mentions_at = {m.start_tok: m for m in self.mentions}
        # words inside names are no cues of a kind ("الحشد الشعبي"); a bare "الجيش" still is one
        # (and a first person of the men's verb, "دفعنا", is still the verb)
        our_verbs = _OUR_COUNTRY & _lex()["kind_cues"].keys()  # "عززنا"، "دفعنا": the speaker's country's, and a verb
        self.inside_mentions = self._taken() - self._bare_army - {k for k, t in enumerate(toks) if t.norm in our_verbs}
        self.times = find_time_spans(self.toks)

    def _add_short_forms(self) -> None:
        """"وأوضح المصدر أن الانتقالي سحب قرابة 4 آلاف عنصر": an entity's short form, in an article that named it in
        full before (`organizations.tsv`, aliases marked ~)."""
        g = gazetteer()
        starts = [k for k, t in enumerate(self.toks) if any(f in g.short_form_firsts for f in strip_proclitics(t.norm))]
        if not starts:
            return
        taken = self._taken()
        for k in starts:
            for key, oid in sorted(g.short_forms.items(), key=lambda item: -len(item[0])):
                end = k + len(key)
                if (end > len(self.toks) or any(j in taken for j in range(k, end))
                        or key[0] not in strip_proclitics(self.toks[k].norm)
                        or any(t.norm != w for t, w in zip(self.toks[k + 1:end], key[1:], strict=True))):
                    continue
                ent = g.entities[oid]
                # not an adjective of another noun ("المجلس العسكري الانتقالي"), nor a kind of force that an adjective
                # or another state in the sentence says is someone else's ("من مشاة البحرية الروسية"، "وأرسلت كوريا
                # الجنوبية 1000 من مشاة البحرية")
                adjective = k > 0 and _definite_word(self.toks[k - 1]) and self.toks[k - 1].norm not in _NOT_A_NAME
                qualified = end < len(self.toks) and (g.demonym(self.toks[end].norm) is not None or (
                    _definite_word(self.toks[end]) and self.toks[end].norm.endswith(("يه", "ي"))))
                # (a state as the subject, or a force by its state's adjective: not a place, nor a news agency's
                # adjective, "لوكالة الأنباء العُمانية")
                elsewhere = ent.kind == STATE_BODY and any(
                    m.start_tok < k and m.entity.kind in (STATE, STATE_BODY) and m.entity.country != ent.country and (
                        (not m.demonym and not _preceded_by_locative(self.toks, m)) or (m.demonym and m.start_tok > 0 and (
                            _in(self.toks[m.start_tok - 1], "force_nouns") or self.toks[m.start_tok - 1].norm in _ARMS)))
                    for m in self.mentions)
                if not (adjective or qualified or elsewhere) and self.ctx.named_in_full_before(oid, self.toks[k].start):
                    self.mentions.append(Mention(ent, k, end))
                    taken.update(range(k, end))
                break
        self.mentions.sort(key=lambda m: m.start_tok)

    def _taken(self) -> set[int]:
        """The tokens inside the mentions found so far (a word referring back is looked for outside them)."""
        return {k for m in self.mentions for k in range(m.start_tok, m.end_tok)}

    def _accusative_demonym(self, m: Mention) -> Mention:
        """After a personnel noun, a country's name that is also its adjective is the adjective: "روسيا"، "سوريا"
        after an accusative ("150 عسكريا روسيا سيشاركون ... في بيلاروسيا"), "بوروندي" after any form."""
        toks = self.toks
        if m.entity.kind != STATE or m.demonym or m.end_tok != m.start_tok + 1 or m.start_tok == 0:
            return m
        prev = toks[m.start_tok - 1]
        if not _in(prev, "personnel_strong") or toks[m.start_tok].text.startswith("و"):
            # also "جندي بوروندي": a country whose name is its adjective; but "650 عسكريا وإسبانيا 150" goes on
            # to the next state of a list
            return m
        if gazetteer().demonym(toks[m.start_tok].norm) is not m.entity:
            return m
        return Mention(m.entity, m.start_tok, m.end_tok, demonym=True)

    def _add_bare_coalitions(self) -> None:
        """A bare "التحالف" means the coalition the article is about; a bare "الحلف"، "البعثة" the alliance or
        mission named last."""
        self.bare_alliances: set[int] = set()  # where they stand (they name no mission: see `military`)
        taken = self._taken()
        if any("تحالف" in t.norm for t in self.toks) and self.ctx.coalition:
            ent = gazetteer().entities[self.ctx.coalition]
            for k, t in enumerate(self.toks):
                if k not in taken and t.norm != "تحالف" and "تحالف" in strip_proclitics(t.norm):
                    self.mentions.append(Mention(ent, k, k + 1))
                    self.bare_alliances.add(k)
        if any(w[2:] in t.norm for t in self.toks for w in _ALLIANCE_WORDS):  # "للبعثة" holds no "البعثة"
            for k, t in enumerate(self.toks):
                if k in taken or not any(f in _ALLIANCE_WORDS for f in strip_proclitics(t.norm)):
                    continue
                if (k + 1 < len(self.toks) and self.toks[k + 1].norm.startswith("ال")
                        and self.toks[k + 1].norm not in _RELATIVE | _PREPS | _WHICH_ONE):
                    continue  # "الحلف الأطلسي" is a name, "البعثة الدبلوماسية" another mission (not "البعثة التي"،
                    # "البعثة الجديدة")
                before = [x.norm for x in self.toks[max(0, k - 2):k]]
                if (len(before) == 2 and before[1] in _SERVING_IN and _possessed_by_pronoun(self.toks[k - 2])) or any(
                        x in _OUTSIDE for x in before):
                    continue  # "ليبلغ عدد جنودها في البعثة": its own men, who serve in the mission; "قوة ثانية خارج
                    # مظلة البعثة": no men of the mission
                word = next(f for f in strip_proclitics(t.norm) if f in _ALLIANCE_WORDS)
                ent = self.ctx.alliance_before(t.start, word[2:])
                if ent is None and word == _ALLIANCE_NATO and not self.ctx.other_pact_before(t.start):
                    ent = gazetteer().entities["NATO"]  # "الحلف" with no alliance named before: in today's news, NATO
                if ent is not None:
                    self.mentions.append(Mention(ent, k, k + 1))
                    self.bare_alliances.add(k)
        for k, t in enumerate(self.toks[:-1]):
            nxt = self.toks[k + 2].norm if k + 2 < len(self.toks) else ""
            if (k not in taken and k + 1 not in taken and any(f in _FORCE_NOUNS_DEF for f in strip_proclitics(t.norm))
                    and self.toks[k + 1].norm in _INTERNATIONAL
                    and not (nxt.startswith(("ال", "ل")) or nxt in _LOCATIVE)  # "القوة الدولية المقترحة"، "في كوسوفو"
                    and (ent := self.ctx.alliance_before(t.start, _MISSION)) is not None
                    and "UN" in (ent.id, ent.parent)):
                # "بدأت قوات «اليونيفيل» ... وتضمّ القوة الدولية حاليًا نحو 10 آلاف جندي": the UN mission named before
                # (not "القوات الدولية في كوسوفو"، "القوة الدولية المقترحة لغزة": another force)
                self.mentions.append(Mention(ent, k, k + 2))
                self.bare_alliances.add(k)
        self.mentions.sort(key=lambda m: m.start_tok)

    def _add_bare_ministry(self) -> None:
        """A bare "الوزارة" as the subject of a verb of the men is the defence ministry named before it in the
        sentence: "مسؤول في وزارة الدفاع السورية … مشيراً إلى أن الوزارة "نشرت أكثر من 3 آلاف عنصر"; as the
        subject of a verb of telling, the one named last in the article ("أكدت وزارة الدفاع الرومانية …. وأوضحت
        الوزارة في بيان أن نحو ألف جندي أميركي سيبقون في البلاد"), which tells of its own country."""
        toks = self.toks
        if not any(t.norm.lstrip("و") == _THE_MINISTRY for t in toks):
            return
        named = next((m for m in reversed(self.mentions) if _names_defence_ministry(toks, m)), None)
        taken = self._taken()
        for k, t in enumerate(toks):
            if k in taken or t.norm.lstrip("و") != _THE_MINISTRY:
                continue
            if named is None or k <= named.start_tok:
                if k > 0 and _verb_form(toks[k - 1].norm, _TELLING) and (
                        ent := self.ctx.ministry_before(t.start)) is not None:
                    self.mentions.append(Mention(ent, k, k + 1, True))
                    self.mentions.sort(key=lambda m: m.start_tok)
                    return
                continue
            j = k + 1 + (k + 1 < len(toks) and not toks[k + 1].norm[:1].isalpha())  # past an opening quote
            if j < len(toks) and (_sending(toks[j].norm) or toks[j].norm in _lex()["kind_cues"]):
                self.mentions.append(Mention(named.entity, k, k + 1))
                self.mentions.sort(key=lambda m: m.start_tok)
                return

    def _rehome_generic_bodies(self) -> None:
        """A state's body named by a generic alias ("?الجيش الوطني" is Yemen's in the tables) is the article's own
        country's when the article names that state by no other word: "دفع الجيش الوطني بتعزيزات إلى معتمدية بن
        قردان" in an article about Tunisia."""
        if not any(m.generic and m.entity.kind == STATE_BODY for m in self.mentions):
            return  # (before the article's main country, which costs an analysis of the whole article)
        side = next((m.entity.country for m in self.mentions if m.demonym and m.entity.kind == STATE and m.start_tok > 0
                     and self.toks[m.start_tok - 1].norm.lstrip("وف").removeprefix("ال") == _SIDE), None)
        # ("وعلى الجانب التونسي، دفع الجيش الوطني"; else the country the article is about: "نحن في الجيش الوطني نحتفظ
        # بأربعة ألوية في شقرة" from an Egyptian outlet on Yemen)
        main = side or self.ctx.main_country or self.ctx.dateline_country
        home = gazetteer().entities.get(main) if main else None
        if home is None or home.kind != STATE:
            return
        self.mentions = [Mention(home, m.start_tok, m.end_tok) if (
            m.generic and m.entity.kind == STATE_BODY and m.entity.country not in (None, main)
            and not (m.start_tok > 0 and self.toks[m.start_tok - 1].text in _OPENERS)  # (not «الجيش الوطني», a name)
            and not self.ctx.names_country(m.entity.country, other_than=self.span_text(m.start_tok, m.end_tok)))
            else m for m in self.mentions]

    def _add_bare_army(self) -> None:
        """A bare "الجيش" (no adjective or name after it) is the army of the country the article is about, when the
        sentence names no other state: "في حين يبلغ عدد أفراد الجيش نحو 120 ألفاً" in an article about Sudan."""
        self._bare_army: set[int] = set()
        # formations named without their state, by where they start: a head word followed by its number or name (not
        # "اللواء" the rank, "قيادة" leadership)
        units = {k: width for k, t in enumerate(self.toks)
                 if any(h in t.norm for h in _HOME_UNIT_STEMS) and (width := self._home_unit_at(k))}
        if not units and not any(_ARMY[1:] in t.norm or t.norm == _DEFENCE or t.norm == _ARMED
                                 or any(f in _GUARD_HEADS for f in strip_proclitics(t.norm)) for t in self.toks):
            return  # before the article's main country, which costs an analysis of the whole article
        # the country of the article's dateline first: a Jordanian outlet's "القوات المسلحة" are Jordan's, in an
        # article mostly about its contingent in Bangui
        main = self.ctx.dateline_country or self.ctx.main_country
        # Palestine has no army of its own: a bare "الجيش" in news of it is the occupier's ("استدعى الجيش 360 ألف
        # جندي احتياط خلال 48 ساعة")
        main = _ARMY_OF.get(main, main)
        ent = gazetteer().entities.get(main) if main else None
        if ent is None or ent.kind != STATE:
            return
        states = [m for m in self.mentions if m.entity.kind == STATE and m.entity.id != main and not _across_border(self.toks, m)]
        # (a state named as where, "وتستبدل كتيبتها في إفريقيا الوسطى", owns no bare army here; but a formation known by
        # its number, "54 عنصرا من الفرقة 30 تلقوا تدريبات عسكرية في تركيا", may be any side's)
        others = [m.start_tok for m in states if not (not m.demonym and _preceded_by_locative(self.toks, m))]
        taken = self._taken()
        toks = self.toks
        # a formation named without its state is the article's country's, unless the article names an occupying
        # army (from Gaza or south Lebanon, "الفرقة 162" is that army's), the sentence names another state's forces
        # ("وقال الجيش الإسرائيلي إن الفرقة 36"), or the country itself as across a border ("حرس الحدود … على الحدود
        # السورية": guards at that country's border are its neighbour's)
        home_units = bool(units) and not self.ctx.occupier_named and not any(
            m.entity.kind == STATE_BODY and m.entity.country not in (None, main) for m in self.mentions) and not any(
            m.entity.id == main and (_across_border(toks, m) or _border_adjective(toks, m)) for m in self.mentions)
        cues = _lex()["kind_cues"]

        def commands_men(k: int) -> bool:
            # a verb of the men's kind right after the command, or right before it ("و" or not) when it sends men or
            # the count follows the command
            cue_before = next((cues[f] for f in strip_proclitics(toks[k - 1].norm) if f in cues), None) if k > 0 else None
            return toks[k + 2].norm in cues or (
                cue_before is not None and (k + 2 in self.quantity_starts or cue_before == "deployment"))

        for k, t in enumerate(toks):
            command = (k + 2 < len(toks) and k not in taken and k + 1 not in taken
                       and any((w, toks[k + 1].norm) in _HOME_COMMANDS for w in (t.norm, t.norm[1:])))
            if (command and k + 4 < len(toks) and toks[k + 2].norm == "في"
                    and (at := next((m for m in self.mentions if m.start_tok == k + 3
                                     and m.entity.kind == STATE and not m.demonym), None))
                    and toks[k + 4].norm in cues):
                # "وزارة الدفاع في دمشق نشرت … نحو 2000 عنصر": the ministry of the capital named after it
                self.mentions.append(Mention(at.entity, k, k + 2))
                self._bare_army.add(k)
                continue
            if command and commands_men(k) and not any(j < k for j in others):
                # "وزارة الدفاع تنشر نحو 20 ألف مقاتل"، "استدعت وزارة الدفاع نحو خمسة آلاف جندي احتياط"، "دفعت وزارة
                # الدفاع بلواءين …، قوامهما قرابة أربعة آلاف جندي"، "دفعت قيادة الأركان العامة للجيوش بنحو ألف جندي": the
                # ministry or general staff
                # of the article's country, as the subject of a verb of the men (not "متحدث باسم وزارة الدفاع إن
                # المتمردين حشدوا": a source), when no other state is named before it
                self.mentions.append(Mention(ent, k, k + 2))
                self._bare_army.add(k)
                continue
            if others:
                continue  # another state in the sentence may own it: "عناصر الجيش ... القوات الباكستانية"
            if home_units and not states and k not in taken and (width := units.get(k)) and not any(
                    j in taken for j in range(k, k + width)):
                # "دفعت قيادة العمليات المشتركة بقطعات من الفرقة 14 قوامها 1200 مقاتل"، "اللواء 444 قتال، الذي يضم
                # قرابة 4 آلاف عنصر": a formation named by its number or its command is the article's country's
                self.mentions.append(Mention(ent, k, k + width))
                self._bare_army.add(k)
                continue
            if (k + 1 < len(toks) and k not in taken and k + 1 not in taken and toks[k + 1].norm == _ARMED
                    and _FORCES in strip_proclitics(t.norm) and t.norm.lstrip("وب").startswith("ال")
                    and not (k > 0 and toks[k - 1].norm == _COMMITTEE)  # "لجنة القوات المسلحة في مجلس الشيوخ"
                    and not (k + 2 < len(toks) and (k + 2 in taken or toks[k + 2].norm.startswith("ال")))):
                # "أكثر من خمسة آلاف مقاتل من القوات المسلحة والقوات المساندة لها": the armed forces of the
                # article's country (not "القوات المسلحة المصرية": an adjective says whose)
                self.mentions.append(Mention(ent, k, k + 2))
                self._bare_army.add(k)
                continue
            if (k + 1 < len(toks) and k not in taken and k + 1 not in taken
                    and any((f, toks[k + 1].norm) in _HOME_GUARDS for f in strip_proclitics(t.norm))
                    and not (k + 2 < len(toks) and (toks[k + 2].norm.startswith("ال") or any(
                        m.start_tok == k + 2 and m.demonym for m in self.mentions)))):
                # "نحو 2000 جندي من الحرس الوطني باتوا منتشرين في العاصمة واشنطن": the guard of the country the
                # sentence places it in, else of the article's country (not "الحرس الوطني السعودي": an adjective
                # says whose; not the dateline's: "الدوحة - الجزيرة" over a guard in Minneapolis)
                placed = next((m.entity.country for m in self.mentions if m.entity.kind in (STATE, PLACE) and not m.demonym
                               and m.entity.country and _preceded_by_locative(toks, m)), None)
                guard_home = gazetteer().entities.get(placed or self.ctx.main_country or main)
                self.mentions.append(Mention(guard_home if guard_home is not None and guard_home.kind == STATE else ent,
                                             k, k + 2))
                self._bare_army.add(k)
                continue
            for_the_army = t.norm.lstrip("و") == "ل" + _ARMY[1:] and k > 0 and any(
                f in _SENT_BATCHES | _REINFORCING for f in strip_proclitics(toks[k - 1].norm))
            if k in taken or _ARMY not in strip_proclitics(t.norm) or (
                    t.norm != _ARMY and not t.norm.endswith(_ARMY) and not for_the_army):
                continue  # (and "تعزيزات للجيش تضم نحو ٣ آلاف جندي", not "المناهضة للجيش")
            nxt = self.toks[k + 1] if k + 1 < len(self.toks) else None
            if nxt is not None and (k + 1 in taken or nxt.norm.startswith("ال")) and nxt.norm not in _OFFICER_RANKS:
                continue  # "الجيش الحر", "الجيش الوطني": a name or an adjective says whose (not "قائد الجيش العماد")
            # the occupying army named before it in the sentence, which outlets of the occupied call by that name and
            # then "the army" ("إذاعة جيش الاحتلال … بعد أن كان الجيش قد استدعى"); any other army named before is not
            # the bare one ("أعلن الجيش الأمريكي إنهاء مهمته، نشر الجيش" in an article about Iraq is Iraq's)
            named = next((x for x in reversed(self.mentions) if x.end_tok <= k and x.entity.kind == STATE_BODY
                          and _ARMY[2:] in toks[x.start_tok].norm and x.entity.country in gazetteer().entities
                          and (any(t.norm == _OCCUPATION for t in toks[x.start_tok:x.end_tok]) or self._army_tells(x, k))
                          and not any(self._opens_clause(j) for j in range(x.end_tok, k))), None)
            own = gazetteer().entities[named.entity.country] if named is not None else ent
            self.mentions.append(Mention(own, k, k + 1))
            self._bare_army.add(k)
        if self._bare_army:
            self.mentions.sort(key=lambda m: m.start_tok)

    def _home_unit_at(self, k: int) -> int:
        """The width of a state's formation named at token *k* without its state ("الفرقة 22"، "الفرقة السادسة"،
        "المنطقة العسكرية الأولى"، "حرس الحدود"), else 0."""
        toks = self.toks
        heads = strip_proclitics(toks[k].norm)  # "وللفرقة"، "وحرس"
        if any(h in _HOME_UNIT_NUMBERED for h in heads) and k + 1 < len(toks) and (
                toks[k + 1].norm.isdigit() or toks[k + 1].norm in _UNIT_ORDINALS) and not (
                # "يبلغ قوام اللواء 4800 جندي": the unit's size, not its number
                k > 0 and toks[k - 1].norm.lstrip("و") in _SIZE_OF and toks[k + 1].norm.isdigit()
                and k + 2 < len(toks) and _mentions_personnel(toks[k + 2].norm)):
            return 2
        for phrase in _HOME_UNIT_NAMED:
            if (k + len(phrase) <= len(toks) and phrase[0] in heads
                    and all(toks[k + i].norm == w for i, w in enumerate(phrase[1:], 1))):
                end = k + len(phrase)
                # "قيادة عمليات البصرة" is the country's, "قيادة عمليات التحالف الدولي" the coalition's
                if not phrase[-1].startswith("ال") and any(m.start_tok == end and m.entity.kind in (ALLIANCE, NONSTATE)
                                                          for m in self.mentions):
                    return 0
                return len(phrase)
        return 0

    def _army_tells(self, x: Mention, k: int) -> bool:
        """Whether the army *x* (or its radio, its spokesman) tells what the bare "الجيش" at *k* does: "قالت إذاعة
        الجيش الإسرائيلي إن الجيش يُبقي داخل القطاع خمسة ألوية" (the word "أن"/"إن" right after it, the bare army
        right after that)."""
        toks = self.toks
        return (x.end_tok + 1 == k and toks[x.end_tok].norm in _THAT
                and any(_verb_form(t.norm, _TELLING) or t.norm.lstrip("و") in _SOURCES or _in(t, "leader_words")
                        for t in toks[max(0, x.start_tok - 4):x.start_tok]))

    def _add_group_references(self) -> None:
        """A bare "الحزب"، "التنظيم" means the group of that kind named last, in this sentence or before it."""
        taken = self._taken()
        own = _group_references(self.toks, self.mentions)
        added = False
        for k, t in enumerate(self.toks):
            head = (_group_head(t.norm) or _possessed_group_head(t.norm)) if k not in taken else None
            if head is None or not head[1]:
                continue
            if head[0] in _ONLY_AFTER_THE_MEN and not (t.norm == "ال" + head[0] and (
                    (k > 0 and _owned_personnel(self.toks[k - 1]))
                    # "كانت المجموعة تنشر في مالي ما بين 1500 و2500 مقاتل": the subject of a verb of the men
                    or (k + 1 < len(self.toks) and _lex()["kind_cues"].get(self.toks[k + 1].norm) in ("deployment", "presence")))):
                continue  # "وتراجعت الحركة على الطريق"، "حركتها": traffic and motion, not a movement
            nxt = self.toks[k + 1].norm if k + 1 < len(self.toks) else ""
            if nxt.startswith("ال") and nxt not in _NOT_A_NAME and not (
                    k > 0 and _owned_personnel(self.toks[k - 1]) and nxt.endswith(("ين", "ون"))):
                # "الحزب الديمقراطي": a name, not a reference back (but in "مقاتلي الحزب المتبقين" the plural
                # adjective goes with the men)
                continue
            if any(pos < t.start and h == head[0] for pos, h, _ in own):
                ent = _antecedent(own, head[0], t.start)  # named earlier in this sentence
            else:
                ent = self.ctx.group_before(head[0], t.start)
            if ent is not None:
                self.mentions.append(Mention(ent, k, k + 1))
                self.references.add(k)
                added = True
        if added:
            self.mentions.sort(key=lambda m: m.start_tok)

    def _add_word_references(self, words: set[str], resolve: Callable[[int, Token, set[int]], Entity | None]) -> set[int]:
        """A mention, at each word of *words* not inside a name, of the entity *resolve(k, token, taken)* finds it
        refers to ("بلاده"، "المملكة"، "الحاملة"), if any; the tokens where it added one."""
        taken = self._taken()
        added: set[int] = set()
        for k, t in enumerate(self.toks):
            if k in taken or not any(f in words for f in strip_proclitics(t.norm)):
                continue
            ent = resolve(k, t, taken)
            if ent is not None:
                self.mentions.append(Mention(ent, k, k + 1))
                added.add(k)
        if added:
            self.mentions.sort(key=lambda m: m.start_tok)
        return added

    def _add_own_country_references(self) -> None:
        """"بلاده"، "بلادهم" (his, their country) is the state named last: "وقال وزير الدفاع الفرنسي إن بلاده
        سترسل 500 جندي" is France."""
        g = gazetteer()

        def resolve(k: int, t: Token, taken: set[int]) -> Entity | None:
            # a state's own body names its state too: "وكان المتحدث باسم وزارة الدفاع الأمريكية قد أعلن أن بلاده"
            before = [m if m.entity.kind == STATE else Mention(g.entities[m.entity.country], m.start_tok, m.end_tok, m.demonym)
                      for m in self.mentions if m.end_tok <= k and (m.entity.kind == STATE or (
                          m.entity.kind == STATE_BODY and m.entity.country in g.entities
                          and g.entities[m.entity.country].kind == STATE))]
            # the speaker's country first: "قال رئيس الوزراء العراقي إن الولايات المتحدة تنشر 2500 جندي في بلاده"
            speaker = [m for m in before if self._names_an_official(m)]
            return (speaker or before)[-1].entity if before else self.ctx.state_before(t.start)

        self._add_word_references(_OWN_COUNTRY, resolve)

        def ours(k: int, t: Token, taken: set[int]) -> Entity | None:
            # "وأضاف أن قواتنا المسلحة، التي يبلغ قوامها نحو 20 ألف فرد": the speaker's country when the sentence
            # names him by it ("وقال مسؤول تركي: جنودنا"), else the country the article is about (an official of it,
            # or its own outlet, speaking)
            speaker = [m for m in self.mentions if m.end_tok <= k and m.entity.kind == STATE and self._names_an_official(m)]
            # "وقال المتحدث باسم الدعم السريع إن «قواتنا في كردفان»": whom the spokesman speaks for
            spoken_for = [m for m in self.mentions if m.end_tok <= k and m.start_tok > 0
                          and self.toks[m.start_tok - 1].norm == _IN_THE_NAME_OF and not m.demonym]
            if spoken_for:
                return spoken_for[-1].entity
            home = self.ctx.dateline_country or self.ctx.main_country
            return speaker[-1].entity if speaker else (g.entities.get(home) if home else None)

        self._add_word_references(_OUR_COUNTRY, ours)

        def own_borders(k: int, t: Token, taken: set[int]) -> Entity | None:
            # "وكانت بولندا قد دفعت بنحو 40 ألف جندي إلى حدودها الشرقية": the borders of the state named before
            # in the sentence, as a place (a state's body or adjective names its state too); not in reported speech
            # or an accusation ("وقالت الصين إن الولايات المتحدة نشرت 30 ألف جندي قرب حدودها": whose borders is
            # unclear), nor when a group is named after that state ("حزب الله نشر … على حدوده")
            if any(_verb_form(x.norm, _TELLING) or x.norm.lstrip("و") in _ACCUSING for x in self.toks[:k]):
                return None
            before = [m for m in self.mentions if m.end_tok <= k and m.entity.kind in (STATE, STATE_BODY, NONSTATE, ALLIANCE)]
            if not before or before[-1].entity.kind not in (STATE, STATE_BODY) or before[-1].entity.country not in g.entities:
                return None
            return g.entities[before[-1].entity.country] if g.entities[before[-1].entity.country].kind == STATE else None

        # a place only: no owner of men ("ميليشيا «القوات الديمقراطية لتحرير رواندا» على حدودها، والتي تقدر عدد
        # عناصرها بألفي مسلح")
        self.borders = self._add_word_references(_OWN_BORDERS, own_borders)

    def _add_kingdom_references(self) -> None:
        """"المملكة" alone is the kingdom named before it in the sentence, else the article's main country if that is a
        kingdom (a Saudi outlet's "ونحو 2300 في المملكة" after "البحرين"), else the kingdom the article named last:
        "وتعد المملكة من أبرز المساهمين في عمليات حفظ السلام" in an article about Moroccans in Bangui. A kingdom men
        are sent to is not it ("أرسلت السعودية قوات إلى البحرين، وتنشر المملكة")."""
        def resolve(k: int, t: Token, taken: set[int]) -> Entity | None:
            before = [m.entity for m in self.mentions if m.end_tok <= k and m.entity.kind == STATE
                      and m.entity.country in _KINGDOMS and not m.demonym and not _preceded_by_locative(self.toks, m)
                      and not (m.start_tok > 0 and self.toks[m.start_tok - 1].norm in (_TO, "الي"))]
            if before:
                return before[-1]
            if self.ctx.main_country in _KINGDOMS:
                return gazetteer().entities.get(self.ctx.main_country)
            return self.ctx.state_before(t.start, keep=lambda e: e.country in _KINGDOMS)

        self._add_word_references(_THE_KINGDOM, resolve)

    def _add_carrier_references(self) -> None:
        """"الحاملة" alone is the aircraft carrier named last: "دخلت حاملة الطائرات الأمريكية «جيرالد فورد» البحر
        الكاريبي … وتحمل الحاملة، وهي الأكبر في العالم، أكثر من 4 آلاف بحار وطيار"."""
        toks = self.toks

        def resolve(k: int, t: Token, taken: set[int]) -> Entity | None:
            if k + 1 < len(toks) and (k + 1 in taken or toks[k + 1].text in _OPENERS):
                return None  # "الحاملة «أيزنهاور»": a name follows
            if (k > 0 and toks[k - 1].norm.startswith("ال") and toks[k - 1].norm[2:3].isalpha()) or (
                    k + 1 < len(toks) and toks[k + 1].norm.startswith("ل")):
                return None  # "الطائرة الحاملة لنحو 300 جندي": the adjective "carrying"
            named = next((m.entity for m in reversed(self.mentions) if m.end_tok <= k and m.entity.id in _AFLOAT), None)
            return named or self.ctx.carrier_before(t.start)

        self._add_word_references(_THE_CARRIER, resolve)

    def _read_cities(self) -> None:
        """Cities by GeoNames' list of their Arabic names (`gazetteer.world_cities`):
        * a name the tables give to a place of one country is another's city when the article names that other country
          (by other words) and never the first ("القنيطرة" is Kenitra in an article about Morocco; the main country
          first, if it is one of them); a state's name is read so only as the other country's largest city ("عمان" is
          Amman in an article that names Jordan and not Oman);
        * a name the tables do not know, right after a noun of towns ("مدينة/بلدة/قرية/ميناء ...") or of two words after
          a locative ("في كريات غات"), is a city: of the main country if it has one of that name, else of the most
          populous one, if the article names its country; names joined to it by و continue the list ("بمدينة أكادير
          وطانطان")."""
        cities, toks = world_cities(), self.toks
        g = gazetteer()
        for i, m in enumerate(self.mentions):
            if m.demonym or m.entity.kind not in (STATE, PLACE) or not m.entity.country:
                continue
            words = _city_name(toks[m.start_tok:m.end_tok])
            # (the article's analysis is looked up only when a name could be another country's city: it is costly)
            country = shared_city_reading(words, m.entity, self.ctx.names_country, lambda: self.ctx.main_country)
            if country is None:
                continue
            if m.entity.kind == STATE:
                self.mentions[i] = replace(m, entity=g.entities[country])
            else:
                self.mentions[i] = replace(m, entity=replace(m.entity, id=f"city-{country}-{words}", country=country))
        taken = self._taken()
        added = []
        k = 0
        while k < len(toks) - 1:
            town_noun = _town_noun(toks[k].norm)
            if not (town_noun or toks[k].norm in _LOCATIVE):
                k += 1
                continue
            j, country = k + 1, None
            while j < len(toks) and j not in taken:
                # after a bare locative only a name of two words whose first is no definite or short word ("في
                # كريات غات"; not "من النقاط الخمس", "من أن صالح")
                width = next((w for w in (2, 1) if j + w <= len(toks) and (town_noun or country or (
                                  w == 2 and len(toks[j].norm) > 2 and not toks[j].norm.startswith(("ال", "وال"))))
                              and not any(x in taken for x in range(j, j + w))
                              and _city_name(toks[j:j + w]) in cities), None)
                if width is None:
                    break
                name = _city_name(toks[j:j + width])
                places = cities[name]
                if width == 1 and name.startswith("ال") and not any(c == self.ctx.main_country for c, _ in places):
                    break  # "مدينة الثورة": a definite word names a city only of the article's country
                if len({c for c, _ in places}) == 1 and country is None:
                    country = places[0][0]
                else:
                    here = country or self.ctx.main_country
                    country = here if any(c == here for c, _ in places) else (
                        None if country else max(places, key=lambda p: p[1])[0])
                main = self.ctx.main_country
                if country is None or (main is not None and country != main and not self.ctx.names_country(country)):
                    break  # "في محيط مدينة بارا" in an article about Sudan is no Indian town the article never names
                ent = Entity(f"city-{country}-{name}", "LOC", PLACE, name, None, country, (name,))
                added.append(Mention(ent, j, j + width))
                j += width
                if not (j < len(toks) and toks[j].norm.startswith("و") and len(toks[j].norm) > 2):
                    break
            k = max(k + 1, j)
        if added:
            self.mentions = sorted(self.mentions + added, key=lambda m: m.start_tok)

    def span_text(self, a: int, b: int) -> str:
        if a >= b:
            return ""
        return self.text[self.toks[a].start - self.offset : self.toks[b - 1].end - self.offset]

    # -- actor ------------------------------------------------------------------------------------
    def actor(self, q: Quantity, unit: _Unit, lo: int, hi: int, fact_kind: str | None = None):
        toks, ctx = self.toks, self.ctx
        n = len(toks)
        route_start: Mention | None = None
        source: Mention | None = None
        # (0) a force named inside the unit itself: "2,000 من مشاة البحرية الأمريكية"
        for m in self.mentions:
            if unit.start <= m.start_tok < unit.end and (m.demonym or m.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE)) \
                    and not m.generic:  # (a vague name, "جنود حفظ السلام", only when no one else owns them: below)
                a, kind = _actor_of(m, ctx)
                if a is not None:
                    return a, self.span_text(m.start_tok, m.end_tok), kind, m
        # (a) a nationality adjective or group in the noun phrase: "جندي أمريكي", "مقاتل من داعش",
        #     "المقاتلين المنتمين إلى الجيش السوري الحر"
        foreign = unit.end < n and _in(toks[unit.end], "foreign_words")
        k = unit.end + (1 if foreign else 0)  # the adjective "أجنبي" itself names no one
        steps = 0
        if k < min(hi, n) and k == unit.end and (j := self._after_so_called(k)) != self._skip_openers(k):
            # "آلاف من مرتزقة ما يسمى «درع الوطن»": the group the men are said to be of
            m2 = self.mentions_at.get(j)
            if m2 is not None and m2.entity.kind == STATE_BODY:
                # a state's force the outlet calls "so-called" is named as written, as gold writes a militia
                txt = _unquoted(self.span_text(m2.start_tok, m2.end_tok))
                return txt, txt, "nonstate", m2
            if m2 is not None and m2.entity.kind in (NONSTATE, ALLIANCE):
                a, kind = _actor_of(m2, ctx)
                return a, self.span_text(m2.start_tok, m2.end_tok), kind, m2
            if m2 is None and (named := self._so_called_name(k, hi)) is not None:
                txt = _unquoted(self.span_text(*named))
                return txt, txt, "nonstate", None
        if (k < min(hi, n) and k == unit.end and unit.end > unit.start and toks[k].norm in _STATES_NOUNS
                and _owned_personnel(toks[unit.end - 1])):
            # "قرابة ألف من جنود الدول الأخرى المشاركة في التحالف": the men of an alliance's members
            for j in range(k + 2, min(hi, n, k + 5) - 1):
                m5 = self.mentions_at.get(j + 1)
                if (toks[j].norm == "في" and toks[j - 1].norm in _MEMBER_WORDS and m5 is not None
                        and m5.entity.kind == ALLIANCE):
                    return m5.entity.actor_code, self.span_text(m5.start_tok, m5.end_tok), "alliance", m5
        while k < min(hi, n) and steps < 4:
            m = self.mentions_at.get(k)
            t = toks[k]
            if (m is not None and k == unit.end and unit.end > unit.start and m.entity.kind == STATE and not m.demonym
                    and _possessed_by_pronoun(toks[unit.end - 1])):
                break  # "غادر نحو 2700 من عناصرها لبنان": "its" men, and the country they leave
            if m is not None:
                if m.demonym and not (k > 0 and _in(toks[k - 1], "territory_nouns")):
                    if _in(toks[unit.start], "mercenary_words"):
                        # "المرتزقة الأفغان": the nationality of hired men is not the state they serve; whom they
                        # fight for may follow: "300 مرتزق كولومبي يقاتلون في صفوف الدعم السريع"، "في القتال إلى جانب"
                        # (past an aside between commas: "مئات المرتزقة الكولومبيين، ومعظمهم جنود سابقون …، يقاتلون
                        # في صفوف الدعم السريع")
                        aside_end = (next((c for c in range(m.end_tok + 1, min(hi, n, m.end_tok + 16))
                                           if toks[c].text in ("،", ",")), None)
                                     if m.end_tok < n and toks[m.end_tok].text in ("،", ",") else None)
                        start = m.end_tok if aside_end is None else aside_end + 1
                        for j in range(start, min(hi, n, start + 6) - 1):
                            m3 = self.mentions_at.get(j + 1)
                            if (toks[j].norm in _FIGHTS_FOR and m3 is not None
                                    and m3.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE, STATE) and not m3.demonym):
                                a, kind = _actor_of(m3, ctx)
                                return a, self.span_text(m3.start_tok, m3.end_tok), kind, m3
                        if toks[unit.start].norm.startswith("ال") and m.start_tok == unit.end and not any(
                                x.entity.kind in (NONSTATE, STATE_BODY, STATE) and not x.demonym and x.end_tok <= q.start_tok
                                and not self._locative(x)
                                and not any(t.text in _CLAUSE_OR_COMMA for t in toks[x.end_tok:q.start_tok])
                                for x in self.mentions):
                            # (not "قوات حفتر تستعين بآلاف المرتزقة السودانيين"، "وأرسلت تركيا نحو 2000 من المرتزقة
                            # السوريين": the men of whoever uses or sends them)
                            # "المرتزقة السوريون الذين جلبتهم تركيا": hired men named by their nationality alone
                            # are a body of their own, as the text names them (not the state that brought them)
                            txt = self.span_text(unit.start, m.end_tok)
                            return txt, txt, "nonstate", None
                        break
                    j = m.end_tok
                    if j + 1 < min(hi, n) and toks[j].norm in _LOYAL and (
                            m3 := self.mentions_at.get(j + 1)) is not None and m3.entity.kind == NONSTATE:
                        # "مئات المقاتلين السودانيين الموالين لقوات الدعم السريع": men of one nationality loyal to a
                        # group fight as its men
                        a, kind = _actor_of(m3, ctx)
                        return a, self.span_text(m3.start_tok, m3.end_tok), kind, m3
                    if m.entity.kind == NONSTATE and j + 1 < min(hi, n) and toks[j].norm == "من":
                        # a community's adjective yields to the group named after it: "مقاتلا كرديا من حزب
                        # العمال الكردستاني" are the PKK's
                        m2 = self.mentions_at.get(j + 1)
                        if m2 is not None and not m2.demonym and m2.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE):
                            m = m2
                    a, kind = _actor_of(m, ctx)
                    return a, self.span_text(m.start_tok, m.end_tok), kind, m
                # the owner of personnel in construct state: "مقاتلي حماس", "جنود الجيش الأمريكي", "مسلحي «ولاية سيناء»"
                owner_at = unit.end + (1 if unit.end < n and toks[unit.end].text in _OPENERS else 0)
                if unit.end > unit.start and (
                        (k == owner_at and m.entity.kind in (NONSTATE, ALLIANCE, STATE_BODY, STATE)
                         and _owned_personnel(toks[unit.end - 1]))
                        # "مئات المسلحين الحوثيين": a group's plural adjective agreeing with the men
                        or (k == unit.end and m.entity.kind == NONSTATE and m.end_tok == k + 1
                            and toks[unit.end - 1].norm.startswith("ال") and t.norm.startswith("ال")
                            and t.norm.endswith(("ين", "ون")))):
                    a, kind = _actor_of(m, ctx)
                    return a, self.span_text(m.start_tok, m.end_tok), kind, m
                break
            if (k == unit.end and k + 1 < n and (t.norm, toks[k + 1].norm) == _NATIONAL_GUARD
                    and k + 1 not in self.mentions_at and _owned_personnel(toks[unit.end - 1])
                    and not (k + 2 < n and self.mentions_at.get(k + 2) is not None)):
                # "5 آلاف من عناصر الحرس الوطني في الولاية": a national guard serves at home, so its state is the
                # place's (resolved by the caller, as for a government's men); not "الحرس الوطني السعودي"
                return "GOVERNMENT", None, "state", None
            if k == unit.end and unit.end > unit.start and _owned_personnel(toks[unit.end - 1]):
                head = _group_head(t.norm) or ("", False)
                if head[1] and not (head[0] == _CORPS and k + 1 < n and toks[k + 1].norm.startswith("ال")):
                    # "مقاتلي التنظيم" of a group the article does not name: no one's ("جنود الفيلق الثامن": a
                    # state's numbered corps, whose state is named elsewhere)
                    return None, None, None, None
                owner = self._owner_np(k, hi)
                if owner is not None:  # "مقاتلي حزب العمال"، "عناصر التشكيلات المسلحة": a group the tables do not know
                    txt = _unquoted(self.span_text(*owner))
                    return txt, txt, "nonstate", None
            if t.norm in _AFFILIATION:
                j = k + 1
                if j < n and toks[j].norm in (norm("إلى"), "ل"):
                    j += 1
                j = self._skip_openers(j)  # "مسلح تابعين لـ"قوة الإسناد الأولى""
                m2 = self.mentions_at.get(j)
                if m2 is not None and m2.entity.kind in (NONSTATE, ALLIANCE, STATE_BODY, STATE):
                    a, kind = _actor_of(m2, ctx)
                    return a, self.span_text(m2.start_tok, m2.end_tok), kind, m2
                if j < n and any(f in _GOVERNMENT for f in strip_proclitics(toks[j].norm)):
                    return "GOVERNMENT", None, "state", None  # resolved to the location's state by the caller
                if j < n:
                    grp = self._group_np(j, hi)
                    if grp:
                        txt = self.span_text(*grp)
                        return txt, txt, "nonstate", None
                break
            if t.norm == "في" and k + 1 < n:
                # men in a force are its own: "مئات الضباط في الجيش العراقي"، "عناصر في صفوف داعش"
                j = self._skip_openers(k + 1 + (1 if toks[k + 1].norm in _RANKS else 0))  # "في صفوف «كفور»"
                force_noun = j < n and j not in self.mentions_at and _in(toks[j], "force_nouns")
                j += force_noun  # "في الجيش اللبناني": the adjective names the state
                if force_noun and j + 1 < n and j not in self.mentions_at and toks[j].norm in _ARMED_ADJECTIVES:
                    j += 1  # "في صفوف القوات المسلحة السودانية"
                m2 = self.mentions_at.get(j)
                contributes = any(f.startswith(_CONTRIBUTE) for t2 in toks[max(0, q.start_tok - 3):q.start_tok]
                                  for f in strip_proclitics(t2.norm))
                ranks = toks[k + 1].norm in _RANKS
                if m2 is not None and not contributes and (m2.entity.kind in (NONSTATE, STATE_BODY) or (
                        m2.demonym and force_noun) or (m2.entity.kind == ALLIANCE and ranks)):  # "في صفوف كفور"
                    a, kind = _actor_of(m2, ctx)
                    return a, self.span_text(m2.start_tok, m2.end_tok), kind, m2
                break  # "ستشارك الكويت بـ 800 جندي في قوات درع الجزيرة": the contributor's men, in a joint force
            if t.norm == "من" and k + 1 < n:
                # "2500 عنصر من «فاغنر»"، "35 ألف مرتزق من فصائل ما يسمى «الجيش الوطني السوري»"
                m2 = self.mentions_at.get(self._after_so_called(k + 1))
                if (m2 is None and k + 2 < n and toks[k + 1].norm in _UNIT_NOUNS and toks[k + 2].text in _OPENERS
                        and not self._demonym_after_quote(k + 2) and (own := self._state_unit_before(q)) is not None):
                    # "أنجزت الكتيبة الإسبانية … عملية تبديل حلّ بموجبها 450 عسكريّاً من لواء «غوادارّاما»": a unit of
                    # the state whose force the sentence is about, by its own name
                    return own.entity.country, self.span_text(own.start_tok, own.end_tok), "state", own
                if _in(toks[k + 1], "armed_group_nouns"):
                    # "3 آلاف مقاتل من فصائل سورية موالية لأنقرة": the loyal group, not its men's nationality
                    proxy = next((p for j in range(k + 3, min(hi, k + 6)) if (m5 := self.mentions_at.get(j)) is not None
                                  and (p := self._proxy_of(m5)) is not None), None)
                    if proxy is not None:
                        return proxy, proxy, "nonstate", None
                if m2 is None and k + 2 < n and _in(toks[k + 1], "force_nouns"):
                    m2 = self.mentions_at.get(k + 2)  # "1500 عسكري من قوات التحالف": the coalition the article is about
                    # (the raw text: "ألوية" is no "ال" + "وية")
                    construct = not toks[k + 1].text.startswith("ال") and not toks[k + 2].norm.startswith("و")
                    if m2 is not None and m2.entity.kind == STATE and not m2.demonym and construct and self._list_after(m2) is None:
                        # "500 جندي من قوات الولايات المتحدة": a state's forces by its name
                        return m2.entity.country, self.span_text(m2.start_tok, m2.end_tok), "state", m2
                    # ... and "ثلاثة آلاف جندي من ألوية درع الوطن": a named force's units
                    # (not "مئات الجنود من الجيش وقوات الدعم السريع": a list of forces)
                    m2 = m2 if m2 is not None and (m2.start_tok in self.bare_alliances or (
                        m2.entity.kind in (NONSTATE, STATE_BODY) and not m2.demonym and construct)) else None
                    adjective = next((self.mentions_at.get(j) for j in range(k + 2, min(hi, n, k + 5))
                                      if j in self.mentions_at or toks[j].norm in _PREPS or not toks[j].norm[:1].isalpha()), None)
                    if m2 is None and adjective is not None and adjective.demonym and adjective.entity.kind == STATE:
                        # "ألفي عنصر من القوات الروسية"، "من قوات حفظ السلام الروسية": the force's nationality
                        return adjective.entity.country, self.span_text(adjective.start_tok, adjective.end_tok), "state", adjective
                if m2 is not None and m2.entity.kind in (NONSTATE, ALLIANCE, STATE_BODY):
                    a, kind = _actor_of(m2, ctx)
                    return a, self.span_text(m2.start_tok, m2.end_tok), kind, m2
                # "300 جندي من السعودية": one state they come from is theirs (not a list of contributors,
                # and not the country they leave: "سحب 500 جندي من العراق")
                if (m2 is not None and m2.entity.kind == STATE and not m2.demonym and fact_kind != "withdrawal"
                        and k == unit.end and self._list_after(m2) is None):
                    if m2.end_tok < n and toks[m2.end_tok].norm == _TO:
                        route_start = m2  # "من العراق إلى البوكمال": a route; theirs only if no one else is named
                        break
                    return m2.entity.country, self.span_text(m2.start_tok, m2.end_tok), "state", m2
                # "من أبناء محافظة تعز": personnel recruited from a place belong to its state
                if toks[k + 1].norm in (norm("أبناء"), "ابناء"):
                    for j in range(k + 2, min(hi, k + 5)):
                        m4 = self.mentions_at.get(j)
                        if m4 is not None and m4.entity.kind in (STATE, PLACE):
                            return m4.entity.country, self.span_text(m4.start_tok, m4.end_tok), "state", None
                # "من دول الخليج الأعضاء في التحالف العربي": the states are the alliance's members
                for j in range(k + 2, min(hi, k + 6) - 1):
                    m5 = self.mentions_at.get(j + 1)
                    if (toks[j].norm == "في" and toks[j - 1].norm in _MEMBER_WORDS and m5 is not None
                            and m5.entity.kind == ALLIANCE):
                        return m5.entity.actor_code, self.span_text(m5.start_tok, m5.end_tok), "alliance", m5
                words = tuple(x.norm for x in toks[k + 1 : k + 3])
                if words in _lex()["member_phrases"] or words[:1] in _lex()["member_phrases"]:
                    named = self.mentions_at.get(k + 2)
                    if named is not None and named.entity.kind == ALLIANCE:
                        # "من دول الاتحاد الأوروبي": the alliance the phrase itself names
                        return named.entity.actor_code, self.span_text(named.start_tok, named.end_tok), "alliance", named
                    for m3 in reversed(self.mentions):
                        if m3.end_tok <= q.start_tok and m3.entity.kind == ALLIANCE:
                            # found from the words after the count, so no owner far back for a joined count to drop
                            return m3.entity.actor_code, self.span_text(m3.start_tok, m3.end_tok), "alliance", None
                    head = words[-1][2:] if words[-1].startswith("ال") else None
                    ally = self.ctx.alliance_before(toks[k].start, head)  # "من دول الاتحاد": the union named before
                    if ally is None and words[-1] == _ALLIANCE_NATO:
                        ally = gazetteer().entities["NATO"]
                    if ally is not None:
                        return ally.actor_code, self.span_text(k + 1, k + 1 + len(words)), "alliance", None
                if m2 is None and (named := self._so_called_name(k + 1, hi)) is not None:
                    txt = _unquoted(self.span_text(*named))  # "عنصر من مرتزقة ما يسمى قوات «درع الوطن»"
                    return txt, txt, "nonstate", None
                if m2 is None and self._group_np(k + 1, hi):
                    a_start, a_end = self._group_np(k + 1, hi)
                    txt = self.span_text(a_start, a_end)
                    return txt, txt, "nonstate", None
                break
            if t.text in ("،", ",") and k + 1 < n and toks[k + 1].norm in _AFFILIATION:
                k += 1
                continue
            if t.text in _CLAUSE_END or t.norm in _PREPS or t.text in ("،", ",") or t.norm in _NP_STOP:
                break
            if t.norm[:1].isdigit() or any(f in _lex()["kind_cues"] or f in _IN_SUPPORT_OF for f in strip_proclitics(t.norm)):
                break  # (and "10 آلاف جندي لدعم القوات الكونغولية": the force supported is not theirs)
            k += 1
            steps += 1
        # "4500 جندي من 27 دولة يخدمون حالياً في صفوف «كفور»": the ranks they serve in, further on in the clause
        for k in range(unit.end, min(hi, n - 1, unit.end + 10)):
            if toks[k].norm in _RANKS and toks[k - 1].norm == "في":
                m2 = self.mentions_at.get(self._skip_openers(k + 1))
                if m2 is not None and m2.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE):
                    a, kind = _actor_of(m2, ctx)
                    return a, self.span_text(m2.start_tok, m2.end_tok), kind, m2
                break
        if (unit.end + 2 < min(hi, n) and toks[unit.end].norm == "من" and unit.end + 1 in self.quantity_starts
                and any(f in _STATES_NOUNS | _A_STATE for f in strip_proclitics(toks[unit.end + 2].norm))):
            # "قرابة عشرة آلاف جندي من 48 دولة ينتشرون حالياً في منطقة عمليات البعثة": the men of many states are
            # the mission's the sentence names before them, or refers to ("البعثة"); not "أكثر من 10 آلاف عسكري من 40
            # دولة" in an exercise "إلى جانب مراقبين من حلف شمال الأطلسي"
            named = next((m for m in reversed(self.mentions) if m.entity.kind == ALLIANCE and lo <= m.start_tok
                          and m.end_tok <= q.start_tok and (m.entity.parent is not None or m.entity.id == "UN" or (
                              m.start_tok > 0 and (_MISSION in strip_proclitics(toks[m.start_tok - 1].norm)
                                                   or _in(toks[m.start_tok - 1], "force_nouns"))))), None)
            exercise = any(f in _EXERCISES for t in toks for f in strip_proclitics(t.norm))
            mission = None if exercise else named.entity if named is not None else next(
                (self.ctx.alliance_before(toks[k].start, _MISSION) for k in range(lo, min(hi, n))
                 if _MISSION in {f.removeprefix("ال") for f in strip_proclitics(toks[k].norm)}), None)
            if mission is not None:
                return mission.actor_code, None if named is None else self.span_text(named.start_tok, named.end_tok), \
                    "alliance", named
            if exercise:
                return None, None, None, None
        before = range(max(1, q.start_tok - 6), q.start_tok)
        if foreign or any(toks[k].norm in _MULTINATIONAL or (_in(toks[k], "foreign_words") and _in(toks[k - 1], "force_nouns"))
                          for k in before):
            # "قوة متعددة الجنسيات تضم 8700 جندي"، "عدد القوات الأجنبية على أراضيها": the men of several states; a
            # force of that kind known by its name is its own actor ("القوة متعددة الجنسيات والمراقبين في سيناء")
            named = self._named_multinational(max(0, q.start_tok - 12), q.start_tok)
            return (named, named, "nonstate", None) if named else (None, None, None, None)
        # (b) the subject right after a verb: "3500 جندي ... أرسلتهم واشنطن"
        for k in range(unit.end, min(hi, unit.end + 3)):
            # a verb of sending, whose subject follows ("أرسلتهم واشنطن"); after "دخلوا"، "وصلوا" comes the place
            if (_lex()["kind_cues"].get(toks[k].norm) == "deployment" and k + 1 < n and _sending(toks[k].norm)):
                m = self.mentions_at.get(k + 1)
                if m is not None and not m.demonym and m.entity.kind in (STATE, ALLIANCE, STATE_BODY, NONSTATE):
                    a, kind = _actor_of(m, ctx)
                    return a, self.span_text(m.start_tok, m.end_tok), kind, m
        # (c'') "القوة المشتركة للحركات المسلحة، التي يقدر قوامها بنحو 5 آلاف عنصر": a force the tables do not
        # know, whose size a relative clause gives
        if unit.strength_head or any(_in(toks[k], "strength_heads") for k in range(max(0, q.start_tok - 2), q.start_tok)):
            named = self._force_before_relative(q)
            if named:
                return named, named, "nonstate", None
        # (c') "عدد مقاتلي حزب العمال المتحصنين ... بنحو 2500 مسلح": personnel of a group named before the count
        for k in range(q.start_tok - 2, max(-1, q.start_tok - 10), -1):
            if toks[k].text in _CLAUSE_OR_COMMA or any(m.start_tok > k and m.end_tok <= q.start_tok and m.entity.kind in (
                    STATE, ALLIANCE, STATE_BODY, NONSTATE) and not m.demonym and not self._region_adjective(m)
                    for m in self.mentions):
                break
            if (k + 1 not in self.mentions_at and _owned_personnel(toks[k])
                    and (owner := self._owner_np(k + 1, q.start_tok)) is not None):
                txt = _unquoted(self.span_text(*owner))
                return txt, txt, "nonstate", None
        # (c) the nearest actor to the left in the sentence, not one introduced by a locative preposition; none
        # before a quoted subject of the count's own clause ("فيما تمركز «جهاز الردع» … بما يقارب ثلاثة آلاف مسلح")
        person = self._forces_of_person(q, lo)
        if person is not None:
            return person, person, "nonstate", None
        topic = self._topic_of_answer(q, lo)
        if topic is not None:
            a, kind = _actor_of(topic, ctx)
            if a is not None:
                return a, self.span_text(topic.start_tok, topic.end_tok), kind, topic
        quoted = self._quoted_subject(q, lo)
        for m in reversed(self.mentions):
            if m.end_tok > q.start_tok:
                continue
            if quoted is not None and m.end_tok <= quoted[0]:
                break
            if m.entity.kind not in (STATE, ALLIANCE, STATE_BODY, NONSTATE) or m.start_tok in self.borders or (
                    unit.of_them and m.demonym and not (m.start_tok > 0 and _mentions_personnel(self.toks[m.start_tok - 1].norm))):
                continue  # ("تحت ضغط سعودي متصاعد، بدأت تلك القوات بسحب عناصرها، إذ غادر نحو 1500 منهم": a
                # nationality before "منهم" qualifies something else than the men it counts)
            if self._in_apposition(m):
                continue  # "تنشر بوروندي، حليفة كينشاسا، نحو 10 آلاف جندي": the one the apposition describes
            if self._entered_by(m):
                continue  # "دخلت القوات السورية لبنان بقوة قوامها نحو 12 ألف جندي": the country entered
            if self._in_relative_aside(m, q):
                continue  # "«الفيلق الأفريقي» …، الذي ورث مهام مجموعة فاغنر، رفع عدد عناصره": the one it describes
            if m.demonym and self._describes_group(m):
                continue  # "مجموعة «فاغنر» الروسية ... وسحب عناصرها": the group's nationality, the group's men
            if (m.entity.kind == STATE and not m.demonym and m.start_tok > 0 and _in(self.toks[m.start_tok - 1], "receiving_verbs")
                    and not any(x.start_tok >= m.end_tok and x.end_tok <= q.start_tok and x.entity.kind in (STATE, PLACE)
                                and self._locative(x) for x in self.mentions)):
                # "وتستضيف الكويت العدد الأكبر بنحو 13500 جندي": the host, not the men's state (but "تستضيف الولايات
                # المتحدة في معسكر ليمونييه نحو 4 آلاف عسكري" keeps its own men at a base)
                continue
            head = m.start_tok - (2 if m.demonym else 1)  # "مع الحكومة الصومالية": past the noun a demonym qualifies
            if head >= 0 and self.toks[head].norm in _WITH and m.end_tok <= q.start_tok and any(
                    self.toks[j].norm in _THEIR_FORCES for j in range(max(lo, q.start_tok - 14), m.start_tok)):
                continue  # "ليرتفع عدد قواتها المشاركة … مع الجيش الكونغولي إلى قرابة ٥ آلاف": "its" forces, not the partner's
            if m.demonym and head >= 0 and self.toks[head].norm in (_TO, "الي") and self.owned_by_pronoun(q, unit, lo):
                continue  # "بتسليمها معسكر «جيل» إلى السلطات السنغالية، ومغادرة آخر دفعة من جنودها": who receives
            if head >= 0 and self.toks[head].norm in _WITH and any(
                    any(f.startswith(_AGREEMENT_STEMS) for f in strip_proclitics(t.norm))
                    for t in self.toks[max(0, head - 3):head]) and not (
                    m.end_tok < len(self.toks) and self.toks[m.end_tok].norm in _RELATIVE) and not (
                    m.end_tok + 1 < len(self.toks) and self.toks[m.end_tok].text in ("،", ",")
                    and self.toks[m.end_tok + 1].norm in _RELATIVE):
                # "بموجب بروتوكول التعاون الموقع مع الحكومة الصومالية": the partner of an agreement, not the men's
                # owner (not "عمليات مشتركة مع القوات الفرنسية البالغ عددها 5100 جندي": the men with whom; nor "اتفاق
                # مع روسيا التي نشرت نحو 3 آلاف جندي"، "بالتنسيق مع قوات حفتر، التي تقدر المصادر الغربية قوامها بنحو 70
                # ألف عنصر": the subject of the clause that describes it)
                continue
            if m.demonym and m.entity.kind == STATE and self._unnamed_base_of(m):
                # "القاعدة العسكرية الروسية 102 في مدينة غيومري تضم نحو 3 آلاف جندي": a base known only by its state's
                # adjective is that state's, and so are its men (not "قاعدة العديد القطرية": a named base's host)
                return m.entity.country, self.span_text(m.start_tok, m.end_tok), "state", m
            prev = self.toks[m.start_tok - 1].norm if m.start_tok > 0 else ""
            if m.entity.kind == STATE and prev in _lex()["leader_words"] and any(
                    x.end_tok < m.start_tok and x.entity.kind in (ALLIANCE, NONSTATE) for x in self.mentions):
                continue  # "قوات التحالف العربي بقيادة المملكة العربية السعودية بنحو ٥٠٠ عسكري": the force it leads owns them
            # "… في مصر، وأذربيجان بـ500 جندي": a state with its share after it contributes it, whatever list it ends
            # (not the last of several states that send it together: "نيجيريا والنيجر وتشاد بـ8700 جندي")
            share = (m.entity.kind == STATE and not m.demonym and m.start_tok > 0 and self.toks[m.start_tok - 1].text in ("،", ",")
                     and self._contributions()
                     and ((q.start_tok == m.end_tok and self.toks[q.start_tok].norm.startswith("ب")
                           and self.toks[q.start_tok].norm not in ("بين", "بما"))
                          or (q.start_tok == m.end_tok + 1 and self.toks[m.end_tok].norm == "ب")))
            if self._locative(m) and not share and not (m.entity.kind in (STATE_BODY, NONSTATE, ALLIANCE) and (
                    (prev == "من" and m.start_tok > 1 and any(  # "تجريدة جديدة من القوات المسلحة الملكية"
                        _in(t, "force_nouns") or any(f in _SENT_BATCHES for f in strip_proclitics(t.norm))
                        for t in self.toks[max(0, m.start_tok - 3):m.start_tok - 1]))  # "الدفعة الأولى من قوة …"
                    or (prev == "في" and q.start_tok - m.end_tok <= 2
                                     and all(t.norm[:1].isalpha() for t in self.toks[m.end_tok:q.start_tok])
                                     and not (m.entity.kind == ALLIANCE and self._state_subject_before(m))))):
                # "ويخدم في الجيش الإسرائيلي نحو 170 ألف جندي": a force the men are in is theirs; "بألوية من العمالقة
                # قوامها ٥ آلاف": a force's part is its own (only places are where men come from)
                continue
            if m.entity.kind == STATE and (self._qualifies_place(m) or self._region_adjective(m) or (
                    m.demonym and self._named_place_of(m) is not None) or (
                    # "مركز الدعم في مطار بغداد الدولي": a capital that names a base or a town
                    not m.demonym and m.start_tok > 0
                    and any(f in _PLACE_NOUNS | _BASE_NOUNS for f in strip_proclitics(self.toks[m.start_tok - 1].norm)))):
                # "في إقليم كردستان العراق"، "بمدينة لاريسا اليونانية"، "في البادية السورية": the state names whose
                # place it is
                continue
            if self._enemy(m) or _supported_by(self.toks, m) or _across_border(self.toks, m) or prev in _VIA:
                # "في مكافحة حركة الشباب", "المدعوم من تركيا", "على طول الحدود مع أفغانستان بنحو 5 آلاف جندي": whom
                # the men fight, who backs them, the country on the other side
                continue
            # (up to six words back with no comma between: "التي يقدّر تقرير لفريق الرصد التابع للأمم المتحدة")
            estimated_at = next((j for j in range(m.start_tok - 1, max(-1, m.start_tok - 7), -1)
                                 if any(f in _ESTIMATES for f in strip_proclitics(self.toks[j].norm))
                                 and all(t.norm[:1].isalpha() for t in self.toks[j:m.start_tok])), None)
            relative = estimated_at == m.start_tok - 1 and estimated_at > 0 and self.toks[estimated_at - 1].norm in _RELATIVE
            if (not m.demonym and estimated_at is not None and (relative or (estimated_at < m.start_tok - 1 and any(
                    _possessed_by_pronoun(t) for t in self.toks[m.end_tok:q.start_tok])))
                    and any(x.end_tok <= estimated_at and not x.demonym and (
                        x.entity.kind == NONSTATE or (relative and x.entity.kind in (STATE_BODY, ALLIANCE, STATE)))
                            for x in self.mentions)):
                # ... and "وتتصدر «كتائب حزب الله» …، ويقدّر معهد واشنطن … عدد مقاتليها": a body that estimates
                # a group's men (a state right after the verb estimates its own: "وتقدر بريطانيا عدد جنودها"; "تقدر
                # حكومة أوكرانيا عدد جنودها" after "الحرب مع روسيا" too)
                # "حركة طالبان باكستان، التي تقدر الأمم المتحدة عدد مقاتليها بما بين 6 آلاف و6500": who estimates
                # the men of the one a relative clause is about tells of another's
                source = source or m
                continue
            estimates_after = next((j for j in range(m.end_tok, min(q.start_tok, m.end_tok + 3))
                                    if any(f in _ESTIMATES for f in strip_proclitics(self.toks[j].norm))), None)
            if (not m.demonym and m.entity.kind == STATE and estimates_after is not None
                    and not self.toks[m.start_tok].norm.lstrip("و").startswith("ال")
                    and all(t.norm[:1].isalpha() for t in self.toks[m.end_tok:estimates_after])
                    # "his" men, which a state named without the article (feminine: أنقرة، تركيا) cannot own ("تقدر
                    # تركيا عدد جنودها" are its own)
                    and any(_possessed_by_pronoun(t) and t.norm.endswith("ه")
                            for t in self.toks[estimates_after:q.start_tok + 3])
                    and any(x.end_tok <= m.start_tok and lo <= x.start_tok and not x.demonym and x.entity.kind == NONSTATE
                            for x in self.mentions)):
                # "وكان حزب العمال الكردستاني قد أعلن …، إلا أن أنقرة ما زالت تقدّر عدد عناصره بنحو ألفي مسلح": a
                # state that estimates "its" men after a group is named tells of the group's
                source = source or m
                continue
            if (m.demonym or m.entity.kind == NONSTATE) and self._tells(m):  # ... and "مسؤولون أكراد"
                # "تشير تقديرات عراقية إلى أن قواتها ...": who tells the news owns the men only if no one else is
                # named before ("وفقا لمصدر أمني تشادي، تم نشر نحو ألف جندي")
                source = source or m
                continue
            if m.entity.kind == ALLIANCE and (prev in _WITHIN or self._joins(m) or (prev == "في" and any(
                    x.end_tok == m.start_tok - 1 and x.entity.kind == STATE for x in self.mentions))):
                # "نحو 1100 جندي ضمن البعثة"، "الوحدة الأردنية المتوجهة للمشاركة في بعثة الأمم المتحدة ..."، "إجمالي
                # المساهمة المصرية في البعثة": the mission they serve in, not the state that sends them
                continue
            proxy = self._proxy_of(m)
            if proxy is not None:
                return proxy, proxy, "nonstate", None  # "الفصائل المسلحة الموالية لإيران": the militias, not Iran
            described = (m.end_tok + 1 < q.start_tok and self.toks[m.end_tok].text in ("،", ",")
                         and self.toks[m.end_tok + 1].norm in _RELATIVE
                         and not any(t.text in _CLAUSE_OR_COMMA for t in self.toks[m.end_tok + 2:q.start_tok]))
            if m.start_tok in self.references and not described and (
                    q.start_tok - m.end_tok > (20 if self._pronoun_owned(unit) else 6)
                                                   or _has_preposition_clitic(self.toks[m.start_tok].norm)
                                                   or self.toks[m.start_tok].norm.startswith(("ل", "ب"))):
                # "وسلم الموصل للتنظيم": a group referred back to is the owner only as a near subject, as the one
                # "its" men are of ("أن الميليشيا استقدمت … آلية عسكرية …، ونقلت مئات من عناصرها"), or as the one a
                # relative clause describes ("الميليشيا، التي كان قوامها عند اندلاع الحرب … يزيد على 100 ألف")
                continue
            if m.entity.kind == STATE and self._listed_before(m) and not share:
                break  # "ستشارك فيها نيجيريا والنيجر وتشاد ... ستعد 8700 عنصر": several states' men, not one's
            a, kind = _actor_of(m, ctx)
            if a is None:
                continue
            return a, self.span_text(m.start_tok, m.end_tok), kind, m
        if route_start is not None:
            return route_start.entity.country, self.span_text(route_start.start_tok, route_start.end_tok), "state", route_start
        if source is not None:
            return source.entity.country, self.span_text(source.start_tok, source.end_tok), "state", source
        named = self._named_multinational(max(0, q.start_tok - 14), q.start_tok)
        if named:
            return named, named, "nonstate", None
        if quoted is not None:
            txt = _unquoted(self.span_text(*quoted))
            return txt, txt, "nonstate", None
        vague = next((m for m in self.mentions if m.generic and unit.start <= m.start_tok < max(unit.end, unit.start + 1)
                      and m.entity.kind == ALLIANCE), None)
        if vague is not None:  # "نحو 2500 من جنود حفظ السلام سيغادرون لبنان": peacekeepers no state is named for
            a, kind = _actor_of(vague, ctx)
            return a, self.span_text(vague.start_tok, vague.end_tok), kind, vague
        return None, None, None, None

    def _quoted_subject(self, q: Quantity, lo: int) -> tuple[int, int] | None:
        """A quoted name the tables do not know, right after a verb of the men's kind before the count, in its clause:
        "حشد «حلف قبائل حضرموت» بقيادة الشيخ عمرو بن حبريش مئات المسلحين"، "تمركز «جهاز الردع» في محيط المطار بما
        يقارب ثلاثة آلاف مسلح" (the subject, as Arabic puts it after the verb)."""
        toks, cues = self.toks, _lex()["kind_cues"]
        for k in range(q.start_tok - 2, max(lo, q.start_tok - 14) - 1, -1):
            if toks[k].text in _CLAUSE_OR_COMMA:
                return None
            if toks[k].text not in _OPENERS or k == 0 or not any(
                    f in cues or (f[:1] in ("ي", "ت") and f[1:] in cues) for f in strip_proclitics(toks[k - 1].norm)) or any(
                    f.startswith(_REPORTING_STEMS) for f in strip_proclitics(toks[k - 1].norm)):
                continue  # (not "ونقلت «ميدل إيست آي» عن مصادر"، "ونشرت «الغارديان» تقريرا": an outlet reports)
            close = next((c for c in range(k + 2, min(q.start_tok, k + 7)) if toks[c].text in QUOTES), None)
            if close is None or not all(t.norm[:1].isalpha() for t in toks[k + 1:close]) or any(
                    m.entity.kind not in (STATE, PLACE) and k < m.start_tok < close for m in self.mentions):
                return None  # (a place may be part of the name: "حلف قبائل حضرموت")
            clause = next((j for j in range(k - 2, max(-1, k - 8), -1) if toks[j].text in _CLAUSE_OR_COMMA), -1)
            if any(toks[j].norm in _THAT_IT for j in range(clause + 1, k - 1)) or any(
                    clause < m.start_tok and m.end_tok <= k - 1 and m.entity.kind in (STATE, ALLIANCE, STATE_BODY, NONSTATE)
                    and not self._locative(m) for m in self.mentions):
                return None  # "وأكدت واشنطن أنها عززت «قوة المهام المشتركة» بنحو 500 جندي": its subject came first
            return k + 1, close
        return None

    def _describes_group(self, m: Mention) -> bool:
        """Whether nationality adjective *m* follows a group or a mission it describes: "مجموعة «فاغنر» الروسية"
        (past a closing quote); not a state's body, whose adjective says whose it is ("جيش الاحتلال التركي")."""
        k = m.start_tok
        if k > 0 and self.toks[k - 1].text in QUOTES:
            k -= 1
        return any(x.end_tok in (k, m.start_tok) and x.entity.kind in (NONSTATE, ALLIANCE) and not x.demonym
                   for x in self.mentions)

    def comprised_by_sent_batch(self, q: Quantity, lo: int) -> bool:
        """Whether the count is what a batch of men named before comprises, referred back to by the article:
        "التعزيزات تضم قرابة 1200 مقاتل"، "تضم الدفعة الأولى نحو ٣٠٠"، "الأرتال ضمت ... آلاف المقاتلين"."""
        window = self.toks[max(lo, q.start_tok - 8):q.start_tok]
        return any(t.norm in _COMPRISE or t.norm.lstrip("و") in _COMPRISED for t in window) and any(
            t.norm.startswith("ال") and t.norm[2:] in _SENT_BATCHES for t in window)

    def owned_by_pronoun(self, q: Quantity, unit: _Unit, lo: int) -> bool:
        """Whether a personnel noun with a possessive pronoun is the count's unit ("500 من جنودها"), or stands a few
        words before it ("ويُقدَّر عدد جنودها هناك ... بما بين خمسة آلاف وعشرة آلاف جندي")."""
        return any(_possessed_by_pronoun(t)
                   for t in (*self.toks[max(lo, q.start_tok - 8):q.start_tok], *self.toks[unit.start:unit.end]))

    def sizes_a_unit_referred_back(self, q: Quantity, lo: int) -> bool:
        """Whether the count is the size of a unit named only by its bare noun: "ويبلغ عديد اللواء حالياً قرابة 500
        جندي"، "ويضم اللواء حالياً نحو 500 عسكري" (the brigade named before, whose owner is the subject of the sentence
        before)."""
        toks = self.toks
        for k in range(q.start_tok - 2, max(lo, q.start_tok - 7) - 1, -1):
            if not toks[k].norm[:1].isalpha():
                return False
            if toks[k + 1].norm in _REFERRED_UNITS and (
                    toks[k].norm.lstrip("و") in _NUMBER_OF or toks[k].norm.lstrip("و") in _SIZE_NOUNS
                    or toks[k].norm in _COMPRISE):
                return True
        return False

    def _demonym_after_quote(self, k: int) -> bool:
        """Whether the quoted name opened at *k* is followed by a nationality: "لواء «غولاني» الإسرائيلي"."""
        close = next((j for j in range(k + 1, min(len(self.toks), k + 8)) if self.toks[j].text in _OPENERS), None)
        m = self.mentions_at.get(close + 1) if close is not None else None
        return m is not None and m.demonym

    def _other_count_between(self, start: int, end: int) -> bool:
        """Whether a count of men ("نحو 600 عنصر"; not a year, "بحلول عام 2027"), not joined by و to the one before,
        begins between tokens *start* and *end*: a place after it is that count's."""
        # (nor a count the first is set beside: "نحو 5 آلاف جندي …، مقارنة بقرابة 1700 جندي ألماني يتمركزون حالياً في
        # ليتوانيا": the same men's place; nor a part of the first, "بينهم 50 مدربا"، "من أصل 2500", or the level it
        # reaches, "ليرتفع عدد جنودها إلى 3000 جندي في سوريا": only a count with a verb of its own between it and the
        # place, "محلّ نحو 600 عنصر عادوا إلى بلادهم")
        toks, cues = self.toks, _lex()["kind_cues"]
        return any((q := self.quantity_at.get(j)) is not None and not toks[j].norm.startswith("و")
                   and toks[j - 1].norm != "و" and toks[j - 1].norm not in _SET_BESIDE | _SUBSET | {_TO, "الي"}
                   and (toks[j - 2].norm, toks[j - 1].norm) != _OUT_OF
                   and q.end_tok < len(toks) and _mentions_personnel(toks[q.end_tok].norm)
                   and any(f in cues for t in toks[q.end_tok + 1:end] for f in strip_proclitics(t.norm))
                   for j in range(start, end))

    def _state_unit_before(self, q: Quantity) -> Mention | None:
        """The state whose force a phrase before the count names by its adjective: "الكتيبة الإسبانية"."""
        return next((m for m in reversed(self.mentions) if m.end_tok <= q.start_tok and m.demonym
                     and m.entity.kind == STATE and m.start_tok > 0 and _in(self.toks[m.start_tok - 1], "force_nouns")),
                    None)

    def _contributions(self) -> bool:
        """Whether the sentence is about states' contributions ("المساهمات المعلنة"، "تساهم"، "تعهدت")."""
        return any(f.startswith(_CONTRIBUTION_STEMS) for t in self.toks for f in strip_proclitics(t.norm))

    def names_a_place(self, start: int, end: int) -> bool:
        """Whether tokens *start*..*end* name a place or a base, and no casualties: the label of a list's item whose
        number counts men ("- قاعدة حرير في محافظة أربيل:"، not "- المدرعات:"، "- الجرحى:")."""
        toks = self.toks[start:end]
        return not any(_in(t, "casualty_cues") for t in toks) and (
            any(m.entity.kind in (STATE, PLACE) and start <= m.start_tok < end for m in self.mentions)
            or any(f in _PLACE_NOUNS | _BASE_NOUNS for t in toks for f in strip_proclitics(t.norm)))

    def men_of_the_mission(self, q: Quantity, lo: int) -> int | None:
        """Where a bare "البعثة" stands right after a noun of the men counted: "عدد جنود البعثة المنتشرين فعليًا …
        نحو 2700 جندي" (not "البعثة الأوروبية": named by its adjective)."""
        toks = self.toks
        for j in range(max(lo, q.start_tok - 14), q.start_tok - 1):
            if (toks[j + 1].norm == _THE_MISSION and _mentions_personnel(toks[j].norm) and (j + 1) not in self.inside_mentions
                    and not (j + 2 < len(toks) and _definite_word(toks[j + 2]) and not toks[j + 2].norm.endswith(("ين", "ون")))):
                return j + 1
        return None

    def the_force_referred_back(self, q: Quantity, lo: int) -> int | None:
        """Where "the force" stands, with no adjective or name after it, when the count is its size: "يبلغ عديد القوّة
        حاليّاً نحو 7500 جنديّ"، "تضمّ القوة حالياً نحو 10 آلاف جندي" (not "القوة الدولية": named by its adjective)."""
        toks = self.toks
        for k in range(q.start_tok - 2, max(lo, q.start_tok - 6) - 1, -1):
            if not toks[k].norm[:1].isalpha():
                return None
            word = toks[k].norm.lstrip("و")
            if toks[k + 1].norm == _THE_FORCE and not toks[k + 2].norm.startswith("ال") and (
                    word in _NUMBER_OF or word in _SIZE_NOUNS or toks[k].norm in _COMPRISE):
                if any(f == _A_FORCE for t in (*self.ctx.sentence_before(self.offset), *toks[:k])
                       for f in strip_proclitics(t.norm)):
                    # "أنشأ حزب الله قوة الرضوان. ويبلغ قوام القوة": the force this sentence or the one before names
                    return None
                return k + 1
        return None

    def _list_head(self, m: Mention) -> Mention:
        """The first member of the list of countries or places that *m* ends ("مالي" for "والنيجر")."""
        while (before := self._list_before(m)) is not None:
            m = before
        return m

    def _entered_by(self, m: Mention) -> bool:
        """Whether state *m* is the object of a verb of entering or invading whose subject is named right before it:
        "اجتاحت فيه إسرائيل لبنان صيف 1982 بنحو 60 ألف جندي" (Lebanon is where the men went)."""
        if m.entity.kind != STATE or m.demonym:
            return False
        subject = next((x for x in self.mentions if x.end_tok == m.start_tok and x.entity.kind in (STATE, STATE_BODY, NONSTATE)
                        and x.entity.country != m.entity.country), None)
        if subject is None:
            return False
        head = subject.start_tok
        if head > 0 and _in(self.toks[head - 1], "force_nouns"):
            head -= 1  # "القوات السورية"
        return head > 0 and self.toks[head - 1].norm.lstrip("و") in _ENTER_LEAVE or (
            head > 1 and self.toks[head - 2].norm.lstrip("و") in _ENTER_LEAVE and self.toks[head - 1].norm.startswith("في"))

    def _topic_of_answer(self, q: Quantity, lo: int) -> Mention | None:
        """The actor set up as a topic by "أما" whose answer clause (after "فـ") counts "its" men: "أما حزب الله،
        الذي يرفض …، فتقدّر أوساط غربية عديد مقاتليه بما بين 20 ألفا و25 ألفا" (not the estimator, nor a state the
        aside names)."""
        toks = self.toks
        for k in range(q.start_tok - 2, max(lo, q.start_tok - 40) - 1, -1):
            if toks[k].text in _CLAUSE_END:
                return None
            if toks[k].norm != "اما":
                continue
            m = self.mentions_at.get(k + 1) or (  # past a quotation mark: «أما "حزب الله"»
                self.mentions_at.get(k + 2) if k + 1 < len(toks) and not toks[k + 1].norm[:1].isalnum() else None)
            if m is None or m.demonym or m.entity.kind not in (STATE, STATE_BODY, NONSTATE, ALLIANCE):
                continue
            answer = next((j for j in range(m.end_tok, q.start_tok)
                           if toks[j].norm.startswith("ف") and toks[j - 1].text in ("،", ",")), None)
            if answer is not None and any(_possessed_by_pronoun(t) for t in toks[answer:q.start_tok + 3]):
                return m
            if m.end_tok < q.start_tok and toks[m.end_tok].norm.startswith("ف") and (
                    _lex()["kind_cues"].get(toks[m.end_tok].norm[1:]) or _sending(toks[m.end_tok].norm[1:])) and (
                    toks[m.end_tok].norm[1:] not in _lex()["receiving_verbs"]) and not any(
                    m.end_tok < x.start_tok < q.start_tok
                    and x.entity.kind in (STATE, STATE_BODY, NONSTATE, ALLIANCE) for x in self.mentions):
                # (nor "أما إستونيا فتستضيف مجموعة قتالية … يبلغ عدد الجنود البريطانيين فيها نحو 900": a host, and
                # the men's nationality named after it)
                # (not "أما العراق فتنشر فيه الولايات المتحدة نحو 2500 جندي": the subject after the verb)
                # "أما المملكة فتحتفظ، وفق ورقة صادرة عن مركز …، بنحو ٢٥٠٠ جندي": the topic is the subject of the
                # answer's verb of the men
                return m
            return None
        return None

    def _forces_of_person(self, q: Quantity, lo: int) -> str | None:
        """The words of a force named by a person the tables do not know ("قوات طارق صالح"، "قوات دبرصيون" after
        a name), as gold names other armed groups, when it is the nearest owner before the count *q*: "تنتشر قوات
        طارق صالح، المعروفة بالمقاومة الوطنية، بنحو 20 ألف مقاتل"."""
        toks, names = self.toks, _person_name_words()
        for k in range(q.start_tok - 2, max(lo, q.start_tok - 14) - 1, -1):
            if toks[k].text in _CLAUSE_END:
                return None
            if not (toks[k].norm.lstrip("و") in _PERSONS_FORCES and toks[k + 1].norm in names
                    and not toks[k + 1].norm.startswith("ال")):
                continue
            j = k + 1
            while j < q.start_tok and j - k <= 3 and toks[j].norm in names:
                j += 1
            if j - k < 3:
                return None  # a first name and a surname: one such word may be a common one ("قوات خارج السلطة")
            # (an aside right after the name may name it again: "، المعروفة بالمقاومة الوطنية،")
            aside_end = (next((c for c in range(j + 1, q.start_tok) if toks[c].text in ("،", ",")), j)
                         if toks[j].text in ("،", ",") else j)
            if any(x.start_tok < j and x.end_tok > k for x in self.mentions) or any(
                    aside_end <= x.start_tok < q.start_tok and not x.demonym
                    and x.entity.kind in (STATE, STATE_BODY, NONSTATE, ALLIANCE) for x in self.mentions):
                return None  # a name the tables know ("قوات خليفة حفتر"), or another owner nearer the count
            return self.span_text(k, j).removeprefix("و")
        return None

    def _pronoun_owned(self, unit: _Unit) -> bool:
        """Whether the men are someone's by a possessive pronoun: "مئات من عناصرها"، "جنوده"."""
        word = self.toks[unit.end - 1].norm if unit.end > unit.start else ""
        return word.endswith(("ها", "ه", "هم")) and _possessed_personnel(word)

    def _in_apposition(self, m: Mention) -> bool:
        """Whether *m* stands in a short phrase between commas that describes the actor named right before it:
        "بوروندي، حليفة كينشاسا،" (a relation noun opens it; not "، منها حزب الله"، "، إن ألمانيا")."""
        toks = self.toks
        start = next((k for k in range(m.start_tok - 1, max(-1, m.start_tok - 4), -1) if toks[k].text in ("،", ",")), None)
        end = next((k for k in range(m.end_tok, min(len(toks), m.end_tok + 3)) if toks[k].text in ("،", ",")), None)
        if start is None or end is None or start + 1 >= m.start_tok:
            return False
        if toks[start + 1].norm not in _RELATION_NOUNS:
            return False
        described = next((x for x in self.mentions if x.end_tok == start), None)
        return described is not None and described.entity.kind in (STATE, ALLIANCE, STATE_BODY, NONSTATE) and not described.demonym

    def _in_relative_aside(self, m: Mention, q: Quantity) -> bool:
        """Whether *m* stands in a relative clause between commas, closed before the count *q*, that describes an
        actor named just before it: "«الفيلق الأفريقي» التابع لوزارة الدفاع الروسية، الذي ورث مهام مجموعة فاغنر، رفع
        عدد عناصره في ليبيا إلى نحو 2500 عنصر"."""
        toks = self.toks
        opener = next((k for k in range(m.start_tok - 1, max(-1, m.start_tok - 8), -1) if toks[k].text in ("،", ",")), None)
        if opener is None or toks[opener + 1].norm not in _RELATIVE:
            return False
        if not any(toks[k].text in ("،", ",") for k in range(m.end_tok, q.start_tok)):
            return False
        # ... a force ("«الفيلق الأفريقي» التابع لوزارة الدفاع الروسية"), not a country the clause tells of ("وزار
        # الرئيس الكويت، التي تنتشر فيها القوات الأمريكية، حيث يتمركز نحو 13 ألف جندي")
        # (past a place it is in: "قوة الاستقرار الدولية في قطاع غزة، التي أقرها مجلس الأمن")
        x = next((x for x in reversed(self.mentions) if x.end_tok <= opener and not (
            x.entity.kind in (STATE, PLACE) and not x.demonym and self._locative(x))), None)
        return (x is not None and opener - x.end_tok <= 5
                and (x.entity.kind in (ALLIANCE, STATE_BODY, NONSTATE) or x.demonym))

    def _state_subject_before(self, m: Mention) -> bool:
        """Whether a state is named before *m* in its clause, not after a preposition: "وتحتفظ أوغندا بأكبر وحدة في
        البعثة تقدر بنحو 4500 جندي" (Uganda's men, in the mission)."""
        for x in reversed(self.mentions):
            if x.end_tok > m.start_tok or x is m:
                continue
            if any(t.text in _CLAUSE_OR_COMMA for t in self.toks[x.end_tok:m.start_tok]):
                return False
            if x.entity.kind == STATE and not x.demonym and not self._locative(x):
                return True
        return False

    def _comprised_by(self, m: Mention) -> bool:
        """Whether *m* is the subject of "تضم/يضم" right before it ("وتضم «كفور» حالياً نحو 4600 جندي")."""
        k = m.start_tok - 1
        while k >= 0 and self.toks[k].text in _OPENERS:
            k -= 1
        return k >= 0 and any(f in _COMPRISE for f in strip_proclitics(self.toks[k].norm))

    def _joins(self, m: Mention) -> bool:
        """Whether *m* is what men go to take part in: "للمشاركة في بعثة الأمم المتحدة ... (مينوسكا)"."""
        toks = self.toks
        for k in range(m.start_tok - 1, max(0, m.start_tok - 14), -1):
            if toks[k].text in _CLAUSE_OR_COMMA:
                return False
            if toks[k].norm == "في" and any(f in _TAKE_PART for f in strip_proclitics(toks[k - 1].norm)):
                return True
        return False

    def _tells(self, m: Mention) -> bool:
        """Whether nationality *m* qualifies a source of the news: a source noun, then up to two adjectives."""
        k = m.start_tok - 1
        while k >= 0 and m.start_tok - k <= 3 and self.toks[k].norm in _SOURCE_ADJECTIVES:
            k -= 1
        return k >= 0 and any(f in _SOURCES for f in strip_proclitics(self.toks[k].norm))

    def _qualifies_place(self, m: Mention) -> bool:
        """Whether state *m* follows a place of its own right after it, naming whose place it is."""
        before = [p for p in self.mentions if p.end_tok == m.start_tok and p.entity.kind == PLACE]
        return bool(before) and before[0].entity.country == m.entity.country and self._locative(before[0])

    def _proxy_of(self, m: Mention) -> str | None:
        """The words of a group loyal to state *m* ("الفصائل المسلحة الموالية لإيران"), or None if *m* is not the
        object of such loyalty; the group's own name is the actor, as the gold rules name other armed groups."""
        toks = self.toks
        k = m.start_tok - 1
        if m.demonym and k > 1 and toks[k].norm.startswith("لل") and toks[k - 1].norm in _LOYAL:
            k -= 1  # "الموالية للاحتلال الإماراتي": loyal to a state named by its adjective
        if m.entity.kind != STATE or k < 1 or toks[k].norm not in _LOYAL:
            return None
        if toks[k - 1].text in QUOTES:
            # "ميليشيا ما يسمى «المجلس الانتقالي» الموالية للاحتلال الإماراتي": the group by the name it goes by
            opener = next((j for j in range(k - 2, max(0, k - 8), -1) if toks[j].text in _OPENERS), None)
            if opener is not None and opener > 1 and self._after_so_called(opener - 2) == opener + 1:
                return _unquoted(self.span_text(opener + 1, k - 1))
        start = k
        while start > max(0, k - 3) and not _in(toks[start - 1], "personnel_strong") and (
                _definite_word(toks[start - 1]) or _in(toks[start - 1], "armed_group_nouns")
                or ((d := self.mentions_at.get(start - 1)) is not None and d.entity.kind == STATE)):  # "سورية" reads as both
            start -= 1
            if not _definite_word(toks[start]) and start not in self.mentions_at:
                break  # "فصائل موالية لإيران": an indefinite group noun opens the phrase ("فصائل سورية موالية لأنقرة")
        # only an armed group ("الفصائل"، "الميليشيات"، "القوات"), not "الصحف الموالية لروسيا"
        if start < k and (_in(toks[start], "armed_group_nouns") or _in(toks[start], "force_nouns")):
            return self.span_text(start, m.end_tok)
        return None

    def comprises_force(self, q: Quantity, actor_kind: str | None) -> bool:
        """Whether "يضم/تضم" just before the count gives the size of an army or an armed group (strength), not the
        men a coalition or a mission has in a place ("ويضم التحالف حالياً نحو 2500 عسكري أمريكي": presence)."""
        toks = self.toks
        for k in range(q.start_tok - 1, max(-1, q.start_tok - 7), -1):
            if toks[k].text in _CLAUSE_OR_COMMA:
                return False
            if toks[k].norm in _COMPRISE:
                # the subject of تضم: the words after it, or the few just before it ("الهيئة التي كانت تضم"، "الجيش
                # السوداني يضم حاليا")
                before = list(itertools.takewhile(lambda j: toks[j].text not in _CLAUSE_OR_COMMA and toks[j].norm not in _THAT,
                                                  range(k - 1, max(-1, k - 5), -1)))
                subject = [*range(k + 1, q.start_tok), *before]
                if any(toks[j].norm in _THERE for j in subject) or any(
                        (m.start_tok in subject or (q.end_tok <= m.start_tok <= q.end_tok + 5 and m.entity.country))
                        and m.entity.kind in (STATE, PLACE)
                        and not m.demonym and self._locative(m) for m in self.mentions):
                    # "قواتها هناك تضم ما يصل إلى 10 آلاف عسكري"، "ويضم اللواء حالياً نحو 500 جندي في مقر قيادته
                    # بفيلنيوس": how many are in a place (not "في صفوفه")
                    return False
                return any(_an_army(f) for j in subject for f in strip_proclitics(toks[j].norm)) or actor_kind == "nonstate"
        return False

    def states_a_size(self, q: Quantity, lo: int, hi: int) -> bool:
        """Whether the clause gives a force's size rather than a count of men somewhere: an army or its units, its
        reserves or armed forces as a whole, or what someone has ("يملك"، "لديها")."""
        left, right = self._own_clause(q.start_tok, q.end_tok, max(lo, q.start_tok - 12), min(hi, q.end_tok + 6))
        return any(_an_army(f) or f in _HAS or f in _HAVE or f.startswith(_WHOLE_FORCE)
                   for t in self.toks[left:right] for f in strip_proclitics(t.norm))

    def elliptic_unit(self, q: Quantity, prev_unit: _Unit, prev_q: Quantity | None = None) -> _Unit | None:
        """The unit a bare count takes over from the count before it ("و900 في سورية", "ونحو 7 آلاف آخرين"), or
        None when it counts something else ("و177 دبابة") or is no count of men ("عامي 2023 و2024")."""
        toks = self.toks
        # "، فيما يتمركز أكثر من 10 آلاف في قاعدة العديد": a clause whose verb is of the men's kind, right before the
        # count, takes the men over a longer list of places
        men_verb = q.start_tok >= 2 and any(f in _STANDING for f in strip_proclitics(toks[q.start_tok - 1].norm))
        # "بعد أن ظلت واشنطن تعلن طوال سنوات عن وجود 900 فقط": a noun of the men's kind right before the count
        men_noun = q.start_tok >= 2 and any(f in _PRESENCE_NOUNS | _SENDING_NOUNS for f in strip_proclitics(toks[q.start_tok - 1].norm))
        if men_noun and q.end_tok + 1 < len(toks) and toks[q.end_tok].norm == "من" and not _mentions_personnel(
                toks[q.end_tok + 1].norm):
            men_noun = False  # "عن وجود 10 من منظومات إسكندر": a count of something else
        men_word = men_verb or men_noun
        if q.start_tok - prev_unit.end > (20 if q.start_tok >= 2 and (tuple(
                t.norm for t in toks[q.start_tok - 2:q.start_tok]) in _SET_BESIDE_2 or toks[q.start_tok - 1].norm == _TO
                or men_word) else 12):
            return None  # "… موزعين على قواعد في قطر والبحرين والكويت والسعودية والأردن، فضلاً عن نحو 2500 في العراق"
        # "و900 في سورية"; "وسحبت 900 من سوريا": a verb joined by و shares the unit of the count before;
        # "ونحو 900 في بعثة مونوسكو": the و on the qualifier; "، وفرنسا بنحو 700": on the state whose men they are
        before = toks[q.start_tok - 1].norm if q.start_tok > 0 else ""
        state_before = self.mentions_at.get(q.start_tok - 1)
        two_before = tuple(t.norm for t in toks[max(0, q.start_tok - 2):q.start_tok])
        joined = q.start_tok > 0 and (before in _LIST_GOES_ON or (before.startswith("و") and before[1:] in _lex()["kind_cues"])
                                      # "… إلى ما بين 900 و1000 عسكري، بعد أن بلغ عددهم نحو 1700": their number
                                      or men_word or (before in _THEIR_NUMBER and before.endswith("هم") and all(
                                          t.norm in _THEIR_NUMBER_LEAD or not t.norm[:1].isalpha()
                                          for t in toks[prev_unit.end:q.start_tok - 1]))
                                      # "مقابل نحو 120 ألفا في صفوف ..."، "إلى جانب 65 ألفا في الاحتياط"
                                      or before in _SET_BESIDE or two_before in _SET_BESIDE_2
                                      # "بنحو 1700 جندي في عمليات حفظ السلام: 775 في إفريقيا الوسطى، و930 في …":
                                      # a colon opens the count's breakdown
                                      or before == ":"
                                      or (toks[q.start_tok].norm.startswith("و") and q.qualifier is not None)
                                      or (state_before is not None and state_before.entity.kind == STATE
                                          and before.startswith("و") and not state_before.demonym)
                                      or self._count_after_state(q))
        if not joined and q.start_tok - prev_unit.end <= 16:
            between = range(prev_unit.end, q.start_tok)
            # "وفي الكويت أكثر من 13 ألفاً": the place, joined by و, then the count; "فيما ينتشر في البحرين، حيث
            # مقر الأسطول الخامس، قرابة تسعة آلاف": a verb of the men's kind and a place, then the count
            place = next((m for m in reversed(self.mentions) if m.start_tok in between and m.entity.kind in (STATE, PLACE)
                          and not m.demonym), None)  # the place nearest the count
            joined = place is not None and (
                (toks[place.start_tok - 1].norm in _AND_IN and place.end_tok + 3 >= q.start_tok)
                or any(f[:1] in ("ي", "ت") and f in _lex()["kind_cues"]
                       for t in toks[prev_unit.end:place.start_tok] for f in strip_proclitics(t.norm)))
        if (q.count is not None and 1900 <= q.count <= 2100 and q.qualifier is None and len(toks[q.end_tok - 1].norm) == 4
                and any(f in _YEAR_WORDS or f.startswith(("عامي", "سنتي")) for t in toks[max(0, q.start_tok - 4):q.start_tok]
                        for f in strip_proclitics(t.norm))):
            joined = False  # "خلال عامي 2023 و2024": a year, not more men (but "في العراق و2000 في سوريا" are men)
        after = toks[q.end_tok].norm if q.end_tok < len(toks) else ""
        ellipsis = after in _lex()["ellipsis_words"]
        # "و900 في سورية", "و200 بريطاني" carry the unit over; "و177 دبابة" counts something else
        free = (after == "" or after in _PREPS or after in _lex()["locatives"] or not after[:1].isalpha()
                or ellipsis or gazetteer().demonym(after) is not None or after in _SPREAD or after in _NOW
                or (after == "و" and q.end_tok + 1 < len(toks) and toks[q.end_tok + 1].norm[:1].isdigit())  # "1500 و1400 جندي"
                # "بلغ عددهم نحو 1700 خلال العامين الماضيين"، "إلى قرابة 2500 عنصر، مقارنة بنحو 1800 مطلع العام"
                or ((before in _THEIR_NUMBER or (before in _SET_BESIDE and not any(
                    j in self.quantity_starts for j in range(prev_unit.end, q.start_tok)))) and after in _TIME_OPENERS)
                or after in _ONLY  # "عن وجود 900 فقط"
                or (after in _WERE and q.end_tok + 1 < len(toks) and (  # "مقارنة بنحو 1700 كانوا منتشرين في قواعد عدة"
                    toks[q.end_tok + 1].norm in _THERE or toks[q.end_tok + 1].norm == "في"
                    or _lex()["kind_cues"].get(toks[q.end_tok + 1].norm) == "presence")))
        reaches = two_before[-1:] == (_TO,) and (
            two_before[0] in _THE_NUMBER or two_before[0].lstrip("و") in _CHANGE_IT
            or _number_reaches(toks, max(prev_unit.end, q.start_tok - 6), q.start_tok - 1)
            # "من نحو 2000 جندي إلى أقل من ألف"، "سينخفض من نحو 2500 إلى أقل من 2000": from one level to another
            or (q.start_tok - 1 - prev_unit.end <= 1 and any(t.norm == "من" for t in toks[max(0, prev_unit.start - 4):prev_unit.start]))
            or (prev_q is not None and prev_q.end_tok == q.start_tok - 1 and prev_q.start_tok > 0
                and toks[prev_q.start_tok - 1].norm == "من"))
        if reaches and (
                free or after in _TIME_OPENERS) and not any(
                _in(t, "casualty_cues") or _in(t, "people_nouns")
                # from the last comma: "لتعويض خسائرها، ليصل مجموع من أرسلتهم إلى" (not "قتل مدنيون وارتفع عددهم إلى 40")
                for t in toks[max((k for k in range(prev_unit.end, q.start_tok) if toks[k].text in ("،", ",")),
                                  default=prev_unit.end):q.start_tok]):
            # "، على أن يرتفع العدد إلى 10 آلاف بحلول نهاية العام": the same men, the number they are to reach
            return _Unit(q.start_tok - 2, q.end_tok, new_total=True)
        if (joined and free) or ellipsis:
            return _Unit(q.end_tok, q.end_tok + (1 if ellipsis else 0))
        return None

    def respective_owners(self, q: Quantity, quantities: Sequence[Quantity]) -> tuple[Mention, list[Mention]] | None:
        """The state whose count *q* is, when "على التوالي" pairs a list of states with a list of counts in order
        ("ثم جيبوتي وكينيا بنحو 1500 و1400 جندي على التوالي"), with the whole list. None otherwise."""
        toks = self.toks
        marker = next((k for k in range(q.end_tok, min(len(toks) - 1, q.end_tok + 6)) if toks[k].norm == _ON
                       and toks[k + 1].norm == _IN_TURN), None)
        if marker is None or any(t.text in _CLAUSE_OR_COMMA for t in toks[q.end_tok:marker]):
            return None
        boundary = max((k for k in range(q.start_tok) if toks[k].text in _CLAUSE_OR_COMMA), default=-1)
        run = [x for x in quantities if x.start_tok > boundary and x.end_tok <= marker and not (
            x.count is not None and 1900 <= x.count <= 2100) and not self.in_date(x)]
        states = [m for m in self.mentions if boundary < m.start_tok and m.end_tok <= run[0].start_tok
                  and m.entity.kind == STATE and not m.demonym]
        return (states[run.index(q)], states) if q in run and len(states) == len(run) > 1 else None

    def in_date(self, q: Quantity) -> bool:
        """Whether *q* lies inside a phrase of time ("حتى أيلول 2026"): a year or a day, not a count."""
        return any(span.start_tok <= q.start_tok and q.end_tok <= span.end_tok for span in self.times)

    def _count_after_state(self, q: Quantity) -> Mention | None:
        """Whether a bare count comes right after a state's name, in brackets or after ب, as lists of contributors
        give them: "تليها إيطاليا (1070) والهند (900)"، "تليها إثيوبيا بـ2500"، "ثم جيبوتي وكينيا بنحو 1500"."""
        toks, k = self.toks, q.start_tok
        if (k >= 2 and toks[k - 1].text == "(" and q.end_tok < len(toks) and toks[q.end_tok].text == ")") or (
                k >= 1 and toks[k - 1].norm == "ب"):
            end = k - 1
        elif toks[k].norm.startswith("ب") and q.qualifier is not None:
            end = k  # "بنحو 1500": the qualifier carries the ب
        else:
            return None
        named = next((m for m in self.mentions if m.end_tok == end), None)
        if named is None or named.entity.kind != STATE:
            return None
        # a nationality alone after a word of order is a contributor's unit: "تليها الإيطالية ب800"
        return named if not named.demonym or (named.start_tok > 0 and toks[named.start_tok - 1].norm in _FOLLOWED_BY) else None

    def evidence_span(self, q: Quantity, unit: _Unit, actor_m: Mention | None, loc_m: Mention | None) -> tuple[int, int]:
        """Tokens [start, end) of a fact's evidence: the count and its unit, with the actor and the place where they
        stand close to it."""
        toks = self.toks
        start = q.start_tok
        if actor_m is not None and actor_m.end_tok <= q.start_tok and q.start_tok - actor_m.end_tok <= 4:
            start = actor_m.start_tok  # the subject just before: "وتنشر الولايات المتحدة نحو 2500 جندي"
        if loc_m is not None and loc_m.end_tok <= q.start_tok and q.start_tok - loc_m.end_tok <= 4:
            start = min(start, loc_m.start_tok)  # "في قاعدة العديد القطرية نحو 10 آلاف عسكري أمريكي"
        if unit.end > unit.start and unit.start < start and q.start_tok - unit.start <= 12:
            start = unit.start  # "عدد جنودها في منطقة الساحل من 5100": the personnel word before the count
        end = max(unit.end, q.end_tok)
        if start > 0 and toks[start - 1].text in _BRACKET_PAIRS and any(
                t.text == _BRACKET_PAIRS[toks[start - 1].text] for t in toks[start:end]):
            start -= 1  # "(يونيفيل) التي تضم ...": both brackets, not a dangling closing one
        if actor_m is not None and actor_m.start_tok >= end and actor_m.end_tok - end <= 6:
            end = actor_m.end_tok
        if loc_m is not None and loc_m.start_tok >= end and loc_m.end_tok - end <= 6:
            end = loc_m.end_tok
        return start, end

    def each_of_list(self, m: Mention, tail: int) -> tuple[list[Mention], int] | None:
        """The places of the list that *m* opens, each in its own country, when "في كل منهما/منها" (in each of
        them) follows the count ending at *tail*; with the end of the words to quote. None otherwise."""
        toks = self.toks
        for k in range(tail, min(len(toks) - 1, tail + 3)):
            if any(f == "كل" for f in strip_proclitics(toks[k].norm)) and toks[k + 1].norm in _EACH_OF_THEM:
                members = self._list_members(m)
                countries = {x.entity.country for x in members}
                return (members, k + 2) if len(countries) == len(members) > 1 and None not in countries else None
        return None

    def _list_members(self, m: Mention) -> list[Mention]:
        """*m* and the places named after it in the list it opens ("في إستونيا ولاتفيا وليتوانيا")."""
        members = [m]
        while (nxt := self._list_after(members[-1])) is not None and not nxt.demonym:
            members.append(nxt)
        return members

    def each_owner(self, q: Quantity) -> list[Mention] | None:
        """The states of the list that "كل من" opens right before the count *q* ("تعهدت كل من كينيا ومصر بأكثر من
        ألف جندي"): each of them sends that many. None when no such list comes before it."""
        toks = self.toks
        for k in range(max(0, q.start_tok - 12), q.start_tok - 2):
            m = self.mentions_at.get(k + 2)
            if (toks[k].norm.lstrip("و") != "كل" or toks[k + 1].norm != "من" or m is None
                    or m.entity.kind != STATE or m.demonym):
                continue
            members = self._states_listed(m)
            if members is None:
                # "يتصدر المساهمين بالجنود كل من إندونيسيا بنحو 1230 جنديا، وإيطاليا (1050)": a list of states,
                # each with its own count, the first one's right after it
                if q.start_tok == m.end_tok and toks[q.start_tok].norm.startswith("ب") and self._list_after(m) is None:
                    return [m]
                continue
            # the count joined to the list by ب: "تشارك كل من ... بـ"; not a total ("التي ستشارك فيها كل من نيجيريا
            # ... وبنين، من 8700 عنصر بالإجمال") nor a verb's object ("كل من فرنسا وألمانيا بإرسال 500 جندي": both together?)
            gap = q.start_tok - members[-1].end_tok  # "بأكثر من ألف"، or "بـ" "700" as two tokens
            if (gap == 0 and toks[q.start_tok].norm.startswith("ب")) or (gap == 1 and toks[q.start_tok - 1].norm == "ب"):
                return members
        return None

    def formations_each(self, q: Quantity, quantities: Sequence[Quantity]) -> tuple[int, int] | None:
        """(how many, where they are named) when the count *q* is the size of each of several formations named just
        before it: "بلواءين من قوات العمل الخاص، قوام كل منهما نحو 800 جندي" (two), "ثلاث كتائب قوام كل منها 500
        عنصر" (three); None otherwise."""
        toks = self.toks
        each = next((k for k in range(max(1, q.start_tok - 3), q.start_tok - 1)
                     if toks[k].norm.lstrip("و") == "كل" and toks[k + 1].norm in _EACH_OF_THEM
                     # the size of each: "قوام كل منهما"، "تضم كل منها" (not "وأرسلت تركيا وقطر كل منهما 500 جندي")
                     and (toks[k - 1].norm.lstrip("و") in _SIZE_OF or toks[k - 1].norm in _COMPRISE)), None)
        if each is None:
            return None
        dual = toks[each + 1].norm == norm("منهما")
        for k in range(each - 1, max(-1, each - 9), -1):
            if toks[k].text in _CLAUSE_END:
                return None
            forms = strip_proclitics(toks[k].norm)
            if any(f in _FORMATION_DUALS for f in forms):
                return (2, k) if dual else None
            if any(f in _FORMATION_PLURALS for f in forms) and not dual:
                n = next((q2 for q2 in quantities if q2.end_tok == k and q2.count is not None), None)
                return (n.count, n.start_tok) if n is not None and 2 <= n.count <= 20 else None
        return None

    def owners_after(self, tail: int, q: Quantity | None = None) -> list[Mention] | None:
        """The states of the list that "لكل من" opens right after a count ending at *tail* ("ونحو 200 جندي لكل من
        تنزانيا ومالاوي"), or that "لكل منها" after it refers back to, right before the count *q* ("ثم الهند وغانا
        ونيبال بما بين 850 و900 جندي لكلّ منها"): each of them has that many. None otherwise."""
        toks = self.toks
        if (q is not None and tail + 1 < len(toks) and toks[tail].norm.lstrip("و") == "لكل"
                and toks[tail + 1].norm in _EACH_OF_THEM):
            last = next((m for m in reversed(self.mentions) if q.start_tok - 3 <= m.end_tok <= q.start_tok), None)
            if last is None:
                # "وستساهم بريطانيا وفرنسا بالعدد الأكبر، بما بين ٣ آلاف و٥ آلاف جندي لكل منهما": the states named
                # a few words before, in the same clause
                last = next((m for m in reversed(self.mentions) if q.start_tok - 8 <= m.end_tok <= q.start_tok
                             and not any(t.text in _CLAUSE_END for t in toks[m.end_tok:q.start_tok])), None)
                if last is not None and self._locative(self._list_head(last)):
                    return None  # "وتنشر فرنسا في مالي والنيجر كتيبتين … بنحو 700 جندي لكل منهما": places, not owners
            if last is None or last.entity.kind != STATE or last.demonym:
                # "تقليص الوحدتين الإيطالية في شمع والإسبانية في مرجعيون بنحو 150 عنصراً لكلّ منهما": two units named
                # by their states' adjectives
                # (the last two: "تليها الإيطالية ب800، ثمّ الإسبانية والغانية بنحو 500 جنديّ لكلّ منهما")
                pair = [m for m in self.mentions if m.demonym and m.entity.kind == STATE
                        and q.start_tok - 12 <= m.start_tok and m.end_tok <= q.start_tok][-2:]
                if (toks[tail + 1].norm == norm("منهما") and len(pair) == 2 and pair[0].entity != pair[1].entity
                        and toks[pair[1].start_tok].norm.startswith("و")
                        and not any(t.text in _CLAUSE_OR_COMMA for t in toks[pair[0].start_tok:q.start_tok])):
                    return pair
                return None
            while (before := self._list_before(last)) is not None:
                last = before
            return self._states_listed(last)
        m = self.mentions_at.get(tail + 2)
        if (tail + 2 >= len(toks) or toks[tail].norm.lstrip("و") != "لكل" or toks[tail + 1].norm != "من" or m is None
                or m.entity.kind != STATE or m.demonym):
            return None
        return self._states_listed(m)

    def _states_listed(self, m: Mention) -> list[Mention] | None:
        """The states of the list *m* opens, when it is a list of two or more states; None otherwise."""
        members = self._list_members(m)
        return members if len(members) > 1 and all(x.entity.kind == STATE for x in members) else None

    def _list_before(self, m: Mention) -> Mention | None:
        """The country or place named (not as an adjective) that *m* continues in a list: "سوريا" for "والعراق"
        in "سوريا والعراق" or "سوريا، والعراق"."""
        k = m.start_tok
        if k == 0 or not self.toks[k].norm.startswith("و"):
            return None
        if self.toks[k - 1].text in ("،", ",") and m.end_tok < len(self.toks) and (
                _lex()["kind_cues"].get(self.toks[m.end_tok].norm) is not None):
            return None  # "أغلقت آخر قواعدها في النيجر وتشاد، والولايات المتحدة سحبت": a new clause's subject
        j = k - 1 if self.toks[k - 1].text not in ("،", ",") else k - 2
        return next((p for p in self.mentions if p.end_tok == j + 1 and p.entity.kind in (STATE, PLACE)
                     and not p.demonym), None)

    def _list_after(self, m: Mention) -> Mention | None:
        """The country or place that follows *m* in a list ("من نيجيريا وتشاد", "من نيجيريا، وتشاد")."""
        k = m.end_tok
        if k < len(self.toks) and self.toks[k].text in ("،", ","):
            k += 1
        nxt = self.mentions_at.get(k)
        if nxt is not None and nxt.entity.kind in (STATE, PLACE) and self.toks[k].norm.startswith("و"):
            return nxt
        return None

    def _locative(self, m: Mention) -> bool:
        """Whether a locative preposition introduces *m*, or the list *m* continues ("في سوريا والعراق")."""
        if _preceded_by_locative(self.toks, m):
            return True
        if (adjective := self._adjective_before(m)) is not None:
            return self._locative(adjective)
        before = self._list_before(m)
        return before is not None and self._locative(before)

    def _own_official_before(self, country: str, k: int) -> bool:
        """Whether an official of *country*, named by its adjective, tells what comes before token *k* ("أعلن وزير
        الدفاع الفنزويلي")."""
        return any(m.end_tok <= k and m.entity.country == country and self._names_an_official(m) and any(
            _verb_form(t.norm, _TELLING) for t in self.toks[max(0, m.start_tok - 5):m.start_tok]) for m in self.mentions)

    def _names_an_official(self, m: Mention) -> bool:
        """Whether the nationality adjective *m* names an official's country: "وزير الدفاع الفرنسي"، "مسؤول تركي"."""
        return m.demonym and any(_in(self.toks[j], "leader_words") or self.toks[j].norm in _TITLES
                                 for j in range(max(0, m.start_tok - 3), m.start_tok))

    def _adjective_before(self, m: Mention) -> Mention | None:
        """The nationality adjective right before the adjective *m* that qualifies the same noun: "على الحدود
        العراقية السورية"."""
        if not (m.demonym or self.toks[m.start_tok].norm.startswith("ال")):
            return None
        return next((x for x in self.mentions if x.end_tok == m.start_tok and x.demonym), None)

    def _place_of(self, m: Mention, home: str | None) -> tuple[str | None, str, Mention]:
        """:meth:`_place_list`, except that men "على الحدود مع لبنان" stand on their own side: their *home*."""
        country, text, m = self._place_list(m)
        k = m.start_tok - 1
        if not _across_border(self.toks, m, reach=3):
            return country, text, m
        if home is None and self.ctx.main_country not in (None, country):
            home = self.ctx.main_country  # men of no one named, on the near side: the article's country's
        listed = {x.entity.country for x in self._list_members(m)}  # "الحدودي مع مالي والنيجر": one border
        others = {x.entity.country for x in self.mentions if x.entity.kind in (STATE, PLACE) and not x.demonym
                  and x.entity.country} - {country, home} - listed
        side = self._place_where_refers_to(m)
        if side is not None and side.entity.country != country:
            # "وفي توغو المجاورة، … حيث ينتشر نحو ألفي جندي على طول الحدود مع بوركينا فاسو": the men stand on the
            # side of the place "حيث" refers to
            return side.entity.country, self.span_text(max(0, k - 1), m.end_tok), m
        if home is not None and country != home and not others:
            # (not "على الحدود مع سوريا في قاعدة البرج 22 بالأردن": the sentence names where they are)
            return home, self.span_text(max(0, k - 1), m.end_tok), m
        return country, text, m

    def _beyond_border(self, m: Mention) -> bool:
        """Whether *m* names a country across a border, alone or in a list: "الحدودي مع الأردن والعراق"."""
        while self.toks[m.start_tok].norm.startswith("و"):
            before = next((x for x in self.mentions if x.end_tok == m.start_tok), None)
            if before is None:
                break
            m = before
        return _across_border(self.toks, m, reach=3)

    def _place_where_refers_to(self, m: Mention) -> Mention | None:
        """The place named with a locative before a "حيث" that stands before *m* in the sentence: "وفي توغو …،
        حيث"."""
        toks = self.toks
        where = next((j for j in range(m.start_tok - 1, -1, -1) if toks[j].norm.lstrip("و") == _WHERE), None)
        if where is None or where == 0 or toks[where - 1].text not in ("،", ",") or where + 1 >= len(toks) or (
                _lex()["kind_cues"].get(toks[where + 1].norm) not in ("presence", "deployment")):
            return None  # (not "وفي القاهرة، حيث التقى الوزيران، أعلن الجانبان نشر": where they met)
        return next((x for x in reversed(self.mentions) if x.end_tok < where and x.entity.kind in (STATE, PLACE)
                     and not x.demonym and x.entity.country and self._locative(x)), None)

    def _place_list(self, m: Mention) -> tuple[str | None, str, Mention]:
        """The place *m* names, with the rest of a list it opens: "في إستونيا وبولندا" is in no one country (the
        gold rule for "دول البلطيق"), where "في الموصل وكركوك" is in Iraq."""
        members = self._list_members(m)
        country = m.entity.country if len({x.entity.country for x in members}) == 1 else None
        return country, self.span_text(m.start_tok, members[-1].end_tok), m

    def _named_place_of(self, m: Mention, actor: str | None = None) -> int | None:
        """Where the place starts whose country nationality adjective *m* tells ("في منطقة كورسك الروسية", "في
        مدينة القامشلي السورية"): a place noun, one or two words of name, then the adjective; None if not one."""
        nouns = _PLACE_NOUNS | (_BASE_NOUNS if m.entity.country != actor else set())
        for back in (2, 3):
            k = m.start_tok - back
            if k >= 0 and any(f in nouns for f in strip_proclitics(self.toks[k].norm)) and not any(
                    j in self.inside_mentions or not self.toks[j].norm[:1].isalpha() or _in(self.toks[j], "force_nouns")
                    for j in range(k + 1, m.start_tok)):
                return k  # not "في محافظة المهرة قوات سعودية": a place already named, then a force
        return None

    def _there_after_men(self, k: int) -> bool:
        """Whether "هناك" at *k* follows the men it places ("عدد العسكريين الأميركيين هناك"), not "there are"."""
        if k < 1:
            return False
        before = next((m for m in self.mentions if m.end_tok == k and m.demonym), None)
        j = before.start_tok - 1 if before is not None else k - 1
        return j >= 0 and _mentions_personnel(self.toks[j].norm)

    def _region_adjective(self, m: Mention) -> bool:
        """Whether nationality adjective *m* qualifies a region word after a locative: "في البادية السورية"،
        "من مناطق الجنوب الليبي"، "بالصحراء الليبية" (the state's land, not its men)."""
        k = m.start_tok - 1
        if k < 1 or m.entity.kind != STATE or not (m.demonym or self.toks[m.start_tok].norm.startswith("ال")):
            return False
        forms = strip_proclitics(self.toks[k].norm)
        if not any(f in _REGION_NOUNS for f in forms) or k in self.inside_mentions:
            return False
        attached = self.toks[k].norm.lstrip("و")[:1] in ("ب", "ل") and self.toks[k].norm not in _REGION_NOUNS
        prev = self.toks[k - 1].norm
        return attached or prev in _LOCATIVE or any(f in _LOCATIVE | _PLACE_NOUNS for f in strip_proclitics(prev)) or prev in (
            norm("مناطق"), norm("أطراف"), norm("عمق"))

    def _unnamed_base_of(self, m: Mention) -> bool:
        """Whether nationality adjective *m* qualifies a base that has no name of its own: "القاعدة الروسية",
        "القواعد العسكرية الأمريكية" (a definite base noun, then at most one more adjective)."""
        for back in (1, 2):
            k = m.start_tok - back
            if k < 0 or (back == 2 and (k + 1 in self.inside_mentions or not self.toks[k + 1].norm.startswith("ال"))):
                return False
            if any(f in _THE_BASES for f in strip_proclitics(self.toks[k].norm)):
                # not al-Qaeda ("فرع القاعدة اليمني"، "تنظيم القاعدة"): a base is a soldier's
                return k not in self.inside_mentions and not (k > 0 and self.toks[k - 1].norm.lstrip("و") in _QAEDA_HEADS)
        return False

    def _enemy(self, m: Mention) -> bool:
        """Whether a fighting word governs *m* ("ضد داعش", "لمكافحة حركة الشباب", "الحرب على داعش")."""
        k = m.start_tok - 1
        while k >= 0 and self.toks[k].text in _OPENERS:
            k -= 1  # "بسحق «بوكو حرام»"
        if k >= 0 and self.toks[k].norm in ("علي", "على", "ل"):
            k -= 1  # "الحرب على داعش", "التصدي لـ"
        return k >= 0 and _in(self.toks[k], "enemy_words")

    def _listed_before(self, m: Mention) -> bool:
        """Whether *m* ends a list of states ("نيجيريا والنيجر وتشاد", "نيجيريا، وتشاد")."""
        before = self._list_before(m)
        return before is not None and before.entity.kind == STATE

    def _group_np(self, k: int, hi: int) -> tuple[int, int] | None:
        """A named group after "من": "من العشائر السنية", "من أبناء العشائر السنية" (up to 3 words)."""
        toks = self.toks
        start = k
        while start < hi and toks[start].norm in _GENERIC_GROUP_HEADS and toks[start].norm not in ("الجيش", "الشرطه", "القوات"):
            start += 1
        if start >= hi or not toks[start].norm.startswith("ال") or toks[start].norm in _GENERIC_GROUP_HEADS:
            return None
        if any(_in(toks[start], key) for key in ("force_nouns", "casualty_cues", "not_group_heads",
                                                  "territory_nouns", "country_anaphora", "personnel_strong")):
            return None  # "من الفرقة ...", "من المواطنين", "من المرور", "من العسكريين": a unit, civilians, a place, an
            # act, or more men
        end = start + 1
        while end < min(hi, start + 3) and toks[end].norm.startswith("ال") and toks[end].norm not in _PREPS:
            if _in(toks[end], "personnel_strong"):
                break
            end += 1
        return start, end

    def _named_multinational(self, start: int, end: int) -> str | None:
        """The name of a multinational force between tokens *start* and *end*: a definite force noun, "متعددة
        الجنسيات", and what is joined to it by و ("القوة متعددة الجنسيات والمراقبين"); None for "قوة متعددة الجنسيات"."""
        toks = self.toks
        for k in range(start, end - 2):
            # (past one adjective of the force: "القوة المشتركة متعددة الجنسيات")
            j = k + 2 if k + 3 < end and toks[k + 1].norm.startswith("ال") and toks[k + 1].norm not in _MULTINATIONAL else k + 1
            if (toks[k].norm.startswith("ال") and _in(toks[k], "force_nouns") and toks[j].norm in _MULTINATIONAL
                    and toks[j + 1].norm in _MULTINATIONAL):
                stop = j + 2
                while stop < end and toks[stop].norm.startswith("وال"):
                    stop += 1
                return self.span_text(k, stop)
        return None

    def _force_before_relative(self, q: Quantity) -> str | None:
        """The words of a force named just before "، التي/الذي" whose clause gives its size, when no entity is
        among them: a definite force noun ("القوة"، "القوات") and what follows it up to the comma."""
        toks = self.toks
        rel = next((k for k in range(q.start_tok - 1, max(0, q.start_tok - 5), -1) if toks[k].norm in _RELATIVE), None)
        if rel is None or rel < 2 or toks[rel - 1].text not in ("،", ","):
            return None
        comma = rel - 1
        for start in range(comma - 1, max(-1, comma - 7), -1):
            if _definite_word(toks[start]) and _in(toks[start], "force_nouns"):
                if any(j in self.inside_mentions for j in range(start, comma)) or all(
                        t.norm in _ARMED_ADJECTIVES | _GOVERNMENT for t in toks[start + 1:comma]):
                    return None  # a known force, or a state's own ("القوات الحكومية"، "القوات المسلحة")
                first = toks[start]
                skip = len(first.text) - len(first.text.lstrip("و")) if first.norm.startswith("وال") else 0
                return self.text[first.start - self.offset + skip : toks[comma - 1].end - self.offset]  # not its و
        return None

    def _after_so_called(self, k: int) -> int:
        """The first word of a name at *k*, past a group noun, "ما يسمى/ما تسمى/ما يعرف بـ" and opening quotes."""
        toks, n = self.toks, len(self.toks)

        def so_called(j: int) -> bool:
            return j + 1 < n and toks[j].norm == "ما" and toks[j + 1].norm.lstrip("وب") in _SO_CALLED

        if k + 2 < n and k not in self.mentions_at and so_called(k + 1) and (
                _in(toks[k], "armed_group_nouns") or _in(toks[k], "mercenary_words")):
            k += 1  # "فصائل ما يسمى ..."، "مرتزقة ما يسمى ..."
        if so_called(k):
            k += 2
            if k < n and toks[k].norm in _ON_IT:
                k += 1  # "ما يطلق عليه «جيش الإسلام»"
        return self._skip_openers(k)

    def _so_called_name(self, k: int, hi: int) -> tuple[int, int] | None:
        """The name after "ما يسمى" at *k* when the tables do not know it: "مقاتلي ما يسمى «القيادة العامة»" (a quoted
        name of up to five words, or a group noun phrase)."""
        for start in (k, k + 1):  # "من مرتزقة ما يسمى ...": one noun of the men may come first
            j = self._after_so_called(start)
            if j != start:
                break
        else:
            return None
        if j + 1 < hi and _in(self.toks[j], "force_nouns") and self.toks[j + 1].text in _OPENERS:
            j = self._skip_openers(j + 1)  # "ما يسمى قوات «درع الوطن»": the force's quoted name
        if j >= hi or j in self.mentions_at:
            return None
        if self.toks[j - 1].text in _OPENERS:
            close = next((c for c in range(j + 1, min(hi, j + 6)) if self.toks[c].text in QUOTES), None)
            return (j, close) if close is not None and not any(c in self.inside_mentions for c in range(j, close)) else None
        return self._construct_owner(j, hi)

    def _skip_openers(self, k: int) -> int:
        """The first token from *k* on that is not an opening quote or bracket ("«كفور»")."""
        while k < len(self.toks) and self.toks[k].text in _OPENERS:
            k += 1
        return k

    def _owner_np(self, k: int, hi: int) -> tuple[int, int] | None:
        """A group named in construct after personnel ("مقاتلي حزب العمال"، "عناصر التشكيلات المسلحة"), or after
        "ما يسمى" ("مقاتلي ما يسمى «القيادة العامة»"), when the tables do not know it; not a state's numbered unit
        ("جنود «اللواء 45 المدرع»"), whose state is named elsewhere."""
        span = self._construct_owner(k, hi) or self._so_called_name(k, hi)
        if span is not None:
            words = [t for t in self.toks[span[0]:min(span[1] + 1, len(self.toks))] if t.text not in _OPENERS]
            soldiers = k > 0 and any(f.startswith(_SOLDIER_STEMS) for f in strip_proclitics(self.toks[k - 1].norm))
            if (soldiers and len(words) > 1 and any(f in _UNIT_NOUNS for f in strip_proclitics(words[0].norm))
                    and words[1].norm[:1].isdigit()):
                return None  # (not "مقاتلي «اللواء 313»": a militia's fighters)
        return span

    def _construct_owner(self, k: int, hi: int) -> tuple[int, int] | None:
        """A group head and up to two definite words, or a definite group noun phrase (see :meth:`_owner_np`)."""
        toks = self.toks
        head = _group_head(toks[k].norm)
        if head is not None and not head[1] and k + 1 < hi and toks[k + 1].text in _OPENERS:
            # "مسلحي جماعة «أنصار السنة»": the head and its quoted name
            close = next((j for j in range(k + 2, min(hi, k + 7)) if toks[j].text in QUOTES), None)
            if close is not None and close > k + 2 and not any(j in self.inside_mentions for j in range(k, close)):
                return k, close + 1
        if head is not None and not head[1] and k + 1 < hi and _definite_word(toks[k + 1]):
            end = k + 2
            # a nisba adjective goes on the name ("حزب العمال الكردستاني"), a participle does not ("المتحصنين")
            while end < min(hi, k + 4) and _definite_word(toks[end]) and toks[end].norm.endswith(("ي", "يه")):
                end += 1
            if any(j in self.inside_mentions for j in range(k, end)):
                return None  # "ضباط هيئة الأركان الأوكرانية": a state's body, named by its state
            return k, end
        if toks[k].norm.startswith("ال") and _in(toks[k], "armed_group_nouns"):
            np = self._group_np(k, hi)
            if np is not None and np[1] < hi and toks[np[1] - 1].norm in _LOYAL:
                m = self.mentions_at.get(np[1])
                if m is not None and m.entity.kind == STATE:
                    return np[0], m.end_tok  # "مقاتلي الفصائل الموالية لتركيا"
            return np
        return None

    # -- location ---------------------------------------------------------------------------------
    def location(self, q: Quantity, unit: _Unit, actor: str | None, actor_m: Mention | None, kind_hint: str | None,
                 lo: int, hi: int):
        toks = self.toks
        last = max(unit.end, q.end_tok)
        # the men's own country: where they stand "على الحدود مع لبنان"
        home = actor if actor in gazetteer().entities and gazetteer().entities[actor].kind == STATE else (
            actor_m.entity.country if actor_m is not None and actor_m.entity.kind in (NONSTATE, STATE_BODY) else None)
        origin_end: int | None = None
        moved_end: int | None = None  # the end of a place the men are moved from ("من قاعدة رامشتاين")
        origins: set[int] = set()
        # (a0) a count in brackets right after a place: "على قواعد في الكويت (نحو 13500 عسكري) وقطر (قرابة 10 آلاف)"
        if q.start_tok >= 2 and toks[q.start_tok - 1].text == "(":
            m = next((m for m in self.mentions if m.end_tok == q.start_tok - 1), None)
            if (m is not None and m is not actor_m and m.entity.kind in (STATE, PLACE) and not m.demonym and m.entity.country
                    and not (m.start_tok > 0 and toks[m.start_tok - 1].norm == "من")):
                return self._place_of(m, home)  # (not "جنودا من رواندا (2600 جندي)": where they come from)
        # (a) right: "في العراق", "إلى سوريا", "داخل الأراضي الفرنسية", "بالعراق", "في عدن"
        # (where most of the men are, after a comma, only for a count not placed before it: not "وينتشر في الخليج نحو
        # 40 ألف جندي أمريكي، أغلبهم في قطر")
        # (men who return somewhere, "وعاد نحو 500 جندي أمريكي إلى الصومال", are there again: their destination stays)
        returning = kind_hint == "withdrawal" and any(
            f.startswith(_RETURN_STEMS) for t in toks[lo:q.start_tok] for f in strip_proclitics(t.norm))
        phrase = max([lo] + [j + 1 for j in range(lo, q.start_tok) if toks[j].text in ("،", ",")])  # the count's own
        placed_before = any(phrase <= m.start_tok < q.start_tok and m.entity.kind in (STATE, PLACE) and not m.demonym
                            and _preceded_by_locative(toks, m) and not _from(toks, m) for m in self.mentions)
        for m in self.mentions:
            if m.start_tok < last or m.start_tok > last + 12 or m.start_tok >= hi:
                continue
            if m is actor_m:
                continue
            if self._other_count_between(last, m.start_tok):
                break  # "حلّ بموجبها 450 عسكريّاً … محلّ نحو 600 عنصر عادوا إلى بلادهم": another count's place
            if any(t.text in ("،", ",") and (placed_before or not any(
                    toks[i].norm in _MOST_OF_THEM and toks[i + 1].norm == "في" for i in range(j + 1, min(j + 3, len(toks) - 1))))
                   for j, t in enumerate(toks[last:m.start_tok], last)):
                # "54 ألف عسكري أمريكي، وهو أكبر وجود ... خارج الولايات المتحدة": another phrase (not "، يتحصن أغلبهم في
                # مخيمات تندوف": where most of the same men are)
                break
            e = m.entity
            if e.kind not in (STATE, PLACE):
                continue
            if (m.start_tok == last and toks[m.start_tok].text.startswith("و") and m.end_tok < len(toks)
                    and (toks[m.end_tok].norm[:1].isdigit() or m.end_tok in self.quantity_starts)):
                break  # "نحو 650 عسكريا وإسبانيا 150": the next state of a list, with its own count
            region = self._region_adjective(m)
            if m.demonym and not (m.start_tok > 0 and _in(toks[m.start_tok - 1], "territory_nouns")) and not (
                    self._named_place_of(m, actor) is not None or region):
                continue
            if (kind_hint != "withdrawal" and region and m.start_tok > 1
                    and toks[m.start_tok - 2].norm in ("من", "ومن")):
                continue  # "نحو 1500 جندي من الجنوب السوري إلى ليبيا": where they come from
            prev = toks[m.start_tok - 1].norm if m.start_tok > 0 else ""
            if _supported_by(toks, m) or (m.start_tok > 0 and _in(toks[m.start_tok - 1], "armed_group_nouns")):
                continue  # "المدعوم من تركيا"؛ "من فصائل سورية موالية لأنقرة": a group's adjective, not a place
            if m.start_tok >= 2 and _sending(prev) and (
                    prev.endswith(("هم", "ها")) or toks[m.start_tok - 2].norm in _RELATIVE):
                continue  # "المرتزقة الذين نقلتهم أنقرة إلى طرابلس": who sent them, not where they are
            if (m.start_tok >= 2 and e.kind == STATE and toks[m.start_tok - 2].norm in _RELATIVE
                    and prev.endswith(("ه", "ها", "هم"))):
                continue  # "في «مركز التنسيق» الذي أقامته واشنطن في مستوطنة كريات غات": who set it up
            if prev in _OUTSIDE and kind_hint == "withdrawal" and self._moved_out_of(m.start_tok - 2, m.start_tok) == m.start_tok:
                return self._place_of(m, home)  # "إلى خارج أوكيناوا": the place they leave
            if prev in _OUTSIDE or _after_since(toks, m) or prev in _LOYAL or prev in _VIA:
                # "منذ بدء الحرب في غزة"، "الموالية لتركيا"، "عبر ليبيا إلى مالي": where something began, whom they
                # serve, where they pass through
                continue
            if kind_hint == "withdrawal" and (any(f in _OWN_COUNTRY for f in strip_proclitics(toks[m.start_tok].norm))
                                              or (_toward(toks, self.mentions, m) and not returning)):
                # "عاد 300 جندي إلى بلادهم من العراق"، "غادر نحو 150 جنديا باتجاه كردستان العراق": where men leave for
                # is not the place they leave
                continue
            if e.country is None and (prev in _OPENERS or not _preceded_by_locative(toks, m)):
                continue  # a region only where men are sent or stay ("إلى الشرق الأوسط"), not «الشرق الأوسط» the paper
            if prev in _lex()["leader_words"]:
                continue  # "الائتلاف الدولي الذي تقوده الولايات المتحدة": who leads, not where
            # right after the men, or after their nationality: "1500 جندي روسي من حميميم إلى ليبيا"
            after_men = actor_m.end_tok if actor_m is not None and actor_m.start_tok == last else last
            if prev == "من" and kind_hint != "withdrawal" and m.start_tok == after_men + 1:
                origin_end = m.end_tok  # "8700 جندي من نيجيريا": where they come from, not where they are
                origins.add(m.start_tok)
                continue
            if kind_hint != "withdrawal" and _moved_from(toks, m):
                origins.add(m.start_tok)  # "بنحو ألف جندي سيُنقلون من قاعدة عين الأسد": where they are moved from
                origin_end = moved_end = m.end_tok
                continue
            if _trained_in(toks, m):
                # "تم تدريب أفراده بالمملكة": where they were trained, not where they are (with the rest of its list:
                # "تلقوا تدريبا في السعودية والإمارات")
                origins.add(m.start_tok)
                origin_end = m.end_tok
                continue
            if prev == "من" and kind_hint != "withdrawal" and _after_personnel(toks, m.start_tok - 2):
                origins.add(m.start_tok)  # "نحو 150 جندياً من غواتيمالا و24 عسكرياً من جامايكا": another count's origin
                continue
            if origin_end is not None and (m.start_tok == origin_end or (
                    m.start_tok == origin_end + 1 and (toks[origin_end].text in ("و", "،", ",") or (
                        origin_end == moved_end and toks[origin_end].norm == "في")))):
                origin_end = m.end_tok  # the rest of the list of origins: "من نيجيريا والكاميرون وتشاد"
                origins.add(m.start_tok)
                continue
            return self._place_of(m, home)
        # (a') the host that receives the men, the subject of its verb: "واستقبلت رومانيا أمس 500 جندي فرنسي"
        for k in range(max(lo, q.start_tok - 6), q.start_tok - 1):
            m = self.mentions_at.get(k + 1)
            if (m is not None and m is not actor_m and m.entity.kind in (STATE, PLACE) and not m.demonym
                    and (_in(toks[k], "receiving_verbs") or (toks[k].norm in _COMPRISE and m.entity.kind == PLACE))):
                return self._place_of(m, home)  # ... and "وتضم قاعدة العديد نحو 10 آلاف عسكري أمريكي": a place that holds them
        # "وتعد الكويت إحدى أبرز المحطات، إذ تستضيف نحو 13 ألفاً و500 عسكري أميركي": a host named before its verb
        if q.start_tok >= 1 and _in(toks[q.start_tok - 1], "receiving_verbs"):
            j = q.start_tok - 1  # the verb; its subject ends right before it, past "إذ"، "التي" and a comma
            while j > 0 and (toks[j - 1].norm in _HOST_LINKS or toks[j - 1].text in ("،", ",")):
                j -= 1
            host = next((m for m in self.mentions if m.end_tok == j and m is not actor_m and m.entity.kind in (STATE, PLACE)
                         and m.entity.country and not m.demonym), None)  # a region of several countries hosts no one
            if host is None and j > 0 and toks[j - 1].norm not in _HOST_LINKS:
                # "وتُعد الكويت إحدى أبرز محطات الانتشار، إذ تستضيف": the subject of the sentence the clause explains
                host = next((m for m in self.mentions if m.end_tok < j and m is not actor_m and m.entity.kind in (STATE, PLACE)
                             and m.entity.country and not m.demonym and not self._locative(m) and not any(
                                 t.norm in _THAT for t in toks[m.end_tok:j])), None)
            if host is not None:
                return self._place_of(host, home)
        # (a'') "في المنطقة" after a region of several countries named before it: that region, so no one country
        for k in range(max(lo, q.start_tok - 4), min(hi, last + 6)):
            word = toks[k].norm
            if q.start_tok <= k < last or not _in(toks[k], "region_anaphora") or not (
                    word.startswith(("بال", "وبال")) or (k > 0 and toks[k - 1].norm in _LOCATIVE)):
                continue
            if not _definite_word(toks[k]) or any(
                    m.entity.country and self._locative(m) for m in self.mentions
                    if m.end_tok <= k and m.entity.kind in (STATE, PLACE) and not m.demonym):
                continue  # "في محافظة كركوك ... في المنطقة": the place this sentence named, not the region before
            if k + 1 < len(toks) and toks[k + 1].norm.startswith("ال"):
                continue  # "في المنطقة الشرقية" is a place of its own
            region = self.ctx.region_before(toks[k].start)
            if region is not None:
                return None, self.span_text(k, k + 1), None
        # (b') "نشرت في الإقليم"، "يخدم في القاعدة": the region or base named last in the article
        for k in range(max(lo, q.start_tok - 4), min(hi, last + 6)):
            if (q.start_tok <= k < last or toks[k].norm not in _lex()["place_anaphora"] or k == 0
                    or toks[k - 1].norm not in _LOCATIVE or (k + 1 < len(toks) and toks[k + 1].norm.startswith("ال")
                                                              and toks[k + 1].norm not in _PREPS)):  # not "في المحور إلى أجل"
                continue
            if toks[k].norm in _NAMED_BY_HEAD:
                # "إلى القطاع"، "في المحور": the strip or corridor named before, by its name
                place = self.ctx.place_before(toks[k].start, _NAMED_BY_HEAD[toks[k].norm], by_name=True)
            else:
                place = (toks[k].norm == "ال" + _BASE and self.ctx.place_before(toks[k].start, _BASE)
                         or self.ctx.place_before(toks[k].start))  # a base named as one, else the last place
            if place is not None:
                return place.country, self.span_text(k, k + 1), None
        # (b) back-references: "في شمال البلاد", "هناك", "فيها": the place named before, else the actor's state
        for k in (*range(max(lo, q.start_tok - 10), q.start_tok), *range(last, min(hi, last + 8))):
            there_word = toks[k].norm.lstrip("و") == "هناك"
            there_after_men = k < q.start_tok and there_word and self._there_after_men(k)
            if k < q.start_tok - 4 and not there_after_men:
                continue  # farther back only "عدد جنودها هناك، بحسب مصادر كردية، بما بين ..."
            if k < q.start_tok and not there_after_men and (there_word or not (
                    toks[k].norm.endswith("ها") or (k > 0 and toks[k - 1].norm in _LOCATIVE))):
                # before the count "هناك" is "there are" (not "عدد العسكريين الأميركيين هناك"), and "وزير دفاع
                # البلاد" names no place of the men
                continue
            if (k > 0 and toks[k].norm in _IN_IT and any(f in _TAKE_PART for f in strip_proclitics(toks[k - 1].norm))
                    and (mission := self.ctx.mission_before(toks[k].start)) is not None):
                # "وتتصدر أوغندا الدول المساهمة فيها بنحو 4500 جندي": taking part in the mission the article named
                # is being where it serves
                return mission.country, None, None
            if _in(toks[k], "country_anaphora") or toks[k].norm in _lex()["country_anaphora"]:
                # "عدد القوات الأجنبية على أراضيها تجاوز 5 آلاف"، "في العراق ... و900 فيها"
                country_word = any(f in _THE_COUNTRY for f in strip_proclitics(toks[k].norm))
                for m in reversed(self.mentions):
                    if (country_word and m is not actor_m and m.end_tok <= q.start_tok and m.entity.country not in (None, actor)
                            and (m.demonym or m.entity.kind == STATE_BODY) and m.entity.kind in (STATE, STATE_BODY)
                            and ((m.demonym and self._tells(m)) or (any(
                                _verb_form(t.norm, _TELLING) or t.norm.lstrip("و") in _ACCORDING
                                for t in self.toks[max(0, m.start_tok - 5):m.start_tok])
                                # ... a host that the article names as a place: not "وقالت وزارة الخارجية الروسية إن
                                # الولايات المتحدة تنشر نحو 900 جندي في البلاد" in an article about Syria
                                and self.ctx.names_country(m.entity.country, _city_name(toks[m.start_tok:m.end_tok]))
                                and self.ctx.names_place(m.entity.country)))):
                        # "وأوضح مسؤول عسكري فلبيني أن الوجود الأميركي الدوري في البلاد"، "وبحسب ما أعلنته وزارة
                        # الدفاع الرومانية، سيبقى في البلاد": the speaker's country
                        return m.entity.country, None, None
                    if m.end_tok <= min(k, q.start_tok) and m is not actor_m and m.entity.kind in (STATE, PLACE) and not m.demonym:
                        if self._beyond_border(m) and not (home is not None and home != m.entity.country
                                                           and _across_border(toks, m)):
                            continue  # "قاعدة التنف على المثلث الحدودي مع الأردن والعراق، فيتمركز فيها": the base
                        if country_word and m.entity.country is None:
                            continue  # "البلاد" is a country, not "أفريقيا" named on the way
                        if home is not None and home != m.entity.country and _across_border(toks, m):
                            return self._place_of(m, home)  # "على الحدود مع أذربيجان، شارك فيها": their own side
                        return m.entity.country, self.span_text(m.start_tok, m.end_tok), m
                gz = gazetteer()
                if actor and actor in gz.entities and gz.entities[actor].kind == STATE:
                    if kind_hint == "withdrawal":
                        # "وغادر آخر 120 جنديا فرنسيا البلاد": men leave a country other than their own: the
                        # article's, else the state named last before
                        if self.ctx.main_country and self.ctx.main_country != actor:
                            return self.ctx.main_country, None, None
                        host = self.ctx.state_before(toks[k].start, other_than=actor)
                        if host is not None:
                            return host.country, None, None
                    elif (country_word and self.ctx.main_country and self.ctx.main_country != actor
                          and actor_m is not None and (actor_m.entity.kind != STATE or (
                              # "تحتفظ تركيا بآلاف من جنودها في شمال البلاد": a state keeps men abroad
                              not actor_m.demonym and any(f in _KEEPS for t in toks[max(0, actor_m.start_tok - 2):actor_m.start_tok]
                                                          for f in strip_proclitics(t.norm))) or (
                              actor_m.demonym and (actor_m.start_tok == unit.end or (
                                  # "عدد العسكريين الأتراك في البلاد بنحو 500 عسكري": foreign men named before the count
                                  actor_m.start_tok > 0 and _mentions_personnel(toks[actor_m.start_tok - 1].norm)))))
                          # (not "أعلن وزير الدفاع الفنزويلي عن انتشار … قرابة 200 ألف جندي في مختلف أنحاء البلاد": its
                          # own minister's country)
                          and not self._own_official_before(actor, k)):
                        # "الفيلق ينشر حالياً ما يقارب 2500 عنصر في البلاد": a state's corps abroad is in the country
                        # the article is about, and so are foreign men: "أن نحو ألف جندي أميركي سيبقون في البلاد"
                        return self.ctx.main_country, None, None
                    elif toks[k].norm.lstrip("و") in _THERE and (there := next(
                            (m.entity.country for m in reversed(self.mentions) if m.end_tok <= k and m is not actor_m
                             and m.entity.kind in (STATE, PLACE) and m.entity.country is not None and (
                                 not m.demonym or self._region_adjective(m)
                                 or (m.start_tok > 0 and _in(toks[m.start_tok - 1], "territory_nouns")))),
                            None) or self.ctx.country_before(toks[k].start, other_than=actor)) is not None:
                        # "تنتشر قوات تركية في دهوك ... ويقدر عدد الجنود الأتراك فيها": the place named before, in an
                        # earlier sentence, or a place this sentence names (not a speaker's nationality: "وقال
                        # مسؤول أمريكي إن عدد الجنود الروس هناك"); "there" is never the men's own country when another
                        # was named
                        return there, None, None
                    if there_word:
                        continue  # no place named before: "there" is not the men's own country either
                    return actor, None, None
                if self.ctx.main_country:
                    return self.ctx.main_country, None, None
        # (c) left: the nearest country or place in the sentence that is not the actor mention
        for m in reversed(self.mentions):
            if m.end_tok > q.start_tok or m is actor_m or _distance_from(toks, m):
                continue
            e = m.entity
            if e.kind not in (STATE, PLACE) or (kind_hint == "withdrawal" and _toward(toks, self.mentions, m) and not returning):
                continue
            if m.demonym and m is not actor_m and m.start_tok >= 2 and _in(toks[m.start_tok - 1], "territory_nouns") and (
                    toks[m.start_tok - 2].norm in _LOCATIVE):
                # "المنتشرة داخل الأراضي الأوكرانية بنحو 620 ألف جندي": the land a nationality names
                return e.country, self.span_text(m.start_tok - 1, m.end_tok), m
            if m.entity.country != actor and self._region_adjective(m) and q.start_tok - m.end_tok <= 4:
                # "عدد عناصر تنظيم داعش في البادية السورية بما بين": the region a nationality names, right before
                return e.country, self.span_text(m.start_tok - 1, m.end_tok), m
            if m.demonym:
                # "ويتمركز في قاعدة العديد القطرية نحو 10 آلاف عسكري أمريكي": the named place is the location
                k = self._named_place_of(m, actor)
                place = Mention(e, k, m.end_tok, demonym=True) if k is not None else None
                if place is None or q.start_tok - m.end_tok > 4 or not _preceded_by_locative(toks, place):
                    continue  # far back, a named place is where something else happened
                return e.country, self.span_text(k, m.end_tok), place
            if home is not None and home != e.country and self._beyond_border(m) and not any(
                    x.end_tok <= m.start_tok and x.entity.kind in (STATE, PLACE) and self._locative(x)
                    and x.entity.country != home for x in self.mentions):
                # "عزز انتشاره على طول الحدود مع أفغانستان بنحو 5 آلاف جندي": their own side, unless the sentence
                # has said where the border is ("يقع في شمال شرق الأردن قرب المثلث الحدودي مع سوريا"), other than on
                # that side ("عززت تشاد انتشارها العسكري في مدينة أدري وعلى امتداد الشريط الحدودي مع ولاية غرب دارفور")
                return self._place_of(m, home)
            if self._entered_by(m) and e.country != actor:
                return self._place_of(m, home)  # "اجتاحت فيه إسرائيل لبنان صيف 1982 بنحو 60 ألف جندي"
            if (m.start_tok > 0 and toks[m.start_tok - 1].norm in _ENTER_LEAVE and e.country != actor
                    and not _has_preposition_clitic(toks[m.start_tok].norm)):
                return self._place_of(m, home)  # "حيث غادر النيجر نحو 1500 جندي فرنسي": the country they left or entered
            if not self._locative(m) or _after_since(toks, m) or _at_meeting(toks, m) or _trained_in(toks, m):
                # "وكانت قمة الحلف في فيلنيوس قد أقرت": where a summit met, not where the men are; "لواء … تم تدريب
                # أفراده بالمملكة وقوامه 1000 مقاتل": where they were trained
                continue
            if _where_told(toks, m, q) or _where_sources_are(toks, m):
                # "أعلن الأمين العام ... في مدينة برشلونة ... أن": where the news was told; "قبل أن يتحدث مسؤولون في
                # جاكرتا لاحقا عن دفعة أولى": where those who tell it are
                continue
            if _from(toks, m) and (kind_hint == "deployment" or _after_personnel(toks, m.start_tok - 2)):
                # "وصل من جهة العراق مئات المقاتلين": where men sent come from, not where they go; "150 جندياً من
                # غواتيمالا و24 عسكرياً": where the men of a count come from
                continue
            while not _preceded_by_locative(toks, m):
                m = self._list_before(m) or self._adjective_before(m)  # the head of the list the locative introduces
            return self._place_of(m, home)
        # (c') a country or place introduced by a locative preposition further on in the sentence, not past a comma
        # that opens another clause ("، فيما تشارك فرنسا بنحو 700 عسكري، وهي التي خاضت معركة … في نيويورك")
        clause_end = next((k for k in range(last, len(toks) - 1) if toks[k].text in ("،", ",") and (
            self._opens_clause(k + 1) or toks[k + 1].norm in _RELATIVE or toks[k + 1].norm in _AND_IT)), len(toks))
        for m in self.mentions:
            if m.start_tok < last or m.start_tok > clause_end or m is actor_m or m.entity.kind not in (STATE, PLACE) or m.demonym:
                continue
            if self._other_count_between(last, m.start_tok):
                break
            if m.start_tok in origins or _after_since(toks, m) or _trained_in(toks, m) or _where_sources_are(toks, m) or (
                    kind_hint != "withdrawal" and _moved_from(toks, m)):
                continue  # ... and "، بعد نقل معدات وأفراد من قاعدتي حميميم وطرطوس في سوريا": where they were moved from
            if (m.start_tok >= 2 and toks[m.start_tok - 1].norm in (_TO, "الي")
                    and any(f in _IN_ADDITION for f in strip_proclitics(toks[m.start_tok - 2].norm))):
                continue  # "وكينيا ب1410، إضافة إلى جيبوتي ومصر": in addition to, not to where
            if kind_hint == "withdrawal" and _toward(toks, self.mentions, m) and not returning:
                continue  # "وغادر آخر 200 جندي أمريكي باتجاه ألمانيا": where they head is not the place they leave
            if kind_hint == "withdrawal" and m.start_tok > 0 and toks[m.start_tok - 1].norm == _TO and any(
                    f in _OWN_COUNTRY for f in strip_proclitics(toks[m.start_tok].norm)):
                continue  # "ليعود نحو ألفي جندي بوروندي إلى بلادهم": home is where they go (not "من بلاده": the host)
            if kind_hint != "withdrawal" and _from(toks, m):
                if self._list_after(m) is not None:
                    origins.update((m.start_tok, -1))  # men of several countries: no one country to fall back on
                continue  # "قدموا من تشاد وليبيا": where men come from is not where they are
            if _preceded_by_locative(toks, m):
                country, text, _ = self._place_of(m, home)
                return country, text, None
        # (d) a non-state group's home country, a state organ's own country ("القوات الشرعية" → YEM), a mission's
        # theatre ("تضم كفور 4600 جندي" → XKX)
        if (actor_m is not None and actor_m.entity.kind in (NONSTATE, STATE_BODY, ALLIANCE) and actor_m.entity.country
                and actor_m.entity.id not in _AFLOAT and not (
                    actor_m.entity.kind == STATE_BODY and kind_hint != "strength"
                    and self.ctx.main_country not in (None, actor_m.entity.country))):
            # ... but "القوات الأمريكية" in an article about Syria are in Syria: a state's organ is at home only when
            # the article is about no other country
            return actor_m.entity.country, None, None
        # (d') men of a state in a mission: where the mission serves ("تشارك إسبانيا بـ650 عسكريا في اليونيفيل")
        for m in self.mentions:
            if (m is not actor_m and m.entity.kind == ALLIANCE and m.entity.country and lo <= m.start_tok < hi
                    and (self._joins(m) or self._comprised_by(m)
                         or (m.start_tok > 0 and toks[m.start_tok - 1].norm in _WITHIN | {"في"}))):
                return m.entity.country, None, None  # not "قالت اليونيفيل إن إسرائيل نشرت ...": a source
        # (e) a state's army or its own forces, when the sentence gives only their size, are at home ("جيش كوريا
        # الشمالية ... قوامه نحو 9.5 مليون جندي" in an article about the United States; "قوات احتياط"، "43 ألف
        # جندي من قوات الاحتياط"،
        # "قواته الأساسية"); any other force, such as "بقوة قوامها 9800 جندي" in an article about
        # Afghanistan, is where the article is
        if (kind_hint == "strength" and actor is not None and actor_m is not None and actor_m.entity.kind == STATE
                and (any(f.startswith(_HOME_FORCES) for t in (*toks[lo:q.start_tok], *toks[last:min(hi, last + 4)])
                         for f in strip_proclitics(t.norm))
                     or (actor_m.demonym and any(_in(t, "force_nouns") for t in toks[max(0, actor_m.start_tok - 3):actor_m.start_tok])
                         and not any(m is not actor_m and m.entity.kind in (STATE, PLACE) for m in self.mentions)))):
            return actor, None, None  # ... and "قوام القوات النظامية الفنزويلية بنحو 123 ألف عسكري": a state's forces named by it
        if actor in _NO_THEATRE and kind_hint == "strength":
            return None, None, None  # "تعهد الحلف رفع عدد قواته إلى 300 ألف": an alliance's size is in no one country
        if len(origins) > 1 and actor is None:
            return None, None, None  # "8700 جندي من نيجيريا والكاميرون والنيجر": the article's country is one of many
        if actor_m is not None and actor_m.entity.id in _AFLOAT:
            return None, None, None  # "وتحمل الحاملة أكثر من 4 آلاف بحار": a carrier's crew at sea, in no country
        if (actor is not None and actor != self.ctx.main_country and (e := gazetteer().entities.get(actor)) is not None
                and e.kind == STATE and kind_hint != "withdrawal"
                and any(f.startswith(_BORDER) for t in toks[lo:hi] for f in strip_proclitics(t.norm))
                and not any(m is not actor_m and (m.entity.kind == ALLIANCE or (
                    m.entity.kind in (STATE, PLACE) and m.entity.country not in (None, actor))) for m in self.mentions)):
            # (e') "أن نجامينا أرسلت قرابة ألفي جندي … إلى الشريط الحدودي": a state's men on a border the sentence
            # names no other side of stand on their own side (not men joining a mission there: "700 جندي فرنسي
            # للانضمام إلى اليونيفيل على الحدود الجنوبية")
            return actor, None, None
        if self.ctx.main_country:
            return self.ctx.main_country, None, None
        return None, None, None

    # -- kind and time ----------------------------------------------------------------------------
    def _moved_out_of(self, start: int, end: int) -> int | None:
        """Where the place stands that men are moved out of: "نقل نحو 9 آلاف من عناصر مشاة البحرية إلى خارج
        أوكيناوا" (between tokens *start* and *end*), None when they are not."""
        toks = self.toks
        place = next((k + 2 for k in range(start, min(end, len(toks) - 2)) if toks[k].norm in (_TO, "الي")
                      and toks[k + 1].norm in _OUTSIDE and (m := self.mentions_at.get(k + 2)) is not None
                      and m.entity.kind in (STATE, PLACE) and not m.demonym), None)
        # (asked for every count: the sentence's verbs are read only when "إلى خارج" names a place)
        if place is not None and any(_sending(t.norm) or any(f in _SEND_OR_DEPLOY for f in strip_proclitics(t.norm))
                                     for t in toks[:end]):
            return None  # "إرسال 1000 جندي إلى خارج تركيا": sent abroad, not moved out of a place
        return place

    def kind(self, q: Quantity, unit: _Unit, lo: int, hi: int) -> tuple[str, int | None]:
        """The count's kind, and the token of the word it came from (None when no word gave it)."""
        if unit.strength_head:
            return "strength", None
        by = self._added_by(q, lo)
        if by is not None:
            return "deployment", by
        cues = _lex()["kind_cues"]
        best: tuple[int, bool, int, str] | None = None
        order = {k: i for i, k in enumerate(("withdrawal", "deployment", "presence", "strength"))}
        left_start, right_end = self._own_clause(q.start_tok, unit.end, max(lo, q.start_tok - 12), min(hi, unit.end + 8))
        toks = self.toks
        if any(toks[k].norm in _RELATIVE and toks[k].norm != _WHO_MEN and toks[k - 1].text in ("،", ",")
               for k in range(max(1, q.start_tok - 5), q.start_tok)):
            # "«قسد»، التي يقدر عدد مقاتليها بنحو 100 ألف عنصر، أن يترك الانسحاب …": a relative clause between
            # commas gives the size; the verb after it governs the force named before, not these men (but after
            # "، الذين قدر عددهم بنحو ألفي مقاتل، غادروا" it governs the men "الذين" stands for)
            right_end = next((k for k in range(unit.end, right_end) if toks[k].text in ("،", ",")), right_end)
        # "وتضم البعثة، التي نشرت ... لمساندة الجيش الكونغولي، نحو 1300 جندي": a relative clause between commas right
        # before the count describes its subject; the verb before the clause governs the count
        aside = range(0)
        if q.start_tok > 2 and toks[q.start_tok - 1].text in ("،", ","):
            opener = next((k for k in range(q.start_tok - 2, max(0, q.start_tok - 20), -1) if toks[k].norm in _RELATIVE
                           and toks[k - 1].text in ("،", ",")), None)
            if opener is not None and not any(t.text in ("،", ",") for t in toks[opener:q.start_tok - 1]):
                aside = range(opener - 1, q.start_tok)
                left_start = max(lo, min(left_start, opener - 1 - 6))
        # "قرابة 1500 عسكري من قوات التحالف، غالبيتهم من الأميركيين، غادروا قاعدة عين الأسد": an aside between commas
        # after the men stands between them and their verb, which then counts as next to them
        after_aside = self._verb_after_aside(unit.end, right_end, hi)
        if (out := self._moved_out_of(unit.end, right_end)) is not None:
            return "withdrawal", out - 1
        for k in [*range(left_start, right_end), *after_aside]:
            if q.start_tok <= k < unit.end or k in aside:
                continue
            if k + 1 < len(toks) and toks[k + 1].norm == _ONE_BATCH[1] and toks[k].norm == _ONE_BATCH[0]:
                continue  # "دفعة واحدة": at once
            if k in self.inside_mentions or (self.toks[k].norm.lstrip("و").startswith("نقل") and any(
                    t.norm == "عن" for t in self.toks[k + 1:k + 5])):
                continue  # "الحشد الشعبي" is a name; "نقلت وكالة رويترز عن" reports, it moves no one
            if toks[k].norm in _MEMBER_WORDS and any(t.norm in _STATES_NOUNS for t in toks[max(0, k - 2):k]):
                continue  # "جنود الدول الأخرى المشاركة في التحالف": which states, not what the men do
            kind = None
            for f in strip_proclitics(self.toks[k].norm):
                # accusative forms carry a final alef ("وجودًا" → وجود); the future prefix س ("ستسحب" → تسحب)
                kind = (cues.get(f) or (cues.get(f[:-1]) if f.endswith("ا") and len(f) > 3 else None)
                        or (cues.get(f[1:]) if f.startswith("س") and len(f) > 4 else None))
                if kind:
                    break
            if kind is None:
                continue
            if kind == "deployment" and _verb_form(toks[k].norm, _JOINING) and (
                    (k < q.start_tok and toks[k + 1].norm in (_TO, "الي"))
                    or any(t.norm.lstrip("وب") in _RANKS for t in toks[k + 1:k + 3])):
                # "سينضمون إلى قرابة 40 ألف عسكري أمريكي ينتشرون حالياً": the men joined are there already; "ينضمون إلى
                # صفوف التنظيم": recruits
                continue
            if kind == "strength" and toks[k].norm.startswith(_WITH_A_SIZE):
                continue  # "بالانتشار في محيط السد بقوام يقارب 400 عنصر": the size of what the verb moves
            if k > unit.end and toks[k - 1].norm == "ما" and toks[k - 2].text in ("،", ","):
                continue  # "3000 جندي أمريكي، ما يعزز الحضور العسكري": what their being there brings about
            if kind == "presence" and k > 0 and toks[k].norm in _PRESENCE_NOUNS and any(
                    f in _REINFORCING for f in strip_proclitics(toks[k - 1].norm)):
                kind = "deployment"  # "تعزيز الوجود في الكويت بنحو ألف جندي": reinforcing a presence sends men
            dist = q.start_tok - k - (len(aside) if k < aside.start else 0) if k < q.start_tok else (k - unit.end) + 1
            if k in after_aside:
                dist = 1 + (k - after_aside.start)
            if k < q.start_tok and dist > 8 and not (kind == "withdrawal" or (
                    kind == "deployment" and _sending(self.toks[k].norm) and k not in self.inside_mentions) or (
                    kind == "strength" and k > 0 and toks[k - 1].norm in _ESTIMATES and toks[k].norm.startswith(_SIZE_NOUNS))):
                # ... nor "قدّر قوام «الدعم السريع» عند اندلاع الحرب في أبريل 2023 بنحو 100 ألف": a size estimated
                continue  # far before the count, only a verb of sending or leaving still governs it ("خفضت ... من 5100 إلى 2500")
            if kind == "strength" and not any(f in _HAS for f in strip_proclitics(self.toks[k].norm)):
                dist += 5  # "جيش"، "قوة"، "عدد" often just name the force; a verb nearby says more ("تملك" is one)
            elif self.toks[k].norm in _COMPRISE or self.toks[k].norm in _REMAINING:
                # "بتعزيزات تضم 300 جندي": what the men are part of says more than "comprising"; "سحب القوات
                # الأمريكية المتبقية": the verb says more than "remaining"
                dist += 3
            cand = (dist, k > q.start_tok, order[kind], kind, k)  # at equal distance the verb before, as Arabic puts it
            if best is None or cand < best:
                best = cand
        if best is None:
            return "presence", None
        if best[3] in ("presence", "strength") and best[4] < q.start_tok and self._sent_force_comprises(best[4], q, lo):
            return "deployment", best[4]
        if best[3] == "deployment" and any(f in _SENT_BATCHES for f in strip_proclitics(toks[best[4]].norm)):
            # "مغادرة آخر دفعة من جنودها": a batch of men leaving
            leaving = next((j for j in range(best[4] - 1, max(lo, best[4] - 3) - 1, -1) if any(
                cues.get(f) == "withdrawal" for f in strip_proclitics(toks[j].norm))), None)
            if leaving is not None:
                return "withdrawal", leaving
        return best[3], best[4]

    def pledged(self, q: Quantity, lo: int) -> bool:
        """Whether a verb of pledging, or of contributing in the future ("ستساهم"، "قد تساهم"), stands before the count
        in its clause."""
        toks = self.toks
        for k in range(max(lo, q.start_tok - 8), q.start_tok):
            word = toks[k].norm[1:] if toks[k].norm[:1] in ("و", "ف") and len(toks[k].norm) > 4 else toks[k].norm
            if word in _PLEDGES:
                return True
            if (word[:1] == "س" and word[1:].startswith(_CONTRIBUTING)) or (
                    k > 0 and toks[k - 1].norm.lstrip("و") == "قد" and word.startswith(_CONTRIBUTING)):
                return True  # (not "سيشارك", which takes part)
        return False

    def level_before_a_cut(self, q: Quantity, unit: _Unit) -> bool:
        """Whether the count follows "من" and a count after "إلى" follows it: "من نحو 1100 إلى 800"."""
        toks = self.toks
        tail = max(q.end_tok, unit.end)
        return (q.start_tok > 0 and toks[q.start_tok - 1].norm == "من" and tail < len(toks)
                and toks[tail].norm in (_TO, "الي") and tail + 1 in self.quantity_starts)

    def takes_part_in_exercise(self, q: Quantity, lo: int, hi: int) -> bool:
        """Whether the sentence is about an exercise ("مناورات"، "تمرين") and a word of taking part stands in the count's
        clause: "شارك فيها نحو 70 ألف عسكري"، "بمشاركة أكثر من 12 ألف عسكري"، "يشارك الجيش الأمريكي بحوالي 1500 جندي"."""
        toks = self.toks
        return any(any(f in _EXERCISES for f in strip_proclitics(t.norm)) and not (
            k > 0 and toks[k - 1].norm.lstrip("و") in _RECEIVED) for k, t in enumerate(toks)) and any(
            f.startswith(_CONTRIBUTE) or f in _TAKE_PART for t in toks[lo:hi] for f in strip_proclitics(t.norm))
        # (not "تلقوا تدريبات": training received, no exercise)

    def _added_by(self, q: Quantity, lo: int) -> int | None:
        """The word that makes the count a number of men added: "بزيادة 700 عنصر"، "بزيادة قدرها 500 جندي"، "رفع عدد
        جنوده هناك بنحو 400 جندي" (by that many; "رفع عددهم إلى 2200" gives the new level instead)."""
        toks, k = self.toks, q.start_tok
        before = k - 2 if k >= 2 and toks[k - 1].norm in _OF_AMOUNT else k - 1
        if before >= 0 and toks[before].norm in _INCREASE_NOUNS:
            return before
        if toks[k].norm.startswith("ب") or (k > 0 and toks[k - 1].norm == "ب"):
            for j in range(k - 1, max(lo, k - 8) - 1, -1):
                if toks[j].text in _CLAUSE_OR_COMMA:
                    return None  # "ورفعت فرنسا مستوى التأهب، وتحتفظ بنحو 1500 جندي": another clause
                if (toks[j].norm in _RAISE_VERBS or (toks[j].norm[:1] == "و" and toks[j].norm[1:] in _RAISE_VERBS)) and any(
                        f in _NUMBER_OF or f in _SIZE_NOUNS or _mentions_personnel(f) or f in _THEIR_FORCES
                        for t in toks[j + 1:k] for f in strip_proclitics(t.norm)):
                    return j  # what is raised is the men's number: "رفع عدد جنوده هناك بنحو 400"
        return None

    def sizes_a_planned_force(self, q: Quantity, cue: int | None, lo: int, hi: int) -> bool:
        """Whether the count's kind came from a word of a force's size at *cue* ("قوامها"، "تضم") and no army's, of a
        force a verb sends: in a planned clause, "نشر قوة استقرار قد يتراوح قوامها بين 10 آلاف و30 ألف جندي" gives
        the men to be sent (not "إنشاء قوة رد سريع قوامها 5000 جندي": one formed). Or from a verb of standing after
        the count, of a force whose size is given right before it: "قوة يتراوح قوامها بين 15 و20 ألف جندي، تنتشر على
        مراحل" are men still to be sent where they will stand."""
        if cue is None or self.states_a_size(q, lo, hi):
            return False
        toks = self.toks
        if cue > q.start_tok:
            if toks[cue].norm.lstrip("و") not in _TO_STAND:
                return False  # "قوة قوامها نحو 900 جندي ستبقى في سوريا": one kept, not sent
            size = next((k for k in range(q.start_tok - 1, max(lo, q.start_tok - 3) - 1, -1)
                         if _sizes_a_force(toks[k].norm) and toks[k].norm not in _COMPRISE), None)
            cues = _lex()["kind_cues"]
            return size is not None and any(
                any(f in _FORCE_NOUN for f in strip_proclitics(t.norm)) for t in toks[max(lo, size - 3):size]) and not any(
                cues.get(f) in ("presence", "withdrawal") or (f[:1] == "س" and cues.get(f[1:]) in ("presence", "withdrawal"))
                for t in toks[lo:size] for f in strip_proclitics(t.norm))  # not "ستحتفظ روسيا بقوة قوامها": one kept
        return _sizes_a_force(toks[cue].norm) and any(_sending(t.norm) for t in toks[max(lo, cue - 12):cue])

    def _sent_force_comprises(self, k: int, q: Quantity, lo: int) -> bool:
        """Whether the word at *k* says what a force comprises ("تضم"، "قوامها") and that force is what a verb of
        sending, or a noun of men sent, moves a few words before: "نشر لواء قتالي دائم في ليتوانيا يضم نحو 4800 جندي"،
        "تعزيزات عسكرية جديدة ... إلى مدينة سيئون، تضم قرابة ١٥٠٠ جندي". The size is of the men sent, not of a force
        in place. Not across a relative pronoun or another clause, not for an army named as what comprises ("، ويضم
        جيشها"، "يضم الجيش الروسي"), not past another count or a verb of standing, and not for a batch of things
        ("دفعة من الأسلحة")."""
        toks = self.toks
        if not _sizes_a_force(toks[k].norm):
            return False
        if toks[k].norm.startswith("و") or any(
                _an_army(f) for t in toks[k + 1:q.start_tok] for f in strip_proclitics(t.norm)):
            return False
        for j in range(k - 1, max(lo, k - 16) - 1, -1):
            t = toks[j]
            if t.norm[:1].isdigit() or t.text in (".", "؛", ":") or t.norm in _RELATIVE or (
                    t.text in ("،", ",") and j + 1 < k and self._opens_clause(j + 1)):
                return False
            if j in self.inside_mentions:
                continue
            batch = any(f in _SENT_BATCHES for f in strip_proclitics(t.norm))
            if batch and j + 2 < k and toks[j + 1].norm == "من" and not _mentions_personnel(toks[j + 2].norm):
                return False  # "دفعة من الأسلحة": things, not men
            if _sending(t.norm) or batch:
                return True
            if _lex()["kind_cues"].get(t.norm) in ("presence", "withdrawal"):
                return False
        return False

    def _verb_after_aside(self, tail: int, end: int, hi: int) -> range:
        """The two words after an aside set off by commas right after the men (tokens from *tail*), when the window
        of their verbs ends at *end* inside or at that aside: "1500 عسكري من قوات التحالف، غالبيتهم من الأميركيين،
        غادروا" (not a word joined by و, which begins a verb of its own)."""
        toks = self.toks
        first = next((c for c in range(tail, min(tail + 6, hi)) if toks[c].text in ("،", ",")), None)
        if first is None or first + 1 >= hi or self._opens_clause(first + 1):
            return range(0)
        second = next((c for c in range(first + 1, min(first + 7, hi)) if toks[c].text in ("،", ",")
                       or toks[c].text in _CLAUSE_END), None)
        if second is None or toks[second].text not in ("،", ",") or second + 1 >= end + 3 or second + 1 < end - 1:
            return range(0)
        start = max(second + 1, end)
        stop = min(hi, second + 3)
        if start >= stop or toks[second + 1].norm.startswith("و") or self._opens_clause(second + 1) or any(
                f in _lex()["kind_cues"] for t in toks[first + 1:second] for f in strip_proclitics(t.norm)):
            return range(0)  # "، غادر أغلبهم العراق، فيما نُقل ...": no aside, another clause
        return range(start, stop)

    def _own_clause(self, head: int, tail: int, start: int, end: int) -> tuple[int, int]:
        """The window [start, end) around a count (tokens head..tail) cut at a comma that opens another clause:
        "350 ألف جندي، فيما يضم الحرس الثوري ..." and "ستغادر قاعدة عين الأسد، وأن نحو 2000 عسكري سيبقون": the verb
        of the other clause says nothing of these men."""
        for k in range(head - 1, start, -1):
            if self.toks[k - 1].text in ("،", ",") and self._opens_clause(k):
                start = k
                break
        for k in range(tail, end - 1):
            if self.toks[k].text in ("،", ",") and self._opens_clause(k + 1):
                end = k
                break
        return start, end

    def _opens_clause(self, k: int) -> bool:
        """Whether the words at *k* open another clause: "فيما"، "بينما"، "وأن" ... or "في حين", or an estimate
        joined by و of other men ("، وتقدّر مصادر ميدانية عديد قواته"; not "، ويقدر عددهم": the men just named)."""
        toks = self.toks
        return toks[k].norm in _NEW_CLAUSE or (toks[k].norm in ("في", "وفي") and k + 1 < len(toks)
                                                and toks[k + 1].norm == "حين") or (
            toks[k].norm.startswith("و") and toks[k].norm in _ESTIMATES
            and not any(t.norm in _THEIR_NUMBER for t in toks[k + 1:k + 4]))

    def status(self, q: Quantity, unit: _Unit, lo: int, hi: int, as_of: str | None, time_words: set[str]) -> str:
        """"planned" when the men are to be sent, kept or withdrawn: a verb in the future (سترسل، سيبقون، لن),
        a word of intention or decision (تعتزم، قررت، من المقرر، من المتوقع), or a time after the publication date;
        otherwise "current": stated as done or in place (at `as_of`, when it is given)."""
        published = self.ctx.published
        lex = _lex()
        if as_of and published and as_of[:7] < published.isoformat()[: len(as_of[:7])]:
            return "current"  # dated before publication ("بعد أن قرر أوباما عام 2009 إرسال 30 ألف جندي")
        if time_words & FUTURE_RELATIVE or (time_words & lex["future_time_words"] and as_of and (
                not published or as_of[:7] > published.isoformat()[: len(as_of[:7])])):
            # "العام المقبل"، "بحلول أيلول 2025"; a bare month resolved after the publication date may be last
            # year's, and "حتى الآن" is now, so only a deadline word with a later date counts
            return "planned"
        tail = max(unit.end, q.end_tok)
        start, end = self._own_clause(q.start_tok, tail, max(lo, q.start_tok - 12), min(hi, tail + 6))
        for k in range(start, end):
            if q.start_tok <= k < q.end_tok:
                continue
            word = self.toks[k].norm
            bare = word[1:] if word[:1] in ("و", "ف") and len(word) >= 3 else word
            if bare in lex["plan_words"] or word in lex["plan_words"]:
                return "planned"
            if bare in _PUT_FORWARD and k > 0 and self.toks[k - 1].norm in _PLAN_NOUNS:
                return "planned"  # "الخطة المطروحة تقضي بنشر"، "التصور المقترح": a plan put forward is not yet done
            # the future prefix on a verb of the lexicon: "سترسل"، "سيغادرون"، "ستبقى"
            if bare.startswith("س") and len(bare) > 3 and (bare[1:] in lex["kind_cues"] or bare[1:] in lex["future_verbs"]):
                return "planned"
            # "قد" before a verb in the present tense: may ("قد ترسل"، "قد تتجاوز"); before the past it is "has"
            # ("قد أرسلت"، "قد تعدت"، "قد تم")
            if word in ("قد", "وقد") and k + 1 < end and not any(
                    self.toks[j].norm in _WAS for j in range(max(0, k - 6), k)):  # "وكان الجيش قد نشر": had
                nxt = self.toks[k + 1].norm
                if nxt[:1] == "ي" or nxt.startswith("تت") or (
                        nxt[:1] == "ت" and not nxt.endswith("ت") and (nxt in lex["kind_cues"] or nxt in lex["future_verbs"])):
                    return "planned"
        return "current"

    def time(self, q: Quantity, unit: _Unit, lo: int, hi: int) -> tuple[str | None, str | None, set[str]]:
        """The time anchor of a count: its text, the date it resolves to, and its words (for the status)."""
        ts = self._time_span(q, unit, lo, hi)
        if ts is None:
            return None, None, set()
        text = self.span_text(ts.start_tok, ts.end_tok)
        words = {t.norm for t in self.toks[ts.start_tok:ts.end_tok]}
        return text, resolve_as_of(ts.text_norm, text, self.ctx.published), words

    def _time_span(self, q: Quantity, unit: _Unit, lo: int, hi: int):
        best = None
        for ts in self.times:
            if ts.end_tok <= lo or ts.start_tok >= hi:
                continue
            if ts.start_tok >= q.start_tok and ts.end_tok <= q.end_tok:
                continue
            before = ts.end_tok <= q.start_tok
            tail = max(unit.end, q.end_tok)  # the unit may stand before the count ("عدد الجنود ... إلى أقل من ألف")
            dist = q.start_tok - ts.end_tok if before else ts.start_tok - tail
            if dist > (12 if before else 6):
                continue
            # a time inside a relative clause dates something else ("التحالف الذي أنشئ في عام 2014")
            a, b = (ts.end_tok, q.start_tok) if before else (tail, ts.start_tok)
            if any(self.toks[k].norm in _RELATIVE for k in range(a, b)):
                continue
            if best is None or dist < best[0]:
                best = (dist, ts)
        return best[1] if best else None


def _confidence(unit: _Unit, elliptic: bool, q: Quantity, actor: str | None, location: str | None,
                actor_kind: str | None) -> float:
    """Score of a fact from its evidence; the weights are calibrated on the dev set (scripts/calibrate.py)."""
    score = 0.9
    if unit.weak:
        score -= 0.2
    if elliptic:
        score -= 0.1
    if q.vague:
        score -= 0.1
    if actor is None:
        score -= 0.15
    elif actor_kind == "nonstate":
        score -= 0.05
    if location is None:
        score -= 0.1
    return round(max(0.05, min(0.99, score)), 3)


_IN_USE = object()


def extract_facts(sentence: str, offset: int = 0, ctx: DocContext | None = None,
                  kind_model: KindModel | None | object = _IN_USE) -> list[TroopFact]:
    """Troop-count facts stated in one sentence; offsets are shifted by `offset` (the sentence start).

    A fact's kind is the rules' kind, read again by a learned kind model (`kinds.py`) when one is in use
    (`$TROOPWATCH_KIND_MODEL`; none by default) or given; `kind_model=None` keeps the rules' kind."""
    facts = _rule_facts(sentence, offset, ctx)
    if not facts:
        return facts
    model = load_kind_model() if kind_model is _IN_USE else kind_model
    if model is None:
        return facts
    toks = tokenize(sentence, offset)  # once for the sentence's facts
    out: list[TroopFact] = []
    for f in facts:
        if f.kind_follows and out:
            out.append(replace(f, kind=out[-1].kind))  # the count before's kind, as the model read it
        else:
            out.append(replace(f, kind=model.decide(fact_kind_features(f, toks), f.kind)))
    return out


def extract_article_facts(sentences: Sequence[tuple[str, int]], ctx: DocContext,
                          kind_model: KindModel | None | object = _IN_USE) -> list[list[TroopFact]]:
    """The facts of each of an article's sentences, given as (text, start) in text order, by `extract_facts`, then
    `carry_owners` across them: one list per sentence."""
    per_sentence = [extract_facts(text, start, ctx, kind_model=kind_model) for text, start in sentences]
    carried = iter(carry_owners([f for facts in per_sentence for f in facts], ctx))
    return [[next(carried) for _ in facts] for facts in per_sentence]


def carry_owners(facts: Sequence[TroopFact], ctx: DocContext) -> list[TroopFact]:
    """An article's facts, in text order, with an owner given to each count whose sentence names none.

    News names who sends or keeps men once and then goes on counting them in the sentences after ("وصل ... جنود
    الكتيبة الأردنية إلى بانغي." then "وتضم الكتيبة 750 فردا"). Such a count's owner is the owner of the count just
    before it, in its own sentence or the one before (a paragraph's break between them too, as news gives a
    sentence a paragraph), carried there or not, so that an owner passes along a run of sentences that each count
    its men; else the subject of the sentence before (the first state, body or alliance it names, not as a place:
    "تحتفظ ألمانيا بقاعدة في أربيل." then "ويبلغ عدد المدربين هناك نحو 150"). Nothing is carried across a sentence
    without a count: two sentences on, news has most often moved to another party."""
    out: list[TroopFact] = []
    last: TroopFact | None = None
    for f in facts:
        if f.actor is None and not _men_of_no_carried_owner(f, around := _around_unit(f, ctx)):
            own, before, forces = ctx.owners_around(f.start_char)
            # the forces of a state its sentence names by adjective ("مؤكدا أن القوات الباكستانية طهرت منطقة شاوال")
            # may be the ones counted: no other owner is carried there
            may_own = {_actor_of(Mention(e, 0, 0), ctx)[0] for e in forces}
            # mercenaries are a group's that hires them ("الدعم السريع" … "نحو ٣٨٠ مرتزقاً كولومبياً"), not a state's
            # named before ("قال الجيش السوداني …" then "إن نحو 500 مرتزق وصلوا إلى المدينة")
            hired = _unit_is(f, "mercenary_words")
            here = ctx.sentence_start(f.start_char)
            # a sentence listing states ("كل من نيجيريا والنيجر وتشاد والكاميرون وبنين") names no one owner
            if len({e.id for e in own}) <= 3 and len({e.id for e in before}) <= 3:
                if last is not None and last.start_char >= (ctx.sentence_start(here - 1) if here > 0 else 0):
                    if (not may_own or last.actor in may_own) and not (hired and last.actor_kind != "nonstate") \
                            and not (last.actor_kind == "state" and _unit_is(last, "soldier_words") and _unit_is(f, "fighter_words")) \
                            and last.actor not in _border_states(around, ctx):
                        # (not a state's soldiers' owner to fighters counted next: "نشرت تركيا 500 جندي في الصومال.
                        # ويقدر عدد مقاتلي الشباب بما بين 7 و12 ألف مقاتل" counts the other side)
                        f = _own_side(replace(f, actor=last.actor, actor_text=last.actor_text, actor_kind=last.actor_kind),
                                      around, ctx)
                elif (owner := ctx.owner_before(f.start_char, across_paragraphs=True,
                                                sent_only=_refers_to_a_batch(around))) is not None:
                    actor, actor_kind = _actor_of(Mention(owner[0], 0, 0), ctx)
                    # not a group: the sentence after one on a group counts, in real news, most often its enemy
                    # ("توعد الرئيس النيجيري بسحق بوكو حرام" then "قوة ... تضم 8700 جندي")
                    if actor is not None and actor_kind != "nonstate" and (not may_own or actor in may_own) and not hired \
                            and actor not in _border_states(around, ctx):
                        f = _own_side(replace(f, actor=actor, actor_text=owner[1], actor_kind=actor_kind), around, ctx)
        if f.actor is not None:
            last = f  # (a carried owner passes on: "فرنسا سحبت … ففي تشاد … وفي السنغال …" counts one state's men)
        out.append(f)
    return out


def _own_side(f: TroopFact, around: tuple[list[Token], int | None], ctx: DocContext) -> TroopFact:
    """A state's men carried to a count placed in the country across a border its sentence names ("لدينا أكثر من
    سبعة آلاف عسكري على الحدود الجنوبية الشرقية مع ليبيا" after "عززنا" said by Tunisia's spokesman) stand on that
    state's own side, as they do when the sentence names them."""
    if (f.actor_kind == "state" and f.location not in (None, f.actor) and f.location in _border_states(around, ctx)
            and gazetteer().entities.get(f.actor) is not None and gazetteer().entities[f.actor].kind == STATE):
        return replace(f, location=f.actor, location_text=None)
    return f


def _unit_is(f: TroopFact, key: str) -> bool:
    """Whether the first word of a fact's personnel noun is in the word list *key* (a list's item may have none)."""
    words = f.unit_text.split()
    return bool(words) and _in(Token(words[0], 0, 0, norm(words[0])), key)


def _around_unit(f: TroopFact, ctx: DocContext) -> tuple[list[Token], int | None]:
    """The tokens of a fact's sentence up to a little past the fact, and the index of its personnel noun (its first
    token when it has none: "- قاعدة حرير في أربيل: قرابة 600")."""
    unit_word = (f.unit_text.split() or [""])[-1]
    start = ctx.sentence_start(f.start_char)
    toks = tokenize(ctx.text_at(start, f.end_char + 160), start)
    return toks, next((i for i, t in enumerate(toks) if t.start >= f.start_char and t.text.endswith(unit_word)), None)


def _men_of_no_carried_owner(f: TroopFact, around: tuple[list[Token], int | None]) -> bool:
    """Whether the men a fact counts are of no owner named before them: recruits and volunteers ("سبعة آلاف
    متطوع تقدموا لبرنامج التدريب"), foreigners, locals or tribesmen ("12500 جندي أجنبي"، "1800 مقاتل عشائري"),
    men fighting against someone ("5 آلاف مقاتل يحاربون الجيش المصري"، "أفراد القوات المناهضة للحوثيين"), or men
    of an owner the sentence names without naming who ("إن المتمردين حشدوا نحو 5 آلاف مقاتل"، "تضم القوات
    الدولية نحو 13 ألف جندي")."""
    if _unit_is(f, "recruit_words"):
        return True
    toks, k = around  # the fact's sentence, from `_around_unit`
    return k is not None and (any(_in(t, "unnamed_owner_words") or _in(t, "foreign_words") for t in toks[max(0, k - 10):k]) or any(
        _in(t, "foreign_words") or _in(t, "local_men_adjectives") for t in toks[k + 1:k + 3]) or any(
        _in(t, "enemy_words") or _in(t, "against_words") for t in toks[k + 1:k + 4]))


def _border_states(around: tuple[list[Token], int | None], ctx: DocContext) -> set[str | None]:
    """The states a fact's sentence (*around*, from `_around_unit`) names as a border, by adjective or across it
    ("موزع على الحدود السورية"، "على الحدود مع سوريا"): men on it may be their neighbour's, so these states are not
    carried to them."""
    toks, _ = around
    mentions = gazetteer().find_mentions(toks)
    # (a border of two adjectives, "الحدود العراقية السورية"، "الحدود الباكستانية - الأفغانية", names both sides:
    # neither is its neighbour's)
    paired = {a.start_tok for a, b in itertools.pairwise(mentions) if b.start_tok == a.end_tok or (
        b.start_tok == a.end_tok + 1 and toks[a.end_tok].text in ("-", "–", "/"))}
    return {_actor_of(m, ctx)[0] for m in mentions if m.entity.kind == STATE and (
        _across_border(toks, m, reach=3) or (m.start_tok not in paired and _border_adjective(toks, m)))}


def _refers_to_a_batch(around: tuple[list[Token], int | None]) -> bool:
    """Whether a fact (*around*, from `_around_unit`) counts a batch of men referred back to ("وقالت مصادر محلية إن
    التعزيزات تضم قرابة 1200 مقاتل"): only a sentence that sent men names its owner."""
    toks, k = around
    return k is not None and any(t.norm.startswith("ال") and t.norm[2:] in _SENT_BATCHES for t in toks[max(0, k - 10):k])


def fact_kind_features(fact: TroopFact, toks: Sequence[Token]) -> dict[str, float]:
    """What the kind model reads of a fact found in the sentence of *toks* (`tokenize(sentence, offset)`), its kind
    the rules'."""
    number = next((x for x in (fact.count, fact.high, fact.low) if x is not None), None)
    return kind_features(toks, fact.start_char, fact.end_char, fact.kind, number,
                         fact.location is not None, fact.approximate, _lex()["kind_cues"])


def _rule_facts(sentence: str, offset: int = 0, ctx: DocContext | None = None) -> list[TroopFact]:
    """The facts of a sentence as the rules find them, kinds included."""
    ctx = ctx or DocContext()
    # "- قاعدة حرير في محافظة أربيل: قرابة 600": an item of a list whose line above names the men
    intro = ctx.list_intro(offset) if sentence[:1] in _BULLETS else None
    intro_owner, intro_state = _intro_owner(intro) if intro is not None else (None, False)
    # (or their presence by their state's adjective: "يتوزع الوجود الأمريكي في دول مجلس التعاون على النحو التالي:")
    listed_men = intro is not None and (any(_mentions_personnel(t.norm) for t in intro) or (
        any(_in(t, "presence_nouns") for t in intro) and intro_owner is not None) or any(
        # "وتتوزع أكبر الوحدات المشاركة في البعثة حاليا على النحو الآتي:": a list of units counts their men
        f in _UNIT_PLURALS for t in intro for f in strip_proclitics(t.norm)))
    if not listed_men and not _personnel_prefilter().search(sentence.replace("\u0640", "")):
        return []
    toks = tokenize(sentence, offset)
    # most sentences name no personnel at all: skip them before the costlier analysis
    if not listed_men and not any(_mentions_personnel(t.norm) or t.norm == _OF_THEM for t in toks) \
            and not _force_after_min(toks):
        return []
    quantities = find_quantities(toks)
    if not quantities:
        return []
    s = _Sentence(sentence, offset, ctx, toks, quantities)
    stems = _lex()["military_stems"]
    # an armed group, or a mission by its one-word acronym ("أتميس"، "الناتو"; not "الأمم المتحدة" of a report on
    # poverty), makes "عنصر" a fighter
    phrases = _lex()["military_phrases"]
    military = any(f.startswith(stems) for t in (*toks, *(intro or ())) for f in strip_proclitics(t.norm)) or any(
        tuple(t.norm for t in toks[k:k + len(p)]) == p for p in phrases for k in range(len(toks) - len(p) + 1)) or any(
        m.entity.kind == NONSTATE or (m.entity.kind == ALLIANCE and m.end_tok - m.start_tok == 1
                                      and m.start_tok not in s.bare_alliances) for m in s.mentions)
    # where the sentence first says it is military (a word of war or an armed group), and whether it counts men by a
    # soldiers' noun (not "تدخل عسكري"): "عدد عناصره" is a group's members only then
    military_from = min([k for k, t in enumerate(toks) if any(f.startswith(stems) for f in strip_proclitics(t.norm))]
                        + [m.start_tok for m in s.mentions if m.entity.kind == NONSTATE], default=len(toks))
    counts_men = military and any(_in(t, "personnel_strong") and not _in(t, "generic_personnel")
                                  and t.norm.lstrip("و") not in _MILITARY_ADJECTIVE for t in toks)
    facts: list[TroopFact] = []
    prev: tuple[TroopFact, _Unit, Quantity, str | None, Mention | None] | None = None
    whole: tuple[TroopFact, _Unit, Quantity, str | None, Mention | None] | None = None  # the last count not of a part
    casualty_end: int | None = None  # where the last count of casualties ended
    for qi, q in enumerate(quantities):
        if _ordinal(toks, q):
            continue  # "الدفعة الـ24 من قوات حفظ السلام"
        if all(j in s.inside_mentions for j in range(q.start_tok, q.end_tok)):
            continue  # a number in a name: "عدد مقاتلي حركة «إم 23» بنحو 6 آلاف مقاتل"
        unit = (_personnel_after(toks, q, s.mentions_at) or _strength_head_before(toks, q)
                # (military by what is said before: not "عدد منتسبيه 500 ألف، أي تدخل عسكري")
                or _count_of_personnel_before(toks, q, military and (counts_men or military_from < q.start_tok)))
        elliptic = False
        if unit is None and prev is not None:
            unit = s.elliptic_unit(q, prev[1], prev[2])
            elliptic = unit is not None
        if unit is None:
            unit = _their_count_before(toks, q, s.inside_mentions | {
                j for q2 in quantities for j in range(q2.start_tok, q2.end_tok)})
        if unit is None and (of_them := _of_them_after(toks, q)) is not None:
            # the men "منهم" stands for are named in this sentence or the one before, and are no casualties or
            # captives ("وأصيب 30 جنديا في الهجوم، ونقل 10 منهم إلى مستشفى")
            named = [*ctx.sentence_before(offset), *toks[:q.start_tok]]
            if any(_mentions_personnel(t.norm) for t in named) and not any(
                    _in(t, "casualty_cues") or t.norm.lstrip("و") in _CARED_FOR for t in named):
                unit = of_them
        if (unit is None and listed_men and q.start_tok > 0 and toks[q.start_tok - 1].text == ":" and s.names_a_place(0, q.start_tok - 1)
                and (q.end_tok >= len(toks) or not toks[q.end_tok].norm[:1].isalpha())):
            # "قاعدة حرير في محافظة أربيل: قرابة 600" (a bare number: not "مشاريع في السعودية: 40 مليار دولار")
            unit, elliptic = _Unit(q.end_tok, q.end_tok), True
        estimate_of_prev = unit is None and prev is not None and _estimates_their_number(toks, q, prev[1].end, quantities)
        if estimate_of_prev:
            # "تقول «قسد» إن عدد مقاتليها يبلغ نحو 100 ألف …، في حين تقدّر الحكومة السورية عددهم الفعلي بما لا يزيد على
            # 50 ألفا": another's estimate of the men just counted
            unit, elliptic = _Unit(q.end_tok, q.end_tok), True
        if unit is None and prev is not None and _after_it_was(toks, q, prev[1].end):
            # "تحتفظ الولايات المتحدة بنحو 150 عسكريا …، بعد أن كان عددهم يتجاوز عشرة آلاف": the level the same men
            # were at before
            unit, elliptic = _Unit(q.end_tok, q.end_tok), True
        if unit is None and qi + 1 < len(quantities) and _shares_next_unit(toks, q, quantities[qi + 1], s.mentions_at):
            unit, elliptic = _Unit(q.end_tok, q.end_tok), True  # "500 و700 جندي": the unit of the next count
        # casualties first, so a list of the dead is recognised through counts that are not troops themselves
        coordinated = q.start_tok > 0 and (toks[q.start_tok - 1].norm in _LIST_GOES_ON
                                           or toks[q.start_tok].norm.startswith("و"))
        if casualty_end is not None and coordinated and 0 <= q.start_tok - casualty_end <= 12 and not any(
                t.text in _CLAUSE_END for t in toks[casualty_end:q.start_tok]):
            casualty_end = max(unit.end if unit else 0, q.end_tok)
            continue  # the list of the dead goes on: "50 ألفا و570 جنديا ... قتلوا إلى جانب ... و3304 مقاتلين"
        if unit is None:
            # "والقتلى هم 21 من حزب الله و62 ..."; "13 شهيدا ... و449 مصابا، منهم 30 ضابطا"
            if _casualty_cue_before(toks, q) or (q.end_tok < len(toks) and _in(toks[q.end_tok], "casualty_cues")):
                casualty_end = q.end_tok + 1
            continue
        if _is_casualty(toks, q, unit, quantities[qi + 1].start_tok if qi + 1 < len(quantities) else None,
                        s.inside_mentions):
            casualty_end = max(unit.end, q.end_tok)
            continue
        if q.count is not None and q.count < 10:
            continue  # a handful of people is a crew, a cell or a family, not a troop level
        if _percentage(toks, q):
            continue  # "بنسبة 90 في المائة"
        if q.qualifier is None and q.count is not None and q.count <= 31 and q.end_tok < len(toks) and month_at(toks, q.end_tok):
            continue  # "حركة «23 مارس»"، "في 10 آذار": a day of the month
        if elliptic and s.in_date(q):
            continue  # "يتمركز معظمهم في أربيل حتى أيلول 2026": a bare number inside a date is its year
        tail = max(unit.end, q.end_tok)
        # "1700 جندي، بين أفراد طاقم قيادة اللواء وعناصر ...": the crews the men are made of are no crew event
        breakdown = next((j for j in range(tail, min(len(toks) - 1, tail + 3)) if toks[j].text in ("،", ",")
                          and toks[j + 1].norm in _BREAKDOWN), len(toks))
        # "نحو 70 ألفًا، بحسب ما أعلنه صدام حفتر خلال استعراض عسكري": where the figure was told is no event of the men
        attribution = next((j for j in range(tail, min(len(toks) - 1, tail + 8)) if toks[j].text in ("،", ",")
                            and toks[j + 1].norm in _ATTRIBUTION), len(toks))
        # ... up to the comma that closes it ("، بحسب وزارة الدفاع، في العرض العسكري" is still a parade)
        attribution_end = next((j for j in range(attribution + 1, len(toks)) if toks[j].text in ("،", ",")), len(toks))
        near = (*_nearby_indices(toks, q.start_tok - 1, -1, 8, _CLAUSE_END),
                *(k for k in _nearby_indices(toks, tail, 1, 8, _CLAUSE_END)
                  if not attribution < k < attribution_end and (k < breakdown or toks[k].norm not in _CREW)))
        if unit.end > unit.start and _naval_crew(toks, unit.start):
            near = tuple(k for k in near if not any(f in _CREW_FORMS for f in strip_proclitics(toks[k].norm)))
        if any(_in(toks[k], "non_troop_events") or (k + 1 < len(toks) and _PARADE.match(f"{toks[k].norm} {toks[k + 1].norm}"))
               for k in near):
            continue  # a protest, a parade, a graduation or a hall's capacity counts men, not a troop level
        if unit.end > unit.start and any(_in(t, "civilian_qualifiers") for t in itertools.takewhile(
                lambda t: not t.norm.startswith("و"), toks[unit.start + 1:unit.end + 1])):
            continue  # "عشرة مستشارين شرعيين": advisers, but not soldiers; "200 مراقب مدني غير مسلح"
        if (not q.qualifier and q.end_tok - q.start_tok == 1 and toks[q.start_tok].norm.isdigit()
                and _names_a_unit(toks, q, bare=elliptic) and not (
                    # "يبلغ قوام اللواء 4800 جندي": the size of the unit, its men after the number
                    unit.start == q.end_tok and q.start_tok >= 2
                    and toks[q.start_tok - 2].norm.lstrip("و") in _SIZE_OF)):
            continue  # "الفرقة 30", "اللواء 15", "الفرق 36 و98 و162": a bare number after a unit names it
        generic = unit.end > unit.start and not unit.of_force and (unit.weak or _in(toks[unit.start], "generic_personnel")) and not any(
            _in(t, "personnel_strong") and not _in(t, "generic_personnel") for t in toks[unit.start:unit.end])
        if generic and not unit.foreign_trainers and (not military or (not q.vague and q.count is not None
                                         and q.count < _lex()["generic_min_count"])):
            continue  # "أفراد"، "عناصر"، "أشخاص": only a troop level when the sentence is military
        if q.count is not None and 1900 <= q.count <= 2100 and not q.qualifier and (
                unit.strength_head or (q.start_tok > 0 and toks[q.start_tok - 1].norm in _YEAR_WORDS)):
            continue  # "عام 2004 مسلحون يقتحمون": a year before the men, not their number
        if (unit.start == q.end_tok < len(toks) and toks[q.end_tok - 1].norm.isdigit() and toks[unit.start].norm.startswith("ال")
                and toks[unit.start].norm != _TO and not unit.weak):
            continue  # a numeral counts an indefinite noun ("1952 جنديا"); "انقلاب 1952 العسكري" is a year
        lo, hi = _clause_bounds(toks, q.start_tok)
        kind, kind_cue = s.kind(q, unit, lo, hi)
        out_of = q.start_tok >= 2 and (toks[q.start_tok - 2].norm, toks[q.start_tok - 1].norm) == _OUT_OF
        # "انخفض عدد جنودها إلى أقل من ألف عسكري، بعدما كان يقارب ألفي جندي": the level the same men were at
        was_level = prev is not None and (any(
            tuple(t.norm for t in toks[j:j + n]) in _AFTER_IT_WAS for n in (2, 3)
            for j in range(max(prev[1].end, q.start_tok - 4), q.start_tok - n + 1)) or _after_it_was(toks, q, prev[1].end))
        kind_follows = False
        if out_of or was_level or (q.end_tok < len(toks) and toks[q.end_tok].norm in _WERE):
            # "مغادرة ما بين 2500 و3000 جندي من أصل نحو 10 آلاف": the whole the leavers are part of; "مقارنة بنحو 5
            # آلاف كانوا هناك": those who were there
            kind = "presence"
        elif elliptic and prev is not None and not any(
                any(f in _lex()["kind_cues"] for f in strip_proclitics(t.norm)) for t in toks[prev[1].end:q.start_tok]):
            kind = prev[0].kind  # "تنشر قرابة 3 آلاف جندي ... ونحو 7 آلاف آخرين": the same verb governs both
            kind_follows = True
        if unit.new_total and prev is not None and kind != "withdrawal":
            kind = prev[0].kind  # "نشر 6 آلاف ... على أن يصل العدد إلى 10 آلاف": more of the same, unless cut ("خفض")
            kind_follows = True
        # "ستخفض روما عدد جنودها من نحو 1100 إلى 800": the levels before and after a cut are presences (as the gold
        # writers of sets 7, 9, 10 and 12 have them; the men withdrawn are not stated), placed as the cut is
        cut_level = kind == "withdrawal" and (s.level_before_a_cut(q, unit) or (
            prev is not None and prev[0].kind == "presence" and q.start_tok > 0
            and toks[q.start_tok - 1].norm in (_TO, "الي") and s.level_before_a_cut(prev[2], prev[1])))
        if kind == "presence" and s.pledged(q, lo):
            # "تعهدت كل من كينيا ومصر بأكثر من ألف جندي"، "القاهرة ستساهم بنحو 1100 جندي في البعثة الجديدة": men
            # promised to a force are to be sent (not "تساهم تشاد في القوة بنحو ألف جندي": there already)
            kind = "deployment"
        if kind in ("presence", "strength") and s.takes_part_in_exercise(q, lo, hi):
            # "مناورات … يشارك فيه أكثر من 6 آلاف من منتسبي القوات المسلحة": men taking part in an exercise were sent to
            # it, as most gold writers have it
            kind = "deployment"
        elif (kind == "presence" and ((q.count or q.low or 0) >= _ARMY_SIZE) and (
                kind_cue is None or toks[kind_cue].norm in _COMPRISE or any(
                    f in _HAS for f in strip_proclitics(toks[kind_cue].norm)))
              and not any(f.startswith(_STANDING_PARTICIPLES) or f in _TAKE_PART
                          for t in toks[lo:hi] for f in strip_proclitics(t.norm))):
            # "أكثر من 4.5 ملايين من عناصر الميليشيا البوليفارية"، "الجيش السويسري، الذي يضم نحو 140 ألف عنصر": a
            # hundred thousand men or more, with no word of where they stand or go, is the size of an army (not "عدد
            # الجنود المغاربة المنتشرين على الجدار"، "العسكريين الروس المشاركين في العملية")
            kind = "strength"
        actor, actor_text, actor_kind, actor_m = s.actor(q, unit, 0, hi, kind)
        if kind == "presence" and (kind_cue is None or toks[kind_cue].norm in _COMPRISE | _CARRIES) and (
                any(f in _ABOARD | _CARRIES for t in toks[max(lo, q.start_tok - 6):q.start_tok] for f in strip_proclitics(t.norm))
                or (actor_m is not None and actor_m.entity.id in _AFLOAT and actor_m.end_tok <= q.start_tok)):
            kind = "deployment"  # "وعلى متنها أكثر من أربعة آلاف بحار": men a ship carries where it is sent
        subset = q.start_tok > 0 and toks[q.start_tok - 1].norm.lstrip("و") in _SUBSET
        own_nationality = (m := s.mentions_at.get(q.end_tok)) is not None and m.demonym  # "بينهم قرابة 450 أمريكيا"
        if elliptic and subset and prev is not None and prev[0].actor is not None and not own_nationality:
            # "بين 4500 و5 آلاف مقاتل [من داعش] بينهم ألف من الليبيين": part of the same force, whatever its men's origin
            actor, actor_text, actor_kind, actor_m = prev[0].actor, prev[0].actor_text, prev[0].actor_kind, None
        elif (subset and prev is not None and prev[0].actor is not None and not own_nationality
              and (actor is None or (actor_m is not None and actor_m.end_tok <= q.start_tok
                                     and actor_m.entity.kind == ALLIANCE))):
            # "تساهم القوات المسلحة الملكية بحوالي 1700 من جنود حفظ السلام في إطار عمليات الأمم المتحدة، منهم 775
            # عنصراً ضمن بعثة مينوسكا": a part of the men counted before is theirs, not the mission named between (but
            # "وأرسلت نيجيريا منهم ألفي جندي": a state that sends them)
            actor, actor_text, actor_kind, actor_m = prev[0].actor, prev[0].actor_text, prev[0].actor_kind, None
        if elliptic and prev is not None and actor_m is not None and actor_m.end_tok < q.start_tok - 2:
            # an owner far to the left ("1700 من جنوده ضمن بعثة مينوسكا ... ونحو 900 في بعثة مونوسكو") is not this
            # count's: it keeps the state of the count before; one named after it ("في صفوف ...") is its own
            actor, actor_m = None, None
        if (prev is not None and prev[0].actor_kind == "nonstate" and actor_m is not None
                and actor_m.entity.kind in (STATE, STATE_BODY)
                and unit.end > unit.start and toks[unit.end - 1].norm.lstrip("ل").startswith("ال")
                and _in(toks[unit.end - 1], "personnel_strong")
                and (est := next((j for j in range(prev[1].end, actor_m.start_tok)
                                  if any(f in _ESTIMATES for f in strip_proclitics(toks[j].norm))), None)) is not None
                and est < actor_m.start_tok):
            # "إن عدد مقاتليها يبلغ نحو 100 ألف، فيما تقدّر مصادر في وزارة الدفاع السورية عدد المقاتلين الفعليين بين 50
            # و60 ألفاً": another's estimate of the same group's fighters; the estimator owns none of them
            actor, actor_text, actor_kind, actor_m = prev[0].actor, prev[0].actor_text, prev[0].actor_kind, None
        if (unit.of_them or (unit.end > unit.start and toks[unit.start].norm == _OF_THEM)) and prev is not None \
                and prev[0].actor is not None and (actor_m is None or actor_m.end_tok <= prev[1].end + 2):
            # "وغادر نحو 1500 جندي فرنسي النيجر، وعاد 800 منهم إلى فرنسا": "of them" are the men counted before
            actor, actor_text, actor_kind, actor_m = prev[0].actor, prev[0].actor_text, prev[0].actor_kind, None
        if actor is None and prev is not None and (elliptic or was_level or (coordinated and q.start_tok - prev[1].end <= 4 and not any(
                t.text in _CLAUSE_END or t.text in ("،", ",") for t in toks[prev[1].end:q.start_tok]))):
            # "نحو 170 ألف جندي نظامي و465 ألف جندي احتياط": a count joined to the last one has its owner
            actor, actor_text, actor_kind = prev[0].actor, prev[0].actor_text, prev[0].actor_kind
        if actor is None and unit.of_them and (nationality := _men_nationality(ctx.sentence_before(offset))) is not None:
            # "وتدرب بريطانيا آلاف الجنود الأوكرانيين. وعاد 2000 منهم إلى أوكرانيا": the men's own state, not the
            # subject of the sentence that named them
            actor, actor_text, actor_kind = nationality, None, "state"
        if actor is None and (((s.owned_by_pronoun(q, unit, lo) or s.sizes_a_unit_referred_back(q, lo) or unit.of_them
                                or any(t.norm.lstrip("و") == _THESE for t in toks[lo:q.start_tok]))
                               and (carried := ctx.owner_before(offset)) is not None) or (
                s.comprised_by_sent_batch(q, lo) and (carried := ctx.owner_before(offset, across_paragraphs=True)) is not None)):
            # ... and "التعزيزات تضم قرابة 1200 مقاتل"، "تضم الدفعة الأولى نحو ٣٠٠": the batch that the sentence
            # before sent, in the paragraph before too
            # "إذ تحتفظ أنقرة بأكثر من مئة قاعدة ... ويُقدَّر عدد جنودها هناك ... بما بين خمسة آلاف وعشرة آلاف جندي":
            # "its" men, when this sentence names no owner, are those of the previous sentence's subject
            carried_actor, carried_kind = _actor_of(Mention(carried[0], 0, 0), ctx)
            if carried_actor is not None:
                actor, actor_text, actor_kind = carried_actor, carried[1], carried_kind
        if actor is None and (the_force := s.men_of_the_mission(q, lo) or s.the_force_referred_back(q, lo)) is not None and (
                mission := ctx.alliance_before(offset, _MISSION)) is not None:
            # "يبلغ عديد القوّة حاليّاً نحو 7500 جنديّ"، "عدد جنود البعثة المنتشرين فعليًا … نحو 2700 جندي": "the
            # force", "the mission" alone is the mission the article named before
            mission_actor, mission_kind = _actor_of(Mention(mission, 0, 0), ctx)
            if mission_actor is not None:
                actor, actor_text, actor_kind = mission_actor, s.span_text(the_force, the_force + 1), mission_kind
        if actor is None and (ours := next((m for m in s.mentions if unit.start <= m.start_tok < unit.end
                                            and toks[m.start_tok].norm in _OUR_COUNTRY), None)) is not None:
            # "عودة 450 من جنودنا البواسل": "our" men are the country's that says so
            (actor, actor_kind), actor_text, actor_m = _actor_of(ours, ctx), s.span_text(ours.start_tok, ours.end_tok), ours
        if intro_owner is not None and (actor is None or (intro_state and actor_m is not None and any(
                t.text == ":" for t in toks[actor_m.end_tok:q.start_tok]))):
            # "يتوزع من تبقى من الجنود الأمريكيين حالياً على النحو الآتي:" above "- قاعدة عين الأسد …: أقل من 200
            # عسكري": the men the list is of; a state in the item's label is where they are ("• الكويت (معسكر
            # عريفجان): 13.500 عسكري" under "يتوزع الوجود الأمريكي … على النحو التالي:")
            actor, actor_text, actor_kind = intro_owner
        if estimate_of_prev:
            # (the whole force, not the part counted last: "نحو 100 ألف مقاتل، بينهم 20 ألفا من …")
            estimated = whole or prev
            actor, actor_text, actor_kind, actor_m = (estimated[0].actor, estimated[0].actor_text, estimated[0].actor_kind,
                                                      None)
            kind = estimated[0].kind
        respective = s.respective_owners(q, quantities)
        if respective is not None:
            actor_m = respective[0]  # "جيبوتي وكينيا بنحو 1500 و1400 جندي على التوالي"
            actor, actor_text, actor_kind = actor_m.entity.id, s.span_text(actor_m.start_tok, actor_m.end_tok), "state"
        if kind == "presence" and s.comprises_force(q, actor_kind):
            kind = "strength"  # "ويضم الجيش الكوري الشمالي نحو 1.2 مليون عسكري"، "الهيئة التي كانت تضم 30 ألف مقاتل"
        location, location_text, loc_m = s.location(q, unit, actor if actor != "GOVERNMENT" else None, actor_m,
                                                    kind, lo, hi)
        if intro_state and loc_m is None and (label := next((
                m for m in s.mentions if m.entity.kind in (STATE, PLACE) and m.entity.country and m.entity.country != actor
                and any(t.text == ":" for t in toks[m.end_tok:q.start_tok])), None)) is not None:
            # "• قطر (قاعدة العديد الجوية): نحو 10 آلاف": an item's label names where its men are
            location, location_text, loc_m = label.entity.country, s.span_text(label.start_tok, label.end_tok), label
        if ((loc_m is None and location_text is None or loc_m is not None and loc_m.demonym and loc_m.entity.id == actor)
                and location in (None, ctx.main_country, actor)
                and (host := ctx.exercise_host) is not None and s.takes_part_in_exercise(q, lo, hi)):
            # "قوات المملكة تشارك بـ350 فردا من القوات البرية الملكية السعودية" in an article on «النجم الساطع» that
            # Egypt hosts: men taking part in the exercise are where it is held, not at home (nor their adjective)
            location, location_text = host, None
        if cut_level:
            kind = "presence"
        if respective is not None and location in {m.entity.country for m in respective[1]}:
            location, location_text, loc_m = (prev[0].location, prev[0].location_text, None) if prev else (None, None, None)
        elif (prev is not None and loc_m is None and location_text is None and prev[0].actor == actor
              and prev[0].location is not None and (elliptic or [t.norm for t in toks[prev[2].end_tok:q.start_tok]] == [_TO]
                                                    or (location == ctx.main_country != prev[0].location and actor is not None
                                                        and not any(s._opens_clause(j) for j in range(prev[1].end, q.start_tok))
                                                        # (not "ونحو 2300 في المملكة": a place of its own)
                                                        and not any(t.norm in _IN_A_PLACE for t in toks[q.end_tok:q.end_tok + 3])))):
            # "خفض عدد العسكريين الأميركيين هناك من نحو 1700 إلى قرابة ألف جندي": a bare count, or the new level of
            # a change, that names no place of its own is where the count it continues is, not where the article
            # falls back to; so is another count of the same men ("سيبقى في البلاد قرابة ألف جندي أمريكي ... ما يعني
            # أن واشنطن ستسحب قرابة 700 عسكري")
            location, location_text = prev[0].location, prev[0].location_text
        listed = s._count_after_state(q) if elliptic and prev is not None else None
        if listed is not None and prev[4] is not None and (prev[4].demonym or prev[4].entity.kind == STATE_BODY) \
                and prev[0].actor != listed.entity.id and not listed.demonym:
            # "وتستضيف الكويت 13500 جندي أمريكي، تليها قطر (10000)": the same nationality's men, in each host
            actor, actor_text, actor_kind, actor_m = prev[0].actor, prev[0].actor_text, prev[0].actor_kind, prev[4]
            location, location_text, loc_m = listed.entity.country, s.span_text(listed.start_tok, listed.end_tok), listed
        elif listed is not None:
            # "تليها إيطاليا (1070) والهند (900)": the next state is the list's, not a place; the count before's place
            location, location_text, loc_m = prev[0].location, prev[0].location_text, None
        # (a non-state group's fighters counted in a place stay its size: "عدد مقاتلي حركة الشباب في الصومال"، "عدد
        # مقاتلي الحزب المتبقين في جبال قنديل", as three gold writers have it; a group's force sent abroad, "مقاتلي حزب
        # الله في سوريا", is a size too, which the gold README would call a presence)
        if kind == "strength" and not unit.strength_head and actor_kind != "nonstate" and (
                (loc_m is not None and loc_m.end_tok <= q.start_tok and _number_of_before(toks, loc_m.start_tok))
                or any(t.norm in _THERE and _number_of_before(toks, k)
                       for k, t in enumerate(toks[max(0, q.start_tok - 4):q.start_tok], max(0, q.start_tok - 4)))):
            # "عدد الجنود الأمريكيين في سورية بات يقارب 2000", "يقدر عدد الجنود الأتراك فيها بين 5 و8 آلاف"، "عدد
            # الجنود الأميركيين في أوروبا" (a region of several countries too): how many are in a place is a
            # presence; the size of a force with no place between "عدد" and the count ("يبلغ عددهم 250 ألف مقاتل"),
            # or by "قوامها", stays a strength
            kind = "presence"
        if (kind == "strength" and not unit.strength_head and actor_kind in ("state", "alliance") and loc_m is not None
                and location not in (None, actor) and not _in_region(location_text or "")
                and not s.states_a_size(q, lo, hi)):
            # "تنتشر القوات الأمريكية في 9 قواعد بإقليم شمال وشرق سوريا، ويبلغ عدد جنودها نحو 900"، "قوام بعثة
            # الناتو في العراق حالياً قرابة 700 فرد": a state's or an alliance's men counted in another country are
            # there, not a force's size (an army's, or what a state has, stays a strength)
            kind = "presence"
        if kind == "presence" and actor_kind == "nonstate" and kind_cue is not None and toks[kind_cue].norm in _REMAINING:
            kind = "strength"  # "عدد مقاتلي «كتائب القسام» المتبقين": what is left of a group is its size (a state's
            # men left somewhere, "عدد عسكرييهم المتبقين بضع مئات", are there)
        group_size = None
        if (kind in ("presence", "strength") and actor_kind == "nonstate" and not unit.strength_head
                and (number_of := _number_of_men(toks, q)) is not None
                and not any(t.norm in _IN_A_PLACE for t in toks[number_of:q.start_tok])
                and not any(t.norm.lstrip("و") in _STATIONED for t in toks[unit.end:unit.end + 3])
                and not any(m.entity.kind in (STATE, PLACE) and not m.demonym and number_of <= m.start_tok < q.start_tok
                            for m in s.mentions)):
            # "يقدّر باحثون عدد مقاتليها بما بين ستة وسبعة آلاف مقاتل، ينتشرون في وسط مالي"، "عدد مقاتلي الحركة ارتفع
            # إلى نحو 6500": how many fighters a group has is its size, wherever they are active (not "عدد مقاتليها
            # الموجودين في أفغانستان" nor "بنحو ألفي مقاتل يتمركزون في قاعدة الجفرة": those in one place), even as the
            # level it reaches ("عدد مقاتليها يصل إلى 100 ألف")
            kind = group_size = "strength"
        if kind == "presence" and loc_m is None and (actor_kind == "nonstate" or location is None) and not any(
                t.norm in _THERE for t in toks[unit.end:unit.end + 3]) and any(
                f in _HAVE for t in toks[max(0, q.start_tok - 3):q.start_tok] for f in strip_proclitics(t.norm)):
            kind = "strength"  # "وقالت «قسد» إن لديها أكثر من 100 ألف مقاتل": what someone has, in no place named
        if kind in ("strength", "deployment") and not unit.strength_head and not unit.new_total and location is not None \
                and not group_size and _total_reaching(toks, q) and not (kind == "strength" and s.states_a_size(q, lo, hi)):
            # (an army raised to a size stays a size: "رفع عديد جيشها إلى 300 ألف عسكري")
            kind = "presence"  # "ليصل إجمالي القوات المصرية في الصومال إلى نحو 5 آلاف": how many there are now
        if actor == "GOVERNMENT":  # "مقاتل موالين للحكومة": the government of the place they fight in
            actor, actor_text, actor_kind = location, None, "state" if location else None
        time_text, as_of, time_words = s.time(q, unit, lo, hi)
        status = s.status(q, unit, lo, hi, as_of, time_words)
        if status == "planned" and kind in ("presence", "strength") and not unit.strength_head and actor_kind != "nonstate" \
                and s.sizes_a_planned_force(q, kind_cue, lo, hi):
            kind = "deployment"  # "نشر قوة استقرار قد يتراوح قوامها بين 10 آلاف و30 ألف جندي": the men to be sent
        approximate = q.approximate or (elliptic and prev is not None and prev[0].approximate)
        ev_start, ev_end = s.evidence_span(q, unit, actor_m, loc_m)
        unit_text = (s.span_text(unit.start, unit.end) if unit.end > unit.start and not unit.new_total
                     else (prev[0].unit_text if prev else ""))
        start_char, end_char = toks[ev_start].start, toks[ev_end - 1].end
        fact = TroopFact(
            count=q.count, low=q.low, high=q.high, approximate=bool(approximate),
            actor=actor, actor_text=actor_text, actor_kind=actor_kind,
            location=location, location_text=location_text, kind=kind, status=status, unit_text=unit_text,
            time_text=time_text, as_of=as_of,
            evidence=sentence[start_char - offset : end_char - offset], start_char=start_char, end_char=end_char,
            confidence=_confidence(unit, elliptic, q, actor, location, actor_kind),
            kind_follows=kind_follows and prev is not None and kind == prev[0].kind,
        )
        if fact.count is not None and fact.low is None and fact.high is None and any(
                j < len(toks) and toks[j].norm in _AND_SOME for j in (q.end_tok, unit.end)):
            # "تسعة آلاف جندي ونيّفاً": nine thousand and some
            fact = replace(fact, low=fact.count, approximate=True)
        if (formations := s.formations_each(q, quantities)) is not None:
            # the whole force is its formations' sizes together, and its evidence names them
            times, named = formations
            start = min(start_char, toks[named].start)
            fact = replace(fact, count=fact.count and fact.count * times, low=fact.low and fact.low * times,
                           high=fact.high and fact.high * times, start_char=start,
                           evidence=sentence[start - offset : end_char - offset])
        key = (fact.count, fact.low, fact.high, fact.actor, fact.location)
        if any((f.count, f.low, f.high, f.actor, f.location) == key for f in facts):
            continue
        each = s.each_of_list(loc_m, tail) if location is None and loc_m is not None else None
        owners = s.each_owner(q)
        owners_after = s.owners_after(tail, q) if not owners else None
        if owners_after:
            # "ونحو 200 جندي لكل من تنزانيا ومالاوي": that many of each state's; the states are no place
            theirs = {m.entity.country for m in owners_after}
            if fact.location is None or fact.location in theirs:
                # where the count before is, else the article's country, unless it is one of theirs
                place = next((x for x in (prev[0].location if prev else None, ctx.main_country) if x is not None), None)
                fact = replace(fact, location=place if place not in theirs else None, location_text=None)
            for m in owners_after:
                # the evidence runs from the count to a state named after it, or from a state named before it
                start, end = ((fact.start_char, toks[m.end_tok - 1].end) if m.start_tok >= q.start_tok
                              else (toks[m.start_tok].start, max(fact.end_char, toks[min(tail + 1, len(toks) - 1)].end)))
                facts.append(replace(fact, actor=m.entity.id, actor_text=s.span_text(m.start_tok, m.end_tok),
                                     actor_kind="state", start_char=start, end_char=end,
                                     evidence=sentence[start - offset : end - offset]))
        elif owners:
            # "تعهدت كل من كينيا ومصر بأكثر من ألف جندي": that many from each state; the states own the men, so they
            # are no list of origins that leaves the article's country out
            theirs = {None, *(m.entity.id for m in owners)}
            if fact.location in theirs and ctx.main_country not in theirs:
                fact = replace(fact, location=ctx.main_country, location_text=None)
            facts.extend(_one_per_member(fact, owners, toks, sentence, offset, end_char, lambda m: dict(
                actor=m.entity.id, actor_text=s.span_text(m.start_tok, m.end_tok), actor_kind="state")))
        elif each:
            # "إلى نحو مئة عسكري في كل منهما" after "في الغابون وساحل العاج": that many in each country
            places, each_end = each
            facts.extend(_one_per_member(fact, places, toks, sentence, offset, toks[each_end - 1].end, lambda m: dict(
                location=m.entity.country, location_text=s.span_text(m.start_tok, m.end_tok))))
        else:
            facts.append(fact)
        prev = (fact, unit if not elliptic else _Unit(q.start_tok, max(unit.end, q.end_tok)), q, actor, actor_m)
        if not subset:
            whole = prev
    return facts


def _one_per_member(fact: TroopFact, members: Sequence[Mention], toks: Sequence[Token], sentence: str, offset: int,
                    end_char: int, own: Callable[[Mention], dict]) -> list[TroopFact]:
    """*fact* once for each member of a list (each state that sends that many, each country that many are in):
    the member's own fields from *own*, the evidence from the member to *end_char*."""
    return [replace(fact, **own(m), start_char=toks[m.start_tok].start, end_char=end_char,
                    evidence=sentence[toks[m.start_tok].start - offset : end_char - offset]) for m in members]


def fact_id(doc_id: str, start_char: int, end_char: int, count, low, high) -> str:
    """Stable id of a fact: same document, span and numbers, same id."""
    raw = f"{doc_id}|{start_char}|{end_char}|{count}|{low}|{high}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]
