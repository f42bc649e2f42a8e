"""Real processes: an analyst reading the warehouse during a run, and a run killed with SIGKILL and resumed."""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile

import duckdb
import pytest

from .conftest import SAMPLE, SHARED

CORPUS_ZIP = SHARED / "corpus" / "saudinewsnet" / "2015-07-21.zip"


def _make_input(root, n_files=4, per_file=40):
    """Sample articles plus a few JSONL files of real SaudiNewsNet articles (several parts)."""
    root.mkdir(parents=True, exist_ok=True)
    for p in SAMPLE.glob("*.txt"):
        shutil.copy(p, root / p.name)
    if CORPUS_ZIP.exists():
        with zipfile.ZipFile(CORPUS_ZIP) as z:
            arts = json.load(z.open(z.namelist()[0]))
        for i in range(n_files):
            with open(root / f"feed-{i}.jsonl", "w", encoding="utf-8") as f:
                for a in arts[i * per_file : (i + 1) * per_file]:
                    f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return root


def _env(home):
    env = dict(os.environ)
    env["DAGSTER_HOME"] = str(home)
    return env


def _run_cmd(inp, wh, *extra):
    return [sys.executable, "-m", "pipelines.cli", "run", "--input", str(inp), "--warehouse", str(wh), *extra]


def _snapshot(wh):
    con = duckdb.connect(str(wh / "troopwatch.duckdb"), read_only=True)
    try:
        counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("documents", "sentences", "entities", "troop_facts", "rejected_inputs")}
        facts = con.execute("select fact_id from troop_facts order by 1").fetchall()
        return counts, facts
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("robust")
    inp = _make_input(base / "input")
    wh = base / "clean"
    proc = subprocess.run(_run_cmd(inp, wh), env=_env(base / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return base, inp, _snapshot(wh)


READER = textwrap.dedent("""
    import sys, time, duckdb, json, pathlib
    db, stop, out = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
    held = duckdb.connect(db, read_only=True)   # an analyst keeps the file open all along
    seen, errors = [], []
    while not stop.exists():
        try:
            con = duckdb.connect(db, read_only=True)
            seen.append([con.execute("select count(*) from documents").fetchone()[0],
                         con.execute("select count(*) from troop_facts").fetchone()[0]])
            con.close()
            held.execute("select count(*) from troop_facts").fetchone()
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))
        time.sleep(0.05)
    json.dump({"seen": seen, "errors": errors}, open(out, "w"))
""")


def test_reader_during_run_is_never_blocked_nor_sees_half_a_state(clean_run, tmp_path):
    base, inp, _ = clean_run
    wh = tmp_path / "wh"
    env = _env(tmp_path / "home")
    first = _make_input(tmp_path / "in1", n_files=2)
    assert subprocess.run(_run_cmd(first, wh), env=env, capture_output=True, timeout=900).returncode == 0
    before = _snapshot(wh)[0]
    # the next night brings two more files while an analyst reads in a loop
    for p in inp.glob("feed-*.jsonl"):
        shutil.copy(p, first / p.name)
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(wh / "troopwatch.duckdb"), str(stop), str(out)])
    try:
        run = subprocess.run(_run_cmd(first, wh), env=env, capture_output=True, text=True, timeout=900)
    finally:
        time.sleep(0.5)
        stop.touch()
        reader.wait(timeout=60)
    assert run.returncode == 0, run.stderr[-3000:]
    after = _snapshot(wh)[0]
    result = json.loads(out.read_text())
    assert result["errors"] == []
    assert len(result["seen"]) > 10
    allowed = {(before["documents"], before["troop_facts"]), (after["documents"], after["troop_facts"])}
    assert {tuple(s) for s in result["seen"]} <= allowed
    assert after["documents"] > before["documents"]


def test_killed_run_resumes_to_exactly_the_clean_rows(clean_run, tmp_path):
    base, inp, (clean_counts, clean_facts) = clean_run
    wh = tmp_path / "wh"
    env = _env(tmp_path / "home")
    proc = subprocess.Popen(_run_cmd(inp, wh, "--workers", "1"), env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # kill it once the NLP stages have started writing
    deadline = time.time() + 300
    while time.time() < deadline and not list((wh / "parquet" / "sentences").glob("day=*/*.parquet"))[1:]:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (wh / "troopwatch.duckdb").exists()  # killed before publishing
    rerun = subprocess.run(_run_cmd(inp, wh), env=env, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    counts, facts = _snapshot(wh)
    assert counts == clean_counts
    assert facts == clean_facts
    # and a third run changes nothing
    again = subprocess.run(_run_cmd(inp, wh), env=env, capture_output=True, text=True, timeout=900)
    assert again.returncode == 0
    assert _snapshot(wh) == (clean_counts, clean_facts)
