"""Share pages (web/share/): every page as plain HTML with the interactive page's figures, link-preview
tags and picture, embeds, the dashboard's notice for odd links, a 404 for unknown pages, ETags, and no
500 for any link (fuzzed). Real DuckDB files built by the ETL; Starlette's test client over HTTP."""

from __future__ import annotations

import io
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import quote

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dashboard.view import PAGE_PATHS, PARAMS
from etl import build
from tests.conftest import GOLDEN
from web.share import preview
from web.share.cache import PICTURES
from web.share.routes import ROUTES

PAGES = ["overview" if p == "" else p for p in PAGE_PATHS]
NOTICE = "Some link values were not recognised and were left out:"


class Tags(HTMLParser):
    """The text and the tags a reader (or a link-preview crawler) gets from a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[tuple[str, str]] = []
        self.scripts = 0
        self.texts: list[str] = []
        self.figures: dict[str, str] = {}
        self._tag, self._dt = "", ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._tag = tag
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        if tag in ("a", "link") and "href" in attrs:
            self.links.append((attrs.get("rel", ""), attrs["href"]))
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        self._tag = ""

    def handle_data(self, data):
        if self._tag in ("style", "title", "desc"):
            return
        self.texts.append(data)
        if self._tag == "dt":
            self._dt = data.strip()
        elif self._tag == "dd" and self._dt:
            self.figures[self._dt] = data.strip()

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.texts).split())


@pytest.fixture
def client(bundled_db, monkeypatch) -> TestClient:
    monkeypatch.setenv("UPR_DB", str(bundled_db))
    return TestClient(Starlette(routes=ROUTES))


def counts(database, sql: str, params: list) -> tuple:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(sql, params).fetchone()


def test_the_overview_share_page_shows_the_figures_of_the_database(client, bundled_db):
    response = client.get("/share/overview?sur=Cambodia&cycle=3")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = Tags(response.text)
    received, supported, noted, states = counts(
        bundled_db,
        "SELECT count(*), count(*) FILTER (WHERE response = 'supported'), count(*) FILTER (WHERE response = "
        "'noted'), (SELECT count(DISTINCT s) FROM (SELECT unnest(recommending_states) AS s FROM recommendations "
        "WHERE state_under_review = ? AND cycle = 3)) FROM recommendations WHERE state_under_review = ? AND cycle = 3",
        ["Cambodia", "Cambodia"],
    )
    assert (received, supported, noted, states) == (198, 173, 25, 73)  # the official totals (DOMAIN.md)
    assert page.figures == {
        "Received": "198",
        "Supported": "173",
        "Noted": "25",
        "Acceptance rate": f"{round(100 * supported / received)}%",
        "Recommending states": "73",
    }
    assert "UPR recommendations to Cambodia" in page.text
    assert "This view includes 198 illustrative recommendations" in page.text
    assert "Data built" in page.text and "latest assessment dated" in page.text  # the source line
    assert page.scripts == 0  # plain HTML and CSS: nothing needs JavaScript
    assert ("", "/?sur=Cambodia&cycle=3") in page.links  # "Open the interactive view": exactly view.link()
    assert ("", "/api/v1/recommendations.csv?sur=Cambodia&cycle=3") in page.links  # the full CSV


def test_share_and_overview_addresses_name_the_same_page(client):
    bodies = {
        path: client.get(path).text for path in ("/share", "/share/", "/share/overview", "/share/overview/")
    }
    assert len({Tags(body).text for body in bodies.values()}) == 1


def test_link_preview_tags_state_the_finding(client):
    page = Tags(client.get("/share/overview?sur=Cambodia&cycle=3").text)
    finding = "Cambodia, 2019 review: 173 of 198 recommendations supported"
    assert page.meta["og:title"] == finding == page.meta["twitter:title"]
    assert page.meta["twitter:card"] == "summary_large_image"
    assert page.meta["og:url"] == "http://testserver/share/overview?sur=Cambodia&cycle=3"
    assert ("canonical", page.meta["og:url"]) in page.links
    assert page.meta["og:image"] == "http://testserver/share/overview/preview.png?sur=Cambodia&cycle=3"
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")
    assert "Includes illustrative (made-up) data." in page.meta["og:description"]
    assert page.meta["og:image:alt"].startswith(finding)


def test_the_preview_is_a_1200_by_630_png_served_from_cache_on_repeat(client):
    path = "/share/acceptance/preview.png?sur=Cambodia&cycle=3&lang=km"
    hits = PICTURES.hits
    first = client.get(path)
    assert first.status_code == 200 and first.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(first.content)).size == (1200, 630)
    again = client.get(path)
    assert again.content == first.content and PICTURES.hits == hits + 1
    assert client.get(path, headers={"If-None-Match": first.headers["etag"]}).status_code == 304


def test_the_picture_marks_illustrative_data_only_where_the_view_has_some(client, bundled_db):
    from dashboard.data.options import filter_options
    from dashboard.db import current_version
    from dashboard.view import parse

    version = current_version()
    choices = filter_options(version).choices(version)
    marked = preview.svg(version, parse({"cycle": ["3"]}, choices, ""))
    official = preview.svg(version, parse({"cycle": ["2"]}, choices, ""))
    assert "Includes illustrative stand-ins, not official records" in marked
    assert "illustrative" not in official
    assert "Cambodia, 2014 review: 163 of 205" in official


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_share_page_opens_in_both_languages_with_a_chart_table_or_figures(client, page, lang):
    response = client.get(f"/share/{page}?sur=Cambodia&cycle=3&lang={lang}")
    assert response.status_code == 200, response.text[-2000:]
    assert f'<html lang="{lang}">' in response.text
    parsed = Tags(response.text)
    assert parsed.scripts == 0
    assert "<table>" in response.text  # a data table on every page (and behind every chart)
    # Every chart has its table: folded under it, or shown open (the Overview's reconciliation table).
    assert response.text.count("<svg") == response.text.count("<details>") + (page == "overview")
    assert parsed.meta["og:image"].endswith(
        f"/preview.png?sur=Cambodia&cycle=3{'&lang=km' if lang == 'km' else ''}"
    )
    assert re.search(r'<p class="source">[^<]+', response.text)


def test_khmer_share_page_speaks_khmer(client):
    page = Tags(client.get("/share/overview?sur=Cambodia&cycle=3&lang=km").text)
    assert "ទិដ្ឋភាពទូទៅ" in page.text  # "Overview" in the navigation
    assert page.meta["og:locale"] == "km_KH"
    assert page.meta["og:title"].startswith("កម្ពុជា, ការពិនិត្យឆ្នាំ 2019")  # CLDR's Khmer name


def test_each_chart_has_its_data_table_and_words(client):
    html = client.get("/share/acceptance?sur=Cambodia&cycle=3").text
    charts = html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"')
    assert charts == 4  # region, state, theme, action asked for
    assert html.count("<details><summary>Table: ") == 4
    assert html.count("<title id=") == 4  # every chart has an accessible name
    overview = client.get("/share/overview?sur=Cambodia&cycle=3").text
    assert re.search(
        r'<rect x="[0-9.]+" y="2" width="14" height="14" fill="url\(#c0-p1\)"', overview
    )  # hatched
    assert ">Noted</text>" in overview  # and named in the legend: colour is never the only cue


def test_the_noted_page_links_the_csv_of_the_noted_recommendations_only(client):
    page = Tags(client.get("/share/noted?sur=Cambodia&cycle=3").text)
    assert ("", "/api/v1/recommendations.csv?sur=Cambodia&cycle=3&response=noted") in page.links
    assert "Cycle 3: 25 noted" in page.text


def test_the_embed_drops_the_site_chrome_and_keeps_the_source_line(client):
    html = client.get("/share/acceptance?sur=Cambodia&cycle=3&embed=true").text
    page = Tags(html)
    assert '<body class="embed">' in html and "<nav" not in html and "<header>" not in html
    assert "Data built" in page.text  # the source line stays
    assert 'target="_blank" rel="noopener">Open the interactive view' in html
    assert ("noopener", "/acceptance?sur=Cambodia&cycle=3") in page.links  # opens outside the iframe


def test_odd_values_get_the_dashboards_notice_as_text(client):
    html = client.get(
        "/share/noted?sur=Cambodia&cycle=3&state=%3Cscript%3Ealert(1)%3C/script%3E&theme=Justise&lang=xx"
    ).text
    page = Tags(html)
    assert NOTICE in page.text
    assert "state=<script>alert(1)</script>" in page.text  # named, as text
    assert "<script>" not in html and "&lt;script&gt;alert(1)" in html  # never live HTML
    assert "lang=xx" in page.text
    assert "Cycle 3: 25 noted" in page.text  # the rest of the link still works


def test_an_unknown_page_is_a_404_that_links_to_the_overview(client):
    response = client.get("/share/%3Cb%3Enope%3C%2Fb%3E?lang=km")
    assert response.status_code == 404
    assert "<b>nope" not in response.text and "&lt;b&gt;nope" in response.text
    assert ("", "/share/overview?lang=km") in Tags(response.text).links
    assert client.get("/share/overview/preview.png/x").status_code == 404


def test_a_repeat_is_a_304_and_a_republish_changes_the_etag(tmp_path, monkeypatch):
    database = tmp_path / "db" / "upr.duckdb"
    build.run(GOLDEN, database)
    monkeypatch.setenv("UPR_DB", str(database))
    client = TestClient(Starlette(routes=ROUTES))
    first = client.get("/share/noted?cycle=all")
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    assert re.fullmatch(r"app;dur=[0-9.]+", first.headers["server-timing"])
    repeat = client.get("/share/noted?cycle=all", headers={"If-None-Match": tag})
    assert repeat.status_code == 304 and repeat.content == b""
    build.run(GOLDEN, database)  # a republish: a new versioned file behind the same link
    after = client.get("/share/noted?cycle=all", headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag


def test_nothing_published_yet_is_a_503_with_retry_after(tmp_path, monkeypatch):
    monkeypatch.setenv("UPR_DB", str(tmp_path / "none.duckdb"))
    response = TestClient(Starlette(routes=ROUTES)).get("/share/overview")
    assert response.status_code == 503 and response.headers["retry-after"]


# --- fuzz: any link, any page name: a page, a notice or a 404, never a 500 ----------------------

KEYS = [p.key for p in PARAMS] + ["embed", "fbclid"]
HOSTILE = ["x" * 5000, "' OR 1=1 --", '"; DROP TABLE recommendations;--', "<script>alert(1)</script>",
           "[a](javascript:alert(1))", "ព្រះរាជាណាចក្រ\u200b‮dlrow‬ 👩🏽‍⚖️", "", "%00", "../../etc/passwd"]  # fmt: skip
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),  # an address holds no lone surrogate
    st.sampled_from(["3", "all", "km", "France"]),
)
NAME = st.one_of(
    st.sampled_from(PAGES + [""]),
    st.text(st.characters(exclude_characters="/?#%", exclude_categories=("Cs",)), max_size=12),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAME, params=st.lists(st.tuples(st.sampled_from(KEYS), VALUE), max_size=6), image=st.booleans())
def test_random_links_never_break_a_share_page(client, name, params, image):
    path = f"/share/{quote(name, safe='')}" + ("/preview.png" if image and name else "")
    response = client.get(path, params=params)
    assert response.status_code in (200, 404), (path, params, response.text[-1500:])
    if response.headers["content-type"].startswith("text/html"):
        assert "<script" not in response.text.lower()
        assert 'href="javascript' not in response.text.lower()
        if "alert(1)" in unescape(response.text):
            assert NOTICE in Tags(response.text).text  # a hostile value is only ever named in the notice


@pytest.mark.parametrize("page", PAGES)
def test_every_share_page_of_every_cycle_opens(client, page):
    """Cycles 1 and 2 have no assessments (empty dates), all cycles mixes them: each page still answers."""
    for cycle in ("1", "2", "all"):
        response = client.get(f"/share/{page}?sur=Cambodia&cycle={cycle}&role=all&by=rate")
        assert response.status_code == 200, (cycle, response.text[-1500:])
        assert "Data built" in Tags(response.text).text


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_preview_picture(client, page):
    response = client.get(f"/share/{page}/preview.png?sur=Cambodia&cycle=3&state=France")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 630)


def test_control_characters_in_a_link_never_break_the_picture_or_the_page(client):
    """Found by the fuzz test: ?q=%08 reached the picture's SVG, which resvg refused (a 500)."""
    picture = client.get("/share/explore/preview.png", params={"q": "land\x08\x00\x1b"})
    assert picture.status_code == 200 and Image.open(io.BytesIO(picture.content)).size == (1200, 630)
    page = client.get("/share/explore", params={"q": "land\x08"})
    assert page.status_code == 200 and "\x08" not in page.text and "land" in page.text


