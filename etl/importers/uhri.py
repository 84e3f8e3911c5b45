"""Reader of the OHCHR Universal Human Rights Index (UHRI) export: Excel (.xlsx) or JSON, UPR rows only.

No real export is available here: the layout is the one reconstructed in
../shared/upr-data/FORMATS.md from three public programs that read it, so the reader is tolerant:
- column names in any order and case, "Reccomending" (OHCHR's spelling) or "Recommending";
- values with or without the "- " prefix, several values on separate lines, ``&nbsp;`` and other
  HTML entities, Excel serial dates, "32 Session" or 32;
- the paragraph number at the start of Text ("110.5 Ratify ...") becomes ``paragraph``.
Rows of other bodies (treaty bodies, special procedures) and "Concerns/Observations" are skipped and
counted. Errors name the file, the row, the column, the value and what was expected.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from etl.importers import sessions
from etl.importers.countries import resolve, split_names
from etl.importers.model import ImportResult, Recommendation, SourceError, read_source
from etl.importers.text import tidy

SOURCE = "OHCHR Universal Human Rights Index export"
THEME_GROUP = "OHCHR"

# normalised Excel header -> field; JSON key -> the same field
_EXCEL_COLUMNS = {
    "text": "text",
    "countries concerned": "countries",
    "recommending body": "body",
    "document symbol": "symbol",
    "themes": "themes",
    "affected persons": "persons",
    "sdgs": "sdgs",
    "document publication date": "published",
    "upr recommending states": "states",
    "upr position": "position",
    "type": "type",
    "ohchr annotation id": "annotation_id",
    "upr session": "session",
}
_JSON_KEYS = {
    "Text": "text",
    "Countries": "countries",
    "Body": "body",
    "Symbol": "symbol",
    "Themes": "themes",
    "AffectedPersons": "persons",
    "Sdgs": "sdgs",
    "PublicationDate": "published",
    "UprRecommendingCountry": "states",
    "UprPositions": "position",
    "AnnotationType": "type",
    "AnnotationId": "annotation_id",
    "UprSession": "session",
    "UprCycle": "cycle",
}
_REQUIRED = ("text", "countries", "states", "position")
_PARAGRAPH = re.compile(r"\s*(\d{2,3}\.\d{1,3})\.?\s+(.*)", re.S)


def _header_key(name: object) -> str:
    key = re.sub(r"\s+", " ", str(name or "")).strip().lower()
    return key.replace("reccomending", "recommending")


def read_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(row number, fields) of every record; the format is told by content, not by the file name."""
    raw = read_source(path, "a UHRI export (.xlsx or .json)")
    if raw.startswith(b"PK"):
        return _excel_records(path)
    if raw.lstrip()[:1] in (b"[", b"{"):
        return _json_records(path, raw)
    raise SourceError(f"{path}: neither an Excel .xlsx nor a JSON file; expected a UHRI export")


def _excel_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    import openpyxl  # imported here: only this format needs it

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SourceError(f"{path}: not a readable Excel .xlsx workbook ({type(exc).__name__})") from exc
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise SourceError(f"{path}: the workbook is damaged or truncated ({type(exc).__name__})") from exc
    finally:
        book.close()
    # The header is the first row holding "Text"; exports sometimes put a title row above it.
    number = next((n for n, values in enumerate(rows, 1) if "text" in map(_header_key, values)), None)
    if number is None:
        raise SourceError(f"{path}: no header row with a 'Text' column: expected the UHRI export columns")
    keys = [_header_key(v) for v in rows[number - 1]]
    fields = {i: _EXCEL_COLUMNS[k] for i, k in enumerate(keys) if k in _EXCEL_COLUMNS}
    missing = [name for name in _REQUIRED if name not in fields.values()]
    if missing:
        names = {v: k for k, v in _EXCEL_COLUMNS.items()}
        raise SourceError(
            f"{path}: row {number}: missing column(s) {', '.join(repr(names[m]) for m in missing)}: "
            "expected the UHRI export columns "
            "(Text, Countries Concerned, UPR Reccomending States, UPR Position...)"
        )
    records = []
    for row_number, values in enumerate(rows[number:], start=number + 1):
        if any(v not in (None, "") for v in values):
            records.append((row_number, {fields[i]: v for i, v in enumerate(values) if i in fields}))
    return records


def _json_records(path: Path, raw: bytes) -> list[tuple[int, dict[str, Any]]]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(f"{path}: not valid JSON ({exc})") from exc
    if isinstance(data, dict):  # some API answers wrap the array: {"...": [records]}
        data = next((v for v in data.values() if isinstance(v, list)), None)
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise SourceError(f"{path}: expected a JSON array of UHRI records")
    records = []
    for number, record in enumerate(data, start=1):
        fields = {_JSON_KEYS[k]: v for k, v in record.items() if k in _JSON_KEYS}
        missing = [name for name in _REQUIRED if name not in fields]
        if missing:
            raise SourceError(
                f"{path}: record {number}: missing key(s) {', '.join(missing)}: expected a UHRI record"
            )
        records.append((number, fields))
    return records


