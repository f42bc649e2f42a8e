"""Readers that turn raw input files into :class:`RawArticle` records.

Plain Python on purpose (no Dagster import): the Dagster assets wrap
:func:`read_inputs` and :func:`near_duplicate_groups`.

Design rules
------------
* ``read_inputs`` never raises for bad input: every problem becomes a
  :class:`RejectedInput` in the output stream and reading goes on.
* Output order is deterministic: files are visited in sorted path order,
  archive members in sorted member-name order, records in file order.
* Memory stays bounded: archives are read one member at a time, and each
  member is read in chunks with a hard byte cap (zip-bomb guard).
* Encodings are detected with charset-normalizer; among its candidates the
  one that decodes to the largest share of Arabic letters wins (short Arabic
  texts are otherwise sometimes taken for Cyrillic/CJK code pages).
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import logging
import os
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import charset_normalizer

__all__ = [
    "RawArticle",
    "RejectedInput",
    "read_inputs",
    "near_duplicate_groups",
    "decode_bytes",
    "arabic_stats",
    "normalize_datetime",
    "SUPPORTED_SUFFIXES",
]

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- #
# Public records
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class RawArticle:
    source_id: str
    source: str | None
    url: str | None
    title: str | None
    author: str | None
    published_at: str | None
    content: str
    input_path: str
    record_index: int | None
    encoding: str | None
    partition_date: str | None
    # where published_at came from: "metadata" (a record field), "html" (page markup), "text" (a dateline
    # in the article itself, see pipelines.nlp.pubdate) or None when unknown
    published_at_source: str | None = None


def _dated(published_at: str | None, content: str, source: str | None) -> tuple[str | None, str | None]:
    """(published_at, its source): the given date, else the article's own dateline, else nothing."""
    if published_at:
        return published_at, source
    from ..nlp.pubdate import stated_publication_date

    stated = stated_publication_date(content, _dt.datetime.now(_dt.UTC).date())
    return (stated.date.isoformat(), "text") if stated else (None, None)


@dataclass(frozen=True)
class RejectedInput:
    input_path: str
    record_index: int | None
    reason: str
    encoding: str | None
    first_bytes: str


