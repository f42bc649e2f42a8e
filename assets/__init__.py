"""Dagster assets: thin wrappers that call the stages in `pipelines` and report what they wrote."""
