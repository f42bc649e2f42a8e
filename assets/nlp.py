"""NLP assets: documents → sentences → entities and troop facts, each stage part by part on all cores."""


import dagster as dg
import duckdb

from pipelines import stages
from pipelines.resources import TroopwatchResource

OWNERS = ["team:troopwatch-nlp"]


def _stage(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource, table: str) -> dg.MaterializeResult:
    store = troopwatch.store()
    res = stages.run_stage(table, store, troopwatch.n_workers(), opts=troopwatch.stage_opts(), log=context.log.info)
    return dg.MaterializeResult(metadata={
        "parts_recomputed": res.parts_done, "parts_total": res.parts_total,
        "rows_written": res.rows_written, "dagster/row_count": store.count_rows(table),
    })


@dg.asset(deps=["documents"], owners=OWNERS, group_name="nlp",
          retry_policy=dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL))
def sentences(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """Sentences of each document with character offsets into the cleaned text."""
    return _stage(context, troopwatch, "sentences")


@dg.asset(deps=["sentences"], owners=OWNERS, group_name="nlp",
          retry_policy=dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL))
def entities(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """People, organisations, places (PERSON, ORG, LOC, MISC) from the shipped CRF NER model, linked to
    canonical ids (ISO3 for countries, catalogue ids, or stable slugs)."""
    return _stage(context, troopwatch, "entities")


@dg.asset(deps=["documents", "sentences"], owners=OWNERS, group_name="nlp",
          retry_policy=dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL))
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
def troop_facts_evidence_matches_text(troopwatch: TroopwatchResource) -> dg.AssetCheckResult:
    store = troopwatch.store()
    bad = duckdb.connect().execute(f"""
        select count(*) filter (where substr(d.text, f.start_char + 1, f.end_char - f.start_char) <> f.evidence),
               count(*) filter (where f.kind not in ('presence', 'deployment', 'withdrawal', 'strength')),
               count(*)
        from read_parquet('{store.table_glob("troop_facts")}', hive_partitioning = true) f
        join read_parquet('{store.table_glob("documents")}', hive_partitioning = true) d using (doc_id)""").fetchone()
    return dg.AssetCheckResult(passed=bad[0] == 0 and bad[1] == 0,
                               metadata={"evidence_mismatches": bad[0], "bad_kinds": bad[1], "facts": bad[2]})
