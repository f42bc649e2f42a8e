"""Score the fact extractor on the gold sets (`make eval`): the sample corpus, the dev sentences, and the
repository's sets of articles from other outlets (`data/eval/*/`, see its README).

Usage: python -m pipelines.eval.troop_facts [--gold-dir ../shared/gold] [--extra-dir data/eval] [--show-errors]
Articles go through cleaning exactly as the pipeline does; each dev sentence is its own article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from pipelines.nlp.article import facts_for_text
from pipelines.nlp.clean import clean_article

REPO = Path(__file__).resolve().parents[2]


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score_troop_facts", gold_dir / "score_troop_facts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict_seeds(sample_dir: Path) -> list[dict]:
    preds = []
    for path in sorted(sample_dir.glob("*.txt")):
        cleaned = clean_article(path.read_text(encoding="utf-8"))
        for row in facts_for_text(path.stem, cleaned.text):
            preds.append({"id": path.stem, **row})
    return preds


def predict_dev(gold_path: Path) -> list[dict]:
    preds = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        published = dt.date.fromisoformat(row["date"][:10]) if row.get("date") else None
        for f in facts_for_text(row["id"], row["text"], published):
            preds.append({"id": row["id"], **f})
    return preds


def _numbered(path: Path) -> list:
    """Sort key that puts other_outlets_10 after other_outlets_9."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold-dir", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--sample-dir", type=Path, default=REPO / "data" / "sample")
    ap.add_argument("--extra-dir", type=Path, default=REPO / "data" / "eval")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not (args.gold_dir / "score_troop_facts.py").exists():
        print(f"gold set not found at {args.gold_dir}", file=sys.stderr)
        return 2
    scorer = _scorer(args.gold_dir)
    results = {}
    sets = [("sample corpus", args.gold_dir / "seeds_troop_facts.jsonl", predict_seeds(args.sample_dir)),
            ("dev sentences", args.gold_dir / "dev_sentences.jsonl", predict_dev(args.gold_dir / "dev_sentences.jsonl"))]
    # the repository's own sets of articles from other outlets (data/eval/README.md)
    sets += [(folder.name, folder / "gold.jsonl", predict_seeds(folder / "articles"))
             for folder in sorted(args.extra_dir.glob("*"), key=_numbered) if (folder / "gold.jsonl").exists()]
    for name, gold_path, preds in sets:
        gold_file = gold_path.name if gold_path.parent == args.gold_dir else os.path.relpath(gold_path)
        gold = scorer._load_jsonl(gold_path)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
            for p in preds:
                tmp.write(json.dumps(p, ensure_ascii=False, default=str) + "\n")
        result, errors = scorer.score(gold, scorer._load_jsonl(tmp.name))
        Path(tmp.name).unlink()
        results[name] = result
        if not args.json:
            print(f"== {name} ({gold_file})")
            for k in ("gold_facts", "predicted_facts", "matched", "precision", "recall", "f1", "strict_f1",
                      "actor_accuracy", "location_accuracy", "kind_accuracy"):
                print(f"  {k:18s} {result[k]}")
            if args.show_errors:
                for kind, uid, item in errors:
                    print(f"  {kind}\t{uid}\t{json.dumps(item, ensure_ascii=False, default=str)}")
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
