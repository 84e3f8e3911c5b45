"""Read a whole UHRI export as a stream; keep only the UPR records of the chosen states under review.

The full export (FORMATS.md: about 360 MB of JSON, ~250,000 records of every UN mechanism) would take
several GB as Python objects if loaded at once. ijson yields one record at a time, so memory holds
only the records kept (a few thousand for one state); the Excel export is read row by row with
openpyxl's read-only mode. The kept records are written, in the export's own layout, to a small file
that ``etl.importers.uhri.import_file`` reads like any export: the importer stays the one place
that knows what a UHRI record means.

Kept: a record whose body is the UPR ("- UPR"; or no body but UPR fields filled) and whose countries
concerned include a chosen state (the importer then reports a record naming several). Everything
else is counted: other bodies (treaty bodies, special procedures), other states under review.
A file that is not well-formed (cut short, an HTML page, trailing garbage) raises NotWellFormed
after reading as far as it goes: nothing is kept from it.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from etl.fetch.progress import Progress

# JSON keys (FORMATS.md) and normalised Excel headers of the fields the filter looks at.
_JSON_BODY, _JSON_COUNTRIES = "Body", "Countries"
_JSON_UPR = ("UprRecommendingCountry", "UprPositions", "UprSession", "UprCycle")
_XLSX_BODY, _XLSX_COUNTRIES = "recommending body", "countries concerned"
_XLSX_UPR = ("upr recommending states", "upr position", "upr session")


class NotWellFormed(Exception):
    """The export cannot be read to its end: a short reason, e.g. "not well-formed JSON (...)"."""


@dataclass(frozen=True)
class Kept:
    """What the filter read and kept."""

    path: Path  # the kept records, in the export's layout (.json or .xlsx)
    records: int  # records in the export
    kept: int
    other_bodies: int  # not the UPR: treaty bodies, special procedures...
    other_states: int  # UPR records of states under review not chosen


def keep_upr(export: Path, states: set[str], out: Path, stream: TextIO | None = None) -> Kept:
    """Keep the UPR records of ``states`` (canonical names) from ``export``; write them to ``out``.

    ``out`` is given without suffix: the file is ``out`` + ".json" or ".xlsx", the export's own format.
    Raises NotWellFormed.
    """
    with export.open("rb") as handle:
        start = handle.read(4)
    if start.startswith(b"PK"):
        return _keep_xlsx(export, states, out.with_name(out.name + ".xlsx"))
    return _keep_json(export, states, out.with_name(out.name + ".json"), stream)


def _values(value: Any) -> list[str]:
    """A field as clean values: lists flattened, one value per line, "- " prefixes and entities gone."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if item is None:
            continue
        for line in html.unescape(str(item)).replace("\u00a0", " ").splitlines():
            line = re.sub(r"^\s*-\s+", "", line).strip()
            if line:
                out.append(line)
    return out


@lru_cache(maxsize=4096)
def _state(name: str) -> str:
    """A state's canonical name as the importers place it (the name as written when it cannot be)."""
    from etl.importers.countries import resolve

    placed = resolve(name)
    return placed.name if placed else name


def _verdict(body: Any, countries: Any, upr_fields: list[Any], states: set[str]) -> str:
    """ "keep", "other body" or "other state" for one record's fields."""
    bodies = " ".join(_values(body)).lower()
    if bodies and "upr" not in bodies:
        return "other body"
    if not bodies and not any(_values(v) for v in upr_fields):
        return "other body"
    if not {_state(name) for name in _values(countries)} & states:
        return "other state"
    return "keep"


class _CountingReader:
    """A binary file whose reads advance a progress display (ijson reads it in blocks)."""

    def __init__(self, handle: BinaryIO, progress: Progress):
        self.handle, self.progress, self.position = handle, progress, 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.position += len(data)
        self.progress.update(len(data))
        return data


