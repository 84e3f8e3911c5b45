"""What a cell was read as, and what to say when it could not be read.

The messages for a cell that is not what its column expects (with the likely cause: a day-first date,
an Excel serial number, a thousands separator, digits of another script, a look-alike letter), and the
notes on cells read differently from how they were written (Khmer digits) or unlikely as written (a
review year after the build's).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata

import duckdb

from etl import hints
from etl.decode import KHMER_DIGITS
from etl.schema import Column
from etl.stage import Staged

_DATE_HINT = "expected a date as YYYY-MM-DD, e.g. 2024-03-31"


def invalid_message(column: Column, value: str) -> str:
    stripped = value.strip()
    if column.kind in ("int", "date"):
        foreign = next(
            (c for c in stripped if c.isdigit() and not c.isascii() and c not in KHMER_DIGITS), None
        )
        if foreign:
            return f"digits of another script ({unicodedata.name(foreign, '?')}): expected the digits 0-9"
        if any(c in KHMER_DIGITS for c in stripped):
            # Read as digits already (_clean_expression): say what they became, so the rest is clear.
            stripped = stripped.translate(_KHMER_TO_ASCII)
            return f"Khmer digits read as {stripped}, " + invalid_message(column, stripped)
    if column.kind == "date":
        if stripped.isdigit() and 20000 < int(stripped) < 80000:
            return f"an Excel date serial number: {_DATE_HINT} (format the column as a date before saving)"
        if "/" in stripped or "." in stripped:
            return f"{_DATE_HINT} (day and month order is ambiguous in other forms)"
        real_form = re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped)
        return f"not a real date: {_DATE_HINT}" if real_form else _DATE_HINT
    if column.kind == "int":
        if re.fullmatch(r"\d{1,3}(?:[,.\u00a0\u202f' ]\d{3})+", stripped):
            return (
                f"not a whole number: a spreadsheet's thousands separator: expected the digits alone, from "
                f"{column.low} to {column.high}"
            )
        return f"not a whole number: expected a number from {column.low} to {column.high}"
    if column.kind == "bool":
        return "expected true or false"
    if column.kind == "url":
        return "expected a web address starting with http:// or https://"
    if column.vocabulary:
        expected = "expected one of " + ", ".join(column.vocabulary)
        close = difflib.get_close_matches(stripped.lower(), column.vocabulary, n=1, cutoff=0.8)
        difference = hints.visible_difference(stripped.lower(), close[0]) if close else None
        return f"{expected} (did you mean '{close[0]}'? {difference})" if difference else expected
    if column.pattern:
        return f"expected {column.pattern_hint}"
    return "an invalid value"


_KHMER_TO_ASCII = str.maketrans(KHMER_DIGITS, "0123456789")


def latest(column: Column, today: dt.date) -> str:
    """The latest value ``column`` may hold on ``today``, as SQL."""
    return f"DATE '{today.isoformat()}'" if column.kind == "date" else str(today.year)


def future_message(today: dt.date) -> str:
    return (
        f"a date in the future: expected the date the assessment was made or published, no later than "
        f"the build's date ({today.isoformat()})"
    )


def future_notes(con: duckdb.DuckDBPyConnection, item: Staged, today: dt.date) -> list[str]:
    """A note per column whose years lie after the build's: a review not yet held, or a typo."""
    notes = []
    for c in item.checked_columns():
        if not (c.future_noted and item.present):
            continue
        count, row, value = con.execute(
            f'SELECT count(*), min(_row), arg_min("{c.name}", _row) FROM clean_{item.spec.table} '
            f'WHERE "{c.name}" > {today.year}'
        ).fetchone()
        if count:
            notes.append(
                f"{item.filename}: {count} row(s) with a {c.name} after {today.year} (first on line "
                f"{item.line_of(row)}: {value}): a review not yet held; check the {c.name} if it has been"
            )
    return notes


def digit_notes(con: duckdb.DuckDBPyConnection, item: Staged) -> list[str]:
    """One note per column whose Khmer digits were read as digits, with the first example."""
    if item.decoded is None or "khmer_digits" not in item.decoded.suspects:
        return []
    notes = []
    for c in item.checked_columns():
        if c.kind not in ("int", "date"):
            continue
        raw, x = f'"{c.name}__raw"', f'"{c.name}"'
        count, row, before, after = con.execute(
            f"SELECT count(*), min(_row), arg_min({raw}, _row), arg_min({x}::VARCHAR, _row) "
            f"FROM clean_{item.spec.table} WHERE {x} IS NOT NULL AND regexp_matches({raw}, '[{KHMER_DIGITS}]')"
        ).fetchone()
        if count:
            notes.append(
                f"{item.filename}: {count} {c.name} value(s) in Khmer digits read as digits "
                f"(line {item.line_of(row)}: {before.strip()} as {after})"
            )
    return notes
