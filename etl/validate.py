"""Validate and normalise staged tables in DuckDB, driven by the column specs in ``etl.schema``.

For every ``raw_<t>`` this makes ``clean_<t>`` (typed, normalised values beside the raw ones) and for
every reference ``ref_<t>_<column>`` (one row per value, resolved to the referenced spelling). Each
rule is one SQL query that returns the offending rows, so a 500,000-row file is checked in DuckDB's
time, not Python's. Identifiers come from our own spec; values from files only ever travel as data.
Names, vocabularies and references are compared after Unicode NFC normalisation. Beside the rules here:
etl/identifiers.py (what a spreadsheet does to ids and paragraphs), etl/lossy.py (text an encoding lost),
etl/readings.py (messages for unreadable cells, notes on cells read differently from how they were
written). A reference into a table that could not be loaded is counted, not listed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import duckdb

from etl import hints, identifiers, lossy, readings
from etl.decode import KHMER_DIGITS
from etl.problems import FOLLOWS, Problem
from etl.recurrence import rules as recurrence_rules
from etl.schema import ALIASES, MAX_CELL_CHARS, Column, FileSpec, vocab_key
from etl.stage import Staged
from vocab import BOOLEANS, MULTI_SEPARATOR

# Unicode white space as Python's \s knows it (RE2's \s is ASCII only), so that SQL and ``vocab_key``
# agree on a no-break space pasted from a web page.
_SPACE = "\\s\\x{1C}-\\x{1F}\\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}"
_KEY_SQL = (
    f"regexp_replace(regexp_replace(lower(nfc_normalize({{x}})), '^[{_SPACE}]+|[{_SPACE}]+$', '', 'g'), "
    f"'[{_SPACE}_\\-]+', '_', 'g')"
)


def validate(con: duckdb.DuckDBPyConnection, staged: dict[str, Staged]) -> tuple[list[Problem], list[str]]:
    """Build every clean and ref table; return all problems found, with their spreadsheet lines, and
    notes on what was read differently from how it was written (Khmer digits)."""
    found: list[tuple[Staged, int, str, str, str]] = []
    notes: list[str] = []
    today = latest_today()
    for item in staged.values():
        _create_clean(con, item)
        found += _column_problems(con, item, today)
        notes += readings.digit_notes(con, item) + readings.future_notes(con, item, today) + lossy.notes(item)
        found += lossy.problems(con, item)
    found += identifiers.problems(con, staged)
    unplaced: dict[str, Counter[str]] = {}  # table that could not be loaded -> referring file -> count
    for item in staged.values():
        found += _reference_problems(con, item, staged, unplaced)
    problems = [
        Problem(item.filename, item.line_of(row), column, value or "", expected)
        for item, row, column, value, expected in found
    ]
    problems += [_follows(staged[table], counts) for table, counts in unplaced.items()]
    return problems, notes


def latest_today() -> dt.date:
    """The build's date where it is latest on Earth (UTC+14): a date typed "today" anywhere is not
    in the future."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date()


def _follows(target: Staged, counts: Counter[str]) -> Problem:
    """One line for the references into a table that could not be loaded (they would bury its cause)."""
    total = sum(counts.values())
    where = ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
    return Problem(
        target.filename,
        0,
        "(references)",
        "",
        f"{total:,} reference(s) into this file not found ({where}), not listed: they follow from the "
        "problem(s) above that keep its rows out; fix those and build again",
        FOLLOWS,
    )


def _clean_expression(column: Column, khmer_digits: bool = False) -> str:
    x = f'r."{column.name}"'
    value = f"nullif(trim({x}), '')"
    if column.vocabulary or column.kind == "bool":
        return _vocabulary_lookup(column, x)
    if khmer_digits and column.kind in ("int", "date"):
        # Khmer digits are digits (Unicode Nd): read ២០១៩ as 2019, with a note (only in files that
        # have them, so other files pay nothing).
        value = f"nullif(trim(translate({x}, '{KHMER_DIGITS}', '0123456789')), '')"
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
    if column.unique:
        # Names and ids other files refer to are published in NFC (one spelling of each accent).
        return f"nfc_normalize({value})"
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
    expression = (
        f"CASE WHEN {x} IN ({canonical}) THEN {x} ELSE MAP {{{lookup}}}[{_KEY_SQL.replace('{x}', x)}] END"
    )
    return f"({expression})::BOOLEAN" if column.kind == "bool" else expression


def _text(value: str) -> str:
    """A SQL string literal of one of our own vocabulary words."""
    return "'" + value.replace("'", "''") + "'"


