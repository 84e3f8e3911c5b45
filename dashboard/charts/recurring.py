"""Asked-again chart: per theme, how many of one cycle's recommendations repeat an earlier one."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.rows import positions, row_bars, row_figure, short
from dashboard.charts.style import figure, merge

ALL = "#DDDDDD"  # every recommendation of the theme: a light bar behind
REPEATS = "#CC79A7"  # Okabe–Ito reddish purple: those that repeat an earlier one


def repeats_figure(frame: pd.DataFrame, labels: dict[str, str], limit: int | None = 20) -> go.Figure:
    """One row per theme (most repeats first, at most ``limit``): a light bar of all the cycle's
    recommendations with the theme and, over it, a patterned bar of those that repeat an earlier one.

    ``frame``: theme, recommendations, repeats, label (the row's figures as text, e.g. "10 of 32"),
    in the order to draw. ``labels``: title, all (legend of the light bar), repeats (of the other),
    x (axis title). Each row's line reads "Theme · 10 of 32", so colour is never the only cue.
    """
    shown = frame.head(limit) if limit else frame
    lines = [f"{short(t)} · {text}" for t, text in zip(shown["theme"], shown["label"], strict=True)]
    spec = row_figure(labels["title"], lines, 1)
    _, bar_y, _ = positions(len(shown), 1)
    hover = (shown["theme"] + ": " + shown["label"]).tolist()
    for column, colour, pattern in (("recommendations", ALL, ""), ("repeats", REPEATS, "/")):
        spec["data"].append(
            row_bars(
                bar_y[0],
                shown[column].tolist(),
                labels["all" if column == "recommendations" else "repeats"],
                marker={
                    "color": colour,
                    "line": {"color": "#555555", "width": 1},
                    "pattern": {"shape": pattern},
                },
                hovertext=hover,
            )
        )
    top = float(shown["recommendations"].max()) if len(shown) else 1.0
    axis = {
        "range": [0, top],
        "dtick": max(1, round(top / 4)),
        "showgrid": True,
        "title": {"text": labels["x"]},
    }
    return figure({"data": spec["data"], "layout": merge(spec["layout"], {"xaxis": axis})})
