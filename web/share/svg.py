"""Row charts as SVG, drawn on the server: the same picture for a share page (inline, its text shaped
by the reader's browser) and for a link preview (turned into a PNG by web/share/preview.py).

Geometry is computed here and written out by the ``chart.svg`` template, which escapes every text.
Each row is a line of text (the group's name) above its bars; a bar's figures follow its end, dark
on white, so they never depend on a fill colour; fills carry a pattern as well as a colour.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from web.share.model import Chart, Row, Series
from web.share.render import environment

FAINT = 0.35
PATTERN_SIZE = 6


@dataclass(frozen=True)
class Layout:
    """Sizes in SVG units: the page's charts are 480 wide (scaled to the column), a preview's 1200."""

    width: float = 400
    font: float = 14
    bar: float = 16
    gap: float = 4
    row_gap: float = 10
    bars_share: float = 0.62  # of the width, for the longest bar; its figures follow it
    pad: float = 2
    family: str = ""  # the font, when no style sheet gives one (a preview image)


def text_width(text: str, font: float) -> float:
    """A generous estimate of ``text``'s drawn width (marks that stack on a letter take no room)."""
    spacing = sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))
    return spacing * font * 0.58


def clip(text: str, width: float, font: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` (the table below the chart keeps it whole)."""
    if text_width(text, font) <= width:
        return text
    while text and text_width(text + "…", font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def legend(series: tuple[Series, ...], layout: Layout, y: float) -> tuple[list[dict], float]:
    """Legend entries (swatch and name) placed left to right, wrapping; and the y below them."""
    items, x, line = [], layout.pad, layout.font * 1.5
    swatch = layout.font
    for k, entry in enumerate(series):
        room = swatch + 6 + text_width(entry.name, layout.font) + 16
        if x > layout.pad and x + room > layout.width:
            x, y = layout.pad, y + line
        items.append({"k": k, "x": x, "y": y, "size": swatch, "text_x": x + swatch + 6,
                      "text_y": y + swatch * 0.85, "name": entry.name})  # fmt: skip
        x += room
    return items, y + line


def geometry(chart: Chart, layout: Layout, uid: str, max_rows: int | None = None) -> dict:
    """Everything the ``chart.svg`` template draws, in SVG units, for ``chart``'s first ``max_rows`` rows."""
    items, y = legend(chart.series, layout, layout.pad) if chart.legend else ([], layout.pad)
    span = _span(chart, layout, max_rows)
    rows = []
    for row in chart.rows[:max_rows]:
        rows.append(_row(row, layout, y, span, chart.top))
        y = rows[-1]["bottom"] + layout.row_gap
    return {
        "uid": uid,
        "width": layout.width,
        "height": max(y, layout.font * 2),
        "font": layout.font,
        "family": layout.family,
        "series": [{"k": k, "colour": s.colour, "pattern": s.pattern} for k, s in enumerate(chart.series)],
        "pattern_size": PATTERN_SIZE * layout.font / 13,
        "legend": items,
        "rows": rows,
        "title": chart.title,
        "summary": chart.summary,
    }


def _span(chart: Chart, layout: Layout, max_rows: int | None) -> float:
    """The width of the longest bar: ``bars_share`` of the width, shortened (down to a third of it) so
    that every bar's figures fit after it uncut ("205 (official: 205)" is the point of the chart)."""
    room = layout.width - 2 * layout.pad
    span = room * layout.bars_share
    for row in chart.rows[:max_rows]:
        for bar in row.bars:
            share = sum(max(v, 0) for v in bar.values) / chart.top if chart.top else 0
            need = text_width(bar.label, layout.font) + 5
            if share > 0 and share * span + need > room:
                span = max((room - need) / share, room / 3)
    return span


def _row(row: Row, layout: Layout, y: float, span: float, top: float) -> dict:
    label_y = y + layout.font
    # Below the label's baseline: room for Khmer subscripts (coeng), which reach about 0.4 em down.
    y = label_y + max(layout.gap + 2, layout.font * 0.45)
    bars = []
    for bar in row.bars:
        x = layout.pad
        segments = []
        for k, value in enumerate(bar.values):
            width = span * (value / top) if top else 0
            if width > 0:
                segments.append({"k": k, "x": x, "width": width})
            x += max(width, 0)
        text_x = x + 5
        bars.append({"y": y, "height": layout.bar, "segments": segments, "opacity": FAINT if bar.faint else 1,
                     "text_x": text_x, "text_y": y + layout.bar * 0.78,
                     "label": clip(bar.label, layout.width - text_x, layout.font)})  # fmt: skip
        y += layout.bar + layout.gap
    return {
        "label": clip(row.label, layout.width - 2 * layout.pad, layout.font),
        "label_x": layout.pad,
        "label_y": label_y,
        "bars": bars,
        "bottom": y,
    }


def chart_svg(chart: Chart, uid: str, layout: Layout = Layout(), max_rows: int | None = None) -> Markup:
    """``chart`` as an inline SVG element (escaped text; ids prefixed with ``uid``, unique per page)."""
    return Markup(environment().get_template("chart.svg").render(g=geometry(chart, layout, uid, max_rows)))