def _create_clean(con: duckdb.DuckDBPyConnection, item: Staged) -> None:
    spec = item.spec
    khmer = item.decoded is not None and "khmer_digits" in item.decoded.suspects
    columns = ", ".join(
        f'{_clean_expression(c, khmer)} AS "{c.name}", r."{c.name}" AS "{c.name}__raw"' for c in spec.columns
    )
    con.execute(
        f"CREATE OR REPLACE TABLE clean_{spec.table} AS SELECT r.rowid AS _row, {columns} FROM raw_{spec.table} r"
    )


def _column_problems(con: duckdb.DuckDBPyConnection, item: Staged, today: dt.date):
    spec, table = item.spec, f"clean_{item.spec.table}"
    found = []

    def collect(sql: str, column: str, expected) -> None:
        for row, value, *extra in con.execute(sql).fetchall():
            message = expected(value, *extra) if callable(expected) else expected
            found.append((item, row, column, value, message))

    if _may_have_column_problems(con, item, today):
        for c in item.checked_columns():
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
                    lambda value, c=c: readings.invalid_message(c, value),
                )
            if c.not_future:
                collect(
                    f"SELECT _row, {raw} FROM {table} WHERE {x} > {readings.latest(c, today)}",
                    c.name,
                    readings.future_message(today),
                )
            if c.low is not None:
                collect(
                    f"SELECT _row, {raw} FROM {table} WHERE {x} NOT BETWEEN {c.low} AND {c.high}",
                    c.name,
                    f"out of range: expected a whole number from {c.low} to {c.high}",
                )
            if c.unique:
                collect(
                    f"SELECT _row, {raw}, first_row, first_raw FROM (SELECT _row, {raw}, {x}, "
                    f"min(_row) OVER w AS first_row, arg_min({raw}, _row) OVER w AS first_raw "
                    f"FROM {table} WHERE {x} IS NOT NULL WINDOW w AS (PARTITION BY lower({x}))) "
                    "WHERE _row > first_row",
                    c.name,
                    lambda value, first, first_raw, c=c: (
                        f"a duplicate: expected a unique {c.name} (first used on line {item.line_of(first)}"
                        + (
                            "; the two differ only in how an accent is encoded in Unicode"
                            if hints.encoded_differently(value.strip(), first_raw.strip())
                            else ""
                        )
                        + ")"
                    ),
                )
        if spec.key:
            names = ", ".join(f'"{k}"' for k in spec.key)
            collect(
                f"SELECT _row, concat_ws(' / ', {names}), first_row FROM (SELECT _row, {names}, "
                f"min(_row) OVER (PARTITION BY {_key_sql(spec)}) AS first_row FROM {table}) WHERE _row > first_row",
                " + ".join(spec.key),
                lambda value, first: (
                    f"a duplicate row: expected each {' + '.join(spec.key)} once (first on line {item.line_of(first)})"
                ),
            )
    for table_name, column, sql, message in ROW_RULES:
        if table_name == spec.table and item.present:
            collect(sql.format(table=table), column, lambda *found, m=message: m(item.line_of, *found))
    return found


def _key_sql(spec: FileSpec) -> str:
    """A file's key columns as compared: references as they resolve (any case, NFC), others as read."""
    return ", ".join(
        f'lower(nfc_normalize("{k}"))' if spec.column(k).references else f'"{k}"' for k in spec.key
    )


