"""Progress over time: for one assessor, the selected recommendations by status at each quarter's end."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.ministries import NOT_ASSESSED, PATTERNS, STATUS_ORDER
from dashboard.charts.style import STATUS_COLOURS, base_layout, figure, merge


def quarter_figure(
    counts: pd.DataFrame, quarters: dict, labels: dict[str, str], separators: str = ".,"
) -> go.Figure:
    """Stacked columns, one per quarter (left to right), one segment per status, from "implemented" at
    the bottom to "not assessed" at the top.

    ``counts``: quarter, status, count for one assessor; ``quarters`` maps each quarter (its first
    day) to its label ("Q2 2021"), in order; ``labels`` names every status, the title and the y axis.
    Colours and patterns are the Ministries page's status charts', so a status looks the same there.
    """
    order = list(quarters)
    x = [quarters[q] for q in order]
    # One pass over the rows (a filter and index per status cost more than the chart itself).
    cells = {
        (q, s): int(c) for q, s, c in zip(counts["quarter"], counts["status"], counts["count"], strict=True)
    }
    present = set(counts["status"])
    bars = []
    for status in STATUS_ORDER:
        if status not in present:
            continue
        values = [cells.get((q, status), 0) for q in order]
        bars.append(
            {
                "type": "bar",
                "x": x,
                "y": values,
                "name": labels[status],
                "marker": {
                    "color": STATUS_COLOURS.get(status, NOT_ASSESSED),
                    "line": {"color": "#555555", "width": 1},
                    "pattern": {
                        "shape": PATTERNS.get(status, ""),
                        "fgcolor": "#333333",
                        "size": 6,
                        "fillmode": "overlay",  # the status colour under the pattern, as on the page's other charts
                    },
                },
                "hovertemplate": "%{x}<br>" + labels[status] + ": %{y}<extra></extra>",
            }
        )
    layout = merge(
        base_layout(labels["title"], height=360, separators=separators),
        {
            "barmode": "stack",
            "bargap": 0.15,
            "yaxis": {"title": {"text": labels["y"]}, "rangemode": "tozero"},
            "xaxis": {"type": "category", "tickangle": -45},
            "legend": {"traceorder": "normal", "y": -0.35},
            "margin": {"b": 8},
        },
    )
    return figure({"data": bars, "layout": layout})
