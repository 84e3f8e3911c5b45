"""Cycle 2 of Cambodia as the sources now tell it (issue 12, kind 10), and responses counted apart.

The UN counts 163 supported, 38 noted and 4 rejected (205). Rejected counts as noted under HRC rules,
so the published response stays noted; the source's word "Rejected" is in response_label for 118.5,
118.22, 118.57 and 118.161, official_totals.csv says how many of the noted were rejected, and the
reconciliation checks that count too. Pending and unclassified responses are counted apart from
supported and noted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import paths
from etl import build, derive_cambodia
from tests.etl_helpers import copy_published, fingerprint, problems_of, replace_in

REJECTED = ["KHM-C2-118.161", "KHM-C2-118.22", "KHM-C2-118.5", "KHM-C2-118.57"]


def test_cycle_2_publishes_163_supported_38_noted_4_rejected_with_the_sources(bundled_db: Path) -> None:
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        counts = con.execute(
            "SELECT received, supported, noted - rejected, rejected, official_received, official_supported, "
            "official_noted - official_rejected, official_rejected, reconciles FROM reconciliation "
            "WHERE state_under_review = 'Cambodia' AND cycle = 2"
        ).fetchone()
        rejected = con.execute(
            "SELECT id, response, wg_position FROM recommendations WHERE response_label = 'Rejected' ORDER BY id"
        ).fetchall()
        first_listed_then_noted = con.execute(
            "SELECT paragraph, response_label FROM recommendations WHERE cycle = 2 AND response = 'noted' "
            "AND wg_position LIKE 'enjoyed support%' ORDER BY paragraph"
        ).fetchall()
        source, note = con.execute(
            "SELECT source, note FROM official_totals WHERE state_under_review = 'Cambodia' AND cycle = 2"
        ).fetchone()
    assert counts == (205, 163, 38, 4, 205, 163, 38, 4, True)
    assert rejected == [(i, "noted", "enjoyed support in the WG report (para 118)") for i in REJECTED]
    assert first_listed_then_noted == [
        ("118.1", "Noted"), ("118.161", "Rejected"), ("118.2", "Noted"), ("118.22", "Rejected"),
        ("118.3", "Noted"), ("118.4", "Noted"), ("118.5", "Rejected"), ("118.57", "Rejected"),
    ]  # fmt: skip
    assert "163 supported, 38 noted, 4 rejected" in source
    assert "UPR Info news item 'Cambodia rejects 4 recommendations initially accepted'" in note
    assert "The Cambodia Daily, 'Govt rejects 4 human rights recommendations'" in note


@pytest.mark.shared
def test_the_bundled_cycle_1_and_2_rows_are_what_derive_cambodia_makes(shared: Path, tmp_path: Path) -> None:
    folder = Path(
        shutil.copytree(paths.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    )
    derive_cambodia.run(shared, folder)
    for name in ("recommendations.csv", "states.csv", "themes.csv"):
        assert (folder / name).read_bytes() == (paths.data_dir() / name).read_bytes(), name


def test_a_rejected_count_that_differs_is_reported(golden_dir: Path, tmp_path: Path) -> None:
    # Golden cycle 1 has one noted item whose source word is "Rejected" (ATL-C1-10.3).
    header = "state_under_review,cycle,received,supported,noted,rejected,"
    replace_in(
        golden_dir / "official_totals.csv", "state_under_review,cycle,received,supported,noted,", header
    )
    replace_in(golden_dir / "official_totals.csv", "Atlantis,1,4,3,1,5,", "Atlantis,1,4,3,1,1,5,")
    replace_in(golden_dir / "official_totals.csv", "Atlantis,2,3,2,1,3,", "Atlantis,2,3,2,1,1,3,")
    replace_in(golden_dir / "official_totals.csv", "Atlantis,3,4,3,1,4,", "Atlantis,3,4,3,1,,4,")
    result = build.run(golden_dir, tmp_path / "upr.duckdb")
    assert result.differences == [
        "Atlantis cycle 2: loaded 3 received / 2 supported / 1 noted / 3 states; official 3 / 2 / 1 / 3; "
        "loaded 0 rejected, official 1",
        "Atlantis cycle 3: loaded 3 received / 2 supported / 1 noted / 4 states; official 4 / 3 / 1 / 4 "
        "(illustrative rows)",
    ]


def test_more_rejected_than_noted_is_refused_with_its_line(
    golden_dir: Path, golden_db: Path, tmp_path: Path
) -> None:
    replace_in(
        golden_dir / "official_totals.csv",
        "state_under_review,cycle,received,supported,noted,",
        "state_under_review,cycle,received,supported,noted,rejected,",
    )
    for old, new in (
        ("Atlantis,1,4,3,1,5,", "Atlantis,1,4,3,1,2,5,"),
        ("Atlantis,2,3,2,1,3,", "Atlantis,2,3,2,1,,3,"),
    ):
        replace_in(golden_dir / "official_totals.csv", old, new)
    replace_in(golden_dir / "official_totals.csv", "Atlantis,3,4,3,1,4,", "Atlantis,3,4,3,1,,4,")
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    assert problems_of(golden_dir, database) == [
        "official_totals.csv:2: rejected: 2: more than the noted (1): expected the rejected among the noted"
    ]
    assert fingerprint(database) == before


def test_pending_and_unclassified_are_counted_apart(golden_dir: Path, tmp_path: Path) -> None:
    # Two cycle-1 answers become "awaiting the answer" and "position not read": received stays 4.
    replace_in(
        golden_dir / "recommendations.csv", "Brazil | Chad,supported,Accepted", "Brazil | Chad,pending,"
    )
    replace_in(golden_dir / "recommendations.csv", "Thailand,noted,Rejected", "Thailand,unclassified,Maybe")
    database = tmp_path / "upr.duckdb"
    result = build.run(golden_dir, database)
    with duckdb.connect(str(database), read_only=True) as con:
        row = con.execute(
            "SELECT received, supported, noted, pending, unclassified, reconciles FROM reconciliation WHERE cycle = 1"
        ).fetchone()
        labels = con.execute(
            "SELECT response, response_label FROM recommendations WHERE id IN ('ATL-C1-10.2', 'ATL-C1-10.3') ORDER BY id"
        ).fetchall()
    assert row == (4, 2, 0, 1, 1, False)
    assert labels == [("pending", "Pending"), ("unclassified", "Maybe")]
    assert (
        "Atlantis cycle 1: loaded 4 received / 2 supported / 0 noted / 5 states; official 4 / 3 / 1 / 5; "
        "1 pending (no answer yet); 1 unclassified (position not read)"
    ) in result.differences