# --------------------------------------------------------------------------- #
# Constants
# --------------------------------------------------------------------------- #
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ZIP_SUFFIXES = frozenset({".zip"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | ZIP_SUFFIXES
MEMBER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

MIN_ARABIC_SHARE = 0.3  # Arabic letters / all letters
MIN_ARABIC_LETTERS = 20
RATIO_FLOOR = 1 << 20  # members inflating to <= 1 MiB are never treated as zip bombs
MAX_CONTROL_SHARE = 0.01  # share of C0/C1 control chars tolerated in decoded text

# Encodings able to carry Arabic; used for the second, isolated detection pass.
_ARABIC_CAPABLE = [
    "utf_8",
    "utf_16",
    "utf_32",
    "cp1256",
    "iso8859_6",
    "cp864",
    "cp720",
    "mac_arabic",
]
_NUL_OK_ENCODINGS = ("utf_16", "utf_32")

_BOMS = (
    (b"\x00\x00\xfe\xff", "utf_32"),
    (b"\xff\xfe\x00\x00", "utf_32"),
    (b"\xef\xbb\xbf", "utf_8"),
    (b"\xfe\xff", "utf_16"),
    (b"\xff\xfe", "utf_16"),
)

_READ_CHUNK = 1 << 20
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_JSON_WS = re.compile(r"[ \t\n\r]*")


def _build_class(ranges: Iterable[tuple[int, int]], pred) -> str:
    """A regex class of the code points in ``ranges`` satisfying ``pred``, as compact ranges."""
    cps = [cp for lo, hi in ranges for cp in range(lo, hi + 1) if pred(chr(cp))]
    runs: list[tuple[int, int]] = []
    for cp in cps:
        if runs and runs[-1][1] == cp - 1:
            runs[-1] = (runs[-1][0], cp)
        else:
            runs.append((cp, cp))
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs]
    return "[" + "".join(parts) + "]"


_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x089F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
# trailing "+": re.sub replaces whole runs, several times faster than char by char
_ARABIC_LETTER_RE = re.compile(_build_class(_ARABIC_RANGES, str.isalpha) + "+")
_LETTER_RE = re.compile(r"[^\W\d_]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]+")
_SAMPLE_CHARS = 200_000


# --------------------------------------------------------------------------- #
# Small helpers
# --------------------------------------------------------------------------- #
def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def arabic_stats(text: str) -> tuple[int, int]:
    """Return (number of Arabic letters, number of letters) in ``text``."""
    return _count(_ARABIC_LETTER_RE, text), _count(_LETTER_RE, text)


def _sample(text: str) -> str:
    """Head, middle and tail of a long text (for ranking encodings cheaply)."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    k = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return text[:k] + text[mid - k // 2 : mid + k // 2] + text[-k:]


def _arabic_share(text: str) -> float:
    arabic, letters = arabic_stats(_sample(text))
    return arabic / letters if letters else 0.0


def _not_arabic_reason(text: str) -> str | None:
    arabic, letters = arabic_stats(text)
    share = arabic / letters if letters else 0.0
    if arabic < MIN_ARABIC_LETTERS or share < MIN_ARABIC_SHARE:
        return (
            f"not_arabic: {arabic} Arabic letters of {letters} letters "
            f"(share {share:.2f}; need >= {MIN_ARABIC_LETTERS} and >= {MIN_ARABIC_SHARE})"
        )
    return None


def _first_bytes(data: bytes) -> str:
    return repr(data[:32])


def _first_chars(text: str) -> str:
    return re.sub(r"\s+", " ", text[:400]).strip()[:80]


def _clean_str(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        value = ", ".join(parts)
    elif not isinstance(value, str):
        value = str(value)
    value = value.strip()
    return value or None


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def date_in_name(*names: str) -> str | None:
    """The first valid YYYY-MM-DD date found in the given file or folder names."""
    for name in names:
        for m in _DATE_IN_NAME.finditer(name):
            try:
                return _dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                continue
    return None


_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": _dt.datetime(2000, 1, 1),
    "DATE_ORDER": "YMD",
}


def normalize_datetime(value) -> str | None:
    """Best-effort conversion of a record date to an ISO 8601 string.

    ``'2015-07-21 02:51:32'`` -> ``'2015-07-21T02:51:32'``; date-only inputs stay
    dates. Returns None when nothing sensible can be parsed (never guesses
    missing parts from "today").
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            ts = float(value)
            if ts > 1e11:  # milliseconds
                ts /= 1000.0
            return _dt.datetime.fromtimestamp(ts, tz=_dt.UTC).replace(tzinfo=None).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        try:
            return _dt.date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    try:
        return _dt.datetime.fromisoformat(s.replace(" ", "T", 1)).isoformat()
    except ValueError:
        pass
    try:  # lazy: dateparser is slow to import
        import dateparser

        parsed = dateparser.parse(s, settings=_DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises a variety of errors
        parsed = None
    return parsed.isoformat() if parsed is not None else None


# --------------------------------------------------------------------------- #
# Encoding detection
# --------------------------------------------------------------------------- #
class _DecodeError(Exception):
    def __init__(self, reason: str, encoding: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.encoding = encoding


def _bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _candidates(data: bytes, **kwargs) -> list[tuple[str, str, float, float]]:
    out = []
    for match in charset_normalizer.from_bytes(data, **kwargs):
        try:
            text = str(match)
        except Exception:  # noqa: BLE001 - defensive: a candidate that cannot decode is dropped
            continue
        out.append((match.encoding, text, float(match.chaos), float(match.coherence)))
    return out


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Detect the encoding of ``data`` with charset-normalizer and decode it.

    Returns ``(text, encoding)``; raises ``_DecodeError`` (reason code
    ``binary``/``empty_file``) when the bytes are not text.

    Candidates from charset-normalizer are ranked by the share of Arabic
    letters in their decoding, then by low chaos / high coherence, then by
    charset-normalizer's own order. When no candidate looks Arabic, a second
    pass restricted to Arabic-capable code pages (``cp_isolation``) with a
    more tolerant chaos threshold is added: on short Arabic texts the
    unrestricted pass sometimes only offers Cyrillic or CJK code pages.
    """
    if not data:
        raise _DecodeError("empty_file: file has 0 bytes")
    bom = _bom_encoding(data)
    if b"\x00" in data and bom not in _NUL_OK_ENCODINGS:
        # NULs are legal only in UTF-16/32. Without a BOM, accept it only if the
        # library finds a UTF-16/32 reading that is Arabic text.
        cands = _candidates(
            data, cp_isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"], threshold=0.3
        )
        cands = [c for c in cands if _not_arabic_reason(c[1]) is None]
        if not cands:
            raise _DecodeError("binary: contains NUL bytes and is not UTF-16/32 text")
        enc, text, _, _ = cands[0]
        return _check_controls(text, enc)

    cands = _candidates(data)
    order = {id(c): i for i, c in enumerate(cands)}
    if not cands or max(_arabic_share(c[1]) for c in cands) < 0.5:
        extra = _candidates(data, cp_isolation=_ARABIC_CAPABLE, threshold=0.4)
        for c in extra:
            order[id(c)] = len(order)
        cands += extra
    if not cands:
        raise _DecodeError("binary: charset-normalizer found no text encoding")
    best = max(
        cands,
        key=lambda c: (round(_arabic_share(c[1]), 2), -round(c[2], 3), round(c[3], 3), -order[id(c)]),
    )
    enc, text, _, _ = best
    return _check_controls(text, enc)


def _check_controls(text: str, enc: str) -> tuple[str, str]:
    sample = _sample(text)
    if sample and _count(_CONTROL_RE, sample) / len(sample) > MAX_CONTROL_SHARE:
        raise _DecodeError("binary: too many control characters after decoding", enc)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, enc


# --------------------------------------------------------------------------- #
# Record building
# --------------------------------------------------------------------------- #
@dataclass(frozen=True)
class _Origin:
    """Where a payload came from (a plain file or a zip member)."""

    input_path: str  # "dir/x.json" or "dir/a.zip!m.json"
    stem: str  # stem used in source_id ("x", or zip stem for zip members)
    folder: str | None  # parent folder name (fallback for `source`)
    names: tuple[str, ...]  # file names searched for a YYYY-MM-DD partition date
    in_zip: bool = False
    member_stem: str | None = None
    zip_has_many_record_members: bool = False


def _reject(origin: _Origin, reason: str, *, record_index=None, encoding=None, first="") -> RejectedInput:
    return RejectedInput(
        input_path=origin.input_path,
        record_index=record_index,
        reason=reason,
        encoding=encoding,
        first_bytes=first,
    )


def _partition(published_at: str | None, origin: _Origin) -> str | None:
    if published_at and re.match(r"\d{4}-\d{2}-\d{2}", published_at):
        return published_at[:10]
    return date_in_name(*origin.names)


def _record_source_id(origin: _Origin, index: int) -> str:
    if origin.in_zip and origin.zip_has_many_record_members:
        return f"{origin.stem}/{origin.member_stem}#{index}"
    return f"{origin.stem}#{index}"


def _single_source_id(origin: _Origin) -> str:
    if origin.in_zip:
        return f"{origin.stem}/{origin.member_stem}"
    return origin.stem


def _article_from_record(
    rec, origin: _Origin, index: int, encoding: str, raw: str, max_bytes: int
) -> RawArticle | RejectedInput:
    if not isinstance(rec, dict):
        return _reject(
            origin,
            f"not_an_object: record is a JSON {type(rec).__name__}, expected an object",
            record_index=index,
            encoding=encoding,
            first=_first_chars(raw),
        )
    content = None
    for key in ("content", "text", "body"):
        val = rec.get(key)
        if isinstance(val, str) and val.strip():
            content = val
            break
    if content is None:
        return _reject(
            origin,
            "empty_content: record has no non-empty content/text/body field",
            record_index=index,
            encoding=encoding,
            first=_first_chars(raw),
        )
    content = _normalize_newlines(content).strip()
    size = len(content.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return _reject(
            origin,
            f"too_large: record content is {size} bytes > max_bytes={max_bytes}",
            record_index=index,
            encoding=encoding,
            first=_first_chars(raw),
        )
    why = _not_arabic_reason(content)
    if why:
        return _reject(origin, why, record_index=index, encoding=encoding, first=_first_chars(raw))

    url = _clean_str(rec.get("url"))
    published_at = None
    for key in ("published_at", "date_extracted", "date"):
        if rec.get(key) not in (None, ""):
            published_at = normalize_datetime(rec.get(key))
            if published_at:
                break
    published_at, date_source = _dated(published_at, content, "metadata")
    rid = rec.get("id")
    source_id = _clean_str(rid) if rid is not None and not isinstance(rid, (dict, list)) else None
    return RawArticle(
        source_id=source_id or _record_source_id(origin, index),
        source=_clean_str(rec.get("source")) or _host(url) or origin.folder,
        url=url,
        title=_clean_str(rec.get("title")),
        author=_clean_str(rec.get("author")),
        published_at=published_at,
        content=content,
        input_path=origin.input_path,
        record_index=index,
        encoding=encoding,
        partition_date=_partition(published_at, origin),
        published_at_source=date_source,
    )


# --------------------------------------------------------------------------- #
# Per-format parsers (operate on the bytes of one file or member)
# --------------------------------------------------------------------------- #
def _decode_or_reject(data: bytes, origin: _Origin) -> tuple[str, str] | RejectedInput:
    try:
        return decode_bytes(data)
    except _DecodeError as err:
        return _reject(origin, err.reason, encoding=err.encoding, first=_first_bytes(data))


def _parse_txt(data: bytes, origin: _Origin, max_bytes: int) -> Iterator[RawArticle | RejectedInput]:
    decoded = _decode_or_reject(data, origin)
    if isinstance(decoded, RejectedInput):
        yield decoded
        return
    text, enc = decoded
    content = _normalize_newlines(text).strip()
    if not content:
        yield _reject(
            origin, "empty_content: file holds only whitespace", encoding=enc, first=_first_bytes(data)
        )
        return
    why = _not_arabic_reason(content)
    if why:
        yield _reject(origin, why, encoding=enc, first=_first_bytes(data))
        return
    published_at, date_source = _dated(None, content, None)
    yield RawArticle(
        source_id=_single_source_id(origin),
        source=origin.folder,
        url=None,
        title=None,
        author=None,
        published_at=published_at,
        content=content,
        input_path=origin.input_path,
        record_index=None,
        encoding=enc,
        partition_date=_partition(published_at, origin),
        published_at_source=date_source,
    )


def _parse_html(data: bytes, origin: _Origin, max_bytes: int) -> Iterator[RawArticle | RejectedInput]:
    decoded = _decode_or_reject(data, origin)
    if isinstance(decoded, RejectedInput):
        yield decoded
        return
    html, enc = decoded
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            # never True: trafilatura's dedup cache is process-global -> order-dependent output
            deduplicate=False,
            # metadata/markup dates only: the extensive search guesses dates from
            # years in the body text (e.g. "2023" -> 2023-01-01)
            date_extraction_params={
                "extensive_search": False,
                "original_date": True,
                "outputformat": "%Y-%m-%d",
            },
        )
    except Exception as err:  # noqa: BLE001 - extraction failures become rejections
        yield _reject(
            origin,
            f"html_extraction_failed: {type(err).__name__}: {err}",
            encoding=enc,
            first=_first_bytes(data),
        )
        return
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    content = _normalize_newlines(meta.get("text") or "").strip()
    if not content:
        yield _reject(
            origin, "empty_content: trafilatura found no main text", encoding=enc, first=_first_bytes(data)
        )
        return
    why = _not_arabic_reason(content)
    if why:
        yield _reject(origin, why, encoding=enc, first=_first_bytes(data))
        return
    url = _clean_str(meta.get("url"))
    published_at, date_source = _dated(normalize_datetime(meta.get("date")), content, "html")
    yield RawArticle(
        source_id=_single_source_id(origin),
        source=_host(url) or origin.folder,
        url=url,
        title=_clean_str(meta.get("title")),
        author=_clean_str(meta.get("author")),
        published_at=published_at,
        content=content,
        input_path=origin.input_path,
        record_index=None,
        encoding=enc,
        partition_date=_partition(published_at, origin),
        published_at_source=date_source,
    )


def _parse_json(data: bytes, origin: _Origin, max_bytes: int) -> Iterator[RawArticle | RejectedInput]:
    """A JSON array of article objects (or one object).

    Elements are decoded one by one with ``JSONDecoder.raw_decode`` so the full
    list of dicts is never materialised; a syntax error part-way yields the
    records before it plus one ``malformed_json`` rejection whose
    ``record_index`` is the element that failed.
    """
    decoded = _decode_or_reject(data, origin)
    if isinstance(decoded, RejectedInput):
        yield decoded
        return
    text, enc = decoded
    dec = json.JSONDecoder()
    pos = _JSON_WS.match(text, 0).end()
    if pos >= len(text):
        yield _reject(
            origin, "empty_file: JSON file holds only whitespace", encoding=enc, first=_first_bytes(data)
        )
        return

    def bad(msg: str, index: int | None, at: int) -> RejectedInput:
        return _reject(
            origin,
            f"malformed_json: {msg} at char {at}",
            record_index=index,
            encoding=enc,
            first=text[at : at + 80],
        )

    if text[pos] != "[":
        try:
            obj, end = dec.raw_decode(text, pos)
        except json.JSONDecodeError as err:
            yield bad(err.msg, None, err.pos)
            return
        tail = _JSON_WS.match(text, end).end()
        if tail != len(text):
            yield bad("extra data after the top-level value", None, tail)
            return
        yield _article_from_record(obj, origin, 0, enc, text[pos : pos + 80], max_bytes)
        return

    pos = _JSON_WS.match(text, pos + 1).end()
    index = 0
    if pos < len(text) and text[pos] == "]":
        pos += 1
    else:
        while True:
            start = pos
            try:
                obj, pos = dec.raw_decode(text, pos)
            except json.JSONDecodeError as err:
                yield bad(err.msg, index, err.pos)
                return
            yield _article_from_record(obj, origin, index, enc, text[start : start + 80], max_bytes)
            del obj
            index += 1
            pos = _JSON_WS.match(text, pos).end()
            if pos < len(text) and text[pos] == ",":
                pos = _JSON_WS.match(text, pos + 1).end()
                continue
            if pos < len(text) and text[pos] == "]":
                pos += 1
                break
            yield bad("expected ',' or ']' after array element", index, pos)
            return
    tail = _JSON_WS.match(text, pos).end()
    if tail != len(text):
        yield bad("extra data after the top-level array", None, tail)


def _parse_jsonl(data: bytes, origin: _Origin, max_bytes: int) -> Iterator[RawArticle | RejectedInput]:
    """One JSON object per line; ``record_index`` is the 0-based line index."""
    decoded = _decode_or_reject(data, origin)
    if isinstance(decoded, RejectedInput):
        yield decoded
        return
    text, enc = decoded
    # split on "\n" only: str.splitlines() would also split on U+2028 etc.,
    # which JSON allows unescaped inside strings.
    for index, line in enumerate(text.split("\n")):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield _reject(
                origin,
                f"malformed_json_line: {err.msg} at column {err.colno}",
                record_index=index,
                encoding=enc,
                first=_first_chars(line),
            )
            continue
        yield _article_from_record(obj, origin, index, enc, line, max_bytes)


_PARSERS = {}
for _s in TEXT_SUFFIXES:
    _PARSERS[_s] = _parse_txt
for _s in HTML_SUFFIXES:
    _PARSERS[_s] = _parse_html
for _s in JSON_SUFFIXES:
    _PARSERS[_s] = _parse_json
for _s in JSONL_SUFFIXES:
    _PARSERS[_s] = _parse_jsonl


# --------------------------------------------------------------------------- #
# Files and archives
# --------------------------------------------------------------------------- #
def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def _read_head(path: Path, n: int = 32) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError:
        return b""


def _read_plain_file(path: Path, max_bytes: int) -> Iterator[RawArticle | RejectedInput]:
    suffix = path.suffix.lower()
    origin = _Origin(
        input_path=str(path), stem=path.stem, folder=path.absolute().parent.name or None, names=(path.name,)
    )
    if suffix not in _PARSERS:
        yield _reject(
            origin,
            f"unsupported_type: '{suffix or path.name}' files are not read",
            first=_first_bytes(_read_head(path)),
        )
        return
    try:
        size = path.stat().st_size
    except OSError as err:
        yield _reject(origin, f"unreadable: {err}")
        return
    if size == 0:
        yield _reject(origin, "empty_file: file has 0 bytes", first=_first_bytes(b""))
        return
    if size > max_bytes:
        yield _reject(
            origin, f"too_large: {size} bytes > max_bytes={max_bytes}", first=_first_bytes(_read_head(path))
        )
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield _reject(origin, f"unreadable: {err}")
        return
    yield from _PARSERS[suffix](data, origin, max_bytes)


def _unsafe_member(name: str) -> bool:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return True
    parts = re.split(r"[\\/]+", name)
    return any(p == ".." for p in parts)


def _read_zip(
    path: Path, *, max_bytes: int, max_unpacked_ratio: float
) -> Iterator[RawArticle | RejectedInput]:
    zpath = str(path)
    zip_folder = path.absolute().parent.name or None
    arch_origin = _Origin(input_path=zpath, stem=path.stem, folder=zip_folder, names=(path.name,))
    member_cap = max_bytes * 20
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as err:
        yield _reject(
            arch_origin, f"bad_zip: {type(err).__name__}: {err}", first=_first_bytes(_read_head(path))
        )
        return
    with zf:
        try:
            infos = sorted(zf.infolist(), key=lambda i: i.filename)
        except Exception as err:  # noqa: BLE001
            yield _reject(arch_origin, f"bad_zip: {type(err).__name__}: {err}")
            return
        record_members = [
            i
            for i in infos
            if not i.is_dir()
            and PurePosixPath(i.filename).suffix.lower() in (JSON_SUFFIXES | JSONL_SUFFIXES)
            and not _unsafe_member(i.filename)
            and not any(_is_hidden(p) for p in PurePosixPath(i.filename.replace("\\", "/")).parts)
        ]
        many = len(record_members) > 1
        for info in infos:
            name = info.filename
            if info.is_dir():
                continue
            mpath = f"{zpath}!{name}"
            member = PurePosixPath(name.replace("\\", "/"))
            origin = _Origin(
                input_path=mpath,
                stem=path.stem,
                folder=(member.parent.name or zip_folder),
                names=(member.name, path.name),
                in_zip=True,
                member_stem=member.stem,
                zip_has_many_record_members=many,
            )
            if _unsafe_member(name):
                yield _reject(origin, f"unsafe_path: archive member name {name!r} escapes the archive root")
                continue
            if any(_is_hidden(p) for p in member.parts):
                continue
            suffix = member.suffix.lower()
            if suffix not in MEMBER_SUFFIXES:
                yield _reject(
                    origin, f"unsupported_type: '{suffix or member.name}' archive members are not read"
                )
                continue
            if info.flag_bits & 0x1:
                yield _reject(origin, "encrypted_member: archive member is encrypted")
                continue
            ratio_cap = max(int(max_unpacked_ratio * max(info.compress_size, 1)), RATIO_FLOOR)
            limit = min(member_cap, ratio_cap)
            if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
                limit = min(limit, max_bytes)
            if info.file_size > member_cap or info.file_size > ratio_cap:
                yield _reject(
                    origin,
                    f"zip_bomb: declared size {info.file_size} bytes from {info.compress_size} compressed "
                    f"(limits: ratio {max_unpacked_ratio:g}, {member_cap} bytes)",
                )
                continue
            if info.file_size > limit:
                yield _reject(origin, f"too_large: member is {info.file_size} bytes > max_bytes={max_bytes}")
                continue
            try:
                data = _read_member_capped(zf, info, limit)
            except _CapExceeded as err:
                yield _reject(
                    origin,
                    f"zip_bomb: member inflates past {err.limit} bytes (declared {info.file_size})",
                    first=_first_bytes(err.head),
                )
                continue
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as err:
                yield _reject(origin, f"bad_zip_member: {type(err).__name__}: {err}")
                continue
            except (NotImplementedError, RuntimeError) as err:
                yield _reject(origin, f"unsupported_member: {type(err).__name__}: {err}")
                continue
            if not data:
                yield _reject(origin, "empty_file: member has 0 bytes")
                continue
            yield from _PARSERS[suffix](data, origin, max_bytes)
            del data


class _CapExceeded(Exception):
    def __init__(self, limit: int, head: bytes):
        super().__init__(limit)
        self.limit = limit
        self.head = head


def _read_member_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    buf = io.BytesIO()
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(_READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            buf.write(chunk)
            if total > limit:
                raise _CapExceeded(limit, buf.getvalue()[:32])
    return buf.getvalue()


def _iter_files(root: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        for fn in filenames:
            if not _is_hidden(fn):
                files.append(Path(dirpath) / fn)
    files.sort(key=lambda p: p.relative_to(root).parts)
    return files


def read_inputs(
    path: str | Path, *, max_bytes: int = 5_000_000, max_unpacked_ratio: float = 100.0
) -> Iterator[RawArticle | RejectedInput]:
    """Yield a RawArticle or RejectedInput for every article found under ``path``.

    ``path`` is a file or a folder (recursed in sorted order, hidden entries
    skipped). Never raises on bad input. Lazily evaluated: only one file (or
    one archive member) is held in memory at a time.

    Size limits: a plain file (.txt/.html/.json/.jsonl) over ``max_bytes`` is
    rejected unread. A .zip archive itself is not size-limited (it is read
    member by member); a member is rejected when its declared or actual
    uncompressed size exceeds ``max_unpacked_ratio`` x its compressed size
    (members of at most 1 MiB are exempt from the ratio test) or
    ``20 * max_bytes``; single-article .txt/.html members over ``max_bytes``
    are rejected as ``too_large``.
    """
    root = Path(path)
    if not root.exists():
        yield RejectedInput(str(root), None, "not_found: path does not exist", None, "")
        return
    files = [root] if root.is_file() else _iter_files(root)
    for f in files:
        try:
            if f.suffix.lower() in ZIP_SUFFIXES:
                yield from _read_zip(f, max_bytes=max_bytes, max_unpacked_ratio=max_unpacked_ratio)
            else:
                yield from _read_plain_file(f, max_bytes)
        except Exception as err:  # noqa: BLE001 - last-resort guard: never raise on bad input
            log.exception("unexpected error while reading %s", f)
            yield RejectedInput(str(f), None, f"internal_error: {type(err).__name__}: {err}", None, "")


# --------------------------------------------------------------------------- #
# Near-duplicate detection
# --------------------------------------------------------------------------- #
_TASHKEEL_RE = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD_RE = re.compile(r"\w+")
_SHINGLE = 5


def _shingles(text: str) -> set[bytes]:
    text = unicodedata.normalize("NFKC", text)
    text = _TASHKEEL_RE.sub("", text).lower()
    words = _WORD_RE.findall(text)
    if not words:
        return set()
    if len(words) < _SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + _SHINGLE]).encode("utf-8") for i in range(len(words) - _SHINGLE + 1)}


def _crc32_hash(b: bytes) -> int:
    return zlib.crc32(b)


_NUM_PERM = 64


@lru_cache(maxsize=1)
def _minhash_template():
    from datasketch import MinHash

    template = MinHash(num_perm=_NUM_PERM, seed=1, hashfunc=_crc32_hash)
    # reuse the permutations instead of regenerating them per document
    # (datasketch >= 2.0 then requires the scheme to be named)
    fast_kwargs = {"permutations": template.permutations}
    if getattr(template, "scheme", None) is not None:
        fast_kwargs["scheme"] = template.scheme
    return fast_kwargs


def minhash_signature(text: str) -> list[int] | None:
    """MinHash signature (64 values below 2**32) of a text's word 5-gram shingles; None for empty text.

    Stored beside each document at ingestion, so finding the near-duplicates of a new day never re-reads
    or re-hashes older texts."""
    from datasketch import MinHash

    sh = _shingles(text or "")
    if not sh:
        return None
    m = MinHash(num_perm=_NUM_PERM, seed=1, hashfunc=_crc32_hash, **_minhash_template())
    m.update_batch(sorted(sh))
    return [int(v) for v in m.hashvalues]


def near_duplicates_from_signatures(
    items: Iterable[tuple[str, list[int] | None]], threshold: float = 0.8
) -> dict[str, str]:
    """Map each near-duplicate doc_id to its canonical copy, from (doc_id, signature) pairs in order.

    The earliest document of a group is the canonical one and does not appear as a key. MinHashLSH
    retrieves candidates, confirmed with the MinHash Jaccard estimate >= ``threshold``. Only canonical
    docs are indexed, so every value is a canonical doc (no chains). Documents without a signature and
    repeated doc_ids (after the first) are ignored.
    """
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=_NUM_PERM)
    scheme = {k: v for k, v in _minhash_template().items() if k == "scheme"}
    order: dict[str, int] = {}
    sigs: dict[str, MinHash] = {}
    result: dict[str, str] = {}
    for doc_id, signature in items:
        if doc_id in order:
            continue
        order[doc_id] = len(order)
        if signature is None or len(signature) != _NUM_PERM:
            continue
        m = MinHash(num_perm=_NUM_PERM, seed=1, hashvalues=np.asarray(signature, dtype=np.uint64), **scheme)
        best = None
        for cand in lsh.query(m):
            if m.jaccard(sigs[cand]) >= threshold and (best is None or order[cand] < order[best]):
                best = cand
        if best is not None:
            result[doc_id] = best
        else:
            lsh.insert(doc_id, m)
            sigs[doc_id] = m
    return result


def near_duplicate_groups(items: Iterable[tuple[str, str]], threshold: float = 0.8) -> dict[str, str]:
    """Map each near-duplicate doc_id to the doc_id of its canonical copy, from (doc_id, cleaned_text)
    pairs in a deterministic order (see `near_duplicates_from_signatures`)."""
    return near_duplicates_from_signatures(((d, minhash_signature(t)) for d, t in items), threshold)
