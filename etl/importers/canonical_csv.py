"""Read and write the canonical CSV files of data/README.md (the contract with ``python -m etl``).

Writing is atomic (a temporary file in the same folder, then ``os.replace``) so a crash or a full disk
never leaves a half-written file that the next build would publish.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

from etl.importers.model import Recommendation, StateInfo

SEP = " | "  # several values in one cell, as data/README.md prescribes

COLUMNS: dict[str, list[str]] = {
    "recommendations.csv": [
        "id", "state_under_review", "cycle", "session", "year", "document", "paragraph",
        "recommending_states", "response", "response_label", "wg_position", "action_category",
        "themes", "sdgs", "affected_persons", "text", "source", "illustrative",
    ],
    "states.csv": ["name", "iso3", "regional_group"],
    "themes.csv": ["name", "group"],
    "ministries.csv": ["id", "name", "name_km"],
    "assignments.csv": ["recommendation_id", "ministry_id", "role", "source", "illustrative"],
    "progress.csv": [
        "recommendation_id", "date", "assessor", "status", "summary", "evidence_url", "source",
        "illustrative",
    ],
    "official_totals.csv": [
        "state_under_review", "cycle", "received", "supported", "noted", "recommending_states",
        "source", "source_url", "note",
    ],
}  # fmt: skip


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Header (as written) and rows keyed by lower-cased, stripped column names; empty if absent."""
    if not path.exists():
        return [], []
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeError:
            continue
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    keys = [h.strip().lower() for h in header]
    rows = [dict(zip(keys, values, strict=False)) for values in reader if any(v.strip() for v in values)]
    return header, rows


def write_table(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows (keyed by column name) atomically, UTF-8, LF line ends, columns in the given order."""
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


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
        "recommending_states": SEP.join(rec.recommending_states),
        "response": rec.response,
        "response_label": rec.response_label,
        "wg_position": rec.wg_position,
        "action_category": "" if rec.action_category is None else str(rec.action_category),
        "themes": SEP.join(rec.themes),
        "sdgs": SEP.join(rec.sdgs),
        "affected_persons": SEP.join(rec.affected_persons),
        "text": rec.text,
        "source": rec.source,
        "illustrative": "true" if rec.illustrative else "false",
    }


def state_row(state: StateInfo) -> dict[str, str]:
    """A state as the cells of states.csv."""
    return {"name": state.name, "iso3": state.iso3, "regional_group": state.regional_group}
