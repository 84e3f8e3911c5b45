"""Stage each canonical CSV as an all-text DuckDB table, checking its header and its CSV structure.

A staged table ``raw_<name>`` has one VARCHAR column per known column (missing optional columns are
NULL) and DuckDB's ``rowid`` in file order. ``Staged.line_of`` turns a rowid back into the line a
person sees in their spreadsheet, counting quoted line breaks and rows DuckDB had to reject.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.decode import Decoded, decode_file, header_of, record_lines
from etl.problems import CANNOT_LOAD, Problem
from etl.schema import Column, FileSpec, header_key
from etl.workbook import decode_workbook

_REJECT_EXPECTATIONS = {
    "MISSING COLUMNS": "too few cells: expected {n} cells in every row, as in the header",
    "TOO MANY COLUMNS": "too many cells: expected {n} cells in every row, as in the header "
    "(a comma inside a value needs the value in double quotes)",
    "UNQUOTED VALUE": "a stray quote: expected a value in double quotes with inner quotes doubled",
    "INVALID STATE": "malformed CSV: expected values separated by commas, quotes closed",
    "LINE SIZE OVER MAXIMUM": "a row longer than the maximum: expected a normal CSV row (an unclosed quote?)",
    "INVALID ENCODING": "unreadable characters: expected UTF-8 text",
    "CAST": "an unreadable value",
}


@dataclass
class Staged:
    spec: FileSpec
    present: bool
    decoded: Decoded | None = None
    path: Path | None = None  # the file read (e.g. progress.xlsx or Progress.CSV), None when absent
    sheet: str | None = None  # the table's sheet, in a workbook holding several tables
    columns: list[str] = field(default_factory=list)  # known columns found in the header
    ignored_columns: list[str] = field(default_factory=list)
    rejected_records: list[int] = field(default_factory=list)  # data-record indices DuckDB rejected
    loaded: bool = True  # False when staging found problems: the table is missing rows or all of them
    _lines: list[int] | None = None

    def checked_columns(self) -> list[Column]:
        """The columns whose cells the rules check: not an optional column the file does not have."""
        return [c for c in self.spec.columns if c.name in self.columns or not self.present]

    @property
    def filename(self) -> str:
        """The name of the file read, as problems name it (the canonical CSV name when absent)."""
        if self.path is None:
            return self.spec.filename
        return self.path.name if self.sheet is None else f"{self.path.name}[{self.sheet}]"

    def line_of(self, rowid: int) -> int:
        """The spreadsheet line of staged row ``rowid`` (header = line 1)."""
        # Skip over rejected records that come before this row to find its record index.
        record = rowid
        for rejected in self.rejected_records:
            if rejected <= record:
                record += 1
        return self._record_line(record + 1)

    def _record_line(self, record: int) -> int:
        if self._lines is None:
            self._lines = record_lines(self.decoded) if self.decoded else []
        if record < len(self._lines):
            return self._lines[record]
        return record + self.header_line

    @property
    def header_line(self) -> int:
        """The line of the header as a person sees the file (2 after Excel's "sep=" line)."""
        return self.decoded.header_line if self.decoded else 1


def stage_file(
    con: duckdb.DuckDBPyConnection,
    spec: FileSpec,
    path: Path | None,
    work_dir: Path,
    sheet: str | None = None,
) -> tuple[Staged, list[Problem]]:
    """Create ``raw_<table>`` from ``path`` (a CSV or .xlsx file; None: absent; ``sheet``: the table's
    sheet in a workbook of several) and return what was found and any problems. Each file's bytes are
    read once (decoded and hashed from that read)."""
    names = [c.name for c in spec.columns]
    if path is None:
        _create_empty(con, spec)
        if spec.required:
            return Staged(spec, False, loaded=False), [
                Problem(spec.filename, 0, "(file)", "", "missing: this file is required", CANNOT_LOAD)
            ]
        return Staged(spec, False), []

    before = path.stat()
    if path.suffix.lower() == ".xlsx":
        decoded, problems = decode_workbook(path, sheet)
    else:
        decoded, problems = decode_file(path)
    if decoded is None:
        _create_empty(con, spec)
        return Staged(spec, True, path=path, sheet=sheet, loaded=False), _cannot_load(problems)

    header = header_of(decoded)
    staged = Staged(spec, True, decoded, path, sheet)
    cell_problems = problems  # e.g. a workbook's error cells: the table itself still loads
    problems = _check_header(spec, header, staged)
    if problems:
        staged.loaded = False
        _create_empty(con, spec)
        return staged, _cannot_load(problems) + cell_problems

    # DuckDB reads the file itself when it is already clean UTF-8; otherwise a converted copy.
    clean_path = path if decoded.as_on_disk else work_dir / spec.filename
    if not decoded.as_on_disk:
        clean_path.write_text(decoded.text, encoding="utf-8")
    positional = {f"c{i}": "VARCHAR" for i in range(len(header))}
    by_key = {header_key(h): i for i, h in enumerate(header)}
    select = ", ".join(
        f'c{by_key[name]} AS "{name}"' if name in by_key else f'NULL::VARCHAR AS "{name}"' for name in names
    )
    con.execute(
        f"CREATE OR REPLACE TABLE raw_{spec.table} AS SELECT {select} FROM read_csv($path, header = true, "
        "delim = $delim, quote = '\"', escape = '\"', auto_detect = false, strict_mode = true, "
        "columns = $columns, store_rejects = true, rejects_table = 'rejects', rejects_scan = 'rejects_scan', "
        "max_line_size = 4000000)",
        {"path": str(clean_path), "delim": decoded.delimiter, "columns": positional},
    )
    if decoded.as_on_disk and _changed(path, before):
        # DuckDB parsed the file after Python hashed it: a save in between would publish other bytes.
        problems.append(
            Problem(
                staged.filename,
                0,
                "(file)",
                "",
                "the file changed while the build read it: expected it saved and closed (build again)",
            )
        )
    problems += _rejects(con, staged, len(header))
    count = con.execute(f"SELECT count(*) FROM raw_{spec.table}").fetchone()[0]
    if count < spec.min_rows and not problems:
        problems.append(
            Problem(
                staged.filename,
                staged.header_line + 1,
                "(file)",
                "",
                f"no rows: expected at least {spec.min_rows} row below the header",
            )
        )
    staged.loaded = not problems
    return staged, _cannot_load(problems) + cell_problems


def stage_refused(con: duckdb.DuckDBPyConnection, spec: FileSpec, path: Path) -> Staged:
    """An empty ``raw_<table>`` for a table whose file ``path`` the inventory refused (e.g. one of two)."""
    _create_empty(con, spec)
    return Staged(spec, True, path=path, loaded=False)


def _changed(path: Path, before: os.stat_result) -> bool:
    after = path.stat()
    return (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns)


def _cannot_load(problems: list[Problem]) -> list[Problem]:
    """Problems that keep rows of the table out: reported before everything else."""
    return [dataclasses.replace(p, rank=CANNOT_LOAD) for p in problems]


def _check_header(spec: FileSpec, header: list[str], staged: Staged) -> list[Problem]:
    problems = []
    known = {c.name for c in spec.columns}
    seen: dict[str, int] = {}
    for position, raw in enumerate(header, start=1):
        key = header_key(raw)
        if not key:  # a spreadsheet's empty trailing columns: nothing to read, nothing to clash
            staged.ignored_columns.append(f"(unnamed column {position})")
            continue
        if key in seen:
            problems.append(
                Problem(
                    staged.filename,
                    staged.header_line,
                    "(header)",
                    raw,
                    f"a duplicated column name (also column {seen[key]})",
                )
            )
            continue
        seen[key] = position
        if key in known:
            staged.columns.append(key)
        else:
            staged.ignored_columns.append(raw)
    for column in spec.columns:
        if column.required and column.name not in seen:
            problems.append(
                Problem(
                    staged.filename,
                    staged.header_line,
                    "(header)",
                    ", ".join(header)[:200],
                    f"no column '{column.name}': expected the columns "
                    + ", ".join(c.name for c in spec.columns if c.required),
                )
            )
    return problems


def _rejects(con: duckdb.DuckDBPyConnection, staged: Staged, width: int) -> list[Problem]:
    rows = con.execute("SELECT line, error_type::VARCHAR, csv_line FROM rejects ORDER BY line").fetchall()
    con.execute("DELETE FROM rejects")
    con.execute("DELETE FROM rejects_scan")
    problems = []
    seen: set[int] = set()
    for record, error_type, csv_line in rows:
        # DuckDB stores one reject per missing cell of a short row: report each record once.
        if record in seen:
            continue
        seen.add(record)
        # DuckDB numbers records from 1 with the header as record 1.
        staged.rejected_records.append(int(record) - 2)
        expected = _REJECT_EXPECTATIONS.get(error_type, "malformed CSV").format(n=width)
        line = staged._record_line(int(record) - 1)
        problems.append(Problem(staged.filename, line, "(row)", (csv_line or "")[:200], expected))
    staged.rejected_records.sort()
    return problems


def _create_empty(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    columns = ", ".join(f'"{c.name}" VARCHAR' for c in spec.columns)
    con.execute(f"CREATE OR REPLACE TABLE raw_{spec.table} ({columns})")
