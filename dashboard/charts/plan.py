"""The government's plan: each ministry's actions by state, and one indicator from baseline to target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.charts.ministries import rows_layout, wrap
from dashboard.charts.style import STATUS_COLOURS, base_layout, figure, merge, segments, stacked_bar
from dashboard.charts.timeline import ASSESSOR_STYLE

# From finished to not started, so the bars read left to right as progress.
STATE_ORDER = ("done", "on_track", "overdue", "no_plan")
STATE_COLOURS = {
    "done": STATUS_COLOURS["implemented"],
    "on_track": STATUS_COLOURS["partially_implemented"],
    "overdue": STATUS_COLOURS["not_implemented"],
    "no_plan": "#FFFFFF",
}
# A pattern as well as a colour, so the states stay apart in greyscale print.
PATTERNS = {"on_track": "/", "no_plan": "x"}
TARGET = "#000000"


def states_figure(counts: pd.DataFrame, order: list[str], labels: dict[str, str]) -> go.Figure:
    """Stacked horizontal bars: one per ministry (in ``order``), one segment per state.

    ``counts`` has columns ministry, state, count (``plan.state_counts``); ``labels`` names every state,
    the title and the x axis ("x"). Each segment carries its count as text.
    """
    y = [wrap(m) for m in order]  # names from the data: style.figure makes them inert
    # A light, sparse pattern over the colour, so the count written on it stays legible.
    bars = [
        stacked_bar(
            y,
            values,
            labels[state],
            STATE_COLOURS[state],
            PATTERNS.get(state, ""),
            horizontal=True,
            counts_on_bars=True,
            pattern_colour="#9a9a9a",
            pattern_size=9,
        )  # fmt: skip
        for state, values in segments(counts, "ministry", "state", order, STATE_ORDER).items()
    ]
    return figure({"data": bars, "layout": rows_layout(labels["title"], labels["x"], y)})


def indicator_figure(
    series: pd.DataFrame, labels: dict[str, str], number=str, separators: str = ".,"
) -> go.Figure:
    """One indicator over time: its baseline, a line per reporter from the baseline through the values
    they reported, and the target at its date (a star, with a dotted line from the baseline: the path
    the plan promised).

    ``series`` is ``plan.series`` (kind, date, value, reported_by, ...); ``labels`` gives "title",
    "unit" (the y axis), "baseline", "target", "path" and a name per reporter; ``number`` formats a
    value in the reader's notation for the labels on the points.
    """
    series = series.assign(date=pd.to_datetime(series["date"]))
    baseline = series[series["kind"] == "baseline"]
    target = series[series["kind"] == "target"]
    values = series[series["kind"] == "value"]
    start = baseline.iloc[:1]
    traces = []
    if not baseline.empty and not target.empty:
        traces.append(
            {
                "type": "scatter",
                "x": [start["date"].iloc[0], target["date"].iloc[0]],
                "y": [start["value"].iloc[0], target["value"].iloc[0]],
                "mode": "lines",
                "name": labels["path"],
                "line": {"color": "#777777", "width": 1.5, "dash": "dot"},
                "hoverinfo": "skip",
            }
        )
    for reporter, rows in values.groupby("reported_by", sort=False):
        colour, symbol = ASSESSOR_STYLE.get(reporter, ("#555555", "x"))
        rows = pd.concat([start, rows])  # the line starts where the plan started
        traces.append(
            {
                "type": "scatter",
                "x": rows["date"].tolist(),
                "y": rows["value"].tolist(),
                "mode": "lines+markers+text",
                "name": labels.get(reporter, reporter),
                "line": {"color": colour, "width": 2},
                "marker": {"color": colour, "symbol": symbol, "size": 10},
                "text": [
                    "" if k == "baseline" else number(v)
                    for k, v in zip(rows["kind"], rows["value"], strict=True)
                ],
                "textposition": "top center",
                "cliponaxis": False,
                "hovertemplate": "%{x|%Y-%m-%d}: %{y}<extra>" + labels.get(reporter, reporter) + "</extra>",
            }
        )
    for kind, symbol, size in (("baseline", "diamond", 14), ("target", "star", 18)):
        rows = series[series["kind"] == kind]
        if rows.empty:
            continue
        text = [
            labels[kind].format(value=number(v), date=d.strftime("%Y-%m-%d"))
            for v, d in zip(rows["value"], rows["date"], strict=True)
        ]
        traces.append(
            {
                "type": "scatter",
                "x": rows["date"].tolist(),
                "y": rows["value"].tolist(),
                "mode": "markers+text",
                "name": text[0],
                "marker": {
                    "color": TARGET if kind == "target" else "#FFFFFF",
                    "symbol": symbol,
                    "size": size,
                    "line": {"color": TARGET, "width": 2},
                },  # fmt: skip
                "text": text,
                "textposition": "bottom right" if kind == "baseline" else "top left",
                "cliponaxis": False,
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    shapes = []
    if not target.empty:  # the target date, down the whole chart
        when = target["date"].iloc[0]
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": when, "x1": when, "y0": 0, "y1": 1,
                       "line": {"color": TARGET, "width": 1, "dash": "dash"}})  # fmt: skip
    dates = series["date"]
    pad = max((dates.max() - dates.min()) * 0.08, pd.Timedelta(days=120)) if len(dates) else pd.Timedelta(0)
    layout = merge(
        base_layout(labels["title"], height=420, separators=separators),  # data: style.figure makes it inert
        {
            "xaxis": {"type": "date", "gridcolor": "#e5e5e5", "tickformat": "%Y",
                      "range": [dates.min() - pad, dates.max() + pad] if len(dates) else None},
            "yaxis": {"title": {"text": labels["unit"]}, "rangemode": "tozero"},
            "shapes": shapes,
            "legend": {"traceorder": "normal"},
            "margin": {"t": 64},
        },
    )  # fmt: skip
    return figure({"data": traces, "layout": layout})
