"""The government's plan in the ETL (issue 17): actions, indicators and indicator values checked like every
table, with the row and the reason; what is published; the bundled illustrative plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

import paths
from etl import build, generate_illustrative
from etl.canonical_csv import read_rows
from etl.schema import header_key
from tests.etl_helpers import copy_published, fingerprint, problems_of, write

ACTIONS = "id,recommendation_ids,ministry_id,description,start_date,due_date,source,illustrative\n"
INDICATORS = "id,action_id,description,unit,baseline,baseline_date,target,target_unit,target_date,source,illustrative\n"


def append(path: Path, line: str) -> None:
    write(path, path.read_text(encoding="utf-8") + line + "\n")


def test_the_golden_plan_is_published_an_action_once_for_each_recommendation_it_answers(golden_db):
    with duckdb.connect(str(golden_db), read_only=True) as con:
        answers = con.execute(
            "SELECT action_id, recommendation_id FROM action_recommendations ORDER BY 1, 2"
        ).fetchall()
        action = con.execute(
            "SELECT recommendation_ids, ministry_id, due_date FROM actions WHERE id = 'ATL-A1'"
        ).fetchone()
        indicator = con.execute(
            "SELECT unit, baseline, target FROM indicators WHERE id = 'ATL-I1'"
        ).fetchone()
        values = con.execute(
            "SELECT value FROM indicator_values WHERE indicator_id = 'ATL-I1' ORDER BY date"
        ).fetchall()
    assert answers == [
        ("ATL-A1", "ATL-C2-20.2"),
        ("ATL-A1", "ATL-C2-20.3"),
        ("ATL-A2", "ATL-C2-20.3"),
        ("ILLUS-ATL-A3", "ILLUS-ATL-C3-001"),
    ]
    assert (action[0], action[1], str(action[2])) == (["ATL-C2-20.2", "ATL-C2-20.3"], "MOEYS", "2017-12-31")
    assert indicator == ("percent", 12.0, 50.0)
    assert values == [(20.0,), (30.0,), (25.0,)]


def test_an_unknown_ministry_a_due_date_before_the_start_and_a_target_in_another_unit_are_refused_by_row(
    golden_dir, golden_db, tmp_path
):
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    append(
        golden_dir / "actions.csv", "ATL-A4,ATL-C2-20.2,MOEJS,Hire teachers,2016-01-01,2018-01-01,Plan,false"
    )
    append(
        golden_dir / "actions.csv", "ATL-A5,ATL-C2-20.2,MOEYS,Open schools,2020-01-01,2019-06-30,Plan,false"
    )
    append(
        golden_dir / "indicators.csv",
        "ATL-I3,ATL-A1,Teachers,percent,12,2015-01-01,500,persons,2017-12-31,Plan,false",
    )
    lines = problems_of(golden_dir, database)
    assert lines == [
        "actions.csv:5: ministry_id: MOEJS: not found: expected an id from ministries.csv (did you mean 'MOEYS'?)",
        "actions.csv:6: due_date: 2019-06-30: before the start date (2020-01-01): expected a due date on or after "
        "the start date",
        "indicators.csv:4: target_unit: persons: another unit than the baseline's (percent): expected the target "
        "in percent, as the baseline (convert it, or measure it with another indicator)",
    ]
    assert fingerprint(database) == before  # nothing published


def test_a_value_in_another_unit_a_plan_for_a_noted_recommendation_and_bad_numbers_are_refused(
    golden_dir, tmp_path
):
    append(golden_dir / "indicator_values.csv", "ATL-I1,2018-01-01,40,cases,government,,Report,false")
    append(
        golden_dir / "actions.csv", "ATL-A6,ATL-C2-20.1,MOJ,Decriminalise defamation,,2020-01-01,Plan,false"
    )
    append(
        golden_dir / "indicators.csv", "ATL-I4,ATL-A1,Teachers,%,12 %,2015-01-01,50,pct,2014-01-01,Plan,false"
    )
    assert problems_of(golden_dir, tmp_path / "upr.duckdb") == [
        "actions.csv:5: recommendation_ids: ATL-C2-20.1: a recommendation the government has not supported "
        "(noted): expected a supported one (the plan answers the supported recommendations)",
        "indicator_values.csv:6: unit: cases: another unit than indicator ATL-I1's (percent): expected the value "
        "in percent",
        "indicators.csv:4: baseline: 12 %: expected a number, e.g. 12 or 12.5 (a point for decimals, no % sign "
        "or unit: the unit has its own column)",
        "indicators.csv:4: target_date: 2014-01-01: before the baseline date (2015-01-01): expected a target date "
        "after the baseline's",
    ]


def test_units_as_people_write_them_are_one_unit(golden_dir, tmp_path):
    """'%' and 'pct' are percent: the same unit, not a refused target (the row above refuses only its number)."""
    append(
        golden_dir / "indicators.csv",
        "ATL-I4,ATL-A2,Drafts reviewed,%,10,2016-01-01,90,Percentage,2030-06-30,Plan,false",
    )
    build.run(golden_dir, tmp_path / "upr.duckdb")
    with duckdb.connect(str(tmp_path / "upr.duckdb"), read_only=True) as con:
        assert con.execute("SELECT unit, target FROM indicators WHERE id = 'ATL-I4'").fetchone() == (
            "percent",
            90.0,
        )


def test_a_header_names_its_column_in_brackets_in_any_language(golden_dir, tmp_path):
    """The plan template's headers: a label in the reader's language, the column's name in brackets."""
    text = (golden_dir / "actions.csv").read_text(encoding="utf-8").split("\n", 1)[1]
    khmer = (
        "លេខសម្គាល់សកម្មភាព (id),អនុសាសន៍ដែលវាឆ្លើយតប (recommendation_ids),ក្រសួងទទួលខុសត្រូវ (ministry_id),"
        "អ្វីដែលនឹងធ្វើ (description),Start date (start_date),កាលបរិច្ឆេទកំណត់ (due_date),ប្រភព (source),"
        "គំរូ (illustrative)\n"
    )
    write(golden_dir / "actions.csv", khmer + text)
    assert build.run(golden_dir, tmp_path / "upr.duckdb").row_counts["actions"] == 3
    assert header_key("Evidence (URL)") == "url"  # only a column's own name in brackets names it
    assert header_key("Due date") == "due_date"


