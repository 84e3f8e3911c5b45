"""The nginx proxy of deploy/nginx/upr-monitor.conf in front of a real Streamlit server.

One real ``python -m streamlit run app.py`` on the golden fixture and one unprivileged nginx on
loopback (config rendered by deploy/proxy.py) serve the whole module. Checked: pages and health pass
through; hashed JS arrives gzip-compressed and cacheable for a year while the HTML shell is not
cached; the security headers are set; the WebSocket session runs a page through the proxy; and, in
Chromium, a page draws its chart through the proxy and an embedded page keeps its source line.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from benchmarks.harness import CHROMIUM_ARGS
from deploy import proxy

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHART = "[data-testid=stPlotlyChart] .js-plotly-plot .main-svg"


def get(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` (raw bytes, no decoding); headers with lower-case names."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.fixture(scope="module")
def served(golden_db, tmp_path_factory):
    """(direct URL, proxy URL): the app on the golden fixture, and nginx in front of it."""
    if proxy.nginx_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is required in CI (apt-get install nginx)")
        pytest.skip("nginx is not installed (apt-get install nginx); CI installs it and runs this")
    folder = tmp_path_factory.mktemp("proxy")
    app_port = proxy.free_port()
    proxy_port = proxy.free_port(exclude=(app_port,))
    with (
        proxy.streamlit_app(app_port, golden_db, folder / "streamlit.log") as direct,
        proxy.nginx_proxy(proxy_port, f"127.0.0.1:{app_port}", folder / "nginx") as proxied,
    ):
        yield direct, proxied


def js_assets(html: bytes) -> list[str]:
    return re.findall(r'src="\.?(/static/js/[^"]+\.js)"', html.decode())


def test_pages_and_health_pass_through_and_are_not_cached(served):
    _, proxied = served
    for path in ("/", "/acceptance?cycle=1", "/?embed=true"):
        status, headers, body = get(proxied + path)
        assert status == 200
        assert b'<div id="root">' in body and js_assets(body), path
        assert headers["cache-control"] == "no-cache", path
    status, headers, body = get(proxied + "/_stcore/health")
    assert (status, body) == (200, b"ok")
    assert headers["cache-control"] == "no-store"


def test_security_headers_allow_embedding_only_where_wanted(served):
    _, proxied = served
    for path in ("/", "/_stcore/health", js_assets(get(proxied + "/")[2])[0]):
        _, headers, _ = get(proxied + path)
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["content-security-policy"] == "frame-ancestors 'self' https:"
        assert "x-frame-options" not in headers  # would forbid the embeds frame-ancestors allows
        assert headers["server"] == "nginx"  # no version number


def test_static_assets_arrive_compressed_and_cacheable_for_a_year(served):
    direct, proxied = served
    _, _, html = get(proxied + "/")
    assets = js_assets(html)
    assert any("/static/js/index." in a for a in assets), assets
    for asset in [a for a in assets if "/static/js/index." in a] + assets[1:4]:
        _, plain_headers, plain = get(direct + asset)
        assert "content-encoding" not in plain_headers  # Streamlit sends its bundles uncompressed
        status, headers, body = get(proxied + asset, "gzip")
        assert status == 200
        assert headers.get("content-encoding") == "gzip", asset
        assert "Accept-Encoding" in headers.get("vary", "")
        assert len(body) < len(plain), asset
        assert gzip.decompress(body) == plain, asset
        cache = {part.strip() for part in headers["cache-control"].split(",")}
        assert {"public", "immutable", "max-age=31536000"} <= cache, asset
    index = next(a for a in assets if "/static/js/index." in a)
    assert len(get(proxied + index, "gzip")[2]) <= 0.35 * len(get(direct + index)[2])
    # a second request is served from nginx's cache, not from the Python process
    assert get(proxied + index, "gzip")[1].get("x-cache-status") == "HIT"


def test_a_client_without_gzip_gets_the_plain_asset(served):
    direct, proxied = served
    asset = js_assets(get(proxied + "/")[2])[0]
    _, headers, body = get(proxied + asset)
    assert "content-encoding" not in headers
    assert body == get(direct + asset)[2]


def test_the_websocket_session_runs_the_overview_through_the_proxy(served):
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    _, proxied = served
    address = proxied.replace("http://", "ws://") + "/_stcore/stream"
    elements = []
    with connect(address, subprotocols=["streamlit"], origin=proxied, max_size=None) as socket:
        rerun = BackMsg()
        rerun.rerun_script.query_string = "cycle=1"
        rerun.rerun_script.page_script_hash = ""
        socket.send(rerun.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(socket.recv(timeout=60))
            if message.WhichOneof("type") == "script_finished":
                break
            if message.WhichOneof("type") == "delta" and message.delta.WhichOneof("type") == "new_element":
                elements.append(message.delta.new_element)
    kinds = [e.WhichOneof("type") for e in elements]
    assert "plotly_chart" in kinds and "metric" in kinds
    assert any(e.WhichOneof("type") == "markdown" and "Data built" in e.markdown.body for e in elements)
    received = next(e.metric for e in elements if e.WhichOneof("type") == "metric")
    assert (received.label, received.body) == ("Received", "4")  # cycle=1 from the URL applied


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is required in CI (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


@pytest.mark.browser
def test_chromium_draws_the_chart_through_the_proxy(served, chromium):
    _, proxied = served
    page = chromium.new_page()
    assets = []
    page.on("response", lambda r: assets.append(r) if "/static/" in r.url else None)
    page.goto(proxied + "/")
    page.wait_for_selector(CHART, timeout=60_000)
    assert page.get_by_text("Data built").is_visible()
    # Every script and stylesheet over nginx's 1 KB threshold came compressed (woff2 is compressed already).
    big = [
        r
        for r in assets
        if r.url.endswith((".js", ".css")) and int(r.headers.get("content-length", 1e9)) >= 1024
    ]
    assert big and all(r.headers.get("content-encoding") in ("gzip", "br") for r in big), [
        (r.url, r.headers.get("content-encoding")) for r in big
    ]
    page.close()


@pytest.mark.browser
def test_an_embedded_page_shows_its_chart_and_source_line(served, chromium):
    """An iframe on a page of the same site (allowed by frame-ancestors 'self'), as in the README."""
    _, proxied = served
    page = chromium.new_page(viewport={"width": 900, "height": 1300})
    host_page = f"{proxied}/embed-check.html"
    page.route(
        host_page,
        lambda route: route.fulfill(
            content_type="text/html",
            body="<!doctype html><title>A newsroom story</title><p>Our story text.</p>"
            '<iframe src="/acceptance?cycle=3&embed=true" title="UPR recommendations, cycle 3: acceptance" '
            'width="100%" height="1200" style="border:0" loading="lazy"></iframe>'
            '<iframe id="phone" src="/?cycle=2&embed=true" title="On a phone" width="400" height="800"></iframe>',
        ),
    )
    page.goto(host_page)
    frame = page.frame_locator("iframe").first
    frame.locator(CHART).first.wait_for(timeout=60_000)
    cycle = frame.locator("[data-testid=stSidebar] [data-testid=stSelectbox] input").first
    assert cycle.input_value() == "Cycle 3"  # the URL's filter applies in the embed
    source = frame.get_by_text("Data built")
    source.wait_for(timeout=30_000)
    source.scroll_into_view_if_needed()  # the page scrolls inside the iframe
    assert source.is_visible()
    assert "About page" in source.inner_text()
    # A phone-sized frame folds the sidebar away (Streamlit 1.67 keeps it in wide embeds); its
    # filters come from the URL all the same.
    phone = page.frame_locator("#phone")
    phone.locator(CHART).first.wait_for(timeout=60_000)
    assert phone.locator("h3", has_text="Cycle 2").is_visible()
    assert phone.locator("[data-testid=stSidebar]").bounding_box()["width"] == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "embed-through-proxy.png", full_page=True)
    page.close()
