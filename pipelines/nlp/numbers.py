"""Arabic quantities: digits in any script, number words, vague plurals, bounds and approximations.

Written by hand because no maintained library parses Arabic number words with duals, construct forms and
mixed digit-word compounds ("12 ألفا و500", "ثلاثة آلاف وخمسمائة", "1.5 مليون"); the vocabulary itself is
data in `lexicons/numbers.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .normalize import Token, norm, strip_proclitics, tokenize


@dataclass(frozen=True)
class Quantity:
    start_tok: int  # first token of the expression, qualifiers included
    end_tok: int  # exclusive
    count: int | None
    low: int | None
    high: int | None
    approximate: bool
    vague: bool = False
    qualifier: str | None = None  # approx, more_than, at_least, less_than, at_most, range


@cache
def _lexicon() -> dict:
    with (resources.files("pipelines.nlp") / "lexicons" / "numbers.yaml").open(encoding="utf-8") as f:
        lex = yaml.safe_load(f)
    lex["vague_scaled"] = {tuple(k.split()): v for k, v in lex["vague_scaled"].items()}
    return lex


_QUALIFIERS: list[tuple[tuple[str, ...], str]] = [(tuple(norm(w) for w in seq.split()), q)
                                                 for seq, q in _lexicon()["qualifiers"]]
_RANGE_OPEN = set(_lexicon()["range_open"])
_PAST_COMPARATIVES = {norm(w) for w in _lexicon()["past_comparatives"]}
_DASHES = ("-", "–", "—")
_NOT_COUNTED_NOUNS = {norm(w) for w in _lexicon()["not_counted_nouns"]}
_RANGE_JOIN = {norm(w) for w in _lexicon()["range_join"]}
_TO = norm("إلى")
_CHANGE_STEMS = tuple(norm(w) for w in _lexicon()["change_stems"])
_RANGE_VERBS = {norm(w) for w in _lexicon()["range_verbs"]}


def _changes_level(toks: Sequence[Token], start: int) -> bool:
    """Whether "من X إلى Y" at *start* (the "من") follows a word of change in its clause, so it gives two levels,
    not a range: "ليرتفع عدد العسكريين المنتشرين في المنطقة العازلة من 1800 إلى 2300 عسكري"."""
    for k in range(start - 1, max(-1, start - 10), -1):
        if not toks[k].norm[:1].isalpha() or toks[k].norm.lstrip("و") in _RANGE_VERBS:
            return False
        if any(f.startswith(_CHANGE_STEMS) for f in strip_proclitics(toks[k].norm)):
            return True
    return False


def parse_digits(text: str, next_is_scale: bool = False) -> float | None:
    """Value of a digit token: 2500, 2,500, 2.500, ٢٬٥٠٠ (thousands) or 1.5, ٢٫٥ (decimal)."""
    t = norm(text)
    if "٬" in text:
        t = t.replace("٬", "")
    t = t.replace("٫", ".")
    if "," in t:
        parts = t.split(",")
        t = "".join(parts) if all(len(p) == 3 for p in parts[1:]) else t.replace(",", ".")
    if "." in t:
        parts = t.split(".")
        # "2.500 جندي" writes thousands with a dot; "1.5 مليون" is a decimal before a scale word
        if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]) and not next_is_scale:
            t = "".join(parts)
        elif len(parts) > 2:
            return None
    try:
        return float(t)
    except ValueError:
        return None


class _Reader:
    """Reads one number expression starting at a token index."""

    def __init__(self, toks: Sequence[Token]):
        self.toks = toks
        self.lex = _lexicon()

    def _word_value(self, w: str, kinds: Sequence[str] = ("units", "tens", "hundreds", "scales")):
        """(kind, value) of a number word, its proclitics stripped, among the lexicon's *kinds*; or None."""
        lex = self.lex
        for f in strip_proclitics(w):
            for kind in kinds:
                if f in lex[kind]:
                    return kind, lex[kind][f]
        return None

    def _teen_unit(self, i: int) -> tuple[str, int] | None:
        """The unit of "اثنا عشر"، "اثني عشر"، "أحد عشر"، "إحدى عشرة": forms that are a number only before عشر."""
        if i + 1 >= len(self.toks) or self.toks[i + 1].norm not in self.lex["teens_suffix"]:
            return None
        found = self._word_value(self.toks[i].norm, ("teen_units",))
        return ("units", found[1]) if found else None

    def _fraction(self, w: str) -> float | None:
        found = self._word_value(w, ("fractions",))
        return found[1] if found else None

    def _is_scale(self, i: int) -> bool:
        return i < len(self.toks) and any(f in self.lex["scales"] for f in strip_proclitics(self.toks[i].norm))

    def _joined_number(self, i: int) -> tuple[int, int] | None:
        """The number that a word joined to و starts ("وثلاثة آلاف"), read without the conjunction."""
        tok = self.toks[i]
        bare = Token(tok.text[1:], tok.start + 1, tok.end, tok.norm[1:])
        return _Reader([bare, *self.toks[i + 1:]]).number(0)

    def number(self, i: int) -> tuple[int, int] | None:
        """(value, end index) of a precise number starting at token i, or None.

        Terms are summed the usual way: a scale word multiplies what precedes it (ثلاثة آلاف), و joins a
        smaller term (آلاف وخمسمائة, ألفا و500); a teen is a unit followed by عشر.
        """
        toks, n = self.toks, len(self.toks)
        total, current = 0.0, 0.0
        last_scale: float | None = None
        seen_any = after_and = False
        j = i
        while j < n:
            word = toks[j].norm
            if (seen_any and last_scale is not None and not current and (after_and or word.startswith("و"))
                    and word != "و"):
                nxt = self.number(j) if after_and else self._joined_number(j)
                if nxt is not None and nxt[0] >= last_scale:
                    break  # "بين ألفين وثلاثة آلاف": a second number of the same scale, not a smaller term
            if word == "و":
                if seen_any and j + 1 < n and (toks[j + 1].norm[:1].isdigit() or self._word_value(toks[j + 1].norm)
                                               or self._fraction(toks[j + 1].norm) is not None):
                    after_and = True
                    j += 1
                    continue
                break
            if word[:1].isdigit():
                if seen_any and not after_and:
                    break
                # "(16) ألف": a bracketed figure that a scale word multiplies
                bracketed = j + 2 < n and toks[j + 1].text == ")" and self._is_scale(j + 2)
                val = parse_digits(toks[j].text, self._is_scale(j + 1) or bracketed)
                if val is None or (seen_any and (last_scale is None or val >= last_scale)):
                    break
                current += val
                if bracketed:
                    j += 1
            elif (frac := self._fraction(word)) is not None:
                if not seen_any and self._is_scale(j + 1):
                    current = frac  # "نصف مليون": the scale word that follows multiplies it
                elif (seen_any and last_scale is not None and not current
                      and (after_and or (word.startswith("و") and word not in self.lex["fractions"]))):
                    # "مليون ونصف", "ألفين ونصف": half of the scale's unit (a dual's 2000 counts in thousands)
                    total += frac * 10 ** (len(str(int(last_scale))) - 1)
                    seen_any, after_and = True, False
                    j += 1
                    if j < n and toks[j].norm.startswith("ال") and self._is_scale(j):
                        j += 1  # "مليون ونصف المليون"
                    break
                else:
                    break
            else:
                wv = self._word_value(word) or self._teen_unit(j)
                if wv is None:
                    break
                kind, val = wv
                conj = after_and or (word.startswith("و") and word not in self.lex[kind])
                if kind == "scales":
                    if not seen_any and val == 1000 and not any(f in ("الف", "الفا") for f in _first_word_forms(word)):
                        # bare "آلاف" is vague, read by vague(); "وألف" after "بين 700" and "بألف و200" are one thousand
                        break
                    if conj and current and last_scale is None:
                        break  # "بين 700 وألف": a scale joined by و is the next number, not a multiplier of this one
                    nxt = self.toks[j + 1].norm if j + 1 < n else ""
                    if (not seen_any and word in ("الفا", "مليونا") and nxt[:1].isalpha() and not nxt.startswith(("و", "ال"))
                            and nxt not in _NOT_COUNTED_NOUNS):
                        # "ألفا جندي" and "مليونا جندي" are the dual in construct with the counted noun; "12 ألفا"
                        # and "ألفا من مقاتليها" are the accusative of one
                        val *= 2
                    total += (current or 1) * val if val not in (2000, 2000000) or not current else current * val
                    last_scale, current = val, 0.0
                elif seen_any and not conj:
                    if kind == "units" and val == 10 and 0 < current < 10:
                        current += 10  # teens: ثلاثة عشر
                    else:
                        break
                elif seen_any and last_scale is not None and val >= last_scale:
                    break
                elif kind == "hundreds" and conj and current >= 100:
                    break  # "بين خمسمئة وثمانمئة": a second hundreds is the next number (a range's), not a term
                elif kind == "units" and conj and 0 < current < 10 and val <= 10:
                    break  # "بين ستة وسبعة آلاف"، "بين ثمانية وعشرة آلاف": a unit joined to a unit (or ten) is the
                    # next number, not a term
                else:
                    current += val
            seen_any, after_and = True, False
            j += 1
        if after_and:
            j -= 1
        value = total + current
        if not seen_any or value <= 0:
            return None
        return int(round(value)), j

    def vague(self, i: int) -> tuple[int, int, int] | None:
        """(low, high, end index) of a vague quantity (عشرات، مئات الآلاف، بضعة ملايين) at token i."""
        toks, lex = self.toks, self.lex
        for length in (3, 2):
            if i + length <= len(toks):
                words = [t.norm for t in toks[i : i + length]]
                for first in strip_proclitics(words[0]):
                    key = (first, *words[1:])
                    if key in lex["vague_scaled"]:
                        lo, hi = lex["vague_scaled"][key]
                        return lo, hi, i + length
        for f in strip_proclitics(toks[i].norm):
            if f in lex["vague"]:
                lo, hi = lex["vague"][f]
                return lo, hi, i + 1
        return None


