"""Daily partitions: the nightly schedule's tick, a single-day run, and a CLI backfill over real feed days."""

import datetime as dt
import json
import os
import subprocess
import sys
import zipfile

import dagster as dg
import duckdb
import pytest

from .conftest import SHARED

FEED = SHARED / "corpus" / "saudinewsnet"
DAYS = ["2015-07-21", "2015-07-22", "2015-07-23"]


@pytest.fixture(scope="module")
def small_feed(tmp_path_factory):
    """Three daily ZIPs shaped like the real feed, with the first 12 real articles of each day."""
    if not (FEED / f"{DAYS[0]}.zip").exists():
        pytest.skip("SaudiNewsNet corpus not available")
    from pipelines.settings import ensure_dagster_home

    os.environ["DAGSTER_HOME"] = str(tmp_path_factory.mktemp("dagster_home"))
    ensure_dagster_home()
    feed = tmp_path_factory.mktemp("feed")
    for day in DAYS:
        with zipfile.ZipFile(FEED / f"{day}.zip") as zf:
            records = json.loads(zf.read(f"{day}.json"))[:12]
        with zipfile.ZipFile(feed / f"{day}.zip", "w", zipfile.ZIP_DEFLATED) as out:
            out.writestr(f"{day}.json", json.dumps(records, ensure_ascii=False))
    return feed


def _served(wh, sql):
    """Rows of *sql* on the served DuckDB, read from a separate process as an analyst's client does (a
    connection in this process could reuse DuckDB's per-process instance of a file replaced since)."""
    code = ("import duckdb, json, sys\n"
            "with duckdb.connect(sys.argv[1], read_only=True) as con:\n"
            "    print(json.dumps(con.execute(sys.argv[2]).fetchall()))")
    out = subprocess.run([sys.executable, "-c", code, str(wh / "troopwatch.duckdb"), sql],
                         check=True, capture_output=True, text=True).stdout
    return [tuple(r) for r in json.loads(out)]


def _days(wh, table):
    glob = wh / "parquet" / table / "*" / "*.parquet"
    return dict(duckdb.connect().execute(
        f"select day, count(*) from read_parquet('{glob}', hive_partitioning = true) group by day").fetchall())


def test_schedule_tick_requests_yesterday_and_its_run_processes_only_that_day(small_feed, tmp_path, monkeypatch):
    from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources, defs, nightly_schedule

    monkeypatch.setenv("TROOPWATCH_LANDING", str(small_feed))
    assert nightly_schedule.cron_schedule == "0 2 * * *"
    tick = nightly_schedule.evaluate_tick(dg.build_schedule_context(
        scheduled_execution_time=dt.datetime(2015, 7, 23, 2, 0, tzinfo=dt.UTC),
        repository_def=defs.get_repository_def()))
    [req] = tick.run_requests
    assert req.partition_key == "2015-07-22"
    assert req.run_config["ops"]["ingest_articles"]["config"]["input_path"] == str(small_feed)

    wh = tmp_path / "warehouse"
    result = dg.materialize([*ALL_ASSETS, *ALL_CHECKS], resources=build_resources(str(small_feed), str(wh)),
                            instance=dg.DagsterInstance.get(), run_config=req.run_config,
                            partition_key=req.partition_key)
    assert result.success
    assert set(_days(wh, "documents")) == {"2015-07-22"}
    assert set(_days(wh, "troop_facts") or {"2015-07-22": 0}) == {"2015-07-22"}
    mats = {e.asset_key.to_user_string(): e for e in result.get_asset_materialization_events()}
    assert mats["documents"].partition == "2015-07-22"
    evals = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evals["documents_keys_unique"].passed and evals["troop_facts_keys_unique"].passed
    assert not evals["documents_latest_partition_fresh"].passed  # 2015 is not fresh: the check says so
    con = duckdb.connect(str(wh / "troopwatch.duckdb"), read_only=True)
    assert con.execute("select count(*), min(published_date), max(published_date) from documents").fetchone()[0] == 12


def test_cli_backfill_of_a_range_then_a_nightly_day(small_feed, tmp_path):
    from pipelines.cli import main

    wh = tmp_path / "warehouse"
    assert main(["run", "--input", str(small_feed), "--warehouse", str(wh),
                 "--from", DAYS[0], "--to", DAYS[1]]) == 0
    docs = _days(wh, "documents")
    assert set(docs) == set(DAYS[:2]) and all(n > 0 for n in docs.values())
    sentences_before = _days(wh, "sentences")
    served = _served(wh, "select day, count(*) from sentences group by day order by day")
    assert dict(served) == sentences_before  # the incremental dbt model holds exactly the Parquet rows

    # the next night: only the new day is read and processed; earlier days keep their rows
    assert main(["run", "--input", str(small_feed), "--warehouse", str(wh), "--from", DAYS[2]]) == 0
    after = _days(wh, "sentences")
    assert set(after) == set(DAYS) and {d: after[d] for d in DAYS[:2]} == sentences_before
    assert dict(_served(wh, "select day, count(*) from sentences group by day")) == after
    assert _served(wh, "select count(*) from documents")[0][0] == sum(_days(wh, "documents").values())
    runs = dg.DagsterInstance.get().get_runs(limit=2)
    assert runs[0].tags["dagster/asset_partition_range_start"] == DAYS[2]
    assert (runs[1].tags["dagster/asset_partition_range_start"],
            runs[1].tags["dagster/asset_partition_range_end"]) == (DAYS[0], DAYS[1])
