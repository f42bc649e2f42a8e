from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "data" / "sample"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    path = SHARED / "gold"
    if not (path / "score_troop_facts.py").exists():
        pytest.skip("shared gold set not available")
    return path
