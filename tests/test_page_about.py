"""About the data: sources per cycle, what is illustrative, how counts are derived, freshness, citation."""

from __future__ import annotations

import hashlib

from tests.conftest import GOLDEN


def table_with(at, column: str):
    return next(d.value for d in at.dataframe if column in d.value.columns)


def page_text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def test_sources_per_cycle_show_the_official_totals_and_the_difference(run_page, golden_db):
    at = run_page(golden_db, "about")
    assert not at.exception
    sources = table_with(at, "official_received").set_index("cycle")
    assert list(sources.index) == [1, 2, 3]
    assert (sources.loc[3, "received"], sources.loc[3, "official_received"]) == (3, 4)
    assert not sources.loc[3, "reconciles"] and sources.loc[1, "reconciles"]
    assert sources.loc[1, "source_url"] == "https://example.org/c1"
    assert sources.loc[3, "note"].startswith("One recommendation missing on purpose")


def test_what_is_illustrative_is_counted(run_page, golden_db):
    at = run_page(golden_db, "about")
    counts = table_with(at, "official").set_index("rows_of")
    assert counts.loc["Recommendations"].tolist() == [10, 7, 3]
    assert counts.loc["Ministry assignments"].tolist() == [6, 3, 3]
    assert counts.loc["Assessments"].tolist() == [9, 6, 3]
    # The plan: ILLUS-ATL-A3 and its indicator and value are made up (tests/fixtures/golden/README.md).
    assert counts.loc["Actions of the government's plan"].tolist() == [3, 2, 1]
    assert counts.loc["Indicators of the plan"].tolist() == [2, 1, 1]
    assert counts.loc["Indicator values"].tolist() == [4, 3, 1]
    assert any("illustrative" in w.value for w in at.warning)


def test_last_update_lists_each_source_file_with_its_hash(run_page, golden_db):
    at = run_page(golden_db, "about")
    files = table_with(at, "sha256_prefix").set_index("file")
    assert set(files.index) == {p.name for p in GOLDEN.glob("*.csv")}  # every file the build read
    assert files.loc["progress.csv", "rows"] == 9
    expected = hashlib.sha256((GOLDEN / "progress.csv").read_bytes()).hexdigest()[:12]
    assert files.loc["progress.csv", "sha256_prefix"] == expected
    shown = {m.label: m.value for m in at.metric}
    assert shown["Latest assessment"] == "Jan 1, 2022"  # CLDR's medium date, as on every page


def test_bundled_data_explains_the_cambodia_counts_licence_and_citation(run_page, bundled_db):
    at = run_page(bundled_db, "about")
    assert not at.exception
    sources = table_with(at, "official_received").set_index("cycle")
    assert sources.loc[2, ["received", "supported", "noted"]].tolist() == [205, 163, 42]
    assert sources["reconciles"].all()
    text = page_text(at)
    for fact in (
        "38 noted and 4 rejected",
        "**134**",
        "**138**",
        "82.13",
        "Brunei Darussalam",
        "data/README.md",
        "MIT",
    ):
        assert fact in text, fact
    citation = at.code[0].value
    assert "UPR recommendations to Cambodia" in citation and "accessed" in citation


def test_about_names_where_each_cycles_recommendations_come_from(run_page, bundled_db):
    at = run_page(bundled_db, "about")
    sources = next(
        d.value for d in at.dataframe if {"illustrative_rows", "source", "rows"} <= set(d.value.columns)
    )
    cycle_1 = sources[sources["cycle"] == 1]
    assert cycle_1["rows"].sum() == 134 and cycle_1["illustrative_rows"].sum() == 0
    # The corrected item is its own source line: 82.13 credited to Brunei Darussalam per the UN report.
    assert any("known error" in s and n == 1 for s, n in zip(cycle_1["source"], cycle_1["rows"], strict=True))
    cycle_3 = sources[sources["cycle"] == 3]
    assert (cycle_3["rows"].sum(), cycle_3["illustrative_rows"].sum()) == (198, 198)  # all illustrative
