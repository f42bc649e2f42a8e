"""Paths beyond one machine: the same stages on a Dask cluster of worker processes, and Parquet on S3."""

import shutil
import socket
import subprocess
import sys
import time

import pyarrow.compute as pc
import pytest

from pipelines import stages
from pipelines.store import ParquetStore

from .conftest import SAMPLE

STAGES = ("sentences", "troop_facts")


def _rows(store, table):
    t = stages.pa.concat_tables([store.read(r) for r in store.parts(table)])
    keys = [k for k in ("doc_id", "sentence_id", "fact_id") if k in t.column_names]
    return t.take(pc.sort_indices(t, [(k, "ascending") for k in keys])).to_pylist()


def test_dask_cluster_gives_the_same_rows_as_the_process_pool(tmp_path):
    distributed = pytest.importorskip("distributed")
    local = ParquetStore(str(tmp_path / "local"))
    remote = ParquetStore(str(tmp_path / "dask"))
    for store in (local, remote):
        stages.ingest(SAMPLE, store)
    for table in STAGES:
        stages.run_stage(table, local, workers=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        for table in STAGES:
            res = stages.run_stage(table, remote, dask_client=client)
            assert res.parts_done == 5
    for table in STAGES:
        assert _rows(local, table) == _rows(remote, table)
    assert len(_rows(remote, "troop_facts")) == 7


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_parquet_store_on_s3_compatible_server(tmp_path, monkeypatch):
    pytest.importorskip("moto")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        import pyarrow.fs as pafs

        s3 = pafs.S3FileSystem(endpoint_override=f"http://127.0.0.1:{port}", scheme="http", region="us-east-1",
                               allow_bucket_creation=True)
        s3.create_dir("troopwatch")
        uri = f"s3://troopwatch/warehouse/parquet?endpoint_override=127.0.0.1:{port}&scheme=http&region=us-east-1"
        store = ParquetStore(uri)
        inp = tmp_path / "in"
        inp.mkdir()
        shutil.copy(SAMPLE / "001_57670411fffd694b.txt", inp)
        stages.ingest(inp, store)
        stages.run_stage("sentences", store, workers=1)
        stages.run_stage("troop_facts", store, workers=1)
        facts = _rows(store, "troop_facts")
        assert [(f["actor"], f["location"], f["count"]) for f in facts] in (
            [("USA", "IRQ", 2500), ("USA", "SYR", 900)], [("USA", "SYR", 900), ("USA", "IRQ", 2500)])
        # a rerun finds every part up to date on the object store
        assert stages.run_stage("troop_facts", store, workers=1).parts_done == 0
        listing = s3.get_file_info(pafs.FileSelector("troopwatch/warehouse/parquet/troop_facts", recursive=True))
        day = stages.input_day(inp / "001_57670411fffd694b.txt")  # landed now: today's partition
        assert any(i.path.endswith(".parquet") and f"day={day}" in i.path for i in listing)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_one_part_split_over_workers_gives_the_rows_of_one_process(tmp_path):
    """A nightly run has one part: it is split in pieces of whole documents over the pool, and the pieces
    put back together are exactly (same rows, same order) what one process writes."""
    import json
    import zipfile

    from .conftest import SHARED

    feed = SHARED / "corpus" / "saudinewsnet" / "2015-07-21.zip"
    if not feed.exists():
        pytest.skip("SaudiNewsNet corpus not available")
    with zipfile.ZipFile(feed) as zf:
        records = json.loads(zf.read("2015-07-21.json"))[:120]
    day = tmp_path / "in" / "2015-07-21.zip"
    day.parent.mkdir()
    with zipfile.ZipFile(day, "w") as out:
        out.writestr("2015-07-21.json", json.dumps(records, ensure_ascii=False))
    one, split = ParquetStore(str(tmp_path / "one")), ParquetStore(str(tmp_path / "split"))
    for store in (one, split):
        stages.ingest(day.parent, store)
    for table in ("sentences", "entities", "troop_facts"):
        stages.run_stage(table, one, workers=1)
        stages.run_stage(table, split, workers=2, split_min_bytes=0)
        [a], [b] = one.parts(table), split.parts(table)
        rows_one, rows_split = one.read(a).to_pylist(), split.read(b).to_pylist()
        assert rows_one == rows_split and rows_one, table
        assert one.fingerprint(a) == split.fingerprint(b)  # the split part is up to date like the other
    assert stages.run_stage("entities", split, workers=2, split_min_bytes=0).parts_done == 0  # idempotent


def test_entities_do_not_depend_on_how_a_part_is_batched(tmp_path):
    """`entities_batch` tags whole documents a few thousand sentences at a time: batches of one document
    each must give the rows of one batch for the whole part."""
    store = ParquetStore(str(tmp_path / "store"))
    stages.ingest(SAMPLE, store)
    stages.run_stage("sentences", store, workers=1)
    sentences = stages.pa.concat_tables([store.read(r) for r in store.parts("sentences")])
    assert len(set(sentences.column("doc_id").to_pylist())) > 1
    whole = stages.entities_batch(sentences, "crf")
    per_document = stages.entities_batch(sentences, "crf", chunk_sentences=1)
    assert whole.num_rows > 0
    assert per_document.to_pylist() == whole.to_pylist()
