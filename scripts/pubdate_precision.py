"""How often a stated publication date (an article's own dateline) agrees with the feed's metadata date.

    python scripts/pubdate_precision.py [../shared/corpus/saudinewsnet]

Reads every article of the daily ZIPs, ignores its metadata date while looking for a dateline in the text,
and prints how many articles state one and how many of those fall within 2 days of the metadata date.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import zipfile
from pathlib import Path

from pipelines.nlp.pubdate import stated_publication_date


def main(corpus: Path) -> None:
    n = stated = agree = 0
    t0 = time.perf_counter()
    for zpath in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                data = json.loads(zf.read(name))
                for rec in data if isinstance(data, list) else [data]:
                    n += 1
                    truth = dt.date.fromisoformat(rec["date_extracted"][:10])
                    found = stated_publication_date(rec["content"], truth)
                    if found:
                        stated += 1
                        agree += abs((found.date - truth).days) <= 2
    print(f"articles: {n:,}  with a stated date: {stated:,}  within 2 days of the metadata date: {agree:,} "
          f"({agree / max(1, stated):.0%})  in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/corpus/saudinewsnet"))
