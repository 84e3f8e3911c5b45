"""The data API returns exactly the Explorer's CSV download for the same view: the same bytes a reader
gets by clicking "Download CSV" in Chromium, from the same server (app.py serves both)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from tests.browser.test_downloads import open_tables

pytestmark = pytest.mark.browser

VIEWS = [
    "sur=Cambodia&cycle=all&response=supported",  # illustrative cycle 3 included: a marked file name
    "sur=Cambodia&cycle=2&lang=km",  # Khmer status names
]


def click_download(reader):
    """Click the Explorer's table download (in any language) once and return the download (the file is
    made with the page, so one click is enough: no retry)."""
    button = reader.page.locator("[data-testid=stDownloadButton] button").first
    with reader.page.expect_download(timeout=30_000) as info:
        button.click()
    return info.value


@pytest.mark.parametrize("query", VIEWS)
def test_the_api_csv_is_the_explorers_download_byte_for_byte(reader, app_server, query):
    open_tables(reader, f"/explore?{query}")
    download = click_download(reader)
    clicked = Path(download.path()).read_bytes()
    with urllib.request.urlopen(f"{app_server.url}/api/v1/recommendations.csv?{query}") as answer:  # noqa: S310
        served, disposition = answer.read(), answer.headers["Content-Disposition"]
    assert served == clicked
    # both names say whether made-up rows are in the file (the dates differ: today / the build's day)
    illustrative = "includes-illustrative" in download.suggested_filename
    assert ("includes-illustrative" in disposition) == illustrative
    assert illustrative == ("cycle=all" in query)
