"""Read and write canonical CSV files the way a spreadsheet user expects to find them.

Columns in the order of ``etl.schema`` (the one definition of the format), UTF-8, LF line endings,
minimal quoting; written to a temporary file in the same folder and moved into place, so a crash or
a full disk never leaves half a file that the next build would publish.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from etl.decode import read_dicts
from etl.schema import FILES

COLUMNS: dict[str, list[str]] = {spec.filename: [c.name for c in spec.columns] for spec in FILES}


def read_rows(path: Path) -> list[dict[str, str]]:
    """Every non-blank row of a canonical file, keyed by column as written (the one reading path)."""
    return [row for _, row in read_dicts(path)[1]]


def write_table(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> None:
    """Write rows (keyed by column name) atomically, columns in the given order."""
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_rows(path: Path, rows: Iterable[dict[str, str]]) -> None:
    """Write a canonical file (named after its table) with the schema's columns."""
    write_table(path, COLUMNS[path.name], rows)
