"""`make bench`: speed and memory of troopwatch on the SaudiNewsNet feed.

Prints, per stage and in total, wall seconds, articles/s, words/s and peak memory (PSS of the process tree,
sampled every 100 ms; a stage shorter than that may show 0) of the real
end-to-end command (`troopwatch run`, Dagster + dbt + publish) on the whole feed; the pure read pass
(unzip + JSON parse) and the ratio to it; a nightly run of one new day; DuckDB query latencies; and the
single-core throughput of fact extraction (sentences/s) and NER (tokens/s).

    python scripts/bench.py [--corpus ../shared/corpus/saudinewsnet] [--days N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def pure_read(zips: list[Path]) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    n_articles = n_words = 0
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for a in json.loads(zf.read(name)):
                        n_articles += 1
                        n_words += len((a.get("content") or "").split())
    return time.perf_counter() - t0, n_articles, n_words


class PeakMemory:
    """Peak memory of a process tree, sampled every 100 ms, two ways: the sum of the processes' proportional
    set sizes (PSS: pages shared by forked workers counted once, which is what the machine really spends) and
    the plain sum of resident sizes (RSS: shared pages counted in every process, an overestimate)."""

    def __init__(self, pid: int):
        self.proc = psutil.Process(pid)
        self.peak_pss = self.peak_rss = 0
        self.peak_at = 0.0
        self.samples: list[tuple[float, int]] = []  # (unix time, PSS of the tree)
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._loop, daemon=True)
        self._t.start()

    def _loop(self):
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                mems = [p.memory_full_info() for p in procs if p.is_running()]
                pss, rss = sum(m.pss for m in mems), sum(m.rss for m in mems)
                self.samples.append((time.time(), pss))
                if pss > self.peak_pss:
                    self.peak_pss, self.peak_at = pss, time.time()
                self.peak_rss = max(self.peak_rss, rss)
            except psutil.Error:
                pass
            time.sleep(0.1)

    def peak_between(self, start: float, end: float) -> int:
        return max((pss for t, pss in self.samples if start <= t <= end), default=0)

    def stop(self) -> PeakMemory:
        self._stop.set()
        self._t.join()
        return self


def run_pipeline(inp: Path, wh: Path, home: Path, *extra: str) -> tuple[float, PeakMemory, str]:
    env = dict(os.environ, DAGSTER_HOME=str(home))
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--input", str(inp), "--warehouse", str(wh), *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO)
    memory = PeakMemory(proc.pid)
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - t0
    peak = memory.stop()
    if proc.returncode != 0:
        print(out[-5000:])
        raise SystemExit(f"pipeline failed: {' '.join(cmd)}")
    run_id = next((ln.split("run ")[1].split()[0] for ln in out.splitlines() if "troopwatch: run " in ln), "")
    return elapsed, peak, run_id


def step_times(home: Path, run_id: str) -> dict[str, tuple[float, float]]:
    """(start, end) unix times of every step of a run."""
    os.environ["DAGSTER_HOME"] = str(home)
    import dagster as dg

    inst = dg.DagsterInstance.get()
    return {s.step_key: (s.start_time, s.end_time) for s in inst.get_run_step_stats(run_id)
            if s.start_time and s.end_time}


def step_at(steps: dict[str, tuple[float, float]], when: float) -> str:
    running = [k for k, (a, b) in steps.items() if a <= when <= b]
    return ", ".join(running) or "outside the steps (start-up, Dagster bookkeeping)"


def single_core_throughput(zips: list[Path], n_docs: int = 800) -> dict[str, float]:
    from pipelines.nlp.clean import clean_article
    from pipelines.nlp.facts import document_context, extract_facts
    from pipelines.nlp.ner import (
        DEFAULT_NER_BACKEND,
        document_batches,
        load_ner_tagger,
        tokenize_with_offsets,
    )
    from pipelines.nlp.sentences import split_sentences

    with zipfile.ZipFile(zips[0]) as zf:
        day = json.loads(zf.read(zf.namelist()[0]))
    docs = [clean_article(a["content"] or "", a.get("title")).text for a in day]
    sents = [(d, s) for d in docs[:n_docs] for s in split_sentences(d)]
    extract_facts("وتنشر الولايات المتحدة نحو 2500 جندي في العراق")
    t0 = time.perf_counter()
    for d, s in sents:
        extract_facts(s.text, s.start, document_context(d))
    facts_rate = len(sents) / (time.perf_counter() - t0)
    rates = {"facts_sentences_per_s": facts_rate}
    from pipelines.nlp.kinds import load_kind_model

    kind_model = load_kind_model("shipped")  # off by default; what turning it on costs
    t0 = time.perf_counter()
    for d, s in sents:
        extract_facts(s.text, s.start, document_context(d), kind_model=kind_model)
    rates["facts_sentences_per_s (with the kind model)"] = len(sents) / (time.perf_counter() - t0)
    toks = [[t[0] for t in tokenize_with_offsets(s.text)] for _, s in sents[:4000]]
    # a whole day's articles as the pipeline tags them (its batches of whole documents), one tagger whose
    # memo warms up as the day goes (the figure of a nightly run, or of a long backfill)
    day_docs = [[[t[0] for t in tokenize_with_offsets(s.text)] for s in split_sentences(d)] for d in docs]
    batches = [day_docs[lo:hi] for lo, hi in document_batches([len(doc) for doc in day_docs])]
    day_tokens = sum(len(s) for doc in day_docs for s in doc)
    for backend in (DEFAULT_NER_BACKEND, "crf"):  # the default model, and the CRF alone for reference
        tagger = load_ner_tagger(backend)
        tagger.tag_batch(toks[:10])
        t0 = time.perf_counter()
        tagger.tag_batch(toks)  # cold memo, with document consistency
        rates[f"ner_tokens_per_s ({backend}, 4,000 sentences, cold)"] = \
            sum(len(t) for t in toks) / (time.perf_counter() - t0)
        tagger = load_ner_tagger(backend)
        t0 = time.perf_counter()
        for batch in batches:
            tagger.tag_batch([s for doc in batch for s in doc], documents=[len(doc) for doc in batch])
        rates[f"ner_tokens_per_s ({backend}, a day: {len(docs):,} articles, {day_tokens:,} tokens)"] = \
            day_tokens / (time.perf_counter() - t0)
    return rates


def query_latency(db: Path) -> dict[str, float]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for name, q in (
        ("troop_levels mart", "select * from troop_levels order by n_documents desc"),
        ("full-text filter over all documents", "select count(*) from documents where text like '%جندي%'"),
    ):
        con.execute(q).fetchall()
        t0 = time.perf_counter()
        con.execute(q).fetchall()
        out[name] = time.perf_counter() - t0
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "saudinewsnet")
    ap.add_argument("--days", type=int, default=0, help="only the first N daily files (0: all)")
    ap.add_argument("--keep", type=Path, help="keep the benchmark warehouse here")
    ap.add_argument("--ner-backend", help="the pipeline's NER model (default: the pipeline's own default)")
    args = ap.parse_args()
    backend = ("--ner-backend", args.ner_backend) if args.ner_backend else ()
    zips = sorted(args.corpus.glob("*.zip"))
    if args.days:
        zips = zips[: args.days]
    if not zips:
        raise SystemExit(f"no daily zip files in {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="troopwatch-bench-"))
    try:
        landing = work / "landing"
        landing.mkdir()
        first = zips[:-1] or zips
        for z in first:
            os.symlink(z.resolve(), landing / z.name)
        print(f"corpus: {len(zips)} daily files from {args.corpus}")
        # best of three (warm page cache): the ratio below is then the strict one
        read_s, n_articles, n_words = min(pure_read(zips) for _ in range(3))
        print(f"pure read pass (unzip + JSON parse, best of 3): {read_s:.2f} s, {n_articles:,} articles, "
              f"{n_words:,} words")

        # the whole feed but its last day, then the last day as the nightly run
        wh, home = work / "warehouse", work / "dagster_home"
        full_s, full_peak, run_id = run_pipeline(landing, wh, home, *backend)
        times = step_times(home, run_id)
        steps = {k: b - a for k, (a, b) in times.items()}
        night_s, night_peak, night_steps = 0.0, None, {}
        if len(zips) > 1:
            os.symlink(zips[-1].resolve(), landing / zips[-1].name)
            # what the nightly schedule runs: the new day's partition only
            night_s, night_peak, night_id = run_pipeline(landing, wh, home, "--from", zips[-1].stem, *backend)
            night_steps = step_times(home, night_id)
        total_s = full_s + night_s

        _, first_articles, first_words = pure_read(first)
        print("\nend to end (`troopwatch run`: Dagster, NLP stages, dbt build and tests, publish)")
        print(f"stages of the first run ({first_articles:,} articles, {first_words:,} words):")
        print(f"{'stage':28s} {'wall s':>8s} {'articles/s':>11s} {'words/s':>11s} {'peak MiB':>9s}")
        for step, sec in sorted(steps.items(), key=lambda kv: -kv[1]):
            peak = full_peak.peak_between(*times[step]) / 2**20
            print(f"{step[:28]:28s} {sec:8.1f} {first_articles / sec if sec else 0:11,.0f} "
                  f"{first_words / sec if sec else 0:11,.0f} {peak:9,.0f}")
        print(f"{'first run':28s} {full_s:8.1f}   ({len(first)} daily files)")
        if len(zips) > 1:
            print(f"{'nightly run of one new day':28s} {night_s:8.1f}   of which: " + ", ".join(
                f"{k} {b - a:.1f}" for k, (a, b) in sorted(night_steps.items(), key=lambda kv: kv[1][0] - kv[1][1])[:6]))
        print(f"{'total':28s} {total_s:8.1f} {n_articles / total_s:11,.0f} {n_words / total_s:11,.0f}")
        print("peak memory of the process tree (PSS, shared pages once; RSS sum in brackets):")
        for name, peak, st in (("first run", full_peak, times), ("nightly run", night_peak, night_steps)):
            if peak is not None:
                print(f"  {name:26s} {peak.peak_pss / 2**20:8,.0f} MiB  (RSS sum {peak.peak_rss / 2**20:,.0f} MiB)"
                      f"  during: {step_at(st, peak.peak_at)}")
        print(f"ratio to the pure read pass: {total_s / read_s:.0f}x")

        db = wh / "troopwatch.duckdb"
        print("\nDuckDB query latency (warm):")
        for name, sec in query_latency(db).items():
            print(f"  {name:40s} {sec * 1000:8.1f} ms")
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        for t in ("documents", "sentences", "entities", "troop_facts", "rejected_inputs"):
            print(f"  rows in {t:20s} {con.execute(f'select count(*) from {t}').fetchone()[0]:>10,d}")
        con.close()

        print("\nsingle-core throughput:")
        for name, rate in single_core_throughput(zips).items():
            print(f"  {name:72s} {rate:10,.0f}")
        if args.keep:
            shutil.copytree(wh, args.keep, dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
