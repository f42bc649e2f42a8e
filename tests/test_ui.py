"""The operator's path through the Dagster UI, in Debian's headless chromium driven by Selenium:
`dagster dev` on 127.0.0.1, the asset graph, a materialization of one daily partition launched by clicking
(a backfill of the latest partition, run by the daemon `dagster dev` starts), its success, a screenshot."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port, query, variables=None):
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())


RUNS = "query { runsOrError(limit: 5) { ... on Runs { results { runId status } } } }"


@pytest.fixture
def dagster_dev(tmp_path):
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("Debian chromium and chromium-driver not installed (.ci/run installs them)")
    port = _free_port()
    inp = tmp_path / "landing"
    inp.mkdir()
    for p in sorted((REPO / "data" / "sample").glob("*.txt"))[:2]:
        shutil.copy(p, inp / p.name)  # landed now: today's partition, the latest one
    env = dict(os.environ, DAGSTER_HOME=str(tmp_path / "home"), TROOPWATCH_WAREHOUSE=str(tmp_path / "warehouse"),
               TROOPWATCH_INPUT=str(inp))
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    dagster = Path(sys.executable).parent / "dagster"
    log = open(tmp_path / "dagster.log", "w")  # noqa: SIM115 - stays open while the server runs
    proc = subprocess.Popen([str(dagster), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
                            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if _graphql(port, "query { version }").get("data"):
                    break
            except OSError:
                time.sleep(1)
        else:
            raise AssertionError("dagster dev did not start: " + (tmp_path / "dagster.log").read_text()[-3000:])
        yield port, tmp_path
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
        log.close()


def _dismiss_welcome(driver):
    """The first visit shows a community sign-up dialog; an operator skips it."""
    from selenium.webdriver.common.by import By

    time.sleep(2)
    for b in driver.find_elements(By.XPATH, "//button[normalize-space()='Skip']"):
        if b.is_displayed():
            b.click()
            time.sleep(1)


def _click(driver, wait, xpath):
    from selenium.webdriver.support import expected_conditions as ec

    wait.until(ec.element_to_be_clickable(("xpath", xpath))).click()
    time.sleep(1)


def test_operator_materializes_one_partition_from_the_ui(dagster_dev):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    port, tmp = dagster_dev
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000", f"--user-data-dir={tmp / 'profile'}"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    try:
        wait = WebDriverWait(driver, 120)
        driver.get(f"http://127.0.0.1:{port}/asset-groups")
        # the asset graph shows the pipeline's groups
        wait.until(lambda d: all(g in d.page_source for g in (">ingest<", ">nlp<", ">warehouse<")))
        _dismiss_welcome(driver)
        driver.save_screenshot(str(tmp / "graph.png"))
        driver.get(f"http://127.0.0.1:{port}/assets/documents")
        wait.until(lambda d: "Materialize" in d.page_source)
        _dismiss_welcome(driver)
        _click(driver, wait, "//button[contains(normalize-space(), 'Materialize')]")
        # documents is one output of the ingestion multi-asset: the UI asks to confirm its siblings
        _click(driver, wait, "//div[@role='dialog']//button[normalize-space()='Confirm']")
        wait.until(lambda d: "Partition selection" in d.page_source)
        _click(driver, wait, "//div[@role='dialog']//button[normalize-space()='Latest']")
        driver.save_screenshot(str(tmp / "launch.png"))
        _click(driver, wait, "//div[@role='dialog']//button[starts-with(normalize-space(), 'Launch')]")
        deadline = time.time() + 300
        status = None
        while time.time() < deadline:
            runs = _graphql(port, RUNS)["data"]["runsOrError"]["results"]
            status = runs[0]["status"] if runs else None
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        assert status == "SUCCESS"
        driver.get(f"http://127.0.0.1:{port}/runs")
        wait.until(lambda d: "Success" in d.page_source)
        artifacts = REPO / "artifacts"
        artifacts.mkdir(exist_ok=True)
        driver.save_screenshot(str(artifacts / "dagster_ui_run.png"))
        assert (artifacts / "dagster_ui_run.png").stat().st_size > 10_000
    finally:
        driver.quit()
    import datetime as dt

    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert len(list((tmp / "warehouse" / "parquet" / "documents").glob(f"day={today}/*.parquet"))) == 2
