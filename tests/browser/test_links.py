"""A link opens the same view for someone else; changing a filter or the page keeps the URL in step."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

pytestmark = pytest.mark.browser

# A link and the chips it shows (the app adds the state under review, and the cycle where missing).
LINKS = {
    "/?cycle=2&state=France&state=Germany": ["France", "Germany"],
    "/explore?cycle=1&q=%22freedom%22&rec=KHM-C1-82.68": [],
    "/noted?cycle=2&theme=Elections": ["Elections"],
    "/acceptance?cycle=all&response=noted&region=WEOG": [],
    "/ministries?ministry=MOJ&ministry=MOI&status=not_implemented": [
        "Ministry of Justice",
        "Ministry of Interior",
    ],
    "/states?cycle=2&region=EEG&state=Russian+Federation": ["Russian Federation"],
}


@pytest.mark.parametrize("link", LINKS)
def test_a_link_opens_the_same_view_in_a_fresh_browser(new_reader, link):
    first = new_reader()
    first.open(link)
    seen = first.view()
    # The link's own values stay; the review it was read as is written out (a link always names it).
    expected = {"sur": ["Cambodia"], "cycle": ["3"], **parse_qs(urlsplit(link).query)}
    assert seen["query"] == expected, "the app changed the link's own parameters"
    assert seen["chips"] == LINKS[link]
    assert first.unexpected_errors() == []

    second = new_reader()  # another person: no cookies, no session, only the address
    second.open(first.page.url)
    assert second.view() == seen
    assert second.unexpected_errors() == []


def test_the_overview_counts_of_a_link_are_the_databases(new_reader, bundled_db):
    reader = new_reader()
    reader.open("/?cycle=2&state=France&state=Germany")
    with duckdb.connect(str(bundled_db), read_only=True) as con:
        received, supported, noted = con.execute(
            "SELECT count(*), count(*) FILTER (response = 'supported'), count(*) FILTER (response = 'noted') "
            "FROM recommendations WHERE state_under_review = 'Cambodia' AND cycle = 2 "
            "AND list_has_any(recommending_states, ['France', 'Germany'])"
        ).fetchone()
    assert reader.view()["metrics"][:3] == [str(received), str(supported), str(noted)]


def test_changing_filters_in_the_sidebar_rewrites_the_url(reader):
    page = reader.page
    reader.open("/?cycle=2")
    before = reader.view()["metrics"]

    page.get_by_role("combobox", name="Cycle").click()
    page.get_by_role("option", name="Cycle 1", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]cycle=1(&|$)"))
    reader.settle()
    assert reader.view()["metrics"] != before

    themes = page.get_by_role("combobox", name="Themes")
    themes.click()
    themes.fill("Elections")
    page.get_by_role("option", name="Elections", exact=True).click()
    page.keyboard.press("Escape")  # close the list: while it is open the rest of the page is aria-hidden
    page.wait_for_url(re.compile(r"[?&]theme=Elections(&|$)"))
    reader.settle()
    assert reader.query() == {"sur": ["Cambodia"], "cycle": ["1"], "theme": ["Elections"]}
    assert reader.view()["chips"] == ["Elections"]

    page.get_by_role("button", name="Remove Elections").click()
    page.wait_for_url(lambda url: "theme=" not in url)
    reader.settle()
    assert reader.query() == {"sur": ["Cambodia"], "cycle": ["1"]}
    assert reader.unexpected_errors() == []


def test_switching_pages_keeps_the_filters_and_the_view(reader):
    page = reader.page
    reader.open("/?cycle=2&state=France&state=Germany")
    overview = reader.view()
    nav = page.locator("[data-testid=stSidebarNav]")

    nav.get_by_role("link", name="Noted recommendations").click()
    page.wait_for_url(re.compile(r"/noted\?"))
    reader.settle()
    noted = reader.view()
    assert noted["query"] == overview["query"]
    assert (noted["chips"], noted["selects"]) == (overview["chips"], overview["selects"])

    nav.get_by_role("link", name="Overview").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/")
    reader.settle()
    assert reader.view() == overview
    assert reader.unexpected_errors() == []
