"""Colours and layout every chart shares: Okabe–Ito colours (safe for colour-blind readers), and
labels on the marks themselves so colour is never the only cue.

Builders assemble each figure as plain dicts (traces with their "type", one layout) and make the
``go.Figure`` once at the end, with ``figure()``: every ``update_layout`` / ``add_bar`` on a live
figure runs Plotly's property validation again, which was half of a filter change on the Acceptance
page, and even one validation of a finished figure cost 2–3 ms a chart (a dozen charts on Progress
by ministry). ``figure()`` skips it; tests/test_charts_valid.py validates every chart every page
draws, on the bundled data and the golden fixture, so a misspelt property still fails, in CI.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

SUPPORTED = "#0072B2"  # blue
NOTED = "#E69F00"  # orange
PENDING = "#999999"  # grey: no answer yet
STATUS_COLOURS = {
    "implemented": "#009E73",  # bluish green
    "partially_implemented": "#56B4E9",  # sky blue
    "not_implemented": "#D55E00",  # vermillion
    "no_information": "#999999",  # grey
}
OFFICIAL = "#000000"
# Khmer faces first: Plotly's PNG export draws with the browser's fonts, and a Latin-first stack can
# leave Khmer to a fallback without its shaping (boxes, detached vowel signs). Their Latin glyphs are
# plain sans; characters they lack fall through to the next face. Debian: fonts-noto-core (Noto Sans
# Khmer), fonts-khmeros (Khmer OS); Windows ships Khmer UI, macOS Khmer Sangam MN.
FONT = (
    "'Noto Sans Khmer', 'Khmer OS System', 'Khmer OS', 'Khmer UI', 'Khmer Sangam MN', "
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
)


def merge(base: dict, extra: dict) -> dict:
    """``base`` with ``extra`` laid over it, nested dicts merged key by key as Plotly's updates do."""
    merged = dict(base)
    for key, value in extra.items():
        nested = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = merge(merged[key], value) if nested else value
    return merged


# A strip along the top of every chart, above its title, where the toolbars appear when a reader points
# at (or taps) the chart: Plotly's own (download as PNG, zoom) and Streamlit's (full screen). Without
# it they cover the end of a title on a phone.
TOOLBAR_STRIP_PX = 32


def base_layout(title: str, height: int = 380, separators: str = ".,") -> dict:
    """Shared layout: readable on a 390-px phone (legend below, tight margins), the title below the
    toolbars' strip (``height`` is the chart's own; the strip comes on top of it).

    ``separators``: the reader's decimal then group symbol for axis and hover numbers (pages pass
    ``dashboard.i18n.plotly_separators()``; the builder itself stays free of session state).
    """
    return {
        "separators": separators,
        "title": {
            "text": title,
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": TOOLBAR_STRIP_PX + 4},
            "font": {"size": 16},
        },
        "height": height + TOOLBAR_STRIP_PX,
        "margin": {"l": 8, "r": 8, "t": 48 + TOOLBAR_STRIP_PX, "b": 8},
        "font": {"family": FONT, "size": 13},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "xaxis": {"automargin": True},
        "yaxis": {"automargin": True, "gridcolor": "#e5e5e5"},
    }


# Trace properties whose strings can come from the data: names of states, themes, ministries,
# indicators, in category axes, bar and hover texts and legend entries; customdata, which hover
# templates write out (an assessment's summary and source on the Explorer's timeline).
_DATA_TEXT = ("x", "y", "text", "hovertext", "name", "customdata")


def inert(text: str) -> str:
    """``text`` as Plotly shows plain text: its markup (Plotly draws <b>, <i>, <a href>, <span style>
    in labels) escaped as entities, which Plotly shows as the characters they stand for. Only the line
    breaks the builders insert (``<br>``, e.g. ``ministries.wrap``) stay markup."""
    return "<br>".join(html.escape(part, quote=False) for part in text.split("<br>"))


def _inert_values(value):
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, (list, tuple)):  # customdata: a list of tuples
        return [_inert_values(v) for v in value]
    return value


def figure(spec: dict) -> go.Figure:
    """The Plotly figure of ``spec`` ({"data": [trace dicts with "type"], "layout": {...}}), built
    without Plotly's property validation (the module docstring says why and where it is checked).

    Every string a trace shows (``_DATA_TEXT``) and the title are made ``inert`` here, in the one
    place every chart passes through, so no name from the data draws as markup, whichever builder
    labels with it (tests/test_security_config.py poisons the data and reads every chart).
    ``_validate`` is Plotly's own switch (plotly/basedatatypes.py, BaseFigure.__init__; Plotly pinned
    in requirements.txt).
    """
    data = [
        {key: _inert_values(value) if key in _DATA_TEXT else value for key, value in trace.items()}
        for trace in spec.get("data", [])
    ]
    layout = dict(spec.get("layout", {}))
    title = layout.get("title")
    if isinstance(title, dict) and isinstance(title.get("text"), str):
        layout["title"] = title | {"text": inert(title["text"])}
    return go.Figure({**spec, "data": data, "layout": layout}, _validate=False)


def segments(counts, category: str, series: str, order: list, series_order) -> dict[str, list[int]]:
    """For a stacked bar chart: each series in ``series_order`` that ``counts`` has (its ``series``
    column), with its count for each category in ``order`` (its ``category`` column; 0 where none).

    One pass over the rows: a filter and an index per series cost more than the chart itself.
    """
    cells: dict[tuple, int] = {}
    for key, name, count in zip(counts[category], counts[series], counts["count"], strict=True):
        cells[(key, name)] = cells.get((key, name), 0) + int(count)
    present = set(counts[series])
    return {name: [cells.get((key, name), 0) for key in order] for name in series_order if name in present}


def stacked_bar(
    categories: list[str],
    values: list[int],
    name: str,
    colour: str,
    pattern: str = "",
    *,
    horizontal: bool,
    counts_on_bars: bool,
    pattern_colour: str = "#333333",
    pattern_size: int = 6,
) -> dict:
    """One series of a stacked bar chart as a trace dict: a colour and a pattern (so the series stay
    apart in greyscale print), a thin outline, and (``counts_on_bars``) each count written inside its
    segment. ``horizontal``: categories on the y axis."""
    position, value = ("y", "x") if horizontal else ("x", "y")
    trace = {
        "type": "bar",
        position: categories,
        value: values,
        "name": name,
        "marker": {
            "color": colour,
            "line": {"color": "#555555", "width": 1},
            "pattern": {
                "shape": pattern,
                "fgcolor": pattern_colour,
                "size": pattern_size,
                "fillmode": "overlay",
            },
        },
        "hovertemplate": "%{" + position + "}<br>" + name + ": %{" + value + "}<extra></extra>",
    }
    if horizontal:
        trace["orientation"] = "h"
    if counts_on_bars:
        trace |= {
            "text": [v if v else "" for v in values],
            "textposition": "inside",
            "insidetextanchor": "middle",
        }
    return trace