def test_every_khmer_line_of_the_picture_is_shaped_as_khmer(client, bundled_db):
    """resvg shapes a line in the script of its first letter: the Khmer footer began with "UPR Monitor"
    and its split vowels drew beside dotted circles. Every line holding Khmer now reaches the shaper
    as Khmer (a Khmer first letter, or the invisible hint)."""
    import xml.etree.ElementTree as ET

    from dashboard.data.options import filter_options
    from dashboard.db import current_version
    from dashboard.i18n import using_language
    from dashboard.view import parse

    version = current_version()
    choices = filter_options(version).choices(version)
    for page in ("", "acceptance", "ministries"):
        with using_language("km"):
            picture = preview.svg(version, parse({"cycle": ["3"], "lang": ["km"]}, choices, page))
        drawn = [e.text for e in ET.fromstring(preview._khmer_first_everywhere(picture)).iter() if e.text]
        khmer = [t for t in drawn if any("\u1780" <= ch <= "\u17ff" for ch in t)]
        assert any(
            t.lstrip(preview.KHMER_SCRIPT_HINT).startswith("UPR Monitor ·") for t in khmer
        )  # the footer
        for text in khmer:
            first = next(ch for ch in text if ch.isalpha() or ch == preview.KHMER_SCRIPT_HINT)
            assert "\u1780" <= first <= "\u17ff", f"{page or 'overview'}: {text!r} is shaped as Latin"
