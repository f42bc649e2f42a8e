"""Tests for pipelines.ingest (readers of raw article files).

All inputs are built in tmp_path from real Arabic text: the sample article
data/sample/001_57670411fffd694b.txt and, when the shared corpus is present,
the first article of shared/corpus/saudinewsnet/2015-07-21.zip.
"""

from __future__ import annotations

import html
import io
import itertools
import json
import random
import struct
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # allow running pytest from anywhere
    sys.path.insert(0, str(REPO))

from pipelines.ingest import RawArticle, RejectedInput, near_duplicate_groups, read_inputs  # noqa: E402

SAMPLE = REPO / "data" / "sample" / "001_57670411fffd694b.txt"
CORPUS = Path("/work/shared/corpus/saudinewsnet")
CORPUS_ZIP = CORPUS / "2015-07-21.zip"


# --------------------------------------------------------------------------- #
# Real Arabic text fixtures
# --------------------------------------------------------------------------- #
def _sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("\r\n", "\n").strip()


def _corpus_first_article() -> dict | None:
    if not CORPUS_ZIP.exists():
        return None
    with zipfile.ZipFile(CORPUS_ZIP) as zf:
        member = sorted(zf.namelist())[0]
        with zf.open(member) as fh:
            return json.load(fh)[0]


def _portable(text: str) -> str:
    """Drop the few characters that cp1256 or ISO-8859-6 cannot encode."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1256")
            ch.encode("iso8859_6")
        except UnicodeEncodeError:
            continue
        out.append(ch)
    kept = "".join(out)
    assert len(kept) > 0.95 * len(text)
    return kept.replace("\r\n", "\n").strip()


def _texts() -> dict[str, str]:
    texts = {"sample": _portable(_sample_text())}
    art = _corpus_first_article()
    if art is not None:
        texts["corpus"] = _portable(art["content"])
    return texts


TEXT_IDS = ["sample", "corpus"]

ENCODINGS = {
    # name -> (bytes encoder, expected detected encoding)
    "utf_8": (lambda s: s.encode("utf-8"), "utf_8"),
    "utf_8_bom": (lambda s: s.encode("utf-8-sig"), "utf_8"),
    "utf_16_le_bom": (lambda s: b"\xff\xfe" + s.encode("utf-16-le"), "utf_16"),
    "utf_16_be_bom": (lambda s: b"\xfe\xff" + s.encode("utf-16-be"), "utf_16"),
    "cp1256": (lambda s: s.encode("cp1256"), "cp1256"),
    "iso8859_6": (lambda s: s.encode("iso8859_6"), "iso8859_6"),
}


def _get_text(which: str) -> str:
    texts = _texts()
    if which not in texts:
        pytest.skip(f"{CORPUS_ZIP} not available")
    return texts[which]


def _only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def _reason_code(rej: RejectedInput) -> str:
    return rej.reason.split(":", 1)[0]


# --------------------------------------------------------------------------- #
# Encodings
# --------------------------------------------------------------------------- #
@pytest.mark.parametrize("which", TEXT_IDS)
@pytest.mark.parametrize("enc", list(ENCODINGS))
def test_same_article_in_every_encoding_decodes_identically(tmp_path, which, enc):
    text = _get_text(which)
    encode, expected_encoding = ENCODINGS[enc]
    f = tmp_path / f"article_{enc}.txt"
    f.write_bytes(encode(text))
    art = _only(read_inputs(f))
    assert isinstance(art, RawArticle), art
    assert art.content == text
    assert art.encoding == expected_encoding
    assert art.source_id == f"article_{enc}"
    assert art.input_path == str(f)
    assert art.record_index is None


@pytest.mark.parametrize("which", TEXT_IDS)
@pytest.mark.parametrize("enc", ["cp1256", "iso8859_6"])
def test_short_single_byte_arabic_is_not_mistaken_for_another_code_page(tmp_path, which, enc):
    # charset-normalizer alone sometimes picks a Cyrillic/CJK page for short texts
    text = _get_text(which)
    short = text.split("\n")[0][:70].strip()
    encode, expected_encoding = ENCODINGS[enc]
    f = tmp_path / "short.txt"
    f.write_bytes(encode(short))
    art = _only(read_inputs(f))
    assert isinstance(art, RawArticle), art
    assert art.content == short
    assert art.encoding == expected_encoding


def test_all_encodings_in_one_folder_give_identical_content(tmp_path):
    text = _get_text("sample")
    for enc, (encode, _) in ENCODINGS.items():
        (tmp_path / f"{enc}.txt").write_bytes(encode(text))
    items = list(read_inputs(tmp_path))
    assert [type(i) for i in items] == [RawArticle] * len(ENCODINGS)
    assert {i.content for i in items} == {text}
    # sorted by path
    assert [Path(i.input_path).name for i in items] == sorted(f"{e}.txt" for e in ENCODINGS)


# --------------------------------------------------------------------------- #
# HTML
# --------------------------------------------------------------------------- #
def _html_page(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="{charset}">
<title>{html.escape(title)} | شبكة الأخبار العربية</title>
<meta property="article:published_time" content="2024-02-03T09:15:00+03:00">
<meta name="author" content="فريق التحرير">
<link rel="canonical" href="https://news.example.com/world/iraq-coalition-talks">
</head><body>
<nav class="menu"><ul>
<li><a href="/">الصفحة الرئيسية</a></li><li><a href="/politics">أخبار السياسة</a></li>
<li><a href="/economy">الاقتصاد والأعمال</a></li><li><a href="/sport">الرياضة اليوم</a></li>
</ul></nav>
<div class="breaking">عاجل: تابعوا آخر المستجدات على مدار الساعة</div>
<main><article>
<h1>{html.escape(title)}</h1>
{body}
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a">خبر رياضي عن كرة القدم</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة لشبكة الأخبار العربية 2024</p>
<a href="/privacy">سياسة الخصوصية</a> <a href="/contact">اتصل بنا</a></footer>
</body></html>
"""


