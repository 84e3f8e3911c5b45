"""Small readers for what a page shows in AppTest: charts as data, tables, text."""

from __future__ import annotations

import base64
import json
import re

import numpy as np


def charts(at) -> list[dict]:
    """Every Plotly figure on the page, as its JSON spec."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_titled(at, start: str) -> dict:
    found = [c for c in charts(at) if c["layout"]["title"]["text"].startswith(start)]
    assert found, [c["layout"]["title"]["text"] for c in charts(at)]
    return found[0]


def numbers(trace: dict, axis: str) -> list:
    """A trace's x or y values; Plotly 6+ may send numbers as typed arrays ({"dtype", "bdata"})."""
    values = trace[axis]
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def lines(figure: dict) -> list[str]:
    """The text line above each row of a labelled-row chart, top to bottom."""
    return list(figure["data"][0]["text"])


def rows(figure: dict) -> dict[str, str]:
    """A one-bar-per-row chart as {row name: its figures}, from lines like "WEOG · 64% of 61"."""
    return dict(line.rsplit(" · ", 1) for line in lines(figure))


def bar_texts(figure: dict, trace_name: str) -> dict[str, str]:
    """The labels on one trace's bars (e.g. one cycle), keyed by the name of the row they sit in."""
    label_y = numbers(figure["data"][0], "y")
    names = lines(figure)
    trace = next(t for t in figure["data"] if t.get("name") == trace_name)
    out = {}
    for y, text in zip(numbers(trace, "y"), trace["text"], strict=True):
        row = max(i for i, ly in enumerate(label_y) if ly < y)
        out[names[row]] = text
    return out


def texts(at, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def displayed(markdown: str) -> str:
    """The text a reader sees of Markdown the app escaped (dashboard/markdown.py): no backslash before
    punctuation, no invisible word joiner (they keep bare addresses from becoming links)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
