"""Share pages (web/share/): server time per page, preview pictures, and a cold load on a slow phone
beside the interactive page.

    python -m benchmarks.share_bench [--quick] [--scale 1.0] [--runs 3] [--json PATH]

- *Server time*: the ``Server-Timing`` milliseconds of the real server (``streamlit run app.py``).
  A link read again and again (as a link in a chat is): each page's link 20 times right after a
  republish (a new versioned database, as ``python -m etl`` does), so its first request renders on
  the new version and the rest come from the ETag-keyed memory. Every request a new view: every page ×
  language × cycle, each view once before and once after a republish, so every query runs cold.
  Targets (the link read again, first request included): median ≤ 50 ms bundled, ≤ 200 ms global.
- *Preview picture*: the same for ``/share/<page>/preview.png`` (first render), then once more each
  (from the cache). Target: median first render ≤ 300 ms.
- *Slow phone*: a fresh Chromium context per run (empty cache), throttled through CDP to 1.6 Mbit/s
  down, 750 kbit/s up, 150 ms latency, with a 4× CPU slowdown; the share page and the interactive
  page (the method of benchmarks/proxy.py), each directly and through the nginx recipe (deploy/).
  Measured: seconds from navigation to the headline and first chart visible (share page) or the
  first chart drawn (interactive), bytes over the network (compressed, as Chromium counts them),
  requests. Targets for the share page: ≤ 2.5 s, ≤ 150 kB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.harness import CHART_DRAWN, ROOT, StreamlitServer, chromium_path, launch_chromium
from benchmarks.proxy import SLOW_MOBILE

PAGES = ("overview", "acceptance", "ministries", "noted", "explore", "states", "about")
LANGS = ("en", "km")
CPU_SLOWDOWN = 4
# The share page is "visible" when its title, its headline figures (or sentence) and first chart are.
SHARE_VISIBLE = ("main h1", ".figures dd, .lead", "svg.chart")
TARGETS = {
    "server_ms": {"bundled": 50.0, "global": 200.0},
    "image_ms": 300.0,
    "share_s": 2.5,
    "share_kb": 150.0,
}


def _get(url: str) -> tuple[float, float, int]:
    """(Server-Timing ms, wall ms, status) of one GET."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
        timing = response.headers.get("Server-Timing", "app;dur=nan")
        status = response.status
    wall = (time.perf_counter() - started) * 1000
    return float(timing.split("dur=")[1]), wall, status


def _summary(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
        "max_ms": ordered[-1],
    }


def _views(cycles: list[str]) -> list[str]:
    return [f"{p}?cycle={c}&lang={lang}" for p in PAGES for lang in LANGS for c in cycles]


def server_times(data_dir: Path, work: Path, cycles: list[str], reads: int = 20) -> dict:
    """Server time of every share view before and after a republish, of a popular link read ``reads``
    times after another republish, and of the preview pictures (first render, then from the cache)."""
    from etl import build

    database = work / "share-db" / "upr.duckdb"
    build.run(data_dir, database)
    distinct, first_after_republish, popular, images, cached = [], [], [], [], []
    with StreamlitServer(ROOT / "app.py", work / "share-server.log", {"UPR_DB": str(database)}) as server:
        _get(f"{server.url}/share/overview")  # the process's first imports are not a reader's wait
        views = _views(cycles)
        for view in views:
            distinct.append(_get(f"{server.url}/share/{view}")[0])
        build.run(data_dir, database)  # republish: a new version behind the same link
        for k, view in enumerate(views):
            ms = _get(f"{server.url}/share/{view}")[0]
            distinct.append(ms)
            if k % (len(LANGS) * len(cycles)) == 0:  # each page's first request on the new version
                first_after_republish.append(ms)
        build.run(data_dir, database)  # and again: a link in a chat, read by many after a republish
        for page in PAGES:
            for _ in range(reads):
                popular.append(_get(f"{server.url}/share/{page}?cycle={cycles[0]}")[0])
        for page in PAGES:
            for lang in LANGS:
                url = f"{server.url}/share/{page}/preview.png?cycle={cycles[0]}&lang={lang}"
                images.append(_get(url)[0])
                cached.append(_get(url)[0])
    return {
        "distinct": _summary(distinct),
        "first_after_republish": _summary(first_after_republish),
        "popular": _summary(popular),
        "images": _summary(images),
        "images_cached": _summary(cached),
    }


def _load(browser, url: str, selectors: tuple[str, ...]) -> tuple[float, int, int]:
    """(seconds until each of ``selectors`` shows an element, bytes over the network, requests) of a
    cold, throttled load."""
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_MOBILE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        received: dict[str, float] = {}
        cdp.on(
            "Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"])
        )
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        for selector in selectors:
            page.locator(selector).first.wait_for(state="visible", timeout=600_000)
        seconds = time.perf_counter() - started
        page.wait_for_load_state("networkidle", timeout=300_000)
        return seconds, int(sum(received.values())), sum(1 for n in received.values() if n > 0)
    finally:
        context.close()


