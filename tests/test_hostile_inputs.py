"""Bad and odd input files, one row of a table each (issue 6): loaded with normalised values, or rejected.

Every case starts from a writable copy of the golden fixture, replaces one file and builds over a
published copy of the golden database. A loaded case checks what readers get back from DuckDB; a
rejected case checks the exact messages and that the published database is byte-for-byte unchanged.
docs/bad-input.md is the same table for people; a test keeps the two in step.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from etl import build
from tests.conftest import ROOT
from tests.etl_helpers import HEADER, copy_published, fingerprint, problems_of

P = HEADER["progress"]
STATUSES = "expected one of not_implemented, partially_implemented, implemented, no_information"
KHMER = "ធានាសិទ្ធិសេរីភាពក្នុងការបញ្ចេញមតិ ស្របតាមស្តង់ដារអន្តរជាតិ"  # subscripts (coeng) and vowel signs
ROW = "ATL-C2-20.2,2016-05-01,government,partially_implemented,{summary},,Report,false"


@dataclass(frozen=True)
class Case:
    id: str
    input: str  # what the file is, for docs/bad-input.md
    file: str
    make: Callable[[str], str | bytes | None]  # the source file's text -> the new file (None: delete it)
    problems: tuple[str, ...] | None = None  # None: the build succeeds
    sql: str = ""  # for a loaded case: a query on the built database...
    rows: list | None = None  # ...and its expected rows
    note: str = ""  # a note the build summary must carry
    some: bool = False  # `problems` are some of the lines (the rest follow from them)
    count: int | None = None  # with `some`: how many lines the report has (or its "and N more" says)
    source: str = ""  # the file whose text `make` gets (default: `file`; it may be a new file's name)
    more: tuple[tuple[str, Callable[[str], str | bytes | None]], ...] = ()  # other files changed the same way
    bundled: bool = False  # start from the bundled data (data/) instead of the golden fixture
    notes: tuple[str, ...] = ()  # more notes the build summary must carry


def progress(*rows: str) -> Callable[[str], str]:
    return lambda _: "\n".join([P, *rows]) + "\n"


def summary(text: str) -> Callable[[str], str]:
    """The golden progress file with one summary cell replaced by ``text`` (already CSV-quoted if needed)."""
    return lambda golden: golden.replace("Ten schools built", text, 1)


def sub(old: str, new: str) -> Callable[[str], str]:
    def make(golden: str) -> str:
        assert old in golden, old
        return golden.replace(old, new, 1)

    return make


def encoded(encoding: str, newline: str = "\n", delimiter: str = ",", change: Callable | None = None):
    def make(golden: str) -> bytes:
        text = change(golden) if change else golden
        return text.replace(",", delimiter).replace("\n", newline).encode(encoding)

    return make


ACCENTED = summary("Écoles – “built” in Kâmpóng Cham")
SUMMARY_OF_FIRST = (
    "SELECT summary FROM progress WHERE recommendation_id = 'ATL-C2-20.2' AND date = '2016-05-01'"
)


def first_summary(value: str) -> dict:
    return {"sql": SUMMARY_OF_FIRST, "rows": [(value,)]}


CASES: tuple[Case, ...] = (
    # --- encodings -------------------------------------------------------------------------------
    Case(
        "utf8-bom",
        "UTF-8 with a byte-order mark (Excel's CSV UTF-8)",
        "progress.csv",
        lambda g: b"\xef\xbb\xbf" + ACCENTED(g).encode(),
        note="progress.csv was UTF-8 with BOM; read and converted to UTF-8",
        **first_summary("Écoles – “built” in Kâmpóng Cham"),
    ),
    Case(
        "windows-1252",
        "Windows-1252 (Excel's plain CSV on Windows)",
        "progress.csv",
        encoded("cp1252", change=ACCENTED),
        note="progress.csv was Windows-1252; read and converted to UTF-8",
        **first_summary("Écoles – “built” in Kâmpóng Cham"),
    ),
    Case(
        "mac-roman-cr",
        "Mac Roman with CR line endings (old Mac Excel)",
        "progress.csv",
        encoded("mac_roman", "\r", change=ACCENTED),
        note="progress.csv was Mac Roman; read and converted to UTF-8",
        **first_summary("Écoles – “built” in Kâmpóng Cham"),
    ),
    Case(
        "utf16-unicode-text",
        'UTF-16 "Unicode text" from Excel: BOM, tab-separated, CRLF',
        "progress.csv",
        encoded("utf-16", "\r\n", "\t", change=summary(KHMER)),
        note="progress.csv was tab-separated; read as such",
        **first_summary(KHMER),
    ),
    Case(
        "utf16-big-endian",
        "UTF-16 big-endian with BOM, tab-separated",
        "progress.csv",
        lambda g: b"\xfe\xff" + g.replace(",", "\t").encode("utf-16-be"),
        note="progress.csv was UTF-16; read and converted to UTF-8",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "utf16-without-bom",
        "UTF-16 without a byte-order mark",
        "progress.csv",
        lambda g: g.encode("utf-16-le"),
        problems=(
            "progress.csv:1: (file): '\\x00': a NUL byte: expected plain text (re-save the file as CSV UTF-8)",
        ),
    ),
    Case(
        "semicolons",
        "semicolon-separated (Excel's CSV in French or German)",
        "progress.csv",
        encoded("utf-8", delimiter=";"),
        note="progress.csv was semicolon-separated; read as such",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    # --- line endings ----------------------------------------------------------------------------
    Case(
        "crlf",
        "CRLF line endings (Windows)",
        "progress.csv",
        encoded("utf-8", "\r\n"),
        sql="SELECT count(*), max(date)::VARCHAR FROM progress",
        rows=[(9, "2022-01-01")],
    ),
    Case(
        "cr",
        "CR line endings (classic Mac) in UTF-8",
        "progress.csv",
        encoded("utf-8", "\r"),
        sql="SELECT count(*), max(date)::VARCHAR FROM progress",
        rows=[(9, "2022-01-01")],
    ),
    Case(
        "mixed-line-endings",
        "LF, CRLF and CR mixed in one file",
        "progress.csv",
        lambda g: g.replace("\n", "\r\n", 3).replace("\n", "\r", 3),
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "blank-lines",
        "empty lines between rows and at the end",
        "progress.csv",
        lambda g: g.replace("\n", "\n\n") + "\n\n",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "no-final-newline",
        "no line break after the last row",
        "progress.csv",
        lambda g: g.rstrip("\n"),
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    # --- columns ---------------------------------------------------------------------------------
    Case(
        "missing-required-column",
        "a required column missing",
        "progress.csv",
        lambda g: (
            "\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != 3) for line in g.splitlines())
            + "\n"
        ),
        problems=(
            "progress.csv:1: (header): recommendation_id, date, assessor, summary, evidence_url,...: no column "
            "'status': expected the columns recommendation_id, date, assessor, status, source, illustrative",
        ),
    ),
    Case(
        "missing-optional-columns",
        "optional columns (summary, evidence_url) left out",
        "progress.csv",
        lambda _: (
            "recommendation_id,date,assessor,status,source,illustrative\nATL-C2-20.2,2016-05-01,un,implemented,UN,false\n"
        ),
        sql="SELECT summary, evidence_url, assessor FROM progress",
        rows=[(None, None, "un")],
    ),
    Case(
        "extra-column",
        "an extra column the ETL does not know",
        "progress.csv",
        lambda g: (
            "\n".join(line + ",x" for line in g.splitlines()).replace(
                "illustrative,x", "illustrative,My notes", 1
            )
            + "\n"
        ),
        note="progress.csv: unknown column(s) ignored: My notes",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "excel-empty-trailing-columns",
        "every line ending in ,, (empty columns a spreadsheet kept)",
        "progress.csv",
        lambda g: g.replace("\n", ",,\n"),
        note="progress.csv: unknown column(s) ignored: (unnamed column 9), (unnamed column 10)",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "renamed-column-spelling",
        "column names in other case and spacing (`Recommendation ID`, ` Date `)",
        "progress.csv",
        sub("recommendation_id,date,assessor,status", "Recommendation ID, Date ,ASSESSOR,Status"),
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "renamed-column",
        "a required column renamed (`state` for `status`)",
        "progress.csv",
        sub(",status,", ",state,"),
        problems=(
            "progress.csv:1: (header): recommendation_id, date, assessor, state, summary, eviden...: no column "
            "'status': expected the columns recommendation_id, date, assessor, status, source, illustrative",
        ),
    ),
    Case(
        "reordered-columns",
        "columns in another order",
        "progress.csv",
        lambda _: (
            "status,illustrative,source,date,assessor,recommendation_id\nimplemented,false,Gov,2020-01-01,government,ATL-C2-20.1\n"
        ),
        sql="SELECT recommendation_id, date::VARCHAR, status FROM progress",
        rows=[("ATL-C2-20.1", "2020-01-01", "implemented")],
    ),
    Case(
        "duplicated-column",
        "the same column twice",
        "progress.csv",
        sub("summary", "STATUS"),
        problems=("progress.csv:1: (header): STATUS: a duplicated column name (also column 4)",),
    ),
    # --- rows and cells --------------------------------------------------------------------------
    Case(
        "too-many-cells",
        "a row with more cells than the header (an unquoted comma)",
        "progress.csv",
        summary("Ten schools, built"),
        problems=(
            "progress.csv:2: (row): ATL-C2-20.2,2016-05-01,government,partially_implemented,T...: too many cells: "
            "expected 8 cells in every row, as in the header (a comma inside a value needs the value in double quotes)",
        ),
    ),
    Case(
        "too-few-cells",
        "a row with fewer cells than the header",
        "progress.csv",
        progress("ATL-C2-20.2,2016-05-01"),
        problems=(
            "progress.csv:2: (row): ATL-C2-20.2,2016-05-01: too few cells: expected 8 cells in every row, as in the header",
        ),
    ),
    Case(
        "stray-quote",
        "a quoted value with an undoubled inner quote",
        "progress.csv",
        summary('"Ten "big" schools"'),
        problems=(
            'progress.csv:2: (row): ATL-C2-20.2,2016-05-01,government,partially_implemented,"...: a stray quote: '
            "expected a value in double quotes with inner quotes doubled",
        ),
    ),
    Case(
        "quote-inside-unquoted-value",
        'quotes inside an unquoted value (`Ten "big" schools`)',
        "progress.csv",
        summary('Ten "big" schools'),
        **first_summary('Ten "big" schools'),
    ),
    Case(
        "unclosed-quote-at-end",
        "a quote opened in the last row and never closed",
        "progress.csv",
        lambda g: g + 'ATL-C2-20.2,2020-01-01,government,implemented,"never closed,,Gov,false\n',
        problems=(
            'progress.csv:11: (row): ATL-C2-20.2,2020-01-01,government,implemented,"never clos...: a stray quote: '
            "expected a value in double quotes with inner quotes doubled",
        ),
    ),
    Case(
        "duplicate-id",
        "two recommendations with the same id (other case)",
        "recommendations.csv",
        sub("ILLUS-ATL-C3-002,", "ATL-c1-10.1,"),
        problems=(
            "recommendations.csv:10: id: ATL-c1-10.1: a duplicate: expected a unique id (first used on line 2)",
        ),
    ),
    Case(
        "empty-required-value",
        "a required cell left empty",
        "progress.csv",
        sub(",government,partially", ",,partially"),
        problems=("progress.csv:2: assessor: : empty: expected a value (this column must be filled)",),
    ),
    Case(
        "whitespace-only-value",
        "a required cell holding only spaces",
        "recommendations.csv",
        sub(",Golden fixture,false", ",   ,false"),
        problems=(
            "recommendations.csv:2: source: '   ': empty: expected a value (this column must be filled)",
        ),
    ),
    Case(
        "unknown-state",
        "a recommending state not in states.csv",
        "recommendations.csv",
        sub("Brazil | Chad", "Brazil | Chda"),
        problems=(
            "recommendations.csv:3: recommending_states: Chda: not found: expected a name from states.csv (did you mean 'Chad'?)",
        ),
    ),
    Case(
        "unknown-state-under-review",
        "a state under review not in states.csv",
        "recommendations.csv",
        sub("ATL-C1-10.1,Atlantis", "ATL-C1-10.1,Atlantida"),
        problems=(
            "recommendations.csv:2: state_under_review: Atlantida: not found: expected a name from states.csv "
            "(did you mean 'Atlantis'?)",
        ),
    ),
    Case(
        "unknown-theme",
        "a theme not in themes.csv",
        "recommendations.csv",
        sub(",Justice,,,Reform", ",Justise,,,Reform"),
        problems=(
            "recommendations.csv:2: themes: Justise: not found: expected a name from themes.csv (did you mean 'Justice'?)",
        ),
    ),
    Case(
        "unknown-ministry",
        "an assignment to a ministry not in ministries.csv",
        "assignments.csv",
        sub("MOINF", "MOINFO"),
        problems=(
            "assignments.csv:7: ministry_id: MOINFO: not found: expected an id from ministries.csv (did you mean 'MOINF'?)",
        ),
    ),
    Case(
        "unknown-recommendation",
        "progress on a recommendation that does not exist",
        "progress.csv",
        progress(ROW.format(summary="x").replace("ATL-C2-20.2", "ATL-C9-99.9")),
        problems=(
            "progress.csv:2: recommendation_id: ATL-C9-99.9: not found: expected an id from recommendations.csv",
        ),
    ),
    Case(
        "names-in-other-case",
        "references in another case (`atlantis`, `brazil|CHAD`)",
        "recommendations.csv",
        lambda g: sub("Brazil | Chad", "brazil|CHAD")(sub("ATL-C1-10.2,Atlantis", "ATL-C1-10.2,atlantis")(g)),
        sql="SELECT state_under_review, recommending_states FROM recommendations WHERE id = 'ATL-C1-10.2'",
        rows=[("Atlantis", ["Brazil", "Chad"])],
    ),
    Case(
        "invalid-status",
        "a status outside the vocabulary (`done`)",
        "progress.csv",
        sub("partially_implemented,Ten", "done,Ten"),
        problems=(f"progress.csv:2: status: done: {STATUSES}",),
    ),
    Case(
        "invalid-response",
        "a response outside the vocabulary (`accepted`)",
        "recommendations.csv",
        sub("France,supported,Accepted", "France,accepted,Accepted"),
        problems=(
            "recommendations.csv:2: response: accepted: expected one of supported, noted, pending, unclassified",
        ),
    ),
    Case(
        "invalid-region",
        "a regional group outside the vocabulary",
        "states.csv",
        sub("Asia-Pacific", "Asia Minor"),
        problems=(
            "states.csv:6: regional_group: Asia Minor: expected one of African, Asia-Pacific, EEG, GRULAC, WEOG, other",
        ),
    ),
    Case(
        "response-variants",
        "`Supported ` (trailing space) and `NOTED`",
        "recommendations.csv",
        lambda g: sub("Thailand,noted,", "Thailand,NOTED,")(
            sub("France,supported,Accepted", "France,Supported ,Accepted")(g)
        ),
        sql="SELECT id, response FROM recommendations WHERE id IN ('ATL-C1-10.1', 'ATL-C1-10.3') ORDER BY id",
        rows=[("ATL-C1-10.1", "supported"), ("ATL-C1-10.3", "noted")],
    ),
    Case(
        "assessor-and-status-variants",
        "`Civil Society`, ` Partially implemented`, `FALSE`",
        "progress.csv",
        sub(
            "government,partially_implemented,Ten schools built,https://example.org/report-2016,Government mid-term report,false",
            "Civil Society, Partially implemented,Ten schools built,https://example.org/report-2016,Government mid-term report,FALSE",
        ),
        sql=SUMMARY_OF_FIRST.replace("summary", "assessor, status, illustrative"),
        rows=[("civil_society", "partially_implemented", False)],
    ),
    Case(
        "region-variants",
        "`asia pacific`, `Africa`, `weog`",
        "states.csv",
        lambda g: sub("WEOG", "weog")(sub("African", "Africa")(sub("Asia-Pacific", "asia pacific")(g))),
        sql="SELECT name, regional_group FROM states WHERE name IN ('Chad', 'France', 'Thailand') ORDER BY name",
        rows=[("Chad", "African"), ("France", "WEOG"), ("Thailand", "Asia-Pacific")],
    ),
    Case(
        "yes-no-variants",
        "`yes`, `No`, `1`, `TRUE` for true/false",
        "recommendations.csv",
        lambda g: g.replace(",Golden fixture,false", ",Golden fixture,No", 1).replace(
            ",Illustrative fixture,true", ",Illustrative fixture,yes", 1
        ),
        sql="SELECT illustrative, count(*) FROM recommendations GROUP BY ALL ORDER BY 1",
        rows=[(False, 7), (True, 3)],
    ),
    Case(
        "two-leads",
        "two lead institutions for one recommendation",
        "assignments.csv",
        sub("ATL-C2-20.3,MOEYS,supporting", "ATL-C2-20.3,MOEYS,lead"),
        problems=(
            "assignments.csv:4: role: lead: a second lead for ATL-C2-20.3: expected at most one lead per recommendation "
            "(first lead on line 3)",
        ),
    ),
    Case(
        "totals-not-adding-up",
        "official totals where supported + noted ≠ received",
        "official_totals.csv",
        sub("Atlantis,1,4,3,1", "Atlantis,1,4,3,2"),
        problems=(
            "official_totals.csv:2: received: 4: does not add up: expected received = supported + noted (3 + 2 = 5)",
        ),
    ),
    # --- dates and numbers -----------------------------------------------------------------------
    Case(
        "date-day-first",
        "a date written 31/12/2020",
        "progress.csv",
        sub("2016-05-01", "31/12/2020"),
        problems=(
            "progress.csv:2: date: 31/12/2020: expected a date as YYYY-MM-DD, e.g. 2024-03-31 (day and month order "
            "is ambiguous in other forms)",
        ),
    ),
    Case(
        "date-excel-serial",
        "a date as an Excel serial number (44196)",
        "progress.csv",
        sub("2016-05-01", "44196"),
        problems=(
            "progress.csv:2: date: 44196: an Excel date serial number: expected a date as YYYY-MM-DD, e.g. 2024-03-31 "
            "(format the column as a date before saving)",
        ),
    ),
    Case(
        "date-impossible",
        "an impossible date (2021-02-30)",
        "progress.csv",
        sub("2016-05-01", "2021-02-30"),
        problems=(
            "progress.csv:2: date: 2021-02-30: not a real date: expected a date as YYYY-MM-DD, e.g. 2024-03-31",
        ),
    ),
    Case(
        "date-with-time",
        "a date with a time (2016-05-01 10:00)",
        "progress.csv",
        sub("2016-05-01", "2016-05-01 10:00"),
        problems=("progress.csv:2: date: 2016-05-01 10:00: expected a date as YYYY-MM-DD, e.g. 2024-03-31",),
    ),
    Case(
        "number-with-text",
        "a number with words (`3 (three)`)",
        "recommendations.csv",
        sub("ATL-C1-10.1,Atlantis,1,", "ATL-C1-10.1,Atlantis,3 (three),"),
        problems=(
            "recommendations.csv:2: cycle: 3 (three): not a whole number: expected a number from 1 to 20",
        ),
    ),
    Case(
        "number-out-of-range",
        "an action category of 6 (scale 1–5)",
        "recommendations.csv",
        sub("Accepted,,5,Justice", "Accepted,,6,Justice"),
        problems=(
            "recommendations.csv:2: action_category: 6: out of range: expected a whole number from 1 to 5",
        ),
    ),
    Case(
        "number-variants",
        "numbers as ` 1 ` and `5.0` (spaces, a spreadsheet's decimal)",
        "recommendations.csv",
        sub("ATL-C1-10.1,Atlantis,1,5,", "ATL-C1-10.1,Atlantis, 1 ,5.0,"),
        sql="SELECT cycle, session FROM recommendations WHERE id = 'ATL-C1-10.1'",
        rows=[(1, 5)],
    ),
    Case(
        "javascript-url",
        "an evidence link `javascript:alert(1)`",
        "progress.csv",
        sub("https://example.org/report-2016", "javascript:alert(1)"),
        problems=(
            "progress.csv:2: evidence_url: javascript:alert(1): expected a web address starting with http:// or https://",
        ),
    ),
    # --- whole files -----------------------------------------------------------------------------
    Case(
        "empty-file",
        "an empty file (0 bytes)",
        "progress.csv",
        lambda _: b"",
        problems=("progress.csv:1: (file): : the file is empty: expected a header row of column names",),
    ),
    Case(
        "blank-file",
        "a file of spaces, line breaks and a BOM only",
        "progress.csv",
        lambda _: b"\xef\xbb\xbf  \r\n\n",
        problems=("progress.csv:1: (file): : the file is empty: expected a header row of column names",),
    ),
    Case(
        "header-only",
        "recommendations.csv with a header and no rows",
        "recommendations.csv",
        lambda g: g.split("\n")[0] + "\n",
        problems=("recommendations.csv:2: (file): : no rows: expected at least 1 row below the header",),
        some=True,
    ),
    Case(
        "header-only-progress",
        "progress.csv with a header and no rows (no assessments yet)",
        "progress.csv",
        lambda _: P + "\n",
        sql="SELECT count(*) FROM progress",
        rows=[(0,)],
    ),
    Case(
        "missing-required-file",
        "states.csv missing",
        "states.csv",
        lambda _: None,
        problems=("states.csv:0: (file): : missing: this file is required",),
        some=True,
    ),
    Case(
        "nul-byte",
        "a NUL byte in a cell",
        "progress.csv",
        summary("Ten\x00schools"),
        problems=(
            "progress.csv:2: (file): '\\x00': a NUL byte: expected plain text (re-save the file as CSV UTF-8)",
        ),
    ),
    Case(
        "very-long-cell",
        "a cell of 20,001 characters",
        "progress.csv",
        summary("y" * 20_001),
        problems=(
            "progress.csv:2: summary: "
            + "y" * 57
            + "...: a value too long: expected at most 20,000 characters",
        ),
    ),
    Case(
        "long-cell-within-limit",
        "a cell of 20,000 characters",
        "progress.csv",
        summary("z" * 20_000),
        **first_summary("z" * 20_000),
    ),
    Case(
        "quoted-newlines",
        "a quoted cell with line breaks (CRLF file), then a bad row",
        "progress.csv",
        encoded(
            "utf-8",
            "\r\n",
            change=lambda g: summary('"Ten\nschools\nbuilt"')(g).replace(
                "ATL-C2-20.3,2016-05-01,government,partially_implemented",
                "ATL-C2-20.3,2016-05-01,government,partly",
            ),
        ),
        problems=(f"progress.csv:7: status: partly: {STATUSES}",),
    ),
    Case(
        "quoted-newlines-loaded",
        "a quoted cell with a line break (CRLF file)",
        "progress.csv",
        encoded("utf-8", "\r\n", change=summary('"Ten\nschools"')),
        **first_summary("Ten\nschools"),
    ),
    Case(
        "formula",
        'a formula-looking cell `=HYPERLINK("http://x","y")`',
        "progress.csv",
        summary('"=HYPERLINK(""http://x"",""y"")"'),
        **first_summary('=HYPERLINK("http://x","y")'),
    ),
    Case(
        "formula-variants",
        "cells starting with +, -, @",
        "recommendations.csv",
        sub("Reform the courts of Atlantis", "+cmd|' /C calc'!A0 -2+3 @SUM(1)"),
        sql="SELECT text FROM recommendations WHERE id = 'ATL-C1-10.1'",
        rows=[("+cmd|' /C calc'!A0 -2+3 @SUM(1)",)],
    ),
    Case(
        "html-and-script",
        "HTML and `<script>` in text",
        "recommendations.csv",
        sub(
            "Reform the courts of Atlantis",
            '<script>alert(1)</script><b onmouseover="x()">bold</b> **md** [l](javascript:x)',
        ),
        sql="SELECT text FROM recommendations WHERE id = 'ATL-C1-10.1'",
        rows=[('<script>alert(1)</script><b onmouseover="x()">bold</b> **md** [l](javascript:x)',)],
    ),
    Case(
        "khmer",
        "Khmer text in a recommendation and a ministry name",
        "recommendations.csv",
        sub("Reform the courts of Atlantis", KHMER),
        sql="SELECT r.text, m.name_km FROM recommendations r, ministries m WHERE r.id = 'ATL-C1-10.1' AND m.id = 'MOJ'",
        rows=[(KHMER, "ក្រសួងយុត្តិធម៌")],
    ),
    Case(
        "decomposed-accents",
        "decomposed Unicode (e + combining accent) is kept as written",
        "recommendations.csv",
        sub("Reform the courts of Atlantis", "Re\u0301forme"),
        sql="SELECT text FROM recommendations WHERE id = 'ATL-C1-10.1'",
        rows=[("Re\u0301forme",)],
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, golden_dir: Path, golden_db: Path, tmp_path: Path):
    check_case(case, golden_dir, golden_db, tmp_path)


def check_case(case: Case, data_dir: Path, built: Path, tmp_path: Path) -> None:
    """Change the files of ``data_dir`` as ``case`` says, build over a copy of ``built`` and check the outcome."""
    for name, make in ((case.file, case.make), *case.more):
        path = data_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        source = data_dir / (case.source or name) if name == case.file else path
        content = make(source.read_text(encoding="utf-8") if source.exists() else "")
        if content is None:
            path.unlink()
        else:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    database = copy_published(built, tmp_path)
    before = fingerprint(database)
    if case.problems is not None:
        lines = problems_of(data_dir, database)
        if case.some:
            assert set(case.problems) <= set(lines), lines
            if case.count is not None:
                more = re.fullmatch(r"\.\.\. and (\d+) more problem\(s\) not shown", lines[-1])
                assert (len(lines) - 1 + int(more.group(1)) if more else len(lines)) == case.count, lines
        else:
            assert lines == list(case.problems)
        assert fingerprint(database) == before
        return
    result = build.run(data_dir, database)
    assert fingerprint(database) != before
    for note in (case.note, *case.notes) if case.note else case.notes:
        assert note in result.notes, result.notes
    if case.sql:
        with duckdb.connect(str(database), read_only=True) as con:
            assert con.execute(case.sql).fetchall() == case.rows


def test_there_are_at_least_40_cases_with_unique_ids():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


def test_docs_bad_input_lists_every_case():
    doc = (ROOT / "docs" / "bad-input.md").read_text(encoding="utf-8")
    missing = [c.id for c in CASES if f"`{c.id}`" not in doc]
    assert not missing, (
        f"docs/bad-input.md does not list: {missing} (regenerate: python -m tests.test_hostile_inputs)"
    )


BIG_ROW = (
    "ATL-C2-20.2,2016-05-01,government,partially_implemented,Ten schools built in the rural north,"
    "https://example.org/r/2016,Government report,false\n"
)


@pytest.mark.big
def test_a_200_mb_file_with_one_bad_row_near_the_end(golden_dir, golden_db, tmp_path):
    """~1.5 million rows: the bad one is named by its line, in well under a minute, nothing published."""
    rows = 1_480_000
    bad_line = rows - 5  # row index rows - 7, and the header is line 1
    with (golden_dir / "progress.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write(P + "\n")
        block = BIG_ROW * 10_000
        for _ in range(rows // 10_000):
            handle.write(block)
    text_size = (golden_dir / "progress.csv").stat().st_size
    # Put the bad row 7 rows from the end, by rewriting the tail.
    with (golden_dir / "progress.csv").open("r+b") as handle:
        handle.seek(text_size - 7 * len(BIG_ROW))
        handle.write(BIG_ROW.replace("partially_implemented", "partially_implemenXed").encode())
    assert text_size > 200_000_000
    database = copy_published(golden_db, tmp_path)
    before = fingerprint(database)
    started = time.perf_counter()
    lines = problems_of(golden_dir, database)
    seconds = time.perf_counter() - started
    assert lines == [f"progress.csv:{bad_line}: status: partially_implemenXed: {STATUSES}"]
    assert fingerprint(database) == before
    assert seconds < 60, f"{seconds:.1f} s"


def markdown_table(cases: tuple[Case, ...] = CASES) -> str:
    """docs/bad-input.md's table, from CASES."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| case | input | outcome |", "|---|---|---|"]
    for c in cases:
        if c.problems is None:
            outcome = "**loaded**" + "".join(f"; note: {n}" for n in (c.note, *c.notes) if n)
            shown = "; ".join(" / ".join(str(v).replace("\n", "↵") for v in row) for row in c.rows or [])
            if c.rows is not None and len(shown) < 120:
                outcome += f"; readers get `{cell(shown)}`"
        else:
            shown = "; ".join(f"`{cell(p)}`" for p in c.problems)
            if c.some and c.count:
                shown += f" and {c.count - len(c.problems):,} more like it"
            outcome = (
                "**rejected**: "
                + shown
                + (" (and the messages that follow from it)" if c.some and not c.count else "")
            )
        where = " (bundled data)" if c.bundled else ""
        lines.append(f"| `{c.id}` | {cell(c.input)}{where} | {outcome} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table())
