"""Daily partitions: one partition per feed day (the date in an input file's name) or landing day.

A nightly run materializes one day; a backfill materializes a range of days in a single run (every asset
has a single-run backfill policy), where the stages spread the days' parts over all cores.
"""

from __future__ import annotations

import datetime as dt

import dagster as dg

from .settings import first_partition_day

daily_partitions = dg.DailyPartitionsDefinition(
    start_date=first_partition_day(),
    timezone="UTC",
    # today's partition exists, so files landed today can be ingested today (by the sensor or by hand)
    end_offset=1,
)

single_run_backfill = dg.BackfillPolicy.single_run()

# every partitioned step retries a transient failure (a file still being written, a busy disk) twice
RETRY = dg.RetryPolicy(max_retries=2, delay=5, backoff=dg.Backoff.EXPONENTIAL)


def partition_days(context) -> set[str] | None:
    """The days a run (or an asset check evaluation) covers; None when it is not partitioned."""
    try:
        if context.has_partition_key_range or context.has_partition_key:
            return set(context.partition_keys)
    except Exception:  # noqa: BLE001 - unpartitioned contexts raise on partition access
        return None
    return None

# The UI flags an asset as stale when its last materialization is older than the previous nightly run
# should have made it: the run starts at 02:00 UTC and must be done by 04:00 UTC.
NIGHTLY_FRESHNESS = dg.FreshnessPolicy.cron(deadline_cron="0 4 * * *", lower_bound_delta=dt.timedelta(hours=24))
