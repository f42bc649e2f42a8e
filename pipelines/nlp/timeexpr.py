"""Time anchors of a fact ("بحلول أيلول 2025", "نهاية العام", "أمس") and their resolution to a date.

Detection is a small token grammar over `lexicons/time.yaml`; month names (Levantine أيلول and Egyptian
سبتمبر alike) are resolved by dateparser against the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import dateparser
import yaml

from .normalize import Token, norm, strip_proclitics


@dataclass(frozen=True)
class TimeSpan:
    start_tok: int
    end_tok: int
    text_norm: str


@cache
def _lex() -> dict:
    with (resources.files("pipelines.nlp") / "lexicons" / "time.yaml").open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    return {
        "months": {tuple(norm(w) for w in m.split()) for m in raw["months"]},
        "lead": {norm(w) for w in raw["lead"]},
        "periods": {norm(w) for w in raw["periods"]},
        "plural_periods": {norm(w) for w in raw["plural_periods"]},
        "relative": {norm(w) for w in raw["relative_words"]},
        "standalone": {tuple(norm(w) for w in m.split()) for m in raw["standalone"]},
    }


_EDGE = {"نهايه", "بنهايه", "لنهايه", "اواخر"}
_START = {"مطلع", "اوائل", "بدايه"}
_PAST = {"الماضي", "الفائت", "الماضيه", "الفائته"}
FUTURE_RELATIVE = {"المقبل", "القادم", "المقبله", "القادمه"}
_CURRENT = {"الحالي", "الجاري", "الحاليه", "الجاريه"}
_YEAR_PERIODS = {"العام", "عام", "السنه"}


def _is_year(tok: Token) -> bool:
    return tok.norm.isdigit() and len(tok.norm) == 4 and 1900 <= int(tok.norm) <= 2100


def month_at(toks: Sequence[Token], i: int) -> int:
    """Length of a month name starting at i (0 if none); the first word may carry a proclitic."""
    lex = _lex()
    for length in (2, 1):
        if i + length <= len(toks):
            rest = tuple(t.norm for t in toks[i + 1 : i + length])
            for first in strip_proclitics(toks[i].norm):
                if (first, *rest) in lex["months"]:
                    return length
    return 0


def find_time_spans(toks: Sequence[Token]) -> list[TimeSpan]:
    lex = _lex()
    out: list[TimeSpan] = []
    i, n = 0, len(toks)
    while i < n:
        start = i
        j = i
        while j < n and (toks[j].norm in lex["lead"] or any(f in lex["lead"] for f in strip_proclitics(toks[j].norm))):
            j += 1
        core_start = j
        m = month_at(toks, j) if j < n else 0
        if m:
            j += m
            # "آب/ أغسطس": a second calendar's name for the same month
            if j + 1 < n and toks[j].text == "/" and month_at(toks, j + 1):
                j += 1 + month_at(toks, j + 1)
            if j < n and _is_year(toks[j]) or j < n and toks[j].norm in lex["relative"]:
                j += 1
        elif j < n and any(f in lex["periods"] | lex["plural_periods"] for f in strip_proclitics(toks[j].norm)):
            plural = any(f in lex["plural_periods"] for f in strip_proclitics(toks[j].norm))
            j += 1
            if j < n and (_is_year(toks[j]) or toks[j].norm in lex["relative"]):
                j += 1
            elif core_start == start or toks[core_start].norm == "عام" or plural:
                j = core_start  # a bare "العام" is not a time anchor
        elif j < n and _is_year(toks[j]) and j > start:
            j += 1
        else:
            for length in (2, 1):
                key = tuple(t.norm for t in toks[j : j + length])
                if len(key) == length and key in lex["standalone"]:
                    j += length
                    break
                if length == 1 and j < n and any((f,) in lex["standalone"] for f in strip_proclitics(toks[j].norm)):
                    j += 1
                    break
        if j > core_start:
            out.append(TimeSpan(start, j, " ".join(t.norm for t in toks[start:j])))
            i = j
        else:
            i = start + 1
    return out


@lru_cache(maxsize=4096)
def _parse_month(text: str, base: dt.date | None, prefer: str = "current_period") -> dt.datetime | None:
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month"], "PREFER_DATES_FROM": prefer}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    for locale in ("ar-SY", "ar-EG"):
        got = dateparser.parse(text, locales=[locale], settings=settings)
        if got:
            return got
    return None


_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")


def resolve_as_of(span_text: str, original: str, published: dt.date | None) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that a time anchor points to, or None."""
    t = span_text
    words = set(t.split())
    year_m = _YEAR_RE.search(t)
    year = int(year_m.group()) if year_m else None
    if published and year is None:
        if words & _PAST and words & _YEAR_PERIODS:
            year = published.year - 1
        elif words & FUTURE_RELATIVE and words & _YEAR_PERIODS:
            year = published.year + 1
    has_month = any(month_at([Token(w, 0, 0, w) for w in t.split()], k) for k in range(len(t.split())))
    if has_month:
        cleaned = re.sub(r"[^\w\s/]", " ", original)
        # keep only the first calendar's month name and the year for dateparser
        cleaned = cleaned.split("/")[0] + (f" {year}" if year and str(year) not in cleaned.split("/")[0] else "")
        for lead in ("بحلول", "منذ", "خلال", "قبل", "بعد", "حتى", "مطلع", "أواخر", "اواخر", "أوائل", "منتصف",
                     "نهاية", "بداية", "في", "بنهاية"):
            cleaned = re.sub(rf"(^|\s){lead}(\s|$)", " ", cleaned)
        # "أيار الماضي" / "أيار المقبل": the nearest such month before / after publication
        prefer = "past" if words & _PAST else "future" if words & FUTURE_RELATIVE else "current_period"
        for rel in ("الماضي", "الفائت", "المقبل", "القادم", "الحالي", "الجاري", "الماضية", "الفائتة", "المقبلة",
                    "القادمة", "الحالية", "الجارية"):
            cleaned = re.sub(rf"(^|\s){rel}(\s|$)", " ", cleaned)
        got = _parse_month(cleaned.strip(), published, prefer)
        if got:
            return f"{got.year:04d}-{got.month:02d}"
        return None
    if words & _EDGE and words & _YEAR_PERIODS or (words & _EDGE and year):
        y = year or (published.year if published else None)
        return f"{y:04d}-12" if y else None
    if words & _START and (year or published):
        y = year or published.year
        return f"{y:04d}-01"
    if "منتصف" in words and (year or published) and words & _YEAR_PERIODS | ({str(year)} if year else set()):
        y = year or published.year
        return f"{y:04d}-06"
    if year:
        return f"{year:04d}"
    if published:
        step = -1 if words & _PAST else 1 if words & FUTURE_RELATIVE else 0
        if "الشهر" in words and (step or words & ({"الحالي", "الجاري"} | _EDGE)):
            m = published.year * 12 + published.month - 1 + step
            return f"{m // 12:04d}-{m % 12 + 1:02d}"  # "الشهر المقبل" in an article of 10 September: October
        if "الاسبوع" in words and step:
            return (published + dt.timedelta(days=7 * step)).isoformat()
        if "امس" in words:
            return (published - dt.timedelta(days=2 if "الاول" in words else 1)).isoformat()
        if words & {"حاليا", "الان", "اليوم"}:
            return published.isoformat()
        if words & _YEAR_PERIODS and words & _CURRENT:
            return f"{published.year:04d}"
    return None
