"""Khmer in a real browser: every page opened with ?lang=km shows Khmer script, logs no console
errors, and is screenshotted (artifacts/screenshots/km-<page>.png) with the chart's own PNG export,
so a person can check the shaping (subscript consonants, vowel signs) rather than boxes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks.harness import CHROMIUM, CHROMIUM_ARGS, free_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8671, 8690)
KHMER = re.compile("[\u1780-\u17ff]")
SHOTS = ROOT / "artifacts" / "screenshots"
# Opening a sub-page URL directly logs two harmless 404s (TOOLCHAIN.md).
HARMLESS = re.compile(r"/_stcore/health|/_stcore/host-config")


def registered_pages() -> dict[str, str]:
    """url_path → page file, for every page the router registers ("" is the Overview)."""
    found = re.findall(r'"([\w]+\.py)".*?url_path="([^"]*)"', (ROOT / "app.py").read_text(encoding="utf-8"))
    return {path: file for file, path in found}


def placeholder(path: str) -> bool:
    """A page still being written says so in its docstring (its body has no interface text yet)."""
    text = (ROOT / "pages" / registered_pages()[path]).read_text(encoding="utf-8")
    return '"""Placeholder' in text.split("\n", 1)[0]


@pytest.fixture(scope="module")
def server(bundled_db, tmp_path_factory):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is required in CI (apt-get install -y chromium)")
        pytest.skip(f"{CHROMIUM} not found (apt-get install -y chromium)")
    port = free_port(PORTS)
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += [
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "UPR_DB": str(bundled_db)},
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not start:\n" + log.read_text())
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_khmer_font_is_installed():
    """Without one the pages and PNG charts show boxes, and nothing else here would notice."""
    if not shutil.which("fc-list"):
        if os.environ.get("CI"):
            pytest.fail("fc-list (fontconfig) is required in CI")
        pytest.skip("fc-list not found")
    families = subprocess.run(["fc-list", ":lang=km", "family"], capture_output=True, text=True).stdout
    assert "Noto Sans Khmer" in families or "Khmer OS" in families, (
        "install a Khmer font: apt-get install -y fonts-noto-core (or fonts-khmeros)"
    )


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("path", list(registered_pages()))
def test_every_page_in_khmer(server, browser, path):
    name = path or "overview"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console",
        lambda m: (
            m.type == "error" and not HARMLESS.search(m.location.get("url", "")) and errors.append(m.text)
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{server}/{path}?lang=km", wait_until="domcontentloaded")
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
        page.wait_for_selector("[data-testid=stSidebar] [data-testid=stHeading]", timeout=30_000)
        charts = page.locator("[data-testid=stPlotlyChart]")
        if charts.count():
            page.wait_for_selector("[data-testid=stPlotlyChart] .js-plotly-plot .main-svg", timeout=30_000)
        page.evaluate("document.fonts.ready")
        page.wait_for_timeout(500)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"km-{name}.png"), full_page=True)

        assert KHMER.search(page.inner_text("[data-testid=stSidebar]")), "no Khmer in the sidebar"
        if not placeholder(path):
            assert KHMER.search(page.inner_text("[data-testid=stMain]")), f"no Khmer on /{path}?lang=km"
        assert "lang=km" in page.url  # the language stays in the address, so a link reopens it
        if charts.count():
            export_first_chart(page, SHOTS / f"km-{name}-chart.png")
        assert not errors, errors
    finally:
        context.close()


def export_first_chart(page, target: Path) -> None:
    """Click the chart's own "download as PNG" (drawn client-side, with the browser's fonts)."""
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.hover()
    button = chart.locator(".modebar-btn[data-title^='Download plot']")
    with page.expect_download(timeout=30_000) as download:
        button.click()
    download.value.save_as(target)
    assert target.stat().st_size > 10_000


def test_switching_language_in_the_browser_keeps_the_filters_in_the_address(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang=km&cycle=2&response=noted", wait_until="domcontentloaded")
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
        page.wait_for_selector("h1:has-text('UPR')", timeout=30_000)
        assert KHMER.search(page.inner_text("h1"))
        page.get_by_text("English", exact=True).click()
        page.wait_for_selector("h1:has-text('UPR recommendations to')", timeout=30_000)
        page.wait_for_function("!location.search.includes('lang=')", timeout=10_000)
        assert "cycle=2" in page.url and "response=noted" in page.url
        page.get_by_text("ខ្មែរ", exact=True).click()
        page.wait_for_function("location.search.includes('lang=km')", timeout=10_000)
        assert "cycle=2" in page.url and "response=noted" in page.url
        assert KHMER.search(page.inner_text("h1"))
    finally:
        context.close()