def _first_word_forms(word_norm: str) -> tuple[str, ...]:
    """The forms a quantity's first word may take past its proclitics, and past a conjunction on a short word ("وما
    يقارب 1500"), which strip_proclitics leaves whole."""
    forms = strip_proclitics(word_norm)
    # ... and "بما لا يزيد على 50 ألفا": ب on the short "ما"
    return (*forms, word_norm[1:]) if word_norm[:1] in ("و", "ف") or word_norm == "بما" else forms


def _match_seq(toks: Sequence[Token], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(toks):
        return False
    if seq[0] not in _first_word_forms(toks[i].norm):
        return False
    return all(toks[i + k].norm == seq[k] for k in range(1, len(seq)))


@cache
def _starters() -> frozenset[str]:
    """Words that can begin a quantity expression (qualifiers, range openers, number words, vague plurals)."""
    lex = _lexicon()
    words = {seq[0] for seq, _ in _QUALIFIERS} | _RANGE_OPEN | {"ما"}
    for kind in ("units", "tens", "hundreds", "scales", "vague", "fractions", "teen_units"):
        words |= set(lex[kind])
    words |= {k[0] for k in lex["vague_scaled"]}
    return frozenset(words)


def _may_start(word_norm: str) -> bool:
    if word_norm[:1].isdigit():
        return True
    starters = _starters()
    return any(f in starters for f in _first_word_forms(word_norm))


def _shared_scale(toks: Sequence[Token], reader: _Reader, a: tuple[int, int, int], b: tuple[int, int, int]) -> int:
    """"3 إلى 5 آلاف", "بين 5 و6 آلاف": the first number of a range may lack the scale word that ends the second;
    it takes that scale only if it has none of its own and stays below the second (not "من 10 إلى 2000").
    *a* and *b* are (value, first token, end token)."""
    v1, a_start, a_end = a
    v2, b_start, b_end = b
    if any(reader._is_scale(k) for k in range(a_start, a_end)) or not reader._is_scale(b_end - 1):
        return v1
    found = reader._word_value(toks[b_end - 1].norm, ("scales",))
    scale = found[1] if found else 1
    scale = 1000 if scale in (1000, 2000) else 1_000_000 if scale in (1_000_000, 2_000_000) else scale
    return v1 * scale if v1 * scale <= v2 else v1


@cache
def _split_comparatives() -> tuple[dict[str, str], set[str], tuple[str, ...], set[str]]:
    lex = _lexicon()
    sizes = {norm(w) + suffix for w in lex["compared_sizes"] for suffix in ("", "ها", "ه", "هم", "هما")}
    return ({norm(k): v for k, v in lex["split_comparatives"].items()}, sizes,
            tuple(norm(w) for w in lex["compared_men"]), {norm(w) for w in lex["changed_to"]})


_NEGATIONS = {norm(w) for w in _lexicon()["comparative_negations"]}
_NO_LONGER = {norm(w) for w in _lexicon()["no_longer"]}
_FLIPPED = {"more_than": "at_most", "less_than": "at_least"}
_BARE_COUNTS = {norm(w) for w in _lexicon()["bare_counts"]}


def _split_comparative(toks: Sequence[Token], k: int) -> str | None:
    """The qualifier of a number at *k* given by a comparing verb before the size it compares: "يقل عدد أفرادها عن
    ألفي جندي" (less than), "يتجاوز قوامها 8 آلاف" (more than), "ألا يتجاوز عدد القوات 2500" (at most). The size
    must be the men's ("عدد سكانها" is not), and "أن تزيد عدد جنودها إلى 10 آلاف" changes the level to the number."""
    verbs, sizes, men, changed_to = _split_comparatives()
    j = k - 1
    if j >= 0 and toks[j].norm in changed_to:
        return None
    if j >= 0 and toks[j].norm in ("عن", "علي"):
        j -= 1
    for v in range(j - 1, max(-1, k - 9), -1):
        if not toks[v].norm[:1].isalpha():
            return None  # a comma, a bracket or another number: another clause
        verb = toks[v].norm[1:] if toks[v].norm[:1] in "وف" and toks[v].norm[1:] in verbs else toks[v].norm
        if verb in verbs:
            size = toks[v + 1].norm
            if size not in sizes or (size in _BARE_COUNTS and not (
                    v + 2 < k and toks[v + 2].norm.lstrip("ل").removeprefix("ال").startswith(men))):
                return None  # "يتجاوز عدد سكانها"، "تقل عددا من الآليات": not the men's size
            before = v - 1
            if before > 0 and toks[before].norm in _NO_LONGER:
                before -= 1
            negated = before >= 0 and toks[before].norm in _NEGATIONS
            return _FLIPPED[verbs[verb]] if negated else verbs[verb]
    return None


def find_quantities(toks: Sequence[Token]) -> list[Quantity]:
    """Every quantity expression in a tokenized sentence, left to right, non-overlapping."""
    reader = _Reader(toks)
    out: list[Quantity] = []
    i, n = 0, len(toks)
    while i < n:
        if not _may_start(toks[i].norm):
            i += 1
            continue
        start = i
        qualifier = None
        for seq, q in _QUALIFIERS:
            if _match_seq(toks, i, seq):
                if seq[0] in _PAST_COMPARATIVES and (toks[i].norm != seq[0] or i == 0 or not toks[i - 1].norm[:1].isalpha()):
                    # a past verb that opens its clause has the men as its subject: "وتجاوز 300 جندي إسرائيلي السياج"
                    # (crossed), where "عدد العسكريين … تجاوز ألفين وخمسمئة" follows its subject (exceeded)
                    continue
                qualifier = q
                i += len(seq)
                break
        # punctuation between qualifier and number: حوالى(600), «حوالى 5000; and the article some outlets write
        # before a digit: "قرابة الـ 400"
        j = i
        while qualifier and j < n and (toks[j].text in "()«»\"'“”" or (toks[j].norm == "ال" and j + 1 < n
                                                                       and toks[j + 1].norm[:1].isdigit())):
            j += 1
        # ranges: (ما) بين X و Y, من X إلى Y
        range_start = j
        if j + 1 < n and toks[j].norm == "ما" and toks[j + 1].norm == "بين":
            j += 1
        if j < n and any(f in _RANGE_OPEN for f in strip_proclitics(toks[j].norm)):
            a = reader.number(j + 1) or (None)
            if a:
                v1, k = a
                if k < n and (toks[k].norm in _RANGE_JOIN or toks[k].norm.startswith("و")):
                    kk = k + 1 if toks[k].norm in _RANGE_JOIN else k
                    b = reader.number(kk) if toks[k].norm in _RANGE_JOIN else reader.number(k)
                    if b is None and toks[k].norm.startswith("و"):
                        b = reader.number(k)
                    if b:
                        v2, end = b
                        v1 = _shared_scale(toks, reader, (v1, j + 1, k), (v2, kk, end))
                        out.append(Quantity(start, end, None, min(v1, v2), max(v1, v2), True, qualifier="range"))
                        i = end
                        continue
        j = range_start
        got = reader.number(j) if j < n else None
        vg = None if got else (reader.vague(j) if j < n else None)
        if got:
            value, end = got
            if end == j + 1 and value == 100 and toks[j].norm.lstrip("وب").startswith("الم") and (
                    toks[j].norm.lstrip("و").startswith("بال") or (j > 0 and toks[j - 1].norm == "في")):
                i = end  # "60 في المائة", "بالمئة": the hundred of a percentage counts nothing
                continue
            if start > 0 and toks[start - 1].text == "(" and toks[start + 1].text == ")" and end > start + 2:
                start -= 1  # the evidence keeps both brackets of "(16) ألف"
            # "5 آلاف إلى 6 آلاف" without بين; "150-200", "150- 200": a dash between two numbers is a range too
            if end + 1 < n and (toks[end].norm == _TO or (toks[end].text in _DASHES and toks[end - 1].norm.isdigit()
                                                          and toks[end + 1].norm[:1].isdigit()
                                                          and not (1900 <= value <= 2100 and toks[end + 1].norm.isdigit()
                                                                   and 1900 <= int(toks[end + 1].norm) <= 2100))):  # not "2014-2015"
                b = reader.number(end + 1)
                first = _shared_scale(toks, reader, (value, j, end), (b[0], end + 1, b[1])) if b else None
                if b and first < b[0] and not (start > 0 and toks[start - 1].norm == "من" and _changes_level(toks, start - 1)):
                    value = first
                    out.append(Quantity(start, b[1], None, value, b[0], True, qualifier="range"))
                    i = b[1]
                    continue
            if qualifier is None and j == start:
                qualifier = _split_comparative(toks, start)
            approx = qualifier is not None
            low = high = None
            if qualifier in ("more_than", "at_least"):
                low = value
            elif qualifier in ("less_than", "at_most"):
                high = value
            if end < n and toks[end].norm == "تقريبا":
                approx = True
                end += 1
            out.append(Quantity(start, end, value, low, high, approx, qualifier=qualifier))
            i = end
            continue
        if vg:
            lo, hi, end = vg
            out.append(Quantity(start, end, None, lo, hi, True, vague=True, qualifier=qualifier))
            i = end
            continue
        i = start + 1
    return out


def parse_arabic_number(text: str) -> int | None:
    """Integer value of a number written in digits and/or Arabic words ("12 ألفا و500" → 12500)."""
    toks = tokenize(text)
    got = _Reader(toks).number(0) if toks else None
    return got[0] if got else None
