"""Views as of a date (issue 14): ``as_of=YYYY-MM-DD`` shows statuses, disagreements and stalled
recommendations as they stood on that day; a day the data cannot answer for gets a notice.

The golden fixture's ATL-C2-20.2: the government said partially implemented on 2016-05-01 and
implemented on 2018-06-01; civil society said not implemented on 2017-03-01.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from tests.pages_helpers import chart_titled, displayed

NOTICE = "Some link values were not recognised and were left out: "


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def infos(at) -> list[str]:
    """The info boxes' text as a reader sees it (without Markdown's escaping backslashes)."""
    return [displayed(i.value) for i in at.info]


def statuses(at, rec_id: str) -> tuple[str, str]:
    row = table_with(at, "government_status").set_index("id").loc[rec_id]
    return row["government_status"], row["civil_society_status"]


def test_before_an_assessment_the_explorer_shows_the_earlier_status(run_page, golden_db):
    now = run_page(golden_db, "explore", {"cycle": "all"})
    assert statuses(now, "ATL-C2-20.2") == ("Implemented", "Not implemented")
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2017-01-01"})
    assert not at.exception
    assert statuses(at, "ATL-C2-20.2") == ("Partially implemented", "–")  # civil society: not yet
    assert statuses(at, "ATL-C2-20.1") == ("–", "–")
    assert at.date_input(key="as_of").value == date(2017, 1, 1)
    assert any(
        i.startswith("Statuses as they stood on Jan 1, 2017: the latest assessment on or before")
        for i in infos(at)
    )
    # On the day itself, the assessment of that day counts.
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2018-06-01"})
    assert statuses(at, "ATL-C2-20.2") == ("Implemented", "Not implemented")


def test_the_history_stops_at_the_day_and_the_status_filter_judges_on_it(run_page, golden_db):
    at = run_page(golden_db, "explore", {"rec": "ATL-C2-20.2", "as_of": "2017-06-01"})
    history = table_with(at, "evidence_url")
    assert history["status"].tolist() == ["Partially implemented", "Not implemented"]  # not the 2018 one
    implemented = {"cycle": "2", "status": "implemented", "assessor": "government"}
    assert "1 recommendation" in [s.value for s in run_page(golden_db, "explore", implemented).subheader]
    at = run_page(golden_db, "explore", implemented | {"as_of": "2017-06-01"})
    assert "0 recommendations" in [s.value for s in at.subheader]


def test_ministries_disagreements_and_stalled_as_they_stood(run_page, golden_db):
    now = metrics(run_page(golden_db, "ministries", {"cycle": "2"}))
    assert (now["They disagree"], now["No update for a year or more"]) == ("1", "2")
    at = run_page(golden_db, "ministries", {"cycle": "2", "as_of": "2017-06-01"})
    assert not at.exception
    then = metrics(at)
    # 20.2: partially (government) vs not implemented (civil society); both last assessed 2017-03-01,
    # 92 days before: not stalled then.
    assert (then["They disagree"], then["No update for a year or more"]) == ("1", "0")
    disagree = table_with(at, "civil_society_date").set_index("id")
    assert disagree.loc["ATL-C2-20.2", "government_status"] == "Partially implemented"
    assert then["Moved, says the government"] == "2 (100%)"


def test_noted_recommendations_as_they_stood(run_page, golden_db):
    # Civil society assessed 20.1 (noted) on 2017-03-01: not yet on New Year's Day.
    at = run_page(golden_db, "noted", {"cycle": "2", "as_of": "2017-01-01"})
    row = table_with(at, "civil_society_status").set_index("id").loc["ATL-C2-20.1"]
    assert row["civil_society_status"] == "–" and pd.isna(
        row["civil_society_date"]
    )  # not assessed, as on every page
    at = run_page(golden_db, "noted", {"cycle": "2", "as_of": "2017-03-01"})
    row = table_with(at, "civil_society_status").set_index("id").loc["ATL-C2-20.1"]
    assert (row["civil_society_status"], str(row["civil_society_date"])[:10]) == (
        "Not implemented",
        "2017-03-01",
    )


def test_progress_over_time_per_quarter_and_assessor(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "2", "as_of": "2018-06-30"})
    table = table_with(at, "quarter_end")
    by = {(str(r.quarter)[:10], r.assessor): r for r in table.itertuples()}
    first = by[("2016-04-01", "Government")]
    assert (first.partially_implemented, first.implemented) == (2, 0)
    assert by[("2016-04-01", "Civil society")].not_assessed == 2
    last = by[("2018-04-01", "Government")]
    assert (last.implemented, last.partially_implemented, str(last.quarter_end)[:10]) == (1, 1, "2018-06-30")
    assert by[("2017-01-01", "Civil society")].not_implemented == 1  # 20.2, assessed 2017-03-01
    assert len(table) == 9 * 2  # Q2 2016 to Q2 2018, two assessors
    chart = chart_titled(at, "Status at each quarter's end: Government")
    assert chart["data"][0]["x"][0] == "Q2 2016" and chart["data"][0]["x"][-1] == "Q2 2018"


def test_a_day_out_of_range_gets_a_notice_and_todays_statuses(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2015-12-31"})
    assert not at.exception
    assert NOTICE + (
        "as_of=2015-12-31 (before the first assessment in the data, May 1, 2016: statuses are shown as "
        "they stand now)"
    ) in infos(at)
    assert statuses(at, "ATL-C2-20.2") == ("Implemented", "Not implemented")
    assert at.date_input(key="as_of").value is None
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2999-01-01"})
    assert any("as_of=2999-01-01 (after the data was built, " in i for i in infos(at))
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "1/3/2017"})
    assert NOTICE + "as_of=1/3/2017 (not a date: write it as YYYY-MM-DD)" in infos(at)


def test_in_khmer_the_days_are_in_khmer(run_page, golden_db):
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2017-01-01", "lang": "km"})
    assert any(i.startswith("ស្ថានភាពដូចដែលមាននៅថ្ងៃ 1 មករា 2017") for i in infos(at))
    at = run_page(golden_db, "explore", {"cycle": "all", "as_of": "2015-12-31", "lang": "km"})
    assert any("1 ឧសភា 2016" in i for i in infos(at))
