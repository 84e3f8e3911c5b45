"""Asked again (issue 14): "asked before" in the Explorer and the /recurring page, with the numbers a
reader sees, on the bundled Cambodia links (hand-checked in docs/recurrence.md) and on a small
three-cycle chain added to the golden fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import GOLDEN, build_database
from tests.etl_helpers import write
from tests.pages_helpers import chart_titled, lines
from tests.test_tables import KHMER, headers


def table_with(at, column: str):
    """The first table with ``column``."""
    tables = [d.value for d in at.dataframe if column in d.value.columns]
    assert tables, [list(d.value.columns) for d in at.dataframe]
    return tables[0]


def asked_before(at):
    return next(d.value for d in at.dataframe if "link" in d.value.columns)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def texts(at, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def rows(database: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, params).fetchall()


# --- the bundled Cambodia links -------------------------------------------------------------------


def test_a_hand_checked_pair_is_in_the_explorers_asked_before_with_how_sure_and_why(run_page, bundled_db):
    # docs/recurrence.md: 82.11 (cycle 1) and 119.9 (cycle 2) both ask for a national preventive
    # mechanism under OPCAT; the linker scores the pair 97.
    at = run_page(bundled_db, "explore", {"rec": "KHM-C2-119.9"})
    assert not at.exception
    assert "Asked before" in texts(at, "subheader")
    earlier = asked_before(at)
    assert earlier["id"].tolist() == ["KHM-C1-82.11"]
    row = earlier.iloc[0]
    assert (row["cycle"], row["paragraph"], row["recommending_states"], row["response"]) == (
        1,
        "82.11",
        "Denmark",
        "Supported",
    )
    assert row["document_url"] == "https://undocs.org/A/HRC/13/4"
    assert row["link"] == "≈ Suggested by the linker (score 97 of 100)"
    assert row["why"].startswith(
        "similar wording, shared key phrases, names the same treaty or institution (OPCAT)"
    )
    assert (row["government_status"], row["civil_society_status"]) == ("–", "–")  # cycles 1-2: never assessed
    assert any(
        "1 recommendation of an earlier review asked for the same thing" in c for c in texts(at, "caption")
    )
    # The other way round: 82.11 is asked again by 119.9 (and 118.13), surest first.
    at = run_page(bundled_db, "explore", {"rec": "KHM-C1-82.11"})
    assert "Asked again later" in texts(at, "subheader")
    assert asked_before(at)["id"].tolist() == ["KHM-C2-119.9", "KHM-C2-118.13"]
    assert [p.label for p in at.get("page_link")] == ["The whole chain: 6 recommendations over 2 cycles"]


def test_an_unrelated_pair_with_a_shared_theme_is_not_linked(run_page, bundled_db):
    # 82.27 asks for a law defining discrimination against women; 118.151 for information on
    # reproductive health: both under "Women's rights", two different asks (docs/recurrence.md).
    at = run_page(bundled_db, "explore", {"rec": "KHM-C2-118.151"})
    assert not at.exception
    facts = next(t for t in texts(at, "text") if t.startswith("Review:"))
    assert "Women's rights" in facts
    assert not [d for d in at.dataframe if "link" in d.value.columns]
    assert "No recommendation of an earlier cycle is linked to this one." in texts(at, "caption")


def test_the_recurring_page_counts_reconcile_with_the_published_chains(run_page, bundled_db):
    at = run_page(bundled_db, "recurring", {"cycle": "2"})
    assert not at.exception
    # docs/recurrence.md: 84 links from 47 cycle-2 to 33 cycle-1 recommendations, in 20 chains; the
    # largest (the NHRI chain) holds 14 recommendations and 30 links.
    assert metrics(at) == {
        "Chains": "20",
        "Recommendations in them": "80",
        "Asked again": "47",
        "Largest chain": "14",
    }
    ((chains, members, links),) = rows(
        bundled_db,
        "SELECT count(*), sum(recommendations), sum(links) FROM recurrence_chains "
        "WHERE state_under_review = 'Cambodia' AND last_cycle = 2",
    )
    assert (chains, members, links) == (20, 80, 84)
    assert any(
        "These 20 chains hold 80 recommendations: 33 first asked and 47 asked again." in c
        for c in texts(at, "caption")
    )
    assert "**Cycle 2**: 47 of 205 recommendations (23%) repeat an earlier one." in texts(at, "markdown")
    table = table_with(at, "chain_id")
    assert len(table) == chains and table["recommendations"].sum() == members
    assert table["recommendations"].is_monotonic_decreasing  # most often asked first
    nhri = table.iloc[0]
    assert (nhri["recommendations"], nhri["cycle_list"], nhri["links"]) == (14, "1, 2", 30)
    assert nhri["newest"] == "KHM-C2-118.28 and 9 more"  # a large chain in one row
    # By theme: the NHRI theme, 10 of its 12 cycle-2 recommendations repeat an earlier one.
    themes = table_with(at, "theme").set_index("theme")
    assert (themes.loc["NHRI", "repeats"], themes.loc["NHRI", "recommendations"]) == (10, 12)
    figure = chart_titled(at, "Cycle 2: repeats by theme")
    assert lines(figure)[:2] == ["International instruments · 10 of 32", "NHRI · 10 of 12"]


def test_the_default_cycle_has_no_chain_and_says_where_they_end(run_page, bundled_db):
    at = run_page(bundled_db, "recurring")
    assert not at.exception
    assert metrics(at)["Chains"] == "0"
    assert any("Chains of Cambodia end in: Cycle 2: 20 chains." in i for i in texts(at, "info"))
    assert any(
        "They are illustrative, and illustrative recommendations are never linked." in c
        for c in texts(at, "caption")
    )


# --- a three-cycle chain on the golden fixture -----------------------------------------------------

LINKS = (
    "earlier_id,later_id,score,reasons,instruments,source\n"
    "ATL-C1-10.3,ATL-C2-20.1,70,wording | theme,,Test linker\n"
    "ATL-C1-10.1,ATL-C2-20.3,56,theme | action,,Test linker\n"
)
# A monitor links the cycle-3 placeholder on the press to 20.1 by hand.
DECISIONS = (
    "earlier_id,later_id,decision,note,source\n"
    "ATL-C2-20.1,ILLUS-ATL-C3-002,confirmed,Same ask again,Test monitor\n"
)


@pytest.fixture(scope="module")
def chained_db(tmp_path_factory) -> Path:
    data = Path(shutil.copytree(GOLDEN, tmp_path_factory.mktemp("chained") / "data"))
    write(data / "recurrence_links.csv", LINKS)
    write(data / "recurrences.csv", DECISIONS)
    return build_database(data, tmp_path_factory.mktemp("chained-db"))


def test_asked_before_is_newest_first_and_tells_confirmed_suggested_and_indirect_apart(run_page, chained_db):
    at = run_page(chained_db, "explore", {"rec": "ILLUS-ATL-C3-002"})
    assert not at.exception
    earlier = asked_before(at)
    assert earlier["id"].tolist() == ["ATL-C2-20.1", "ATL-C1-10.3"]
    assert earlier["cycle"].tolist() == [2, 1]
    assert earlier["link"].tolist() == ["✔ Confirmed by a monitor", "… through ATL-C2-20.1"]
    # 20.1's latest civil-society status (2017) is shown beside it.
    assert earlier["civil_society_status"].tolist() == ["Not implemented", "–"]
    at = run_page(chained_db, "explore", {"rec": "ATL-C2-20.1", "lang": "km"})
    assert asked_before(at)["link"].tolist() == ["≈ ស្នើឡើងដោយកម្មវិធីភ្ជាប់ (ពិន្ទុ 70 លើ 100)"]
    assert "បានស្នើពីមុន" in texts(at, "subheader")


def test_chains_are_picked_by_their_newest_recommendations(run_page, chained_db):
    at = run_page(chained_db, "recurring", {"cycle": "all"})
    table = table_with(at, "chain_id")
    assert table["chain_id"].tolist() == ["ATL-C1-10.3", "ATL-C1-10.1"]  # 3 recommendations, then 2
    assert table["cycle_list"].tolist() == ["1, 2, 3", "1, 2"]
    assert table["illustrative"].tolist() == [True, False]
    assert metrics(at) == {
        "Chains": "2",
        "Recommendations in them": "5",
        "Asked again": "3",
        "Largest chain": "3",
    }
    # Cycle 2: only the chain whose newest recommendation (20.3) is in cycle 2.
    at = run_page(chained_db, "recurring", {"cycle": "2"})
    assert table_with(at, "chain_id")["chain_id"].tolist() == ["ATL-C1-10.1"]
    # The newest's latest status, and the status filter on it: 20.3 is partially implemented.
    row = table_with(at, "chain_id").iloc[0]
    assert (row["government_status"], row["civil_society_status"]) == ("Partially implemented",) * 2
    at = run_page(chained_db, "recurring", {"cycle": "all", "status": "implemented"})
    assert metrics(at)["Chains"] == "0"
    # By theme, cycle 2: the press (20.1) and justice (20.3) repeat, education (20.2) does not.
    at = run_page(chained_db, "recurring", {"cycle": "2"})
    themes = table_with(at, "theme").set_index("theme")
    assert themes["repeats"].to_dict() == {
        "Freedom of the press": 1,
        "Justice": 1,
        "Women's rights": 1,
        "Right to education": 0,
    }
    assert "**Cycle 2**: 2 of 3 recommendations (67%) repeat an earlier one." in texts(at, "markdown")


def test_a_link_to_a_chain_opens_it_even_outside_the_filters(run_page, chained_db):
    at = run_page(chained_db, "recurring", {"cycle": "2", "chain": "ATL-C1-10.3"})
    assert not at.exception
    assert at.selectbox(key="chain").value == "ATL-C1-10.3"
    assert any("outside your current filters" in c for c in texts(at, "caption"))
    members = next(
        d.value for d in at.dataframe if "document_url" in d.value.columns and "link" not in d.value.columns
    )
    assert members["id"].tolist() == ["ILLUS-ATL-C3-002", "ATL-C2-20.1", "ATL-C1-10.3"]
    links = next(d.value for d in at.dataframe if "later_id" in d.value.columns)
    assert links["link"].tolist() == [
        "✔ Confirmed by a monitor",
        "≈ Suggested by the linker (score 70 of 100)",
    ]
    at = run_page(chained_db, "recurring", {"chain": "NOPE"})
    assert any("chain=NOPE" in i for i in texts(at, "info"))


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_new_table_speaks_the_readers_language(run_page, chained_db, lang):
    """tests/test_tables.py's rule on data with links (the golden fixture has none): a header in the
    reader's language for every column, never a database name, and no missing value shown as None."""
    views = [
        ("recurring", {"cycle": "all", "chain": "ATL-C1-10.3"}),
        ("explore", {"cycle": "all", "rec": "ILLUS-ATL-C3-002"}),
    ]
    for page, params in views:
        at = run_page(chained_db, page, params | {"lang": lang})
        assert len(at.dataframe) >= 2
        for table in at.dataframe:
            for column, header in headers(table).items():
                assert "_" not in header, (page, column, header)
                assert lang == "en" or KHMER.search(header), (page, column, header)
            text = [c for c in table.value.columns if table.value[c].dtype == object]
            assert not table.value[text].isna().any().any(), (page, text)


def test_a_cycle_where_no_chain_ends_points_to_the_cycle_that_has_them(run_page, bundled_db):
    """The default view (cycle 3, illustrative, without texts to link) is empty: the page says where the
    chains are and opens that cycle in one tap, the rest of the view kept."""
    at = run_page(bundled_db, "recurring", {"cycle": "3", "lang": "km"})
    assert not at.exception
    infos = [i.value for i in at.info]
    assert any("វដ្តទី 3" in i and "វដ្តទី 2" in i for i in infos), infos
    assert [m.value for m in at.metric][0] == "0"
    # One tap: cycle 2's chains. (In English: AppTest formats the chain picker's options outside the run,
    # where the session's language is unknown, and then cannot find the Khmer label it was given.)
    at = run_page(bundled_db, "recurring", {"cycle": "3", "q": "torture"})
    at.button(key="recurring_elsewhere").click().run()
    assert (
        at.session_state["_view"].selection.cycle == 2
        and at.session_state["_view"].selection.search == "torture"
    )
    assert [m.value for m in at.metric][0] != "0", [m.value for m in at.metric]
    at = run_page(bundled_db, "recurring", {"cycle": "2"})
    assert not any("No chain of recurring" in i.value for i in at.info)  # where chains end: no pointer
