"""A messy feed made from real text, through the ingestion stage into the Parquet warehouse: the same article
in three encodings, an HTML page, empty/binary files, a truncated ZIP, a JSONL file with a bad line, an exact
and a near duplicate. Asserts documents, rejected inputs with reasons, and row counts after a rerun."""

import io
import json
import zipfile

import duckdb

from pipelines import stages
from pipelines.store import ParquetStore

from .conftest import SAMPLE


def _make_feed(root):
    text = (SAMPLE / "001_57670411fffd694b.txt").read_text(encoding="utf-8")
    other = (SAMPLE / "004_9a659242632aa120.txt").read_text(encoding="utf-8")
    root.mkdir()
    (root / "a_utf8.txt").write_text(text, encoding="utf-8")
    (root / "b_utf16.txt").write_bytes(text.encode("utf-16"))
    (root / "c_cp1256.txt").write_bytes(text.encode("cp1256", errors="ignore"))
    body = "".join(f"<p>{line}</p>" for line in other.splitlines() if line.strip())
    (root / "d_page.html").write_text(
        f"<html><head><title>عنوان الصفحة</title><meta property='article:published_time' content='2021-07-27'>"
        f"</head><body><nav>الرئيسية</nav><article>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>",
        encoding="utf-8")
    (root / "e_empty.txt").write_bytes(b"")
    (root / "f_binary.txt").write_bytes(bytes(range(256)) * 20)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2015-07-21.json", json.dumps([{"source": "x", "content": text}] * 3, ensure_ascii=False))
    (root / "g_truncated.zip").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    near = text.replace("نحو 2500 جندي", "قرابة 2500 جندي").replace("المجاورة", "")
    lines = [json.dumps({"id": "j1", "text": other, "published_at": "2021-07-27"}, ensure_ascii=False),
             "{this is not json",
             json.dumps({"id": "j2", "text": near, "published_at": "2024-02-10"}, ensure_ascii=False)]
    (root / "h_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_messy_feed_into_the_warehouse(tmp_path):
    feed = tmp_path / "feed"
    _make_feed(feed)
    store = ParquetStore(str(tmp_path / "parquet"))
    results = stages.ingest(feed, store, max_bytes=1_000_000)
    assert len(results) == 8 and not any(r.skipped for r in results)
    con = duckdb.connect()
    docs = con.execute(f"select doc_id, source_id, encoding, text from read_parquet('{store.table_glob('documents')}')"
                       ).fetchall()
    # UTF-8, UTF-16 and cp1256 copies decode to the same cleaned text: one doc_id
    same = {d[0] for d in docs if d[1] in ("a_utf8", "b_utf16", "c_cp1256")}
    assert len(same) == 1
    assert {d[2] for d in docs if d[1] in ("a_utf8", "b_utf16", "c_cp1256")} >= {"utf_16", "cp1256"}
    html_doc = [d for d in docs if d[1] == "d_page"]
    assert html_doc and "حوالي 2500 عسكري أميركي" in html_doc[0][3] and "جميع الحقوق" not in html_doc[0][3]
    reasons = dict(con.execute(f"""select split_part(input_path, '/', -1), reason
                                   from read_parquet('{store.table_glob('rejected_inputs')}')""").fetchall())
    assert reasons["e_empty.txt"] == "empty_file"
    assert reasons["f_binary.txt"] == "binary"
    assert reasons["g_truncated.zip"] == "bad_zip"
    assert reasons["h_feed.jsonl"] == "malformed_json_line"
    assert {d[1] for d in docs} >= {"j1", "j2"}
    # the lightly edited copy is a near-duplicate of the original
    assert stages.near_duplicates(store) >= 1
    dups = dict(con.execute(f"""select doc_id, duplicate_of
                                from read_parquet('{store.table_glob('document_duplicates')}')""").fetchall())
    j2 = next(d[0] for d in docs if d[1] == "j2")
    [original] = same
    # whichever copy was stored first is the canonical one; the other points at it
    assert dups.get(original) == j2 or dups.get(j2) == original
    # a rerun reads nothing new and keeps every row
    before = (store.count_rows("documents"), store.count_rows("rejected_inputs"))
    assert all(r.skipped for r in stages.ingest(feed, store, max_bytes=1_000_000))
    assert (store.count_rows("documents"), store.count_rows("rejected_inputs")) == before
