"""What a journalist or a monitor meets in real Chromium, on a laptop (1366 px) and a phone (390 px):
the page's own search and filters on the page, no toolbar over a title or a heading, tables of counts
that fit, names in Khmer, a search that forgives, documents one tap away, a refused data update
explained to every visitor, and counts in the right plural."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import DESKTOP, PHONE, ROOT

from benchmarks.harness import PAGES, StreamlitServer, wait_for_view
from tests.conftest import GOLDEN, build_database

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 900}
WITH_SEARCH = [name for name in PAGES if name != "about"]  # About covers the whole review: no search

# Which texts matching selector b lie under a shown box matching selector a (toolbars): the text itself
# (its line boxes), not the full-width block around it; a toolbar in a closed expander is not shown.
OVERLAP = """
([a, b]) => {
  const r = (el) => el.getBoundingClientRect();
  const shown = (el) => !el.closest("details:not([open])") && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const boxes = [...document.querySelectorAll(a)].filter(shown).map(r).filter((x) => x.width && x.height);
  const hit = (x, y) => x.left < y.right && y.left < x.right && x.top < y.bottom && y.top < x.bottom;
  const out = [];
  for (const el of document.querySelectorAll(b)) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = [...range.getClientRects()].filter((x) => x.width && x.height);
    if (lines.some((line) => boxes.some((box) => hit(box, line)))) out.push(el.textContent.slice(0, 60));
  }
  return out;
}
"""


@pytest.mark.parametrize("name", WITH_SEARCH)
def test_a_phone_reader_finds_the_search_and_the_cycle_on_the_page(new_reader, name):
    reader = new_reader(PHONE, is_mobile=True, has_touch=True)
    reader.open(f"/{PAGES[name]}")
    main = reader.page.locator("[data-testid=stMain]")
    assert main.get_by_role("textbox", name="Search").is_visible()
    assert main.get_by_role("combobox", name="Cycle").is_visible()
    assert "sidebar" not in main.inner_text().lower()  # no page sends a phone reader to a hidden sidebar
    assert reader.unexpected_errors() == []


HEADINGS = "[data-testid=stMain] :is(h1, h2, h3, [data-testid=stCaptionContainer] p, [data-testid=stMarkdownContainer] p)"


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
@pytest.mark.parametrize("name", ["acceptance", "ministries", "states"])
def test_no_toolbar_covers_a_chart_title_or_a_heading(new_reader, viewport, name):
    phone = viewport is PHONE
    reader = new_reader(viewport, is_mobile=phone, has_touch=phone)
    reader.open(f"/{PAGES[name]}")
    page = reader.page
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.scroll_into_view_if_needed()
    chart.tap(position={"x": 30, "y": 90}) if phone else chart.hover(position={"x": 30, "y": 90})
    page.locator("[data-testid=stPlotlyChart] .modebar-container").first.wait_for(state="attached")
    page.wait_for_timeout(300)
    toolbars = ".modebar-container .modebar, [data-testid=stElementToolbar]"
    assert page.evaluate(OVERLAP, [toolbars, "[data-testid=stPlotlyChart] .gtitle"]) == []
    assert page.evaluate(OVERLAP, [toolbars, HEADINGS]) == []
    closed = page.locator("[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary")
    if closed.count():  # the Acceptance page keeps its tables in "Table and CSV: ..." expanders
        closed.first.click()
    table = page.locator("[data-testid=stMain] [data-testid=stDataFrame]").filter(visible=True).last
    table.scroll_into_view_if_needed()
    table.tap(position={"x": 10, "y": 10}) if phone else table.hover()
    page.wait_for_timeout(300)
    assert page.evaluate(OVERLAP, ["[data-testid=stElementToolbar]", HEADINGS]) == []


FITS = """
() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stDataFrame]')].map((t) => {
  const s = t.querySelector('.dvn-scroller');
  return s ? [s.scrollWidth <= s.clientWidth + 1, [...t.querySelectorAll('[role=columnheader]')].map((h) => h.textContent)] : null;
})
"""


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("path", ["/", "/ministries", "/states", "/about"])
def test_tables_of_counts_fit_a_laptop(new_reader, path, lang):
    """The Progress by ministry table once cut its Stalled column to "St…" at 1366 px."""
    reader = new_reader(LAPTOP)
    reader.open(f"{path}?lang={lang}")
    tables = reader.page.locator("[data-testid=stMain] [data-testid=stDataFrame]")
    for index in range(tables.count()):  # a table draws its columns once it is on screen
        tables.nth(index).scroll_into_view_if_needed()
        reader.page.wait_for_timeout(200)
    shown = [t for t in reader.page.evaluate(FITS) if t]
    counts = {  # the tables of counts on these pages: by ministry, by state, rows and files
        "/": [0],  # the counts beside the official totals
        "/ministries": [0],
        "/states": [len(shown) - 1],
        "/about": range(len(shown)),  # the wide table of source texts is in a closed expander
    }[path]
    for index in counts:
        fits, headers = shown[index]
        assert fits, f"{path}?lang={lang}: the table {headers} is wider than the page"


def test_khmer_readers_see_states_themes_and_the_review_in_khmer(new_reader):
    reader = new_reader(LAPTOP)
    reader.open("/states?lang=km&cycle=2&state=France")
    page = reader.page
    main = page.inner_text("[data-testid=stMain]")
    assert page.locator("[data-testid=stMain] [data-tag]").all_inner_texts() == ["បារាំង"]
    assert "បារាំង" in page.inner_text("[data-testid=stMain] h1")
    assert "កម្ពុជា" in main and "Cambodia" not in main and "France" not in main
    assert "state=France" in page.url  # links keep the data's names
    reader.open("/states?lang=km&cycle=2&theme=Elections")
    assert page.locator("[data-testid=stSidebar] [data-tag]").all_inner_texts() == ["ការបោះឆ្នោត"]  # Elections
    assert not re.search(r"\d{1,2}:\d{2}\s?[AP]M", page.inner_text("[data-testid=stMain]"))
    assert reader.unexpected_errors() == []


def matches(reader) -> str:
    return reader.page.locator("[data-testid=stMain] h3").first.inner_text()


def test_a_phones_apostrophe_finds_what_a_keyboards_does(new_reader):
    reader = new_reader(PHONE, is_mobile=True, has_touch=True)
    reader.open("/explore?cycle=all&q=women%27s")
    typed = matches(reader)
    assert typed != "0 recommendations"
    box = reader.page.locator("[data-testid=stMain]").get_by_role("textbox", name="Search")
    box.fill("women\u2019s")
    box.press("Enter")
    reader.page.wait_for_url(re.compile(r"q=women%E2%80%99s"))
    reader.settle()
    assert matches(reader) == typed


def test_a_misspelt_state_gets_a_did_you_mean_that_becomes_the_filter(new_reader):
    reader = new_reader(LAPTOP)
    reader.open("/explore?cycle=2&q=Frnace")
    page = reader.page
    assert matches(reader) == "0 recommendations"
    assert page.get_by_text("Did you mean France").is_visible()
    page.get_by_role("button", name="Show only recommendations from France").click()
    page.wait_for_url(re.compile(r"state=France"))
    reader.settle()
    assert "q=" not in page.url
    assert matches(reader) != "0 recommendations"
    assert reader.unexpected_errors() == []


def test_official_totals_link_to_the_report_and_to_the_source_cited(new_reader):
    reader = new_reader(LAPTOP)
    reader.open("/?cycle=2")
    links = reader.page.locator("[data-testid=stMain] a[href^='http']").evaluate_all(
        "els => els.map(e => e.href)"
    )
    assert "https://undocs.org/A/HRC/26/16" in links
    assert any(link.startswith("https://ungeneva.org/") for link in links)  # the summary actually cited


def test_a_one_row_view_says_1_row(new_reader):
    reader = new_reader(LAPTOP)
    reader.open("/explore?cycle=2&state=Bhutan")  # Bhutan made one recommendation to Cambodia in 2014
    assert reader.page.get_by_role("button", name="Download CSV (1 row)").count() == 1
    assert matches(reader) == "1 recommendation"


def test_a_refused_update_is_explained_on_the_about_page_to_every_visitor(chromium, tmp_path, screenshots):
    """A monitor on a hosted deployment cannot read the server's log: the About page lists the problems."""
    data = shutil.copytree(GOLDEN, tmp_path / "data")
    database = build_database(data, tmp_path / "db")
    with (data / "progress.csv").open("a", encoding="utf-8") as out:
        out.write("ATL-C2-20.2,30/09/2023,civil_society,implemented,Bad date,,NGO coalition,false\n")
    env = {"UPR_DATA_DIR": str(data), "UPR_DB": str(database)}
    with StreamlitServer(ROOT / "app.py", tmp_path / "streamlit.log", env) as server:
        context = chromium.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            page.goto(server.url + "/noted?cycle=2")
            wait_for_view(page)
            banner = page.locator("[data-testid=stAlertContentWarning]").filter(
                has_text="could not be loaded"
            )
            assert "About page" in banner.inner_text()
            page.get_by_role("link", name="See what was wrong").click()
            page.wait_for_url(re.compile(r"/about\?"))
            wait_for_view(page)
            assert "cycle=2" in page.url  # the reader's view goes along
            assert page.get_by_text("The last data update was rejected").is_visible()
            tables = page.locator("[data-testid=stMain] [data-testid=stDataFrame]")
            for index in range(tables.count()):  # a table draws its columns once it is on screen
                tables.nth(index).scroll_into_view_if_needed()
            page.wait_for_timeout(300)
            headers = [t[1] for t in page.evaluate(FITS) if t]
            assert ["File", "Line", "Column", "Value", "Expected"] in headers
            page.get_by_text("The last data update was rejected").scroll_into_view_if_needed()
            page.screenshot(path=screenshots / "about-rejected-update-desktop.png")
        finally:
            context.close()
