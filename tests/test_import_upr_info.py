"""``import upr-info``: the real UPR Info export in ../shared, read at test time.

Expected values are computed by reading the source files independently (csv module + Mac Roman),
never copied into the repository.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from etl.importers.countries import resolve
from tests.conftest import read_csv, run_import, run_quiet

pytestmark = pytest.mark.shared
SESSION_FILES = ["sessions_01-05", "sessions_06-09", "sessions_10-13", "sessions_18-20"]


def _source_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("mac_roman")
    return list(csv.reader(io.StringIO(text, newline="")))[1:]


@pytest.fixture(scope="module")
def full_import(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("full")
    files = [shared / "upr-info-export-2015" / "csv" / f"{name}.csv" for name in SESSION_FILES]
    status, summary = run_quiet("upr-info", *files, "--out", out)
    assert status == 0, summary
    return out, summary


def test_full_export_counts_per_state_and_session_equal_the_files(full_import, shared: Path) -> None:
    out, summary = full_import
    expected: Counter[tuple[str, str]] = Counter()
    for name in SESSION_FILES:
        for row in _source_rows(shared / "upr-info-export-2015" / "csv" / f"{name}.csv"):
            expected[(resolve(row[0]).name, row[10])] += 1
    got = Counter((r["state_under_review"], r["session"]) for r in read_csv(out / "recommendations.csv"))
    assert got == expected
    assert len({state for state, _ in got}) == 193
    assert "read 31,468 rows: 31,468 imported, 0 merged into joint recommendations, 0 skipped" in summary


def test_full_export_writes_every_state_and_theme(full_import) -> None:
    out, summary = full_import
    states = {r["name"]: r for r in read_csv(out / "states.csv")}
    assert states["Cambodia"]["iso3"] == "KHM" and states["Cambodia"]["regional_group"] == "Asia-Pacific"
    assert states["Holy See"]["regional_group"] == "other"
    assert "(Unknown)" in states and states["(Unknown)"]["iso3"] == ""
    assert "'(Unknown)'" in summary  # the unplaced name is listed, its rows imported
    assert len({r["name"] for r in read_csv(out / "themes.csv")}) == 54
    recs = read_csv(out / "recommendations.csv")
    assert {r["response"] for r in recs} == {"supported", "noted"}
    assert len({r["id"] for r in recs}) == len(recs)
    for name in ("ministries.csv", "assignments.csv", "progress.csv", "official_totals.csv"):
        assert (out / name).exists()


def test_cycle_and_year_follow_the_session(full_import) -> None:
    out, _ = full_import
    pairs = {(r["session"], r["cycle"], r["year"]) for r in read_csv(out / "recommendations.csv")}
    assert ("6", "1", "2009") in pairs and ("12", "1", "2011") in pairs
    assert ("13", "2", "2012") in pairs and ("18", "2", "2014") in pairs


def test_xls_and_csv_of_the_same_sessions_give_the_same_recommendations(
    shared: Path, tmp_path: Path, capsys
) -> None:
    export = shared / "upr-info-export-2015"
    for kind, suffix in (("csv", "csv"), ("xls-original", "xls")):
        status, _, err = run_import(
            capsys, "upr-info", export / kind / f"sessions_18-20.{suffix}", "--out", tmp_path / kind
        )
        assert status == 0, err
    from_csv, from_xls = (
        read_csv(tmp_path / kind / "recommendations.csv") for kind in ("csv", "xls-original")
    )
    assert len(from_csv) == len(from_xls) == len(_source_rows(export / "csv" / "sessions_18-20.csv"))
    for row in from_csv + from_xls:
        row.pop("source")
    assert from_csv == from_xls


def test_voluntary_pledges_are_skipped_with_their_reason(shared: Path, tmp_path: Path, capsys) -> None:
    csvs = shared / "upr-info-export-2015" / "csv"
    pledges = len(_source_rows(csvs / "voluntary_pledges_sessions_01-20.csv"))
    rows = len(_source_rows(csvs / "sessions_01-05.csv"))
    status, out, _ = run_import(
        capsys,
        "upr-info",
        csvs / "sessions_01-05.csv",
        csvs / "voluntary_pledges_sessions_01-20.csv",
        "--out",
        tmp_path,
    )
    assert status == 0
    assert f"read {rows + pledges:,} rows: {rows:,} imported, 0 merged" in out
    assert f"{pledges:,} skipped (voluntary pledge: {pledges:,})" in out


def test_brazil_brunei_error_is_corrected_without_a_paragraph_list(
    shared: Path, tmp_path: Path, capsys
) -> None:
    csvs = shared / "upr-info-export-2015" / "csv"
    status, out, _ = run_import(
        capsys, "upr-info", csvs / "sessions_06-09.csv", "--state", "Cambodia", "--out", tmp_path
    )
    assert status == 0
    assert "credited to Brunei Darussalam as in A/HRC/13/4 para 82.13; the export says Brazil" in out
    recs = read_csv(tmp_path / "recommendations.csv")
    corrected = [r for r in recs if "corrected to Brunei Darussalam" in r["source"]]
    assert len(corrected) == 1 and corrected[0]["recommending_states"] == "Brunei Darussalam"
    # Without a paragraph list every source row is one recommendation: 138 rows for session 6.
    assert len(recs) == sum(1 for r in _source_rows(csvs / "sessions_06-09.csv") if r[0] == "Cambodia")
    assert {r["id"][:8] for r in recs} == {"KHM-S06-"}
