"""What real files and spreadsheets do to the data (issue 12, kinds 4-9): each kind never miscounts.

Every kind has the issue's example and members of the same kind; each is a case like those of
tests/test_hostile_inputs.py (loaded with what readers get, or rejected with the exact messages and the
published database unchanged), and docs/bad-input.md lists them by kind. Cases marked ``bundled`` start
from the bundled Cambodia data, as the issue's examples do; the others from the golden fixture.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401 (registers sloppy-windows-1252: Windows' own reading of 1252)
import openpyxl
import pytest

import paths
from etl.validate import latest_today
from tests.conftest import ROOT
from tests.test_hostile_inputs import (
    ROW,
    Case,
    check_case,
    first_summary,
    markdown_table,
    progress,
    sub,
)

P_HEADER = "recommendation_id,date,assessor,status,summary,evidence_url,source,illustrative"
STATUSES = "expected one of not_implemented, partially_implemented, implemented, no_information"
FIX = "format the column as Text before saving, or re-save from the original file"
KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
FOLLOW = "not listed: they follow from the problem(s) above that keep its rows out; fix those and build again"


def recast(column: str, change) -> callable:
    """Rewrite one column of a CSV's every row, as a spreadsheet re-saving the file would."""

    def make(text: str) -> str:
        rows = list(csv.reader(io.StringIO(text)))
        at = rows[0].index(column)
        for row in rows[1:]:
            row[at] = change(row[at])
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue()

    return make


def drop_column(column: str) -> callable:
    def make(text: str) -> str:
        rows = list(csv.reader(io.StringIO(text)))
        at = rows[0].index(column)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(
            [c for i, c in enumerate(row) if i != at] for row in rows
        )
        return out.getvalue()

    return make


def as_number(cell: str) -> str:
    """What a spreadsheet shows for a cell it reads as a number (82.10 -> 82.1)."""
    try:
        number = float(cell)
    except ValueError:
        return cell
    return str(int(number)) if number.is_integer() else repr(number)


def workbook(sheets: dict[str, list[list]], blank_rows: int = 0) -> bytes:
    """An .xlsx file as a spreadsheet saves it, one sheet per entry (cells typed: dates, booleans...)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for _ in range(blank_rows):
            sheet.append([])
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def typed(text: str) -> list[list]:
    """A CSV's rows as a spreadsheet holds them: dates as dates, true/false as booleans."""
    rows = list(csv.reader(io.StringIO(text)))
    cells = []
    for row in rows:
        out = []
        for cell in row:
            if len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
                out.append(dt.datetime.fromisoformat(cell))
            elif cell in ("true", "false"):
                out.append(cell == "true")
            else:
                out.append(cell or None)
        cells.append(out)
    return cells


def progress_workbook(change=lambda rows: rows, blank_rows: int = 0, extra: dict | None = None):
    def make(golden_progress: str) -> bytes:
        return workbook({"Progress": change(typed(golden_progress)), **(extra or {})}, blank_rows)

    return make


def future_date() -> str:
    """The issue's example (2027-03-31 entered on 2026-11-30) while it is still in the future."""
    example = dt.date(2027, 3, 31)
    return (example if example > latest_today() else latest_today() + dt.timedelta(days=120)).isoformat()


TOMORROW = (latest_today() + dt.timedelta(days=1)).isoformat()  # tomorrow even where it is latest on Earth
SHIFTED = "the Khmer names again)"  # end of the Khmer-lost message

