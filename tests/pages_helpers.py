"""Small readers for what a page shows in AppTest: charts as data, tables, text."""

from __future__ import annotations

import json


def charts(at) -> list[dict]:
    """Every Plotly figure on the page, as its JSON spec."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_titled(at, start: str) -> dict:
    found = [c for c in charts(at) if c["layout"]["title"]["text"].startswith(start)]
    assert found, [c["layout"]["title"]["text"] for c in charts(at)]
    return found[0]


def bars(figure: dict, trace: int = 0) -> dict:
    """One trace's bars as {category: label text}."""
    data = figure["data"][trace]
    return dict(zip(data["y"], data["text"], strict=True))


def texts(at, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def any_text(at, kind: str, fragment: str) -> bool:
    return any(fragment in value for value in texts(at, kind))


def numbers(trace: dict, axis: str) -> list:
    """A trace's x or y values; Plotly 6+ may send numbers as typed arrays ({"dtype", "bdata"})."""
    values = trace[axis]
    if isinstance(values, dict) and "bdata" in values:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)
