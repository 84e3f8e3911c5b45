"""Reader of the UPR Info database export (2015 generation): the original XLS and its CSV conversions.

Layout (../shared/upr-data/FORMATS.md): 11 columns, one row per recommending state. The XLS header
repeats ``Rgrp``/``Org`` (first for the state under review, then for the recommending state), so
columns are read by position, never by name. The CSV conversions rename the header, are Mac Roman and
end lines with CR only.

Joint recommendations: this export cannot tell a joint recommendation from identical words said
separately (A/HRC/26/16 items 118.9 and 118.10 are the same text from Brazil and from Chad, two
recommendations). So, without a paragraph list, every source row is one recommendation. With a
paragraph list (``paragraphs.py``) rows are matched to report paragraphs and joint items merged.

Ids ``{ISO3}-S{session:02d}-{n:04d}`` number the rows of one state and session in source order. They
are stable: the export is a fixed snapshot (2015), its XLS and CSV forms keep the same row order, and a
state's session is never split across files, so importing the same file again gives the same ids,
which keeps assignments and progress rows attached.
"""

from __future__ import annotations

import os
from collections import defaultdict
from functools import cache
from pathlib import Path

import xlrd

from etl.decode import decode_bytes, records
from etl.importers import known_errors, paragraphs, sessions
from etl.importers.countries import clean_name, resolve
from etl.importers.model import ImportResult, Recommendation, SourceError, read_source
from etl.importers.text import tidy
from etl.importers.upr_info_rows import ExportRow, session_id
from vocab import ACTION_CATEGORIES

SHEET = "UPR Info database export"
XLS_HEADER = [
    "SuR",
    "Rgrp",
    "Org",
    "Recommendation",
    "RS",
    "Rgrp",
    "Org",
    "Response",
    "Action",
    "Issue",
    "Session",
]
CSV_HEADER = [
    "To",
    "To-Rgrp",
    "To-Org",
    "Text",
    "From",
    "From-Rgrp",
    "From-Org",
    "Response",
    "Action",
    "Issue",
    "Session",
]
SOURCE = "UPR Info database export (2015)"
THEME_GROUP = "UPR Info"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # every BIFF8 .xls is an OLE2 compound file


