"""Where things live by default: the bundled sample corpus, the warehouse and Dagster's storage.

Every default can be overridden by an environment variable, and the command line overrides those.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "data" / "sample"
DBT_PROJECT_DIR = REPO / "dbt"


def default_input() -> str:
    return os.environ.get("TROOPWATCH_INPUT", str(SAMPLE_CORPUS))


def default_warehouse() -> str:
    return os.environ.get("TROOPWATCH_WAREHOUSE", str(REPO / "warehouse"))


def first_partition_day() -> str:
    """First day of the daily partitions (the oldest feed day a backfill may ask for)."""
    return os.environ.get("TROOPWATCH_FIRST_DAY", "2015-01-01")


def default_landing() -> str:
    return os.environ.get("TROOPWATCH_LANDING", str(REPO / "landing"))


def ensure_dagster_home() -> Path:
    """Local Dagster storage (runs, event logs) in a git-ignored folder unless DAGSTER_HOME is set. Its
    run queue admits one run at a time, because only one process may write the warehouse."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(REPO / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text(
            "telemetry:\n  enabled: false\n"
            "concurrency:\n  runs:\n    max_concurrent_runs: 1\n  pools:\n    default_limit: 1\n"
        )
    return home
