"""Count charts for the noted recommendations: how many per theme or per recommending state."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.acceptance import CYCLE_COLOURS, bar_height
from dashboard.charts.style import NOTED, base_layout


def count_figure(
    frame: pd.DataFrame, title: str, cycle_names: dict[int, str], limit: int | None = None
) -> go.Figure:
    """Horizontal bars of a count per group (most first), one bar per cycle, the count written on it.

    ``frame``: cycle, name (display), count, label (text on the bar).
    """
    totals = frame.groupby("name", sort=False)["count"].sum().reset_index()
    names = totals.sort_values(["count", "name"], ascending=[False, True])["name"].tolist()[:limit]
    shown = frame[frame["name"].isin(names)]
    cycles = sorted(int(c) for c in shown["cycle"].unique())
    figure = go.Figure()
    for index, cycle in enumerate(cycles):
        part = shown[shown["cycle"] == cycle]
        figure.add_bar(
            y=part["name"],
            x=part["count"],
            orientation="h",
            name=cycle_names[cycle],
            marker_color=NOTED if len(cycles) == 1 else CYCLE_COLOURS[index % len(CYCLE_COLOURS)],
            marker_pattern_shape="/" if len(cycles) == 1 else "",
            text=part["label"],
            textposition="outside",
            cliponaxis=False,
            hovertext=part["name"] + ": " + part["label"],
            hoverinfo="text",
            showlegend=len(cycles) > 1,
        )
    top = float(totals["count"].max()) if len(totals) else 1.0
    figure.update_layout(barmode="group", bargap=0.25)
    figure.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed")
    figure.update_xaxes(range=[0, top * 1.25], dtick=max(1, round(top / 4)))
    return base_layout(figure, title, height=bar_height(len(names), len(cycles)))
