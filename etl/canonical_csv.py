"""Read and write canonical CSV files the way a spreadsheet user expects to find them.

Columns in the order of ``etl.schema``, UTF-8, LF line endings, minimal quoting; written to a
temporary file and moved into place, so an interrupted write never leaves half a file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path

from etl.schema import FILES_BY_TABLE


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: Iterable[dict[str, str]]) -> None:
    columns = [c.name for c in FILES_BY_TABLE[path.stem].columns]
    temp = path.with_name(f".{path.name}.tmp")
    with temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})
    os.replace(temp, path)
