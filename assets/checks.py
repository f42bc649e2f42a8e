"""Checks shared by the assets: keys, row counts against the previous partition, plausible ranges.

They read the Parquet tables with DuckDB, restricted to the days the run materialized."""

from __future__ import annotations

import dagster as dg
import duckdb

from pipelines.store import ParquetStore


def day_condition(days: set[str] | None, column: str = "day") -> str:
    """SQL condition keeping the rows of `days` (every row when None)."""
    if not days:
        return "true"
    return f"{column} in (" + ", ".join(f"'{d}'" for d in sorted(days)) + ")"


def keys_unique_not_null(store: ParquetStore, table: str, keys: list[str], days: set[str] | None) -> dg.AssetCheckResult:
    """Keys unique within each part (one input file's rows) and never null. The same article in two input
    files is legitimately in two parts; the dbt core models collapse those and test global uniqueness."""
    cols = ", ".join(["filename", *keys])
    nulls = " or ".join(f"{k} is null" for k in keys)
    dup, null, total = duckdb.connect().execute(f"""
        with t as (select {cols}, day from read_parquet('{store.table_glob(table)}', hive_partitioning = true,
                                                       union_by_name = true, filename = true)
                   where {day_condition(days)})
        select (select count(*) from (select {cols} from t group by {cols} having count(*) > 1)),
               (select count(*) from t where {nulls}), (select count(*) from t)""").fetchone()
    return dg.AssetCheckResult(passed=dup == 0 and null == 0, metadata={
        "duplicate_keys": dup, "null_keys": null, "rows_checked": total, "days": ", ".join(sorted(days or [])) or "all"})


def row_count_vs_previous_day(store: ParquetStore, table: str, days: set[str] | None,
                              low: float = 0.25, high: float = 4.0) -> dg.AssetCheckResult:
    """Each checked day's row count against the nearest earlier day that has rows: a sudden drop (a feed
    that broke) or jump (a duplicated feed) beyond [low, high] times the previous day fails the check."""
    counts = dict(duckdb.connect().execute(f"""
        select day, count(*) from read_parquet('{store.table_glob(table)}', hive_partitioning = true,
                                               union_by_name = true)
        group by day order by day""").fetchall())
    ordered = sorted(counts)
    checked = sorted(days & set(ordered)) if days else ordered[-1:]
    out_of_range, rows = [], []
    for day in checked:
        before = [d for d in ordered if d < day]
        prev = counts[before[-1]] if before else None
        ratio = counts[day] / prev if prev else None
        rows.append(f"| {day} | {counts[day]} | {before[-1] if before else ''} | {prev or ''} | "
                    f"{'' if ratio is None else round(ratio, 2)} |")
        if ratio is not None and not low <= ratio <= high:
            out_of_range.append(day)
    missing = sorted((days or set()) - set(ordered))
    return dg.AssetCheckResult(
        passed=not out_of_range and not missing,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "days_out_of_range": ", ".join(out_of_range), "days_without_rows": ", ".join(missing),
            "counts": dg.MetadataValue.md("| day | rows | previous day | rows | ratio |\n|---|---|---|---|---|\n"
                                          + "\n".join(rows)),
        },
    )
