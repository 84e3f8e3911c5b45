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
    bars = []
    for column, colour, name in (
        ("supported", SUPPORTED, labels["supported"]),
        ("noted", NOTED, labels["noted"]),
    ):
        values = reviews[column].fillna(0).astype(int).tolist()
        bars.append(
            {
                "type": "bar",
                "x": x,
                "y": values,
                "name": name,
                "marker": {"color": colour, "pattern": {"shape": "" if column == "supported" else "/"}},
                "text": [number(v) for v in values],
                "textposition": "inside",
            }
        )
    official = {
        "type": "scatter",
        "x": x,
        "y": reviews["official_received"].tolist(),
        "mode": "markers",
        "name": labels["official"],
        "marker": {"symbol": "line-ew-open", "size": 40, "color": OFFICIAL, "line": {"width": 3}},
    }
    layout = base_layout(labels["title"], separators=separators) | {"barmode": "stack"}
    return go.Figure({"data": [*bars, official], "layout": layout})
