"""CSV exports a reader can open safely: UTF-8 with BOM, formula-looking cells neutralised.

OWASP's CSV-injection guidance: a cell starting with =, +, -, @, tab or carriage return can run as a
formula in a spreadsheet, so such text cells get a leading apostrophe, which spreadsheets treat as
"this is text". Numbers are left alone (a negative number is not a formula). The BOM makes Excel
open Khmer and accented names correctly.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from vocab import MULTI_SEPARATOR

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_text(value: object) -> object:
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return MULTI_SEPARATOR.join(str(v) for v in list(value))
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV bytes: lists joined with ' | ' as in data/, every text cell neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype) in ("str", "string"):
            safe[column] = safe[column].map(lambda v: neutralise(_cell_text(v)))
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def includes_illustrative(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` has an ``illustrative`` column with any true row."""
    return "illustrative" in frame.columns and bool(frame["illustrative"].any())


def file_name(name: str, frame: pd.DataFrame, day: date) -> str:
    """An export's file name, e.g. ``upr-monitor-recommendations-2026-11-30-includes-illustrative.csv``:
    the suffix says, before anyone opens the file, that it holds made-up rows."""
    suffix = "-includes-illustrative" if includes_illustrative(frame) else ""
    return f"upr-monitor-{name}-{day.isoformat()}{suffix}.csv"
