"""The data API returns exactly the Explorer's CSV download for the same view: the same bytes a reader
gets by clicking "Download CSV" in Chromium, from the same server (app.py serves both)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.test_downloads import open_tables

pytestmark = pytest.mark.browser

VIEWS = [
    "sur=Cambodia&cycle=all&response=supported",  # illustrative cycle 3 included: a marked file name
    "sur=Cambodia&cycle=2&lang=km",  # Khmer status names
]


def click_download(reader, path: str):
    """Click the Explorer's table download (in any language) and return the download; a click lost to a
    rerun on a loaded machine is tried again (as tests/browser/test_downloads.py does)."""
    for timeout in (30_000, 45_000, 60_000):
        reader.settle()
        button = reader.page.locator("[data-testid=stDownloadButton] button").first
        try:
            with reader.page.expect_download(timeout=timeout) as info:
                button.click()
            return info.value
        except PlaywrightTimeoutError:
            open_tables(reader, path)
    raise AssertionError(f"no download after three clicks on {path}")


@pytest.mark.parametrize("query", VIEWS)
def test_the_api_csv_is_the_explorers_download_byte_for_byte(reader, app_server, query):
    open_tables(reader, f"/explore?{query}")
    download = click_download(reader, f"/explore?{query}")
    clicked = Path(download.path()).read_bytes()
    with urllib.request.urlopen(f"{app_server.url}/api/v1/recommendations.csv?{query}") as answer:  # noqa: S310
        served, disposition = answer.read(), answer.headers["Content-Disposition"]
    assert served == clicked
    # both names say whether made-up rows are in the file (the dates differ: today / the build's day)
    illustrative = "includes-illustrative" in download.suggested_filename
    assert ("includes-illustrative" in disposition) == illustrative
    assert illustrative == ("cycle=all" in query)
