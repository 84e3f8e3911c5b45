"""The app opens on the bundled data and on the golden fixture, and shows the official figures."""

from __future__ import annotations

import pytest

from tests.conftest import PAGES


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_bundled_data(run_page, bundled_db, page):
    at = run_page(bundled_db, page)
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_golden_fixture(run_page, golden_db, page):
    at = run_page(golden_db, page)
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("page", [p for p in PAGES if p])
def test_the_shared_filters_work_on_every_page(run_page, golden_db, page):
    """The filters run with each page, on the page or in the sidebar: changing one reaches the page."""
    at = run_page(golden_db, page, params={"cycle": "1"})
    assert at.selectbox(key="cycle").value == "1"
    at.selectbox(key="cycle").select("2").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["_view"].selection.cycle == 2


@pytest.mark.parametrize("page", [p for p in PAGES if p != "about"])
def test_the_search_and_the_key_filters_are_on_the_page_itself(run_page, golden_db, page):
    """A phone hides the sidebar behind a button: the page's own search and key filters are on it."""
    at = run_page(golden_db, page, params={"cycle": "1"})
    main_keys = {w.key for kind in ("text_input", "selectbox", "multiselect") for w in at.main.get(kind)}
    side_keys = {w.key for kind in ("text_input", "selectbox", "multiselect") for w in at.sidebar.get(kind)}
    assert {"q", "cycle"} <= main_keys, main_keys
    assert not main_keys & side_keys  # each filter once
    assert {"q", "cycle", "response", "state", "region", "theme", "ministry", "status", "assessor"} <= (
        main_keys | side_keys
    )


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_the_official_cycle_3_figures_and_says_they_are_illustrative(run_page, bundled_db):
    at = run_page(bundled_db)
    shown = metrics(at)
    assert (shown["Received"], shown["Supported"], shown["Noted"], shown["Recommending states"]) == (
        "198",
        "173",
        "25",
        "73",
    )
    assert any("illustrative" in w.value for w in at.warning)


def test_overview_cycle_2_matches_the_un_totals_and_is_not_illustrative(run_page, bundled_db):
    at = run_page(bundled_db, params={"cycle": "2"})
    shown = metrics(at)
    assert (shown["Received"], shown["Supported"], shown["Noted"]) == ("205", "163", "42")
    assert not any("illustrative" in w.value for w in at.warning)


def test_a_link_seeds_the_filters_and_unknown_values_get_a_notice(run_page, golden_db):
    at = run_page(golden_db, params={"cycle": "1", "response": "noted", "state": ["Thailand", "Nowhere"]})
    assert at.multiselect(key="state").value == ["Thailand"]
    assert metrics(at)["Received"] == "1"
    assert any("state=Nowhere" in i.value for i in at.info)


def test_changing_a_filter_changes_the_numbers(run_page, golden_db):
    at = run_page(golden_db, params={"cycle": "1"})
    assert metrics(at)["Received"] == "4"
    at.selectbox(key="cycle").select("2").run()
    assert metrics(at)["Received"] == "3"
    at.selectbox(key="cycle").select("all").run()
    assert metrics(at)["Received"] == "10"
