"""The ETL end to end (issue 2): tables and counts, the CLI, rebuilds, publishing under a reader, failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import paths
from etl import build, publish
from tests.conftest import GOLDEN, ROOT
from tests.etl_helpers import fingerprint, replace_in, tables

GOLDEN_COUNTS = {
    "states": 6,
    "themes": 4,
    "ministries": 3,
    "recommendations": 10,
    "recommendation_states": 12,
    "recommendation_themes": 14,
    "assignments": 6,
    "progress": 9,
    "latest_assessments": 8,  # per recommendation and assessor: 20.2 has two government reports
    "official_totals": 3,
    "reconciliation": 3,
    "recurrence_links": 0,  # header only in the golden fixture (tests/test_recurrence_*.py add rows)
    "recurrence_chain_members": 0,
    "recurrence_chains": 0,
    "actions": 3,
    "action_recommendations": 4,  # ATL-A1 answers two recommendations: once for each
    "indicators": 2,
    "indicator_values": 4,
}
CYCLE_3_DIFFERENCE = (
    "Atlantis cycle 3: loaded 3 received / 2 supported / 1 noted / 4 states; official 4 / 3 / 1 / 4 "
    "(illustrative rows)"
)


def cli(*argv: object) -> subprocess.CompletedProcess[str]:
    """``python -m etl ...`` in a child process, as a monitor runs it."""
    return subprocess.run(
        [sys.executable, "-m", "etl", *map(str, argv)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_golden_fixture_builds_every_table_with_its_row_count(tmp_path):
    result = build.run(GOLDEN, tmp_path / "upr.duckdb")
    assert result.row_counts == GOLDEN_COUNTS
    assert result.differences == [CYCLE_3_DIFFERENCE]
    with duckdb.connect(str(tmp_path / "upr.duckdb"), read_only=True) as con:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert names == {*GOLDEN_COUNTS, "build_info", "source_files"}
        rows = con.execute(
            "SELECT cycle, received, supported, noted, recommending_states, official_received, reconciles "
            "FROM reconciliation ORDER BY cycle"
        ).fetchall()
    assert rows == [(1, 4, 3, 1, 5, 4, True), (2, 3, 2, 1, 3, 3, True), (3, 3, 2, 1, 4, 4, False)]


def test_the_command_prints_the_summary_and_exits_0(tmp_path):
    done = cli("--data-dir", GOLDEN, "--db", tmp_path / "upr.duckdb")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith(f"Built {tmp_path / 'upr.duckdb'} -> upr-")
    for table, count in GOLDEN_COUNTS.items():
        assert f"  {table:<24}{count:>9,} rows" in out
    assert "20 data tests passed" in out
    assert "counts that differ from the official totals:" in out
    assert CYCLE_3_DIFFERENCE in out


def test_a_rebuild_of_the_same_data_has_the_same_content(tmp_path):
    first = build.run(GOLDEN, tmp_path / "a" / "upr.duckdb").database
    second = build.run(GOLDEN, tmp_path / "b" / "upr.duckdb").database
    before, after = tables(first), tables(second)
    # Only the build time may differ.
    for content in (before, after):
        content["build_info"] = [row[1:] for row in content["build_info"]]
    assert before.keys() == after.keys()
    for name in before:
        assert before[name] == after[name], name
    # The same again into the same published path: a new version with the same rows.
    build.run(GOLDEN, first)
    again = tables(first)
    again["build_info"] = [row[1:] for row in again["build_info"]]
    assert again == before


def test_a_reader_of_the_old_version_keeps_reading_it_while_a_new_one_is_published(golden_dir, tmp_path):
    database = tmp_path / "db" / "upr.duckdb"
    build.run(golden_dir, database)
    old_real = os.path.realpath(database)
    reader = duckdb.connect(old_real, read_only=True)
    try:
        assert reader.execute("SELECT count(*) FROM progress").fetchone()[0] == 9
        replace_in(golden_dir / "progress.csv", "ILLUS-ATL-C3-003,2021-01-01", "ILLUS-ATL-C3-003,2021-01-02")
        with (golden_dir / "progress.csv").open("a", encoding="utf-8") as handle:
            handle.write("ATL-C2-20.1,2024-01-01,government,no_information,New,,New report,false\n")
        # Several rebuilds: the old file is eventually pruned, the open reader is not disturbed.
        for _ in range(publish.KEEP_VERSIONS + 1):
            build.run(golden_dir, database)
        assert reader.execute("SELECT count(*) FROM progress").fetchone()[0] == 9
        assert reader.execute("SELECT max(date) FROM progress").fetchone()[0].isoformat() == "2022-01-01"
    finally:
        reader.close()
    new_real = os.path.realpath(database)
    assert new_real != old_real
    with duckdb.connect(new_real, read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM progress").fetchone()[0] == 10
    # Old versions beyond the few kept are removed.
    assert len(list((database.parent / ".builds").glob("upr-*.duckdb"))) == publish.KEEP_VERSIONS


def test_the_published_path_is_a_symlink_duckdb_opens(golden_db):
    assert golden_db.is_symlink()
    target = Path(os.readlink(golden_db))
    assert not target.is_absolute() and target.parts[0] == ".builds"  # the folder can be moved
    with duckdb.connect(str(golden_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM recommendations").fetchone()[0] == 10


@pytest.mark.parametrize(
    ("cycle", "official"),
    [(3, (198, 173, 25, 73)), (2, (205, 163, 42, 72)), (1, (134, 134, 0, 48))],
)
def test_the_bundled_data_reconciles_with_the_official_totals(bundled_db, cycle, official):
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        loaded, published, reconciles = con.execute(
            "SELECT [received, supported, noted, recommending_states], [official_received, official_supported, "
            "official_noted, official_recommending_states], reconciles FROM reconciliation "
            "WHERE state_under_review = 'Cambodia' AND cycle = ?",
            [cycle],
        ).fetchone()
    assert tuple(loaded) == official
    assert tuple(published) == official
    assert reconciles


def test_the_bundled_data_builds_with_no_difference_reported(tmp_path):
    result = build.run(paths.data_dir(), tmp_path / "upr.duckdb")
    assert result.differences == []
    assert "every review with official totals reconciles with them" in result.summary()


def test_a_failed_build_leaves_the_published_database_unchanged_and_exits_2(golden_dir, tmp_path):
    database = tmp_path / "db" / "upr.duckdb"
    assert cli("--data-dir", golden_dir, "--db", database).returncode == 0
    before = fingerprint(database)
    replace_in(golden_dir / "progress.csv", "partially_implemented,Ten", "done,Ten")
    done = cli("--data-dir", golden_dir, "--db", database)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines()[0] == (
        "progress.csv:2: status: done: expected one of not_implemented, partially_implemented, "
        "implemented, no_information"
    )
    assert f"1 problem(s); nothing was published ({database} is unchanged)." in done.stderr
    assert fingerprint(database) == before


@pytest.mark.parametrize(
    "step, failure",
    [
        ("_save_provenance", OSError("disk full")),
        ("run_data_tests", ["data test failed: every recommendation has a response (1 row(s))"]),
    ],
)
def test_a_build_that_fails_after_writing_tables_publishes_nothing_and_leaves_no_file(
    golden_dir, tmp_path, monkeypatch, step, failure
):
    database = tmp_path / "upr.duckdb"
    build.run(golden_dir, database)
    before = fingerprint(database)
    versions = sorted((tmp_path / ".builds").iterdir())

    def broken(*args):
        if isinstance(failure, Exception):
            raise failure
        return failure

    monkeypatch.setattr(build, step, broken)
    with pytest.raises((OSError, RuntimeError)):
        build.run(golden_dir, database)
    assert fingerprint(database) == before
    assert sorted((tmp_path / ".builds").iterdir()) == versions  # the half-written file is gone


def test_a_missing_data_folder_exits_2(tmp_path):
    done = cli("--data-dir", tmp_path / "nowhere", "--db", tmp_path / "upr.duckdb")
    assert done.returncode == 2
    assert "not a folder" in done.stderr
    assert not (tmp_path / "upr.duckdb").exists()
