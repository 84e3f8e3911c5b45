"""Importing into a data folder that already holds canonical CSVs: replace by state+cycle, keep the rest."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.conftest import read_csv, run_import
from tests.test_import_uhri import COLUMNS, ROWS, _write_xlsx


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _data_folder(folder: Path) -> Path:
    folder.mkdir()
    rec_header = [
        "id",
        "state_under_review",
        "cycle",
        "year",
        "recommending_states",
        "response",
        "source",
        "illustrative",
    ]
    _write(
        folder / "recommendations.csv",
        rec_header,
        [
            [f"ILLUS-KHM-C3-{n:03d}", "Cambodia", "3", "2019", "France", "supported", "made up", "true"]
            for n in range(1, 4)
        ]
        + [["KHM-C2-118.1", "Cambodia", "2", "2014", "France", "noted", "UPR Info", "false"]],
    )
    _write(
        folder / "assignments.csv",
        ["recommendation_id", "ministry_id", "role", "source", "illustrative"],
        [
            ["ILLUS-KHM-C3-001", "MOJ", "lead", "made up", "true"],
            ["KHM-C2-118.1", "MOJ", "lead", "CHRC", "false"],
        ],
    )
    _write(
        folder / "progress.csv",
        ["recommendation_id", "date", "assessor", "status", "source", "illustrative"],
        [
            ["ILLUS-KHM-C3-002", "2021-01-01", "government", "implemented", "made up", "true"],
            ["ILLUS-KHM-C3-003", "2022-01-01", "civil_society", "not_implemented", "an NGO", "false"],
            ["KHM-C2-118.1", "2016-01-01", "civil_society", "not_implemented", "an NGO", "false"],
        ],
    )
    _write(folder / "ministries.csv", ["id", "name"], [["MOJ", "Ministry of Justice"]])
    _write(folder / "states.csv", ["name", "iso3", "regional_group"], [["Cambodia", "KHM", "Asia-Pacific"]])
    return folder


def test_official_list_replaces_an_illustrative_cycle_and_its_dependants(tmp_path: Path, capsys) -> None:
    folder = _data_folder(tmp_path / "data")
    source = _write_xlsx(tmp_path / "uhri.xlsx", COLUMNS, ROWS)
    status, out, err = run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", folder)
    assert status == 0, err
    assert "replaced 3 illustrative rows of Cambodia cycle 3 with the imported list" in out
    assert "removed 1 illustrative assignments.csv rows" in out
    assert "removed 1 illustrative progress.csv rows" in out
    assert "WARNING: kept 1 non-illustrative progress.csv rows" in out

    recs = read_csv(folder / "recommendations.csv")
    assert sorted(r["id"] for r in recs) == ["KHM-C2-118.1", "KHM-C3-110.5", "KHM-C3-110.6"]
    cycle3 = [r for r in recs if r["cycle"] == "3"]
    assert {r["illustrative"] for r in cycle3} == {"false"}  # never mixed with illustrative rows
    assert [r["recommendation_id"] for r in read_csv(folder / "assignments.csv")] == ["KHM-C2-118.1"]
    progress = [(r["recommendation_id"], r["source"]) for r in read_csv(folder / "progress.csv")]
    assert progress == [("ILLUS-KHM-C3-003", "an NGO"), ("KHM-C2-118.1", "an NGO")]  # real work is kept
    assert read_csv(folder / "ministries.csv") == [{"id": "MOJ", "name": "Ministry of Justice"}]
    states = [r["name"] for r in read_csv(folder / "states.csv")]
    assert states[0] == "Cambodia" and "France" in states and "Côte d'Ivoire" in states
    assert (folder / "official_totals.csv").exists()
    assert not list(folder.glob(".*.tmp")), "no temporary files are left behind"


def test_importing_again_replaces_official_rows_and_gives_the_same_files(tmp_path: Path, capsys) -> None:
    folder = _data_folder(tmp_path / "data")
    source = _write_xlsx(tmp_path / "uhri.xlsx", COLUMNS, ROWS)
    assert run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", folder)[0] == 0
    before = {p.name: p.read_bytes() for p in folder.glob("*.csv")}
    status, out, _ = run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", folder)
    assert status == 0
    assert "replaced 2 official rows of Cambodia cycle 3 with the imported list" in out
    assert {p.name: p.read_bytes() for p in folder.glob("*.csv")} == before


def test_the_illustrative_plan_goes_with_the_illustrative_cycle_and_a_real_action_stays(
    tmp_path: Path, capsys
) -> None:
    folder = _data_folder(tmp_path / "data")
    _write(
        folder / "actions.csv",
        ["id", "recommendation_ids", "ministry_id", "description", "start_date", "due_date", "source", "illustrative"],
        [
            ["ILLUS-ACT-1", "ILLUS-KHM-C3-001 | ILLUS-KHM-C3-002", "MOJ", "made up", "2020-01-01", "2022-01-01", "x", "true"],
            ["ILLUS-ACT-2", "ILLUS-KHM-C3-003 | KHM-C2-118.1", "MOJ", "made up", "2020-01-01", "2022-01-01", "x", "true"],
            ["ACT-9", "ILLUS-KHM-C3-001", "MOJ", "a ministry's real plan", "2020-01-01", "2022-01-01", "MOJ", "false"],
        ],
    )  # fmt: skip
    _write(
        folder / "indicators.csv",
        ["id", "action_id", "description", "unit", "baseline", "baseline_date", "target", "target_unit",
         "target_date", "source", "illustrative"],
        [["ILLUS-IND-1", "ILLUS-ACT-1", "made up", "number", "1", "2020-01-01", "5", "number", "2022-01-01", "x", "true"],
         ["ILLUS-IND-2", "ILLUS-ACT-2", "made up", "number", "1", "2020-01-01", "5", "number", "2022-01-01", "x", "true"]],
    )  # fmt: skip
    _write(
        folder / "indicator_values.csv",
        ["indicator_id", "date", "value", "unit", "reported_by", "source", "illustrative"],
        [["ILLUS-IND-1", "2021-01-01", "2", "number", "government", "x", "true"],
         ["ILLUS-IND-2", "2021-01-01", "3", "number", "government", "x", "true"]],
    )  # fmt: skip
    source = _write_xlsx(tmp_path / "uhri.xlsx", COLUMNS, ROWS)
    status, out, err = run_import(capsys, "uhri", source, "--state", "Cambodia", "--out", folder)
    assert status == 0, err
    assert "removed 1 illustrative actions.csv rows that answered only replaced recommendations" in out
    assert (
        "removed 1 illustrative indicators.csv rows" in out
        and "removed 1 illustrative indicator_values.csv rows" in out
    )
    assert "WARNING: kept 1 non-illustrative actions.csv rows" in out
    actions = {r["id"]: r["recommendation_ids"] for r in read_csv(folder / "actions.csv")}
    # The made-up action that also answers a kept recommendation keeps that one only; real work stays.
    assert actions == {"ILLUS-ACT-2": "KHM-C2-118.1", "ACT-9": "ILLUS-KHM-C3-001"}
    assert [r["id"] for r in read_csv(folder / "indicators.csv")] == ["ILLUS-IND-2"]
    assert [r["indicator_id"] for r in read_csv(folder / "indicator_values.csv")] == ["ILLUS-IND-2"]
