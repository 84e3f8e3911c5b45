"""Khmer in a real browser: every page opened with ?lang=km shows Khmer script, logs no console
errors, and is screenshotted (artifacts/screenshots/km-<page>.png) with the chart's own PNG export,
so a person can check the shaping (subscript consonants, vowel signs) rather than boxes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PAGES

pytestmark = pytest.mark.browser

KHMER = re.compile("[\u1780-\u17ff]")


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


@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_khmer(new_reader, screenshots, path):
    name = path or "overview"
    reader = new_reader(accept_downloads=True)
    page = reader.page
    charts = reader.open(f"/{path}?lang=km")
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(screenshots / f"km-{name}.png"), full_page=True)

    assert KHMER.search(page.inner_text("[data-testid=stSidebar]")), "no Khmer in the sidebar"
    assert KHMER.search(page.inner_text("[data-testid=stMain]")), f"no Khmer on /{path}?lang=km"
    assert "lang=km" in page.url  # the language stays in the address, so a link reopens it
    if charts:
        export_first_chart(page, screenshots / f"km-{name}-chart.png")
    assert not reader.unexpected_errors()


def export_first_chart(page, target: Path) -> None:
    """Click the chart's own "download as PNG" (drawn client-side, with the browser's fonts)."""
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.hover()
    button = chart.locator(".modebar-btn[data-title^='Download plot']")
    with page.expect_download(timeout=30_000) as download:
        button.click()
    download.value.save_as(target)
    assert target.stat().st_size > 10_000


def title_is_khmer(page) -> bool:
    return bool(KHMER.search(page.inner_text("[data-testid=stMain] h1")))


def test_switching_language_in_the_browser_keeps_the_filters_in_the_address(reader):
    page = reader.page
    reader.open("/?lang=km&cycle=2&response=noted")
    assert title_is_khmer(page)

    page.get_by_text("English", exact=True).click()
    # The address changes as the rerun starts, before the page is drawn again: wait for the drawing.
    page.wait_for_function("!location.search.includes('lang=')")
    reader.settle()
    page.wait_for_selector("[data-testid=stMain] h1:has-text('UPR recommendations to')")
    assert "cycle=2" in page.url and "response=noted" in page.url

    page.get_by_text("ខ្មែរ", exact=True).click()
    page.wait_for_function("location.search.includes('lang=km')")
    reader.settle()
    page.wait_for_function(
        "/[\\u1780-\\u17ff]/.test(document.querySelector('[data-testid=stMain] h1')?.innerText || '')"
    )
    assert title_is_khmer(page)
    assert "cycle=2" in page.url and "response=noted" in page.url
    assert not reader.unexpected_errors()