INVISIBLE = (
    Case(
        "nfc-decomposed-state",
        "a recommending state typed with a decomposed accent (o + U+0302, as text copied from a PDF)",
        "recommendations.csv",
        sub(
            "ATL-C1-10.1,Atlantis,1,5,2009,A/HRC/10/1,10.1,France",
            "ATL-C1-10.1,Atlantis,1,5,2009,A/HRC/10/1,10.1,Co\u0302te d'Ivoire",
        ),
        more=(("states.csv", lambda g: g + "Côte d'Ivoire,CIV,African\n"),),
        sql="SELECT recommending_states FROM recommendations WHERE id = 'ATL-C1-10.1'",
        rows=[(["C\u00f4te d'Ivoire"],)],
    ),
    Case(
        "nfc-decomposed-in-states",
        "states.csv itself holding the decomposed spelling, the other files the composed one",
        "states.csv",
        lambda g: g + "Co\u0302te d'Ivoire,CIV,African\n",
        more=(("recommendations.csv", sub("10.1,France", "10.1,Côte d'Ivoire | France")),),
        sql="SELECT s.name, r.recommending_states FROM states s, recommendations r "
        "WHERE s.iso3 = 'CIV' AND r.id = 'ATL-C1-10.1'",
        rows=[("C\u00f4te d'Ivoire", ["C\u00f4te d'Ivoire", "France"])],
    ),
    Case(
        "nfc-decomposed-theme",
        "a theme typed with decomposed accents (E + U+0301) where themes.csv has `Égalité` composed",
        "recommendations.csv",
        sub(",Justice,,,Reform", ",E\u0301galite\u0301 | Justice,,,Reform"),
        more=(("themes.csv", lambda g: g + "Égalité,Groups of persons\n"),),
        sql="SELECT theme FROM recommendation_themes WHERE recommendation_id = 'ATL-C1-10.1' ORDER BY pos",
        rows=[("\u00c9galit\u00e9",), ("Justice",)],
    ),
    Case(
        "nfc-duplicate-name",
        "one state written twice, composed and decomposed",
        "states.csv",
        lambda g: g + "Côte d'Ivoire,CIV,African\nCo\u0302te d'Ivoire,CIV,African\n",
        problems=(
            "states.csv:9: name: Co\u0302te d'Ivoire: a duplicate: expected a unique name (first used on line 8; "
            "the two differ only in how an accent is encoded in Unicode)",
        ),
    ),
    Case(
        "nfc-vocabulary-no-break-space",
        "`noted` followed by a no-break space (copied from a web page)",
        "recommendations.csv",
        sub("Thailand,noted,", "Thailand,noted\u00a0,"),
        sql="SELECT response FROM recommendations WHERE id = 'ATL-C1-10.3'",
        rows=[("noted",)],
    ),
    Case(
        "same-assignment-other-spelling",
        "an assignment repeated with the ids in another case (`atl-c2-20.3`, `moj`)",
        "assignments.csv",
        lambda g: g + "atl-c2-20.3,moj,supporting,Golden fixture,false\n",
        problems=(
            "assignments.csv:8: recommendation_id + ministry_id: atl-c2-20.3 / moj: a duplicate row: expected each "
            "recommendation_id + ministry_id once (first on line 3)",
        ),
    ),
    Case(
        "look-alike-letter",
        "a Cyrillic С in `Chad` (looks the same)",
        "recommendations.csv",
        sub("Brazil | Chad", "Brazil | \u0421had"),
        problems=(
            "recommendations.csv:3: recommending_states: \u0421had: not found: expected a name from states.csv "
            "(did you mean 'Chad'? they look alike but differ: this value has U+0421 CYRILLIC CAPITAL LETTER ES "
            "where the name has U+0043 LATIN CAPITAL LETTER C)",
        ),
    ),
    Case(
        "curly-apostrophe",
        "a theme with a curly apostrophe (`Women’s rights`)",
        "recommendations.csv",
        sub("Right to education | Women's rights,4", "Right to education | Women\u2019s rights,4"),
        problems=(
            "recommendations.csv:3: themes: Women\u2019s rights: not found: expected a name from themes.csv (did you "
            "mean 'Women's rights'? they look alike but differ: this value has U+2019 RIGHT SINGLE QUOTATION MARK "
            "where the name has U+0027 APOSTROPHE)",
        ),
    ),
    Case(
        "zero-width-space",
        "a zero-width space inside a ministry id",
        "assignments.csv",
        sub("ATL-C2-20.3,MOJ,", "ATL-C2-20.3,MO\u200bJ,"),
        problems=(
            "assignments.csv:3: ministry_id: 'MO\\u200bJ': not found: expected an id from ministries.csv (did you "
            "mean 'MOJ'? they look alike but differ: this value has U+200B ZERO WIDTH SPACE more)",
        ),
    ),
)

