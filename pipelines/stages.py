"""The pipeline's stages as plain functions over Parquet parts (no Dagster import).

Each stage maps one part of its input table to the same part of its output table, so stages are pure
functions from an Arrow batch to an Arrow batch, run part by part in a process pool (both cores), under any
engine: Dagster assets call them here, a Dask or Ray cluster can call them the same way. A part is skipped
when its output already carries the fingerprint of the input it was made from, which makes reruns and
resumed runs cheap and exact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .ingest import (
    RawArticle,
    RejectedInput,
    minhash_signature,
    near_duplicates_from_signatures,
    read_inputs,
)
from .ingest.readers import date_in_name
from .nlp.clean import clean_article, line_key
from .nlp.entities import CATALOGUE, LABELS, apply_catalogue, link_document
from .nlp.facts import document_context, extract_article_facts, fact_id
from .nlp.gazetteer import LEXICONS
from .nlp.kinds import MODEL_PATH as KIND_MODEL_PATH
from .nlp.kinds import kind_model_location, kind_model_stamp, load_kind_model
from .nlp.ner import FEED_NER_BACKEND, MODELS_DIR
from .nlp.sentences import split_sentences
from .store import ParquetStore, PartRef
from .tables import SCHEMAS, rows_to_table

# Bump when a stage's output for the same input changes, so existing parts are recomputed.
STAGE_VERSIONS = {"documents": 3, "sentences": 1, "entities": 5, "troop_facts": 5}


# ---------------------------------------------------------------------------------------------------
# input discovery
def iter_input_files(root: str | Path) -> list[Path]:
    """Files under `root` in a stable order (hidden files and folders skipped)."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.exists():
        raise FileNotFoundError(f"input path does not exist: {root}")
    out = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not p.is_file():
            continue
        out.append(p)
    return out


def input_day(path: Path, root: str | Path | None = None) -> str:
    """The partition day of an input file: the feed's date (YYYY-MM-DD in its name, or in a folder name
    under `root`), else the day it landed (its modification time, UTC)."""
    day = date_in_name(path.name)
    if day is None and root is not None and Path(root).is_dir():
        day = date_in_name(*reversed(path.resolve().relative_to(Path(root).resolve()).parent.parts))
    return day or dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date().isoformat()


def input_days(root: str | Path) -> dict[str, list[Path]]:
    """Input files under `root` grouped by partition day."""
    out: dict[str, list[Path]] = defaultdict(list)
    for path in iter_input_files(root):
        out[input_day(path, root)].append(path)
    return dict(sorted(out.items()))


