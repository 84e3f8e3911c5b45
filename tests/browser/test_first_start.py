"""A freshly deployed app (no database yet) whose first visitor follows a shared link to a sub-page:
the router builds the data and shows that page with the link's filters, not an error. Community Cloud
starts this way after every restart and every wake from sleep."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT

from benchmarks.harness import StreamlitServer, wait_for_view
from tests.conftest import GOLDEN

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "link, title", [("/explore?rec=ATL-C2-20.2&cycle=2", "Explorer"), ("/about", "About")]
)
def test_a_shared_link_is_the_first_request_of_a_new_server(chromium, tmp_path, link, title):
    data = shutil.copytree(GOLDEN, tmp_path / "data")
    database = tmp_path / "db" / "upr.duckdb"
    env = {"UPR_DATA_DIR": str(data), "UPR_DB": str(database)}
    with StreamlitServer(ROOT / "app.py", tmp_path / "streamlit.log", env) as server:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(server.url + link)
            wait_for_view(page)
            assert page.locator("[data-testid=stException]").count() == 0, (
                tmp_path / "streamlit.log"
            ).read_text()
            assert title in page.inner_text("[data-testid=stMain] h1")
            shown, asked = urlsplit(page.url), urlsplit(link)
            assert shown.path == asked.path
            # The link's own values, and the review it was read as (a link always names it).
            assert parse_qs(shown.query) == {"sur": ["Atlantis"], "cycle": ["3"], **parse_qs(asked.query)}
            assert page.locator("[data-testid=stSidebar]").get_by_text("Filters").count() == 1
            assert database.is_symlink()  # built on this first request
            assert not errors
            # The terminal of someone who runs the README's first command: no warning per cached
            # function (app.py quiets Streamlit's decoration-time notice), no traceback.
            log = (tmp_path / "streamlit.log").read_text()
            assert "No runtime found" not in log and "Traceback" not in log, log
        finally:
            context.close()