SPREADSHEET_NUMBERS = (
    Case(
        "paragraph-trailing-zero",
        "bundled recommendations.csv re-saved by a spreadsheet: paragraph 82.10 becomes 82.1 (and 32 more)",
        "recommendations.csv",
        recast("paragraph", as_number),
        bundled=True,
        some=True,
        count=33,
        problems=(
            "recommendations.csv:11: paragraph: 82.1: does not agree with the id KHM-C1-82.10: expected 82.10 "
            f"(a spreadsheet dropped a trailing zero (82.10 became 82.1): {FIX})",
            "recommendations.csv:101: paragraph: 82.1: does not agree with the id KHM-C1-82.100: expected 82.100 "
            f"(a spreadsheet dropped a trailing zero (82.100 became 82.1): {FIX})",
        ),
    ),
    Case(
        "paragraph-twice-in-a-review",
        "two recommendations of one review holding the same paragraph (ids that do not carry it)",
        "recommendations.csv",
        lambda g: g.replace(
            "ILLUS-ATL-C3-001,Atlantis,3,32,2019,A/HRC/30/1,,",
            "ILLUS-ATL-C3-001,Atlantis,3,32,2019,A/HRC/30/1,30.1,",
        ).replace(
            "ILLUS-ATL-C3-002,Atlantis,3,32,2019,A/HRC/30/1,,",
            "ILLUS-ATL-C3-002,Atlantis,3,32,2019,A/HRC/30/1,30.1,",
        ),
        problems=(
            "recommendations.csv:10: paragraph: 30.1: a duplicate: A/HRC/30/1 paragraph 30.1 is already "
            "ILLUS-ATL-C3-001 (line 9): expected each paragraph of a review once (if a spreadsheet re-saved the "
            f"file, 30.10 may have become 30.1: {FIX})",
        ),
    ),
    Case(
        "leading-zeros-dropped",
        "ministry id `007`, and assignments.csv re-saved by a spreadsheet as `7`",
        "assignments.csv",
        lambda g: g.replace(",MOJ,", ",7,"),
        # The golden plan's actions name the ministry too: renamed with it (only assignments.csv lost zeros).
        more=(
            ("ministries.csv", sub("MOJ,", "007,")),
            ("actions.csv", lambda g: g.replace(",MOJ,", ",007,")),
        ),
        problems=(
            "assignments.csv:3: ministry_id: 7: not found: expected an id from ministries.csv (did you mean '007'? "
            f"a spreadsheet dropped leading zeros (007 became 7): {FIX})",
            "assignments.csv:5: ministry_id: 7: not found: expected an id from ministries.csv (did you mean '007'? "
            f"a spreadsheet dropped leading zeros (007 became 7): {FIX})",
        ),
    ),
    Case(
        "id-in-scientific-notation",
        "a numeric ministry id written by a spreadsheet as `1.23457E+11`",
        "ministries.csv",
        sub("MOINF,", "1.23457E+11,"),
        more=(("assignments.csv", lambda g: g.replace(",MOINF,", ",1.23457E+11,")),),
        problems=(
            "ministries.csv:3: id: 1.23457E+11: a number in scientific notation: a spreadsheet wrote a long number "
            f"this way and lost its digits: expected the id as the source writes it ({FIX})",
        ),
    ),
    Case(
        "paragraph-as-date",
        "paragraph `10.1` read by a spreadsheet as a date (`2009-01-10`)",
        "recommendations.csv",
        sub("A/HRC/10/1,10.1,", "A/HRC/10/1,2009-01-10,"),
        problems=(
            "recommendations.csv:2: paragraph: 2009-01-10: a date where a paragraph number belongs: a spreadsheet "
            "read a paragraph such as 5.1 as a date: expected the paragraph as the report numbers it, e.g. 118.5 "
            f"({FIX})",
        ),
    ),
    Case(
        "year-with-decimals",
        "cycle and year as a spreadsheet's decimals (`2.0`, `2014.0`)",
        "recommendations.csv",
        sub("ATL-C2-20.1,Atlantis,2,18,2014,", "ATL-C2-20.1,Atlantis,2.0,18,2014.0,"),
        sql="SELECT cycle, year FROM recommendations WHERE id = 'ATL-C2-20.1'",
        rows=[(2, 2014)],
    ),
    Case(
        "year-with-thousands-separator",
        'a year with a thousands separator (`"2,014"`)',
        "recommendations.csv",
        sub("ATL-C2-20.1,Atlantis,2,18,2014,", 'ATL-C2-20.1,Atlantis,2,18,"2,014",'),
        problems=(
            "recommendations.csv:6: year: 2,014: not a whole number: a spreadsheet's thousands separator: expected "
            "the digits alone, from 2006 to 2100",
        ),
    ),
)

