"""Issue 14 in a real browser: the Asked again page and a view as of a date, in English and Khmer, with
screenshots under artifacts/screenshots/ to look at; the sidebar's date picker writes ``as_of`` to
the address; the Explorer's link to a whole chain opens it."""

from __future__ import annotations

import re

import pytest
from conftest import DESKTOP, PHONE
from test_pages import fit_content

pytestmark = pytest.mark.browser

KHMER = re.compile("[\u1780-\u17ff]")


def full_screenshot(page, path, viewport=DESKTOP) -> None:
    """All of the page (its main area scrolls on its own), then back to ``viewport``."""
    page.evaluate("document.fonts.ready")
    fit_content(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_asked_again_page(new_reader, screenshots, lang):
    reader = new_reader()
    charts = reader.open(f"/recurring?sur=Cambodia&cycle=2{'&lang=km' if lang == 'km' else ''}")
    page = reader.page
    assert charts == 1  # cycle 2: repeats by theme
    assert page.locator("[data-testid=stException]").count() == 0
    main = page.inner_text("[data-testid=stMain]")
    if lang == "en":
        assert "47 of 205 recommendations (23%) repeat an earlier one." in main
        assert "These 20 chains hold 80 recommendations: 33 first asked and 47 asked again." in main
    else:
        assert KHMER.search(main) and "47 ក្នុងចំណោមអនុសាសន៍ 205 (23%)" in main
    assert page.locator("[data-testid=stMetricValue]").all_inner_texts()[:2] == ["20", "80"]
    full_screenshot(page, screenshots / f"recurring-{lang}-desktop.png")
    page.set_viewport_size(PHONE)
    reader.settle()
    full_screenshot(page, screenshots / f"recurring-{lang}-phone.png", PHONE)
    assert not reader.unexpected_errors()


@pytest.mark.parametrize("lang", ["en", "km"])
def test_an_as_of_link_shows_statuses_as_they_stood(new_reader, screenshots, lang):
    reader = new_reader()
    suffix = "&lang=km" if lang == "km" else ""
    reader.open(f"/ministries?sur=Cambodia&cycle=3&as_of=2022-01-01{suffix}")
    page = reader.page
    assert page.locator("[data-testid=stException]").count() == 0
    notice = page.locator("[data-testid=stAlert]").first.inner_text()
    day = "1 មករា 2022" if lang == "km" else "Jan 1, 2022"
    assert day in notice
    date_box = page.locator("[data-testid=stSidebar] [data-testid=stDateInput] input")
    assert date_box.input_value() == "2022-01-01"
    assert reader.query()["as_of"] == ["2022-01-01"]  # the address keeps the day
    metrics = page.locator("[data-testid=stMetricValue]").all_inner_texts()
    assert metrics[4] == "0"  # nothing stalled on 1 January 2022 (assessed since October 2020)
    full_screenshot(page, screenshots / f"ministries-as-of-{lang}.png")
    assert not reader.unexpected_errors()


def test_the_date_picker_writes_as_of_into_the_address_and_clearing_it_removes_it(reader):
    reader.open("/explore?sur=Cambodia&cycle=3")
    page = reader.page
    field = page.locator("[data-testid=stSidebar] [data-testid=stDateInput]")
    field.locator("[role=spinbutton][data-type=year]").click()
    page.keyboard.type("20210630")  # year, month, day: the field moves on by itself
    page.keyboard.press("Escape")
    page.locator("[data-testid=stMain] h1").click()  # the day is taken when the field loses focus
    page.wait_for_url(re.compile(r"as_of=2021-06-30"))
    reader.settle()
    assert "Jun 30, 2021" in page.locator("[data-testid=stAlert]").first.inner_text()
    field.get_by_role("button", name="Clear date").click()
    page.wait_for_url(lambda url: "as_of" not in url)
    reader.settle()
    assert "Statuses as they stood" not in page.inner_text("[data-testid=stMain]")
    assert not reader.unexpected_errors()


def test_the_explorers_link_to_the_whole_chain_opens_it(reader, screenshots):
    reader.open("/explore?sur=Cambodia&cycle=2&rec=KHM-C2-119.9")
    page = reader.page
    assert "Asked before" in page.inner_text("[data-testid=stMain]")
    full_screenshot(page, screenshots / "explore-asked-before-en.png")
    page.get_by_text("The whole chain: 6 recommendations over 2 cycles").click()
    page.wait_for_url(re.compile(r"/recurring\?.*chain=KHM-C1-82\.11"))
    reader.settle()
    box = page.locator("[data-testid=stMain] [data-testid=stSelectbox] input").last
    assert "KHM-C1-82.11" in box.input_value()
    assert not reader.unexpected_errors()
