"""Acceptance-rate charts: one bar per group (and per cycle), the rate and its count written on it.

A rate without its count misleads ("100 % of 1" beside "95 % of 40"), so every bar carries a text
label with both, and groups with fewer than ``small_n`` recommendations are drawn faint and listed
after the others. Builders take frames that already hold display names and formatted labels.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import SUPPORTED, base_layout

# Okabe–Ito colours for cycles side by side; the bar labels name the cycle too.
CYCLE_COLOURS = ("#56B4E9", "#009E73", "#0072B2", "#CC79A7", "#D55E00", "#F0E442")
FAINT = 0.35


def cycle_colour(cycle: int, cycles: list[int]) -> str:
    """One colour per cycle; a single cycle gets the 'supported' blue."""
    if len(cycles) == 1:
        return SUPPORTED
    return CYCLE_COLOURS[cycles.index(cycle) % len(CYCLE_COLOURS)]


def group_order(
    frame: pd.DataFrame, order: str = "count", small_n: int = 3, limit: int | None = None
) -> list:
    """Display names top to bottom: groups of at least ``small_n`` first, by count or by rate (or by name).

    ``frame`` holds name, received and supported (one row per cycle and group).
    """
    if order == "name":  # a natural order, such as action categories 1 to 5
        return sorted(frame["name"].unique())[:limit] if limit else sorted(frame["name"].unique())
    totals = frame.groupby("name", sort=False)[["received", "supported"]].sum().reset_index()
    totals["rate"] = totals["supported"] / totals["received"]
    totals["small"] = totals["received"] < small_n
    keys = ["small", "rate", "received", "name"] if order == "rate" else ["small", "received", "rate", "name"]
    totals = totals.sort_values(keys, ascending=[True, False, False, True])
    names = totals["name"].tolist()
    return names[:limit] if limit else names


def bar_height(rows: int, bars_per_row: int) -> int:
    return max(220, 110 + rows * (8 + 20 * bars_per_row))


def rate_figure(
    frame: pd.DataFrame,
    title: str,
    axis_title: str,
    cycle_names: dict[int, str],
    order: str = "count",
    small_n: int = 3,
    limit: int | None = None,
) -> go.Figure:
    """Horizontal bars of acceptance rate per group, one bar per cycle, labelled "rate of n".

    ``frame``: cycle, name (display), received, supported, rate, label (text on the bar), hover.
    """
    names = group_order(frame, order, small_n, limit)
    shown = frame[frame["name"].isin(names)]
    cycles = sorted(int(c) for c in shown["cycle"].unique())
    figure = go.Figure()
    for cycle in cycles:
        part = shown[shown["cycle"] == cycle]
        figure.add_bar(
            y=part["name"],
            x=part["rate"],
            orientation="h",
            name=cycle_names[cycle],
            marker={
                "color": cycle_colour(cycle, cycles),
                "opacity": [FAINT if n < small_n else 1.0 for n in part["received"]],
            },
            text=part["label"],
            textposition="outside",
            cliponaxis=False,
            hovertext=part["hover"],
            hoverinfo="text",
            showlegend=len(cycles) > 1,
        )
    figure.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    figure.update_yaxes(categoryorder="array", categoryarray=names, autorange="reversed")
    figure.update_xaxes(range=[0, 1.45 if len(cycles) > 1 else 1.3], tickformat=".0%", tickvals=[0, 0.5, 1])
    figure.update_xaxes(title={"text": axis_title, "font": {"size": 12}})
    return base_layout(figure, title, height=bar_height(len(names), len(cycles)))