KHMER_KM = "ក្រសួងយុត្តិធម៌"
LOSSY = (
    Case(
        "khmer-saved-as-windows-1252",
        "bundled ministries.csv saved as Excel's plain CSV (Windows-1252): every Khmer name becomes `????`",
        "ministries.csv",
        lambda g: g.encode("cp1252", errors="replace"),
        bundled=True,
        some=True,
        count=12,
        problems=(
            "ministries.csv:2: name_km: ???????????????: Khmer letters lost: only '?' where Khmer text belongs, as "
            'when a file is saved as Excel\'s plain "CSV" (Windows-1252 has no Khmer)'
            ': expected Khmer text (save it again as "CSV UTF-8" from the original, or type ' + SHIFTED,
        ),
    ),
    Case(
        "khmer-question-marks-in-utf8",
        "a Khmer name already turned into `??? ???` and pasted into a UTF-8 file",
        "ministries.csv",
        sub(KHMER_KM, "??????? ?????"),
        problems=(
            "ministries.csv:2: name_km: ??????? ?????: Khmer letters lost: only '?' where Khmer text belongs, as "
            'when a file is saved as Excel\'s plain "CSV" (Windows-1252 has no Khmer): expected Khmer text (save it '
            'again as "CSV UTF-8" from the original, or type ' + SHIFTED,
        ),
    ),
    Case(
        "replacement-characters",
        "U+FFFD replacement characters in a summary (lost in an earlier conversion)",
        "progress.csv",
        sub("Ten schools built", "Ten \ufffd\ufffd schools"),
        problems=(
            "progress.csv:2: summary: Ten \ufffd\ufffd schools: characters lost in an earlier save or conversion "
            "(U+FFFD '\ufffd' in the file): expected the original text (save it again as \"CSV UTF-8\" from the "
            "original)",
        ),
    ),
    Case(
        "bytes-not-windows-1252",
        "a Windows-1252 file with a byte that encoding does not define (0x81)",
        "progress.csv",
        lambda g: g.replace("Ten schools built", "Ten schools\x81 built").encode("latin-1"),
        problems=(
            "progress.csv:2: summary: Ten schools\ufffd built: bytes that are neither UTF-8 nor Windows-1252 (shown as "
            "'\ufffd'): expected the original text (save it again as \"CSV UTF-8\" from the original)",
        ),
    ),
    Case(
        "mojibake-khmer",
        "a Khmer name as UTF-8 read as Windows-1252 and saved again (`áž€áŸ’...`)",
        "ministries.csv",
        lambda g: g.replace(KHMER_KM, KHMER_KM.encode("utf-8").decode("sloppy-windows-1252")),
        problems=(
            "ministries.csv:2: name_km: "
            + repr(
                KHMER_KM.encode("utf-8").decode("sloppy-windows-1252")
            )  # undefined 1252 bytes: C1 controls
            + f": garbled text (UTF-8 read as Windows-1252, then saved): expected '{KHMER_KM}' (open the original "
            'file as UTF-8 and save it as "CSV UTF-8", or correct the text)',
        ),
    ),
    Case(
        "mojibake-accents",
        "French text as UTF-8 read as Windows-1252 and saved again (`Ã‰coles`)",
        "progress.csv",
        sub("Ten schools built", "Ã‰coles construites"),
        problems=(
            "progress.csv:2: summary: Ã‰coles construites: garbled text (UTF-8 read as Windows-1252, then saved): "
            "expected 'Écoles construites' (open the original file as UTF-8 and save it as \"CSV UTF-8\", or "
            "correct the text)",
        ),
    ),
)

