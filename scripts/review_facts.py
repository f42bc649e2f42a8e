"""Error review of the troop-fact extractor on real, unlabelled news: the SaudiNewsNet feed.

The gold sets are small, so rules are also checked against the whole feed. This script finds every
sentence that has a personnel word and a number, runs the extractor, and prints how many sentences gave
facts, then a random sample of sentences with facts (to check precision: are they troop counts, are actor,
place and kind right?) and of sentences without (to check recall). `--save` keeps every result as JSON, so
a rule change can be compared with `--compare` (sentences that gained or lost facts).

    python scripts/review_facts.py [--sample 30] [--seed 7] [--save out.json] [--compare before.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipelines.nlp.clean import clean_article  # noqa: E402
from pipelines.nlp.facts import document_context, extract_article_facts  # noqa: E402
from pipelines.nlp.sentences import split_sentences  # noqa: E402

PERSONNEL = re.compile(r"جندي|جنود|عسكري|مقاتل|قوات|عنصر|عناصر|قوة|كتيبة|لواء")
NUMBER = re.compile(r"[0-9٠-٩]|ألف|آلاف|مئات|عشرات|مائة|مئة")


def scan(corpus: Path) -> dict[str, list]:
    hits, misses = [], []
    for z in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            articles = [a for name in zf.namelist() if name.endswith(".json") for a in json.loads(zf.read(name))]
        for a in articles:
            text = clean_article(a.get("content") or "", a.get("title")).text
            ctx = document_context(text)
            candidates = [s for s in split_sentences(text) if PERSONNEL.search(s.text) and NUMBER.search(s.text)]
            for s, found in zip(candidates, extract_article_facts([(s.text, s.start) for s in candidates], ctx), strict=True):
                facts = [[f.actor, f.location, f.count, f.low, f.high, f.kind, f.evidence] for f in found]
                (hits if facts else misses).append([a.get("source"), s.text, facts])
    return {"hits": hits, "misses": misses}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "saudinewsnet")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--compare", type=Path, help="an earlier --save file: print what changed")
    args = ap.parse_args()
    res = scan(args.corpus)
    print(f"candidate sentences: {len(res['hits']) + len(res['misses']):,}; with facts: {len(res['hits']):,} "
          f"({sum(len(f) for _, _, f in res['hits']):,} facts)")
    if args.save:
        args.save.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    if args.compare:
        before = {s: f for _, s, f in json.loads(args.compare.read_text(encoding="utf-8"))["hits"]}
        after = {s: f for _, s, f in res["hits"]}
        for s in before.keys() - after.keys():
            print(f"LOST    {s[:200]}")
        for s in after.keys() - before.keys():
            print(f"GAINED  {s[:200]}\n        {after[s]}")
        for s in before.keys() & after.keys():
            if before[s] != after[s]:
                print(f"CHANGED {s[:200]}\n        {before[s]}\n     -> {after[s]}")
        return 0
    rng = random.Random(args.seed)
    for title, items in (("sentences with facts", res["hits"]), ("sentences without", res["misses"])):
        print(f"\n== {title} (random {args.sample})")
        for _, s, facts in rng.sample(items, min(args.sample, len(items))):
            print(f"- {s[:240]}")
            for f in facts:
                print(f"    => actor={f[0]} location={f[1]} count={f[2]} range={f[3]}..{f[4]} kind={f[5]} | {f[6][:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
