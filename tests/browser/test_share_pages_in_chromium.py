"""Share pages in the real Chromium against the real server (``streamlit run app.py``): they read fully
with JavaScript off and show the figures of their interactive view, carry link-preview tags and a PNG
picture, embed with their source line, pass axe-core's WCAG 2.2 AA rules in both languages, answer odd
links with the notice and unknown pages with a 404 that links to the Overview, and revalidate (304).

Screenshots: artifacts/screenshots/share-<page>-<lang>.png (phone) for a person to look at.
"""

from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

PAGES = ["overview", "acceptance", "ministries", "noted", "explore", "states", "about"]
VIEW = "sur=Cambodia&cycle=3"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def no_js(chromium):
    """A phone-sized tab with JavaScript switched off, as a crawler or a locked-down phone sees pages."""
    context = chromium.new_context(java_script_enabled=False, viewport=PHONE)
    yield context.new_page()
    context.close()


def test_with_javascript_off_the_share_page_shows_the_interactive_pages_figures(no_js, app_server, reader):
    response = no_js.goto(f"{app_server.url}/share/overview?{VIEW}")
    assert response.status == 200
    shared = no_js.locator(".figures dd").all_inner_texts()
    assert no_js.locator("svg.chart").first.is_visible()
    assert no_js.locator(".figures").is_visible()
    reader.open(f"/?{VIEW}")
    assert shared == reader.view()["metrics"][:5] == ["198", "173", "25", "87%", "73"]

    no_js.goto(f"{app_server.url}/share/ministries?{VIEW}")
    shared = no_js.locator(".figures dd").all_inner_texts()
    reader.open(f"/ministries?{VIEW}")
    assert shared == reader.view()["metrics"][:6]

    no_js.goto(f"{app_server.url}/share/acceptance?{VIEW}&lang=km")
    lines = no_js.locator(".lead").all_inner_texts()
    reader.open(f"/acceptance?{VIEW}&lang=km")
    interactive = reader.page.locator("[data-testid=stMain] h3").all_inner_texts()
    assert lines and all(line in interactive for line in lines), (lines, interactive)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_share_page_passes_axe_wcag_22_aa(new_reader, screenshots, lang):
    reader = new_reader(viewport=PHONE)
    axe = Axe()
    found = {}
    for name in PAGES:
        response = reader.page.goto(f"{reader.base}/share/{name}?{VIEW}&lang={lang}")
        assert response.status == 200
        reader.page.evaluate("document.fonts.ready")
        reader.page.screenshot(path=screenshots / f"share-{name}-{lang}.png", full_page=True)
        results = axe.run(reader.page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        if results.violations_count:
            found[name] = results.generate_report()
    assert not found, "\n".join(f"{name}:\n{report}" for name, report in found.items())


def test_preview_tags_and_a_1200_by_630_png(no_js, app_server):
    no_js.goto(f"{app_server.url}/share/overview?{VIEW}&lang=km")
    meta = {
        key: no_js.locator(f'meta[property="{key}"], meta[name="{key}"]').get_attribute("content")
        for key in ("og:title", "og:image", "og:url", "og:description", "twitter:card")
    }
    assert meta["og:title"].startswith("កម្ពុជា, ")  # the Khmer page names the state in Khmer (CLDR)
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:url"] == f"{app_server.url}/share/overview?{VIEW}&lang=km"
    picture = no_js.request.get(meta["og:image"])
    assert picture.status == 200 and picture.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(picture.body())).size == (1200, 630)
    again = no_js.request.get(meta["og:image"], headers={"If-None-Match": picture.headers["etag"]})
    assert again.status == 304


def test_the_embed_keeps_the_source_line_inside_an_iframe(reader, screenshots):
    page = reader.page
    url = f"{reader.base}/share/noted?{VIEW}&embed=true"
    page.set_content(f'<iframe src="{url}" title="UPR Monitor" width="600" height="900"></iframe>')
    frame = page.frame_locator("iframe")
    frame.locator("h1").wait_for()
    assert frame.locator("p.source").inner_text().startswith("Data built")
    assert frame.locator("nav").count() == 0
    assert frame.locator("svg.chart").count() == 2
    page.screenshot(path=screenshots / "share-embed.png")


def test_odd_links_get_the_notice_and_unknown_pages_a_404_to_the_overview(no_js, app_server):
    no_js.goto(f"{app_server.url}/share/noted?{VIEW}&state=%3Cimg%20src%3Dx%3E&theme=Justise")
    notice = no_js.locator("p.notice").first.inner_text()
    assert (
        "Some link values were not recognised and were left out" in notice and "state=<img src=x>" in notice
    )
    assert no_js.locator("main img").count() == 0  # named as text, never live HTML
    response = no_js.goto(f"{app_server.url}/share/nowhere")
    assert response.status == 404
    no_js.get_by_role("link", name="Go to the Overview").click()
    assert no_js.url.endswith("/share/overview") and no_js.locator("h1").inner_text().startswith(
        "UPR recommendations"
    )
