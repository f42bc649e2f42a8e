"""Reliability of the troop-fact confidence on the dev sentences: for each confidence bucket, the share of
predicted facts that match a gold fact (numbers) and that match it strictly (actor and location too).

    python scripts/calibrate.py [--gold-dir ../shared/gold]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.eval.troop_facts import _scorer, predict_dev  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold-dir", type=Path, default=REPO.parent / "shared" / "gold")
    args = ap.parse_args()
    sc = _scorer(args.gold_dir)
    gold = {str(r["id"]): r["facts"] for r in sc._load_jsonl(args.gold_dir / "dev_sentences.jsonl")}
    buckets: dict[float, list[tuple[bool, bool]]] = defaultdict(list)
    for p in predict_dev(args.gold_dir / "dev_sentences.jsonl"):
        g = [f for f in gold.get(str(p["id"]), []) if sc._numbers_match(f, p)]
        ok = bool(g)
        strict = any(sc._same_actor(f.get("actor"), p["actor"], p["actor_text"])
                     and sc._same_location(f.get("location"), p["location"]) for f in g)
        buckets[round(p["confidence"] * 10) / 10].append((ok, strict))
    print(f"{'confidence':>10s} {'facts':>6s} {'correct':>8s} {'strict':>7s}")
    for b in sorted(buckets):
        rows = buckets[b]
        print(f"{b:10.1f} {len(rows):6d} {sum(r[0] for r in rows) / len(rows):8.2f} "
              f"{sum(r[1] for r in rows) / len(rows):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
