"""Noted page: the noted recommendations of a cycle, by theme and state, with their latest status."""

from __future__ import annotations

from pages_helpers import bar_texts, chart_titled, rows, texts


def test_bundled_cycle_3_has_the_25_noted_and_says_they_are_illustrative(run_page, bundled_db):
    at = run_page(bundled_db, "noted")
    assert not at.exception
    assert texts(at, "subheader")[0] == "Cycle 3: 25 noted"
    table = at.dataframe[0].value
    assert len(table) == 25 and table["illustrative"].all()
    assert any("illustrative" in w for w in texts(at, "warning"))
    assert any("CCHR" in m and "anyway" in m for m in texts(at, "markdown"))
    assert any("dissolved opposition party" in c for c in texts(at, "caption"))


def test_bundled_cycle_2_shows_the_8_first_listed_as_enjoying_support(run_page, bundled_db):
    at = run_page(bundled_db, "noted", {"cycle": "2"})
    assert texts(at, "subheader")[0] == "Cycle 2: 42 noted"
    assert any("8 as “enjoyed support in the WG report (para 118)”" in i for i in texts(at, "info"))
    table = at.dataframe[0].value.set_index("id")
    assert len(table) == 42 and not table["illustrative"].any()
    assert table.loc["KHM-C2-118.1", "text"] == "see document A/HRC/26/16 para 118.1"
    assert table.loc["KHM-C2-118.1", "wg_position"] == "enjoyed support in the WG report (para 118)"
    assert not any("illustrative" in w for w in texts(at, "warning"))


def test_golden_cycle_2_lists_the_noted_one_with_its_latest_assessment(run_page, golden_db):
    at = run_page(golden_db, "noted", {"cycle": "2"})
    table = at.dataframe[0].value
    assert table["id"].tolist() == ["ATL-C2-20.1"]
    row = table.iloc[0]
    assert (row["recommending_states"], row["text"], row["wg_position"]) == (
        "France",
        "Decriminalise defamation",
        "to be examined",
    )
    assert row["civil_society_status"] == "Not implemented"
    assert str(row["civil_society_date"])[:10] == "2017-03-01"
    assert rows(chart_titled(at, "Noted, by theme")) == {"Freedom of the press": "1"}


def test_all_cycles_count_the_noted_per_cycle(run_page, golden_db):
    at = run_page(golden_db, "noted", {"cycle": "all"})
    assert texts(at, "subheader")[0] == "Cycle 1: 1 noted; Cycle 2: 1 noted; Cycle 3: 1 noted"
    table = at.dataframe[0].value
    assert table["id"].tolist() == ["ATL-C1-10.3", "ATL-C2-20.1", "ILLUS-ATL-C3-002"]
    assert table["response_label"].tolist() == ["Rejected", "Noted", "Noted"]
    by_state = chart_titled(at, "Noted, by recommending state")
    assert [t["name"] for t in by_state["data"][1:]] == ["Cycle 1", "Cycle 2", "Cycle 3"]
    assert bar_texts(by_state, "Cycle 1") == {"Thailand": "C1: 1"}


def test_a_link_seeds_the_view_and_the_response_filter_is_not_applied(run_page, golden_db):
    at = run_page(golden_db, "noted", {"cycle": "1", "response": "supported", "state": ["Thailand"]})
    assert any("Response filter is not applied" in i for i in texts(at, "info"))
    assert at.dataframe[0].value["id"].tolist() == ["ATL-C1-10.3"]


def test_no_noted_recommendation_is_a_friendly_message(run_page, golden_db):
    at = run_page(golden_db, "noted", {"cycle": "2", "state": ["Chad"]})
    assert not at.exception
    assert any("No noted recommendations match these filters" in i for i in texts(at, "info"))
    assert not at.dataframe


def test_a_bad_link_value_falls_back_to_the_latest_cycle(run_page, golden_db):
    # The sidebar's notice about it shows on the first run (the router's page in AppTest).
    at = run_page(golden_db, "noted", {"cycle": "9"})
    assert not at.exception
    assert texts(at, "subheader")[0] == "Cycle 3: 1 noted"


def test_the_table_keeps_source_and_illustrative_columns(run_page, golden_db):
    at = run_page(golden_db, "noted", {"cycle": "3"})
    row = at.dataframe[0].value.iloc[0]
    assert (row["id"], row["source"], bool(row["illustrative"])) == (
        "ILLUS-ATL-C3-002",
        "Illustrative fixture",
        True,
    )
    assert "wg_position" not in at.dataframe[0].value.columns  # no source gives one for cycle 3


def test_the_datas_english_note_is_introduced_as_such_in_khmer(run_page, bundled_db):
    """The note of official_totals.csv stays in English (it is not translated); a Khmer reader is told."""
    from pages_helpers import displayed

    english = [displayed(c.value) for c in run_page(bundled_db, "noted", {"cycle": "3"}).caption]
    khmer = [displayed(c.value) for c in run_page(bundled_db, "noted", {"cycle": "3", "lang": "km"}).caption]
    note = next(c for c in english if "made orally" in c)
    assert f"ដូចដែលអ្នកថែទាំទិន្នន័យបានសរសេរ ជាភាសាអង់គ្លេស៖ {note}" in khmer
