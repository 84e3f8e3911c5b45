"""Progress-by-ministry charts: for one assessor, each ministry's recommendations by latest status."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import STATUS_COLOURS, base_layout, figure, merge, segments, stacked_bar

# From "done" to "nothing known", so the bars read left to right as progress.
STATUS_ORDER = ("implemented", "partially_implemented", "not_implemented", "no_information", "not_assessed")
NOT_ASSESSED = "#FFFFFF"
# A pattern as well as a colour, so the statuses stay apart in greyscale print.
PATTERNS = {"partially_implemented": "/", "no_information": ".", "not_assessed": "x"}


def wrap(name: str, width: int = 22) -> str:
    """A long ministry name on several short lines, so the chart fits a phone."""
    return "<br>".join(textwrap.wrap(name, width)) or name


def status_bars(
    counts: pd.DataFrame, category: str, order: list, shown: list[str], labels: dict[str, str], **style
) -> list[dict]:
    """The status segments of a stacked bar chart, "implemented" first: for each status ``counts`` has
    (columns ``category``, status, count), its count per category in ``order``, drawn at ``shown``
    (the categories' labels) in the status's colour and pattern, named by ``labels``. ``style``:
    ``stacked_bar``'s horizontal and counts_on_bars."""
    return [
        stacked_bar(
            shown,
            values,
            labels[status],
            STATUS_COLOURS.get(status, NOT_ASSESSED),
            PATTERNS.get(status, ""),
            **style,
        )  # fmt: skip
        for status, values in segments(counts, category, "status", order, STATUS_ORDER).items()
    ]


def status_figure(counts: pd.DataFrame, order: list[str], labels: dict[str, str]) -> go.Figure:
    """Stacked horizontal bars: one per ministry (in ``order``), one segment per latest status.

    ``counts`` has columns ministry, status, count; ``labels`` names every status and the title.
    Each segment carries its count as text, and the legend names the statuses.
    """
    y = [wrap(m) for m in order]
    bars = status_bars(counts, "ministry", order, y, labels, horizontal=True, counts_on_bars=True)
    return figure({"data": bars, "layout": rows_layout(labels["title"], labels["x"], y)})


def rows_layout(title: str, axis_title: str, rows: list[str]) -> dict:
    """The layout of a stacked horizontal bar chart with one bar per row (``rows``: the labels as
    ``wrap`` made them, top to bottom), tall enough for every label line."""
    lines = sum(1 + row.count("<br>") for row in rows)
    return merge(
        base_layout(title, height=max(170 + 20 * lines + 24 * len(rows), 280)),
        {
            "barmode": "stack",
            "bargap": 0.25,
            "yaxis": {"autorange": "reversed"},
            "xaxis": {"title": {"text": axis_title}, "gridcolor": "#e5e5e5", "rangemode": "tozero"},
            "legend": {"traceorder": "normal"},
        },
    )
