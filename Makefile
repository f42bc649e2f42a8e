# troopwatch: `make run` sets up .venv and runs the pipeline on the sample corpus; `make test` runs the tests.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: setup run test lint eval bench train-ner crossval-ner train-kind ui docs clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first and pinned: camel-tools would otherwise pull a multi-GB CUDA build
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed

run: setup
	$(VENV)/bin/troopwatch run

test: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check .

eval: setup
	$(VENV)/bin/troopwatch eval

bench: setup
	$(PY) scripts/bench.py

# PYTHONHASHSEED fixes the order of a token's CRF features (string hashing), so the CRF trains bit-reproducibly
train-ner: setup
	$(PY) -m pip install --quiet -e '.[dev,train]'
	PYTHONHASHSEED=0 $(PY) scripts/train_ner.py --dev-model-out build/ner_crf_dev.crfsuite
	PYTHONHASHSEED=0 $(PY) scripts/train_ner_lstm.py

# the whole NER model retrained on 4/5 of ANERcorp train and scored on the rest, five times (~30 min)
crossval-ner: setup
	$(PY) -m pip install --quiet -e '.[dev,train]'
	PYTHONHASHSEED=0 $(PY) scripts/crossval_ner.py --folds 5

# the kind model of troop facts, on the held-out sets' matched facts, after a leave-one-set-out report (~20 s)
train-kind: setup
	$(PY) scripts/train_kind_model.py --crossval

ui: setup
	$(VENV)/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

docs: setup
	cd dbt && TROOPWATCH_BUILD_DB=$(CURDIR)/warehouse/.build/troopwatch.duckdb \
	  TROOPWATCH_PARQUET=$(CURDIR)/warehouse/parquet ../$(VENV)/bin/dbt docs generate --profiles-dir .
	@echo "dbt docs: open dbt/target/index.html, or run: cd dbt && ../$(VENV)/bin/dbt docs serve --profiles-dir . --port 8080"

clean:
	rm -rf warehouse .dagster_home dbt/target dbt/logs