FILES_NOT_READ = (
    Case(
        "xlsx-beside-csv",
        "the new quarter saved as progress.xlsx beside the old progress.csv",
        "progress.xlsx",
        progress_workbook(
            lambda rows: (
                rows
                + [["ATL-C2-20.1", dt.datetime(2024, 1, 1), "un", "implemented", None, None, "UN", False]]
            )
        ),
        source="progress.csv",
        problems=(
            "progress.csv:0: (file): progress.csv, progress.xlsx: 2 files for the table progress: expected one "
            "(remove or rename all but the one to publish)",
        ),
    ),
    Case(
        "xlsx-table",
        "progress.xlsx alone (dates and TRUE/FALSE typed as such in Excel)",
        "progress.xlsx",
        progress_workbook(),
        source="progress.csv",
        more=(("progress.csv", lambda _: None),),
        note="progress.xlsx was an Excel workbook (sheet 'Progress'); read with the sheet's row numbers",
        sql="SELECT count(*), min(date)::VARCHAR, max(date)::VARCHAR, count(*) FILTER (WHERE illustrative) FROM progress",
        rows=[(9, "2016-05-01", "2022-01-01", 3)],
    ),
    Case(
        "xlsx-row-numbers",
        "progress.xlsx with two blank rows above the header and a bad status",
        "progress.xlsx",
        progress_workbook(
            lambda rows: [r if i != 3 else [*r[:3], "done", *r[4:]] for i, r in enumerate(rows)], blank_rows=2
        ),
        source="progress.csv",
        more=(("progress.csv", lambda _: None),),
        problems=(f"progress.xlsx:6: status: done: {STATUSES}",),
    ),
    Case(
        "xlsx-two-sheets",
        "progress.xlsx with data on a second sheet",
        "progress.xlsx",
        progress_workbook(extra={"Notes": [["remember to check 20.3"]]}),
        source="progress.csv",
        more=(("progress.csv", lambda _: None),),
        problems=(
            "progress.xlsx:0: (file): Progress, Notes: 2 sheets hold data: expected the table on one sheet (move or "
            "delete the others)",
        ),
    ),
    Case(
        "xlsx-error-cell",
        "progress.xlsx with a formula's error value (`#N/A`) in a summary",
        "progress.xlsx",
        progress_workbook(
            lambda rows: [r if i != 2 else [*r[:4], "#N/A", *r[5:]] for i, r in enumerate(rows)]
        ),
        source="progress.csv",
        more=(("progress.csv", lambda _: None),),
        problems=(
            "progress.xlsx:3: summary: #N/A: an Excel error value: expected a value (fix the formula or type it)",
        ),
    ),
    Case(
        "name-in-other-case",
        "the table saved as `Progress.CSV`",
        "Progress.CSV",
        lambda g: g,
        source="progress.csv",
        more=(("progress.csv", lambda _: None),),
        note="Progress.CSV read as the table progress",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "copies-and-lock-files",
        "`progress (2).csv`, an Excel lock file `~$progress.xlsx` and a folder beside the tables",
        "progress (2).csv",
        lambda g: g,
        source="progress.csv",
        more=(("~$progress.xlsx", lambda _: b"\x00lock"), ("old/.keep", lambda _: "")),
        note="progress (2).csv: not read (only progress.csv or progress.xlsx is; if this file holds the rows to "
        "publish, rename it)",
        notes=(
            "~$progress.xlsx: not read: a lock file (a spreadsheet has the file open: save and close it, then build "
            "again, or the rows you see there may not be in the file)",
            "old/: a folder, not read (the build reads only the files directly in data/)",
        ),
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "format-not-read",
        "themes saved as `themes.ods` (LibreOffice) instead of CSV",
        "themes.ods",
        lambda _: b"PK\x03\x04",
        more=(("themes.csv", lambda _: None),),
        problems=(
            "themes.ods:0: (file): : a format the build does not read: expected themes.csv (save as CSV UTF-8) or "
            "themes.xlsx",
            "themes.ods:0: (references): : 14 reference(s) into this file not found (recommendations.csv 14), "
            + FOLLOW,
        ),
    ),
)

