"""The app's one entry point into the write side (etl/entry.py): build and publish, and what a build reads."""

from __future__ import annotations

import duckdb

from etl import entry
from tests.etl_helpers import copy_published, fingerprint, replace_in


def test_a_good_folder_is_published_and_its_files_match_the_build(golden_dir, tmp_path):
    database = tmp_path / "out" / "upr.duckdb"
    assert entry.build_published(golden_dir, database) is None
    with duckdb.connect(str(database), read_only=True) as con:
        recorded = dict(con.execute("SELECT file, sha256 FROM source_files").fetchall())
        assert con.execute("SELECT count(*) FROM recommendations").fetchone() == (10,)
    # What the app compares to decide on a rebuild: the same names and hashes the build recorded.
    assert entry.source_files(golden_dir) == recorded
    assert sorted(recorded) == sorted(p.name for p in golden_dir.glob("*.csv"))  # every table, nothing else


def test_a_bad_folder_returns_the_report_and_publishes_nothing(golden_dir, golden_db, tmp_path):
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    replace_in(golden_dir / "progress.csv", "partially_implemented,Ten", "done,Ten")
    report = entry.build_published(golden_dir, database)
    assert report == (
        "progress.csv:2: status: done: expected one of not_implemented, partially_implemented, "
        "implemented, no_information"
    )
    assert fingerprint(database) == before


def test_source_files_change_when_a_table_changes_or_a_second_file_appears(golden_dir):
    before = entry.source_files(golden_dir)
    replace_in(golden_dir / "progress.csv", "Ten schools built", "Eleven schools built")
    changed = entry.source_files(golden_dir)
    assert changed["progress.csv"] != before["progress.csv"]
    assert {k: v for k, v in changed.items() if k != "progress.csv"} == {
        k: v for k, v in before.items() if k != "progress.csv"
    }
    # A new quarter saved beside the old file, or a table saved in a format not read: a rebuild is due
    # (which then refuses and says why), never a silent "nothing changed".
    (golden_dir / "progress.xlsx").write_bytes(b"PK")
    (golden_dir / "themes.ods").write_bytes(b"PK")
    assert set(entry.source_files(golden_dir)) - set(changed) == {"progress.xlsx", "themes.ods"}
    # Copies and notes are not data: they do not trigger rebuilds.
    (golden_dir / "progress (2).csv").write_text("x")
    assert "progress (2).csv" not in entry.source_files(golden_dir)


def test_a_missing_folder_is_a_report_not_a_crash(tmp_path):
    report = entry.build_published(tmp_path / "nowhere", tmp_path / "out" / "upr.duckdb")
    assert "recommendations.csv:0: (file): : missing: this file is required" in report.splitlines()
