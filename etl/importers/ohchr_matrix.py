"""Reader of the OHCHR Word "thematic list of recommendations" (one table per review, python-docx).

Three generations are known (../shared/upr-data/formats/ohchr-matrix-samples): cycles 2-3 have
``Recommendation | Position | Full list of themes | Assessment...``, cycle 4 has
``Recommendation and recommending State | Position... | Human rights themes and groups of persons |
Relevant SDGs``. Between "Theme: ..." group rows, each row is one report paragraph:
"121.1 Ratify ... (France) (Lithuania);" then "Source of Position: A/HRC/43/15/Add.1 - Para.3".

Choices:
- Recommending states are in the bracketed groups that name at least one known state by exact
  spelling ("(France) (Lithuania)", "(Portugal, Slovakia)", "(Venezuela (Bolivarian Republic of))",
  "(Bosnia and Herzegovina, Croatia)"), split by ``countries.split_names`` (longest known names first,
  as many names contain "and"). Every state such a group names is kept; a part that places as no state
  is kept as written and reported, never the cause of losing the group. Brackets inside the text
  ("(CED)", "(No. 29)") are not states and stay text. When no group names a known state, the bracket
  that ends the recommendation is its list of states (kept as written and reported).
- The document is the Working Group report symbol, without "/Add.1" (the addendum gives the answer).
- Positions are read by ``positions.classify`` like every importer's: "Supported/Noted" (supported in
  part) counts as supported, words it cannot read with confidence are imported as ``unclassified``;
  the source's words stay in ``response_label`` and the summary lists both kinds by table row.
- Theme names are OHCHR's own (group ``OHCHR`` in themes.csv); cycle-2 codes ("A12 ") are dropped so
  the same theme has one name across cycles.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from etl.importers import sessions
from etl.importers.countries import resolve, split_names
from etl.importers.model import ImportResult, Recommendation, SourceError
from etl.importers.text import tidy

SOURCE = "OHCHR thematic list of recommendations"
THEME_GROUP = "OHCHR"
_PARAGRAPH = re.compile(r"\s*(\d{2,3}\.\d{1,3})\.?\s+(.*)", re.S)
_SOURCE_OF_POSITION = re.compile(r"Source of position\s*:?\s*(.*)", re.I | re.S)
_SYMBOL = re.compile(r"(A/HRC/\d+/\d+)")
_THEME_CODE = re.compile(r"^[A-Z]\d{1,2}\s+")
_SECTIONS = {"sdgs": "sdgs", "affected persons": "affected_persons", "groups of persons": "affected_persons"}


def import_file(path: Path, state: str, cycle: int | None = None, session: int | None = None) -> ImportResult:
    """One matrix for one state under review.

    ``session`` is the WG session, else read from an "UPR48_..." file name; ``cycle`` defaults to the
    session's cycle (``sessions.cycle_of``: a cycle-4 or cycle-5 matrix needs no option). Raises
    SourceError when neither is known, or when they disagree.
    """
    table = _recommendations_table(path)
    session = session or _session_from_name(path)
    cycle = _cycle(path, cycle, session)
    result = ImportResult()
    if session is None:
        result.notes.append(
            f"{path.name}: no Working Group session (give --session N, or keep 'UPR48' in the file name): "
            "the year is left empty, and the build requires one"
        )
    elif sessions.year_is_scheduled(session):
        result.notes.append(
            f"{path.name}: session {session} is after the known calendar: year {sessions.year_of(session)} "
            "assumed from the three-sessions-a-year rhythm; check it"
        )
    sur = result.state(state)
    if resolve(state) is None:
        raise SourceError(f"--state {state}: not a state name the importer can place")
    header = [cell.text.strip().lower() for cell in table.rows[0].cells]
    sdg_column = next((i for i, h in enumerate(header) if "sdg" in h), None)
    for number, row in enumerate(table.rows[1:], start=2):
        cells = [cell.text for cell in row.cells]
        if cells[0].strip().startswith("Theme:") or not any(c.strip() for c in cells):
            continue  # group headings and blank rows are layout, not recommendations
        result.rows_read += 1
        rec = _recommendation(path, number, cells, sur, cycle, session, sdg_column, result)
        if rec is not None:
            result.recommendations.append(rec)
    _check_numbering(result)
    return result


def _cycle(path: Path, cycle: int | None, session: int | None) -> int:
    if session is None:
        if cycle is None:
            raise SourceError(
                f"{path}: no session in the file name (as in 'UPR48_Slovenia...'): give --cycle N or --session N"
            )
        return cycle
    of_session = sessions.cycle_of(session)
    if cycle is not None and cycle != of_session:
        last = sessions.first_session(of_session + 1) - 1
        raise SourceError(
            f"--cycle {cycle}: session {session} belongs to cycle {of_session} "
            f"(sessions {sessions.first_session(of_session)}-{last}): expected --cycle {of_session}, "
            "or the right --session"
        )
    return of_session


def _recommendations_table(path: Path):  # noqa: ANN202 - python-docx has no public Table type export
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SourceError(f"{path}: not a readable Word .docx file ({type(exc).__name__})") from exc
    for table in document.tables:
        if table.rows and table.rows[0].cells[0].text.strip().lower().startswith("recommendation"):
            if len(table.columns) < 3:
                break
            return table
    raise SourceError(
        f"{path}: no table with a 'Recommendation | Position | themes' header: "
        "expected an OHCHR thematic list of recommendations"
    )


def _session_from_name(path: Path) -> int | None:
    # OHCHR names the files "UPR34_Slovenia_..." / "upr48-slovenia-...": the WG session number.
    found = re.search(r"upr[_ -]?(\d{1,2})(?!\d)", path.name, re.I)
    return int(found.group(1)) if found else None


def _recommendation(
    path: Path,
    number: int,
    cells: list[str],
    sur: str,
    cycle: int,
    session: int | None,
    sdg_column: int | None,
    result: ImportResult,
) -> Recommendation | None:
    where = f"{path.name}: table row {number}"
    found = _PARAGRAPH.match(cells[0])
    if not found:
        result.skip("row without a paragraph number")
        result.notes.append(f"{where}: Recommendation: {cells[0][:60]!r}: expected '121.1 <text>'")
        return None
    paragraph, body = found.groups()
    document = ""
    source_of_position = _SOURCE_OF_POSITION.search(body)
    if source_of_position:
        symbol = _SYMBOL.search(source_of_position.group(1))
        document = symbol.group(1) if symbol else ""
        body = body[: source_of_position.start()]
    text = body.strip()
    position = result.position(where, "Position", cells[1])
    themes, sections = _theme_cell(cells[2])
    sdgs = sections["sdgs"]
    if sdg_column is not None:
        sdgs = sdgs + _theme_cell(cells[sdg_column])[0]
    names = recommending_states(text)
    states = [result.state(name) for name in names]
    unplaced = [name for name in names if resolve(name) is None]
    if unplaced:
        result.notes.append(
            f"{where}: paragraph {paragraph}: {', '.join(map(repr, unplaced))}: not placed as a state; "
            "kept as written (no ISO3)"
        )
    if not states:
        result.notes.append(f"{where}: paragraph {paragraph}: no recommending state found in brackets")
    for theme in themes:
        result.themes.setdefault(theme, THEME_GROUP)
    return Recommendation(
        id=f"{_iso3(sur)}-C{cycle}-{paragraph}",
        state_under_review=sur,
        cycle=cycle,
        session=session,
        year=sessions.year_of(session) if session else None,
        document=document,
        paragraph=paragraph,
        recommending_states=states,
        response=position.response,
        response_label=position.label,
        themes=themes,
        sdgs=list(dict.fromkeys(_sdg_number(s) for s in sdgs)),
        affected_persons=sections["affected_persons"],
        text=text.rstrip(";.,").strip(),
        source=f"{SOURCE}, file {path.name}",
    )


def _iso3(state: str) -> str:
    placed = resolve(state)
    return placed.iso3 if placed else "XXX"


def _theme_cell(cell: str) -> tuple[list[str], dict[str, list[str]]]:
    """Themes, then the "SDGs:" and "Affected persons:"/"Groups of Persons:" sections of a cell."""
    themes: list[str] = []
    sections: dict[str, list[str]] = {"sdgs": [], "affected_persons": []}
    current = themes
    for line in cell.splitlines():
        line = line.strip()
        heading = line.rstrip(":").strip().lower()
        if line.endswith(":") and heading in _SECTIONS:
            current = sections[_SECTIONS[heading]]
            continue
        value = tidy(re.sub(r"^-\s*", "", line))
        if value:
            current.append(_THEME_CODE.sub("", value) if current is themes else value)
    return list(dict.fromkeys(themes)), sections


def _sdg_number(value: str) -> str:
    # "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" -> "16"; anything else is kept as written.
    found = re.match(r"(\d{1,2})\b", value)
    return found.group(1) if found else value


def recommending_states(text: str) -> list[str]:
    """The recommending states in a recommendation's brackets, in order: canonical names for the
    states it knows, the others as written (NFC) for the caller to keep and report. Repeats count once.
    """
    names: list[str] = []
    groups = _bracket_groups(text)
    for group in groups:
        parts = split_names(group)
        if any(resolve(part, fuzzy=False) for part in parts):
            names += parts
    if not names and groups and re.search(r"\)[\s;.,]*$", text):
        names = split_names(groups[-1])  # the closing bracket: its states, though none is known
    unique: dict[str, str] = {}
    for name in names:
        placed = resolve(name)
        unique.setdefault(placed.iso3 if placed else name.casefold(), placed.name if placed else name)
    return list(unique.values())


def _bracket_groups(text: str) -> list[str]:
    """Contents of top-level balanced brackets: "(Venezuela (Bolivarian Republic of))" is one group."""
    groups, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char == "(":
            if depth == 0:
                start = i + 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append(text[start:i])
    return groups


def _check_numbering(result: ImportResult) -> None:
    """Report gaps and repeats in the paragraph numbering: the document's own count check."""
    by_block: dict[str, list[int]] = {}
    for rec in result.recommendations:
        block, item = rec.paragraph.split(".")
        by_block.setdefault(block, []).append(int(item))
    for block, items in sorted(by_block.items()):
        missing = sorted(set(range(1, max(items) + 1)) - set(items))
        repeated = sorted({i for i in items if items.count(i) > 1})
        summary = f"paragraph {block}: items {min(items)}-{max(items)}, {len(items)} rows"
        if missing:
            summary += f"; missing {', '.join(f'{block}.{i}' for i in missing[:10])}"
        if repeated:
            summary += f"; repeated {', '.join(f'{block}.{i}' for i in repeated[:10])}"
        result.notes.append(summary)
