"""Overview charts: each cycle's supported and noted recommendations beside the official totals."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import NOTED, OFFICIAL, SUPPORTED, base_layout


def cycles_figure(
    reviews: pd.DataFrame,
    labels: dict[str, str],
    number: Callable[[int], str] = str,
    separators: str = ".,",
) -> go.Figure:
    """Stacked bars of supported and noted per cycle, with the official received total marked.

    ``labels``: translated texts (cycle, supported, noted, official, title); ``number`` formats the
    counts on the bars and ``separators`` the axis, both in the reader's language.
    """
    x = [labels["cycle"].format(n=int(c)) for c in reviews["cycle"]]
    figure = go.Figure()
    for column, colour, name in (
        ("supported", SUPPORTED, labels["supported"]),
        ("noted", NOTED, labels["noted"]),
    ):
        values = reviews[column].fillna(0).astype(int)
        figure.add_bar(
            x=x,
            y=values,
            name=name,
            marker_color=colour,
            text=[number(v) for v in values],
            textposition="inside",
            marker_pattern_shape="" if column == "supported" else "/",
        )
    figure.add_scatter(
        x=x,
        y=reviews["official_received"],
        mode="markers",
        name=labels["official"],
        marker={"symbol": "line-ew-open", "size": 40, "color": OFFICIAL, "line": {"width": 3}},
    )
    figure.update_layout(barmode="stack")
    return base_layout(figure, labels["title"], separators=separators)