def test_a_plan_with_no_files_builds_with_no_plan(golden_dir, tmp_path):
    for name in ("actions.csv", "indicators.csv", "indicator_values.csv"):
        (golden_dir / name).unlink()
    result = build.run(golden_dir, tmp_path / "upr.duckdb")
    assert (result.row_counts["actions"], result.row_counts["indicators"]) == (0, 0)
    assert "actions.csv not found: built with no rows" in result.notes


def test_the_bundled_plan_is_generated_deterministically_and_leaves_a_plausible_share_without_a_plan(
    tmp_path,
):
    data = Path(shutil.copytree(paths.data_dir(), tmp_path / "data"))
    generate_illustrative.run(data)
    for name in ("actions.csv", "indicators.csv", "indicator_values.csv", "progress.csv", "assignments.csv"):
        assert (data / name).read_bytes() == (paths.data_dir() / name).read_bytes(), name
    actions = read_rows(data / "actions.csv")
    supported = {r["id"] for r in read_rows(data / "recommendations.csv") if r["response"] == "supported"
                 and r["id"].startswith("ILLUS-")}  # fmt: skip
    planned = {rec for a in actions for rec in a["recommendation_ids"].split(" | ")}
    assert planned < supported
    assert 0.15 < 1 - len(planned) / len(supported) < 0.35  # some supported recommendations have no plan
    assert all(a["illustrative"] == "true" and a["id"].startswith("ILLUS-") for a in actions)
    assert all(r["illustrative"] == "true" for r in read_rows(data / "indicator_values.csv"))


def test_a_value_measured_in_the_future_is_refused(golden_dir, tmp_path):
    append(golden_dir / "indicator_values.csv", "ATL-I1,2099-01-01,40,percent,government,,Report,false")
    [line] = problems_of(golden_dir, tmp_path / "upr.duckdb")
    assert line.startswith("indicator_values.csv:6: date: 2099-01-01: a date in the future: expected")
