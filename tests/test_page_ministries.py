"""Progress by ministry: each ministry's load, what moved, where assessors disagree, what is stalled."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from tests.conftest import build_database
from tests.pages_helpers import chart_titled

MOEYS = "Ministry of Education, Youth and Sport"


def table_with(at, column: str):
    """The first table on the page that has ``column``."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_each_ministry_s_lead_and_supporting_load(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all"})
    assert not at.exception
    load = table_with(at, "lead").set_index("ministry")
    assert (load.loc[MOEYS, "lead"], load.loc[MOEYS, "supporting"]) == (2, 1)
    assert (load.loc["Ministry of Justice", "lead"], load.loc["Ministry of Justice", "supporting"]) == (2, 0)
    assert (
        load.loc["Ministry of Information", "lead"],
        load.loc["Ministry of Information", "supporting"],
    ) == (0, 1)
    # Counted over the recommendations each leads: MOEYS's two (20.2, ILLUS-003), both moved per government.
    assert (load.loc[MOEYS, "counted"], load.loc[MOEYS, "government_moved"]) == (2, 2)
    assert load.loc[MOEYS, "civil_society_moved"] == 0


def test_the_first_screen_counts(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all"})
    shown = metrics(at)
    assert shown["Supported recommendations"] == "7"
    assert shown["Moved, says the government"].startswith("4 ")
    assert shown["Moved, says civil society"].startswith("1 ")
    assert shown["They disagree"] == "2"
    assert (shown["No update for a year or more"], shown["Never assessed"]) == ("7", "3")
    assert any("illustrative" in w.value for w in at.warning)


def test_leads_or_supports_counts_the_supporting_ones_too(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all", "role": "all"})
    assert at.radio(key="role").value == "all"
    load = table_with(at, "lead").set_index("ministry")
    assert load.loc[MOEYS, "counted"] == 3
    assert load.loc["Ministry of Information", "counted"] == 1


def test_status_charts_one_per_assessor_with_counts_on_the_bars(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all"})
    government, civil_society = (
        chart_titled(at, f"Latest status: {who}") for who in ("Government", "Civil society")
    )
    bars = {t["name"]: dict(zip(t["y"], t["x"], strict=True)) for t in government["data"]}
    assert bars["Implemented"]["Ministry of Education,<br>Youth and Sport"] == 1
    assert bars["Partially implemented"]["Ministry of Education,<br>Youth and Sport"] == 1
    bars = {t["name"]: dict(zip(t["y"], t["x"], strict=True)) for t in civil_society["data"]}
    # ILLUS-003, led by MOEYS, has no civil-society assessment: it shows as not assessed, not as a gap.
    assert bars["Not assessed"]["Ministry of Education,<br>Youth and Sport"] == 1
    assert bars["Not implemented"]["Ministry of Justice"] == 1
    assert all(t["text"] for t in government["data"])


def test_disagreements_list_both_statuses_with_their_dates(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all"})
    disagree = table_with(at, "civil_society_date").set_index("id")
    assert set(disagree.index) == {"ATL-C2-20.2", "ILLUS-ATL-C3-001"}
    row = disagree.loc["ATL-C2-20.2"]
    assert (row["government_status"], row["civil_society_status"]) == ("Implemented", "Not implemented")
    assert str(row["government_date"])[:10] == "2018-06-01"
    assert str(row["civil_society_date"])[:10] == "2017-03-01"
    assert row["lead_ministry"] == MOEYS


def test_stalled_says_never_assessed_or_when_last(run_page, golden_dir, tmp_path):
    recent = (date.today() - timedelta(days=30)).isoformat()
    with (golden_dir / "progress.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(
            [
                "ATL-C2-20.3",
                recent,
                "civil_society",
                "implemented",
                "Law passed",
                "",
                "NGO coalition",
                "false",
            ]
        )
    at = run_page(build_database(golden_dir, tmp_path / "db"), "ministries", {"cycle": "all"})
    stalled = table_with(at, "never_assessed").set_index("id")
    assert "ATL-C2-20.3" not in stalled.index  # assessed a month ago
    assert set(stalled.index[stalled["never_assessed"]]) == {"ATL-C1-10.1", "ATL-C1-10.2", "ATL-C1-10.4"}
    assert str(stalled.loc["ATL-C2-20.2", "last_assessed"])[:10] == "2018-06-01"
    assert metrics(at)["No update for a year or more"] == "6"


def test_khmer_names_when_reading_in_khmer_and_english_where_there_is_none(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all", "lang": "km"})
    names = set(table_with(at, "lead")["ministry"])
    assert names == {"ក្រសួងអប់រំ យុវជន និងកីឡា", "ក្រសួងយុត្តិធម៌", "Ministry of Information"}


def test_only_noted_recommendations_gives_a_friendly_empty_state(run_page, golden_db):
    at = run_page(golden_db, "ministries", {"cycle": "all", "response": "noted"})
    assert not at.exception
    assert any("No supported recommendation" in i.value for i in at.info)


def test_bundled_data_every_supported_cycle_3_recommendation_has_a_lead(run_page, bundled_db):
    at = run_page(bundled_db, "ministries")
    assert not at.exception
    assert metrics(at)["Supported recommendations"] == "173"
    assert table_with(at, "lead")["lead"].sum() == 173
    assert any("illustrative" in w.value for w in at.warning)
