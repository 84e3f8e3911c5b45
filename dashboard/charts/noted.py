"""Count charts for the noted recommendations: how many per theme or per recommending state."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.acceptance import cycle_colour
from dashboard.charts.rows import GROUPED_LABELS, grouped_rows, inside_colour, row_bars, text_positions
from dashboard.charts.style import NOTED, figure, merge


def count_figure(
    frame: pd.DataFrame, title: str, cycle_names: dict[int, str], limit: int | None = None
) -> go.Figure:
    """Bars of a count per group (most first), one per cycle, the count written on the row or bar.

    ``frame``: cycle, name (display), count, label (the count as text), bar_label (with the cycle).
    """
    totals = frame.groupby("name", sort=False)["count"].sum().reset_index()
    names = totals.sort_values(["count", "name"], ascending=[False, True])["name"].tolist()[:limit]
    shown = frame[frame["name"].isin(names)]
    spec, cycles, row_of, bar_y = grouped_rows(title, shown, names)
    single = len(cycles) == 1
    top = float(shown["count"].max()) if len(shown) else 1.0
    for k, cycle in enumerate(cycles):
        part = shown[shown["cycle"] == cycle]
        colour = NOTED if single else cycle_colour(cycle, cycles)
        counts = part["count"].tolist()
        spec["data"].append(
            row_bars(
                [bar_y[k][row_of[name]] for name in part["name"]],
                counts,
                cycle_names[cycle],
                marker={"color": colour, "pattern": {"shape": "/" if single else ""}},
                text=None if single else part["bar_label"].tolist(),
                textposition=text_positions(counts, top, 0.7),
                insidetextfont={"color": inside_colour(colour)},
                hovertext=(part["name"] + ": " + part["label"]).tolist(),
                showlegend=not single,
                **GROUPED_LABELS,
            )
        )
    axis = {"range": [0, top], "dtick": max(1, round(top / 4)), "showgrid": True}
    return figure({"data": spec["data"], "layout": merge(spec["layout"], {"xaxis": axis})})
