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
# A recommendation's review and paragraph: one recommendation each.
_KEY = "lower(state_under_review), cycle, lower(document), paragraph"
_DISAGREES = f"(paragraph IS NOT NULL AND {_ID_PARAGRAPH} <> '' AND paragraph <> {_ID_PARAGRAPH})"
_SCIENTIFIC = "regexp_full_match(trim({x}), '[0-9](\\.[0-9]+)?[eE][+-]?[0-9]+')"
_DATE_LIKE = (
    "regexp_full_match(trim({x}), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}( 00:00(:00)?)?|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}}"
    "|[0-9]{{1,2}}-[A-Za-z]{{3}}(-[0-9]{{2,4}})?|[A-Za-z]{{3}}-[0-9]{{1,4}}')"
)


def problems(con: duckdb.DuckDBPyConnection, staged: dict[str, Staged]) -> list[tuple]:
    """Every identifier a spreadsheet mangled, as (staged file, row, column, value, expected).

    One scan per table with ids (ministries, recommendations) decides which rules run at all.
    """
    found = []
    for item in staged.values():
        columns = _id_columns(item)
        if not columns:
            continue
        terms = [_notation_screen(columns)]
        if item.spec.table == "recommendations" and "paragraph" in item.columns:
            terms += [
                f"bool_or({_DISAGREES})",
                f"count(paragraph) <> count(DISTINCT CASE WHEN paragraph IS NOT NULL THEN row({_KEY}) END)",
            ]
        flags = con.execute(f"SELECT {', '.join(terms)} FROM clean_{item.spec.table}").fetchone()
        named = _notation(con, item, columns) if flags[0] else []
        found += named
        if len(flags) > 1 and (flags[1] or flags[2]):
            # A paragraph already named as a date or in scientific notation is not named again.
            flagged = {row for _, row, column, *_ in named if column == "paragraph"}
            found += _paragraphs(con, item, flags[1], flags[2], flagged)
    return found


def _id_columns(item: Staged) -> list[str]:
    """Columns that hold identifiers a spreadsheet may take for numbers: ids and paragraphs."""
    return [c.name for c in item.spec.columns if c.name in ("id", "paragraph") and c.name in item.columns]


def _notation_screen(columns: list[str]) -> str:
    # Spreadsheets write "1.23E+11"; dates need "/" or "-": a containment test spares the regexps.
    terms = [f"contains(\"{c}__raw\", 'E+') OR contains(\"{c}__raw\", 'e+')" for c in columns]
    terms += [
        f"contains(\"{c}__raw\", '/') OR contains(\"{c}__raw\", '-')" for c in columns if c == "paragraph"
    ]
    return f"coalesce(bool_or({' OR '.join(terms)}), false)"


def _notation(con: duckdb.DuckDBPyConnection, item: Staged, columns: list[str]) -> list[tuple]:
    """Ids and paragraphs a spreadsheet turned into scientific notation or a date."""
    table = f"clean_{item.spec.table}"
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


def _paragraphs(
    con: duckdb.DuckDBPyConnection, item: Staged, wrong_id: bool, doubled: bool, flagged: set[int]
) -> list[tuple]:
    """A paragraph that disagrees with its id, or that another recommendation of the review holds."""
    table = "clean_recommendations"
    found = []
    if wrong_id:
        for row, value, rec_id, meant in con.execute(
            f"SELECT _row, paragraph__raw, id, {_ID_PARAGRAPH} FROM {table} WHERE {_DISAGREES} ORDER BY _row"
        ).fetchall():
            if row in flagged:
                continue
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
            f"WHERE paragraph IS NOT NULL WINDOW w AS (PARTITION BY {_KEY})) WHERE _row > first_row ORDER BY _row"
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
