"""The Parquet warehouse: one folder per table, Hive-partitioned by day, one file per input "part".

`parquet/<table>/day=<YYYY-MM-DD|undated>/<part>.parquet`. A part is everything one input file produced
(a daily ZIP, a JSONL file, one .txt article), so a rerun rewrites exactly the files of the inputs it reads
and a new input adds only its own files. Every write goes to a temporary file that is renamed into place, so
a killed run leaves either the old file or the new one, never half of one. Each table folder also holds a
zero-row `day=__schema__/schema.parquet`, so readers always find the table and its columns.

The storage root may be a local folder or any fsspec/pyarrow URL (s3://bucket/prefix, file://...).
"""

from __future__ import annotations

import json
import posixpath
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

SCHEMA_DAY = "__schema__"
FINGERPRINT_KEY = b"troopwatch.fingerprint"


@dataclass(frozen=True)
class PartRef:
    table: str
    day: str
    part: str

    def rel(self) -> str:
        return f"{self.table}/day={self.day}/{self.part}.parquet"


class ParquetStore:
    def __init__(self, root: str):
        if "://" in root:
            self.fs, base = pafs.FileSystem.from_uri(root)
        else:
            import os

            self.fs, base = pafs.LocalFileSystem(), os.path.abspath(root)
        self.root = root
        self.base = base.rstrip("/")
        self.local = isinstance(self.fs, pafs.LocalFileSystem)

    # -- paths ----------------------------------------------------------------------------------
    def path(self, *parts: str) -> str:
        return posixpath.join(self.base, *parts)

    def table_glob(self, table: str) -> str:
        """A glob DuckDB understands for every file of a table (schema file included)."""
        return f"{self.root.rstrip('/') if not self.local else self.base}/{table}/*/*.parquet"

    # -- writing --------------------------------------------------------------------------------
    def write(self, ref: PartRef, table: pa.Table, fingerprint: dict | None = None) -> None:
        meta = dict(table.schema.metadata or {})
        if fingerprint is not None:
            meta[FINGERPRINT_KEY] = json.dumps(fingerprint, sort_keys=True).encode()
        table = table.replace_schema_metadata(meta)
        final = self.path(ref.rel())
        self.fs.create_dir(posixpath.dirname(final), recursive=True)
        tmp = f"{final}.tmp-{uuid.uuid4().hex}"
        pq.write_table(table, tmp, filesystem=self.fs, compression="zstd")
        self.fs.move(tmp, final)

    def ensure_schema(self, table: str, schema: pa.Schema) -> None:
        self.remove_temp_files(table)
        ref = PartRef(table, SCHEMA_DAY, "schema")
        info = self.fs.get_file_info(self.path(ref.rel()))
        if info.type == pafs.FileType.NotFound:
            self.write(ref, schema.empty_table())

    def remove_temp_files(self, table: str) -> int:
        """Delete temporary files a killed writer left behind (never read: they do not end in .parquet)."""
        sel = pafs.FileSelector(self.path(table), recursive=True, allow_not_found=True)
        stale = [i.path for i in self.fs.get_file_info(sel) if i.type == pafs.FileType.File and ".tmp-" in i.path]
        for path in stale:
            self.fs.delete_file(path)
        return len(stale)

    def delete_part(self, table: str, part: str, keep_days: set[str] = frozenset()) -> int:
        """Remove a part's files from every day except `keep_days` (an input whose dates changed)."""
        removed = 0
        for ref in self.parts(table):
            if ref.part == part and ref.day not in keep_days:
                self.fs.delete_file(self.path(ref.rel()))
                removed += 1
        return removed

    # -- reading --------------------------------------------------------------------------------
    def parts(self, table: str, days: set[str] | None = None) -> list[PartRef]:
        sel = pafs.FileSelector(self.path(table), recursive=True, allow_not_found=True)
        out = []
        for info in self.fs.get_file_info(sel):
            if info.type != pafs.FileType.File or not info.path.endswith(".parquet"):
                continue
            day_dir = posixpath.basename(posixpath.dirname(info.path))
            if not day_dir.startswith("day="):
                continue
            day = day_dir[4:]
            if day == SCHEMA_DAY or (days is not None and day not in days):
                continue
            out.append(PartRef(table, day, posixpath.basename(info.path)[: -len(".parquet")]))
        return sorted(out, key=lambda r: (r.day, r.part))

    def exists(self, ref: PartRef) -> bool:
        return self.fs.get_file_info(self.path(ref.rel())).type == pafs.FileType.File

    def fingerprint(self, ref: PartRef) -> dict | None:
        try:
            meta = pq.read_schema(self.path(ref.rel()), filesystem=self.fs).metadata or {}
        except (FileNotFoundError, OSError):
            return None
        raw = meta.get(FINGERPRINT_KEY)
        return json.loads(raw) if raw else None

    def read(self, ref: PartRef, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.path(ref.rel()), columns=columns, filesystem=self.fs)

    def iter_batches(self, table: str, columns: list[str] | None = None, batch_size: int = 4096,
                     days: set[str] | None = None) -> Iterator[pa.RecordBatch]:
        for ref in self.parts(table, days):
            pf = pq.ParquetFile(self.path(ref.rel()), filesystem=self.fs)
            yield from pf.iter_batches(batch_size=batch_size, columns=columns)

    def count_rows(self, table: str, days: set[str] | None = None) -> int:
        total = 0
        for ref in self.parts(table, days):
            total += pq.ParquetFile(self.path(ref.rel()), filesystem=self.fs).metadata.num_rows
        return total
