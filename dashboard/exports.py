"""CSV exports a reader can open safely: UTF-8 with BOM, formula-looking cells neutralised.

OWASP's CSV-injection guidance: a cell starting with =, +, -, @, tab or carriage return can run as a
formula in a spreadsheet, so such text cells get a leading apostrophe, which spreadsheets treat as
"this is text". Numbers are left alone (a negative number is not a formula). The BOM makes Excel
open Khmer and accented names correctly.
"""

from __future__ import annotations

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
