"""A sensor on the landing folder: when new or changed files land, request a run of their day's partition.

The cursor holds the fingerprint (size, mtime) of every file already requested, so each file triggers
exactly one run; the ingest step itself skips files whose fingerprint it has already processed.
"""

import hashlib
import json
from pathlib import Path

import dagster as dg

from .settings import default_landing
from .stages import input_day, iter_input_files


def landing_fingerprints(folder: str) -> dict[str, list[int]]:
    root = Path(folder)
    if not root.exists():
        return {}
    out = {}
    for p in iter_input_files(root):
        st = p.stat()
        out[str(p)] = [st.st_size, st.st_mtime_ns]
    return out


def build_landing_sensor(job, landing: str | None = None) -> dg.SensorDefinition:
    folder = landing or default_landing()

    @dg.sensor(job=job, name="landing_folder_sensor", minimum_interval_seconds=60,
               default_status=dg.DefaultSensorStatus.STOPPED,
               description=f"Starts a run when new files land in {folder}.")
    def landing_folder_sensor(context: dg.SensorEvaluationContext):
        seen = json.loads(context.cursor) if context.cursor else {}
        current = landing_fingerprints(folder)
        new = sorted(p for p, fp in current.items() if seen.get(p) != fp)
        if not new:
            return dg.SkipReason(f"no new files in {folder}")
        by_day: dict[str, list[str]] = {}
        for p in new:
            by_day.setdefault(input_day(Path(p), folder), []).append(p)
        context.update_cursor(json.dumps(current, sort_keys=True))
        return [
            dg.RunRequest(
                run_key=day + "-" + hashlib.sha1(json.dumps([[p, current[p]] for p in paths]).encode()).hexdigest()[:12],
                partition_key=day,
                run_config={"ops": {"ingest_articles": {"config": {"input_path": folder}}}},
                tags={"troopwatch/new_files": str(len(paths))},
            )
            for day, paths in sorted(by_day.items())
        ]

    return landing_folder_sensor
