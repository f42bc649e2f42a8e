"""Arrow schemas of the warehouse tables: the single definition used by writers, readers and tests."""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

DOCUMENTS = pa.schema([
    ("doc_id", pa.string()),
    ("source_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("author", pa.string()),
    ("published_at", TS),
    ("published_at_source", pa.string()),
    ("ingested_at", TS),
    ("text", pa.string()),
    ("n_chars", pa.int32()),
    ("content_sha256", pa.string()),
    ("input_path", pa.string()),
    ("record_index", pa.int32()),
    ("encoding", pa.string()),
    ("removed_lines", pa.int32()),
    ("minhash", pa.list_(pa.uint32())),
])

SENTENCES = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("text", pa.string()),
])

ENTITIES = pa.schema([
    ("doc_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("text", pa.string()),
    ("entity_type", pa.string()),
    ("canonical_id", pa.string()),
    ("canonical_name", pa.string()),
    ("detector", pa.string()),
])

TROOP_FACTS = pa.schema([
    ("fact_id", pa.string()),
    ("doc_id", pa.string()),
    ("sentence_id", pa.int32()),
    ("count", pa.int64()),
    ("low", pa.int64()),
    ("high", pa.int64()),
    ("approximate", pa.bool_()),
    ("actor", pa.string()),
    ("actor_text", pa.string()),
    ("actor_kind", pa.string()),
    ("location", pa.string()),
    ("location_text", pa.string()),
    ("kind", pa.string()),
    ("status", pa.string()),
    ("unit_text", pa.string()),
    ("time_text", pa.string()),
    ("as_of", pa.string()),
    ("evidence", pa.string()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("confidence", pa.float32()),
])

REJECTED_INPUTS = pa.schema([
    ("input_path", pa.string()),
    ("record_index", pa.int32()),
    ("reason", pa.string()),
    ("message", pa.string()),
    ("encoding", pa.string()),
    ("first_bytes", pa.string()),
    ("rejected_at", TS),
])

INPUT_FILES = pa.schema([
    ("part", pa.string()),
    ("input_path", pa.string()),
    ("size_bytes", pa.int64()),
    ("modified_at", TS),
    ("ingested_at", TS),
    ("n_documents", pa.int32()),
    ("n_rejected", pa.int32()),
    ("days", pa.list_(pa.string())),
])

DOCUMENT_DUPLICATES = pa.schema([
    ("doc_id", pa.string()),
    ("duplicate_of", pa.string()),
])

ENTITY_CATALOG = pa.schema([
    ("id", pa.string()),
    ("entity_type", pa.string()),
    ("kind", pa.string()),
    ("name_ar", pa.string()),
    ("name_en", pa.string()),
    ("country", pa.string()),
    ("aliases", pa.list_(pa.string())),
])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "entities": ENTITIES,
    "troop_facts": TROOP_FACTS,
    "rejected_inputs": REJECTED_INPUTS,
    "input_files": INPUT_FILES,
    "document_duplicates": DOCUMENT_DUPLICATES,
    "entity_catalog": ENTITY_CATALOG,
}


def rows_to_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.Table.from_pylist([{f.name: r.get(f.name) for f in schema} for r in rows], schema=schema)