def _first_line(exc: Exception) -> str:
    """yajl's messages draw a caret under the error on further lines: the message is one line."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0].strip()


def _json_prefix(path: Path) -> str:
    """ijson's prefix of the record array: "item" for a bare array, "KEY.item" inside an object."""
    import ijson

    with path.open("rb") as handle:
        head = handle.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
        if head[:1] == b"[":
            return "item"
        if head[:1] != b"{":
            raise NotWellFormed(f"not a JSON export (it starts with {head[:20]!r})")
        handle.seek(0)
        try:
            for prefix, event, _ in ijson.parse(handle):
                if event == "start_array" and prefix and "." not in prefix:
                    return f"{prefix}.item"
        except ijson.JSONError as exc:
            raise NotWellFormed(f"not well-formed JSON ({_first_line(exc)})") from None
    raise NotWellFormed("a JSON object without an array of records: expected a JSON array of UHRI records")


def _json_records(path: Path, stream: TextIO | None) -> Iterator[Any]:
    import ijson

    prefix = _json_prefix(path)
    size = path.stat().st_size
    with path.open("rb") as handle, Progress(f"reading {path.name}", size, stream=stream) as progress:
        reader = _CountingReader(handle, progress)
        try:
            yield from ijson.items(reader, prefix, use_float=True)
        except (ijson.JSONError, UnicodeDecodeError) as exc:
            where = f"near byte {reader.position:,} of {size:,}"
            raise NotWellFormed(f"not well-formed JSON {where} ({_first_line(exc)})") from None


def _keep_json(path: Path, states: set[str], out: Path, stream: TextIO | None) -> Kept:
    kept: list[dict] = []
    records = bodies = others = 0
    for record in _json_records(path, stream):
        records += 1
        if not isinstance(record, dict):
            raise NotWellFormed(f"record {records} is not a JSON object: expected an array of UHRI records")
        verdict = _verdict(
            record.get(_JSON_BODY), record.get(_JSON_COUNTRIES), [record.get(k) for k in _JSON_UPR], states
        )
        if verdict == "keep":
            kept.append(record)
        elif verdict == "other body":
            bodies += 1
        else:
            others += 1
    if records == 0:
        raise NotWellFormed("the export holds no records")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return Kept(out, records, len(kept), bodies, others)


def _header_key(name: object) -> str:
    key = re.sub(r"\s+", " ", str(name or "")).strip().lower()
    return key.replace("reccomending", "recommending")  # OHCHR's spelling


def _cell(row: tuple, columns: dict[str, int], key: str) -> Any:
    """The cell of column ``key`` (a normalised header), or None where the column or cell is absent."""
    index = columns.get(key)
    return row[index] if index is not None and index < len(row) else None


def _keep_xlsx(path: Path, states: set[str], out: Path) -> Kept:
    import openpyxl  # imported here: only the Excel export needs it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise NotWellFormed(f"not a readable Excel .xlsx workbook ({type(exc).__name__})") from None
    header: tuple | None = None
    kept: list[tuple] = []
    records = bodies = others = 0
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            if header is None:  # exports may put a title row above the header
                keys = [_header_key(v) for v in values]
                if "text" in keys:
                    header, columns = values, {k: i for i, k in enumerate(keys)}
                    if _XLSX_COUNTRIES not in columns:
                        raise NotWellFormed(
                            "no 'Countries Concerned' column: expected the UHRI export columns"
                        )
                continue
            if all(v in (None, "") for v in values):
                continue
            records += 1
            body, countries = _cell(values, columns, _XLSX_BODY), _cell(values, columns, _XLSX_COUNTRIES)
            verdict = _verdict(body, countries, [_cell(values, columns, k) for k in _XLSX_UPR], states)
            if verdict == "keep":
                kept.append(values)
            elif verdict == "other body":
                bodies += 1
            else:
                others += 1
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise NotWellFormed(f"the workbook is damaged or truncated ({type(exc).__name__})") from None
    finally:
        book.close()
    if header is None:
        raise NotWellFormed("no header row with a 'Text' column: expected the UHRI export columns")
    if records == 0:
        raise NotWellFormed("the export holds no records")
    out.parent.mkdir(parents=True, exist_ok=True)
    small = openpyxl.Workbook(write_only=True)
    sheet = small.create_sheet()
    sheet.append(list(header))
    for values in kept:
        sheet.append(list(values))
    small.save(out)
    return Kept(out, records, len(kept), bodies, others)
