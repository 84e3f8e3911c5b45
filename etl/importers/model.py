"""What every reader produces: canonical recommendations plus an account of every source row.

The account (``ImportResult``) is what lets the command print a summary that adds up:
rows read = imported + merged into joint recommendations + skipped (with reasons).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from etl.importers import countries, positions
from etl.importers.positions import Position


class SourceError(Exception):
    """A file the importer cannot read: one clear line for the user, never a traceback."""


def read_source(path: Path, expected: str) -> bytes:
    """The bytes of a downloaded file, or a SourceError naming it (unreadable, or empty where
    ``expected`` describes what should be there)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read the file ({exc.strerror})") from exc
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty; expected {expected}")
    return raw


@dataclass
class Recommendation:
    """One row of recommendations.csv (see data/README.md for the meaning of each column)."""

    id: str
    state_under_review: str
    cycle: int
    year: int | None
    recommending_states: list[str]
    response: str
    source: str
    session: int | None = None
    document: str = ""
    paragraph: str = ""
    response_label: str = ""
    wg_position: str = ""
    action_category: int | None = None
    themes: list[str] = field(default_factory=list)
    sdgs: list[str] = field(default_factory=list)
    affected_persons: list[str] = field(default_factory=list)
    text: str = ""
    illustrative: bool = False


@dataclass
class StateInfo:
    """A row of states.csv."""

    name: str
    iso3: str
    regional_group: str


@dataclass
class ImportResult:
    """Recommendations read from one or more files, and what happened to every source row."""

    recommendations: list[Recommendation] = field(default_factory=list)
    states: dict[str, StateInfo] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)  # name -> group
    rows_read: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)  # corrections, unplaced names, warnings
    unplaced: Counter[str] = field(default_factory=Counter)  # source name -> rows using it
    unclassified: list[str] = field(default_factory=list)  # one line per position not read with confidence
    partial: list[str] = field(default_factory=list)  # one line per position "supported in part"

    @property
    def imported(self) -> int:
        """Source rows that became a recommendation of their own (one per recommendation)."""
        return len(self.recommendations)

    @property
    def unaccounted(self) -> int:
        """Rows neither imported, merged nor skipped: always 0 unless a reader has a bug."""
        return self.rows_read - self.imported - self.merged - sum(self.skipped.values())

    def skip(self, reason: str, count: int = 1) -> None:
        self.skipped[reason] += count

    def position(self, where: str, column: str, words: str) -> Position:
        """Read a source's position words (``positions.classify``) and record the rows a user must
        know about, by line: those counted in no response (``unclassified``) and those supported in
        part (counted as supported). ``where`` is "FILE: row N" or "FILE:LINE"."""
        position = positions.classify(words)
        if position.response == positions.UNCLASSIFIED:
            self.unclassified.append(
                f"{where}: {column}: {position.label!r}: not read with confidence ({position.why}): "
                "expected Supported, Noted, Rejected or a Working Group wording such as 'will be "
                "examined'; imported as unclassified, no response counted"
            )
        elif position.partial:
            self.partial.append(
                f"{where}: {column}: {position.label!r}: supported in part, counted as supported"
            )
        return position

    def state(self, raw_name: str, source_group: str = "") -> str:
        """The canonical name for a source's state name, recorded for states.csv.

        A name that cannot be placed is kept as the source wrote it (entities decoded), with no
        ISO3, and counted in ``unplaced`` so the summary lists it: the row is imported, not dropped.
        """
        placed = countries.resolve(raw_name)
        if placed is None:
            name = countries.clean_name(raw_name)
            self.unplaced[name] += 1
            info = StateInfo(name, "", countries.map_group_label(source_group))
        else:
            name = placed.name
            info = StateInfo(name, placed.iso3, countries.regional_group(placed.iso3, source_group))
        self.states.setdefault(name, info)
        return name
