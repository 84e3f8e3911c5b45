"""Validate and normalise staged tables in DuckDB, driven by the column specs in ``etl.schema``.

For every ``raw_<t>`` this makes ``clean_<t>`` (typed, normalised values beside the raw ones) and for
every reference ``ref_<t>_<column>`` (one row per value, resolved to the referenced spelling). Each
rule is one SQL query that returns the offending rows, so a 500,000-row file is checked in DuckDB's
time, not Python's. Identifiers come from our own spec; values from files only ever travel as data.
"""

from __future__ import annotations

import re

import duckdb

from etl.problems import Problem
from etl.recurrence import rules as recurrence_rules
from etl.schema import ALIASES, MAX_CELL_CHARS, Column, FileSpec, vocab_key
from etl.stage import Staged
from vocab import BOOLEANS, MULTI_SEPARATOR

_KEY_SQL = "regexp_replace(lower(trim({x})), '[\\s_\\-]+', '_', 'g')"
_DATE_HINT = "expected a date as YYYY-MM-DD, e.g. 2024-03-31"


def validate(con: duckdb.DuckDBPyConnection, staged: dict[str, Staged]) -> list[Problem]:
    """Build every clean and ref table; return all problems found, with their spreadsheet lines."""
    found: list[tuple[Staged, int, str, str, str]] = []
    for item in staged.values():
        _create_clean(con, item.spec)
        found += _column_problems(con, item)
    for item in staged.values():
        found += _reference_problems(con, item, staged)
    return [
        Problem(item.filename, item.line_of(row), column, value or "", expected)
        for item, row, column, value, expected in found
    ]


def _clean_expression(column: Column) -> str:
    x = f'r."{column.name}"'
    value = f"nullif(trim({x}), '')"
    if column.vocabulary or column.kind == "bool":
        return _vocabulary_lookup(column, x)
    if column.kind == "int":
        return f"CASE WHEN regexp_full_match({value}, '[0-9]{{1,9}}(\\.0+)?') THEN CAST({value} AS DOUBLE)::INTEGER END"
    if column.kind == "date":
        return f"CASE WHEN regexp_full_match({value}, '\\d{{4}}-\\d{{2}}-\\d{{2}}') THEN try_strptime({value}, '%Y-%m-%d')::DATE END"
    if column.kind == "url":
        return f"CASE WHEN regexp_full_match({value}, 'https?://[^\\s<>\"]+') THEN {value} END"
    if column.multi:
        return f"list_filter(list_transform(string_split({x}, {_text(MULTI_SEPARATOR.strip())}), lambda s: trim(s)), lambda s: s <> '')"
    if column.pattern:
        return f"CASE WHEN regexp_full_match({value}, '{column.pattern}') THEN {value} END"
    return value


def _vocabulary_lookup(column: Column, x: str) -> str:
    """The canonical spelling of a vocabulary cell (NULL when it is none of them).

    A literal MAP from every accepted spelling's key: vocabularies are a few words each, and a join
    against a vocabulary table cost a third of a second at global scale. Cells already spelled the
    canonical way, nearly all of them, skip the normalising regexp.
    """
    values = BOOLEANS if column.kind == "bool" else column.vocabulary
    spellings = {vocab_key(v): v for v in values} | ALIASES.get(column.vocab_name, {})
    lookup = ", ".join(f"{_text(key)}: {_text(canon)}" for key, canon in sorted(spellings.items()))
    canonical = ", ".join(_text(v) for v in values)
    expression = f"CASE WHEN {x} IN ({canonical}) THEN {x} ELSE MAP {{{lookup}}}[{_KEY_SQL.format(x=x)}] END"
    return f"({expression})::BOOLEAN" if column.kind == "bool" else expression


def _text(value: str) -> str:
    """A SQL string literal of one of our own vocabulary words."""
    return "'" + value.replace("'", "''") + "'"


def _create_clean(con: duckdb.DuckDBPyConnection, spec: FileSpec) -> None:
    columns = ", ".join(
        f'{_clean_expression(c)} AS "{c.name}", r."{c.name}" AS "{c.name}__raw"' for c in spec.columns
    )
    con.execute(
        f"CREATE OR REPLACE TABLE clean_{spec.table} AS SELECT r.rowid AS _row, {columns} FROM raw_{spec.table} r"
    )


