"""Ingestion assets: raw input files → `documents`, `rejected_inputs`, `input_files`, `document_duplicates`.

Partitioned by day: a run ingests the input files of its days (the feed date in a file's name, else the
landing day) and nothing else."""

import datetime as dt

import dagster as dg

from assets.checks import keys_unique_not_null, row_count_vs_previous_day
from pipelines import stages
from pipelines.partitions import (
    NIGHTLY_FRESHNESS,
    RETRY,
    daily_partitions,
    partition_days,
    single_run_backfill,
)
from pipelines.resources import TroopwatchResource
from pipelines.settings import default_input

OWNERS = ["team:troopwatch-data"]


class IngestConfig(dg.Config):
    input_path: str | None = None  # overrides the resource's input folder (the schedule sets the landing folder)
    force: bool = False  # re-read files even when their fingerprint is unchanged


@dg.multi_asset(
    outs={
        "documents": dg.AssetOut(
            description="Cleaned articles (Parquet, one file per input file, partitioned by feed/landing day). "
            "Boilerplate lines removed; character offsets everywhere point into `text`.",
            owners=OWNERS, group_name="ingest", is_required=True, freshness_policy=NIGHTLY_FRESHNESS,
        ),
        "rejected_inputs": dg.AssetOut(
            description="Inputs refused with a reason (empty, binary, too large, not Arabic, malformed JSON, bad "
            "or unsafe archive members). The rest of the batch goes on.",
            owners=OWNERS, group_name="ingest", is_required=True,
        ),
        "input_files": dg.AssetOut(
            description="Every input file read, with its fingerprint, documents and rejections.",
            owners=OWNERS, group_name="ingest", is_required=True,
        ),
    },
    partitions_def=daily_partitions,
    backfill_policy=single_run_backfill,
    retry_policy=RETRY,
)
def ingest_articles(context: dg.AssetExecutionContext, config: IngestConfig, troopwatch: TroopwatchResource):
    """Read the input files of the run's days (txt, json, jsonl, zip, html; any encoding), clean them, and
    write one part per file."""
    store = troopwatch.store()
    days = partition_days(context)
    input_path = config.input_path or troopwatch.input_path or default_input()
    results = stages.ingest(input_path, store, troopwatch.max_input_bytes, force=config.force,
                            workers=troopwatch.n_workers(), days=days)
    done = [r for r in results if not r.skipped]
    n_docs = sum(r.n_documents for r in done)
    n_rej = sum(r.n_rejected for r in done)
    context.log.info(f"{len(done)} of {len(results)} input files of {len(days or [])} day(s) read from "
                     f"{input_path}: {n_docs} documents, {n_rej} rejected")
    docs, rej = store.count_rows("documents", days), store.count_rows("rejected_inputs", days)
    yield dg.MaterializeResult(asset_key="documents", metadata={
        "input_path": input_path, "files_read": len(done), "files_unchanged": len(results) - len(done),
        "documents_written": n_docs, "dagster/row_count": docs,
    })
    yield dg.MaterializeResult(asset_key="rejected_inputs", metadata={
        "rejected_this_run": n_rej, "dagster/row_count": rej, "rejected_rate": round(rej / max(1, rej + docs), 4),
    })
    yield dg.MaterializeResult(asset_key="input_files",
                               metadata={"dagster/row_count": store.count_rows("input_files", days)})


@dg.asset(deps=["documents"], owners=OWNERS, group_name="ingest", partitions_def=daily_partitions,
          backfill_policy=single_run_backfill, retry_policy=RETRY)
def document_duplicates(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Near-duplicate documents (the same wire story lightly edited in several outlets), found with MinHash
    LSH over word 5-grams and mapped to the earliest copy on the same day or before, so marts count a
    story once."""
    n = stages.near_duplicates(troopwatch.store(), partition_days(context))
    return dg.MaterializeResult(metadata={"dagster/row_count": n})


@dg.asset_check(asset="rejected_inputs", description="Share of refused inputs on the run's days stays under 20%.")
def rejected_input_rate(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    store, days = troopwatch.store(), partition_days(context)
    rej, docs = store.count_rows("rejected_inputs", days), store.count_rows("documents", days)
    rate = rej / max(1, rej + docs)
    return dg.AssetCheckResult(passed=rate < 0.2, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"rejected": rej, "documents": docs, "rate": round(rate, 4)})


@dg.asset_check(asset="documents", description="Every document has an id and non-empty cleaned text.")
def documents_have_text(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    bad = total = 0
    for batch in troopwatch.store().iter_batches("documents", ["doc_id", "text"], days=partition_days(context)):
        for d, t in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            total += 1
            bad += (not d) or (not t or not t.strip())
    return dg.AssetCheckResult(passed=bad == 0 and total > 0, metadata={"documents": total, "bad": bad})


@dg.asset_check(asset="documents", description="doc_id is unique per input file and never null on the run's days.")
def documents_keys_unique(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    return keys_unique_not_null(troopwatch.store(), "documents", ["doc_id"], partition_days(context))


@dg.asset_check(asset="documents", description="Documents per day within 0.25x-4x of the previous day with data.")
def documents_row_count_vs_previous_day(context: dg.AssetCheckExecutionContext,
                                        troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    return row_count_vs_previous_day(troopwatch.store(), "documents", partition_days(context))


@dg.asset_check(asset="documents", description="The newest day with documents is at most 2 days old (the nightly "
                "feed arrives); warns on a stalled feed.")
def documents_latest_partition_fresh(troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    days = sorted({r.day for r in troopwatch.store().parts("documents")})
    latest = dt.date.fromisoformat(days[-1]) if days else None
    age = (dt.datetime.now(dt.UTC).date() - latest).days if latest else None
    return dg.AssetCheckResult(passed=age is not None and age <= 2, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"latest_day": str(latest), "age_days": age if age is not None else -1})