CAUSE_FIRST = (
    Case(
        "missing-column-cause-first",
        "bundled recommendations.csv with its `response` column deleted",
        "recommendations.csv",
        drop_column("response"),
        bundled=True,
        problems=(
            "recommendations.csv:1: (header): id, state_under_review, cycle, session, year, document, p...: no column "
            "'response': expected the columns id, state_under_review, cycle, year, recommending_states, response, "
            "source, illustrative",
            "recommendations.csv:0: (references): : 1,872 reference(s) into this file not found (actions.csv 131, "
            "assignments.csv 373, progress.csv 1,200, recurrence_links.csv 168), " + FOLLOW,
        ),
    ),
    Case(
        "unclosed-quote-cause-first",
        "bundled recommendations.csv with a quote left open in a row others refer to",
        "recommendations.csv",
        sub("\nILLUS-KHM-C3-001,", '\n"ILLUS-KHM-C3-001,'),
        bundled=True,
        problems=(
            'recommendations.csv:341: (row): "ILLUS-KHM-C3-001,Cambodia,3,32,2019,A/HRC/41/17,,Ireland...: a stray '
            "quote: expected a value in double quotes with inner quotes doubled",
            "recommendations.csv:0: (references): : 3 reference(s) into this file not found (progress.csv 3), "
            + FOLLOW,
        ),
    ),
    Case(
        "nul-byte-cause-first",
        "bundled recommendations.csv with a NUL byte in a row",
        "recommendations.csv",
        sub(",Spain,", ",Sp\x00ain,"),
        bundled=True,
        problems=(
            "recommendations.csv:3: (file): '\\x00': a NUL byte: expected plain text (re-save the file as CSV UTF-8)",
            "recommendations.csv:0: (references): : 1,872 reference(s) into this file not found (actions.csv 131, "
            "assignments.csv 373, progress.csv 1,200, recurrence_links.csv 168), " + FOLLOW,
        ),
    ),
    Case(
        "empty-file-cause-first",
        "bundled recommendations.csv emptied",
        "recommendations.csv",
        lambda _: b"",
        bundled=True,
        problems=(
            "recommendations.csv:1: (file): : the file is empty: expected a header row of column names",
            "recommendations.csv:0: (references): : 1,872 reference(s) into this file not found (actions.csv 131, "
            "assignments.csv 373, progress.csv 1,200, recurrence_links.csv 168), " + FOLLOW,
        ),
    ),
    Case(
        "missing-states-cause-first",
        "states.csv missing",
        "states.csv",
        lambda _: None,
        problems=(
            "states.csv:0: (file): : missing: this file is required",
            "states.csv:0: (references): : 25 reference(s) into this file not found (official_totals.csv 3, "
            "recommendations.csv 22), " + FOLLOW,
        ),
    ),
    Case(
        "duplicated-header-cause-first",
        "ministries.csv with a column name twice",
        "ministries.csv",
        sub("id,name,name_km", "id,name,name"),
        problems=(
            "ministries.csv:1: (header): name: a duplicated column name (also column 2)",
            "ministries.csv:0: (references): : 9 reference(s) into this file not found (actions.csv 3, "
            "assignments.csv 6), " + FOLLOW,
        ),
    ),
)

