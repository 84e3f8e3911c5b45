"""Progress over time: for one assessor, the selected recommendations by status at each quarter's end."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.ministries import status_bars
from dashboard.charts.style import base_layout, figure, merge


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
    bars = status_bars(counts, "quarter", order, x, labels, horizontal=False, counts_on_bars=False)
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
