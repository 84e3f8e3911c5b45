"""Cycle 4 ready, cycle 5 without code changes (issue 15): the WG session gives the cycle and the year.

The OHCHR cycle-4 Word matrix (the Slovenia UPR48 sample in ../shared is that layout) and UHRI
records of cycle-4 sessions import to cycle 4 with their session and year; a session of a fifth
cycle imports to cycle 5 by the same rule (sessions 1-12 cycle 1, then 14 sessions per cycle).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import paths
from etl import build
from etl.importers import sessions
from tests.conftest import read_csv, run_import
from tests.import_sources import MATRIX_HEADER_CYCLE_4, Rec, write_matrix, write_uhri

RECS = (
    Rec("140.1", ("Bosnia and Herzegovina, Croatia",), "Supported", ("Education",)),
    Rec("140.2", ("Netherlands (Kingdom of the)",), "Noted", ("Education",)),
)


def test_the_session_rule_of_formats_md_and_its_continuation() -> None:
    boundaries = {1: 1, 12: 1, 13: 2, 26: 2, 27: 3, 40: 3, 41: 4, 46: 4, 54: 4, 55: 5, 68: 5, 69: 6, 82: 6}
    assert {s: sessions.cycle_of(s) for s in boundaries} == boundaries
    assert [sessions.first_session(c) for c in range(1, 7)] == [1, 13, 27, 41, 55, 69]
    assert (sessions.year_of(46), sessions.year_is_scheduled(46)) == (2024, False)  # Cambodia, May 2024
    assert (sessions.year_of(48), sessions.year_of(51), sessions.year_of(55)) == (2025, 2026, 2027)
    assert sessions.year_is_scheduled(51)
    with pytest.raises(ValueError):
        sessions.cycle_of(0)


@pytest.mark.shared
def test_the_cycle_4_sample_imports_to_cycle_4_without_naming_the_cycle(
    shared: Path, tmp_path: Path, capsys
) -> None:
    sample = (
        shared
        / "formats"
        / "ohchr-matrix-samples"
        / "Slovenia_UPR48_cycle4_thematic_list_of_recommendations.docx"
    )
    status, out, err = run_import(capsys, "ohchr-matrix", sample, "--state", "Slovenia", "--out", tmp_path)
    assert status == 0, err
    recs = read_csv(tmp_path / "recommendations.csv")
    assert "read 254 rows: 254 imported, 0 merged into joint recommendations, 0 skipped" in out
    assert {(r["cycle"], r["session"], r["year"]) for r in recs} == {("4", "48", "2025")}
    assert all(r["id"].startswith("SVN-C4-140.") for r in recs)


@pytest.mark.shared
def test_a_cycle_that_contradicts_the_session_is_refused(shared: Path, tmp_path: Path, capsys) -> None:
    sample = (
        shared
        / "formats"
        / "ohchr-matrix-samples"
        / "Slovenia_UPR48_cycle4_thematic_list_of_recommendations.docx"
    )
    argv = ("ohchr-matrix", sample, "--state", "Slovenia", "--cycle", "3", "--out", tmp_path / "out")
    status, _, err = run_import(capsys, *argv)
    assert status == 2
    assert err == (
        "error: --cycle 3: session 48 belongs to cycle 4 (sessions 41-54): expected --cycle 4, or the right --session\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "cycle", "year", "note"),
    [
        ("UPR46_Cambodia_thematic_list.docx", "4", "2024", ""),
        ("upr-57-cambodia.docx", "5", "2028", "year 2028 assumed from the three-sessions-a-year rhythm"),
        ("UPR69_Cambodia.docx", "6", "2032", "year 2032 assumed from the three-sessions-a-year rhythm"),
    ],
)
def test_a_matrix_of_cycle_4_5_or_6_in_the_cycle_4_layout(
    tmp_path: Path, capsys, name, cycle, year, note
) -> None:
    source = write_matrix(tmp_path / name, RECS, MATRIX_HEADER_CYCLE_4)
    status, out, err = run_import(
        capsys, "ohchr-matrix", source, "--state", "Cambodia", "--out", tmp_path / "out"
    )
    assert status == 0, err
    recs = read_csv(tmp_path / "out" / "recommendations.csv")
    assert [(r["id"], r["cycle"], r["year"], r["recommending_states"]) for r in recs] == [
        (f"KHM-C{cycle}-140.1", cycle, year, "Bosnia and Herzegovina | Croatia"),
        (f"KHM-C{cycle}-140.2", cycle, year, "Netherlands"),
    ]
    assert note in out


@pytest.mark.parametrize(
    ("session", "published", "cycle", "year", "note"),
    [
        (46, 45_500, 4, 2024, ""),  # Excel serial 45500 is 2024-07-27; the calendar wins anyway
        (57, 46_800, 5, 2028, ""),  # after the calendar: the document's publication year (2028-02-17)
        (57, None, 5, 2028, "UPR Session: 57: after the known calendar and no publication date: year 2028"),
    ],
)
def test_uhri_records_of_later_cycles(tmp_path: Path, capsys, session, published, cycle, year, note) -> None:
    source = write_uhri(tmp_path / "uhri.xlsx", RECS, session=session, published=published)
    status, out, err = run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", tmp_path / "out")
    assert status == 0, err
    recs = read_csv(tmp_path / "out" / "recommendations.csv")
    assert {(r["cycle"], r["session"], r["year"]) for r in recs} == {(str(cycle), str(session), str(year))}
    assert note in out


def test_a_fifth_cycle_imported_beside_the_bundled_data_builds_and_publishes(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for path in paths.data_dir().glob("*.csv"):
        (folder / path.name).write_bytes(path.read_bytes())
    source = write_uhri(tmp_path / "uhri.xlsx", RECS, session=55, published=46_400)
    status, out, err = run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", folder)
    assert status == 0, err
    build.run(folder, tmp_path / "db" / "upr.duckdb")
    with duckdb.connect(str(tmp_path / "db" / "upr.duckdb"), read_only=True) as con:
        per_cycle = con.execute(
            "SELECT cycle, count(*), count(*) FILTER (WHERE response = 'supported') FROM recommendations "
            "WHERE state_under_review = 'Cambodia' GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert per_cycle == [(1, 134, 134), (2, 205, 163), (3, 198, 173), (5, 2, 1)]