def part_name(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


def file_fingerprint(path: Path) -> dict:
    st = path.stat()
    return {"path": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "version": STAGE_VERSIONS["documents"]}


# ---------------------------------------------------------------------------------------------------
# documents
def doc_id_for(text: str) -> tuple[str, str]:
    """(doc_id, sha256) of a cleaned text: the same text always gets the same id, so exact duplicates
    collapse to one document."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return sha[:20], sha


def _parse_ts(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        ts = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=dt.UTC)


def common_lines(articles: list[RawArticle], min_docs: int = 3, min_share: float = 0.02) -> dict[str, set[str]]:
    """Per outlet, the line keys that recur across many of its articles in one batch (site furniture)."""
    by_source: dict[str, Counter[str]] = defaultdict(Counter)
    n_docs: Counter[str] = Counter()
    for a in articles:
        src = a.source or ""
        n_docs[src] += 1
        by_source[src].update({k for k in map(line_key, a.content.split("\n")) if k})
    out: dict[str, set[str]] = {}
    for src, counts in by_source.items():
        threshold = max(min_docs, int(min_share * n_docs[src]))
        out[src] = {k for k, c in counts.items() if c >= threshold and len(k.split()) < 40}
    return out


@dataclass
class IngestResult:
    path: str
    skipped: bool = False
    n_documents: int = 0
    n_rejected: int = 0
    days: list[str] = field(default_factory=list)


def ingest_file(path: Path, store: ParquetStore, max_bytes: int, ingested_at: dt.datetime,
                force: bool = False, day: str | None = None) -> IngestResult:
    """Read, clean and write one input file as a `documents` part of its partition day (and its
    `rejected_inputs` and `input_files` rows)."""
    part = part_name(path)
    day = day or input_day(path)
    fp = file_fingerprint(path)
    ref = PartRef("input_files", day, part)
    if not force and store.fingerprint(ref) == fp:
        return IngestResult(str(path), skipped=True, days=[day])
    articles: list[RawArticle] = []
    rejected: list[dict] = []
    for item in read_inputs(path, max_bytes=max_bytes):
        if isinstance(item, RejectedInput):
            code, _, msg = item.reason.partition(":")
            rejected.append({"input_path": item.input_path, "record_index": item.record_index,
                             "reason": code.strip(), "message": msg.strip() or code.strip(),
                             "encoding": item.encoding, "first_bytes": item.first_bytes,
                             "rejected_at": ingested_at})
        else:
            articles.append(item)
    furniture = common_lines(articles)
    rows: list[dict] = []
    seen: set[str] = set()
    for a in articles:
        cleaned = clean_article(a.content, a.title, furniture.get(a.source or "", ()))
        if not cleaned.text:
            rejected.append({"input_path": a.input_path, "record_index": a.record_index,
                             "reason": "empty_after_cleaning",
                             "message": "no story text left after removing boilerplate lines",
                             "encoding": a.encoding, "first_bytes": a.content[:80], "rejected_at": ingested_at})
            continue
        doc_id, sha = doc_id_for(cleaned.text)
        if doc_id in seen:
            continue  # exact duplicate inside the same input
        seen.add(doc_id)
        rows.append({
            "doc_id": doc_id, "source_id": a.source_id, "source": a.source or path.parent.name, "url": a.url,
            "title": cleaned.title, "author": a.author, "published_at": _parse_ts(a.published_at),
            "published_at_source": a.published_at_source,
            "ingested_at": ingested_at, "text": cleaned.text, "n_chars": len(cleaned.text),
            "content_sha256": sha, "input_path": a.input_path, "record_index": a.record_index,
            "encoding": a.encoding, "removed_lines": cleaned.removed_lines,
            "minhash": minhash_signature(cleaned.text),
        })
    # files of this input under another day (it was re-dated) go first; then each file is replaced atomically
    for table in ("documents", "rejected_inputs", "input_files"):
        store.delete_part(table, part, keep_days={day})
    store.write(PartRef("documents", day, part), rows_to_table(rows, SCHEMAS["documents"]), fp)
    if rejected:
        store.write(PartRef("rejected_inputs", day, part), rows_to_table(rejected, SCHEMAS["rejected_inputs"]), fp)
    else:
        store.delete_part("rejected_inputs", part)
    st = path.stat()
    meta = {"part": part, "input_path": str(path), "size_bytes": st.st_size,
            "modified_at": dt.datetime.fromtimestamp(st.st_mtime, dt.UTC), "ingested_at": ingested_at,
            "n_documents": len(rows), "n_rejected": len(rejected), "days": [day]}
    # written last: its fingerprint marks the input as done, so a killed run redoes the whole file
    store.write(PartRef("input_files", day, part), rows_to_table([meta], SCHEMAS["input_files"]), fp)
    return IngestResult(str(path), False, len(rows), len(rejected), [day])


def _ingest_one(args: tuple) -> IngestResult:
    path, root, max_bytes, ingested_at, force, day = args
    return ingest_file(path, ParquetStore(root), max_bytes, ingested_at, force, day)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was listed: ingest_file reports it
        return 0


def ingest(input_root: str | Path, store: ParquetStore, max_bytes: int = 5_000_000,
           ingested_at: dt.datetime | None = None, force: bool = False, workers: int = 1,
           days: set[str] | None = None) -> list[IngestResult]:
    """Ingest the files under `input_root` (those of `days` only, when given), one part per file, in
    `workers` processes."""
    ingested_at = ingested_at or dt.datetime.now(dt.UTC)
    for table in ("documents", "rejected_inputs", "input_files"):
        store.ensure_schema(table, SCHEMAS[table])
    todo = [(path, store.root, max_bytes, ingested_at, force, day)
            for day, paths in input_days(input_root).items() if days is None or day in days
            for path in paths]
    todo.sort(key=lambda a: -_size(a[0]))  # largest first: no core idles at the end
    workers = max(1, min(workers, len(todo) or 1))
    if workers == 1:
        return [_ingest_one(a) for a in todo]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_ingest_one, todo))


# ---------------------------------------------------------------------------------------------------
# per-part stages
def sentences_batch(docs: pa.Table) -> pa.Table:
    rows = []
    for doc_id, text in zip(docs.column("doc_id").to_pylist(), docs.column("text").to_pylist(), strict=True):
        for sid, s in enumerate(split_sentences(text)):
            rows.append({"doc_id": doc_id, "sentence_id": sid, "start_char": s.start, "end_char": s.end,
                         "text": s.text})
    return rows_to_table(rows, SCHEMAS["sentences"])


@cache
def _tagger(backend: str, model_path: str | None):
    from .nlp.ner import load_ner_tagger

    return load_ner_tagger(backend, model_path)


def entities_batch(sentences: pa.Table, backend: str = FEED_NER_BACKEND, model_path: str | None = None,
                   chunk_sentences: int = 2000) -> pa.Table:
    """Entities of a part's sentences, tagged a few thousand sentences (whole documents) at a time: memory
    stays flat however large the part."""
    from .nlp.ner import document_batches

    tagger = _tagger(backend, model_path)
    doc_ids = sentences.column("doc_id").to_pylist()
    starts = [i for i in range(len(doc_ids)) if i == 0 or doc_ids[i] != doc_ids[i - 1]] + [len(doc_ids)]
    sizes = [b - a for a, b in itertools.pairwise(starts)]
    tables = []
    for lo, hi in document_batches(sizes, chunk_sentences):
        chunk = sentences.slice(starts[lo], starts[hi] - starts[lo]).to_pylist()
        tables.append(_entities_of(chunk, sizes[lo:hi], tagger, backend))
    return pa.concat_tables(tables) if tables else rows_to_table([], SCHEMAS["entities"])


def _entities_of(sents: list[dict], documents: list[int], tagger, backend: str) -> pa.Table:
    from .nlp.ner import entities_from_tags, tokenize_with_offsets

    toks_all = [tokenize_with_offsets(s["text"]) for s in sents]
    tokens = [[t[0] for t in toks] for toks in toks_all]
    tags_all = tagger.tag_batch(tokens, documents=documents)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for s, toks, tokens_, tags in zip(sents, toks_all, tokens, tags_all, strict=True):
        tags, touched = apply_catalogue(tokens_, tags)
        first_token = {start: i for i, (_, start, _) in enumerate(toks)}
        for e in entities_from_tags(toks, tags):
            how = touched.get(first_token[e["start_char"]])
            by_doc[s["doc_id"]].append({
                "doc_id": s["doc_id"], "sentence_id": s["sentence_id"],
                "start_char": s["start_char"] + e["start_char"], "end_char": s["start_char"] + e["end_char"],
                "text": e["text"], "entity_type": LABELS.get(e["label"], "MISC"),
                "detector": CATALOGUE if how == "added" else f"{backend}+{CATALOGUE}" if how else backend,
            })
    rows = [r for doc_rows in by_doc.values() for r in link_document(doc_rows)]
    return rows_to_table(rows, SCHEMAS["entities"])


def troop_facts_batch(docs: pa.Table, sentences: pa.Table, kind_model: str | None = None) -> pa.Table:
    """Troop facts of a batch of documents; *kind_model* as `load_kind_model` takes it (None: the one in use)."""
    model = load_kind_model(kind_model)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for s in sentences.to_pylist():
        by_doc[s["doc_id"]].append(s)
    rows = []
    for doc in docs.select(["doc_id", "text", "published_at"]).to_pylist():
        pub = doc["published_at"].date() if doc["published_at"] else None
        ctx = document_context(doc["text"], pub)
        sents = by_doc.get(doc["doc_id"], [])
        facts = extract_article_facts([(s["text"], s["start_char"]) for s in sents], ctx, kind_model=model)
        for s, sentence_facts in zip(sents, facts, strict=True):
            for f in sentence_facts:
                row = f.to_dict()
                row.update(doc_id=doc["doc_id"], sentence_id=s["sentence_id"],
                           fact_id=fact_id(doc["doc_id"], f.start_char, f.end_char, f.count, f.low, f.high))
                rows.append(row)
    return rows_to_table(rows, SCHEMAS["troop_facts"])


# ---------------------------------------------------------------------------------------------------
@dataclass
class StageResult:
    table: str
    parts_total: int
    parts_done: int
    rows_written: int


def _compute_part(table: str, store: ParquetStore, ref_day: str, ref_part: str, opts: dict,
                  piece: tuple[int, int] = (0, 1)) -> pa.Table:
    """`table`'s rows for one documents part, or for its `piece` = (k, n): the k-th of n runs of consecutive
    documents. Pieces concatenated in order equal the whole part's output (every stage works document by
    document, in document order)."""
    doc_ref = PartRef("documents", ref_day, ref_part)
    doc_ids = None
    if piece != (0, 1):
        ids = store.read(doc_ref, ["doc_id"]).column("doc_id")
        k, n = piece
        doc_ids = ids.slice(len(ids) * k // n, len(ids) * (k + 1) // n - len(ids) * k // n)

    def read(ref: PartRef, columns: list[str] | None = None) -> pa.Table:
        t = store.read(ref, columns)
        return t if doc_ids is None else t.filter(pc.is_in(t.column("doc_id"), value_set=doc_ids))

    if table == "sentences":
        return sentences_batch(read(doc_ref, ["doc_id", "text"]))
    if table == "entities":
        return entities_batch(read(PartRef("sentences", ref_day, ref_part)), opts.get("ner_backend", FEED_NER_BACKEND),
                              opts.get("ner_model_path"))
    if table == "troop_facts":
        return troop_facts_batch(read(doc_ref, ["doc_id", "text", "published_at"]),
                                 read(PartRef("sentences", ref_day, ref_part)), opts.get("kind_model"))
    raise ValueError(f"unknown stage {table}")


@cache
def _files_digest(files: tuple[tuple[str, int, int], ...]) -> str:
    """Content digest of (path, mtime, size) files; the stamps key the cache, so an edited file is read again."""
    h = hashlib.sha1()
    for p, _, _ in files:
        h.update(Path(p).name.encode())
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:16]


def _data_digest(folder: Path, extra: str | None = None, skip: tuple[str, ...] = ()) -> str:
    """Digest of the data files under *folder* (and of the file *extra*), less those named in *skip*: a stage
    that reads them must run again when they change, which no code version says."""
    files = [str(p) for p in sorted(folder.iterdir()) if p.is_file() and p.suffix != ".md" and p.name not in skip]
    if extra and Path(extra).is_file():
        files.append(extra)
    return _files_digest(tuple((f, (st := os.stat(f)).st_mtime_ns, st.st_size) for f in files))


def _upstream(store: ParquetStore, table: str, ref_day: str, ref_part: str, opts: dict) -> dict:
    """What a part is computed from: its documents part, the stage's code version, the lexicons (alias
    tables, fact rules), for entities the NER model chosen and its files (another model, or a retrained one,
    gives other entities), and for troop facts the kind model in use."""
    fp = {"documents": store.fingerprint(PartRef("documents", ref_day, ref_part)), "version": STAGE_VERSIONS[table]}
    if table in ("entities", "troop_facts"):
        fp["lexicons"] = _data_digest(LEXICONS)
    if table == "entities":
        fp["ner"] = [opts.get("ner_backend") or FEED_NER_BACKEND, opts.get("ner_model_path")]
        # the kind model shares the folder; retraining it gives other kinds, not other entities
        fp["ner_files"] = _data_digest(MODELS_DIR, opts.get("ner_model_path"), skip=(KIND_MODEL_PATH.name,))
    if table == "troop_facts":
        where = kind_model_location(opts.get("kind_model"))
        stamp = kind_model_stamp(where)  # (a missing file is named as the kind model)
        fp["kind_model"] = where if stamp is None else _files_digest(((where, *stamp),))
    return fp


def _run_part(args: tuple) -> int:
    table, root, ref_day, ref_part, opts = args
    store = ParquetStore(root)
    upstream_fp = _upstream(store, table, ref_day, ref_part, opts)
    out = _compute_part(table, store, ref_day, ref_part, opts)
    store.write(PartRef(table, ref_day, ref_part), out, upstream_fp)
    return out.num_rows


def _run_piece(args: tuple) -> pa.Table:
    table, root, ref_day, ref_part, opts, piece = args
    return _compute_part(table, ParquetStore(root), ref_day, ref_part, opts, piece)


def _run_split(pool: ProcessPoolExecutor, store: ParquetStore, args: tuple, n: int) -> int:
    """One part computed in *n* pieces on the pool (a nightly run has a single part: both cores still work)."""
    table, root, ref_day, ref_part, opts = args
    upstream_fp = _upstream(store, table, ref_day, ref_part, opts)
    out = pa.concat_tables(pool.map(_run_piece, [(*args, (k, n)) for k in range(n)]))
    store.write(PartRef(table, ref_day, ref_part), out, upstream_fp)
    return out.num_rows


def run_stage(table: str, store: ParquetStore, workers: int | None = None, days: set[str] | None = None,
              opts: dict | None = None, force: bool = False,
              log: Callable[[str], None] | None = None, dask_client=None,
              split_min_bytes: int = 1_000_000) -> StageResult:
    """Bring `table` up to date with `documents`, part by part, in `workers` local processes, or on a Dask
    cluster when `dask_client` (a `distributed.Client`) is given: the part function is the same."""
    store.ensure_schema(table, SCHEMAS[table])
    doc_parts = store.parts("documents", days)
    live = {(r.day, r.part) for r in doc_parts}
    # drop outputs whose documents part is gone (an input re-dated or removed)
    for ref in store.parts(table, days):
        if (ref.day, ref.part) not in live:
            store.fs.delete_file(store.path(ref.rel()))
    todo = []
    for ref in doc_parts:
        out = PartRef(table, ref.day, ref.part)
        if force or store.fingerprint(out) != _upstream(store, table, ref.day, ref.part, opts or {}):
            todo.append((table, store.root, ref.day, ref.part, opts or {}))
    # largest parts first, so no core idles at the end waiting for one big day (longest-processing-time first)
    sizes = [i.size or 0 for i in store.fs.get_file_info([store.path(PartRef("documents", a[2], a[3]).rel())
                                                          for a in todo])]
    order = sorted(range(len(todo)), key=lambda i: -sizes[i])
    todo, sizes = [todo[i] for i in order], [sizes[i] for i in order]
    wanted = workers or os.cpu_count() or 1
    rows = 0
    if dask_client is not None:
        rows = sum(dask_client.gather(dask_client.map(_run_part, todo, pure=False)))
    elif todo and len(todo) < wanted and min(sizes) >= split_min_bytes:
        # fewer parts than workers (a nightly run has one day, one part): each part is split in pieces of
        # whole documents, so every core works; small parts are not worth the workers' start-up
        with ProcessPoolExecutor(max_workers=wanted) as pool:
            for args in todo:
                rows += _run_split(pool, store, args, wanted)
    elif min(wanted, len(todo)) <= 1:
        for args in todo:
            rows += _run_part(args)
    else:
        with ProcessPoolExecutor(max_workers=min(wanted, len(todo))) as pool:
            for n in pool.map(_run_part, todo):
                rows += n
    if log:
        log(f"{table}: {len(todo)} of {len(doc_parts)} parts recomputed, {rows} rows written")
    return StageResult(table, len(doc_parts), len(todo), rows)


def near_duplicates(store: ParquetStore, days: set[str] | None = None, threshold: float = 0.8) -> int:
    """`document_duplicates` of `days` (all days when None): each near-duplicate document (the same wire
    story in several outlets) mapped to the earliest copy on its day or before.

    The MinHash signatures stored with the documents are replayed in day order through an LSH index (no
    text is read or hashed again), so a nightly run costs one pass over 64 integers per document. A day
    backfilled later than the days after it does not re-point their duplicates until they are rerun.
    Returns the number of duplicate rows written."""
    store.ensure_schema("document_duplicates", SCHEMAS["document_duplicates"])
    doc_days = sorted({r.day for r in store.parts("documents")})
    # older versions kept one unpartitioned file (day=all)
    store.delete_part("document_duplicates", "all", keep_days=set(doc_days))
    wanted = set(doc_days) if days is None else set(days) & set(doc_days)
    if not wanted:
        return 0
    last = max(wanted)
    replay = {d for d in doc_days if d <= last}
    day_of: dict[str, str] = {}

    def stream() -> Iterable[tuple[str, list[int] | None]]:
        for ref in store.parts("documents", replay):
            t = store.read(ref, ["doc_id", "minhash"])
            for doc_id, sig in zip(t.column(0).to_pylist(), t.column(1).to_pylist(), strict=True):
                day_of.setdefault(doc_id, ref.day)
                yield doc_id, sig

    groups = near_duplicates_from_signatures(stream(), threshold=threshold)
    by_day: dict[str, list[dict]] = {d: [] for d in wanted}
    for doc_id, canonical in sorted(groups.items()):
        if day_of[doc_id] in wanted:
            by_day[day_of[doc_id]].append({"doc_id": doc_id, "duplicate_of": canonical})
    for day, rows in by_day.items():
        store.write(PartRef("document_duplicates", day, "all"), rows_to_table(rows, SCHEMAS["document_duplicates"]))
    return sum(len(r) for r in by_day.values())


def entity_catalog(store: ParquetStore) -> pa.Table:
    """`entity_catalog`: every catalogue entity (countries, places, organisations, people) with aliases."""
    from .nlp.gazetteer import gazetteer

    rows = [{"id": e.id, "entity_type": e.entity_type, "kind": e.kind, "name_ar": e.name_ar,
             "name_en": e.name_en, "country": e.country, "aliases": list(e.aliases)}
            for e in sorted(gazetteer().entities.values(), key=lambda e: e.id)]
    table = rows_to_table(rows, SCHEMAS["entity_catalog"])
    store.ensure_schema("entity_catalog", SCHEMAS["entity_catalog"])
    store.write(PartRef("entity_catalog", "all", "all"), table)
    return table
