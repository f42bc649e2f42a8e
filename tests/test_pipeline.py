"""The whole pipeline, materialized with Dagster into a temporary warehouse, checked through DuckDB."""

import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    from pipelines.settings import ensure_dagster_home

    home = tmp_path_factory.mktemp("dagster_home")
    os.environ["DAGSTER_HOME"] = str(home)
    ensure_dagster_home()
    wh = tmp_path_factory.mktemp("warehouse")
    inp = tmp_path_factory.mktemp("input")
    for p in SAMPLE.glob("*.txt"):
        shutil.copy(p, inp / p.name)
    # a scraped page that carries markup: it must reach analysts (and the report) as text
    (inp / "005_markup.txt").write_text(
        "تركيا تعزز قواتها\n\nنشرت تركيا نحو 3000 جندي في شمال سوريا خلال الأسبوع الماضي بحسب مصادر عسكرية.\n"
        "وقال مصدر عسكري إن <script>alert('x')</script> القوات <b>التركية</b> ستبقى في المنطقة حتى إشعار آخر.\n",
        encoding="utf-8")
    return inp, wh


def _materialize(inp, wh, **settings):
    from pipelines.definitions import ALL_ASSETS, ALL_CHECKS, build_resources
    from pipelines.stages import input_days

    days = sorted(input_days(inp))  # the landing day of the copied files
    return dg.materialize(
        [*ALL_ASSETS, *ALL_CHECKS],
        resources=build_resources(str(inp), str(wh), **settings),
        instance=dg.DagsterInstance.get(),
        run_config={"ops": {"ingest_articles": {"config": {"input_path": str(inp)}}}},
        tags={"dagster/asset_partition_range_start": days[0], "dagster/asset_partition_range_end": days[-1]},
    )


@pytest.fixture(scope="module")
def first_run(warehouse):
    inp, wh = warehouse
    result = _materialize(inp, wh)
    assert result.success
    return result


def _con(wh):
    return duckdb.connect(str(wh / "troopwatch.duckdb"), read_only=True)


def test_usa_iraq_facts_with_evidence(warehouse, first_run):
    _, wh = warehouse
    con = _con(wh)
    rows = con.execute("""
        select f.count, f.approximate, f.kind, f.evidence, substr(d.text, f.start_char + 1, f.end_char - f.start_char)
        from troop_facts f join documents d using (doc_id)
        where f.actor = 'USA' and f.location = 'IRQ' order by f.evidence""").fetchall()
    assert len(rows) == 4
    for count, approx, _kind, evidence, span in rows:
        assert (count, approx) == (2500, True)
        assert span == evidence and "2500" in evidence
    syr = con.execute("select count, evidence from troop_facts where actor='USA' and location='SYR'").fetchall()
    assert syr == [(900, "900 في سورية")]


def test_tables_counts_and_comments(warehouse, first_run):
    _, wh = warehouse
    con = _con(wh)
    assert con.execute("select count(*) from documents").fetchone()[0] == 6
    assert con.execute("select count(*) from sentences").fetchone()[0] > 50
    assert con.execute("select count(*) from entities where canonical_id = 'IRQ'").fetchone()[0] > 5
    assert con.execute("select count(*) from rejected_inputs").fetchone()[0] == 0
    # sentences point into their documents
    bad = con.execute("""select count(*) from sentences s join documents d using (doc_id)
                         where substr(d.text, s.start_char + 1, s.end_char - s.start_char) <> s.text""").fetchone()[0]
    assert bad == 0
    comment = con.execute("select comment from duckdb_columns() where table_name='troop_facts' and column_name='kind'").fetchone()[0]
    assert "presence" in comment
    claims = con.execute("select n_documents, summary from troop_claims where actor='USA' and location='IRQ' "
                         "and reported_count=2500 and kind='presence'").fetchall()
    assert claims and claims[0][0] >= 3 and claims[0][1].startswith("USA→IRQ ≈2500")
    levels = con.execute("select sum(n_documents) from troop_levels where actor='USA' and location='IRQ'").fetchone()[0]
    assert levels >= 4
    mentions = con.execute("select documents from entity_mentions where canonical_id='IRQ'").fetchone()[0]
    assert mentions == 5  # the five sample articles are all about Iraq


