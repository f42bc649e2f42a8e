"""Cleaning the scraped sample articles: boilerplate goes, every story sentence stays."""

from pipelines.nlp.clean import clean_article, normalize_characters
from pipelines.nlp.sentences import split_sentences

from .conftest import SAMPLE


def _clean(name):
    return clean_article((SAMPLE / name).read_text(encoding="utf-8"))


def test_boilerplate_lines_are_removed():
    texts = {p.name: clean_article(p.read_text(encoding="utf-8")).text for p in sorted(SAMPLE.glob("*.txt"))}
    joined = "\n".join(texts.values())
    for junk in ("التعليقات (0)", "اظهار أخبار متعلقة", "تابعنا على", "أحدث المواد", "سيعجبك أيضا",
                 "تعليقات الأعضاء", "هل ترغب بالتعليق", "لا تتردد في إعطاء تعليقك",
                 "تعبّر عن آراء كتابها", "تنبيه هام", "المقال يحوي معلومات خاطئة", "جيتي"):
        assert junk not in joined, junk


def test_story_sentences_are_kept_and_title_not_repeated():
    doc = _clean("001_57670411fffd694b.txt")
    assert doc.title == "هل ينسحب التحالف الدولي من العراق بعد تهديدات بغداد؟"
    assert doc.title not in doc.text
    assert "وتنشر الولايات المتحدة نحو 2500 جندي في العراق و900 في سورية المجاورة" in doc.text
    assert "أركان العلياوي" in doc.text
    doc = _clean("000_d62427bc4efbec61.txt")
    assert doc.text.rstrip().endswith("ينتشرون في قواعد عسكرية تحت قيادة القوات العراقية.")
    assert "قالت وزارة الخارجية الأمريكية إن انتشار القوات الأمريكية في العراق" in doc.text


def test_character_cleaning():
    raw = "ﺍﻟﻌﺮﺍﻕ\u200f يـــنشر\u00a0قوات\u200b"
    assert normalize_characters(raw) == "العراق ينشر قوات"


def test_sentence_offsets_point_into_text():
    doc = _clean("002_fc5128e4fd6255bc.txt")
    sents = split_sentences(doc.text)
    assert len(sents) > 10
    for s in sents:
        assert doc.text[s.start : s.end] == s.text
    assert any("حوالي 2500 فرد في العراق" in s.text for s in sents)


def test_real_feed_articles_keep_their_story():
    """On a real daily feed, cleaning keeps nearly all of every substantial article (regression: a long
    story line that mentions a website or an official is not boilerplate)."""
    import json
    import zipfile

    import pytest

    from .conftest import SHARED

    zpath = SHARED / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    if not zpath.exists():
        pytest.skip("SaudiNewsNet not available")
    with zipfile.ZipFile(zpath) as z:
        arts = json.load(z.open(z.namelist()[0]))
    long_articles = [a for a in arts[:600] if len((a["content"] or "").split()) >= 20]
    kept = [len(clean_article(a["content"], a.get("title")).text) / len(a["content"]) for a in long_articles]
    assert sum(k == 0 for k in kept) <= len(kept) // 100
    assert sum(kept) / len(kept) > 0.9