def _column_problems(con: duckdb.DuckDBPyConnection, item: Staged):
    spec, table = item.spec, f"clean_{item.spec.table}"
    found = []

    def collect(sql: str, column: str, expected) -> None:
        for row, value, *extra in con.execute(sql).fetchall():
            message = expected(value, *extra) if callable(expected) else expected
            found.append((item, row, column, value, message))

    if _may_have_column_problems(con, item):
        for c in _checked_columns(item):
            x, raw = f'"{c.name}"', f'"{c.name}__raw"'
            collect(
                f"SELECT _row, {raw} FROM {table} WHERE length({raw}) > {MAX_CELL_CHARS}",
                c.name,
                f"a value too long: expected at most {MAX_CELL_CHARS:,} characters",
            )
            if c.filled:
                collect(
                    f"SELECT _row, coalesce({raw}, '') FROM {table} WHERE nullif(trim({raw}), '') IS NULL"
                    # A list column holding only separators (' | ') is empty too.
                    + (f" OR len({x}) = 0" if c.multi else ""),
                    c.name,
                    "empty: expected a value (this column must be filled)",
                )
            if not c.multi:
                collect(
                    f"SELECT _row, {raw} FROM {table} WHERE {x} IS NULL AND nullif(trim({raw}), '') IS NOT NULL "
                    f"AND length({raw}) <= {MAX_CELL_CHARS}",
                    c.name,
                    lambda value, c=c: _invalid_message(c, value),
                )
            if c.low is not None:
                collect(
                    f"SELECT _row, {raw} FROM {table} WHERE {x} NOT BETWEEN {c.low} AND {c.high}",
                    c.name,
                    f"out of range: expected a whole number from {c.low} to {c.high}",
                )
            if c.unique:
                collect(
                    f"SELECT _row, {raw}, first_row FROM (SELECT _row, {raw}, {x}, "
                    f"min(_row) OVER (PARTITION BY lower({x})) AS first_row FROM {table} WHERE {x} IS NOT NULL) "
                    "WHERE _row > first_row",
                    c.name,
                    lambda value, first, c=c: (
                        f"a duplicate: expected a unique {c.name} (first used on line {item.line_of(first)})"
                    ),
                )
        if spec.key:
            key = ", ".join(f'"{k}"' for k in spec.key)
            collect(
                f"SELECT _row, concat_ws(' / ', {key}), first_row FROM (SELECT _row, {key}, "
                f"min(_row) OVER (PARTITION BY {key}) AS first_row FROM {table}) WHERE _row > first_row",
                " + ".join(spec.key),
                lambda value, first: (
                    f"a duplicate row: expected each {' + '.join(spec.key)} once (first on line {item.line_of(first)})"
                ),
            )
    for table_name, column, sql, message in ROW_RULES:
        if table_name == spec.table and item.present:
            collect(sql.format(table=table), column, lambda *found, m=message: m(item.line_of, *found))
    return found


def _checked_columns(item: Staged) -> list[Column]:
    """The columns whose cells the rules check: not an optional column the file does not have."""
    return [c for c in item.spec.columns if c.name in item.columns or not item.present]


def _may_have_column_problems(con: duckdb.DuckDBPyConnection, item: Staged) -> bool:
    """One scan answering "could any column rule below find something?" (never no when one would).

    A clean file, the usual case, then skips the query per rule and column (half a second at global
    scale); a file with a problem runs them all, so every bad cell is still named.
    """
    spec, table = item.spec, f"clean_{item.spec.table}"
    terms = []
    for c in _checked_columns(item):
        x, raw = f'"{c.name}"', f'"{c.name}__raw"'
        terms.append(f"bool_or(length({raw}) > {MAX_CELL_CHARS})")
        # A blank or invalid cell always cleans to NULL (or to an empty list): testing that spares
        # trimming every cell again. Whitespace-only optional cells pass here and are cleared below.
        if c.filled:
            terms.append(f"bool_or({x} IS NULL" + (f" OR len({x}) = 0)" if c.multi else ")"))
        elif not c.multi:
            terms.append(f"bool_or({x} IS NULL AND length({raw}) > 0)")
        if c.low is not None:
            terms.append(f"bool_or({x} NOT BETWEEN {c.low} AND {c.high})")
        if c.unique:
            terms.append(f"count({x}) <> count(DISTINCT lower({x}))")
    if spec.key:
        # Rows compare NULL fields as equal, as the PARTITION BY of the duplicate-row rule does.
        key = ", ".join(f'"{k}"' for k in spec.key)
        terms.append(f"count(*) <> count(DISTINCT row({key}))")
    if not terms:
        return False
    (flags,) = con.execute(f"SELECT [{', '.join(terms)}] FROM {table}").fetchone()
    return any(flags)


