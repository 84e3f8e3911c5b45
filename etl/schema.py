"""The canonical CSV format as data: every file, column, vocabulary and reference the ETL accepts.

data/README.md documents the same contract for people; tests keep the two in step.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from vocab import (
    ACTION_CATEGORIES,
    ASSESSORS,
    RECURRENCE_DECISIONS,
    RECURRENCE_REASONS,
    REGIONAL_GROUPS,
    RESPONSES,
    ROLES,
    STATUSES,
    UNITS,
)

# How people write the units of vocab.UNITS (indicators.csv `unit`, `target_unit`; indicator_values.csv `unit`).
_UNIT_ALIASES = {
    "%": "percent",
    "per_cent": "percent",
    "pct": "percent",
    "percentage": "percent",
    "count": "number",
    "people": "persons",
    "riel": "khr",
    "riels": "khr",
    "us$": "usd",
    "$": "usd",
    "dollars": "usd",
    "us_dollars": "usd",
}
# Spellings people and sources use for the same value. Keys are compared after `vocab_key`.
ALIASES: dict[str, dict[str, str]] = {
    "regional_group": {
        "africa": "African",
        "african_group": "African",
        "asia": "Asia-Pacific",
        "asia_pacific_group": "Asia-Pacific",
        "eastern_european": "EEG",
        "eastern_european_group": "EEG",
        "latin_american_and_caribbean": "GRULAC",
        "western_european_and_others": "WEOG",
        "observer": "other",
    },
    "bool": {"yes": "true", "no": "false", "1": "true", "0": "false", "y": "true", "n": "false"},
    "unit": _UNIT_ALIASES,
    "target_unit": _UNIT_ALIASES,
}

# A cell longer than this is almost certainly a paste accident (a recommendation is < 2,000 chars).
MAX_CELL_CHARS = 20_000


def vocab_key(value: str) -> str:
    """How two spellings of a vocabulary value are compared: case, spaces, '-' and '_' don't matter,
    nor how an accent is encoded (NFC)."""
    return re.sub(r"[\s_\-]+", "_", unicodedata.normalize("NFC", value).strip().lower())


# A header may put a label before the column's name in brackets, "Ministry (ministry_id)": the plan
# template's headers are written so in the reader's language (Khmer or English), and the name in the
# brackets is what the build reads, so a reviewed translation never breaks a filled template.
_LABELLED_HEADER = re.compile(r".*\(\s*([A-Za-z_][A-Za-z0-9_ ]*)\s*\)\s*", re.S)


def header_key(header: str) -> str:
    """The column a header cell names: ``vocab_key`` of the name in its last brackets when it ends with
    one (``"ក្រសួង (ministry_id)"`` → ``ministry_id``), else of the whole cell."""
    labelled = _LABELLED_HEADER.fullmatch(header)
    return vocab_key(labelled.group(1) if labelled else header)


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False  # the column must be in the header
    filled: bool = False  # every row must have a value
    kind: str = "text"  # text | int | bool | date | url
    vocabulary: tuple[str, ...] = ()
    multi: bool = False  # values separated by vocab.MULTI_SEPARATOR
    references: str | None = None  # "file.column" every value must match
    unique: bool = False
    low: int | None = None  # inclusive range for ints
    high: int | None = None
    pattern: str | None = None  # a full-match regex, with `pattern_hint` saying it in words
    pattern_hint: str = ""
    not_future: bool = False  # a date after the build's date makes no sense here: refused
    future_noted: bool = False  # a year after the build's year is unlikely here: said in a note

    @property
    def vocab_name(self) -> str:
        return "bool" if self.kind == "bool" else self.name


@dataclass(frozen=True)
class FileSpec:
    table: str
    columns: tuple[Column, ...]
    required: bool = False  # the file must exist
    min_rows: int = 0
    key: tuple[str, ...] = field(default=())

    @property
    def filename(self) -> str:
        return f"{self.table}.csv"

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _flag(name: str) -> Column:
    return Column(name, required=True, filled=True, kind="bool")


def _recommendation_id(name: str) -> Column:
    return Column(name, required=True, filled=True, references="recommendations.id")


_REASON = "(?:" + "|".join(RECURRENCE_REASONS) + ")"


# A number as a plan's baselines, targets and reported values are written: the unit has its own column.
NUMBER = r"-?[0-9]+(\.[0-9]+)?"
NUMBER_HINT = (
    "a number, e.g. 12 or 12.5 (a point for decimals, no % sign or unit: the unit has its own column)"
)


def _number(name: str, filled: bool = False) -> Column:
    return Column(name, required=filled, filled=filled, pattern=NUMBER, pattern_hint=NUMBER_HINT)


FILES: tuple[FileSpec, ...] = (
    FileSpec(
        "states",
        required=True,
        min_rows=1,
        columns=(
            Column("name", required=True, filled=True, unique=True),
            Column("iso3", pattern=r"[A-Z]{3}", pattern_hint="three capital letters (ISO 3166-1 alpha-3)"),
            Column("regional_group", required=True, filled=True, vocabulary=REGIONAL_GROUPS),
        ),
    ),
    FileSpec(
        "themes",
        columns=(
            Column("name", required=True, filled=True, unique=True),
            Column("group"),
        ),
    ),
    FileSpec(
        "ministries",
        columns=(
            Column("id", required=True, filled=True, unique=True),
            Column("name", required=True, filled=True),
            Column("name_km"),
        ),
    ),
    FileSpec(
        "recommendations",
        required=True,
        min_rows=1,
        columns=(
            Column("id", required=True, filled=True, unique=True),
            Column("state_under_review", required=True, filled=True, references="states.name"),
            Column("cycle", required=True, filled=True, kind="int", low=1, high=20),
            Column("session", kind="int", low=1, high=200),
            # The year of the review: recommendations exist once it has taken place, so a later year is
            # named in a note (not refused: importers give a scheduled session its planned year).
            Column("year", required=True, filled=True, kind="int", low=2006, high=2100, future_noted=True),
            Column("document"),
            Column("paragraph"),
            Column("recommending_states", required=True, filled=True, multi=True, references="states.name"),
            Column("response", required=True, filled=True, vocabulary=RESPONSES),
            Column("response_label"),
            Column("wg_position"),
            Column("action_category", kind="int", low=min(ACTION_CATEGORIES), high=max(ACTION_CATEGORIES)),
            Column("themes", multi=True, references="themes.name"),
            Column("sdgs", multi=True),
            Column("affected_persons", multi=True),
            Column("text"),
            Column("source", required=True, filled=True),
            _flag("illustrative"),
        ),
    ),
    FileSpec(
        "assignments",
        key=("recommendation_id", "ministry_id"),
        columns=(
            Column("recommendation_id", required=True, filled=True, references="recommendations.id"),
            Column("ministry_id", required=True, filled=True, references="ministries.id"),
            Column("role", required=True, filled=True, vocabulary=ROLES),
            Column("source"),
            _flag("illustrative"),
        ),
    ),
    FileSpec(
        "progress",
        columns=(
            Column("recommendation_id", required=True, filled=True, references="recommendations.id"),
            # When the assessment was made or published: never after the build.
            Column("date", required=True, filled=True, kind="date", not_future=True),
            Column("assessor", required=True, filled=True, vocabulary=ASSESSORS),
            Column("status", required=True, filled=True, vocabulary=STATUSES),
            Column("summary"),
            Column("evidence_url", kind="url"),
            Column("source", required=True, filled=True),
            _flag("illustrative"),
        ),
    ),
    FileSpec(
        "official_totals",
        key=("state_under_review", "cycle"),
        columns=(
            Column("state_under_review", required=True, filled=True, references="states.name"),
            Column("cycle", required=True, filled=True, kind="int", low=1, high=20),
            Column("received", required=True, filled=True, kind="int", low=0, high=10_000),
            Column("supported", required=True, filled=True, kind="int", low=0, high=10_000),
            Column("noted", required=True, filled=True, kind="int", low=0, high=10_000),
            # Of the noted, those the source calls rejected (cycle 2 of Cambodia: 4 of 42).
            Column("rejected", kind="int", low=0, high=10_000),
            Column("recommending_states", kind="int", low=0, high=300),
            Column("source", required=True, filled=True),
            Column("source_url", kind="url"),
            Column("note"),
        ),
    ),
    # Links the linker suggests (python -m etl link, etl/derive_cambodia.py): facts about pairs of ids.
    FileSpec(
        "recurrence_links",
        key=("earlier_id", "later_id"),
        columns=(
            _recommendation_id("earlier_id"),
            _recommendation_id("later_id"),
            Column("score", required=True, filled=True, kind="int", low=0, high=100),
            Column(
                "reasons",
                pattern=rf"{_REASON}(?:\s*\|\s*{_REASON})*",
                pattern_hint="reason codes separated by ' | ': " + ", ".join(RECURRENCE_REASONS),
            ),
            Column("instruments", multi=True),
            Column("source", required=True, filled=True),
        ),
    ),
    # A monitor's decisions on links: confirm a suggestion (or add one the linker missed), or reject one.
    FileSpec(
        "recurrences",
        key=("earlier_id", "later_id"),
        columns=(
            _recommendation_id("earlier_id"),
            _recommendation_id("later_id"),
            Column("decision", required=True, filled=True, vocabulary=RECURRENCE_DECISIONS),
            Column("note"),
            Column("source", required=True, filled=True),
        ),
    ),
    # The government's plan (issue 17): actions answering supported recommendations, the indicators
    # that measure them, and the values reported over time. The plan template a ministry downloads from
    # Progress by ministry (dashboard/plan_template.py) has these columns, in this order.
    FileSpec(
        "actions",
        columns=(
            Column("id", required=True, filled=True, unique=True),
            Column(
                "recommendation_ids", required=True, filled=True, multi=True, references="recommendations.id"
            ),
            Column("ministry_id", required=True, filled=True, references="ministries.id"),
            Column("description", required=True, filled=True),
            Column("start_date", kind="date"),
            Column("due_date", required=True, filled=True, kind="date"),
            Column("source", required=True, filled=True),
            _flag("illustrative"),
        ),
    ),
    FileSpec(
        "indicators",
        columns=(
            Column("id", required=True, filled=True, unique=True),
            Column("action_id", required=True, filled=True, references="actions.id"),
            Column("description", required=True, filled=True),
            # The unit of the baseline (and of the indicator); the target states its own, which must match.
            Column("unit", required=True, filled=True, vocabulary=UNITS),
            _number("baseline"),
            Column("baseline_date", kind="date"),
            _number("target", filled=True),
            Column("target_unit", required=True, filled=True, vocabulary=UNITS),
            Column("target_date", required=True, filled=True, kind="date"),
            Column("source", required=True, filled=True),
            _flag("illustrative"),
        ),
    ),
    FileSpec(
        "indicator_values",
        key=("indicator_id", "date", "reported_by"),
        columns=(
            Column("indicator_id", required=True, filled=True, references="indicators.id"),
            # When it was measured: never after the build (a value to come is a target).
            Column("date", required=True, filled=True, kind="date", not_future=True),
            _number("value", filled=True),
            Column("unit", required=True, filled=True, vocabulary=UNITS),
            Column("reported_by", required=True, filled=True, vocabulary=ASSESSORS),
            Column("evidence_url", kind="url"),
            Column("source", required=True, filled=True),
            _flag("illustrative"),
        ),
    ),
)

FILES_BY_TABLE = {spec.table: spec for spec in FILES}
