"""Acceptance-rate charts: one bar per group (and per cycle), the rate and its count written on it.

A rate without its count misleads ("100 % of 1" beside "95 % of 40"), so every row carries a text
label with both, and groups with fewer than ``small_n`` recommendations are drawn faint and listed
after the others. Builders take frames that already hold display names and formatted labels.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.rows import GROUPED_LABELS, grouped_rows, inside_colour, row_bars, text_positions
from dashboard.charts.style import SUPPORTED, figure, merge

# Okabe–Ito colours for cycles side by side; the bar labels name the cycle too.
CYCLE_COLOURS = ("#56B4E9", "#009E73", "#0072B2", "#CC79A7", "#D55E00", "#F0E442")
FAINT = 0.35


def cycle_colour(cycle: int, cycles: list[int]) -> str:
    """The same colour for a cycle on every chart; a single cycle gets the 'supported' blue."""
    if len(cycles) == 1:
        return SUPPORTED
    return CYCLE_COLOURS[(cycle - 1) % len(CYCLE_COLOURS)]


def group_order(
    frame: pd.DataFrame, order: str = "count", small_n: int = 3, limit: int | None = None
) -> list:
    """Display names top to bottom: groups of at least ``small_n`` first, by count or by rate (or by name).

    ``frame`` holds name, received and supported (one row per cycle and group).
    """
    if order == "name":  # a natural order, such as action categories 1 to 5
        names = sorted(frame["name"].unique())
        return names[:limit] if limit else names
    totals = frame.groupby("name", sort=False)[["received", "supported"]].sum().reset_index()
    totals["rate"] = totals["supported"] / totals["received"]
    totals["small"] = totals["received"] < small_n
    keys = ["small", "rate", "received", "name"] if order == "rate" else ["small", "received", "rate", "name"]
    totals = totals.sort_values(keys, ascending=[True, False, False, True])
    names = totals["name"].tolist()
    return names[:limit] if limit else names


def rate_figure(
    frame: pd.DataFrame,
    title: str,
    axis_title: str,
    cycle_names: dict[int, str],
    order: str = "count",
    small_n: int = 3,
    limit: int | None = None,
) -> go.Figure:
    """Bars of acceptance rate per group, one per cycle, each labelled "rate of n".

    ``frame``: cycle, name (display), received, supported, rate, label (text for the bar), hover.
    One cycle: the row's line reads "name · 87 % of 198". Several: the line is the name and each
    bar carries "C2: 80 % of 205".
    """
    names = group_order(frame, order, small_n, limit)
    shown = frame[frame["name"].isin(names)]
    spec, cycles, row_of, bar_y = grouped_rows(title, shown, names)
    single = len(cycles) == 1
    for k, cycle in enumerate(cycles):
        part = shown[shown["cycle"] == cycle]
        colour = cycle_colour(cycle, cycles)
        faint = [n < small_n for n in part["received"]]
        rates = part["rate"].tolist()
        spec["data"].append(
            row_bars(
                [bar_y[k][row_of[name]] for name in part["name"]],
                rates,
                cycle_names[cycle],
                marker={"color": colour, "opacity": [FAINT if f else 1.0 for f in faint]},
                text=None if single else part["label"].tolist(),
                textposition=text_positions(rates, 1.0),
                insidetextfont={"color": [inside_colour(colour, f) for f in faint]},
                hovertext=part["hover"].tolist(),
                showlegend=not single,
                **GROUPED_LABELS,
            )
        )
    axis = {
        "range": [0, 1],
        "tickformat": ".0%",
        "tickvals": [0, 0.5, 1],
        "showgrid": True,
        "title": {"text": axis_title, "font": {"size": 12}},
    }
    return figure({"data": spec["data"], "layout": merge(spec["layout"], {"xaxis": axis})})
