"""Read and write the canonical CSV files of data/README.md (the contract with ``python -m etl``).

Writing is atomic (a temporary file in the same folder, then ``os.replace``) so a crash or a full disk
never leaves a half-written file that the next build would publish.
"""

from __future__ import annotations

from pathlib import Path

from etl.canonical_csv import COLUMNS, write_table  # noqa: F401 (re-exported for the importers)
from etl.decode import UnreadableFile, read_dicts
from etl.importers.model import Recommendation, SourceError, StateInfo
from vocab import MULTI_SEPARATOR


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header (as written) and rows keyed by lower-cased, stripped column names; empty if absent."""
    if not path.exists():
        return [], []
    try:
        header, rows = read_dicts(path)  # the build's own reading path: the same encodings, sep=, lines
    except UnreadableFile as unreadable:
        problem = unreadable.problems[0]
        if problem.expected.startswith("the file is empty"):
            return [], []  # as if absent: the importer writes it anew
        raise SourceError(f"{path}:{problem.line}: {problem.expected}") from unreadable
    return header, [{h.strip().lower(): v for h, v in row.items()} for _, row in rows]


def recommendation_row(rec: Recommendation) -> dict[str, str]:
    """A recommendation as the cells of recommendations.csv."""
    return {
        "id": rec.id,
        "state_under_review": rec.state_under_review,
        "cycle": str(rec.cycle),
        "session": "" if rec.session is None else str(rec.session),
        "year": "" if rec.year is None else str(rec.year),
        "document": rec.document,
        "paragraph": rec.paragraph,
        "recommending_states": MULTI_SEPARATOR.join(rec.recommending_states),
        "response": rec.response,
        "response_label": rec.response_label,
        "wg_position": rec.wg_position,
        "action_category": "" if rec.action_category is None else str(rec.action_category),
        "themes": MULTI_SEPARATOR.join(rec.themes),
        "sdgs": MULTI_SEPARATOR.join(rec.sdgs),
        "affected_persons": MULTI_SEPARATOR.join(rec.affected_persons),
        "text": rec.text,
        "source": rec.source,
        "illustrative": "true" if rec.illustrative else "false",
    }


def state_row(state: StateInfo) -> dict[str, str]:
    """A state as the cells of states.csv."""
    return {"name": state.name, "iso3": state.iso3, "regional_group": state.regional_group}
