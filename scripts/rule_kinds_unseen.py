"""The kind the rules gave each gold fact of a held-out set before any rule had been written against that set.

The kind model (`pipelines/nlp/kinds.py`) learns how far to trust the rules' kind on unseen text. Rules scored on
the sets they were written against are right far more often than on new text, so it is trained on the kinds the
rules gave each set when that set was new: the code of the commit the set was first scored on (data/eval/README.md).
For each set this script takes that commit's tree (`git archive`), runs its rules on the set's articles (in a child
process, with the tree first on the path), matches the predictions to the gold facts as the scorer does, and writes
one line per matched gold fact to `data/eval/kind_rules_unseen.jsonl`.

Usage: python scripts/rule_kinds_unseen.py [--gold-dir ../shared/gold] [--sets 1 2 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data" / "eval" / "kind_rules_unseen.jsonl"
# the code each set was first scored on (data/eval/README.md); for sets 1 and 2, the commit before the set and
# its rules landed
FIRST_SCORED_ON = {1: "4d6e867", 2: "5f6b851", 3: "8ad5f0d", 4: "a0b2d55", 5: "028ca32", 6: "5135dd5",
                   7: "77562f1", 8: "881e754", 9: "7807ce0", 10: "b74de0a", 11: "a75de61", 12: "766fd53",
                   13: "f04cb3c", 14: "a9f27cf", 15: "307a0c3", 16: "8f08ca6", 17: "2647d45", 18: "e5cafab",
                   19: "3c4041e", 20: "3c4041e", 21: "e881648", 22: "e881648",
                   23: "d1a202e", 24: "0e1570a", 25: "c08237e", 26: "c08237e",
                   27: "e202763", 28: "e202763", 29: "0ad37b3", 30: "0ad37b3",
                   31: "3a5b6b8", 32: "3a5b6b8", 33: "f0ac105", 34: "f0ac105",
                   35: "c82e829", 36: "c82e829", 37: "c4331fc", 38: "c4331fc",
                   39: "543584a", 40: "930fbbe", 41: "f567197"}


def matched_pairs(scorer, gold_rows: list[dict], preds: list[dict]) -> list[tuple[str, dict, dict]]:
    """(article id, gold fact, predicted fact) for each gold fact the scorer would match: first on numbers, actor
    and place, then on numbers alone, required facts before optional ones."""
    by_doc: dict[str, list[dict]] = {}
    for p in preds:
        by_doc.setdefault(str(p["id"]), []).append(p)
    out = []
    for row in gold_rows:
        gold, cand, used, pairs = row["facts"], by_doc.get(str(row["id"]), []), set(), {}
        order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get("optional")))
        for full in (True, False):
            for gi in order:
                if gi in pairs:
                    continue
                g = gold[gi]
                for pi, p in enumerate(cand):
                    if pi in used or not scorer._numbers_match(g, p):
                        continue
                    if full and not (scorer._same_actor(g.get("actor"), p.get("actor"), p.get("actor_text"))
                                     and scorer._same_location(g.get("location"), p.get("location"))):
                        continue
                    pairs[gi] = pi
                    used.add(pi)
                    break
        out.extend((str(row["id"]), gold[gi], cand[pi]) for gi, pi in sorted(pairs.items()))
    return out


def _child(set_no: int, gold_dir: Path) -> None:
    """Runs inside the old tree: print the matched pairs' kinds as JSON lines."""
    from pipelines.eval.troop_facts import _scorer, predict_seeds

    scorer = _scorer(gold_dir)
    d = REPO / "data" / "eval" / f"other_outlets_{set_no}"
    gold = scorer._load_jsonl(d / "gold.jsonl")
    for doc, g, p in matched_pairs(scorer, gold, predict_seeds(d / "articles")):
        print(json.dumps({"set": set_no, "id": doc, "evidence": g["evidence"], "count": g.get("count"),
                          "low": g.get("low"), "high": g.get("high"), "gold_kind": g["kind"],
                          "rule_kind": p["kind"]}, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--sets", type=int, nargs="*", default=sorted(FIRST_SCORED_ON))
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child, args.gold_dir.resolve())
        return 0
    kept = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines()] if OUT.exists() else []
    rows = [r for r in kept if r["set"] not in args.sets]
    for set_no in args.sets:
        commit = FIRST_SCORED_ON[set_no]
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "tree.tar"
            subprocess.run(["git", "-C", str(REPO), "archive", "-o", str(archive), commit], check=True)
            tree = Path(tmp) / "tree"
            with tarfile.open(archive) as tar:
                tar.extractall(tree, filter="data")
            # the old tree's code first on the path, rules only (an old tree has no kind model to read anyway)
            env = {**os.environ, "PYTHONPATH": str(tree), "TROOPWATCH_KIND_MODEL": "rules"}
            out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(set_no),
                                  "--gold-dir", str(args.gold_dir.resolve())], env=env, cwd=tmp,
                                 check=True, capture_output=True, text=True).stdout
        new = [dict(json.loads(line), commit=commit) for line in out.splitlines() if line.strip()]
        right = sum(r["rule_kind"] == r["gold_kind"] for r in new)
        print(f"set {set_no} ({commit}): {len(new)} matched facts, rules' kind right for {right}")
        rows.extend(new)
    rows.sort(key=lambda r: r["set"])
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(rows)} facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
