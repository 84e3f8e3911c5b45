"""Supported-and-noted bars: how many recommendations each state (or cycle) made, and their fate."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.acceptance import bar_height
from dashboard.charts.style import NOTED, SUPPORTED, base_layout


def split_figure(frame: pd.DataFrame, title: str, names: dict[str, str]) -> go.Figure:
    """Horizontal stacked bars, supported then noted, with the total and rate written after each bar.

    ``frame``: name (display, top to bottom), supported, noted, label (e.g. "12 · 83 % supported").
    ``names``: legend names for "supported" and "noted".
    """
    order = frame["name"].tolist()
    figure = go.Figure()
    for column, colour, pattern in (("supported", SUPPORTED, ""), ("noted", NOTED, "/")):
        figure.add_bar(
            y=frame["name"],
            x=frame[column],
            orientation="h",
            name=names[column],
            marker_color=colour,
            marker_pattern_shape=pattern,
            text=[str(v) if v else "" for v in frame[column]],
            textposition="inside",
            insidetextanchor="middle",
            hovertemplate="%{y}: %{x} " + names[column].lower() + "<extra></extra>",
        )
    total = frame["supported"] + frame["noted"]
    figure.add_scatter(
        y=frame["name"],
        x=total,
        mode="text",
        text=frame["label"],
        textposition="middle right",
        cliponaxis=False,
        showlegend=False,
        hoverinfo="skip",
    )
    top = float(total.max()) if len(total) else 1.0
    figure.update_layout(barmode="stack", bargap=0.3, uniformtext={"minsize": 10, "mode": "hide"})
    figure.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed")
    figure.update_xaxes(range=[0, top * 1.6])
    return base_layout(figure, title, height=bar_height(len(order), 1))
