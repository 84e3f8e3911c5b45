"""Supported-and-noted bars: how many recommendations each state (or cycle) made, and their fate."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.rows import inside_colour, positions, row_bars, row_figure, short
from dashboard.charts.style import NOTED, SUPPORTED, figure, merge


def split_figure(frame: pd.DataFrame, title: str, names: dict[str, str]) -> go.Figure:
    """One stacked bar per row, supported then noted; the row's line says "name · 12 · 83 % supported".

    ``frame``: name (display, top to bottom), supported, noted, label.
    ``names``: legend names for "supported" and "noted".
    """
    lines = [f"{short(name)} · {label}" for name, label in zip(frame["name"], frame["label"], strict=True)]
    spec = row_figure(title, lines, 1)
    _, bar_y, _ = positions(len(frame), 1)
    for column, colour, pattern in (("supported", SUPPORTED, ""), ("noted", NOTED, "/")):
        values = frame[column].tolist()
        spec["data"].append(
            row_bars(
                bar_y[0],
                values,
                names[column],
                marker={"color": colour, "pattern": {"shape": pattern}},
                text=[str(v) if v else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont={"size": 11},
                insidetextfont={"color": inside_colour(colour)},
                hovertext=[f"{n} · {names[column]}: {v}" for n, v in zip(frame["name"], values, strict=True)],
            )
        )
    total = frame["supported"] + frame["noted"]
    top = float(total.max()) if len(total) else 1.0
    layout = {
        "barmode": "stack",
        "uniformtext": {"minsize": 10, "mode": "hide"},
        "xaxis": {"range": [0, top], "dtick": max(1, round(top / 4)), "showgrid": True},
    }
    return figure({"data": spec["data"], "layout": merge(spec["layout"], layout)})
