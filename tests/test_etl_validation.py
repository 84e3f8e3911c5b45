"""One test per validation rule (issue 2): a bad file and the exact ``FILE:LINE: column: value: expected``.

Each case starts from a writable copy of the golden fixture and breaks one thing. After every
rejection the published database must still be the one built before (``published`` fixture).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl import build
from tests.etl_helpers import (
    GOOD_PROGRESS,
    HEADER,
    copy_published,
    fingerprint,
    problems_of,
    replace_in,
    write,
)

P = HEADER["progress"]
STATUSES = "expected one of not_implemented, partially_implemented, implemented, no_information"


def progress(*rows: str) -> str:
    return "\n".join([P, *rows]) + "\n"


@pytest.fixture
def published(golden_db, tmp_path):
    """A database built from the good data; the test breaks the data and checks it is untouched."""
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    yield database
    assert fingerprint(database) == before, "a rejected build changed the published database"


def check(data_dir: Path, database: Path, expected: list[str]) -> None:
    assert problems_of(data_dir, database) == expected


def test_a_missing_required_file(golden_dir, published):
    (golden_dir / "recommendations.csv").unlink()
    # The cause first; the references into the missing file only counted (issue 12, kind 8).
    check(
        golden_dir,
        published,
        [
            "recommendations.csv:0: (file): : missing: this file is required",
            "recommendations.csv:0: (references): : 19 reference(s) into this file not found (actions.csv 4, "
            "assignments.csv 6, progress.csv 9), not listed: they follow from the problem(s) above that keep its rows out; fix those "
            "and build again",
        ],
    )


def test_a_missing_optional_file_builds_with_no_rows_and_says_so(golden_dir, tmp_path):
    (golden_dir / "progress.csv").unlink()
    result = build.run(golden_dir, tmp_path / "upr.duckdb")
    assert result.row_counts["progress"] == 0
    assert "progress.csv not found: built with no rows" in result.notes


def test_an_empty_file(golden_dir, published):
    write(golden_dir / "progress.csv", "")
    check(
        golden_dir,
        published,
        ["progress.csv:1: (file): : the file is empty: expected a header row of column names"],
    )


def test_a_header_only_file_of_a_file_that_needs_rows(golden_dir, published):
    write(golden_dir / "states.csv", "name,iso3,regional_group\n")
    lines = problems_of(golden_dir, published)
    assert "states.csv:2: (file): : no rows: expected at least 1 row below the header" in lines


def test_a_header_only_progress_file_builds_with_no_assessments(golden_dir, tmp_path):
    write(golden_dir / "progress.csv", P + "\n")
    assert build.run(golden_dir, tmp_path / "upr.duckdb").row_counts["progress"] == 0


def test_a_missing_column(golden_dir, published):
    write(golden_dir / "progress.csv", "recommendation_id,date,assessor,source,illustrative\n")
    check(
        golden_dir,
        published,
        [
            "progress.csv:1: (header): recommendation_id, date, assessor, source, illustrative: no column "
            "'status': expected the columns recommendation_id, date, assessor, status, source, illustrative"
        ],
    )


def test_a_duplicated_column(golden_dir, published):
    write(golden_dir / "progress.csv", progress().replace("summary", "Status"))
    check(
        golden_dir, published, ["progress.csv:1: (header): Status: a duplicated column name (also column 4)"]
    )


def test_an_unknown_column_is_ignored_with_a_note(golden_dir, tmp_path):
    write(
        golden_dir / "progress.csv",
        progress(GOOD_PROGRESS + ",whatever").replace("illustrative", "illustrative,Comments"),
    )
    result = build.run(golden_dir, tmp_path / "upr.duckdb")
    assert result.row_counts["progress"] == 1
    assert "progress.csv: unknown column(s) ignored: Comments" in result.notes
    assert "note: progress.csv: unknown column(s) ignored: Comments" in result.summary()


def test_too_many_cells(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS, GOOD_PROGRESS + ",extra"))
    check(
        golden_dir,
        published,
        [
            "progress.csv:3: (row): ATL-C2-20.2,2016-05-01,government,partially_implemented,T...: too many "
            "cells: expected 8 cells in every row, as in the header (a comma inside a value needs the value "
            "in double quotes)"
        ],
    )


def test_too_few_cells_is_reported_once(golden_dir, published):
    write(golden_dir / "progress.csv", progress("ATL-C2-20.2,2016-05-01,government", GOOD_PROGRESS))
    check(
        golden_dir,
        published,
        [
            "progress.csv:2: (row): ATL-C2-20.2,2016-05-01,government: too few cells: expected 8 cells in "
            "every row, as in the header"
        ],
    )


def test_a_line_after_a_short_row_is_still_named_right(golden_dir, published):
    write(
        golden_dir / "progress.csv",
        progress(
            "ATL-C2-20.2,2016-05-01", GOOD_PROGRESS, GOOD_PROGRESS.replace("partially_implemented", "done")
        ),
    )
    lines = problems_of(golden_dir, published)
    assert lines[1] == f"progress.csv:4: status: done: {STATUSES}"


def test_a_stray_quote(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("Ten schools", '"Ten "big" schools"')))
    check(
        golden_dir,
        published,
        [
            'progress.csv:2: (row): ATL-C2-20.2,2016-05-01,government,partially_implemented,"...: a stray '
            "quote: expected a value in double quotes with inner quotes doubled"
        ],
    )


def test_an_empty_required_value(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("2016-05-01", "  ")))
    check(
        golden_dir,
        published,
        ["progress.csv:2: date: '  ': empty: expected a value (this column must be filled)"],
    )


def test_a_list_of_only_separators_is_empty(golden_dir, published):
    replace_in(golden_dir / "recommendations.csv", ",Thailand,noted,Rejected", ", | ,noted,Rejected")
    check(
        golden_dir,
        published,
        [
            "recommendations.csv:4: recommending_states: ' | ': empty: expected a value (this column must be filled)"
        ],
    )


def test_not_a_number(golden_dir, published):
    replace_in(
        golden_dir / "recommendations.csv", "ATL-C1-10.1,Atlantis,1,", "ATL-C1-10.1,Atlantis,3 (three),"
    )
    check(
        golden_dir,
        published,
        ["recommendations.csv:2: cycle: 3 (three): not a whole number: expected a number from 1 to 20"],
    )


def test_out_of_range(golden_dir, published):
    replace_in(
        golden_dir / "recommendations.csv", "ATL-C1-10.1,Atlantis,1,5,2009", "ATL-C1-10.1,Atlantis,1,5,1999"
    )
    check(
        golden_dir,
        published,
        ["recommendations.csv:2: year: 1999: out of range: expected a whole number from 2006 to 2100"],
    )


def test_a_bad_vocabulary_value(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("partially_implemented", "half done")))
    check(golden_dir, published, [f"progress.csv:2: status: half done: {STATUSES}"])


def test_an_unknown_reference_with_a_suggestion(golden_dir, published):
    replace_in(golden_dir / "recommendations.csv", "Brazil | Chad", "Brazil | Chadd")
    check(
        golden_dir,
        published,
        [
            "recommendations.csv:3: recommending_states: Chadd: not found: expected a name from states.csv "
            "(did you mean 'Chad'?)"
        ],
    )


def test_a_suggestion_quoting_a_value_with_a_line_break_stays_on_one_line(golden_dir, published):
    replace_in(golden_dir / "states.csv", "Chad,TCD", '"Cha\nd",TCD')
    lines = problems_of(golden_dir, published)
    assert lines[0] == (
        "recommendations.csv:3: recommending_states: Chad: not found: expected a name from states.csv "
        "(did you mean 'Cha\\nd'? they look alike but differ: this value lacks U+000A LINE FEED)"
    )
    assert len(lines) == 3


def test_an_unknown_reference_with_nothing_close(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("ATL-C2-20.2", "XYZ")))
    check(
        golden_dir,
        published,
        ["progress.csv:2: recommendation_id: XYZ: not found: expected an id from recommendations.csv"],
    )


def test_a_duplicate_id_names_the_first_line(golden_dir, published):
    replace_in(golden_dir / "recommendations.csv", "ILLUS-ATL-C3-002,", "atl-c1-10.2,")
    check(
        golden_dir,
        published,
        ["recommendations.csv:10: id: atl-c1-10.2: a duplicate: expected a unique id (first used on line 3)"],
    )


def test_a_duplicate_key_row(golden_dir, published):
    replace_in(golden_dir / "assignments.csv", "ATL-C2-20.3,MOEYS,supporting", "ATL-C2-20.3,MOJ,supporting")
    lines = problems_of(golden_dir, published)
    assert lines == [
        "assignments.csv:4: recommendation_id + ministry_id: ATL-C2-20.3 / MOJ: a duplicate row: expected each "
        "recommendation_id + ministry_id once (first on line 3)"
    ]


def test_two_leads_for_one_recommendation(golden_dir, published):
    replace_in(golden_dir / "assignments.csv", "ATL-C2-20.3,MOEYS,supporting", "ATL-C2-20.3,MOEYS,Lead")
    check(
        golden_dir,
        published,
        [
            "assignments.csv:4: role: Lead: a second lead for ATL-C2-20.3: expected at most one lead per "
            "recommendation (first lead on line 3)"
        ],
    )


def test_official_totals_that_do_not_add_up(golden_dir, published):
    replace_in(golden_dir / "official_totals.csv", "Atlantis,2,3,2,1", "Atlantis,2,3,2,2")
    check(
        golden_dir,
        published,
        [
            "official_totals.csv:3: received: 3: does not add up: expected received = supported + noted (2 + 2 = 4)"
        ],
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "31/12/2020",
            "expected a date as YYYY-MM-DD, e.g. 2024-03-31 (day and month order is ambiguous in other forms)",
        ),
        (
            "44196",
            "an Excel date serial number: expected a date as YYYY-MM-DD, e.g. 2024-03-31 (format the column as a "
            "date before saving)",
        ),
        ("2021-02-30", "not a real date: expected a date as YYYY-MM-DD, e.g. 2024-03-31"),
        ("March 2021", "expected a date as YYYY-MM-DD, e.g. 2024-03-31"),
    ],
    ids=["day-first", "excel-serial", "impossible", "words"],
)
def test_a_bad_date(golden_dir, published, value, expected):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("2016-05-01", value)))
    check(golden_dir, published, [f"progress.csv:2: date: {value}: {expected}"])


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "www.example.org", "http://a b"]
)
def test_a_bad_url(golden_dir, published, url):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace(",,Report", f",{url},Report")))
    check(
        golden_dir,
        published,
        [f"progress.csv:2: evidence_url: {url}: expected a web address starting with http:// or https://"],
    )


def test_a_bad_yes_no_value(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace(",false", ",maybe")))
    check(golden_dir, published, ["progress.csv:2: illustrative: maybe: expected true or false"])


def test_a_cell_too_long(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS.replace("Ten schools", "x" * 20_001)))
    check(
        golden_dir,
        published,
        [
            "progress.csv:2: summary: "
            + "x" * 57
            + "...: a value too long: expected at most 20,000 characters"
        ],
    )


def test_a_nul_byte(golden_dir, published):
    write(golden_dir / "progress.csv", progress(GOOD_PROGRESS, GOOD_PROGRESS.replace("Ten", "T\x00n")))
    check(
        golden_dir,
        published,
        ["progress.csv:3: (file): '\\x00': a NUL byte: expected plain text (re-save the file as CSV UTF-8)"],
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_an_error_after_a_quoted_line_break_names_the_physical_line(golden_dir, published, newline):
    text = progress(
        GOOD_PROGRESS.replace("Ten schools", '"Ten schools,\nthree\nlines"'),
        GOOD_PROGRESS,
        GOOD_PROGRESS.replace("partially_implemented", "done"),
    )
    write(golden_dir / "progress.csv", text.replace("\n", newline))
    check(golden_dir, published, [f"progress.csv:6: status: done: {STATUSES}"])


def test_every_problem_is_reported_at_once_sorted_by_file_and_line(golden_dir, published):
    write(
        golden_dir / "progress.csv",
        progress(GOOD_PROGRESS.replace("government", "gov"), GOOD_PROGRESS.replace("2016-05-01", "2016")),
    )
    replace_in(golden_dir / "states.csv", "Asia-Pacific", "Asia")
    replace_in(golden_dir / "states.csv", "EEG", "Eastern")
    check(
        golden_dir,
        published,
        [
            "progress.csv:2: assessor: gov: expected one of government, civil_society, un, nhri",
            "progress.csv:3: date: 2016: expected a date as YYYY-MM-DD, e.g. 2024-03-31",
            "states.csv:7: regional_group: Eastern: expected one of African, Asia-Pacific, EEG, GRULAC, WEOG, other",
        ],
    )
