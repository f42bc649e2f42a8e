"""The one Definitions object: assets, checks, jobs, schedule and resources, configured in one place."""

from __future__ import annotations

import dagster as dg

from assets import ingest, nlp, warehouse
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
    nlp.troop_facts_evidence_matches_text,
]

troopwatch_job = dg.define_asset_job(
    "troopwatch_job",
    selection=dg.AssetSelection.all(),
    description="Ingest the input folder and rebuild every table, mart and the published DuckDB file.",
)

nightly_schedule = dg.ScheduleDefinition(
    name="nightly_ingest",
    job=troopwatch_job,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    run_config={"ops": {"ingest_articles": {"config": {"input_path": default_landing()}}}},
    description="Every night at 02:00 UTC: ingest what landed in the landing folder and rebuild the warehouse.",
    default_status=dg.DefaultScheduleStatus.STOPPED,
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
