"""The publication date an article states about itself, for inputs without metadata (plain .txt pages).

Scraped pages carry their date in a *dateline*: a short line near the top or the bottom that is a date and
little else ("نشر في: الاثنين 9 أيلول 2024 - 10:30 ص", "آخر تحديث 12/03/2023", "الرياض - 12 مارس 2023 (واس):").
Dates inside the story ("اجتماع يعقد في 26 فبراير 2016") are event dates, not publication dates, so a date
only counts when its line is a dateline: after removing the date, times, weekdays and publication words
(`lexicons/time.yaml`) at most a few words (an outlet, a city) are left, or the date opens the story right
after a place name. Nothing is guessed from years alone.

Month names come from CLDR through Babel, for every Arabic locale (Levantine أيلول, Egyptian سبتمبر,
Maghrebi شتنبر/جوان alike); Hijri (Umm al-Qura) dates, common in Saudi outlets, are converted by hijridate. Numeric dates are read day-first, the Arabic convention.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .normalize import norm

_MAX_LEFT_WORDS = 3  # an outlet or a city may stay on a dateline beside the date
_MAX_CUED_LINE_WORDS = 12  # a longer line is story text, where "بتاريخ 9/4/2015" dates an event
_TOP_LINES, _BOTTOM_LINES = 8, 5


@dataclass(frozen=True)
class StatedDate:
    date: dt.date
    line: str  # the dateline, as written
    calendar: str  # "gregorian" or "hijri"


def _cldr_months() -> dict[str, int]:
    """Normalized Arabic month name -> month number, over all of CLDR's Arabic locales."""
    from babel import localedata
    from babel.dates import get_month_names

    out: dict[str, int] = {}
    for loc in localedata.locale_identifiers():
        if loc == "ar" or loc.startswith("ar_"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names("wide", context=context, locale=loc).items():
                    if re.fullmatch(r"[\u0600-\u06ff ]+", name):
                        out.setdefault(norm(name), number)
    return out


@cache
def _lexicon() -> dict:
    with (resources.files("pipelines.nlp") / "lexicons" / "time.yaml").open(encoding="utf-8") as f:
        raw = yaml.safe_load(f)
    months = _cldr_months()
    hijri = {norm(name): i + 1 for i, names in enumerate(raw["hijri_months"]) for name in names}
    month_re = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
    hijri_re = "|".join(re.escape(m) for m in sorted(hijri, key=len, reverse=True))
    day = r"(?<!\d)(?P<d>[0-3]?\d)"
    return {
        "hijri": hijri,
        "months": months,
        "skip": {norm(w) for w in raw["weekdays"] + raw["publication_cues"]},
        "strong": {norm(w) for w in ("نشر", "نشرت", "منشور", "بتاريخ", "تاريخ", "تحديث", "التحديث")},
        "patterns": [
            ("hijri", re.compile(day + r"\s*(?:من\s+)?(?P<m>" + hijri_re + r")\s*[,،]?\s*(?P<y>1[34]\d\d)(?!\d)\s*(?:ه|هـ)?")),
            ("hijri_num", re.compile(day + r"\s*[/.-]\s*(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>1[34]\d\d)(?!\d)\s*(?:ه|هـ)?")),
            ("text", re.compile(day + r"\s*(?:من\s+)?(?P<m>" + month_re + r")(?:\s*[/(]\s*(?:" + month_re
                                + r")\s*\)?)?\s*[,،]?\s*(?:عام\s+)?(?P<y>(?:19|20)\d\d)(?!\d)")),
            ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
            ("num", re.compile(day + r"\s*[/.-]\s*(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d)(?!\d)")),
        ],
    }


_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_WORD_RE = re.compile(r"[^\W\d_]+")
_OPENER_END = re.compile(r"\s*[-–—:(]")


def _to_date(kind: str, m: re.Match) -> dt.date | None:
    lex = _lexicon()
    try:
        d, y = int(m["d"]), int(m["y"])
        if kind in ("iso", "num"):
            return dt.date(y, int(m["m"]), d)
        if kind in ("hijri", "hijri_num"):
            from hijridate import Hijri

            month = lex["hijri"][m["m"]] if kind == "hijri" else int(m["m"])
            g = Hijri(y, month, d).to_gregorian()
            return dt.date(g.year, g.month, g.day)
        return dt.date(y, lex["months"][m["m"]], d)
    except (ValueError, OverflowError, KeyError):
        return None


def _is_dateline(line_norm: str, m: re.Match) -> bool:
    lex = _lexicon()
    before, after = line_norm[: m.start()], line_norm[m.end():]
    rest = _TIME_RE.sub(" ", before + " " + after)
    words = [w for w in _WORD_RE.findall(rest) if w not in lex["skip"]]
    if len(words) <= _MAX_LEFT_WORDS:
        return True
    before_words = _WORD_RE.findall(before)
    if len(words) <= _MAX_CUED_LINE_WORDS and any(w in lex["strong"] for w in before_words[-3:]):
        return True  # "نشر بتاريخ 12 مارس 2023 | قسم الأخبار | الكاتب فلان"
    # a story opening "الرياض - 12 مارس 2023 (واس) - ..." : a place, the date, then punctuation
    return 1 <= len(before_words) <= 2 and bool(_OPENER_END.match(after))


def stated_publication_date(text: str, not_after: dt.date | None = None) -> StatedDate | None:
    """The date the article's own dateline states (top lines first, then bottom lines), or None.

    `not_after` (the day the file landed) rejects impossible future dates."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    candidates = lines[:_TOP_LINES] + lines[max(_TOP_LINES, len(lines) - _BOTTOM_LINES):]
    latest = (not_after or dt.date.max - dt.timedelta(days=2)) + dt.timedelta(days=1)
    for line in candidates:
        line_norm = norm(line)
        found: list[tuple[int, StatedDate]] = []
        for kind, pattern in _lexicon()["patterns"]:
            for m in pattern.finditer(line_norm):
                if not _is_dateline(line_norm, m):
                    continue
                date = _to_date(kind, m)
                if date and dt.date(1990, 1, 1) <= date <= latest:
                    calendar = "hijri" if kind.startswith("hijri") else "gregorian"
                    # a line with both calendars: the Gregorian date is the one analysts filter on
                    found.append((calendar == "hijri", StatedDate(date, line, calendar)))
        if found:
            return min(found, key=lambda f: f[0])[1]
    return None
