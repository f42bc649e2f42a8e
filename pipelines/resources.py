"""The one resource every asset uses: where the input and the warehouse are, and how to run the stages."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

from .nlp.ner import FEED_NER_BACKEND
from .store import ParquetStore


class TroopwatchResource(dg.ConfigurableResource):
    """Input folder, warehouse location and stage settings."""

    input_path: str = Field(description="Folder or file of articles (.txt, .json, .jsonl, .zip, .html)")
    warehouse_dir: str = Field(description="Warehouse folder: parquet/, troopwatch.duckdb, .build/")
    parquet_root: str | None = Field(default=None, description="Parquet root; default <warehouse_dir>/parquet; may be an s3:// URL")
    max_input_bytes: int = Field(default=5_000_000, description="Input files larger than this are rejected")
    workers: int = Field(default=0, description="Processes for the NLP stages (0: one per core)")
    ner_backend: str = Field(default=FEED_NER_BACKEND,
                             description="crf (shipped CRF, the fastest), ensemble (shipped CRF + BiLSTM-CRF, the most "
                                         "accurate, 2.8x slower), lstm, or camel (CAMeL Tools BERT, needs CAMELTOOLS_DATA)")
    ner_model_path: str | None = Field(default=None, description="Model path for the NER backend")
    kind_model: str | None = Field(default=None,
                                   description="Kinds of troop facts: 'rules' (the default, also from "
                                               "$TROOPWATCH_KIND_MODEL), 'shipped' (the learned kind model, "
                                               "docs/kind_model.md) or a model file from scripts/train_kind_model.py")

    def store(self) -> ParquetStore:
        return ParquetStore(self.parquet_root or os.path.join(self.warehouse_dir, "parquet"))

    @property
    def build_db(self) -> Path:
        return Path(self.warehouse_dir) / ".build" / "troopwatch.duckdb"

    @property
    def serving_db(self) -> Path:
        return Path(self.warehouse_dir) / "troopwatch.duckdb"

    def n_workers(self) -> int:
        return self.workers or os.cpu_count() or 1

    def stage_opts(self) -> dict:
        return {"ner_backend": self.ner_backend, "ner_model_path": self.ner_model_path, "kind_model": self.kind_model}
