"""Which file in the data folder holds each table, and every file the build will not read.

A table is read from ``<table>.csv`` or ``<table>.xlsx``, names matched without regard to case (a file
saved as ``Progress.CSV`` on Windows or macOS, where case does not matter, is still that table). Two
files for one table are refused: the build would have to guess which one to publish. A table's name in
a spreadsheet format the build does not read (``progress.xls``, ``.ods``, ``.txt``...) is refused too,
so new rows saved that way are never left out without a word. A workbook not named after a table
whose sheets are (``actions``, ``indicators``...: the plan template a ministry fills) holds those
tables, each read from its sheet; it counts as that table's file. Every other file or folder is named in
a note: a copy such as ``progress (2).csv`` with a hint to rename it, an open spreadsheet's lock file
with a hint to save and close it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from etl.problems import CANNOT_LOAD, Problem
from etl.schema import FILES
from etl.workbook import table_sheets

READ_FORMATS = (".csv", ".xlsx")
# Formats a monitor may save a table in that the build does not read: refused, never skipped.
UNREAD_FORMATS = (".xls", ".xlsm", ".xlsb", ".ods", ".numbers", ".tsv", ".txt", ".json")
# Files that are not data and need no word: the folder's documentation, the published database and its
# versions (when it lives here, as by default), and what operating systems and git leave behind.
_SILENT = {"readme.md", ".ds_store", "thumbs.db", "desktop.ini", ".gitkeep", ".gitignore", ".gitattributes"}
_DATABASE_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb.tmp")


@dataclass
class Inventory:
    """The file to read for each table present, the problems, and a note per file not read."""

    files: dict[str, Path] = field(default_factory=dict)  # table -> its one file
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    looked_at: list[Path] = field(default_factory=list)  # every file a build depends on (for hashing)
    refused: dict[str, Path] = field(default_factory=dict)  # table -> a file refused for it (not missing)
    sheets: dict[str, str] = field(default_factory=dict)  # table -> its sheet, in a workbook of several


def take(data_dir: Path) -> Inventory:
    """Sort the entries of ``data_dir`` into table files, refusals and notes (see the module doc)."""
    inventory = Inventory()
    candidates: dict[str, list[Path]] = {spec.table: [] for spec in FILES}
    entries = sorted(data_dir.iterdir(), key=lambda p: p.name) if data_dir.is_dir() else []
    for entry in entries:
        name, lower = entry.name, entry.name.lower()
        stem, suffix = _split(lower)
        if entry.is_dir():
            if not name.startswith("."):
                inventory.notes.append(
                    f"{name}/: a folder, not read (the build reads only the files directly in {data_dir.name}/)"
                )
            continue
        if lower in _SILENT or lower.endswith(_DATABASE_SUFFIXES) or _is_link_swap(lower):
            continue
        if stem in candidates and suffix in READ_FORMATS:
            candidates[stem].append(entry)
        elif stem in candidates and suffix in UNREAD_FORMATS:
            inventory.looked_at.append(entry)
            inventory.problems.append(
                Problem(
                    name,
                    0,
                    "(file)",
                    "",
                    f"a format the build does not read: expected {stem}.csv (save as CSV UTF-8) or {stem}.xlsx",
                    CANNOT_LOAD,
                )
            )
            inventory.refused.setdefault(stem, entry)
        elif suffix == ".xlsx" and (held := table_sheets(entry, candidates)):
            for table, title in held.items():
                candidates[table].append(entry)
                inventory.sheets[table] = title
            inventory.notes.append(f"{name}: tables read from its sheets {', '.join(held.values())}")
        else:
            inventory.notes.append(_why_not_read(name, lower, candidates))
    for table, found in candidates.items():
        inventory.looked_at += found
        if len(found) > 1:
            names = ", ".join(p.name for p in found)
            inventory.problems.append(
                Problem(
                    found[0].name,
                    0,
                    "(file)",
                    names,
                    f"{len(found)} files for the table {table}: expected one (remove or rename all but the one "
                    "to publish)",
                    CANNOT_LOAD,
                )
            )
            inventory.refused[table] = found[0]
        elif found:
            inventory.files[table] = found[0]
            if found[0].name not in (f"{table}.csv", f"{table}.xlsx"):
                inventory.notes.append(f"{found[0].name} read as the table {table}")
    return inventory


def _split(lower: str) -> tuple[str, str]:
    dot = lower.rfind(".")
    return (lower, "") if dot <= 0 else (lower[:dot], lower[dot:])


def _is_link_swap(lower: str) -> bool:
    # publish.py swaps the database link through ".<name>.<pid>.tmp"; a build may be running.
    return lower.startswith(".") and ".duckdb." in lower and lower.endswith(".tmp")


def _why_not_read(name: str, lower: str, candidates: dict[str, list[Path]]) -> str:
    if lower.startswith("~$") or lower.startswith(".~lock."):
        return (
            f"{name}: not read: a lock file (a spreadsheet has the file open: save and close it, then build "
            "again, or the rows you see there may not be in the file)"
        )
    table = next((t for t in sorted(candidates, key=len, reverse=True) if t in lower), None)
    if table is not None:
        return (
            f"{name}: not read (only {table}.csv or {table}.xlsx is; if this file holds the rows to publish, "
            "rename it)"
        )
    return f"{name}: not read (not one of the tables: {', '.join(f'{t}.csv' for t in candidates)})"
