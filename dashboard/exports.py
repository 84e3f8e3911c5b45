"""CSV exports a reader can open safely and reuse: the cells the table shows, every file marked when it
holds illustrative rows, every listed recommendation with the address of its official document.

- **Safe**: UTF-8 with BOM (Excel opens Khmer and accents correctly); a text cell starting with =, +,
  -, @, tab or carriage return gets a leading apostrophe, which spreadsheets read as "this is text"
  (OWASP's CSV-injection guidance). Numbers are left alone (a negative number is not a formula).
- **The cells shown, under the data's column names**: the values are the table's (names and words
  in the reader's language, "–" where nobody has assessed, dashboard/columns.py ``for_reader``), flags
  as ``true``/``false`` as data/*.csv writes them, lists joined with " | "; the columns keep data/'s
  names (``recommending_states``, ``government_status``), so files line up across languages. The data
  API (web/api/) answers with the data's own values and codes, for files to merge or re-import.
- **Honest**: an export must say whether illustrative rows are behind it. A table of rows carries the
  ``illustrative`` flag (true/false); a table of counts carries ``illustrative_rows`` (how many of the
  rows counted in each line are illustrative). When any is, the file name says ``-includes-illustrative``.
- **Traceable**: a table with a ``document`` column gets ``document_url``, the UN's resolver for the
  symbol (dashboard/documents.py), beside the paragraph.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.documents import document_url
from vocab import MULTI_SEPARATOR

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ILLUSTRATIVE_MARK = "-includes-illustrative"
FLAG, COUNT = "illustrative", "illustrative_rows"


class UnmarkedExport(ValueError):
    """A table was offered for download without saying whether illustrative rows are behind it."""


def neutralise(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _cell_text(value: object) -> object:
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"  # as data/*.csv writes it, never Python's True/False
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return MULTI_SEPARATOR.join(str(v) for v in list(value))
    return value


def is_boolean(series: pd.Series) -> bool:
    """A column of true/false values (missing ones allowed), whatever pandas made of it."""
    if pd.api.types.is_bool_dtype(series):
        return True
    if series.dtype != object:  # numbers, dates, text: decided without looking at the values
        return False
    values = series.dropna()
    return bool(not values.empty and values.map(lambda v: isinstance(v, (bool, np.bool_))).all())


def with_document_links(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``document_url`` (the UN's address of each row's document) right after
    ``paragraph`` (or ``document``), when it lists documents and has no such column yet."""
    if "document" not in frame.columns or "document_url" in frame.columns:
        return frame
    after = "paragraph" if "paragraph" in frame.columns else "document"
    links = frame["document"].map(document_url)
    out = frame.copy()
    out.insert(out.columns.get_loc(after) + 1, "document_url", links)
    return out


def illustrative_rows(frame: pd.DataFrame) -> int:
    """How many illustrative rows are behind ``frame``: its true ``illustrative`` flags, or the sum of
    its ``illustrative_rows`` counts. Raises UnmarkedExport when it has neither column."""
    if FLAG in frame.columns and is_boolean(frame[FLAG]):
        return int(frame[FLAG].fillna(False).astype(bool).sum())
    if COUNT in frame.columns:
        return int(pd.to_numeric(frame[COUNT], errors="coerce").fillna(0).sum())
    raise UnmarkedExport(
        f"a table with columns {list(frame.columns)} has neither an '{FLAG}' flag nor an '{COUNT}' count: "
        "every export must say whether illustrative rows are behind it"
    )


def includes_illustrative(frame: pd.DataFrame) -> bool:
    """Whether any illustrative row is behind ``frame`` (raises UnmarkedExport when it cannot say)."""
    return illustrative_rows(frame) > 0


def file_name(name: str, frame: pd.DataFrame, day: date) -> str:
    """An export's file name, e.g. ``upr-monitor-recommendations-2026-11-30-includes-illustrative.csv``:
    the suffix says, before anyone opens the file, that illustrative rows are behind it (its flags or
    its counts). Raises UnmarkedExport when ``frame`` says neither."""
    return (
        f"upr-monitor-{name}-{day.isoformat()}{ILLUSTRATIVE_MARK if includes_illustrative(frame) else ''}.csv"
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV bytes: lists joined with ' | ' and booleans as true/false as in data/, every
    text cell neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        series = safe[column]
        if is_boolean(series):
            safe[column] = series.map(
                lambda v: "" if v is None or v is pd.NA or v != v else _cell_text(bool(v))
            )
        elif series.dtype == object or str(series.dtype) in ("str", "string"):
            safe[column] = series.map(lambda v: neutralise(_cell_text(v)))
    return safe.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")
