"""One recommendation's assessment history: dates across, one row per assessor, status written on."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.style import STATUS_COLOURS, base_layout, figure, merge

# Assessors by colour (Okabe–Ito) and by symbol, so neither colour nor shape alone tells them apart.
ASSESSOR_STYLE = {
    "government": ("#0072B2", "square"),
    "civil_society": ("#D55E00", "circle"),
    "un": ("#CC79A7", "diamond"),
    "nhri": ("#000000", "triangle-up"),
}

# The date, then the status, summary and source (customdata); the assessor goes in <extra>.
HOVER = "%{x|%Y-%m-%d}<br>%{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}"


def _positions(n: int) -> list[str]:
    """Labels alternate above and below, so neighbours do not overlap on a phone."""
    return ["top center" if i % 2 == 0 else "bottom center" for i in range(n)]


def timeline_figure(history: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """Markers at each assessment's date on its assessor's row, joined by a line, labelled with the status.

    ``history`` has columns date, assessor, status, summary, source, illustrative; ``labels`` names
    every assessor and status, plus "title" and "illustrative".
    """
    traces = []
    for assessor, rows in history.groupby("assessor", sort=False):
        colour, symbol = ASSESSOR_STYLE.get(assessor, ("#555555", "x"))
        name = labels.get(assessor, assessor)
        statuses = [labels.get(s, s) for s in rows["status"]]
        marked = [
            f"{s} ({labels['illustrative']})" if i else s
            for s, i in zip(statuses, rows["illustrative"], strict=True)
        ]
        summaries, sources = rows["summary"].fillna(""), rows["source"].fillna("")
        traces.append(
            {
                "type": "scatter",
                "x": pd.to_datetime(rows["date"]).tolist(),
                "y": [name] * len(rows),
                "mode": "lines+markers+text",
                "name": name,
                "line": {"color": colour, "width": 2},
                "marker": {
                    "color": [STATUS_COLOURS.get(s, "#999999") for s in rows["status"]],
                    "symbol": symbol,
                    "size": 16,
                    "line": {"color": colour, "width": 3},
                },
                "text": [s.replace(" ", "<br>", 1) for s in statuses],  # two short lines fit a phone
                "textposition": _positions(len(rows)),
                "cliponaxis": False,
                "customdata": list(zip(marked, summaries, sources, strict=True)),
                "hovertemplate": HOVER + "<extra>" + name + "</extra>",
            }
        )
    rows = max(history["assessor"].nunique(), 1)
    # Room either side so the first and last status labels are not cut off.
    dates = pd.to_datetime(history["date"])
    pad = max((dates.max() - dates.min()) * 0.12, pd.Timedelta(days=200)) if len(dates) else pd.Timedelta(0)
    span = [dates.min() - pad, dates.max() + pad] if len(dates) else None
    layout = merge(
        base_layout(labels["title"], height=150 + 90 * rows),
        {
            "yaxis": {"type": "category", "range": [-0.7, rows - 0.3]},
            "xaxis": {"type": "date", "gridcolor": "#e5e5e5", "tickformat": "%Y-%m", "range": span},
            "showlegend": False,
        },
    )
    return figure({"data": traces, "layout": layout})