@pytest.mark.parametrize("charset,codec", [("utf-8", "utf-8"), ("windows-1256", "cp1256")])
def test_html_page_yields_body_title_and_date(tmp_path, charset, codec):
    lines = [ln.strip() for ln in _get_text("sample").split("\n") if ln.strip()]
    title, paragraphs = lines[0], [ln for ln in lines[1:] if ln != lines[0]]
    page = _html_page(title, paragraphs, charset)
    f = tmp_path / "news" / "page.html"
    f.parent.mkdir()
    f.write_bytes(page.encode(codec))
    art = _only(read_inputs(f))
    assert isinstance(art, RawArticle), art
    assert art.title == title
    assert art.published_at is not None and art.published_at.startswith("2024-02-03")
    assert art.partition_date == "2024-02-03"
    assert art.url == "https://news.example.com/world/iraq-coalition-talks"
    assert art.source == "news.example.com"
    assert art.encoding == codec.replace("-", "_")
    # the body, paragraph by paragraph, with line breaks kept
    for p in paragraphs:
        assert p in art.content
    body_lines = art.content.split("\n")
    assert paragraphs[0] in body_lines and paragraphs[-1] in body_lines
    # no boilerplate
    for junk in (
        "الصفحة الرئيسية",
        "جميع الحقوق محفوظة",
        "سياسة الخصوصية",
        "الأكثر قراءة",
        "شبكة الأخبار العربية",
    ):
        assert junk not in art.content


def test_html_without_date_metadata_does_not_guess_from_body_years(tmp_path):
    lines = [ln.strip() for ln in _get_text("sample").split("\n") if ln.strip()]
    page = _html_page(lines[0], lines[1:] + ["وقعت الأحداث في منتصف تشرين الأول 2023."])
    page = page.replace('<meta property="article:published_time" content="2024-02-03T09:15:00+03:00">', "")
    f = tmp_path / "2024-05-06_page.htm"
    f.write_text(page, encoding="utf-8")
    art = _only(read_inputs(f))
    assert isinstance(art, RawArticle), art
    assert art.published_at is None
    assert art.partition_date == "2024-05-06"  # falls back to the date in the file name
    assert art.source_id == "2024-05-06_page"


