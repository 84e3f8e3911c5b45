"""Every page draws, goes idle without console errors, fits a phone, and leaves screenshots to look at."""

from __future__ import annotations

import pytest
from conftest import DESKTOP, PHONE, WITHOUT_CHARTS

from benchmarks.harness import PAGES

pytestmark = pytest.mark.browser

# Elements wider than the phone are fine only inside something that scrolls or clips them
# (a table's canvas, a code block); anything else makes the whole page scroll sideways.
OVERFLOWING = """
() => {
  const limit = document.documentElement.clientWidth + 1;
  const main = document.querySelector('[data-testid=stMain]');
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== main; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' || style.overflowX === 'clip') return true;
    }
    return false;
  };
  return [...main.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right > limit && el.getBoundingClientRect().width > 0)
    .filter((el) => !clipped(el))
    .map((el) => `${el.tagName.toLowerCase()}[data-testid=${el.closest('[data-testid]')?.dataset.testid}] right=${Math.round(el.getBoundingClientRect().right)}`)
    .slice(0, 10);
}
"""


def fit_content(page) -> None:
    """Make the viewport as tall as the app's scrolling main area, so a screenshot holds all of it."""
    height = page.evaluate(
        "() => Math.max(document.documentElement.scrollHeight,"
        " ...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stMain] > div,"
        " [data-testid=stSidebarContent]')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(int(height), 8000)})
    page.wait_for_timeout(300)  # let Plotly redraw at the new size


# The Explorer draws its one chart (an assessment history) for a chosen recommendation; Asked again
# draws its chart for a cycle that repeats an earlier one (the default cycle 3 is illustrative, unlinked).
OPEN = {name: f"/{path}" for name, path in PAGES.items()} | {
    "explore": "/explore?rec=ILLUS-KHM-C3-001",
    "recurring": "/recurring?cycle=2",
}


def localised(path: str, lang: str) -> str:
    return path if lang == "en" else path + ("&" if "?" in path else "?") + f"lang={lang}"


PREFIX = {"en": "", "km": "km-"}  # screenshot file names: overview-desktop.png, km-overview-phone.png


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("name", PAGES)
def test_page_draws_its_charts_and_goes_idle_without_console_errors(reader, screenshots, name, lang):
    charts = reader.open(localised(OPEN[name], lang))
    assert reader.page.locator("[data-testid=stException]").count() == 0
    assert reader.unexpected_errors() == []
    fit_content(reader.page)
    reader.page.screenshot(path=screenshots / f"{PREFIX[lang]}{name}-desktop.png", full_page=True)
    reader.page.set_viewport_size(DESKTOP)
    if name not in WITHOUT_CHARTS:
        assert charts >= 1, f"/{PAGES[name]} drew no chart"


@pytest.mark.parametrize("lang", PREFIX)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(new_reader, screenshots, name, lang):
    reader = new_reader(PHONE, is_mobile=True, has_touch=True)
    reader.open(localised(OPEN[name], lang))
    page = reader.page
    scroll_width, overflowing = (
        page.evaluate("document.documentElement.scrollWidth"),
        page.evaluate(OVERFLOWING),
    )
    fit_content(page)  # the whole length of the page at phone width, to look at
    page.screenshot(path=screenshots / f"{PREFIX[lang]}{name}-phone.png", full_page=True)
    assert scroll_width <= PHONE["width"] + 1
    assert overflowing == []
    assert reader.unexpected_errors() == []
