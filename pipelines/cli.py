"""`troopwatch`: run the pipeline, query the warehouse, tag NER, score the extractor.

    troopwatch run [--input PATH] [--warehouse DIR] [--from DAY] [--to DAY] [--workers N] [--force]
    troopwatch sql "SELECT ..." [--warehouse DIR] [--csv FILE | --parquet FILE]
    troopwatch facts [--actor USA] [--location IRQ] [--kind presence] [--status planned] [--min-confidence 0.5]
    troopwatch report [--warehouse DIR] [--out report.html]
    troopwatch ner tag --conll IN (a file, or - for stdin) [--backend ensemble|crf|lstm|camel] [--model PATH]
    troopwatch eval
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .nlp.ner import DEFAULT_NER_BACKEND, FEED_NER_BACKEND, NER_BACKENDS

EXAMPLE_QUERY = """
select actor, location, coalesce(cast(reported_count as varchar), reported_low || '..' || reported_high) as reported,
       kind, n_documents, n_outlets
from troop_claims
where actor = 'USA' and location = 'IRQ'
order by n_documents desc, reported
limit 5
""".strip()


def _serving_db(warehouse: str | None) -> Path:
    from .settings import default_warehouse

    return Path(warehouse or default_warehouse()) / "troopwatch.duckdb"


def _connect(warehouse: str | None):
    import duckdb

    db = _serving_db(warehouse)
    if not db.exists():
        sys.exit(f"no warehouse at {db}: run `troopwatch run` first")
    return duckdb.connect(str(db), read_only=True)


def _display(value) -> str:
    """A cell as a terminal shows it: Arabic reshaped and put in visual order (terminals rarely do bidi)."""
    if value is None:
        return ""
    text = str(value)
    if any("\u0600" <= ch <= "\u06ff" for ch in text):
        try:
            import arabic_reshaper
            from bidi.algorithm import get_display

            return get_display(arabic_reshaper.reshape(text))
        except ImportError:
            return text
    return text


def print_table(columns: list[str], rows: list[tuple], out=None, max_width: int = 60,
                visual: bool | None = None) -> None:
    """Aligned table; Arabic is shaped for terminals (visual order) when writing to a TTY."""
    import unicodedata

    out = out or sys.stdout  # looked up at call time: sys.stdout may have been replaced since import
    visual = out.isatty() if visual is None else visual
    cells = [[(_display(v) if visual else ("" if v is None else str(v))).replace("\n", " ") for v in r] for r in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in cells]

    def width(s: str) -> int:
        return sum(0 if unicodedata.combining(ch) else 1 for ch in s)

    widths = [max([width(c)] + [width(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "  ".join(c + " " * (w - width(c)) for c, w in zip(columns, widths, strict=True))
    print(line, file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in cells:
        print("  ".join(c + " " * (w - width(c)) for c, w in zip(r, widths, strict=True)), file=out)
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", file=out)


def cmd_run(args) -> int:
    import dagster as dg

    from .settings import default_input, default_warehouse, ensure_dagster_home

    ensure_dagster_home()
    from .definitions import ALL_ASSETS, ALL_CHECKS, build_resources
    from .serving import table_counts

    input_path = args.input or default_input()
    warehouse = args.warehouse or default_warehouse()
    if not Path(input_path).exists():
        print(f"error: input path {input_path} does not exist", file=sys.stderr)
        return 2
    from .nlp.kinds import load_kind_model

    try:
        load_kind_model(args.kind_model)  # before any stage runs: a mistyped model file stops nothing halfway
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from .partitions import daily_partitions
    from .stages import input_days

    first = daily_partitions.start.date().isoformat()
    days = [d for d in input_days(input_path) if (args.from_day or first) <= d <= (args.to_day or "9999")]
    if args.from_day and args.to_day:
        days = sorted({*days, args.from_day, args.to_day})  # an explicit range, even over days without files
    if not days:
        print(f"error: no input files under {input_path} on the selected days", file=sys.stderr)
        return 2
    if days[0] < first:
        print(f"error: day {days[0]} is before the first partition {first} (set TROOPWATCH_FIRST_DAY)",
              file=sys.stderr)
        return 2
    print(f"troopwatch: partitions {days[0]} .. {days[-1]} ({len(days)} day(s) with input) in one run")
    t0 = time.perf_counter()
    resources = build_resources(input_path, warehouse, workers=args.workers, ner_backend=args.ner_backend,
                                kind_model=args.kind_model)
    # a single-run backfill: every asset gets the whole range and spreads its days over the cores
    result = dg.materialize(
        [*ALL_ASSETS, *ALL_CHECKS],
        resources=resources,
        instance=dg.DagsterInstance.get(),
        run_config={"ops": {"ingest_articles": {"config": {"input_path": input_path, "force": args.force}}}},
        tags={"dagster/asset_partition_range_start": days[0], "dagster/asset_partition_range_end": days[-1]},
        raise_on_error=False,
    )
    elapsed = time.perf_counter() - t0
    if not result.success:
        print("error: the run failed; see the Dagster log above", file=sys.stderr)
        return 1
    db = _serving_db(warehouse)
    print(f"\ntroopwatch: run {result.run_id} succeeded in {elapsed:.1f} s")
    print(f"warehouse: {db}")
    print(f"parquet:   {Path(warehouse) / 'parquet'}")
    print("rows:")
    for table, n in table_counts(db).items():
        print(f"  {table:22s} {n:>9,d}")
    print(f"\nexample query:\n{EXAMPLE_QUERY}\n")
    # closed explicitly: DuckDB caches one database instance per path and process, and an instance left
    # open would keep serving this version after the next run has published a new file
    with _connect(warehouse) as con:
        cur = con.execute(EXAMPLE_QUERY)
        print_table([d[0] for d in cur.description], cur.fetchall())
    return 0


def cmd_sql(args) -> int:
    with _connect(args.warehouse) as con:
        return _sql(con, args)


def _sql(con, args) -> int:
    query = args.query
    if args.csv or args.parquet:
        target, fmt = (args.csv, "csv") if args.csv else (args.parquet, "parquet")
        path = str(Path(target).resolve()).replace("'", "''")
        con.execute(f"COPY ({query}) TO '{path}' (FORMAT {fmt})")
        print(f"wrote {target}")
        return 0
    cur = con.execute(query)
    if cur.description is None:
        return 0
    print_table([d[0] for d in cur.description], cur.fetchall())
    return 0


def cmd_facts(args) -> int:
    with _connect(args.warehouse) as con:
        return _facts(con, args)


def _facts(con, args) -> int:
    where, params = ["confidence >= ?"], [args.min_confidence]
    for col in ("actor", "location", "kind", "status"):
        val = getattr(args, col)
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    cur = con.execute(f"""
        select cast(published_at as date) as published, source, actor, location,
               coalesce(cast(count as varchar), coalesce(cast(low as varchar), '') || '..' || coalesce(cast(high as varchar), '')) as number,
               approximate, kind, status, time_text, round(confidence, 2) as confidence, evidence
        from troop_facts where {' and '.join(where)}
        order by published_at desc nulls last, fact_id limit {int(args.limit)}""", params)
    print_table([d[0] for d in cur.description], cur.fetchall())
    return 0


def cmd_report(args) -> int:
    from .report import write_report

    out = write_report(_serving_db(args.warehouse), Path(args.out))
    print(f"wrote {out}")
    return 0


def cmd_ner(args) -> int:
    from .nlp.ner import load_ner_tagger, tag_conll

    tagger = load_ner_tagger(args.backend, args.model)
    try:
        tag_conll(args.conll, sys.stdout, tagger)
    except UnicodeDecodeError as exc:
        print(f"troopwatch ner tag: {args.conll}: not UTF-8 text (byte {exc.start}: {exc.reason})", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"troopwatch ner tag: {args.conll}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def cmd_eval(args) -> int:
    from .eval.troop_facts import main as eval_main

    return eval_main(args.rest)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="troopwatch", description="Troop-count facts from Arabic news.")
    sub = ap.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the whole pipeline on a folder of articles")
    run.add_argument("--input", help="folder or file of articles (default: the bundled sample corpus)")
    run.add_argument("--warehouse", help="warehouse folder (default: ./warehouse)")
    run.add_argument("--workers", type=int, default=0, help="processes for the NLP stages (0: one per core)")
    run.add_argument("--ner-backend", default=FEED_NER_BACKEND, choices=NER_BACKENDS,
                     help="NER model (default: %(default)s, the fastest; ensemble: the most accurate, 2.8x slower)")
    run.add_argument("--kind-model", metavar="rules|shipped|FILE",
                     help="kinds of troop facts: the rules' (default), or read again by the learned kind model "
                          "(docs/kind_model.md)")
    run.add_argument("--force", action="store_true", help="re-read input files even if unchanged")
    run.add_argument("--from", dest="from_day", metavar="DAY",
                     help="first partition day (YYYY-MM-DD) to (re)process; default: the oldest input day")
    run.add_argument("--to", dest="to_day", metavar="DAY",
                     help="last partition day to (re)process; default: the newest input day")
    run.set_defaults(fn=cmd_run)

    sql = sub.add_parser("sql", help="query the warehouse")
    sql.add_argument("query")
    sql.add_argument("--warehouse")
    sql.add_argument("--csv", help="write the result to this CSV file")
    sql.add_argument("--parquet", help="write the result to this Parquet file")
    sql.set_defaults(fn=cmd_sql)

    facts = sub.add_parser("facts", help="list troop facts without SQL")
    facts.add_argument("--actor")
    facts.add_argument("--location")
    facts.add_argument("--kind", choices=["presence", "deployment", "withdrawal", "strength"])
    facts.add_argument("--status", choices=["planned", "current"],
                       help="planned: announced or intended; current: stated as done or in place")
    facts.add_argument("--min-confidence", type=float, default=0.0)
    facts.add_argument("--limit", type=int, default=50)
    facts.add_argument("--warehouse")
    facts.set_defaults(fn=cmd_facts)

    rep = sub.add_parser("report", help="write a self-contained HTML report of the warehouse")
    rep.add_argument("--warehouse")
    rep.add_argument("--out", default="report.html")
    rep.set_defaults(fn=cmd_report)

    ner = sub.add_parser("ner", help="named-entity recognition")
    ner_sub = ner.add_subparsers(dest="ner_command", required=True)
    tag = ner_sub.add_parser("tag", help="tag a CoNLL file (one token per line) and print `token TAG` lines")
    tag.add_argument("--conll", required=True, help="one token per line, blank lines between sentences; - reads stdin")
    tag.add_argument("--backend", default=DEFAULT_NER_BACKEND, choices=NER_BACKENDS)
    tag.add_argument("--model")
    tag.set_defaults(fn=cmd_ner)

    ev = sub.add_parser("eval", help="score troop facts on the gold sets")
    ev.add_argument("rest", nargs=argparse.REMAINDER)
    ev.set_defaults(fn=cmd_eval)

    args = ap.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
