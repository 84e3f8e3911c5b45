"""The linker (issue 14): which earlier recommendations a recommendation repeats, on made-up and real texts.

Real texts are read from ../shared at test time; the bundled links (data/recurrence_links.csv) must be
exactly what the code computes from them, so the file in the repository can always be re-derived.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

import paths
from etl import build, derive_cambodia
from etl.__main__ import main as etl_main
from etl.canonical_csv import read_rows
from etl.recurrence.linker import DEFAULT_THRESHOLD, Item, link
from tests.etl_helpers import replace_in


def item(id_: str, cycle: int, text: str, themes=(), action=None, states=()) -> Item:
    return Item(id_, "Atlantis", cycle, text, frozenset(themes), action, frozenset(states))


def pairs(links) -> set[tuple[str, str]]:
    return {(link.earlier_id, link.later_id) for link in links}


def test_the_same_treaty_named_differently_is_linked_and_different_treaties_are_not():
    items = [
        item("A1", 1, "Ratify the Optional Protocol to the Convention against Torture (France)"),
        item("A2", 1, "Ratify and bring into domestic law the Convention on the Rights of Persons with "
             "Disabilities (Chad)"),
        item("B1", 2, "Ratify OP-CAT (Brazil)"),
        # Word for word like A2, but another treaty: not the same ask.
        item("B2", 2, "Ratify and bring into domestic law the International Convention for the Protection of "
             "All Persons from Enforced Disappearance (Chad)"),
    ]  # fmt: skip
    found = link(items)
    assert pairs(found) == {("A1", "B1")}
    assert found[0].instruments == ("OPCAT",)
    assert "instrument" in found[0].reasons


def test_a_shared_theme_action_and_recommending_state_alone_never_make_a_link():
    shared_context = {"themes": ("Women's rights",), "action": 4, "states": ("Chad",)}
    items = [
        item("A1", 1, "Adopt a law against domestic violence", **shared_context),
        item("B1", 2, "Increase the number of women in parliament", **shared_context),
    ]
    assert link(items) == []
    (scored,) = link(items, threshold=0)
    assert scored.reasons == ("theme", "action", "recommender")
    assert scored.score < DEFAULT_THRESHOLD - 20  # the three nudges add 12 points, the words little


def test_only_earlier_cycles_of_the_same_state_under_review_are_compared():
    items = [
        item("A2", 2, "Issue a standing invitation to all special procedures"),
        item("B1", 1, "Issue a standing invitation to the special procedures"),
        Item("X1", "Utopia", 1, "Issue a standing invitation to all special procedures"),
        item("C2", 2, "Issue a standing invitation to all special procedures"),
    ]
    assert pairs(link(items)) == {("B1", "A2"), ("B1", "C2")}


def test_the_result_does_not_depend_on_the_order_of_the_input():
    items = [
        item(
            "A1", 1, "Establish a national human rights institution that complies with the Paris Principles"
        ),
        item("A2", 1, "Combat trafficking in persons, in particular women and children"),
        item("B1", 2, "Establish an independent NHRI"),
        item("B2", 2, "Redouble efforts to combat trafficking in persons"),
        item("C1", 3, "Establish without delay a national human rights institution"),
    ]
    assert link(items) == link(list(reversed(items)))
    assert pairs(link(items)) == {("A1", "B1"), ("A2", "B2"), ("A1", "C1"), ("B1", "C1")}


def test_python_m_etl_link_links_a_repeated_ask_not_a_same_theme_neighbour_and_is_idempotent(
    golden_dir, tmp_path, capsys
):
    # A cycle-2 recommendation that repeats ATL-C1-10.3 ("Repeal the press law") in other words.
    recommendations = golden_dir / "recommendations.csv"
    replace_in(
        recommendations,
        "ILLUS-ATL-C3-001",
        "ATL-C2-20.4,Atlantis,2,18,2014,A/HRC/20/1,20.4,France,noted,Noted,,5,Freedom of the press,,,"
        '"Repeal its press law, as recommended in the first review",Golden fixture,false\nILLUS-ATL-C3-001',
    )
    assert etl_main(["link", "--data-dir", str(golden_dir)]) == 0
    first = (golden_dir / "recurrence_links.csv").read_bytes()
    assert etl_main(["link", "--data-dir", str(golden_dir)]) == 0
    assert (golden_dir / "recurrence_links.csv").read_bytes() == first
    assert "1 link(s) at score >= 55" in capsys.readouterr().out

    database = tmp_path / "db" / "upr.duckdb"
    result = build.run(golden_dir, database)
    assert result.row_counts["recurrence_links"] == 1
    with duckdb.connect(str(database), read_only=True) as con:
        links = con.execute(
            "SELECT earlier_id, later_id, origin, illustrative FROM recurrence_links"
        ).fetchall()
        assert links == [("ATL-C1-10.3", "ATL-C2-20.4", "machine", False)]
        assert con.execute("SELECT chain_id, recommendations, cycles FROM recurrence_chains").fetchall() == [
            ("ATL-C1-10.3", 2, 2)
        ]
        # 10.2 (girls in school) and 20.2 (rural schools) share a theme and Chad, and ask different things.
        (shared,) = con.execute(
            "SELECT list_intersect(a.themes, b.themes) || list_intersect(a.recommending_states, "
            "b.recommending_states) FROM recommendations a, recommendations b "
            "WHERE a.id = 'ATL-C1-10.2' AND b.id = 'ATL-C2-20.2'"
        ).fetchone()
        assert sorted(shared) == ["Chad", "Right to education"]


def test_illustrative_placeholders_are_not_linked_unless_asked(golden_dir):
    replace_in(golden_dir / "recommendations.csv", "ILLUSTRATIVE placeholder on justice", "Reform the courts")
    assert etl_main(["link", "--data-dir", str(golden_dir)]) == 0
    assert read_rows(golden_dir / "recurrence_links.csv") == []
    assert etl_main(["link", "--data-dir", str(golden_dir), "--include-illustrative"]) == 0
    rows = read_rows(golden_dir / "recurrence_links.csv")
    assert [(r["earlier_id"], r["later_id"]) for r in rows] == [("ATL-C1-10.1", "ILLUS-ATL-C3-001")]


# Real texts: the Cambodia cycles in ../shared.


@pytest.fixture(scope="module")
def cambodia_links(shared):
    return link(derive_cambodia.cambodia_items(shared))


@pytest.mark.shared
def test_a_pair_checked_by_hand_is_linked_for_the_reason_a_reader_would_give(cambodia_links):
    # Both ask for an independent national preventive mechanism under the OPCAT (docs/recurrence.md).
    found = {(x.earlier_id, x.later_id): x for x in cambodia_links}
    known = found[("KHM-C1-82.11", "KHM-C2-119.9")]
    assert known.score >= DEFAULT_THRESHOLD
    assert known.instruments == ("OPCAT",)
    assert {"wording", "instrument"} <= set(known.reasons)


@pytest.mark.shared
def test_a_real_unrelated_pair_with_a_shared_theme_is_not_linked(shared, cambodia_links):
    # 82.27 asks for a law defining discrimination against women; 118.151 for information on
    # reproductive health for women: both "Women's rights", two different asks.
    items = {i.id: i for i in derive_cambodia.cambodia_items(shared)}
    assert "Women's rights" in items["KHM-C1-82.27"].themes & items["KHM-C2-118.151"].themes
    assert ("KHM-C1-82.27", "KHM-C2-118.151") not in pairs(cambodia_links)


@pytest.mark.shared
def test_the_bundled_links_are_what_the_code_derives_from_the_real_texts_every_time(shared, tmp_path):
    data = Path(
        shutil.copytree(paths.data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    )
    derive_cambodia.run(shared, data)
    derived = (data / "recurrence_links.csv").read_bytes()
    assert derived == (paths.data_dir() / "recurrence_links.csv").read_bytes()
    derive_cambodia.run(shared, data)
    assert (data / "recurrence_links.csv").read_bytes() == derived
    assert b"(" not in derived.split(b"\n", 1)[1].replace(b"(threshold", b"")  # ids and codes, no texts


@pytest.mark.shared
def test_choosing_which_pairs_to_score_loses_no_link_on_the_real_texts(shared, cambodia_links):
    # rapidfuzz runs only on pairs that could reach the threshold; scoring every pair finds the same.
    everything = link(derive_cambodia.cambodia_items(shared), prune=False)
    assert cambodia_links == everything
    assert len(everything) == len((paths.data_dir() / "recurrence_links.csv").read_text().splitlines()) - 1
