"""Progress-by-ministry charts: for one assessor, each ministry's recommendations by latest status."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import STATUS_COLOURS, base_layout, figure, merge

# From "done" to "nothing known", so the bars read left to right as progress.
STATUS_ORDER = ("implemented", "partially_implemented", "not_implemented", "no_information", "not_assessed")
NOT_ASSESSED = "#FFFFFF"
# A pattern as well as a colour, so the statuses stay apart in greyscale print.
PATTERNS = {"partially_implemented": "/", "no_information": ".", "not_assessed": "x"}


def wrap(name: str, width: int = 22) -> str:
    """A long ministry name on several short lines, so the chart fits a phone."""
    return "<br>".join(textwrap.wrap(name, width)) or name


def status_figure(counts: pd.DataFrame, order: list[str], labels: dict[str, str]) -> go.Figure:
    """Stacked horizontal bars: one per ministry (in ``order``), one segment per latest status.

    ``counts`` has columns ministry, status, count; ``labels`` names every status and the title.
    Each segment carries its count as text, and the legend names the statuses.
    """
    y = [wrap(m) for m in order]
    # One pass over the rows (a filter and index per status cost more than the chart itself).
    cells: dict[tuple, int] = {}
    for m, s, c in zip(counts["ministry"], counts["status"], counts["count"], strict=True):
        cells[(m, s)] = cells.get((m, s), 0) + int(c)
    present = set(counts["status"])
    bars = []
    for status in STATUS_ORDER:
        if status not in present:
            continue
        values = [cells.get((m, status), 0) for m in order]
        bars.append(
            {
                "type": "bar",
                "y": y,
                "x": values,
                "orientation": "h",
                "name": labels[status],
                "marker": {
                    "color": STATUS_COLOURS.get(status, NOT_ASSESSED),
                    "line": {"color": "#555555", "width": 1},
                    "pattern": {
                        "shape": PATTERNS.get(status, ""),
                        "fgcolor": "#333333",
                        "size": 6,
                        "fillmode": "overlay",
                    },
                },
                "text": [v if v else "" for v in values],
                "textposition": "inside",
                "insidetextanchor": "middle",
                "hovertemplate": "%{y}<br>" + labels[status] + ": %{x}<extra></extra>",
            }
        )
    lines = sum(1 + m.count("<br>") for m in y)
    layout = merge(
        base_layout(labels["title"], height=max(170 + 20 * lines + 24 * len(order), 280)),
        {
            "barmode": "stack",
            "bargap": 0.25,
            "yaxis": {"autorange": "reversed"},
            "xaxis": {"title": {"text": labels["x"]}, "gridcolor": "#e5e5e5", "rangemode": "tozero"},
            "legend": {"traceorder": "normal"},
        },
    )
    return figure({"data": bars, "layout": layout})
