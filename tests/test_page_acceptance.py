"""Acceptance page: the headline rate, and rates with their counts by region, state, theme and action."""

from __future__ import annotations

from conftest import ROOT
from pages_helpers import bar_texts, chart_titled, lines, rows, texts


def test_the_first_screen_answers_how_much_was_supported(run_page, bundled_db):
    at = run_page(bundled_db, "acceptance")
    assert not at.exception
    assert texts(at, "subheader")[0] == "Cycle 3: Cambodia supported 173 of 198 (87%)"
    assert any("illustrative" in w for w in texts(at, "warning"))
    region = rows(chart_titled(at, "By UN regional group"))
    assert region["WEOG"] == "64% of 61"
    assert region["Asia-Pacific"] == "100% of 47"


def test_cycle_2_by_region_is_official_data_with_counts(run_page, bundled_db):
    at = run_page(bundled_db, "acceptance", {"cycle": "2"})
    assert texts(at, "subheader")[0] == "Cycle 2: Cambodia supported 163 of 205 (80%)"
    assert not any("illustrative" in w for w in texts(at, "warning"))
    region = rows(chart_titled(at, "By UN regional group"))
    assert (region["EEG"], region["WEOG"]) == ("56% of 32", "71% of 72")


def test_golden_cycle_1_rates_by_region_count_a_joint_recommendation_for_each_state(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "1"})
    assert texts(at, "subheader")[0] == "Cycle 1: Atlantis supported 3 of 4 (75%)"
    region = rows(chart_titled(at, "By UN regional group"))
    assert region == {
        "African": "100% of 1",
        "EEG": "100% of 1",
        "GRULAC": "100% of 1",
        "WEOG": "100% of 1",
        "Asia-Pacific": "0% of 1",
    }
    by_state = at.dataframe[1].value.set_index("group")
    assert by_state.loc[["Brazil", "Chad"], "received"].tolist() == [1, 1]  # 10.2 is joint
    assert int(by_state["received"].sum()) == 5  # more than the 4 recommendations: said on the page
    assert by_state["illustrative_rows"].sum() == 0
    action = at.dataframe[3].value.set_index("group")
    assert action.loc["5", ["received", "supported"]].tolist() == [2, 1]
    assert action.loc["5", "name"] == "5 · specific action"


def test_small_groups_are_faint(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "1"})
    marker = chart_titled(at, "By UN regional group")["data"][1]["marker"]
    assert set(marker["opacity"]) == {0.35}  # every group has a single recommendation


def test_all_cycles_puts_the_cycles_side_by_side(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "all"})
    assert texts(at, "subheader")[:3] == [
        "Cycle 1: Atlantis supported 3 of 4 (75%)",
        "Cycle 2: Atlantis supported 2 of 3 (67%)",
        "Cycle 3: Atlantis supported 2 of 3 (67%)",
    ]
    themes = chart_titled(at, "By theme")
    assert [trace["name"] for trace in themes["data"][1:]] == ["Cycle 1", "Cycle 2", "Cycle 3"]
    assert bar_texts(themes, "Cycle 1")["Freedom of the press"] == "C1: 50% of 2"
    assert bar_texts(themes, "Cycle 2")["Freedom of the press"] == "C2: 0% of 1"
    assert any("illustrative" in w for w in texts(at, "warning"))


def test_a_chosen_state_narrows_the_state_breakdown_to_itself(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "all", "state": ["France"]})
    assert texts(at, "subheader")[:3] == [
        "Cycle 1: Atlantis supported 1 of 1 (100%)",
        "Cycle 2: Atlantis supported 0 of 1 (0%)",
        "Cycle 3: Atlantis supported 1 of 1 (100%)",
    ]
    by_state = at.dataframe[1].value
    assert set(by_state["group"]) == {"France"}  # not Poland, France's joint partner in cycle 3


def test_the_order_is_in_the_link_and_a_bad_value_gets_a_notice(run_page, golden_db):
    def themes(at):
        return lines(chart_titled(at, "By theme"))

    at = run_page(golden_db, "acceptance", {"cycle": "all"})
    assert themes(at) == ["Justice", "Freedom of the press", "Right to education", "Women's rights"]
    at = run_page(golden_db, "acceptance", {"cycle": "all", "by": "rate"})
    assert at.radio(key="by").value == "rate"
    assert themes(at) == ["Justice", "Right to education", "Women's rights", "Freedom of the press"]
    at = run_page(golden_db, "acceptance", {"by": "sideways"})
    assert at.radio(key="by").value == "count"
    assert any("by=sideways" in i for i in texts(at, "info"))


def test_no_matching_recommendation_is_a_friendly_message(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "2", "state": ["Thailand"]})
    assert not at.exception
    assert any("No recommendations match these filters" in i for i in texts(at, "info"))
    assert not at.get("plotly_chart")


def test_changing_the_cycle_changes_the_headline(run_page, golden_db):
    # AppTest runs only the page script after switch_page, so the sidebar is changed on the router's run.
    at = run_page(golden_db, "", {"cycle": "1"})
    at.selectbox(key="cycle").select("2").run()
    at.switch_page(str(ROOT / "pages" / "acceptance.py")).run()
    assert texts(at, "subheader")[0] == "Cycle 2: Atlantis supported 2 of 3 (67%)"
    assert rows(chart_titled(at, "By UN regional group"))["WEOG"] == "0% of 1"


def test_aggregate_tables_count_their_illustrative_rows(run_page, bundled_db):
    at = run_page(bundled_db, "acceptance", {"cycle": "all"})
    region = at.dataframe[0].value
    cycle_3 = region[region["cycle"] == 3]
    assert (cycle_3["illustrative_rows"] == cycle_3["received"]).all()
    assert region[region["cycle"] < 3]["illustrative_rows"].sum() == 0


def test_a_response_filter_is_explained(run_page, golden_db):
    at = run_page(golden_db, "acceptance", {"cycle": "1", "response": "noted"})
    assert not at.exception
    assert texts(at, "subheader")[0] == "Cycle 1: Atlantis supported 0 of 1 (0%)"
    assert any("every rate here is 0% or 100%" in i for i in texts(at, "info"))