@cache
def issue_labels() -> frozenset[str]:
    """The 54 UPR Info issue labels, to tell a label from a typo in the Issue column."""
    lines = Path(__file__).with_name("upr_info_issues.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def read_export(path: Path) -> list[ExportRow]:
    """Every data row of one export file (XLS or CSV, told apart by content, not by name)."""
    raw = read_source(path, "a UPR Info database export (XLS or CSV)")
    cells = _xls_cells(path, raw) if raw.startswith(_OLE_MAGIC) else _csv_cells(path, raw)
    header, body = cells[0], cells[1:]
    expected = XLS_HEADER if raw.startswith(_OLE_MAGIC) else CSV_HEADER
    if [h.strip().lower() for h in header[: len(expected)]] != [h.lower() for h in expected]:
        raise SourceError(
            f"{path}: line 1: header: {', '.join(header)[:120]}: expected {', '.join(expected)}"
            " (a UPR Info database export)"
        )
    rows = []
    for number, values in enumerate(body, start=2):
        if not any(v.strip() for v in values):
            continue  # trailing blank lines are not rows
        values = (values + [""] * 11)[:11]
        rows.append(ExportRow(path.name, number, *values))  # type: ignore[arg-type]
    return rows


def _xls_cells(path: Path, raw: bytes) -> list[list[str]]:
    try:
        # PHPExcel wrote the files with a sector table xlrd calls corrupt; the data itself is whole.
        with open(os.devnull, "w") as quiet:
            book = xlrd.open_workbook(
                file_contents=raw, ignore_workbook_corruption=True, logfile=quiet, on_demand=True
            )
    except Exception as exc:  # xlrd raises many types for truncated or foreign files
        raise SourceError(f"{path}: not a readable XLS workbook ({type(exc).__name__}: {exc})") from exc
    if SHEET not in book.sheet_names():
        raise SourceError(f"{path}: no sheet named '{SHEET}' (found: {', '.join(book.sheet_names())})")
    sheet = book.sheet_by_name(SHEET)
    if sheet.nrows == 0:
        raise SourceError(f"{path}: the sheet '{SHEET}' is empty")
    return [[_cell_text(v) for v in sheet.row_values(i)] for i in range(sheet.nrows)]


def _cell_text(value: object) -> str:
    # xlrd gives numbers as floats: Action 4.0 and Session 6.0 must read "4" and "6".
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_cells(path: Path, raw: bytes) -> list[list[str]]:
    if b"\0" in raw[:4096]:
        raise SourceError(f"{path}: a binary file, not a CSV or XLS UPR Info export")
    # The one reading path; it reads the 2015 conversions' Mac Roman with CR line ends as such.
    decoded, problems = decode_bytes(raw, path.name)
    if decoded is None:
        raise SourceError(f"{path}:{problems[0].line}: {problems[0].expected}")
    return [cells for _, cells in records(decoded)]


def import_export(
    paths: list[Path], states: list[str] | None = None, paragraph_files: list[Path] | None = None
) -> ImportResult:
    """Read export files into canonical recommendations; see the module docstring for the choices."""
    result = ImportResult()
    wanted = _wanted_states(states)
    by_session: dict[tuple[str, int], list[ExportRow]] = defaultdict(list)
    session_file: dict[tuple[str, int], str] = {}
    for path in paths:
        rows = read_export(path)
        result.rows_read += len(rows)
        for row in rows:
            accepted = _check_row(row, result, wanted)
            if accepted is None:
                continue
            key = (accepted, int(row.session))
            first_file = session_file.setdefault(key, row.file)
            if first_file != row.file:
                result.skip(f"session already read from {first_file}")
                continue
            by_session[key].append(row)
    if wanted and not by_session:
        raise SourceError(f"no rows for {', '.join(sorted(wanted))} in {', '.join(p.name for p in paths)}")

    paragraph_lists = paragraphs.read_lists(paragraph_files or [])
    for (state, session), rows in by_session.items():
        for row in rows:
            known_errors.apply(row, state, result)
        plist = paragraph_lists.pop((state, session), None)
        if plist is None:
            _number_rows(state, session, rows, result)
        else:
            paragraphs.merge(state, session, rows, plist, result, to_recommendation)
    for (state, session), plist in paragraph_lists.items():
        result.notes.append(
            f"paragraph list {plist.file}: no export rows for {state} session {session}; list not used"
        )
    return result


def _wanted_states(states: list[str] | None) -> set[str]:
    wanted = set()
    for name in states or []:
        placed = resolve(name)
        if placed is None:
            raise SourceError(f"--state {name}: not a state name the importer can place")
        wanted.add(placed.name)
    return wanted


def _check_row(row: ExportRow, result: ImportResult, wanted: set[str]) -> str | None:
    """The canonical state under review if the row is to be imported; else count why not."""
    if row.response.strip().lower() == "voluntary pledge":
        result.skip("voluntary pledge")
        return None
    if not row.session.strip().isdigit() or int(row.session) < 1:
        result.skip("unreadable Session")
        result.notes.append(f"{row.file}:{row.line}: Session: {row.session!r}: expected a session number")
        return None
    placed = resolve(row.state_under_review)
    name = placed.name if placed else clean_name(row.state_under_review)
    if wanted and name not in wanted:
        result.skip("other state under review (not chosen with --state)")
        return None
    return name


def _number_rows(state: str, session: int, rows: list[ExportRow], result: ImportResult) -> None:
    for n, row in enumerate(rows, start=1):
        result.recommendations.append(to_recommendation(row, session_id(state, session, n), result))


def to_recommendation(row: ExportRow, rec_id: str, result: ImportResult) -> Recommendation:
    """One export row as a canonical recommendation (one recommending state)."""
    session = int(row.session)
    state = result.state(row.state_under_review, row.sur_group)
    position = result.position(f"{row.file}:{row.line}", "Response", row.response)
    action = row.action.strip()
    if action and action not in {str(category) for category in ACTION_CATEGORIES}:
        result.notes.append(
            f"{row.file}:{row.line}: Action: {action!r}: expected {min(ACTION_CATEGORIES)}-{max(ACTION_CATEGORIES)}; left empty"
        )
        action = ""
    return Recommendation(
        id=rec_id,
        state_under_review=state,
        cycle=sessions.cycle_of(session),
        session=session,
        year=sessions.year_of(session),
        recommending_states=[result.state(row.recommending_state, row.rs_group)],
        response=position.response,
        response_label=position.label,
        action_category=int(action) if action else None,
        themes=_themes(row, result),
        text=row.text.strip(),
        source=f"{SOURCE}, file {row.file}" + (f"; {row.correction}" if row.correction else ""),
    )


def _themes(row: ExportRow, result: ImportResult) -> list[str]:
    # Labels contain no commas (some contain " - "), so a plain split on "," is exact.
    labels = [tidy(label) for label in row.issues.split(",") if label.strip()]  # tidy: NFC, spaces
    for label in labels:
        if label not in issue_labels() and label not in result.themes:
            result.notes.append(
                f"{row.file}:{row.line}: Issue: {label!r}: not one of the 54 UPR Info labels; kept"
            )
        result.themes.setdefault(label, THEME_GROUP)
    return labels