HABITS = (
    Case(
        "sep-line",
        "Excel's `sep=;` first line in a semicolon-separated file",
        "progress.csv",
        lambda g: "sep=;\n" + g.replace(",", ";"),
        note="progress.csv named its separator on its first line (sep=;); read as such",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "sep-line-row-numbers",
        "a `sep=,` first line and a bad status: lines counted as the file shows them",
        "progress.csv",
        lambda g: "sep=,\r\n" + g.replace("partially_implemented,Ten", "done,Ten").replace("\n", "\r\n"),
        problems=(f"progress.csv:3: status: done: {STATUSES}",),
    ),
    Case(
        "sep-line-quoted",
        'a quoted `"sep=;"` line followed by empty cells, as a re-save leaves it',
        "progress.csv",
        lambda g: '"sep=;";;;;;;;\n' + g.replace(",", ";"),
        note="progress.csv named its separator on its first line (sep=;); read as such",
        sql="SELECT count(*) FROM progress",
        rows=[(9,)],
    ),
    Case(
        "khmer-digit-date",
        "a date in Khmer digits (`២០១៦-០៥-០១`)",
        "progress.csv",
        sub("2016-05-01", "2016-05-01".translate(KHMER_DIGITS)),
        note="progress.csv: 1 date value(s) in Khmer digits read as digits (line 2: ២០១៦-០៥-០១ as 2016-05-01)",
        **first_summary("Ten schools built"),
    ),
    Case(
        "khmer-digit-year",
        "a year and a cycle in Khmer digits",
        "recommendations.csv",
        sub("ATL-C2-20.1,Atlantis,2,18,2014,", "ATL-C2-20.1,Atlantis,២,១៨,២០១៤,"),
        note="recommendations.csv: 1 year value(s) in Khmer digits read as digits (line 6: ២០១៤ as 2014)",
        notes=("recommendations.csv: 1 cycle value(s) in Khmer digits read as digits (line 6: ២ as 2)",),
        sql="SELECT cycle, session, year FROM recommendations WHERE id = 'ATL-C2-20.1'",
        rows=[(2, 18, 2014)],
    ),
    Case(
        "khmer-digit-impossible-date",
        "an impossible date in Khmer digits (`២០២១-០២-៣០`)",
        "progress.csv",
        sub("2016-05-01", "2021-02-30".translate(KHMER_DIGITS)),
        problems=(
            "progress.csv:2: date: ២០២១-០២-៣០: Khmer digits read as 2021-02-30, not a real date: expected a date as "
            "YYYY-MM-DD, e.g. 2024-03-31",
        ),
    ),
    Case(
        "other-script-digits",
        "a date in Arabic-Indic digits",
        "progress.csv",
        sub("2016-05-01", "٢٠١٦-٠٥-٠١"),
        problems=(
            "progress.csv:2: date: ٢٠١٦-٠٥-٠١: digits of another script (ARABIC-INDIC DIGIT TWO): expected the digits 0-9",
        ),
    ),
    Case(
        "future-assessment",
        "an assessment dated in the future (2027-03-31 entered on 2026-11-30)",
        "progress.csv",
        progress(ROW.format(summary="x").replace("2016-05-01", future_date())),
        problems=(
            f"progress.csv:2: date: {future_date()}: a date in the future: expected the date the assessment was made "
            f"or published, no later than the build's date ({latest_today().isoformat()})",
        ),
    ),
    Case(
        "future-assessment-tomorrow",
        "an assessment dated tomorrow everywhere on Earth (UTC+14)",
        "progress.csv",
        progress(ROW.format(summary="x").replace("2016-05-01", TOMORROW)),
        problems=(
            f"progress.csv:2: date: {TOMORROW}: a date in the future: expected the date the assessment was made "
            f"or published, no later than the build's date ({latest_today().isoformat()})",
        ),
    ),
    Case(
        "assessment-today",
        "an assessment dated today (the build's date where it is latest)",
        "progress.csv",
        progress(ROW.format(summary="made today").replace("2016-05-01", latest_today().isoformat())),
        sql="SELECT summary FROM progress",
        rows=[("made today",)],
    ),
    Case(
        "future-review-year",
        "a recommendation whose review year is after this year (a scheduled session, or a typo)",
        "recommendations.csv",
        sub("ATL-C2-20.1,Atlantis,2,18,2014,", f"ATL-C2-20.1,Atlantis,2,18,{latest_today().year + 1},"),
        note=f"recommendations.csv: 1 row(s) with a year after {latest_today().year} (first on line 6: "
        f"{latest_today().year + 1}): a review not yet held; check the year if it has been",
        sql="SELECT year FROM recommendations WHERE id = 'ATL-C2-20.1'",
        rows=[(latest_today().year + 1,)],
    ),
)

