"""Paragraph lists: give UPR Info export rows their report paragraph, and merge joint recommendations.

A paragraph list is a CSV with one row per (paragraph, recommending state) of a Working Group report,
such as ../shared/upr-data/cambodia/cambodia_cycle{1,2}_*_recommendations.csv. Columns used (names
matched without regard to case): ``paragraph``, ``state_under_review``, ``session``,
``wg_report_symbol``; the UN's recommending state (``recommending_state_wg_report`` or
``recommending_state``); a text to match on (``upr_info_text``, else ``recommendation_body``,
``recommendation_segment`` or ``recommendation_text``); optional ``recommending_state_upr_info`` and
``wg_report_status``.

Matching is one-to-one within a state's session: identical normalised text first, then word overlap
(Jaccard) plus a bonus when the recommending state agrees, best pairs first. The paragraph gives the
id (``KHM-C1-82.25``), the document, and the recommending states as the UN report names them: when
the export credits another state (Cambodia 82.13: Brazil in the export, Brunei Darussalam in
A/HRC/13/4) the report wins and the correction is reported. Rows of one paragraph become one
recommendation; the extra rows are counted as merged. A joint item takes its action category
and themes from its first row (the first state the report names), as the bundled data does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from etl.decode import UnreadableFile, read_dicts
from etl.importers import sessions
from etl.importers.countries import clean_name, resolve
from etl.importers.model import ImportResult, Recommendation, SourceError
from etl.importers.positions import NOTED, PENDING, SUPPORTED, classify
from etl.importers.text import tidy
from etl.importers.upr_info_rows import ExportRow, id_prefix, session_id

_STATE_COLUMNS = ("recommending_state_wg_report", "recommending_state")
_TEXT_COLUMNS = ("upr_info_text", "recommendation_body", "recommendation_segment", "recommendation_text")
_REQUIRED = ("paragraph", "state_under_review", "session", "wg_report_symbol")
_MIN_OVERLAP = 0.5  # below this share of common words two texts are not the same recommendation
_STATE_BONUS = 0.15


@dataclass
class ParagraphRow:
    """One (paragraph, recommending state) line of a paragraph list."""

    line: int
    paragraph: str
    state: str
    upr_info_state: str
    text: str
    status: str


@dataclass
class ParagraphList:
    """The paragraph rows of one state's session, from one file."""

    file: str
    state_under_review: str
    session: int
    document: str
    rows: list[ParagraphRow] = field(default_factory=list)


def read_lists(paths: list[Path]) -> dict[tuple[str, int], ParagraphList]:
    """Paragraph lists keyed by (canonical state under review, session)."""
    lists: dict[tuple[str, int], ParagraphList] = {}
    for path in paths:
        for plist in _read_one(path):
            lists[(plist.state_under_review, plist.session)] = plist
    return lists


def _read_one(path: Path) -> list[ParagraphList]:
    try:
        fieldnames, reader = read_dicts(path)  # the one reading path: encodings, line ends, lines
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the paragraph list ({exc.strerror})") from exc
    except UnreadableFile as exc:
        raise SourceError(f"{path}:{exc.problems[0].line}: {exc.problems[0].expected}") from exc
    columns = {name.strip().lower(): name for name in fieldnames}
    state_col = next((columns[c] for c in _STATE_COLUMNS if c in columns), None)
    text_col = next((columns[c] for c in _TEXT_COLUMNS if c in columns), None)
    missing = [c for c in _REQUIRED if c not in columns]
    if missing or state_col is None or text_col is None:
        need = (
            missing + ([] if state_col else ["recommending_state"]) + ([] if text_col else ["upr_info_text"])
        )
        raise SourceError(f"{path}: line 1: missing column(s) {', '.join(need)}: expected a paragraph list")
    lists: dict[tuple[str, int], ParagraphList] = {}
    for line, row in reader:
        session = row[columns["session"]].strip()
        if not session.isdigit():
            raise SourceError(f"{path}:{line}: session: {session!r}: expected a session number")
        placed = resolve(row[columns["state_under_review"]])
        sur = placed.name if placed else row[columns["state_under_review"]].strip()
        key = (sur, int(session))
        plist = lists.setdefault(
            key, ParagraphList(path.name, sur, int(session), row[columns["wg_report_symbol"]])
        )
        plist.rows.append(
            ParagraphRow(
                line=line,
                paragraph=row[columns["paragraph"]].strip(),
                state=row[state_col].strip(),
                upr_info_state=row.get(columns.get("recommending_state_upr_info", ""), "") or "",
                text=row[text_col],
                status=row.get(columns.get("wg_report_status", ""), "") or "",
            )
        )
    return list(lists.values())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _same_state(a: str, b: str) -> bool:
    placed_a, placed_b = resolve(a), resolve(b)
    if placed_a and placed_b:
        return placed_a.iso3 == placed_b.iso3
    return clean_name(a).casefold() == clean_name(b).casefold()


