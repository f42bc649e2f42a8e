"""Publication dates stated by the article itself (datelines), for inputs without metadata."""

import datetime as dt
import json
import zipfile

import pytest

from pipelines.ingest import read_inputs
from pipelines.nlp.pubdate import stated_publication_date

from .conftest import SAMPLE, SHARED

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("text, expected", [
    ("عنوان الخبر\nنشر في: الاثنين 9 أيلول 2024 - 10:30 ص\nقال المتحدث إن القوات باقية", "2024-09-09"),
    ("آخر تحديث 12/03/2023\nنص الخبر", "2023-03-12"),
    ("الرياض - 12 مارس 2023 (واس) - أعلن وزير الدفاع أن القوات ستصل في 26 فبراير 2016", "2023-03-12"),
    ("الخميس 5 شوال 1436هـ\nنص الخبر", "2015-07-21"),  # Umm al-Qura, converted by hijridate
    ("الأحد ٢١ يوليو ٢٠١٥\nنص", "2015-07-21"),  # Arabic-Indic digits
    ("نشر 5 جوان 2019 على الساعة 12:00", "2019-06-05"),  # Maghrebi month name from CLDR
    ("الاحد 10/10/1436هـ الموافق 26 يوليو 2015\nنص", "2015-07-26"),  # both calendars: the Gregorian one
])
def test_datelines(text, expected):
    assert stated_publication_date(text, TODAY).date.isoformat() == expected


@pytest.mark.parametrize("text", [
    # event dates inside the story are not publication dates (real SaudiNewsNet sentences)
    "قال الفيفا عبر تويتر إن الاجتماع غير العادي للجمعية العمومية لانتخاب رئيس جديد للفيفا يعقد في 26 فبراير 2016 في زوريخ.",
    "تمت مبايعة خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز، ملكا، في 3 ربيع الآخر 1436 - 23 يناير 2015، وكان",
    "* 28 مايو (أيار) 1990: عقد القمة العربية الاستثنائية في بغداد برئاسة الرئيس العراقي صدام حسين",
    "30 فبراير 2020",  # no such day
    "نشر في 3 مارس 2030",  # after the file landed
    "انتهت المهام القتالية لقوات التحالف نهاية عام 2021- جيتي",  # a year alone is no date
])
def test_no_publication_date(text):
    assert stated_publication_date(text, TODAY) is None


def test_sample_corpus_states_no_full_dates():
    # the bundled articles carry weekdays and day-months ("الاثنين 9 من أيلول") but no dateline with a year
    for path in SAMPLE.glob("*.txt"):
        [article] = list(read_inputs(path))
        assert article.published_at is None and article.published_at_source is None


def test_txt_article_gets_its_dateline_date(tmp_path):
    body = (SAMPLE / "001_57670411fffd694b.txt").read_text(encoding="utf-8")
    path = tmp_path / "article.txt"
    path.write_text("نشر بتاريخ: الأحد 14 كانون الثاني 2024\n" + body, encoding="utf-8")
    [article] = list(read_inputs(path))
    assert (article.published_at, article.published_at_source) == ("2024-01-14", "text")


def test_metadata_date_wins_over_text(tmp_path):
    path = tmp_path / "feed.jsonl"
    rec = {"id": "x", "date_extracted": "2015-07-21 02:51:32",
           "content": "نشر في 3 مارس 2015\n" + (SAMPLE / "001_57670411fffd694b.txt").read_text(encoding="utf-8")}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    [article] = list(read_inputs(path))
    assert (article.published_at, article.published_at_source) == ("2015-07-21T02:51:32", "metadata")


def test_precision_on_a_real_feed_day():
    """On real articles whose metadata date is known, the stated dates found agree with it."""
    zpath = SHARED / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    if not zpath.exists():
        pytest.skip("SaudiNewsNet corpus not available")
    with zipfile.ZipFile(zpath) as zf:
        records = json.loads(zf.read("2015-07-21.json"))
    found = [(stated_publication_date(r["content"], TODAY), r["date_extracted"][:10]) for r in records]
    found = [(s.date, dt.date.fromisoformat(d)) for s, d in found if s]
    wrong = [f for f in found if abs((f[0] - f[1]).days) > 2]
    assert len(wrong) <= max(1, len(found) // 5)