def _may_have_column_problems(con: duckdb.DuckDBPyConnection, item: Staged, today: dt.date) -> bool:
    """One scan answering "could any column rule below find something?" (never no when one would).

    A clean file, the usual case, then skips the query per rule and column (half a second at global
    scale); a file with a problem runs them all, so every bad cell is still named.
    """
    spec, table = item.spec, f"clean_{item.spec.table}"
    terms = []
    for c in item.checked_columns():
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
        if c.not_future:
            terms.append(f"bool_or({x} > {readings.latest(c, today)})")
        if c.unique:
            terms.append(f"count({x}) <> count(DISTINCT lower({x}))")
    if spec.key:
        # Rows compare NULL fields as equal, as the PARTITION BY of the duplicate-row rule does.
        terms.append(f"count(*) <> count(DISTINCT row({_key_sql(spec)}))")
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
        "min(_row) OVER (PARTITION BY lower(nfc_normalize(recommendation_id))) AS first_row FROM {table} "
        "WHERE role = 'lead') "
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
    # The government's plan (issue 17).
    (
        "actions",
        "due_date",
        "SELECT _row, due_date__raw, start_date__raw FROM {table} WHERE due_date < start_date",
        lambda line_of, value, start: (
            f"before the start date ({start.strip()}): expected a due date on or after the start date"
        ),
    ),
    (
        "actions",
        "recommendation_ids",
        "SELECT v._row, v.value, r.response FROM (SELECT _row, unnest(recommendation_ids) AS value FROM {table}) v "
        "JOIN clean_recommendations r ON lower(r.id) = lower(v.value) WHERE r.response <> 'supported'",
        lambda line_of, value, response: (
            f"a recommendation the government has not supported ({response}): expected a supported one "
            "(the plan answers the supported recommendations)"
        ),
    ),
    (
        "indicators",
        "target_unit",
        "SELECT _row, target_unit__raw, unit FROM {table} WHERE target_unit <> unit",
        lambda line_of, value, unit: (
            f"another unit than the baseline's ({unit}): expected the target in {unit}, as the baseline "
            "(convert it, or measure it with another indicator)"
        ),
    ),
    (
        "indicators",
        "target_date",
        "SELECT _row, target_date__raw, baseline_date__raw FROM {table} WHERE target_date < baseline_date",
        lambda line_of, value, baseline: (
            f"before the baseline date ({baseline.strip()}): expected a target date after the baseline's"
        ),
    ),
    (
        "indicators",
        "baseline_date",
        "SELECT _row, coalesce(baseline_date__raw, ''), baseline__raw FROM {table} "
        "WHERE baseline IS NOT NULL AND nullif(trim(baseline_date__raw), '') IS NULL",
        lambda line_of, value, baseline: (
            f"empty: expected the date of the baseline ({baseline.strip()}), to draw it where it belongs"
        ),
    ),
    (
        "indicator_values",
        "unit",
        "SELECT v._row, v.unit__raw, i.unit, i.id FROM {table} v "
        "JOIN clean_indicators i ON lower(i.id) = lower(v.indicator_id) WHERE v.unit <> i.unit",
        lambda line_of, value, unit, indicator: (
            f"another unit than indicator {indicator}'s ({unit}): expected the value in {unit}"
        ),
    ),
    (
        "official_totals",
        "rejected",
        "SELECT _row, rejected__raw, noted FROM {table} WHERE rejected > noted",
        lambda line_of, value, noted: f"more than the noted ({noted}): expected the rejected among the noted",
    ),
) + recurrence_rules.ROW_RULES


def _reference_problems(
    con: duckdb.DuckDBPyConnection, item: Staged, staged: dict[str, Staged], unplaced: dict[str, Counter[str]]
):
    """Unresolved references of ``item``, listed; those into a table that could not be loaded are only
    counted in ``unplaced`` (they say nothing the table's own problems do not)."""
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
            # Targets are unique columns, already NFC (see _clean_expression): normalise this side only.
            f'ON lower(nfc_normalize(v.value)) = lower(t."{target_column}")'
        )
        target = staged[target_table]
        if not target.loaded:
            (count,) = con.execute(f"SELECT count(*) FROM {ref} WHERE resolved IS NULL").fetchone()
            if count:
                unplaced.setdefault(target_table, Counter())[item.filename] += count
            continue
        t = f'clean_{target_table} t WHERE t."{target_column}" IS NOT NULL'
        similarity = f'jaro_winkler_similarity(lower(t."{target_column}"), lower(nfc_normalize(m.value)))'
        missing = con.execute(
            # Close by Jaro-Winkler, or one character apart (a look-alike letter in a short name).
            f'SELECT m._row, m.value, (SELECT t."{target_column}" FROM {t} AND ({similarity} > 0.88 OR '
            f'(length(m.value) > 3 AND levenshtein(lower(t."{target_column}"), lower(nfc_normalize(m.value))) = 1)) '
            f"ORDER BY {similarity} DESC LIMIT 1), "
            # The same number written another way (82.1 for 82.10, 7 for 007): a spreadsheet's doing.
            f'(SELECT t."{target_column}" FROM {t} AND try_cast(t."{target_column}" AS DOUBLE) = '
            f"try_cast(m.value AS DOUBLE) LIMIT 1) "
            f"FROM {ref} m WHERE m.resolved IS NULL ORDER BY m._row, m.pos"
        ).fetchall()
        for row, value, closest, same_number in missing:
            article = "an" if target_column[0] in "aeiou" else "a"
            expected = f"not found: expected {article} {target_column} from {target.filename}"
            found.append((item, row, c.name, value, expected + _hint(value, closest, same_number)))
    return found


def _hint(value: str, closest: str | None, same_number: str | None) -> str:
    """The "did you mean" of a reference not found, with what makes it differ when that cannot be seen."""
    if same_number is not None and (cause := hints.number_mangled(value, same_number)):
        return f" (did you mean '{same_number}'? {cause}: {hints.SPREADSHEET_FIX})"
    if hints.SCIENTIFIC.fullmatch(value):
        return (
            " (a spreadsheet wrote a long number in scientific notation and lost its digits: "
            f"{hints.SPREADSHEET_FIX})"
        )
    if closest is None:
        return ""
    difference = hints.visible_difference(value, closest)
    return f" (did you mean '{closest}'? {difference})" if difference else f" (did you mean '{closest}'?)"
