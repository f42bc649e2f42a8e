"""Warehouse assets: the dbt models (core tables and marts, with their tests as asset checks) and the
published DuckDB file analysts open."""


import importlib.metadata
import os
import shutil
import sys
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)
from packaging import version

from pipelines import serving
from pipelines.partitions import daily_partitions, partition_days, single_run_backfill
from pipelines.resources import TroopwatchResource
from pipelines.settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def dbt_executable() -> str:
    """The dbt installed beside this Python (the project's venv), else the one on PATH."""
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


class TroopwatchDbtCliResource(DbtCliResource):
    """dagster-dbt's dbt CLI resource without two costs it pays on every invocation (about 9 s of a 50 s
    nightly run, measured with cProfile): `dbt --version` in a subprocess, when the dbt we run is the
    dbt-core installed beside this Python, and an in-process dbt adapter handle, which dagster-dbt only needs
    for `fetch_row_counts` / `fetch_column_metadata`, neither of which this project uses. Both overrides
    are private hooks of dagster-dbt 0.29 (tested by every run of the dbt assets)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable).parent == Path(sys.executable).parent:
            return version.parse(importlib.metadata.version("dbt-core"))
        return super()._cli_version

    def _initialize_dbt_core_adapter(self, args):
        return None


def dbt_resource() -> DbtCliResource:
    return TroopwatchDbtCliResource(project_dir=str(DBT_PROJECT_DIR), profiles_dir=str(DBT_PROJECT_DIR),
                                    dbt_executable=dbt_executable())


def ensure_manifest() -> None:
    """Parse the dbt project when its manifest is missing or older than a model, so the assets load outside
    `dagster dev` too (the CLI, tests, CI)."""
    manifest = dbt_project.manifest_path
    newest = max(p.stat().st_mtime for p in DBT_PROJECT_DIR.rglob("*")
                 if p.suffix in (".sql", ".yml") and "target" not in p.parts)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        dbt_resource().cli(["parse", "--quiet"], target_path=Path("target")).wait()


ensure_manifest()


class TroopwatchDbtTranslator(DagsterDbtTranslator):
    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        key = super().get_asset_key(dbt_resource_props)
        if dbt_resource_props["resource_type"] == "source":
            return key
        return key.with_prefix("warehouse")

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"

    def get_owners(self, dbt_resource_props: Mapping[str, Any]):
        return ["team:troopwatch-analytics"]


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=TroopwatchDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    partitions_def=daily_partitions,
    backfill_policy=single_run_backfill,
)
def troopwatch_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, troopwatch: TroopwatchResource):
    """Core tables (typed, deduplicated) and marts built by dbt into the private build database. The big
    tables (sentences, entities) are incremental: a run replaces only its days."""
    troopwatch.build_db.parent.mkdir(parents=True, exist_ok=True)
    os.environ["TROOPWATCH_PARQUET"] = troopwatch.store().root if not troopwatch.store().local else troopwatch.store().base
    os.environ["TROOPWATCH_BUILD_DB"] = str(troopwatch.build_db)
    # the run's days go in the environment, not --vars: new --vars every night would make dbt parse the
    # whole project again (see macros/run_days.sql)
    days = partition_days(context)
    os.environ["TROOPWATCH_MIN_DAY"] = min(days) if days else ""
    os.environ["TROOPWATCH_MAX_DAY"] = max(days) if days else ""
    invocation = dbt.cli(["build"], context=context)
    yield from invocation.stream()
    keep_partial_parse(invocation.target_path)


def keep_partial_parse(target_path: Path) -> None:
    """Leave this invocation's parse state where dagster-dbt looks for it next time (`dbt/target/`), so the
    next run on the same warehouse parses only what changed. Replaced atomically: runs may overlap."""
    state = Path(target_path) / "partial_parse.msgpack"
    shared = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"
    if state.exists():
        tmp = shared.with_name(f".{shared.name}.{os.getpid()}.tmp")
        shutil.copyfile(state, tmp)
        os.replace(tmp, shared)


@dg.asset(
    key="troopwatch_duckdb",
    deps=[troopwatch_dbt_models],
    owners=["team:troopwatch-analytics"],
    group_name="warehouse",
)
def troopwatch_duckdb(context: dg.AssetExecutionContext, troopwatch: TroopwatchResource) -> dg.MaterializeResult:
    """The analysts' DuckDB file (`warehouse/troopwatch.duckdb`), published atomically from the dbt build:
    readers holding it open keep the previous version and are never blocked."""
    path = serving.publish(troopwatch.build_db, troopwatch.serving_db)
    counts = serving.table_counts(path)
    context.log.info(f"published {path}")
    return dg.MaterializeResult(metadata={
        "path": str(path),
        "tables": dg.MetadataValue.md("| table | rows |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in counts.items())),
        **{f"rows/{k}": v for k, v in counts.items()},
    })
