"""Ingestion layer: read raw article files into :class:`RawArticle` records.

Plain Python (no Dagster import); the Dagster assets wrap these functions.
"""

from pipelines.ingest.readers import (
    RawArticle,
    RejectedInput,
    minhash_signature,
    near_duplicate_groups,
    near_duplicates_from_signatures,
    read_inputs,
)

__all__ = ["RawArticle", "RejectedInput", "read_inputs", "near_duplicate_groups", "minhash_signature",
           "near_duplicates_from_signatures"]
