"""Overview charts: each cycle's supported and noted recommendations beside the official totals."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import NOTED, OFFICIAL, PENDING, SUPPORTED, base_layout, figure

PATTERNS = {"supported": "", "noted": "/", "pending": "."}  # colour is never the only cue


def cycles_figure(
    reviews: pd.DataFrame,
    labels: dict[str, str],
    number: Callable[[int], str] = str,
    separators: str = ".,",
) -> go.Figure:
    """Stacked bars of supported and noted per cycle (and awaiting the answer, where any is), with the
    official received total marked.

    ``labels``: translated texts (cycle, supported, noted, pending, official, title); ``number`` formats the
    counts on the bars and ``separators`` the axis, both in the reader's language.
    """
    x = [labels["cycle"].format(n=int(c)) for c in reviews["cycle"]]
    bars = []
    for column, colour, name in (
        ("supported", SUPPORTED, labels["supported"]),
        ("noted", NOTED, labels["noted"]),
        ("pending", PENDING, labels.get("pending", "")),
    ):
        values = reviews[column].fillna(0).astype(int).tolist() if column in reviews else []
        if column == "pending" and not any(values):
            continue  # only a review still awaiting its answers draws this segment
        bars.append(
            {
                "type": "bar",
                "x": x,
                "y": values,
                "name": name,
                "marker": {"color": colour, "pattern": {"shape": PATTERNS[column]}},
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
    return figure({"data": [*bars, official], "layout": layout})