# --------------------------------------------------------------------------- #
# Rejections of whole files
# --------------------------------------------------------------------------- #
def test_bad_files_are_rejected_with_reason_codes_and_good_ones_survive(tmp_path):
    text = _get_text("sample")
    (tmp_path / "a_empty.txt").write_bytes(b"")
    rnd = random.Random(1234)
    blob = bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00\x00\x00"
    assert b"\x00" in blob
    (tmp_path / "b_binary.txt").write_bytes(blob)
    english = (
        "The coalition said on Sunday that talks with Baghdad would resume next week. "
        "Officials declined to comment on the number of troops remaining in the country.\n"
    ) * 5
    (tmp_path / "c_english.txt").write_text(english, encoding="utf-8")
    (tmp_path / "d_good.txt").write_text(text, encoding="utf-8")
    (tmp_path / "e_doc.pdf").write_bytes(b"%PDF-1.4 fake")
    (tmp_path / ".hidden.txt").write_text(text, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(text, encoding="utf-8")

    items = list(read_inputs(tmp_path))
    by_name = {Path(i.input_path).name: i for i in items}
    assert sorted(by_name) == ["a_empty.txt", "b_binary.txt", "c_english.txt", "d_good.txt", "e_doc.pdf"]
    assert _reason_code(by_name["a_empty.txt"]) == "empty_file"
    assert _reason_code(by_name["b_binary.txt"]) == "binary"
    assert _reason_code(by_name["c_english.txt"]) == "not_arabic"
    assert _reason_code(by_name["e_doc.pdf"]) == "unsupported_type"
    assert isinstance(by_name["d_good.txt"], RawArticle)
    assert by_name["d_good.txt"].content == text
    assert by_name["b_binary.txt"].first_bytes == repr(blob[:32])


def test_random_bytes_without_nul_are_binary_not_arabic(tmp_path):
    rnd = random.Random(7)
    blob = bytes(rnd.randrange(1, 256) for _ in range(4096))
    f = tmp_path / "noise.txt"
    f.write_bytes(blob)
    rej = _only(read_inputs(f))
    assert isinstance(rej, RejectedInput)
    assert _reason_code(rej) == "binary"


def test_oversized_file_is_rejected(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(_get_text("sample"), encoding="utf-8")
    rej = _only(read_inputs(f, max_bytes=1000))
    assert isinstance(rej, RejectedInput)
    assert _reason_code(rej) == "too_large"
    assert isinstance(_only(read_inputs(f)), RawArticle)


def test_missing_path_is_a_rejection_not_an_exception(tmp_path):
    rej = _only(read_inputs(tmp_path / "nope"))
    assert _reason_code(rej) == "not_found"


# --------------------------------------------------------------------------- #
# JSON / JSONL records
# --------------------------------------------------------------------------- #
def _record(text: str, **extra) -> dict:
    rec = {
        "source": "aawsat",
        "url": "http://aawsat.com/home/article/1",
        "date_extracted": "2015-07-21 02:51:32",
        "title": text.split("\n")[0][:60],
        "author": "لندن: مراسل",
        "content": text,
    }
    rec.update(extra)
    return rec


def test_jsonl_with_one_malformed_line(tmp_path):
    text = _get_text("sample")
    other = _get_text("corpus") if CORPUS_ZIP.exists() else text
    lines = [
        json.dumps(_record(text), ensure_ascii=False),
        '{"source": "okaz", "content": "نص مقطوع',  # malformed
        json.dumps({"id": "doc-42", "text": other, "published_at": "2024-02-11"}, ensure_ascii=False),
        "",
        json.dumps({"id": "empty", "content": "   "}),
    ]
    f = tmp_path / "feed_2024-02-10.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs(f))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RejectedInput", "RawArticle", "RejectedInput"]
    first, bad, second, empty = items
    assert first.record_index == 0 and first.source_id == "feed_2024-02-10#0"
    assert first.content == text
    assert first.source == "aawsat" and first.author == "لندن: مراسل"
    assert first.published_at == "2015-07-21T02:51:32" and first.partition_date == "2015-07-21"
    assert bad.record_index == 1 and _reason_code(bad) == "malformed_json_line"
    assert bad.first_bytes.startswith('{"source": "okaz"')
    assert second.record_index == 2 and second.source_id == "doc-42"
    assert second.content == other
    assert second.source == tmp_path.name  # no source, no url -> parent folder
    assert second.published_at == "2024-02-11" and second.partition_date == "2024-02-11"
    assert empty.record_index == 4 and _reason_code(empty) == "empty_content"


def test_json_array_and_single_object(tmp_path):
    text = _get_text("sample")
    arr = [
        _record(text),
        {"url": "https://www.alriyadh.com/1066507", "body": text, "date": "2015-07-22"},
        {"title": "بلا محتوى", "content": ""},
        ["not", "an", "object"],
    ]
    f = tmp_path / "batch.json"
    f.write_text(json.dumps(arr, ensure_ascii=False, indent=2), encoding="utf-8")
    items = list(read_inputs(f))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RawArticle", "RejectedInput", "RejectedInput"]
    assert items[0].source_id == "batch#0"
    assert items[1].source == "alriyadh.com" and items[1].source_id == "batch#1"
    assert items[1].partition_date == "2015-07-22"
    assert _reason_code(items[2]) == "empty_content" and items[2].record_index == 2
    assert _reason_code(items[3]) == "not_an_object" and items[3].record_index == 3

    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": 7, "content": text}, ensure_ascii=False), encoding="utf-16")
    art = _only(read_inputs(one))
    assert art.source_id == "7" and art.record_index == 0 and art.encoding == "utf_16"
    assert art.content == text


def test_malformed_json_file_is_rejected(tmp_path):
    text = _get_text("sample")
    f = tmp_path / "broken.json"
    f.write_text('{"content": ' + json.dumps(text, ensure_ascii=False) + ', "title": }', encoding="utf-8")
    rej = _only(read_inputs(f))
    assert isinstance(rej, RejectedInput) and _reason_code(rej) == "malformed_json"

    # a truncated array keeps the complete records before the break
    g = tmp_path / "cut.json"
    full = json.dumps([_record(text), _record(text)], ensure_ascii=False)
    g.write_text(full[: len(full) - len(text) // 2], encoding="utf-8")
    items = list(read_inputs(g))
    assert [type(i).__name__ for i in items] == ["RawArticle", "RejectedInput"]
    assert _reason_code(items[1]) == "malformed_json" and items[1].record_index == 1


# --------------------------------------------------------------------------- #
# ZIP archives
# --------------------------------------------------------------------------- #
def test_truncated_zip_is_rejected(tmp_path):
    text = _get_text("sample")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("2015-07-21.json", json.dumps([_record(text)] * 20, ensure_ascii=False))
    data = buf.getvalue()
    f = tmp_path / "2015-07-21.zip"
    f.write_bytes(data[: len(data) // 2])
    rej = _only(read_inputs(f))
    assert isinstance(rej, RejectedInput)
    assert _reason_code(rej) == "bad_zip"
    assert rej.input_path == str(f)


def test_zip_with_unsafe_member_and_bomb_keeps_the_good_member(tmp_path):
    text = _get_text("sample")
    f = tmp_path / "2015-07-25.zip"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("../evil.json", json.dumps([_record(text)], ensure_ascii=False))
        zf.writestr("/etc/abs.txt", text)
        zf.writestr("bomb.txt", b"\x00" * (50 * 1024 * 1024))
        zf.writestr("good.json", json.dumps([_record(text, date_extracted="")], ensure_ascii=False))
        zf.writestr("notes.csv", "a,b\n")
        zf.writestr("__MACOSX/._good.json", b"\x00\x05\x16\x07")
    items = list(read_inputs(f))
    by_member = {i.input_path.split("!", 1)[1]: i for i in items}
    assert set(by_member) == {"../evil.json", "/etc/abs.txt", "bomb.txt", "good.json", "notes.csv"}
    assert _reason_code(by_member["../evil.json"]) == "unsafe_path"
    assert _reason_code(by_member["/etc/abs.txt"]) == "unsafe_path"
    assert _reason_code(by_member["bomb.txt"]) == "zip_bomb"
    assert _reason_code(by_member["notes.csv"]) == "unsupported_type"
    good = by_member["good.json"]
    assert isinstance(good, RawArticle)
    assert good.content == text
    assert good.input_path == f"{f}!good.json"
    assert good.source_id == "2015-07-25#0"
    assert good.published_at is None and good.partition_date == "2015-07-25"  # from the zip name


def test_zip_member_with_lying_size_header_is_rejected(tmp_path):
    """Central directory claims 1000 bytes; the member really inflates to 20 MB."""
    text = _get_text("sample")
    f = tmp_path / "liar.zip"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a_good.txt", text)
        zf.writestr("b_liar.txt", b"\x00" * (20 * 1024 * 1024))
    raw = bytearray(f.read_bytes())
    cd = raw.rfind(b"PK\x01\x02")  # central directory entry of the last member (b_liar.txt)
    assert raw[cd + 46 : cd + 46 + len(b"b_liar.txt")] == b"b_liar.txt"
    raw[cd + 24 : cd + 28] = struct.pack("<I", 1000)
    f.write_bytes(bytes(raw))
    items = list(read_inputs(f))
    assert isinstance(items[0], RawArticle) and items[0].content == text
    assert items[0].source_id == "liar/a_good"
    assert isinstance(items[1], RejectedInput)
    assert _reason_code(items[1]) in {"zip_bomb", "bad_zip_member"}


def test_zip_member_with_crc_error_is_rejected_and_earlier_members_kept(tmp_path):
    text = _get_text("sample")
    f = tmp_path / "crc.zip"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.txt", text)
        zf.writestr("b.txt", text)
    raw = bytearray(f.read_bytes())
    second = raw.find(b"PK\x03\x04", 4)
    pos = second + 30 + len(b"b.txt") + 100  # inside b.txt's stored data
    raw[pos] ^= 0xFF
    f.write_bytes(bytes(raw))
    items = list(read_inputs(f))
    assert isinstance(items[0], RawArticle) and items[0].content == text
    assert isinstance(items[1], RejectedInput)
    assert _reason_code(items[1]) == "bad_zip_member" and "CRC" in items[1].reason


def test_zip_member_ratio_limit_is_configurable(tmp_path):
    words = _get_text("sample").split(" ")
    records = []
    for i in range(250):  # distinct records, so they compress like real text (~3-4x)
        rnd = random.Random(i)
        records.append(_record(" ".join(rnd.sample(words, len(words)))))
    f = tmp_path / "ok.zip"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.json", json.dumps(records, ensure_ascii=False))
    info = zipfile.ZipFile(f).infolist()[0]
    assert info.file_size > 1 << 20 and 2 < info.file_size / info.compress_size < 10
    items = list(read_inputs(f))
    assert len(items) == 250 and all(isinstance(i, RawArticle) for i in items)
    rej = _only(read_inputs(f, max_unpacked_ratio=2))
    assert _reason_code(rej) == "zip_bomb"


@pytest.mark.skipif(not CORPUS_ZIP.exists(), reason="shared corpus not available")
def test_corpus_zip_streams_records():
    art0 = _corpus_first_article()
    items = list(itertools.islice(read_inputs(CORPUS_ZIP), 50))
    assert len(items) == 50
    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.source_id == "2015-07-21#0" and first.record_index == 0
    assert first.content == art0["content"].strip()
    assert first.source == art0["source"] and first.title == art0["title"]
    assert first.input_path.endswith("2015-07-21.zip!2015-07-21.json")
    assert first.partition_date == "2015-07-21"
    assert first.encoding == "utf_8"


def test_reading_is_deterministic(tmp_path):
    text = _get_text("sample")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text(text, encoding="cp1256")
    (tmp_path / "a.jsonl").write_text(
        json.dumps(_record(text), ensure_ascii=False) + "\n{oops\n", encoding="utf-8"
    )
    with zipfile.ZipFile(tmp_path / "c.zip", "w") as zf:
        zf.writestr("z.txt", text)
        zf.writestr("y.txt", "")
    first = list(read_inputs(tmp_path))
    second = list(read_inputs(str(tmp_path)))
    assert first == second
    assert [(Path(i.input_path).name, i.record_index) for i in first] == [
        ("a.jsonl", 0),
        ("a.jsonl", 1),
        ("x.txt", None),
        ("c.zip!y.txt", None),
        ("c.zip!z.txt", None),
    ]


# --------------------------------------------------------------------------- #
# Near duplicates
# --------------------------------------------------------------------------- #
def _edited_copy(text: str) -> str:
    sentences = text.split(". ")
    del sentences[1]  # drop a sentence
    edited = ". ".join(sentences)
    words = edited.split(" ")
    for i in (40, 120, 200):  # change a few words
        words[i] = "كلمة" + str(i)
    return " ".join(words)


def test_near_duplicate_groups(tmp_path):
    from pipelines.ingest.readers import _shingles

    original = _get_text("sample")
    edited = _edited_copy(original)
    assert edited != original
    a, b = _shingles(original), _shingles(edited)
    assert 0.8 < len(a & b) / len(a | b) < 0.95  # a light edit, not a copy

    unrelated = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "sample").glob("*.txt"))]
    unrelated = [t for t in unrelated if t.strip() != original]
    art = _corpus_first_article()
    if art is not None:
        unrelated.append(art["content"])
    items = [("orig", original)] + [(f"other{i}", t) for i, t in enumerate(unrelated)] + [("edited", edited)]
    groups = near_duplicate_groups(items)
    assert groups == {"edited": "orig"}
    # order decides which doc is canonical
    assert near_duplicate_groups([("edited", edited), ("orig", original)]) == {"orig": "edited"}
    # exact copies, empty docs and repeated ids
    assert near_duplicate_groups([("a", original), ("b", original), ("c", ""), ("a", edited)]) == {"b": "a"}