def test_entities_agree_with_the_catalogue(warehouse, first_run):
    _, wh = warehouse
    con = _con(wh)
    # the CRF cuts "محمد شياع السوداني" short (السوداني is also "Sudanese"): the alias stretches it back
    sudani = con.execute("select text, detector from entities where canonical_id = 'mohammed-shia-al-sudani'").fetchall()
    assert len(sudani) >= 4 and ("محمد شياع السوداني", "crf+catalogue") in sudani
    assert con.execute("select count(*) from entities where text = 'محمد شياع'").fetchone()[0] == 0
    # one type per id, and every mention is the document's own text at its offsets
    assert con.execute("select count(*) from (select canonical_id from entities group by 1 "
                       "having count(distinct entity_type) > 1)").fetchone()[0] == 0
    bad = con.execute("""select count(*) from entities e join documents d using (doc_id)
                         where substr(d.text, e.start_char + 1, e.end_char - e.start_char) <> e.text""").fetchone()[0]
    assert bad == 0
    added = dict(con.execute("select canonical_id, count(*) from entities where detector = 'catalogue' group by 1").fetchall())
    assert added.get("US_ARMY", 0) >= 5  # "القوات الأمريكية", which the tagger leaves untagged


def test_dbt_tests_and_checks_passed(first_run):
    evals = first_run.get_asset_check_evaluations()
    assert len(evals) > 20  # dbt tests surface as asset checks
    failed = [e.check_name for e in evals if not e.passed]
    assert failed == []
    names = {e.check_name for e in evals}
    assert {"documents_keys_unique", "documents_row_count_vs_previous_day", "documents_latest_partition_fresh",
            "troop_facts_keys_unique", "troop_facts_plausible"} <= names


def test_rerun_is_idempotent_and_skips_unchanged_inputs(warehouse, first_run):
    inp, wh = warehouse
    before = {t: _con(wh).execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("documents", "sentences", "entities", "troop_facts")}
    facts_before = _con(wh).execute("select fact_id from troop_facts order by 1").fetchall()
    result = _materialize(inp, wh)
    assert result.success
    mats = {e.asset_key.to_user_string(): e.event_specific_data.materialization.metadata
            for e in result.get_asset_materialization_events()}
    assert mats["documents"]["files_read"].value == 0
    after = {t: _con(wh).execute(f"select count(*) from {t}").fetchone()[0] for t in before}
    assert after == before
    assert _con(wh).execute("select fact_id from troop_facts order by 1").fetchall() == facts_before


def test_landing_sensor_requests_one_run_per_new_file_and_day(tmp_path):
    from pipelines.definitions import troopwatch_job
    from pipelines.sensors import build_landing_sensor

    landing = tmp_path / "landing"
    landing.mkdir()
    sensor = build_landing_sensor(troopwatch_job, str(landing))
    ctx = dg.build_sensor_context(cursor=None)
    assert isinstance(sensor(ctx), dg.SkipReason)
    shutil.copy(next(SAMPLE.glob("*.txt")), landing / "a.txt")
    ctx = dg.build_sensor_context(cursor=None)
    [req] = sensor(ctx)
    assert isinstance(req, dg.RunRequest)
    assert req.run_config["ops"]["ingest_articles"]["config"]["input_path"] == str(landing)
    from pipelines.stages import input_day

    assert req.partition_key == input_day(landing / "a.txt")  # landed today: today's partition
    # same files again: nothing to do; a new file: one more request with another run key
    ctx2 = dg.build_sensor_context(cursor=ctx.cursor)
    assert isinstance(sensor(ctx2), dg.SkipReason)
    shutil.copy(sorted(SAMPLE.glob("*.txt"))[1], landing / "b.txt")
    (landing / "2015-07-21").mkdir()
    shutil.copy(sorted(SAMPLE.glob("*.txt"))[2], landing / "2015-07-21" / "c.txt")
    ctx3 = dg.build_sensor_context(cursor=ctx.cursor)
    reqs = sensor(ctx3)
    # one run per day with new files: the feed day of the dated folder, and today for b.txt
    assert sorted(r.partition_key for r in reqs) == sorted(["2015-07-21", req.partition_key])
    assert all(r.run_key != req.run_key for r in reqs)


def test_documented_queries_run_on_the_sample_warehouse(warehouse, first_run):

    _, wh = warehouse
    sql = (Path(__file__).resolve().parents[1] / "docs" / "queries.sql").read_text(encoding="utf-8")
    blocks = [b for b in sql.split("-- name: ")[1:]]
    assert len(blocks) >= 12
    con = _con(wh)
    results = {}
    for block in blocks:
        name = block.split("\n", 1)[0].strip()
        query = block.split("\n", 1)[1].strip().rstrip(";")
        results[name] = con.execute(query).fetchall()
    latest = results["latest_us_troops_in_iraq"]
    assert latest and all(r[2] == "2500" for r in latest)
    assert any(r[3] == "بحلول أيلول 2025" for r in results["withdrawals_with_planned_dates"])
    # the sample's one move still to come is the withdrawal "بحلول أيلول 2025"; the levels are in place
    assert [(r[0], r[2], r[4]) for r in results["planned_moves"]] == [("INT_COALITION", "withdrawal", "بحلول أيلول 2025")]
    assert con.execute("select count(*) from troop_facts where status = 'current' and kind = 'presence'").fetchone()[0] >= 5
    assert results["documents_with_person_and_troop_fact"]