def slow_phone(data_dir: Path, work: Path, runs: int) -> list[dict]:
    """The share page and the interactive Overview, cold on the slow profile, direct and via nginx."""
    from playwright.sync_api import sync_playwright

    from deploy import proxy
    from etl import build

    database = work / "slow-db" / "upr.duckdb"
    build.run(data_dir, database)
    rows = []
    with contextlib.ExitStack() as stack:
        app_port = proxy.free_port()
        direct = stack.enter_context(proxy.streamlit_app(app_port, database, work / "slow-streamlit.log"))
        routes = {"direct": direct}
        if proxy.nginx_binary():
            port = proxy.free_port(exclude=(app_port,))
            routes["nginx recipe"] = stack.enter_context(
                proxy.nginx_proxy(port, f"127.0.0.1:{app_port}", work / "slow-nginx")
            )
        playwright = stack.enter_context(sync_playwright())
        browser = launch_chromium(playwright)
        stack.callback(browser.close)
        pages = {"share page /share/overview": ("/share/overview", SHARE_VISIBLE),
                 "interactive page /": ("/", (CHART_DRAWN,))}  # fmt: skip
        for url in routes.values():  # warm the server (first script run, nginx cache), not the browser
            for path, _selector in pages.values():
                urllib.request.urlopen(url + path, timeout=120).read()
        for name, (path, selector) in pages.items():
            for route, url in routes.items():
                samples = [_load(browser, url + path, selector) for _ in range(runs)]
                rows.append({
                    "page": name,
                    "route": route,
                    "seconds": statistics.median(s[0] for s in samples),
                    "bytes": int(statistics.median(s[1] for s in samples)),
                    "requests": int(statistics.median(s[2] for s in samples)),
                    "runs": runs,
                })  # fmt: skip
    return rows


def measure(datasets: dict[str, Path], work: Path, runs: int, browser: bool = True) -> dict:
    """Everything above; ``datasets``: name → data folder (bundled first)."""
    from dashboard.view import ALL_CYCLES

    results: dict = {"server": {}}
    for name, data_dir in datasets.items():
        print(f"{name}: share pages' server time", file=sys.stderr)
        cycles = ["3", "2", "1", ALL_CYCLES] if name == "bundled" else ["4", "3", ALL_CYCLES]
        results["server"][name] = server_times(data_dir, work / name, cycles)
    if browser and chromium_path() is not None:
        print("bundled: share page vs interactive page on the slow profile", file=sys.stderr)
        results["slow"] = slow_phone(datasets["bundled"], work / "bundled", runs)
    return results


def _verdict(value: float, limit: float) -> str:
    return f"≤ {limit:g}: {'met' if value <= limit else '**missed**'}"


def markdown(results: dict) -> list[str]:
    names = {"bundled": "Cambodia (bundled)", "global": "global (generated)"}
    out = ["### Share pages: server time per request (Server-Timing), ms", "",
           "| dataset | a link read again and again, first after a republish: median / p95 / max | target (median) | every request a new view: median / p95 / max | each page's first request after a republish: median / max | preview first render: median / max | preview from cache: median | target |",
           "|---|---:|---|---:|---:|---:|---:|---|"]  # fmt: skip
    for name, entry in results["server"].items():
        popular, distinct, first = entry["popular"], entry["distinct"], entry["first_after_republish"]
        images, cached = entry["images"], entry["images_cached"]
        out.append(
            f"| {names.get(name, name)} | {popular['median_ms']:.1f} / {popular['p95_ms']:.0f} / {popular['max_ms']:.0f} "
            f"({popular['n']}) | {_verdict(popular['median_ms'], TARGETS['server_ms'].get(name, 200.0))} | "
            f"{distinct['median_ms']:.0f} / {distinct['p95_ms']:.0f} / {distinct['max_ms']:.0f} ({distinct['n']}) | "
            f"{first['median_ms']:.0f} / {first['max_ms']:.0f} | {images['median_ms']:.0f} / {images['max_ms']:.0f} | "
            f"{cached['median_ms']:.1f} | {_verdict(images['median_ms'], TARGETS['image_ms'])} |"
        )
    if "slow" in results:
        out += ["", f"### Share page vs interactive page: cold load on a slow phone (1.6 Mbit/s down, 750 kbit/s up, "
                f"150 ms; {CPU_SLOWDOWN}× CPU slowdown), median", "",
                "| page | route | headline and first chart visible | transferred (compressed) | requests | target |",
                "|---|---|---:|---:|---:|---|"]  # fmt: skip
        for row in results["slow"]:
            target = ""
            if row["page"].startswith("share"):
                fast = "met" if row["seconds"] <= TARGETS["share_s"] else "**missed**"
                small = "met" if row["bytes"] / 1000 <= TARGETS["share_kb"] else "**missed**"
                target = f"≤ {TARGETS['share_s']:g} s: {fast}; ≤ {TARGETS['share_kb']:g} kB: {small}"
            size = f"{row['bytes'] / 1e6:.2f} MB" if row["bytes"] >= 1e6 else f"{row['bytes'] / 1e3:.1f} kB"
            out.append(
                f"| {row['page']} | {row['route']} | {row['seconds']:.2f} s | {size} | {row['requests']} | {target} |"
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.share_bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--quick", action="store_true", help="bundled data and a small global set, one run")
    parser.add_argument("--scale", type=float, help="size of the global set (default 1.0; 0.05 with --quick)")
    parser.add_argument("--runs", type=int, help="cold loads per page and route (default 3; 1 with --quick)")
    parser.add_argument("--no-browser", action="store_true", help="server times only")
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON")
    args = parser.parse_args(argv)
    import paths
    from benchmarks import generate

    with tempfile.TemporaryDirectory(prefix="upr-bench-share-") as tmp:
        work = Path(tmp)
        generate.generate(work / "global-data", scale=args.scale or (0.05 if args.quick else 1.0))
        datasets = {"bundled": paths.data_dir(), "global": work / "global-data"}
        results = measure(datasets, work, args.runs or (1 if args.quick else 3), not args.no_browser)
    print("\n".join(markdown(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
