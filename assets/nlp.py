"""NLP assets: documents → sentences → entities and troop facts, each stage part by part on all cores."""


import dagster as dg
import duckdb

from assets.checks import day_condition, keys_unique_not_null, row_count_vs_previous_day
from pipelines import stages
from pipelines.partitions import RETRY, daily_partitions, partition_days, single_run_backfill
from pipelines.resources import TroopwatchResource

OWNERS = ["team:troopwatch-nlp"]
PARTITIONED = {"partitions_def": daily_partitions, "backfill_policy": single_run_backfill, "retry_policy": RETRY,
               "owners": OWNERS, "group_name": "nlp"}


def _stage(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource, table: str) -> dg.MaterializeResult:
    store, days = troopwatch.store(), partition_days(context)
    res = stages.run_stage(table, store, troopwatch.n_workers(), days=days, opts=troopwatch.stage_opts(),
                           log=context.log.info)
    return dg.MaterializeResult(metadata={
        "parts_recomputed": res.parts_done, "parts_total": res.parts_total,
        "rows_written": res.rows_written, "dagster/row_count": store.count_rows(table, days),
    })


@dg.asset(deps=["documents"], **PARTITIONED)
def sentences(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Sentences of each document with character offsets into the cleaned text."""
    return _stage(context, troopwatch, "sentences")


@dg.asset(deps=["sentences"], **PARTITIONED)
def entities(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """People, organisations, places (PERSON, ORG, LOC, MISC) from the shipped CRF NER model, checked against
    the alias table (a multi-word alias fixes the span and type, or adds a missed mention: `detector`
    says which), linked to canonical ids (ISO3 for countries, catalogue ids, or stable slugs)."""
    return _stage(context, troopwatch, "entities")


@dg.asset(deps=["documents", "sentences"], **PARTITIONED)
def troop_facts(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Troop-count facts: actor, location, number or range, kind, time and the evidence span."""
    result = _stage(context, troopwatch, "troop_facts")
    store = troopwatch.store()
    con = duckdb.connect()
    sample = con.execute(f"""
        select f.actor, f.location, coalesce(cast(f.count as varchar), f.low || '..' || f.high) as number,
               f.kind, f.evidence, round(f.confidence, 2) as confidence
        from read_parquet('{store.table_glob("troop_facts")}', hive_partitioning = true) f
        order by f.day desc, f.fact_id limit 10""").fetchall()
    rows = "\n".join("| " + " | ".join(str(c) if c is not None else "" for c in r) + " |" for r in sample)
    table = "| actor | location | number | kind | evidence | confidence |\n|---|---|---|---|---|---|\n" + rows
    cols = ["actor", "location", "count", "low", "high", "published_at"]
    facts = [dict(zip(cols, r, strict=True)) for r in con.execute(f"""
        select f.actor, f.location, f.count, f.low, f.high, d.published_at
        from read_parquet('{store.table_glob("troop_facts")}', hive_partitioning = true) f
        join read_parquet('{store.table_glob("documents")}', hive_partitioning = true) d using (doc_id)""").fetchall()]
    from pipelines.nlp.gazetteer import gazetteer
    from pipelines.report import levels_png_data_uri

    names = {k: e.name_ar for k, e in gazetteer().entities.items()}
    chart = f"![reported troop levels]({levels_png_data_uri(facts, names)})" if facts else "no facts yet"
    return dg.MaterializeResult(metadata={**result.metadata, "newest_facts": dg.MetadataValue.md(table),
                                          "troop_levels_chart": dg.MetadataValue.md(chart)})


@dg.asset(owners=OWNERS, group_name="nlp")
def entity_catalog(troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Canonical entities (countries from CLDR via Babel, places, organisations, people) with Arabic aliases."""
    table = stages.entity_catalog(troopwatch.store())
    return dg.MaterializeResult(metadata={"dagster/row_count": table.num_rows})


@dg.asset_check(asset="troop_facts", description="Every fact's evidence is the text at its offsets, and codes are valid.")
def troop_facts_evidence_matches_text(context: dg.AssetCheckExecutionContext,
                                      troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    store = troopwatch.store()
    days = partition_days(context)
    bad = duckdb.connect().execute(f"""
        select count(*) filter (where substr(d.text, f.start_char + 1, f.end_char - f.start_char) <> f.evidence),
               count(*) filter (where f.kind not in ('presence', 'deployment', 'withdrawal', 'strength')),
               count(*)
        from read_parquet('{store.table_glob("troop_facts")}', hive_partitioning = true) f
        join read_parquet('{store.table_glob("documents")}', hive_partitioning = true) d
          on d.doc_id = f.doc_id and d.day = f.day
        where {day_condition(days, "f.day")}""").fetchone()
    return dg.AssetCheckResult(passed=bad[0] == 0 and bad[1] == 0,
                               metadata={"evidence_mismatches": bad[0], "bad_kinds": bad[1], "facts": bad[2]})


@dg.asset_check(asset="troop_facts", description="fact_id is unique and never null on the run's days.")
def troop_facts_keys_unique(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    return keys_unique_not_null(troopwatch.store(), "troop_facts", ["fact_id"], partition_days(context))


@dg.asset_check(asset="sentences", description="(doc_id, sentence_id) is unique per input file and never null on the run's days.")
def sentences_keys_unique(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    return keys_unique_not_null(troopwatch.store(), "sentences", ["doc_id", "sentence_id"],
                                partition_days(context))


@dg.asset_check(asset="entities", description="Entities per day within 0.25x-4x of the previous day with data.")
def entities_row_count_vs_previous_day(context: dg.AssetCheckExecutionContext,
                                       troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    return row_count_vs_previous_day(troopwatch.store(), "entities", partition_days(context))


@dg.asset_check(asset="troop_facts", description="A plausible number of facts: at most one per 5 sentences, "
                "and counts between 1 and 5 million troops.")
def troop_facts_plausible(context: dg.AssetCheckExecutionContext, troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    store, days = troopwatch.store(), partition_days(context)
    n_facts, n_sent = store.count_rows("troop_facts", days), store.count_rows("sentences", days)
    bad = duckdb.connect().execute(f"""
        select count(*) from read_parquet('{store.table_glob("troop_facts")}', hive_partitioning = true)
        where {day_condition(days)} and (coalesce(count, high, low) < 1 or coalesce(count, high, low) > 5000000)
        """).fetchone()[0]
    return dg.AssetCheckResult(passed=bad == 0 and n_facts <= max(5, n_sent / 5), severity=dg.AssetCheckSeverity.WARN,
                               metadata={"facts": n_facts, "sentences": n_sent, "implausible_counts": bad})