def test_cli_sql_facts_and_export(warehouse, first_run, capsys, tmp_path):
    from pipelines.cli import main

    _, wh = warehouse
    assert main(["sql", "select actor, location, count from troop_facts where actor='USA' order by location, count",
                 "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["actor", "location", "count"]
    assert set(out[1]) <= {"-", " "}
    assert out[-1] == "(5 rows)"
    assert main(["facts", "--actor", "USA", "--location", "SYR", "--warehouse", str(wh)]) == 0
    assert "900 في سورية" in capsys.readouterr().out
    csv = tmp_path / "facts.csv"
    assert main(["sql", "select * from troop_facts", "--warehouse", str(wh), "--csv", str(csv)]) == 0
    assert csv.read_text(encoding="utf-8").count("\n") == 9  # header + 7 sample facts + TUR→SYR


def test_html_report_escapes_articles_and_renders_charts(warehouse, first_run, tmp_path):
    import subprocess

    from pipelines.cli import main

    _, wh = warehouse
    out = tmp_path / "report.html"
    assert main(["report", "--warehouse", str(wh), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;alert" in page
    import re

    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "<link" not in page  # nothing remote
    assert page.count("<svg") >= 2 and 'id="fact-' in page
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        pytest.skip("Debian chromium not installed (.ci/run installs it)")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000"]
    shot = tmp_path / "report.png"
    subprocess.run([chromium, *flags, "--window-size=1200,1600", f"--screenshot={shot}", out.as_uri()],
                   check=True, capture_output=True, timeout=120)
    assert shot.stat().st_size > 20_000
    dom = subprocess.run([chromium, *flags, "--dump-dom", out.as_uri()], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    assert "levels-chart" in dom and "<path" in dom  # the charts' SVG paths are in the rendered page
    artifacts = Path(__file__).resolve().parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copy(shot, artifacts / "report.png")


def test_levels_chart_is_a_timeline_when_facts_are_dated():
    import datetime as dt

    from pipelines.report import _levels_figure

    def fact(actor, loc, n, day):
        return {"actor": actor, "location": loc, "count": n, "low": None, "high": None,
                "published_at": dt.datetime(2024, 1, day) if day else None}

    facts = [fact("USA", "IRQ", 2500, 3), fact("USA", "IRQ", 2000, 20), fact("USA", "SYR", 900, 5),
             fact("TUR", "SYR", 5000, None)]
    ax = _levels_figure(facts, {"IRQ": "العراق", "SYR": "سوريا"}).axes[0]
    lines = {tuple(line.get_ydata()) for line in ax.get_lines()}
    assert lines == {(2500, 2000), (900,)}  # one series per actor and place, in date order; undated left out
    assert ax.get_xlabel() == "publication date"
    undated = _levels_figure([fact("TUR", "SYR", 5000, None)], {}).axes[0]
    assert not undated.get_lines() and [p.get_width() for p in undated.patches] == [5000]  # bars instead


def test_choosing_the_ensemble_ner_model_recomputes_entities_only(warehouse, first_run):
    """Last in this module: it switches the warehouse's NER model. The entities are computed again with the
    CRF + BiLSTM-CRF ensemble (the fingerprint of an entities part names its model); documents are not."""
    inp, wh = warehouse
    tagged_by = "select distinct split_part(detector, '+', 1) from entities where detector <> 'catalogue'"
    assert {r[0] for r in _con(wh).execute(tagged_by).fetchall()} == {"crf"}
    facts_before = _con(wh).execute("select fact_id from troop_facts order by 1").fetchall()
    result = _materialize(inp, wh, ner_backend="ensemble")
    assert result.success
    mats = {e.asset_key.to_user_string(): e.event_specific_data.materialization.metadata
            for e in result.get_asset_materialization_events()}
    assert mats["documents"]["files_read"].value == 0
    con = _con(wh)
    assert {r[0] for r in con.execute(tagged_by).fetchall()} == {"ensemble"}
    places = {r[0] for r in con.execute("select canonical_id from entities where entity_type = 'LOC'").fetchall()}
    assert {"IRQ", "SYR"} <= places
    assert con.execute("select fact_id from troop_facts order by 1").fetchall() == facts_before
