"""A link copied today opens the same figures after the data grows (issue 11).

A journalist copies "Link to this view" on the Overview of Cambodia's latest cycle (3) and puts it in
an article. A monitor then imports a cycle-4 list, as docs/importing.md tells them to, and rebuilds:
the default view is now cycle 4, but the copied link still opens cycle 3 with the figures she quoted.
Copied in Khmer, it still opens in Khmer. A ``#section`` anchor added to a link survives the app's
tidying of the address.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import DESKTOP, ROOT

from benchmarks.harness import StreamlitServer, wait_for_view

pytestmark = pytest.mark.browser

# Three made-up cycle-4 recommendations in the UHRI export's JSON layout (no text from ../shared).
CYCLE_4 = [
    {
        "Text": f"46.{n} Example cycle-4 recommendation number {n}",
        "Countries": ["Cambodia"],
        "Body": "UPR",
        "Symbol": "A/HRC/57/99",
        "Themes": [],
        "UprRecommendingCountry": [state],
        "UprPositions": [position],
        "AnnotationType": "Recommendations",
        "AnnotationId": str(9000 + n),
        "UprSession": ["46 Session"],
        "PublicationDate": "2024-07-01T00:00:00",
    }
    for n, state, position in ((1, "France", "Supported"), (2, "Japan", "Supported"), (3, "Chile", "Noted"))
]


def copied_link(page) -> str:
    """What a reader copies from the "Link to this view" box."""
    box = page.locator("[data-testid=stExpander]").filter(
        has_text="🔗"
    )  # its title is in the reader's language
    box.locator("summary").click()
    codes = box.locator("[data-testid=stCode] code")
    assert codes.first.inner_text().strip().split("/share/")[1]  # the share page is offered first
    return codes.nth(1).inner_text().strip()  # the interactive view


def metrics(page) -> list[str]:
    return page.locator("[data-testid=stMetricValue]").all_inner_texts()[:3]


def test_a_copied_link_keeps_its_figures_after_another_cycle_is_imported(chromium, tmp_path):
    data = shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*"))
    database = tmp_path / "db" / "upr.duckdb"
    subprocess.run([sys.executable, "-m", "etl", "--data-dir", data, "--db", database], cwd=ROOT, check=True)
    env = {"UPR_DATA_DIR": str(data), "UPR_DB": str(database), "UPR_REBUILD_ON_CHANGE": "0"}
    with StreamlitServer(ROOT / "app.py", tmp_path / "streamlit.log", env) as server:
        context = chromium.new_context(viewport=DESKTOP)
        page = context.new_page()
        page.goto(server.url + "/")
        wait_for_view(page)
        assert page.locator("[data-testid=stMain] h3").first.inner_text() == "Cycle 3"
        quoted = metrics(page)
        link = copied_link(page)
        assert parse_qs(urlsplit(link).query) == {"sur": ["Cambodia"], "cycle": ["3"]}
        page.goto(server.url + "/?lang=km")
        wait_for_view(page)
        khmer_title = page.locator("[data-testid=stMain] h1").inner_text()
        khmer_link = copied_link(page)
        assert parse_qs(urlsplit(khmer_link).query)["lang"] == ["km"]
        context.close()

        export = tmp_path / "uhri-cycle-4.json"
        export.write_text(json.dumps(CYCLE_4), encoding="utf-8")
        etl = [sys.executable, "-m", "etl"]
        subprocess.run(
            [*etl, "import", "uhri", export, "--state", "Cambodia", "--out", data], cwd=ROOT, check=True
        )
        subprocess.run([*etl, "--data-dir", data, "--db", database], cwd=ROOT, check=True)

        fresh = chromium.new_context(viewport=DESKTOP)  # someone else, days later: only the address
        try:
            page = fresh.new_page()
            page.goto(server.url + "/")
            wait_for_view(page)
            assert (
                page.locator("[data-testid=stMain] h3").first.inner_text() == "Cycle 4"
            )  # the default moved
            assert metrics(page) == ["3", "2", "1"]

            page.goto(link)
            wait_for_view(page)
            assert page.locator("[data-testid=stMain] h3").first.inner_text() == "Cycle 3"
            assert metrics(page) == quoted == ["198", "173", "25"]

            page.goto(khmer_link)
            wait_for_view(page)
            assert page.locator("[data-testid=stMain] h1").inner_text() == khmer_title
            assert metrics(page) == quoted
        finally:
            fresh.close()


def test_tidying_the_address_keeps_an_anchor(new_reader):
    reader = new_reader()
    reader.open("/noted?cycle=2&response=any#the-noted-recommendations")
    reader.page.wait_for_url(re.compile(r"sur=Cambodia"))  # the app rewrote the address ...
    assert reader.page.url.endswith("#the-noted-recommendations")  # ... and kept the anchor
    assert reader.query() == {"cycle": ["2"], "sur": ["Cambodia"]}
