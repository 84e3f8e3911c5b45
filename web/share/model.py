"""What a share page holds, as plain values: sections of charts and tables, ready for the templates.

Text here is plain text in the reader's language; the templates escape all of it (Jinja2 autoescape).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.headlines import Headline
from dashboard.view import View


@dataclass(frozen=True)
class Series:
    """One kind of bar segment: its legend name, fill colour and pattern ("" solid, "/" hatched,
    "." dotted, "x" crossed), so colour is never the only cue."""

    key: str
    name: str
    colour: str
    pattern: str = ""


@dataclass(frozen=True)
class Bar:
    """One bar: a value per series (stacked in the chart's series order) and the text after it."""

    values: tuple[float, ...]
    label: str
    faint: bool = False


@dataclass(frozen=True)
class Row:
    """One line of a row chart: its name line and its bars (one per cycle, or one stacked bar)."""

    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Table:
    """A table as text cells. ``rows`` may be the first of ``total`` rows; ``csv`` links them all.

    ``links``: the columns whose cells are web addresses (shown as links when http or https).
    """

    columns: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int
    caption: str = ""
    csv: str = ""
    links: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Chart:
    """A row chart with its words and the table it is drawn from (``top``: the scale's end, 1 for rates)."""

    title: str
    summary: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    top: float
    table: Table
    table_open: bool = False
    legend: bool = True


@dataclass(frozen=True)
class Section:
    heading: str = ""
    texts: tuple[str, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """Everything one share page shows, in the reader's language."""

    view: View
    headline: Headline
    sections: tuple[Section, ...]
    source_line: str
    dropped: str = ""
    notes: tuple[str, ...] = field(default=())
    csv: str = ""
    csv_rows: int = 0

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]
