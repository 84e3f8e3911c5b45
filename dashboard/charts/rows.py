"""Labelled-row bar charts that read on a 390-px phone: each row's name sits above its bars.

A left axis of long names ("Freedom of association and peaceful assembly") would leave a phone a
few pixels of bar, and labels after the bars would be cut off. Here every row is a line of text
(the name, and its figures when the row has one bar) followed by full-width bars; a bar's own label
goes inside it when it is long enough and just after it otherwise, so nothing is clipped.
"""

from __future__ import annotations

from dashboard.charts.style import base_layout, merge

GAP = 0.5  # blank space between rows, in bar heights
UNIT_PX = 21  # one bar (or one label line) in pixels
DARK_TEXT = "#1a1a1a"


NAME_CHARS = 28  # a row's name beyond this is shortened on the chart (hover and tables keep it whole)


def short(name: str, limit: int = NAME_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def positions(rows: int, per_row: int) -> tuple[list[float], list[list[float]], float]:
    """y of each row's label line, y of each row's k-th bar (k < per_row), and the total extent."""
    step = 1 + per_row + GAP
    labels = [i * step + 0.5 for i in range(rows)]
    bars = [[i * step + 1.5 + k for i in range(rows)] for k in range(per_row)]
    return labels, bars, rows * step


def row_figure(title: str, labels: list[str], per_row: int) -> dict:
    """A figure as plain dicts: one text line per row (``labels``, top to bottom) and room for the bars.

    Callers append their bar traces to its "data", lay their settings over its "layout" with
    ``merge`` and make the ``go.Figure`` once.
    """
    label_y, _, extent = positions(len(labels), per_row)
    height = int(110 + extent * UNIT_PX)
    lines = {
        "type": "scatter",
        "x": [0] * len(labels),
        "y": label_y,
        "text": labels,
        # A thin space first: a Khmer consonant that reaches left of its origin (អ) is not cut at the axis.
        "texttemplate": "\u2009%{text}",
        "mode": "text",
        "textposition": "middle right",
        "textfont": {"size": 13, "color": DARK_TEXT},
        "hoverinfo": "skip",
        "showlegend": False,
        "cliponaxis": False,
    }
    layout = merge(
        base_layout(title, height=height),
        {
            "yaxis": {
                "range": [extent - GAP / 2, -0.2],
                "showticklabels": False,
                "showgrid": False,
                "zeroline": False,
                "fixedrange": True,
            },
            "xaxis": {"fixedrange": True, "zeroline": True, "zerolinecolor": "#bbbbbb"},
            # Room for the 0 and 100 % tick labels; the legend a fixed distance below the axis, however tall.
            "margin": {"l": 16, "r": 24},
            "legend": {"y": -60 / max(height - 110, 60), "traceorder": "normal"},
            "bargap": 0,
            "barmode": "overlay",
        },
    )
    return {"data": [lines], "layout": layout}


def grouped_rows(title: str, shown, names: list[str]):
    """The figure (as ``row_figure`` gives it) with one text line per name and the bar positions, for
    ``shown`` rows per cycle.

    Returns (figure, cycles, row_of, bar_y). With one cycle the line carries the row's label too
    ("name · 87 % of 198"); with several, each bar is labelled instead.
    """
    cycles = sorted(int(c) for c in shown["cycle"].unique())
    lines = [short(name) for name in names]
    if len(cycles) == 1:
        label_of = dict(zip(shown["name"], shown["label"], strict=True))
        lines = [f"{short(name)} · {label_of[name]}" for name in names]
    figure = row_figure(title, lines, len(cycles))
    _, bar_y, _ = positions(len(names), len(cycles))
    return figure, cycles, {name: i for i, name in enumerate(names)}, bar_y


def row_bars(y: list[float], x: list, name: str, **options) -> dict:
    """A trace of horizontal bars at ``y`` (a row chart's bar positions), hover text from
    ``hovertext``; ``options`` are the chart's own Plotly keys (marker, text, fonts...)."""
    return {"type": "bar", "y": y, "x": x, "name": name, "width": 0.8, "orientation": "h",
            "constraintext": "none", "hoverinfo": "text", **options}  # fmt: skip


# How the acceptance and noted charts label each cycle's bar: from its start, never clipped.
GROUPED_LABELS = {"insidetextanchor": "start", "textfont": {"size": 12}, "cliponaxis": False}


def text_positions(values, top: float, share: float = 0.55) -> list[str]:
    """Inside a bar that is long enough for its label, just after it otherwise."""
    return ["inside" if top and v >= share * top else "outside" for v in values]


def inside_colour(fill: str, faint: bool = False) -> str:
    """White on dark fills, near-black on light ones (and on faint bars)."""
    if faint:
        return DARK_TEXT
    red, green, blue = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    return DARK_TEXT if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "white"
