"""Publishing the analysts' DuckDB file.

dbt builds a private database (`warehouse/.build/troopwatch.duckdb`). Publishing copies it next to the
served file and renames it over `warehouse/troopwatch.duckdb` in one atomic step. An analyst who holds the
old file open (a notebook, the DuckDB CLI, a BI tool) keeps reading the old, complete version; the next
connection sees the new one. Nobody ever sees a half-written database, and an open reader never blocks
or fails the run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import duckdb


def publish(build_db: Path, serving_db: Path) -> Path:
    if not build_db.exists():
        raise FileNotFoundError(f"dbt build database not found: {build_db}")
    wal = build_db.with_name(build_db.name + ".wal")
    if wal.exists():
        # fold any write-ahead log into the file before copying it, in a fresh process: DuckDB caches
        # database instances per process, and one opened here earlier would not see what dbt wrote since
        subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).execute('CHECKPOINT')",
                        str(build_db)], check=True)
    serving_db.parent.mkdir(parents=True, exist_ok=True)
    for stale in serving_db.parent.glob(f".{serving_db.name}.*.tmp"):
        stale.unlink(missing_ok=True)  # left by a run killed while publishing
    tmp = serving_db.with_name(f".{serving_db.name}.{uuid.uuid4().hex}.tmp")
    shutil.copyfile(build_db, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, serving_db)
    return serving_db


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'main' order by table_name").fetchall()]
        return {n: con.execute(f'select count(*) from "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()