SECTIONS = (
    ("Invisible differences (Unicode): names compared after NFC, other differences shown", INVISIBLE),
    ("Numbers that are identifiers: what a spreadsheet does to paragraphs and ids", SPREADSHEET_NUMBERS),
    ("Lossy saves: text lost or garbled by an encoding", LOSSY),
    ("Files present but not read: workbooks, copies, other names", FILES_NOT_READ),
    ("The cause first: a table that cannot be loaded, then one line for what follows from it", CAUSE_FIRST),
    ("Spreadsheet and locale habits: sep=, Khmer digits, dates in the future", HABITS),
)
CASES = tuple(case for _, cases in SECTIONS for case in cases)


@pytest.fixture
def bundled_dir(tmp_path) -> Path:
    """A writable copy of the bundled data (the CSVs only), for the issue's own examples."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in paths.data_dir().glob("*.csv"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_spreadsheet_habit(case: Case, request, tmp_path: Path):
    if case.bundled:
        data_dir, built = request.getfixturevalue("bundled_dir"), request.getfixturevalue("bundled_db")
    else:
        data_dir, built = request.getfixturevalue("golden_dir"), request.getfixturevalue("golden_db")
    check_case(case, data_dir, built, tmp_path)


def test_every_kind_has_the_example_and_two_more_members():
    assert all(len(cases) >= 3 for _, cases in SECTIONS)
    assert len({c.id for c in CASES}) == len(CASES)
    from tests.test_hostile_inputs import CASES as EARLIER

    assert not {c.id for c in CASES} & {c.id for c in EARLIER}


def test_the_summary_line_of_a_loaded_case_is_what_the_command_prints(golden_dir, tmp_path):
    """The notes of kind 7 reach the person running ``python -m etl``, not only the build result."""
    from etl import build

    (golden_dir / "progress (2).csv").write_text(P_HEADER + "\n", encoding="utf-8")
    summary = build.run(golden_dir, tmp_path / "upr.duckdb").summary()
    assert "  note: progress (2).csv: not read (only progress.csv or progress.xlsx is;" in summary


def test_docs_bad_input_lists_every_case_by_kind():
    doc = (ROOT / "docs" / "bad-input.md").read_text(encoding="utf-8")
    missing = [c.id for c in CASES if f"`{c.id}`" not in doc]
    assert not missing, (
        f"docs/bad-input.md does not list: {missing} (regenerate: python -m tests.test_spreadsheet_habits)"
    )


def markdown_sections() -> str:
    """docs/bad-input.md's tables of issue 12's kinds, one section each."""
    return "\n\n".join(f"### {title}\n\n{markdown_table(cases)}" for title, cases in SECTIONS)


if __name__ == "__main__":
    print(markdown_sections())
