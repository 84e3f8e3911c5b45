"""Every chart a reader sees is a figure Plotly accepts, property by property.

The dashboard builds its figures without Plotly's validation (dashboard/charts/style.py, ``figure``:
2–3 ms a chart, a dozen charts a run on Progress by ministry). A misspelt property would then reach
the browser, where Plotly.js ignores it silently (a legend in the wrong place, a colour missing).
Here every chart every page draws goes through Plotly's full validation instead.
"""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from tests.conftest import PAGES
from tests.pages_helpers import charts

VIEWS = {"bundled": [{}, {"cycle": "all"}, {"lang": "km"}], "golden": [{}, {"cycle": "all"}]}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("data", VIEWS)
def test_every_chart_on_every_page_passes_plotlys_validation(run_page, request, data, page):
    database = request.getfixturevalue(f"{data}_db")
    drawn = 0
    for params in VIEWS[data]:
        at = run_page(database, page, params=params)
        assert not at.exception, [e.value for e in at.exception]
        for spec in charts(at):
            title = spec["layout"].get("title", {}).get("text", "")
            try:
                go.Figure(spec)  # validates every trace and layout property; raises on an unknown one
            except ValueError as error:
                pytest.fail(
                    f"{page or 'overview'} {params}: the chart {title!r} is not valid Plotly: {error}"
                )
            drawn += 1
    # The Explorer draws a chart only for one recommendation; the golden fixture links no recurrence.
    if data == "bundled" and page not in ("explore", "about"):
        assert drawn, f"{page or 'overview'}: no chart drawn on the {data} data"


def test_the_check_finds_a_misspelt_property():
    """What the test above relies on: Plotly's validation names a property it does not know."""
    with pytest.raises(ValueError, match="hovertemplat"):
        go.Figure({"data": [{"type": "bar", "x": [1], "hovertemplat": "%{x}"}], "layout": {}})
