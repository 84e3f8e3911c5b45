"""Read a table saved as an Excel workbook (``.xlsx``) into the same text a CSV file gives.

One sheet holds the table (other sheets must be empty); its first non-empty row is the header. A
workbook that is not named after a table may hold several, each on a sheet named after it (the plan
template a ministry fills holds actions, indicators and indicator_values): ``table_sheets`` finds them
for the inventory, and ``decode_workbook(path, sheet)`` reads one, ignoring the others. Cells
become the text a person would type in the CSV: whole numbers without ``.0``, dates as YYYY-MM-DD,
TRUE/FALSE as true/false. The sheet's row numbers are kept, so every message points at the row a person
sees in Excel. openpyxl (already pinned for the importers) reads it; python-calamine would be faster,
but monitors' workbooks are small and one library less is one pin less.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import openpyxl

from etl.decode import Decoded, suspects
from etl.problems import Problem

# What Excel shows in a cell whose formula failed: never a value to publish.
EXCEL_ERRORS = frozenset(
    ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA")
)


def table_sheets(path: Path, tables) -> dict[str, str]:
    """``{table: sheet title}`` for each sheet of ``path`` named after one of ``tables`` (any case);
    empty when the workbook cannot be read (the build then says nothing reads it)."""
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return {}
    try:
        titles = {title.strip().lower(): title for title in book.sheetnames}
    finally:
        book.close()
    return {table: titles[table] for table in tables if table in titles}


def decode_workbook(path: Path, sheet: str | None = None) -> tuple[Decoded | None, list[Problem]]:
    """The table on the one non-empty sheet of ``path`` (or on the sheet titled ``sheet``, the others
    ignored) as CSV text, or the problems that stop it.

    Raises OSError when the file cannot be opened at all.
    """
    raw = path.read_bytes()
    name = path.name if sheet is None else f"{path.name}[{sheet}]"
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        return None, [
            Problem(
                name,
                0,
                "(file)",
                "",
                f"not a readable Excel workbook ({type(error).__name__}): expected an .xlsx file saved by a "
                "spreadsheet (a password-protected workbook cannot be read: save a copy without one)",
            )
        ]
    try:
        sheets = [
            (page.title, _rows(page)) for page in book.worksheets if sheet is None or page.title == sheet
        ]
    finally:
        book.close()
    filled = [(title, rows) for title, rows in sheets if rows]
    if not filled:
        return None, [
            Problem(name, 1, "(file)", "", "the workbook is empty: expected a header row of column names")
        ]
    if len(filled) > 1:
        titles = ", ".join(title for title, _ in filled)
        return None, [
            Problem(
                name,
                0,
                "(file)",
                titles,
                f"{len(filled)} sheets hold data: expected the table on one sheet (move or delete the others)",
            )
        ]
    title, rows = filled[0]
    header = rows[0][1]
    problems = [
        Problem(
            name,
            row,
            header[i].strip() if i < len(header) and header[i].strip() else f"(column {i + 1})",
            value,
            "an Excel error value: expected a value (fix the formula or type it)",
        )
        for row, cells in rows
        for i, value in enumerate(cells)
        if value in EXCEL_ERRORS
    ]
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows(cells for _, cells in rows)
    decoded = Decoded(
        text.getvalue(),
        f"an Excel workbook (sheet '{title}')",
        ",",
        sha256=hashlib.sha256(raw).hexdigest(),
        header_line=rows[0][0],
        lines=tuple(row for row, _ in rows),
        suspects=suspects(text.getvalue()),
    )
    return decoded, problems


def _rows(sheet) -> list[tuple[int, list[str]]]:
    """The non-empty rows of ``sheet`` as (sheet row number, cells as text), trailing blanks cut."""
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
        cells = [_text(v) for v in values]
        while cells and cells[-1] == "":
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows


def _text(value: object) -> str:
    """A cell as the text a person would have typed in the CSV."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
