"""Ingestion assets: raw input files → `documents`, `rejected_inputs`, `input_files`, `document_duplicates`."""


import dagster as dg

from pipelines import stages
from pipelines.resources import TroopwatchResource
from pipelines.settings import default_input

OWNERS = ["team:troopwatch-data"]


class IngestConfig(dg.Config):
    input_path: str | None = None  # overrides the resource's input folder (the schedule sets the landing folder)
    force: bool = False  # re-read files even when their fingerprint is unchanged


@dg.multi_asset(
    outs={
        "documents": dg.AssetOut(
            description="Cleaned articles (Parquet, one file per input file and day). Boilerplate lines removed; "
            "character offsets everywhere point into `text`.",
            owners=OWNERS, group_name="ingest", is_required=True,
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
    retry_policy=dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL),
)
def ingest_articles(context: dg.AssetExecutionContext, config: IngestConfig, troopwatch: TroopwatchResource):
    """Read every input file (txt, json, jsonl, zip, html; any encoding), clean it, and write its part."""
    store = troopwatch.store()
    input_path = config.input_path or troopwatch.input_path or default_input()
    results = stages.ingest(input_path, store, troopwatch.max_input_bytes, force=config.force,
                            workers=troopwatch.n_workers())
    done = [r for r in results if not r.skipped]
    n_docs = sum(r.n_documents for r in done)
    n_rej = sum(r.n_rejected for r in done)
    context.log.info(f"{len(done)} of {len(results)} input files read from {input_path}: "
                     f"{n_docs} documents, {n_rej} rejected")
    total_docs = store.count_rows("documents")
    total_rej = store.count_rows("rejected_inputs")
    yield dg.MaterializeResult(asset_key="documents", metadata={
        "input_path": input_path, "files_read": len(done), "files_unchanged": len(results) - len(done),
        "documents_written": n_docs, "dagster/row_count": total_docs,
    })
    yield dg.MaterializeResult(asset_key="rejected_inputs", metadata={
        "rejected_this_run": n_rej, "dagster/row_count": total_rej,
        "rejected_rate": round(total_rej / max(1, total_rej + total_docs), 4),
    })
    yield dg.MaterializeResult(asset_key="input_files", metadata={"dagster/row_count": store.count_rows("input_files")})


@dg.asset(deps=["documents"], owners=OWNERS, group_name="ingest")
def document_duplicates(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Near-duplicate documents (the same wire story lightly edited in several outlets), found with MinHash
    LSH over word 5-grams and mapped to the earliest copy, so marts count a story once."""
    table = stages.near_duplicates(troopwatch.store())
    return dg.MaterializeResult(metadata={"dagster/row_count": table.num_rows})


@dg.asset_check(asset="rejected_inputs", description="Share of refused inputs stays under 20%.")
def rejected_input_rate(troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    store = troopwatch.store()
    rej, docs = store.count_rows("rejected_inputs"), store.count_rows("documents")
    rate = rej / max(1, rej + docs)
    return dg.AssetCheckResult(passed=rate < 0.2, severity=dg.AssetCheckSeverity.WARN,
                               metadata={"rejected": rej, "documents": docs, "rate": round(rate, 4)})


@dg.asset_check(asset="documents", description="Every document has an id and non-empty cleaned text.")
def documents_have_text(troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    bad = total = 0
    for batch in troopwatch.store().iter_batches("documents", ["doc_id", "text"]):
        for d, t in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
            total += 1
            bad += (not d) or (not t or not t.strip())
    return dg.AssetCheckResult(passed=bad == 0 and total > 0, metadata={"documents": total, "bad": bad})
