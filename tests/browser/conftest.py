"""One real streamlit server on the bundled data per session, the system Chromium per module, a context per test."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

from benchmarks.harness import ROOT, StreamlitServer, chromium_path, launch_chromium, wait_for_view

WITHOUT_CHARTS = {"about"}
DESKTOP = {"width": 1366, "height": 900}  # a common laptop
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
# Opening a sub-page URL directly makes the frontend probe two addresses under the page path.
HARMLESS_404_ENDINGS = ("/_stcore/health", "/_stcore/host-config")
# Where the filters are: each page's own under its title, the others in the sidebar.
FILTERS = ":is([data-testid=stSidebar], [data-testid=stMain])"


@dataclass
class Reader:
    """One browser tab of one reader, with the console errors it has seen."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> int:
        """Go to ``path`` (e.g. "/noted?cycle=3", or a full URL) and wait for the view; return the chart count."""
        self.page.goto(path if path.startswith("http") else self.base + path)
        return wait_for_view(self.page)

    def settle(self) -> int:
        return wait_for_view(self.page)

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def view(self) -> dict[str, object]:
        """What a reader compares between two openings of a link: chips, chosen values, counts."""
        page = self.page
        return {
            "path": urlsplit(page.url).path,
            "query": self.query(),
            # The filters are on the page (its key ones) and in the sidebar (the others): both.
            "chips": page.locator(f"{FILTERS} [data-tag]").all_inner_texts(),
            "selects": sorted(
                page.locator(f"{FILTERS} [data-testid=stSelectbox] input").evaluate_all(
                    "els => els.map(e => [e.getAttribute('aria-label'), e.value])"
                )
            ),
            "search": page.locator(f"{FILTERS} [data-testid=stTextInput] input").evaluate_all(
                "els => els.map(e => e.value)"
            ),
            "metrics": page.locator("[data-testid=stMetricValue]").all_inner_texts(),
            "downloads": [
                " ".join(t.split()) for t in page.get_by_role("button", name="Download CSV").all_inner_texts()
            ],
            "title": page.locator("[data-testid=stMain] h1").all_inner_texts(),
        }

    def unexpected_errors(self) -> list[str]:
        return list(self.errors)


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is required in CI (apt-get install -y chromium)")
        pytest.skip(
            "/usr/bin/chromium not found: install it with `apt-get install -y chromium` to run browser tests"
        )
    return path


@pytest.fixture(scope="session")
def app_server(chromium_executable, bundled_db, tmp_path_factory):
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with StreamlitServer(ROOT / "app.py", log, {"UPR_DB": str(bundled_db)}) as server:
        yield server


# Module scope, not session: only one Playwright driver may run in a thread at a time, and
# tests/test_proxy.py starts its own.
@pytest.fixture(scope="module")
def chromium(chromium_executable):
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium_executable)
        yield browser
        browser.close()


@pytest.fixture
def new_reader(chromium, app_server):
    """Make readers (fresh browser contexts: no shared cookies, storage or session)."""
    contexts = []

    def make(viewport: dict[str, int] = DESKTOP, **options) -> Reader:
        context = chromium.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        reader = Reader(page, app_server.url)

        def on_console(message) -> None:
            if message.type != "error":
                return
            url = (message.location or {}).get("url", "")
            if "404" in message.text and url.endswith(HARMLESS_404_ENDINGS):
                return
            reader.errors.append(f"console: {message.text} ({url})")

        page.on("console", on_console)
        page.on("pageerror", lambda error: reader.errors.append(f"pageerror: {error}"))
        return reader

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def reader(new_reader) -> Reader:
    return new_reader()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
