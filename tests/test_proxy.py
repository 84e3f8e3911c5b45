"""The nginx proxy of deploy/nginx/upr-monitor.conf in front of two real app replicas.

Two real ``python -m streamlit run app.py`` on (a private copy of) the golden fixture and one
unprivileged nginx on loopback (config rendered by deploy/proxy.py) serve the whole module. Checked:
pages and health pass through; hashed JS arrives gzip-compressed and cacheable for a year while the
HTML shell is not cached; the security headers are set; the WebSocket session runs a page through the
proxy; in Chromium, a page draws its chart through the proxy and an embedded page keeps its source
line. With the replicas: API answers are spread over both, cached a second and revalidated by ETag,
and a republish reaches readers; an interactive reader stays on one replica; and a replica that
dies costs no API reader an error (last in this file: it leaves one replica).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import signal
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.harness import CHROMIUM_ARGS
from deploy import proxy
from etl import build
from tests.conftest import GOLDEN
from tests.etl_helpers import copy_published

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHART = "[data-testid=stPlotlyChart] .js-plotly-plot .main-svg"


def get(
    url: str, encoding: str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """GET ``url`` (raw bytes, no decoding; an HTTP error is returned, not raised); headers lower-case."""
    request = urllib.request.Request(
        url, headers={"Accept-Encoding": encoding or "identity", **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


@pytest.fixture(scope="module")
def cluster(golden_db, tmp_path_factory):
    """Two replicas of the app on a private copy of the golden fixture (a test republishes it), and
    nginx in front of them: ``replicas``, ``proxied`` (URL), ``database``, ``access_log``."""
    if proxy.nginx_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is required in CI (apt-get install nginx)")
        pytest.skip("nginx is not installed (apt-get install nginx); CI installs it and runs this")
    folder = tmp_path_factory.mktemp("proxy")
    database = copy_published(golden_db, folder)
    ports = (proxy.free_port(),)
    ports += (proxy.free_port(exclude=ports),)
    proxy_port = proxy.free_port(exclude=ports)
    with (
        proxy.streamlit_replica(ports[0], database, folder / "replica-a.log") as a,
        proxy.streamlit_replica(ports[1], database, folder / "replica-b.log") as b,
        proxy.nginx_proxy(proxy_port, [a.address, b.address], folder / "nginx") as proxied,
    ):
        yield SimpleNamespace(
            replicas=(a, b),
            proxied=proxied,
            database=database,
            access_log=folder / "nginx" / "logs" / "access.log",
        )


@pytest.fixture(scope="module")
def served(cluster):
    """(direct URL of one replica, proxy URL)."""
    return cluster.replicas[0].url, cluster.proxied


def served_by(cluster, path: str, tried: bool = False, at_least: int = 1) -> list[str]:
    """The replica (host:port) that answered each request for ``path``, in order ("-": nginx's cache);
    with ``tried``, every replica tried for it ("a, b": a failed, b answered).

    Reads the access log (deploy/proxy.py's format: ... "$request" $status $bytes $upstream_addr
    $cache_status $time), waiting up to 5 s for ``at_least`` lines: nginx logs a request after the
    client already has its answer.
    """
    deadline = time.monotonic() + 5
    while True:
        found = []
        for line in cluster.access_log.read_text().splitlines():
            match = re.search(r'"GET (\S+) [^"]*" \d{3} \d+ (.+) \S+ [\d.]+$', line)
            if match and match.group(1) == path:
                found.append(match.group(2) if tried else match.group(2).split(", ")[-1])
        if len(found) >= at_least or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


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
    # The cycle is one of the page's own filters, drawn under the title (dashboard/sidebar.py).
    cycle = frame.locator("[data-testid=stMain] [data-testid=stSelectbox] input").first
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


# --- replicas ------------------------------------------------------------------------------------


def api(cluster, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"cycle": "all", **params}.items())
    return f"/api/v1/recommendations.json?{query}"


def test_api_answers_are_spread_over_the_replicas(cluster):
    paths = [api(cluster, limit=str(n)) for n in range(1, 13)]  # distinct addresses: not in nginx's cache
    for path in paths:
        assert get(cluster.proxied + path)[0] == 200
    used = {replica for path in paths for replica in served_by(cluster, path)}
    assert used == {r.address for r in cluster.replicas}


def test_an_api_answer_is_kept_a_second_then_revalidated_by_its_etag(cluster):
    path = api(cluster, q="school")
    status, first, body = get(cluster.proxied + path)
    assert (status, first["x-cache-status"]) == (200, "MISS")
    status, again, same = get(cluster.proxied + path)
    assert (again["x-cache-status"], same, again["etag"]) == ("HIT", body, first["etag"])
    assert again["cache-control"] == "public, no-cache"  # the app's own policy, from the cache too
    assert "x-accel-expires" not in again  # nginx's own instruction stays with nginx
    assert again["x-upr-data-version"] == json.loads(same)["meta"]["data"]["version"]
    held = get(cluster.proxied + path, headers={"If-None-Match": first["etag"]})
    assert held[0] == 304 and held[2] == b""
    time.sleep(2.1)  # nginx's second is over: it asks a replica, which answers 304 (no query)
    status, later, _ = get(cluster.proxied + path)
    assert (status, later["x-cache-status"]) == (200, "REVALIDATED")
    # an error is never kept
    status, bad, _ = get(cluster.proxied + "/api/v1/recommendations.json?cylce=3")
    assert (status, bad["cache-control"]) == (400, "no-store")


def test_a_republish_reaches_readers_through_the_proxy_within_two_seconds(cluster):
    path = api(cluster, response="supported")
    _, before, body = get(cluster.proxied + path)
    build.run(GOLDEN, cluster.database)  # python -m etl publishes again
    time.sleep(2.1)
    status, after, fresh = get(cluster.proxied + path, headers={"If-None-Match": before["etag"]})
    assert status == 200 and after["etag"] != before["etag"]
    assert after["x-upr-data-version"] != before["x-upr-data-version"]
    assert json.loads(fresh)["meta"]["data"]["version"] == after["x-upr-data-version"]
    assert json.loads(fresh)["rows"] == json.loads(body)["rows"]  # the same CSVs, rebuilt


def test_an_interactive_reader_stays_on_one_replica(cluster):
    from websockets.sync.client import connect

    status, headers, _ = get(cluster.proxied + "/acceptance?sur=Atlantis&cycle=1")
    cookie = headers["set-cookie"].split(";")[0]
    assert status == 200 and re.fullmatch(r"upr_affinity=[0-9a-f]{32}", cookie)
    assert "set-cookie" not in get(cluster.proxied + api(cluster))[1]  # never on a shared answer
    chosen = set()
    for page in ("/noted?sur=Atlantis&cycle=1", "/?sur=Atlantis&cycle=2", "/explore?sur=Atlantis&cycle=3"):
        assert get(cluster.proxied + page, headers={"Cookie": cookie})[0] == 200
        chosen.add(served_by(cluster, page)[-1])
    address = cluster.proxied.replace("http://", "ws://") + "/_stcore/stream"
    sockets = len(served_by(cluster, "/_stcore/stream", at_least=0))
    with connect(
        address, subprotocols=["streamlit"], origin=cluster.proxied, additional_headers={"Cookie": cookie}
    ):
        pass
    sockets += 1
    chosen.add(served_by(cluster, "/_stcore/stream", at_least=sockets)[-1])
    assert len(chosen) == 1, chosen  # the pages and the WebSocket of one reader: one replica
    others = set()
    for n in range(12):  # other readers (other cookies) are spread over both
        key = f"upr_affinity={n:032x}"
        with connect(
            address, subprotocols=["streamlit"], origin=cluster.proxied, additional_headers={"Cookie": key}
        ):
            pass
        sockets += 1
        others.add(served_by(cluster, "/_stcore/stream", at_least=sockets)[-1])
    assert others == {r.address for r in cluster.replicas}


def test_an_api_answer_is_kept_gzipped_and_unpacked_for_a_client_without_gzip(cluster):
    path = api(cluster, lang="km")  # every row: large enough to be worth compressing
    status, zipped_headers, zipped = get(cluster.proxied + path, "gzip")
    assert (status, zipped_headers.get("content-encoding")) == (200, "gzip")
    status, plain_headers, plain = get(cluster.proxied + path)  # from the same cache entry
    assert (status, plain_headers["x-cache-status"]) == (200, "HIT")
    assert "content-encoding" not in plain_headers
    assert gzip.decompress(zipped) == plain and json.loads(plain)["meta"]["counts"]["matching"] >= 0


def test_a_replica_that_dies_costs_no_api_reader_an_error(cluster):
    """Last in the module: it kills a replica. Readers keep asking distinct addresses (so nginx must
    reach a replica) while one replica is killed mid-run."""
    paths = [api(cluster, limit=str(n), offset=str(n % 3)) for n in range(100, 300)]
    statuses: list[int] = []
    dying = cluster.replicas[1]

    def kill_halfway() -> None:
        while len(statuses) < len(paths) // 2:
            time.sleep(0.01)
        dying.process.send_signal(signal.SIGKILL)

    killer = threading.Thread(target=kill_halfway)
    killer.start()
    with ThreadPoolExecutor(8) as pool:
        for status, _, _ in pool.map(lambda p: get(cluster.proxied + p), paths):
            statuses.append(status)
    killer.join()
    assert dying.process.wait(timeout=10) == -signal.SIGKILL
    assert statuses == [200] * len(paths)
    survivor = cluster.replicas[0].address
    tried = [replica for path in paths for replica in served_by(cluster, path, tried=True)]
    assert f"{dying.address}, {survivor}" in tried  # a request that met the dead replica was retried
    late = [replica for path in paths[-50:] for replica in served_by(cluster, path)]
    assert set(late) == {survivor}  # and then it was left out
