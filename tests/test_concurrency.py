"""Concurrent readers while the ETL republishes (issue 6): no errors, every answer from one version.

Two datasets differ in a checkable way: B has one more recommendation (cycle 3: 4 instead of 3) and
its official note says "Dataset B". A query asking for both facts at once, and a page showing both,
must never mix them, however often the ETL swaps the published link underneath.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.db import current_version, query
from etl import build
from tests.conftest import ROOT
from tests.etl_helpers import replace_in

FACTS = (
    "SELECT (SELECT count(*) FROM recommendations)::INTEGER AS recommendations, "
    "(SELECT official_note FROM reconciliation WHERE cycle = 3) AS note, "
    "(SELECT received FROM reconciliation WHERE cycle = 3)::INTEGER AS cycle_3"
)
VERSIONS = {(10, "Dataset A", 3), (11, "Dataset B", 4)}
READERS = 24
PUBLISHES = 4
PAGE_SESSIONS = 3
THINK = 0.05
PAGE_PAUSE = 2.0  # seconds between publishes, for the page sessions to rerun a few times


@pytest.fixture
def datasets(golden_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    note = "One recommendation missing on purpose: the difference must show."
    a = golden_dir
    b = Path(shutil.copytree(a, tmp_path / "b"))
    replace_in(a / "official_totals.csv", note, "Dataset A")
    replace_in(b / "official_totals.csv", note, "Dataset B")
    with (b / "recommendations.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "ILLUS-ATL-C3-004,Atlantis,3,32,2019,A/HRC/30/1,,Poland,supported,Supported,,3,Justice,,,"
            "ILLUSTRATIVE fourth,Illustrative fixture,true\n"
        )
    return a, b


def republish(datasets: tuple[Path, Path], database: Path, times: int, pause: float = 0.05) -> None:
    for i in range(times):
        build.run(datasets[i % 2], database)
        time.sleep(pause)


def hammer(stop: threading.Event, answers: list, errors: list) -> None:
    """One reader: resolve the version, ask for facts from it, until told to stop."""
    while not stop.is_set():
        try:
            version = current_version()
            row = query(version, FACTS).iloc[0]
            answers.append((int(row["recommendations"]), row["note"], int(row["cycle_3"])))
        except Exception as error:  # every error is a failure of the promise
            errors.append(repr(error))
        time.sleep(THINK)  # a reader clicks now and then; without it 24 threads starve the ETL of the GIL


def run_readers(target, count: int, *args) -> tuple[threading.Event, list[threading.Thread]]:
    stop = threading.Event()
    threads = [threading.Thread(target=target, args=(stop, *args), daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    return stop, threads


def test_readers_in_24_threads_get_whole_versions_while_the_etl_republishes(datasets, tmp_path, monkeypatch):
    database = tmp_path / "db" / "upr.duckdb"
    monkeypatch.setenv("UPR_DB", str(database))
    build.run(datasets[1], database)
    answers: list = []
    errors: list = []
    stop, threads = run_readers(hammer, READERS, answers, errors)
    try:
        republish(datasets, database, PUBLISHES)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert errors == []
    assert set(answers) == VERSIONS  # both versions were read, and nothing in between
    assert len(answers) > READERS * 5


def overview_session(database: str, stop_file: str) -> tuple[list, list]:
    """A reader on the Overview page, rerunning it (as clicks do) until ``stop_file`` appears.

    AppTest mocks one Streamlit runtime per process, so concurrent page sessions need processes:
    ``python -m tests.test_concurrency DATABASE STOP_FILE`` runs one and prints its results as JSON.
    """
    os.environ["UPR_DB"] = database
    results: list = []
    errors: list = []
    at = AppTest.from_file(str(ROOT / "router.py"), default_timeout=60)
    at.query_params["cycle"] = "3"
    end = time.monotonic() + 180  # a safety net: the test tells the session to stop long before
    while not os.path.exists(stop_file) and time.monotonic() < end:
        try:
            at.run()
            if at.exception:
                errors.append([e.value for e in at.exception])
                continue
            received = int({m.label: m.value for m in at.metric}["Received"])
            table = at.dataframe[0].value
            cycle_3 = table[table["cycle"] == 3].iloc[0]
            results.append((received, int(cycle_3["received"]), cycle_3["official_note"]))
        except Exception as error:
            errors.append(repr(error))
    return results, errors


def test_pages_and_queries_keep_serving_while_the_etl_republishes(datasets, tmp_path, monkeypatch):
    database = tmp_path / "db" / "upr.duckdb"
    monkeypatch.setenv("UPR_DB", str(database))
    build.run(datasets[0], database)
    answers: list = []
    errors: list = []
    stop_file = tmp_path / "stop"
    sessions = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.test_concurrency", str(database), str(stop_file)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(PAGE_SESSIONS)
    ]
    stop, threads = run_readers(hammer, READERS, answers, errors)
    try:
        time.sleep(PAGE_PAUSE)  # the sessions import Streamlit and run their first pages
        republish(datasets, database, PUBLISHES, pause=PAGE_PAUSE)
    finally:
        stop_file.touch()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    pages = []
    for session in sessions:
        out, _ = session.communicate(timeout=120)
        results, failures = json.loads(out.strip().splitlines()[-1])
        pages += [tuple(page) for page in results]
        errors += failures
    assert errors == []
    assert set(answers) == VERSIONS
    # The headline and the table of each page run come from the same version.
    assert set(pages) <= {(3, 3, "Dataset A"), (4, 4, "Dataset B")}
    assert len(set(pages)) == 2  # the sessions saw both versions, each whole


def test_the_app_says_the_data_is_unavailable_while_the_file_is_missing_and_recovers(
    golden_dir, tmp_path, run_page
):
    database = tmp_path / "db" / "upr.duckdb"
    build.run(golden_dir, database)
    real = Path(os.path.realpath(database))
    hidden = real.with_name(real.name + ".away")
    real.rename(hidden)  # the link now points nowhere, as during a botched manual copy
    at = run_page(database)
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The data is being updated or is unavailable right now. Please reload in a moment."
    ]
    assert not at.metric
    hidden.rename(real)
    at.run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Received"] == "3"


def test_a_reader_whose_version_is_removed_gets_a_clear_error_not_a_crash(golden_dir, tmp_path, monkeypatch):
    """The query side's own contract: a vanished file is DatabaseUnavailable, and the next version works."""
    from dashboard.db import DatabaseUnavailable

    database = tmp_path / "db" / "upr.duckdb"
    monkeypatch.setenv("UPR_DB", str(database))
    build.run(golden_dir, database)
    version = current_version()
    Path(version).unlink()
    with pytest.raises(DatabaseUnavailable):
        current_version()
    build.run(golden_dir, database)
    assert query(current_version(), "SELECT count(*) AS n FROM recommendations")["n"].iloc[0] == 10


if __name__ == "__main__":
    print(json.dumps(overview_session(sys.argv[1], sys.argv[2]), default=str))