def _values(value: Any) -> list[str]:
    """A cell or JSON value as clean values: entities decoded, one per line, "- " prefixes gone,
    Unicode NFC (names, themes and positions compare equal however their accents were encoded)."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if item is None:
            continue
        text = html.unescape(str(item)).replace("\u00a0", " ")
        for line in text.splitlines():
            line = tidy(re.sub(r"^\s*-\s+", "", line))
            if line:
                out.append(line)
    return out


def _text(value: Any) -> str:
    """Free text: entities decoded, the leading "- " dropped, lines kept."""
    text = html.unescape(str(value or "")).replace("\u00a0", " ")
    return re.sub(r"^\s*-\s+", "", text).strip()


def _session(value: Any) -> int | None:
    found = re.search(r"\d+", " ".join(_values(value)))
    return int(found.group()) if found else None


def _year(value: Any) -> int | None:
    """A publication date as Excel serial, datetime or ISO text."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year
    if isinstance(value, int | float) and 20000 < value < 80000:
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(value))).year  # Excel's day 0
    found = re.search(r"(19|20)\d{2}", " ".join(_values(value)))
    return int(found.group()) if found else None


def _review_year(where: str, session: int | None, published: Any, result: ImportResult) -> int | None:
    """The WG session's year from the calendar, else the document's publication year, else the
    session's year by the three-a-year rhythm (noted: a new session may not be in the calendar yet)."""
    if session and not sessions.year_is_scheduled(session):
        return sessions.year_of(session)
    year = _year(published)
    if year is None and session:
        year = sessions.year_of(session)
        result.notes.append(
            f"{where}: UPR Session: {session}: after the known calendar and no publication date: year {year} "
            "assumed from the three-sessions-a-year rhythm"
        )
    return year


def import_file(path: Path, states: list[str] | None = None) -> ImportResult:
    """UPR recommendations of a UHRI export, optionally for the named states under review only."""
    records = read_records(path)
    result = ImportResult(rows_read=len(records))
    wanted = {placed.name for placed in map(resolve, states or []) if placed}
    if states and len(wanted) != len(states):
        raise SourceError(f"--state {', '.join(states)}: not a state name the importer can place")
    seen: set[str] = set()
    for number, fields in records:
        rec = _recommendation(path, number, fields, wanted, result)
        if rec is None:
            continue
        if rec.id in seen:  # a repeated paragraph keeps both rows, apart, and says so
            result.notes.append(
                f"{path.name}: row {number}: id {rec.id} repeated; imported as {rec.id}-{number}"
            )
            rec.id = f"{rec.id}-{number}"
        seen.add(rec.id)
        result.recommendations.append(rec)
    return result


def _recommendation(
    path: Path, number: int, fields: dict[str, Any], wanted: set[str], result: ImportResult
) -> Recommendation | None:
    where = f"{path.name}: row {number}"
    body = " ".join(_values(fields.get("body")))
    if body and "upr" not in body.lower():
        result.skip("not a UPR row (another body)")
        return None
    kind = " ".join(_values(fields.get("type")))
    if kind and not kind.lower().startswith("recommendation"):
        result.skip(f"not a recommendation ({kind})")
        return None
    concerned = _values(fields.get("countries"))
    if len(concerned) != 1:
        result.skip("not exactly one country concerned")
        result.notes.append(f"{where}: Countries Concerned: {concerned!r}: expected one state under review")
        return None
    placed = resolve(concerned[0])
    if wanted and (placed is None or placed.name not in wanted):
        result.skip("other state under review (not chosen with --state)")
        return None
    session = _session(fields.get("session"))
    cycle = (sessions.cycle_of(session) if session else None) or _session(fields.get("cycle"))
    if cycle is None:
        result.skip("no UPR session or cycle")
        result.notes.append(f"{where}: UPR Session: {fields.get('session')!r}: expected e.g. '32 Session'")
        return None
    given = _session(fields.get("cycle"))
    if session and given and given != cycle:
        result.notes.append(
            f"{where}: UprCycle: {given}: session {session} belongs to cycle {cycle}; imported as cycle {cycle}"
        )
    sur = result.state(concerned[0])
    position = result.position(where, "UPR Position", " / ".join(_values(fields.get("position"))))
    text = _text(fields.get("text"))
    found = _PARAGRAPH.match(text)
    paragraph, text = (found.group(1), found.group(2).strip()) if found else ("", text)
    themes = _values(fields.get("themes"))
    for theme in themes:
        result.themes.setdefault(theme, THEME_GROUP)
    iso3 = placed.iso3 if placed else "XXX"
    annotation = "".join(_values(fields.get("annotation_id"))) or str(number)
    symbol = " ".join(_values(fields.get("symbol")))
    return Recommendation(
        id=f"{iso3}-C{cycle}-{paragraph}" if paragraph else f"{iso3}-C{cycle}-UHRI{annotation}",
        state_under_review=sur,
        cycle=cycle,
        session=session,
        year=_review_year(where, session, fields.get("published"), result),
        document=re.sub(r"/Add\.\d+$", "", symbol),
        paragraph=paragraph,
        recommending_states=list(
            dict.fromkeys(
                result.state(name) for value in _values(fields.get("states")) for name in split_names(value)
            )
        ),
        response=position.response,
        response_label=position.label,
        themes=themes,
        sdgs=[re.match(r"\d+", s).group() if re.match(r"\d+", s) else s for s in _values(fields.get("sdgs"))],
        affected_persons=_values(fields.get("persons")),
        text=text,
        source=f"{SOURCE}, file {path.name}",
    )
