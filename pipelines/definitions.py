"""The one Definitions object: assets, checks, jobs, schedule and resources, configured in one place."""

from __future__ import annotations

import datetime as dt

import dagster as dg

from assets import ingest, nlp, warehouse
from pipelines.partitions import daily_partitions
from pipelines.resources import TroopwatchResource
from pipelines.sensors import build_landing_sensor
from pipelines.settings import default_input, default_landing, default_warehouse

ALL_ASSETS = [
    ingest.ingest_articles,
    ingest.document_duplicates,
    nlp.sentences,
    nlp.entities,
    nlp.troop_facts,
    nlp.entity_catalog,
    warehouse.troopwatch_dbt_models,
    warehouse.troopwatch_duckdb,
]
ALL_CHECKS = [
    ingest.rejected_input_rate,
    ingest.documents_have_text,
    ingest.documents_keys_unique,
    ingest.documents_row_count_vs_previous_day,
    ingest.documents_latest_partition_fresh,
    nlp.troop_facts_evidence_matches_text,
    nlp.troop_facts_keys_unique,
    nlp.troop_facts_plausible,
    nlp.sentences_keys_unique,
    nlp.entities_row_count_vs_previous_day,
]

troopwatch_job = dg.define_asset_job(
    "troopwatch_job",
    selection=dg.AssetSelection.all(),
    partitions_def=daily_partitions,
    description="Ingest the input files of the selected days, bring every table and mart up to date and publish "
    "the DuckDB file. One partition per day; a backfill of a range runs as one run.",
)


@dg.schedule(job=troopwatch_job, cron_schedule="0 2 * * *", execution_timezone="UTC", name="nightly_ingest",
             default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Every night at 02:00 UTC: the previous day's partition from the landing folder.")
def nightly_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    day = (context.scheduled_execution_time.astimezone(dt.UTC) - dt.timedelta(days=1)).date().isoformat()
    return dg.RunRequest(
        run_key=f"nightly-{day}",
        partition_key=day,
        run_config={"ops": {"ingest_articles": {"config": {"input_path": default_landing()}}}},
    )


landing_sensor = build_landing_sensor(troopwatch_job)


def build_resources(input_path: str | None = None, warehouse_dir: str | None = None, **kwargs) -> dict:
    return {
        "troopwatch": TroopwatchResource(
            input_path=input_path or default_input(), warehouse_dir=warehouse_dir or default_warehouse(), **kwargs
        ),
        "dbt": warehouse.dbt_resource(),
    }


defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=ALL_CHECKS,
    jobs=[troopwatch_job],
    schedules=[nightly_schedule],
    sensors=[landing_sensor],
    resources=build_resources(),
)
