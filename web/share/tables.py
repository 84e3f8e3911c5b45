"""A query's rows as a share page's table: headers in the reader's language, every cell as text.

Headers come from dashboard/columns.py (the interactive tables' own); numbers and dates are written
in the reader's notation; a list cell is joined with " | " as in data/*.csv and the CSV exports.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from dashboard.columns import HEADERS
from dashboard.i18n import _, fmt_int, fmt_pct
from vocab import MULTI_SEPARATOR
from web.share.model import Table

LINK_COLUMNS = frozenset({"source_url", "evidence_url", "official_source_url"})
PERCENT_COLUMNS = frozenset({"rate", "government_moved_rate", "civil_society_moved_rate"})
PLAIN_NUMBERS = frozenset({"cycle", "year", "paragraph", "action_category"})  # never "2,019"


def cell(column: str, value) -> str:
    """One value as the text a reader sees in ``column``."""
    if isinstance(value, (list, tuple)) or (hasattr(value, "ndim") and getattr(value, "ndim", 0) > 0):
        return MULTI_SEPARATOR.join(str(v) for v in list(value))
    if value is None or pd.isna(value):  # None, NaN, NA and NaT alike: an empty cell
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if column in PERCENT_COLUMNS:
        return fmt_pct(value)
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool) or hasattr(value, "item"):
        number = value.item() if hasattr(value, "item") else value
        if isinstance(number, bool):
            return _("yes") if number else _("no")
        if isinstance(number, float) and not number.is_integer():
            return str(round(number, 2))
        return str(int(number)) if column in PLAIN_NUMBERS else fmt_int(number)
    return str(value)


def table(
    frame: pd.DataFrame,
    limit: int | None = None,
    csv: str = "",
    caption: str = "",
    headers: dict[str, str] | None = None,
) -> Table:
    """``frame`` (a query's rows, column names as in dashboard/columns.py) as a Table of its first
    ``limit`` rows (all when None); ``headers`` overrides a column's header."""
    columns = tuple(str(c) for c in frame.columns)
    names = tuple((headers or {}).get(c) or (_(HEADERS[c]) if c in HEADERS else c) for c in columns)
    shown = frame if limit is None else frame.head(limit)
    values = [shown[c].tolist() for c in shown.columns]  # column by column: far faster than row tuples
    rows = tuple(
        tuple(cell(c, v) for c, v in zip(columns, row, strict=True)) for row in zip(*values, strict=True)
    )
    return Table(columns, names, rows, total=len(frame), caption=caption, csv=csv,
                 links=LINK_COLUMNS & set(columns))  # fmt: skip
