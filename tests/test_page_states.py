"""Recommending-state page: a ranking of every state, or what the chosen ones recommended."""

from __future__ import annotations

from pages_helpers import chart_titled, lines, numbers, texts


def test_without_a_choice_it_ranks_every_state_and_hints_to_pick_one(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "all"})
    assert not at.exception
    assert any("Pick one or more states" in i for i in texts(at, "info"))
    ranking = at.dataframe[0].value
    assert ranking["state"].tolist() == ["Chad", "France", "Brazil", "Poland", "Thailand"]
    assert ranking.set_index("state").loc["France", ["received", "supported", "noted"]].tolist() == [3, 2, 1]
    assert ranking.set_index("state").loc["France", "cycles"] == "1, 2, 3"
    assert ranking["illustrative_rows"].sum() == 4  # 3 illustrative rows, one of them joint


def test_france_across_cycles(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "all", "state": ["France"]})
    assert texts(at, "title")[0] == "What France recommended"
    assert texts(at, "subheader")[0] == (
        "Atlantis received 3 recommendations from France in all cycles and supported 2 (67%)."
    )
    per_cycle = chart_titled(at, "Per cycle")
    assert lines(per_cycle) == [
        "Cycle 1 · 1 · 100% supported",
        "Cycle 2 · 1 · 0% supported",
        "Cycle 3 · 1 · 100% supported",
    ]
    supported, noted = per_cycle["data"][1:3]
    assert (numbers(supported, "x"), numbers(noted, "x")) == ([1, 0, 1], [0, 1, 0])
    assert lines(chart_titled(at, "On which themes")) == [
        "Justice · 2 · 100% supported",
        "Freedom of the press · 1 · 0% supported",
    ]
    table = at.dataframe[0].value
    assert table["id"].tolist() == ["ATL-C1-10.1", "ATL-C2-20.1", "ILLUS-ATL-C3-001"]
    assert table["illustrative"].tolist() == [False, False, True]
    assert any("illustrative" in w for w in texts(at, "warning"))


def test_a_link_to_one_cycle_and_state_seeds_the_view(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "2", "state": ["France"]})
    assert at.session_state["_view"].selection.recommending_states == ("France",)
    assert texts(at, "subheader")[0] == (
        "Atlantis received 1 recommendation from France in cycle 2 and supported 0 (0%)."
    )
    assert at.dataframe[0].value["response"].tolist() == ["Noted"]  # the reader's word, as everywhere
    assert not any("illustrative" in w for w in texts(at, "warning"))


def test_several_states_count_a_joint_recommendation_once(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "all", "state": ["France", "Poland"]})
    assert texts(at, "subheader")[0].startswith("Atlantis received 4 recommendations from France, Poland")
    ranking = at.dataframe[1].value.set_index("state")
    assert ranking["received"].to_dict() == {"France": 3, "Poland": 2}  # 3 + 2 = 5 rows, 4 recommendations
    assert chart_titled(at, "By state")


def test_a_regional_group(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "1", "region": "GRULAC"})
    assert texts(at, "title")[0] == "What GRULAC recommended"
    assert at.dataframe[0].value["id"].tolist() == ["ATL-C1-10.2"]
    assert at.dataframe[1].value["state"].tolist() == ["Brazil"]  # not Chad, its joint partner


def test_bundled_france(run_page, bundled_db):
    at = run_page(bundled_db, "states", {"cycle": "all", "state": ["France"]})
    assert not at.exception
    assert texts(at, "subheader")[0] == (
        "Cambodia received 12 recommendations from France in all cycles and supported 7 (58%)."
    )


def test_an_unknown_state_is_left_out_and_the_ranking_shows(run_page, golden_db):
    # The sidebar's notice about it shows on the first run (the router's page in AppTest).
    at = run_page(golden_db, "states", {"state": ["Nowhere"]})
    assert not at.exception
    assert at.session_state["_view"].selection.recommending_states == ()
    assert any("Pick one or more states" in i for i in texts(at, "info"))
    assert len(at.dataframe[0].value) == 4  # cycle 3: France, Poland, Thailand, Chad


def test_no_matching_recommendation_is_a_friendly_message(run_page, golden_db):
    at = run_page(golden_db, "states", {"cycle": "2", "state": ["Thailand"]})
    assert not at.exception
    assert any("No recommendations match these filters" in i for i in texts(at, "info"))
