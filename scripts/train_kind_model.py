"""Train the kind model (`pipelines/nlp/kinds.py`) on the held-out sets' matched facts (`make train-kind`).

Each set's articles go through cleaning and the rules (no kind model), the predictions are matched to the gold facts
as the scorer matches them, and each matched fact becomes one example: its features, with the rules' kind as the
rules gave it before they had seen that set (`data/eval/kind_rules_unseen.jsonl`, from `scripts/rule_kinds_unseen.py`;
"none" where the rules of then did not find the fact), and the gold kind. A count whose kind follows the count
before it ("ونحو 2000 آخرين") is no example: the model does not read it.

`--crossval` first leaves out one set at a time: trained on the others, scored on it, beside the unseen rules' kind.

Usage: python scripts/train_kind_model.py [--gold-dir ../shared/gold] [--crossval] [--out MODEL.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.eval.troop_facts import _scorer  # noqa: E402
from pipelines.nlp.clean import clean_article  # noqa: E402
from pipelines.nlp.facts import document_context, extract_facts, fact_kind_features  # noqa: E402
from pipelines.nlp.kinds import MODEL_PATH, fit_kind_model  # noqa: E402
from pipelines.nlp.normalize import tokenize  # noqa: E402
from pipelines.nlp.sentences import split_sentences  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from rule_kinds_unseen import OUT as UNSEEN  # noqa: E402
from rule_kinds_unseen import matched_pairs  # noqa: E402


def examples(gold_dir: Path, sets: list[int]) -> list[tuple[int, dict[str, float], str, str]]:
    """(set, features, gold kind, unseen rules' kind) of every matched gold fact of *sets*."""
    scorer = _scorer(gold_dir)
    unseen = {}
    for line in UNSEEN.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        unseen[(r["set"], r["id"], r["evidence"], r["count"], r["low"], r["high"])] = r["rule_kind"]
    out = []
    for set_no in sets:
        d = REPO / "data" / "eval" / f"other_outlets_{set_no}"
        preds, found = [], {}
        for path in sorted((d / "articles").glob("*.txt")):
            text = clean_article(path.read_text(encoding="utf-8")).text
            ctx = document_context(text, None)
            for s in split_sentences(text):
                for f in extract_facts(s.text, s.start, ctx, kind_model=None):
                    row = {"id": path.stem, **f.to_dict()}
                    found[id(row)] = (f, s.text, s.start)
                    preds.append(row)
        for doc, g, p in matched_pairs(scorer, scorer._load_jsonl(d / "gold.jsonl"), preds):
            f, sentence, offset = found[id(p)]
            if f.kind_follows:
                continue  # the model does not read it: it takes the kind of the count before
            rule = unseen.get((set_no, doc, g["evidence"], g.get("count"), g.get("low"), g.get("high")), "none")
            out.append((set_no, fact_kind_features(replace(f, kind=rule), tokenize(sentence, offset)), g["kind"], rule))
    return out


def crossval(data: list[tuple[int, dict[str, float], str, str]], sets: list[int], c: float,
             min_confidence: float) -> dict[str, float]:
    """Leave one set out at a time: train on the others, score on it. Scored on the facts the rules of then found
    (at run time every fact has the rules' kind). Prints each set's figures; returns the pooled accuracies."""
    totals = [0, 0, 0, 0]
    for held in sets:
        train = [x for x in data if x[0] != held]
        test = [x for x in data if x[0] == held and x[3] != "none"]
        if not test:
            continue
        model = fit_kind_model((x[1] for x in train), (x[2] for x in train), c=c, min_confidence=min_confidence)
        right = (len(test), sum(x[3] == x[2] for x in test), sum(model.predict(x[1]) == x[2] for x in test),
                 sum(model.decide(x[1], x[3]) == x[2] for x in test))
        print(f"set {held:>2}: {right[0]:>3} facts  unseen rules {right[1] / right[0]:.3f}  "
              f"model {right[2] / right[0]:.3f}  model where sure, else rules {right[3] / right[0]:.3f}")
        totals = [a + b for a, b in zip(totals, right, strict=True)]
    pooled = {"facts": totals[0], "unseen_rules": totals[1] / totals[0], "model": totals[2] / totals[0],
              "model_where_sure": totals[3] / totals[0]}
    print(f"all sets: {totals[0]} facts  unseen rules {pooled['unseen_rules']:.3f}  model {pooled['model']:.3f}  "
          f"model where sure (p >= {min_confidence}), else rules {pooled['model_where_sure']:.3f}")
    return pooled


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold-dir", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--crossval", action="store_true", help="leave one set out at a time, and print the scores")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--min-confidence", type=float, default=0.6,
                    help="the probability the model's kind needs to overrule the rules' kind")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--sets", type=int, nargs="*", help="the held-out sets to train on (default: all with unseen kinds)")
    args = ap.parse_args(argv)
    sets = args.sets or sorted({json.loads(line)["set"] for line in UNSEEN.read_text(encoding="utf-8").splitlines()})
    sets = [s for s in sets if (REPO / "data" / "eval" / f"other_outlets_{s}").is_dir()]
    data = examples(args.gold_dir, sets)
    print(f"{len(data)} matched facts of sets {sets[0]}-{sets[-1]}")
    if args.crossval:
        crossval(data, sets, args.c, args.min_confidence)
    model = fit_kind_model((x[1] for x in data), (x[2] for x in data), c=args.c, min_confidence=args.min_confidence)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out}: {len(model.weights)} features, classes {', '.join(model.classes)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