def match(plist: ParagraphList, rows: list[ExportRow]) -> dict[int, int]:
    """Paragraph-row index -> export-row index, one to one."""
    pairs: dict[int, int] = {}
    free = set(range(len(rows)))
    keys = [" ".join(_words(r.text)) for r in rows]
    # Pass 1: the same words and a matching state (the cycle-1 list carries UPR Info's own text).
    for i, prow in enumerate(plist.rows):
        wanted = " ".join(_words(prow.text))
        for j in sorted(free):
            if keys[j] == wanted and _state_agrees(prow, rows[j]):
                pairs[i] = j
                free.discard(j)
                break
    # Pass 2: word overlap plus a bonus for the state, best pairs first.
    word_sets = [set(k.split()) for k in keys]
    scored = []
    for i, prow in enumerate(plist.rows):
        if i in pairs:
            continue
        words = set(_words(prow.text))
        for j in free:
            overlap = len(words & word_sets[j]) / (len(words | word_sets[j]) or 1)
            if overlap >= _MIN_OVERLAP:
                scored.append((overlap + (_STATE_BONUS if _state_agrees(prow, rows[j]) else 0), i, j))
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j in free:
            pairs[i] = j
            free.discard(j)
    return pairs


def _state_agrees(prow: ParagraphRow, row: ExportRow) -> bool:
    candidates = [prow.state] + ([prow.upr_info_state] if prow.upr_info_state else [])
    return any(_same_state(c, row.recommending_state) for c in candidates)


def merge(
    state: str,
    session: int,
    rows: list[ExportRow],
    plist: ParagraphList,
    result: ImportResult,
    to_recommendation: Callable[[ExportRow, str, ImportResult], Recommendation],
) -> None:
    """Append one recommendation per paragraph (and one per unmatched export row) to ``result``."""
    pairs = match(plist, rows)
    cycle = sessions.cycle_of(session)
    iso3 = id_prefix(state)
    grouped: dict[str, list[tuple[ParagraphRow, ExportRow]]] = {}
    for i, prow in enumerate(plist.rows):
        if i in pairs:
            grouped.setdefault(prow.paragraph, []).append((prow, rows[pairs[i]]))
        else:
            result.notes.append(
                f"{plist.file}:{prow.line}: paragraph {prow.paragraph} ({prow.state}): "
                "no matching row in the export; not imported"
            )
    for paragraph, members in grouped.items():
        rec = _paragraph_recommendation(
            f"{iso3}-C{cycle}-{paragraph}", plist, members, result, to_recommendation
        )
        result.recommendations.append(rec)
        result.merged += len(members) - 1
    for j in sorted(set(range(len(rows))) - set(pairs.values())):
        row = rows[j]
        result.notes.append(
            f"{row.file}:{row.line}: {state} session {session} ({row.recommending_state}): "
            f"not in paragraph list {plist.file}; imported without a paragraph"
        )
        result.recommendations.append(to_recommendation(row, session_id(state, session, j + 1), result))


def _paragraph_recommendation(
    rec_id: str,
    plist: ParagraphList,
    members: list[tuple[ParagraphRow, ExportRow]],
    result: ImportResult,
    to_recommendation: Callable[[ExportRow, str, ImportResult], Recommendation],
) -> Recommendation:
    first_prow, first_row = members[0]
    corrections = []
    for prow, row in members:
        if not _same_state(prow.state, row.recommending_state):
            corrections.append(
                f"recommending state {prow.state} as in {plist.document} "
                f"(UPR Info export: {row.recommending_state})"
            )
            result.notes.append(
                f"corrected {rec_id}: credited to {prow.state} as in {plist.document} para {prow.paragraph}; "
                f"the export ({row.file}:{row.line}) says {row.recommending_state}"
            )
        row.recommending_state = prow.state  # the UN report names the state; the export may err
    rec = to_recommendation(first_row, rec_id, result)
    rec.document = plist.document
    rec.paragraph = first_prow.paragraph
    rec.recommending_states = _unique(
        [result.state(row.recommending_state, row.rs_group) for _, row in members]
    )
    rec.text = "\n".join(_unique([row.text.strip() for _, row in members]))
    responses = {row.response.strip() for _, row in members}
    if len(responses) > 1:
        result.notes.append(
            f"{rec_id}: the export's rows disagree on the response ({', '.join(sorted(responses))})"
        )
    rec.wg_position = wg_position(first_prow.status)
    files = _unique([row.file for _, row in members])
    rec.source = f"UPR Info database export (2015), file {', '.join(files)}; paragraph from {plist.file}"
    if corrections or first_row.correction:
        rec.source += "; " + "; ".join(
            _unique(corrections + ([first_row.correction] if first_row.correction else []))
        )
    return rec


def wg_position(status: str) -> str:
    """The report's listing in the bundled data's words ("enjoyed support in the WG report (para 118)").

    ``status`` is a paragraph list's ``wg_report_status`` ("supported at WG (para 118)", "pending at WG
    (para 119)"), read by the importers' one position reader. Kept for every item of a report that
    lists positions, as the bundled cycle-2 data does, so the eight items listed as supported but
    finally noted read the same as their neighbours. A listing it cannot read is kept as written.
    """
    para = re.search(r"\(para \d+\)", status)
    listing = classify(status).response
    wording = {
        SUPPORTED: "enjoyed support in the WG report",
        NOTED: "noted in the WG report",
        PENDING: "to be examined",
    }
    if para is None or listing not in wording:
        return tidy(status)
    return f"{wording[listing]} {para.group()}"


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
