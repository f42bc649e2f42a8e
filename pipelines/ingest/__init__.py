"""Ingestion layer: read raw article files into :class:`RawArticle` records.

Plain Python (no Dagster import); the Dagster assets wrap these functions.
"""

from pipelines.ingest.readers import (
    RawArticle,
    RejectedInput,
    near_duplicate_groups,
    read_inputs,
)

__all__ = ["RawArticle", "RejectedInput", "read_inputs", "near_duplicate_groups"]
