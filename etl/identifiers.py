"""Numbers that are identifiers: catch what a spreadsheet does to them when it re-saves a file.

A spreadsheet reads ``82.10`` as the number 82.1 and writes it back so; it drops the zeros of ``007``,
writes a long id as ``1.23E+11`` and may read a paragraph ``5.1`` as a date. The cell still looks like a
paragraph or an id, so nothing else would notice: 33 recommendations would cite the wrong paragraph
and three would claim A/HRC/13/4 paragraph 82.1. Checked here:

- a recommendation's ``paragraph`` agrees with its ``id`` where the id carries one (``KHM-C1-82.10``);
- each (state under review, cycle, document, paragraph) is one recommendation;
- no id or paragraph is in scientific notation or a date.

Each message names the likely cause. One scan per table decides whether any rule needs to run.
"""

from __future__ import annotations

import duckdb

from etl.hints import SPREADSHEET_FIX, number_mangled
from etl.stage import Staged

# The paragraph an id ends with: KHM-C1-82.10 -> 82.10 (ids without a dotted number carry none).
_ID_PARAGRAPH = "regexp_extract(id, '-([0-9]+(\\.[0-9]+)+)$', 1)"
_SCIENTIFIC = "regexp_full_match(trim({x}), '[0-9](\\.[0-9]+)?[eE][+-]?[0-9]+')"
_DATE_LIKE = (
    "regexp_full_match(trim({x}), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}( 00:00(:00)?)?|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}"
    "|[0-9]{{1,2}}-[A-Za-z]{{3}}(-[0-9]{{2,4}})?|[A-Za-z]{{3}}-[0-9]{{1,4}}')"
)


def problems(con: duckdb.DuckDBPyConnection, staged: dict[str, Staged]) -> list[tuple]:
    """Every identifier a spreadsheet mangled, as (staged file, row, column, value, expected)."""
    found = []
    for item in staged.values():
        found += _notation(con, item)
    return found + _paragraphs(con, staged["recommendations"])


def _notation(con: duckdb.DuckDBPyConnection, item: Staged) -> list[tuple]:
    """Unique ids (and paragraphs) a spreadsheet turned into scientific notation or a date."""
    columns = [
        c.name for c in item.spec.columns if (c.unique or c.name == "paragraph") and c.name in item.columns
    ]
    if not columns:
        return []
    table = f"clean_{item.spec.table}"
    # Spreadsheets write "1.23E+11"; dates need "/" or "-": a containment test spares the regexps.
    screen = " OR ".join(f"contains(\"{c}__raw\", 'E+') OR contains(\"{c}__raw\", 'e+')" for c in columns)
    screen += "".join(
        f" OR contains(\"{c}__raw\", '/') OR contains(\"{c}__raw\", '-')" for c in columns if c == "paragraph"
    )
    if not con.execute(f"SELECT bool_or({screen}) FROM {table}").fetchone()[0]:
        return []
    found = []
    for c in columns:
        raw = f'"{c}__raw"'
        for row, value in con.execute(
            f"SELECT _row, {raw} FROM {table} WHERE {_SCIENTIFIC.format(x=raw)} ORDER BY _row"
        ).fetchall():
            found.append(
                (
                    item,
                    row,
                    c,
                    value,
                    "a number in scientific notation: a spreadsheet wrote a long number this way and lost its "
                    f"digits: expected the {c} as the source writes it ({SPREADSHEET_FIX})",
                )
            )
        if c == "paragraph":
            for row, value in con.execute(
                f"SELECT _row, {raw} FROM {table} WHERE {_DATE_LIKE.format(x=raw)} ORDER BY _row"
            ).fetchall():
                found.append(
                    (
                        item,
                        row,
                        c,
                        value,
                        "a date where a paragraph number belongs: a spreadsheet read a paragraph such as 5.1 as "
                        f"a date: expected the paragraph as the report numbers it, e.g. 118.5 ({SPREADSHEET_FIX})",
                    )
                )
    return found


def _paragraphs(con: duckdb.DuckDBPyConnection, item: Staged) -> list[tuple]:
    """A paragraph that disagrees with its id, or that another recommendation of the review holds."""
    if not item.present or "paragraph" not in item.columns:
        return []
    table = "clean_recommendations"
    key = "lower(state_under_review), cycle, lower(document), paragraph"
    disagrees = f"(paragraph IS NOT NULL AND {_ID_PARAGRAPH} <> '' AND paragraph <> {_ID_PARAGRAPH})"
    wrong_id, doubled = con.execute(
        f"SELECT bool_or({disagrees}), count(paragraph) <> count(DISTINCT CASE WHEN paragraph IS NOT NULL "
        f"THEN row({key}) END) FROM {table}"
    ).fetchone()
    found = []
    flagged = set()
    if wrong_id:
        for row, value, rec_id, meant in con.execute(
            f"SELECT _row, paragraph__raw, id, {_ID_PARAGRAPH} FROM {table} WHERE {disagrees} ORDER BY _row"
        ).fetchall():
            cause = number_mangled(value.strip(), meant)
            found.append(
                (
                    item,
                    row,
                    "paragraph",
                    value,
                    f"does not agree with the id {rec_id}: expected {meant}"
                    + (f" ({cause}: {SPREADSHEET_FIX})" if cause else ""),
                )
            )
            flagged.add(row)
    if doubled:
        rows = con.execute(
            f"SELECT _row, paragraph__raw, document, first_row, first_id FROM (SELECT _row, paragraph__raw, "
            f"document, min(_row) OVER w AS first_row, arg_min(id, _row) OVER w AS first_id FROM {table} "
            f"WHERE paragraph IS NOT NULL WINDOW w AS (PARTITION BY {key})) WHERE _row > first_row ORDER BY _row"
        ).fetchall()
        for row, value, document, first_row, first_id in rows:
            if row in flagged:  # already named with its cause: the same cell twice says nothing new
                continue
            where = f"{document} paragraph {value.strip()}" if document else f"paragraph {value.strip()}"
            found.append(
                (
                    item,
                    row,
                    "paragraph",
                    value,
                    f"a duplicate: {where} is already {first_id} (line {item.line_of(first_row)}): expected "
                    f"each paragraph of a review once{_maybe_dropped_zero(value.strip())}",
                )
            )
    return found


def _maybe_dropped_zero(paragraph: str) -> str:
    """The usual cause of a doubled numeric paragraph, when the id cannot tell."""
    if paragraph.replace(".", "", 1).isdigit() and "." in paragraph:
        return f" (if a spreadsheet re-saved the file, {paragraph}0 may have become {paragraph}: {SPREADSHEET_FIX})"
    return ""
