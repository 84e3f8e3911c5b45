"""One UPR Info export row and the ids rows are given: what the UPR Info reader, the paragraph lists
and the known-errors table share.

Kept apart from ``upr_info`` (the reader) so that ``paragraphs`` and ``known_errors``, which the
reader calls, need nothing from it: the importers' modules only ever import downward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from etl.importers.countries import resolve


@dataclass
class ExportRow:
    """One source row, positions decoded, values as the file gives them."""

    file: str
    line: int
    state_under_review: str
    sur_group: str
    sur_org: str
    text: str
    recommending_state: str
    rs_group: str
    rs_org: str
    response: str
    action: str
    issues: str
    session: str
    correction: str = ""  # set by known_errors / paragraphs when the source's state is corrected


def session_id(state: str, session: int, n: int) -> str:
    """The id of the n-th row (source order) of a state's session: ``KHM-S06-0013``."""
    return f"{id_prefix(state)}-S{session:02d}-{n:04d}"


def id_prefix(state: str) -> str:
    """ISO3 of the state, or its letters when the name cannot be placed."""
    placed = resolve(state)
    return placed.iso3 if placed else (re.sub(r"[^A-Za-z0-9]+", "", state).upper()[:12] or "UNKNOWN")
