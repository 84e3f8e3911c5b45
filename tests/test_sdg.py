"""Sustainable Development Goals (issue 14): the ``sdg`` filter, acceptance and progress by goal, goal
names in both languages, and what the pages say when the data names no goal."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import GOLDEN, build_database, run_import
from tests.etl_helpers import replace_in
from tests.pages_helpers import chart_titled, lines

NO_GOAL = "None of these recommendations names a Sustainable Development Goal."


@pytest.fixture(scope="module")
def goals_db(tmp_path_factory) -> Path:
    """The golden fixture with goals on cycle 2 too: 10.2 names goals 4 and 5 (as shipped), 20.2 target
    4.1, 20.3 goal 5 and "SDG 16.3" (a target written with its prefix)."""
    data = Path(shutil.copytree(GOLDEN, tmp_path_factory.mktemp("goals") / "data"))
    recommendations = data / "recommendations.csv"
    replace_in(recommendations, "Right to education,,,Build schools", "Right to education,4.1,,Build schools")
    replace_in(
        recommendations,
        "Women's rights | Justice,,,Consider",
        "Women's rights | Justice,5 | SDG 16.3,,Consider",
    )
    return build_database(data, tmp_path_factory.mktemp("goals-db"))


def subheaders(at) -> list[str]:
    return [s.value for s in at.subheader]


def table_with(at, column: str, value: str | None = None):
    for frame in (d.value for d in at.dataframe):
        if column in frame.columns and (value is None or value in frame[column].astype(str).tolist()):
            return frame
    raise AssertionError(f"no table with {column}")


@pytest.mark.parametrize(
    ("goal", "expected"),
    [("4", 2), ("5", 2), ("16", 1), ("1", 0)],
)
def test_the_goal_filter_counts_goals_and_their_targets(run_page, goals_db, goal, expected):
    at = run_page(goals_db, "explore", {"cycle": "all", "sdg": goal})
    assert not at.exception
    noun = "recommendation" if expected == 1 else "recommendations"
    assert f"{expected} {noun}" in subheaders(at)
    assert at.selectbox(key="sdg").value == goal
    if goal == "16":  # "SDG 16.3" is a target of goal 16
        assert table_with(at, "recommending_states")["id"].tolist() == ["ATL-C2-20.3"]


def test_acceptance_by_goal_with_its_coverage(run_page, goals_db):
    at = run_page(goals_db, "acceptance", {"cycle": "all"})
    assert not at.exception
    assert "By Sustainable Development Goal" in subheaders(at)
    captions = [c.value.replace("\\", "") for c in at.caption]
    assert any(c.startswith("3 of 10 recommendations name a goal;") for c in captions)
    table = table_with(at, "group", "16")
    got = {(r.cycle, r.group): (r.received, r.supported) for r in table.itertuples()}
    assert got == {(1, "4"): (1, 1), (1, "5"): (1, 1), (2, "4"): (1, 1), (2, "5"): (1, 1), (2, "16"): (1, 1)}
    names = set(table["name"])
    assert names == {
        "4 · Quality education",
        "5 · Gender equality",
        "16 · Peace, justice and strong institutions",
    }
    chart = chart_titled(at, "By Sustainable Development Goal")
    assert any(line.startswith("5 · Gender equality") for line in lines(chart))
    # Chosen goal: its own breakdown keeps to it.
    at = run_page(goals_db, "acceptance", {"cycle": "all", "sdg": "5"})
    assert set(table_with(at, "group", "5")["group"]) == {"5"}


def test_goal_names_in_khmer(run_page, goals_db):
    at = run_page(goals_db, "acceptance", {"cycle": "2", "lang": "km"})
    table = table_with(at, "group", "16")
    assert "4 · ការអប់រំប្រកបដោយគុណភាព" in set(table["name"])


def test_progress_by_goal_on_the_ministries_page(run_page, goals_db):
    at = run_page(goals_db, "ministries", {"cycle": "2"})
    assert not at.exception
    table = table_with(at, "goal")
    government = table[table["assessor"] == "Government"].set_index("goal")
    assert government["status"].to_dict() == {
        "4": "Implemented",
        "5": "Partially implemented",
        "16": "Partially implemented",
    }
    chart = chart_titled(at, "Latest status by goal: Government")
    assert [t["name"] for t in chart["data"]] == ["Implemented", "Partially implemented"]


def test_the_bundled_data_names_no_goal_and_the_pages_say_so(run_page, bundled_db):
    at = run_page(bundled_db, "acceptance", {"cycle": "all"})
    assert any(i.value.startswith(NO_GOAL) for i in at.info)
    assert "The data names no goal yet." in at.selectbox(key="sdg").help
    at = run_page(bundled_db, "ministries")
    assert any(
        i.value.startswith("None of these supported recommendations names a Sustainable") for i in at.info
    )


@pytest.mark.shared
def test_an_imported_cycle_4_matrix_is_counted_by_goal(run_page, shared, tmp_path, capsys):
    """OHCHR's cycle-4 matrix lists the goals of each recommendation: the page counts them as the file does."""
    data = Path(shutil.copytree(GOLDEN, tmp_path / "data"))
    sample = (
        shared
        / "formats"
        / "ohchr-matrix-samples"
        / "Slovenia_UPR48_cycle4_thematic_list_of_recommendations.docx"
    )
    status, _, err = run_import(capsys, "ohchr-matrix", sample, "--state", "Slovenia", "--out", data)
    assert status == 0, err
    with (data / "recommendations.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["state_under_review"] == "Slovenia"]
    goal_16 = [r for r in rows if "16" in {s.split(".")[0] for s in r["sdgs"].split(" | ")}]
    supported = sum(r["response"] == "supported" for r in goal_16)
    database = build_database(data, tmp_path / "db")
    at = run_page(database, "acceptance", {"sur": "Slovenia", "cycle": "4", "sdg": "16"})
    assert not at.exception
    assert (
        f"Cycle 4: Slovenia supported {supported} of {len(goal_16)} ({round(100 * supported / len(goal_16))}%)"
        in (subheaders(at))
    )
    assert (supported, len(goal_16)) == (64, 94)  # read from the file above; the page agrees
    at = run_page(database, "explore", {"sur": "Slovenia", "cycle": "4"})
    assert "The data names no goal yet." not in at.selectbox(key="sdg").help
