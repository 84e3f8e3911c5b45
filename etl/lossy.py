"""Lossy saves: text a spreadsheet or a converter destroyed on the way, found before it is published.

- **Khmer turned into "?"**: Excel's plain "CSV" is Windows-1252, which has no Khmer letters; saving
  ministries.csv that way replaces each one with "?", and the Khmer interface would show "????". A
  column meant for Khmer (``name_km``, any ``*_km``) with no Khmer letter but runs of "?" is refused.
- **Replacement characters "�"** (U+FFFD): bytes that no encoding could read, here or in an earlier
  conversion. Refused in any text column.
- **Mojibake**: UTF-8 text read as Windows-1252 and saved again ("Ã©" for "é", "áž€" for "ក").
  Refused in any text column, with the text as it was meant (ftfy reconstructs it).

A file of plain ASCII costs nothing: decoding already said which files need a look (``suspects``).
"""

from __future__ import annotations

import duckdb
import ftfy

from etl.decode import MOJIBAKE_CHARS
from etl.stage import Staged

KHMER_LETTERS = "[\u1780-\u17ff\u19e0-\u19ff]"
_SAVE_AGAIN = 'save it again as "CSV UTF-8" from the original'


def problems(con: duckdb.DuckDBPyConnection, item: Staged) -> list[tuple]:
    """Cells whose text was lost or garbled, as (staged file, row, column, value, expected)."""
    if not item.present or item.decoded is None:
        return []
    found = _khmer_lost(con, item)
    if "lost" in item.decoded.suspects:
        found += _cells(con, item, "contains({raw}, '\ufffd')", [], _replacement_message(item))
    if "mojibake" in item.decoded.suspects:
        for found_item, row, column, value, _ in _cells(
            con, item, "regexp_matches({raw}, ?)", [MOJIBAKE_CHARS], ""
        ):
            meant = ftfy.fix_encoding(value)
            if meant != value:  # the class above is a screen; ftfy decides
                found.append((found_item, row, column, value, _mojibake_message(meant)))
    return found


def notes(item: Staged) -> list[str]:
    """A word on runs of "?" in a file read as a legacy encoding: letters it lacks may be gone."""
    decoded = item.decoded
    if decoded is None or decoded.encoding not in ("Windows-1252", "Mac Roman") or "???" not in decoded.text:
        return []
    line = decoded.text.count("\n", 0, decoded.text.index("???")) + decoded.header_line
    return [
        f"{item.filename}:{line}: runs of '?' in a {decoded.encoding} file: if they stood for letters that "
        f"encoding lacks (Khmer, Thai...), those letters are lost; {_SAVE_AGAIN}"
    ]


def _text_columns(item: Staged) -> list[str]:
    return [
        c.name for c in item.spec.columns if c.kind == "text" and not c.vocabulary and c.name in item.columns
    ]


def _cells(
    con: duckdb.DuckDBPyConnection, item: Staged, condition: str, params: list, expected: str
) -> list[tuple]:
    found = []
    for column in _text_columns(item):
        raw = f'"{column}__raw"'
        rows = con.execute(
            f"SELECT _row, {raw} FROM clean_{item.spec.table} WHERE {condition.format(raw=raw)} ORDER BY _row",
            params,
        ).fetchall()
        found += [(item, row, column, value, expected) for row, value in rows]
    return found


def _khmer_lost(con: duckdb.DuckDBPyConnection, item: Staged) -> list[tuple]:
    found = []
    was = f" (this file was read as {item.decoded.encoding})" if item.decoded.encoding != "UTF-8" else ""
    for column in (c for c in _text_columns(item) if c.endswith("_km")):
        raw = f'"{column}__raw"'
        rows = con.execute(
            f"SELECT _row, {raw} FROM clean_{item.spec.table} WHERE contains({raw}, '?') "
            f"AND NOT regexp_matches({raw}, '{KHMER_LETTERS}') "
            f"AND (contains({raw}, '??') OR regexp_full_match(trim({raw}), '[?\\s]+')) ORDER BY _row"
        ).fetchall()
        found += [
            (
                item,
                row,
                column,
                value,
                "Khmer letters lost: only '?' where Khmer text belongs, as when a file is saved as Excel's "
                f'plain "CSV" (Windows-1252 has no Khmer){was}: expected Khmer text ({_SAVE_AGAIN}, '
                "or type the Khmer names again)",
            )
            for row, value in rows
        ]
    return found


def _replacement_message(item: Staged) -> str:
    encoding = item.decoded.encoding
    if encoding == "Windows-1252":
        cause = "bytes that are neither UTF-8 nor Windows-1252 (shown as '\ufffd')"
    elif encoding in ("UTF-8 with BOM", "UTF-16"):
        cause = f"bytes that are not {encoding.split(' ')[0]} in a file marked as {encoding.split(' ')[0]} (shown as '\ufffd')"
    else:
        cause = "characters lost in an earlier save or conversion (U+FFFD '\ufffd' in the file)"
    return f"{cause}: expected the original text ({_SAVE_AGAIN})"


def _mojibake_message(meant: str) -> str:
    shown = meant if len(meant) <= 60 else meant[:57] + "..."
    return (
        f"garbled text (UTF-8 read as Windows-1252, then saved): expected '{shown}' (open the original file "
        'as UTF-8 and save it as "CSV UTF-8", or correct the text)'
    )