# Rules across rows or columns that the data tests (etl/checks.py) also assert on the built tables:
# checked here first, so a file breaking them gets a FILE:LINE message instead of a failed build.
ROW_RULES = (
    (
        "assignments",
        "role",
        "SELECT _row, role__raw, recommendation_id, first_row FROM (SELECT _row, role__raw, recommendation_id, "
        "min(_row) OVER (PARTITION BY lower(recommendation_id)) AS first_row FROM {table} WHERE role = 'lead') "
        "WHERE _row > first_row",
        lambda line_of, value, recommendation, first: (
            f"a second lead for {recommendation}: expected at most one lead per recommendation "
            f"(first lead on line {line_of(first)})"
        ),
    ),
    (
        "official_totals",
        "received",
        "SELECT _row, received__raw, supported, noted FROM {table} WHERE received <> supported + noted",
        lambda line_of, value, supported, noted: (
            f"does not add up: expected received = supported + noted ({supported} + {noted} = {supported + noted})"
        ),
    ),
    (
        "official_totals",
        "rejected",
        "SELECT _row, rejected__raw, noted FROM {table} WHERE rejected > noted",
        lambda line_of, value, noted: f"more than the noted ({noted}): expected the rejected among the noted",
    ),
) + recurrence_rules.ROW_RULES


def _invalid_message(column: Column, value: str) -> str:
    stripped = value.strip()
    if column.kind == "date":
        if stripped.isdigit() and 20000 < int(stripped) < 80000:
            return f"an Excel date serial number: {_DATE_HINT} (format the column as a date before saving)"
        if "/" in stripped or "." in stripped:
            return f"{_DATE_HINT} (day and month order is ambiguous in other forms)"
        real_form = re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped)
        return f"not a real date: {_DATE_HINT}" if real_form else _DATE_HINT
    if column.kind == "int":
        return f"not a whole number: expected a number from {column.low} to {column.high}"
    if column.kind == "bool":
        return "expected true or false"
    if column.kind == "url":
        return "expected a web address starting with http:// or https://"
    if column.vocabulary:
        return "expected one of " + ", ".join(column.vocabulary)
    if column.pattern:
        return f"expected {column.pattern_hint}"
    return "an invalid value"


def _reference_problems(con: duckdb.DuckDBPyConnection, item: Staged, staged: dict[str, Staged]):
    found = []
    for c in item.spec.columns:
        if not c.references:
            continue
        target_table, target_column = c.references.split(".")
        ref = f"ref_{item.spec.table}_{c.name}"
        values = (
            f'SELECT _row, generate_subscripts("{c.name}", 1) AS pos, unnest("{c.name}") AS value FROM clean_{item.spec.table}'
            if c.multi
            else f'SELECT _row, 1 AS pos, "{c.name}" AS value FROM clean_{item.spec.table} WHERE "{c.name}" IS NOT NULL'
        )
        con.execute(
            f'CREATE OR REPLACE TABLE {ref} AS SELECT v._row, v.pos, v.value, t."{target_column}" AS resolved '
            f'FROM ({values}) v LEFT JOIN (SELECT DISTINCT ON (lower("{target_column}")) "{target_column}" '
            f'FROM clean_{target_table} WHERE "{target_column}" IS NOT NULL) t '
            f'ON lower(v.value) = lower(t."{target_column}")'
        )
        missing = con.execute(
            f'SELECT m._row, m.value, (SELECT t."{target_column}" FROM clean_{target_table} t '
            f'WHERE jaro_winkler_similarity(lower(t."{target_column}"), lower(m.value)) > 0.88 '
            f'ORDER BY jaro_winkler_similarity(lower(t."{target_column}"), lower(m.value)) DESC LIMIT 1) '
            f"FROM {ref} m WHERE m.resolved IS NULL ORDER BY m._row, m.pos"
        ).fetchall()
        target_file = staged[target_table].filename
        for row, value, closest in missing:
            hint = f" (did you mean '{closest}'?)" if closest else ""
            article = "an" if target_column[0] in "aeiou" else "a"
            expected = f"not found: expected {article} {target_column} from {target_file}{hint}"
            found.append((item, row, c.name, value, expected))
    return found
