"""Recurring recommendations in the build (issue 14): the links and chains a reader gets, a monitor's
decisions in recurrences.csv, and the exact message for every bad row."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import paths
from etl import build
from tests.etl_helpers import copy_published, fingerprint, problems_of, write

DECISIONS = "earlier_id,later_id,decision,note,source\n"


def rows(database: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def link_of(database: Path, earlier: str, later: str) -> list[tuple]:
    return rows(
        database,
        "SELECT origin, score, instruments, decided_by, note FROM recurrence_links "
        "WHERE earlier_id = ? AND later_id = ?",
        [earlier, later],
    )


@pytest.fixture
def bundled_copy(tmp_path) -> Path:
    return Path(
        shutil.copytree(
            paths.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*", ".builds")
        )
    )


def test_the_bundled_links_are_published_with_their_chains_each_counted_once(bundled_db):
    shipped = (paths.data_dir() / "recurrence_links.csv").read_text().count("\n") - 1
    assert rows(bundled_db, "SELECT count(*) FROM recurrence_links WHERE origin = 'machine'") == [(shipped,)]
    # Checked by hand (docs/recurrence.md): both ask for a national preventive mechanism under OPCAT.
    assert link_of(bundled_db, "KHM-C1-82.11", "KHM-C2-119.9")[0][:3] == ("machine", 97, ["OPCAT"])
    # Every linked recommendation is in exactly one chain; a chain's size is its members.
    (linked,) = rows(
        bundled_db,
        "SELECT count(DISTINCT id) FROM (SELECT earlier_id AS id FROM recurrence_links "
        "UNION ALL SELECT later_id FROM recurrence_links)",
    )[0]
    assert rows(
        bundled_db, "SELECT count(*), count(DISTINCT recommendation_id) FROM recurrence_chain_members"
    ) == [(linked, linked)]
    assert rows(bundled_db, "SELECT sum(recommendations) FROM recurrence_chains") == [(linked,)]
    # The NPM chain: 82.11 in cycle 1, repeated by five cycle-2 recommendations.
    assert rows(
        bundled_db,
        "SELECT recommendations, cycles, first_cycle, last_cycle, illustrative FROM recurrence_chains "
        "WHERE chain_id = (SELECT chain_id FROM recurrence_chain_members WHERE recommendation_id = 'KHM-C1-82.11')",
    ) == [(6, 2, 1, 2, False)]
    # Cycle 3 is illustrative: no machine links into it (docs/recurrence.md says why).
    assert rows(bundled_db, "SELECT count(*) FROM recurrence_links WHERE later_cycle = 3") == [(0,)]


def test_a_monitor_rejects_a_link_confirms_a_suggestion_and_adds_a_missed_one(
    bundled_copy, bundled_db, tmp_path
):
    before = rows(bundled_db, "SELECT count(*) FROM recurrence_links")[0][0]
    assert link_of(bundled_db, "KHM-C1-82.69", "KHM-C2-119.22")  # suggested: penal code / detainees' cases
    assert not link_of(bundled_db, "KHM-C1-82.123", "KHM-C2-118.59")  # missed: birth registration twice
    write(
        bundled_copy / "recurrences.csv",
        DECISIONS
        + "KHM-C1-82.69,KHM-C2-119.22,rejected,Reviewing a law is not reviewing detainees' cases,CCHR monitor\n"
        + "KHM-C1-82.11,KHM-C2-119.9,Confirmed,,CCHR monitor\n"
        + "KHM-C1-82.123,KHM-C2-118.59,confirmed,Both ask that every child's birth be registered,CCHR monitor\n",
    )
    database = tmp_path / "db" / "upr.duckdb"
    result = build.run(bundled_copy, database)
    assert result.row_counts["recurrence_links"] == before  # one removed, one added
    assert link_of(database, "KHM-C1-82.69", "KHM-C2-119.22") == []
    assert link_of(database, "KHM-C1-82.11", "KHM-C2-119.9") == [
        ("confirmed", 97, ["OPCAT"], "CCHR monitor", None)
    ]
    assert link_of(database, "KHM-C1-82.123", "KHM-C2-118.59") == [
        ("confirmed", None, [], "CCHR monitor", "Both ask that every child's birth be registered")
    ]
    assert rows(
        database,
        "SELECT recommendations, confirmed_links FROM recurrence_chains WHERE chain_id = 'KHM-C1-82.123'",
    ) == [(2, 1)]


@pytest.fixture
def published(golden_db, tmp_path):
    """The golden database; a rejected build must leave it byte-identical."""
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    yield database
    assert fingerprint(database) == before, "a rejected build changed the published database"


def test_bad_rows_in_the_recurrence_files_get_the_exact_messages(golden_dir, published):
    with (golden_dir / "recommendations.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            "FRA-C1-1.1,France,1,5,2009,A/HRC/10/2,1.1,Brazil,supported,Accepted,,5,Justice,,,"
            "Reform the courts of France,Golden fixture,false\n"
        )
    write(
        golden_dir / "recurrences.csv",
        DECISIONS
        + "ATL-C1-10.3,ATL-C2-20.1,maybe,,Monitor\n"
        + "ATL-C2-20.1,ATL-C1-10.3,confirmed,,Monitor\n"
        + "ATL-C1-10.9,ATL-C2-20.1,confirmed,,Monitor\n"
        + "ATL-C1-10.3,ATL-C2-20.1,rejected,,Monitor\n"
        + "FRA-C1-1.1,ATL-C2-20.1,confirmed,,Monitor\n"
        + "ATL-C1-10.1,ATL-C2-20.1,confirmed,,\n"
        + "ATL-C1-10.1,ATL-C1-10.1,confirmed,,Monitor\n",
    )
    write(
        golden_dir / "recurrence_links.csv",
        "earlier_id,later_id,score,reasons,instruments,source\n"
        "ATL-C1-10.3,ATL-C2-20.1,120,wording,,linker\n"
        "ATL-C1-10.4,ATL-C2-20.1,60,wording | vibes,,linker\n",
    )
    assert problems_of(golden_dir, published) == [
        "recurrence_links.csv:2: score: 120: out of range: expected a whole number from 0 to 100",
        "recurrence_links.csv:3: reasons: wording | vibes: expected reason codes separated by ' | ': "
        "wording, phrases, instrument, theme, action, recommender",
        "recurrences.csv:2: decision: maybe: expected one of confirmed, rejected",
        "recurrences.csv:3: earlier_id: ATL-C2-20.1: from cycle 2: expected a recommendation from a cycle "
        "before that of later_id ATL-C1-10.3 (cycle 1)",
        "recurrences.csv:4: earlier_id: ATL-C1-10.9: not found: expected an id from recommendations.csv "
        "(did you mean 'ATL-C1-10.1'?)",
        "recurrences.csv:5: earlier_id + later_id: ATL-C1-10.3 / ATL-C2-20.1: a duplicate row: expected each "
        "earlier_id + later_id once (first on line 2)",
        "recurrences.csv:6: earlier_id: FRA-C1-1.1: made to France: expected a recommendation to the same "
        "state under review as later_id ATL-C2-20.1 (Atlantis)",
        "recurrences.csv:7: source: : empty: expected a value (this column must be filled)",
        "recurrences.csv:8: earlier_id: ATL-C1-10.1: from cycle 1: expected a recommendation from a cycle "
        "before that of later_id ATL-C1-10.1 (cycle 1)",
    ]


@pytest.mark.shared
def test_an_import_that_replaces_cycles_1_and_2_drops_their_suggested_links_and_names_a_monitors_decisions(
    shared, bundled_copy, tmp_path, capsys
):
    from etl.__main__ import main as etl_main
    from tests.conftest import run_import

    write(bundled_copy / "recurrences.csv", DECISIONS + "KHM-C1-82.69,KHM-C2-119.22,rejected,,CCHR monitor\n")
    export = shared / "upr-info-export-2015" / "csv"
    status, out, err = run_import(
        capsys, "upr-info", export / "sessions_06-09.csv", export / "sessions_18-20.csv",
        "--state", "Cambodia", "--out", bundled_copy,
    )  # fmt: skip
    assert status == 0, err
    assert "removed 84 suggested recurrence_links.csv links that referred to replaced recommendations" in out
    assert "WARNING: kept 1 recurrences.csv decisions whose recommendation is no longer in the data" in out
    (bundled_copy / "recurrences.csv").unlink()  # the monitor re-points (here: drops) the decision
    assert etl_main(["link", "--data-dir", str(bundled_copy)]) == 0  # the imported texts, linked again
    result = build.run(bundled_copy, tmp_path / "db" / "upr.duckdb")
    assert result.row_counts["recurrence_links"] > 50
