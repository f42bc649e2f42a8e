from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "data" / "sample"


def bio_entities(tokens, tags) -> set[tuple[str, str]]:
    """(label, surface) pairs of the BIO entities of space-joined *tokens*."""
    from pipelines.nlp.ner import entities_from_tags

    offs, pos = [], 0
    for t in tokens:
        offs.append((t, pos, pos + len(t)))
        pos += len(t) + 1
    return {(e["label"], e["text"]) for e in entities_from_tags(offs, tags)}


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = SHARED / "gold"
    if not (path / "score_troop_facts.py").exists():
        pytest.skip("shared gold set not available")
    return path
