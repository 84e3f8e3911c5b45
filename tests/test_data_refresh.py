"""A running app picks up changed CSVs: Community Cloud pulls a pushed commit into the running app,
and the next reader after the check interval gets a database built from the new files, without a
restart. A bad edit never replaces good data: readers keep the last good build and are told so."""

from __future__ import annotations

import pytest

from dashboard import bootstrap
from etl import build

NEW_ASSESSMENT = "ATL-C2-20.2,2023-09-30,civil_society,implemented,Schools staffed,,NGO coalition,false\n"


@pytest.fixture
def app_on(golden_dir, tmp_path, monkeypatch, run_page):
    """The app on a database the app built from ``golden_dir`` (its own data folder)."""
    database = tmp_path / "db" / "upr.duckdb"
    build.run(golden_dir, database)
    monkeypatch.setenv("UPR_DATA_DIR", str(golden_dir))
    monkeypatch.delenv("UPR_REBUILD_ON_CHANGE", raising=False)
    # The check runs at most once a minute per build: a test stands for a reader a minute later.
    bootstrap._changed_data.clear()
    return lambda page="", params=None: run_page(database, page, params)


def source_line(at) -> str:
    return next(c.value for c in at.caption if "latest assessment dated" in c.value)


def test_a_changed_csv_is_built_and_shown_on_the_next_view(app_on, golden_dir):
    before = app_on("explore", {"rec": "ATL-C2-20.2"})
    assert "2022" in source_line(before)
    with (golden_dir / "progress.csv").open("a", encoding="utf-8") as out:
        out.write(NEW_ASSESSMENT)
    bootstrap._changed_data.clear()

    after = app_on("explore", {"rec": "ATL-C2-20.2"})
    assert not after.exception
    assert "Sep 30, 2023" in source_line(after)
    assert "Schools staffed" in after.dataframe[0].value["summary"].tolist()
    assert not any("could not be loaded" in w.value for w in after.warning)


def test_a_bad_edit_keeps_the_last_good_data_and_says_so(app_on, golden_dir):
    good = source_line(app_on())
    with (golden_dir / "progress.csv").open("a", encoding="utf-8") as out:
        out.write("ATL-C2-20.2,30/09/2023,civil_society,implemented,Bad date,,NGO coalition,false\n")
    bootstrap._changed_data.clear()

    at = app_on()
    assert not at.exception
    assert source_line(at) == good
    assert any("could not be loaded" in w.value for w in at.warning)


def bad_dates(golden_dir, count: int) -> int:
    """Append ``count`` assessments with a day-first date to progress.csv; the first one's line."""
    path = golden_dir / "progress.csv"
    first = len(path.read_text(encoding="utf-8").splitlines()) + 1
    with path.open("a", encoding="utf-8") as out:
        for _ in range(count):
            out.write("ATL-C2-20.2,30/09/2023,civil_society,implemented,Bad date,,NGO coalition,false\n")
    bootstrap._changed_data.clear()
    return first


def test_a_rejected_update_is_listed_on_the_about_page_for_every_visitor(app_on, golden_dir):
    line = bad_dates(golden_dir, 1)
    at = app_on("about")
    assert not at.exception
    banner = next(w.value for w in at.warning if "could not be loaded" in w.value)
    assert "About page" in banner and "server's log" not in banner
    assert [link.proto.label for link in at.get("page_link")] == ["See what was wrong"]
    assert any("last data update was rejected" in e.value for e in at.error)
    problems = next(d.value for d in at.dataframe if "expected" in d.value.columns)
    row = problems.iloc[0]
    assert (row["file"], int(row["line"]), row["column"], row["value"]) == (
        "progress.csv",
        line,
        "date",
        "30/09/2023",
    )
    assert row["expected"].startswith("expected a date as YYYY-MM-DD")
    other = app_on("acceptance")  # another visitor, another page: the same banner
    assert any("About page" in w.value for w in other.warning)


def test_the_about_page_lists_fifty_problems_then_how_many_more(app_on, golden_dir):
    bad_dates(golden_dir, 60)
    at = app_on("about")
    problems = next(d.value for d in at.dataframe if "expected" in d.value.columns)
    assert len(problems) == 50
    assert any(c.value == "… and 10 more problems." for c in at.caption)


def test_a_fixed_update_clears_the_notice(app_on, golden_dir):
    path = golden_dir / "progress.csv"
    good = path.read_text(encoding="utf-8")
    bad_dates(golden_dir, 1)
    assert any("could not be loaded" in w.value for w in app_on("about").warning)
    path.write_text(good + NEW_ASSESSMENT, encoding="utf-8")
    bootstrap._changed_data.clear()
    at = app_on("about")
    assert not any("could not be loaded" in w.value for w in at.warning)
    assert not any("rejected" in e.value for e in at.error)


def test_a_database_built_from_another_folder_is_left_alone(golden_db, golden_dir, monkeypatch, run_page):
    """An import or a benchmark database is not the app's to replace with data/."""
    monkeypatch.setenv("UPR_DATA_DIR", str(golden_dir))
    with (golden_dir / "progress.csv").open("a", encoding="utf-8") as out:
        out.write(NEW_ASSESSMENT)
    bootstrap._changed_data.clear()
    before = golden_db.resolve()

    at = run_page(golden_db)
    assert not at.exception
    assert golden_db.resolve() == before
    assert "2022" in source_line(at)


def test_deployers_can_switch_the_rebuild_off(app_on, golden_dir, monkeypatch):
    """Where only the ETL service may write (deploy/systemd), UPR_REBUILD_ON_CHANGE=0 leaves it to it."""
    good = source_line(app_on())
    monkeypatch.setenv("UPR_REBUILD_ON_CHANGE", "0")
    with (golden_dir / "progress.csv").open("a", encoding="utf-8") as out:
        out.write(NEW_ASSESSMENT)
    bootstrap._changed_data.clear()

    assert source_line(app_on()) == good
