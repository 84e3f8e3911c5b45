"""Cold load of the Overview, directly and through the nginx proxy, on a fast and a slow mobile link.

    python -m benchmarks.proxy [--runs 3] [--data-dir data] [--json out.json]

Starts one real Streamlit server on the bundled data and nginx (deploy/nginx/upr-monitor.conf,
rendered by deploy/proxy.py) in front of it: once with gzip only and, where Debian's brotli module is
installed, once with gzip and brotli. Each run is a fresh Chromium context (empty cache, a new
session) that opens / and waits for the first chart to be drawn. Measured per run: the bytes that
came over the network (HTTP responses, headers included, as Chromium counts them) and the time from
navigation to the first drawn chart; the table shows medians. "Slow mobile" throttles Chromium via
CDP Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency. "Repeat visit"
measures a second visit in a context that has loaded the page once (what the browser cache saves).

Targets (issue 7): through the proxy a cold load transfers at most 35 % of the direct bytes and, on the
slow profile, draws its first chart in at most 50 % of the direct time.
``run()`` returns the rows and ``markdown()`` formats them, for ``python -m benchmarks``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.harness import CHART_DRAWN as CHART
from benchmarks.harness import CHROMIUM_ARGS
from deploy import proxy

ROOT = Path(__file__).resolve().parent.parent
# Chrome DevTools' throughput is in bytes per second.
SLOW_MOBILE = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
# name: (network conditions, a repeat visit with the browser cache of a first visit?)
PROFILES = {
    "fast (loopback)": (None, False),
    "slow mobile (1.6 Mbit/s, 150 ms)": (SLOW_MOBILE, False),
    "slow mobile, repeat visit": (SLOW_MOBILE, True),
}
SLOW = "slow mobile (1.6 Mbit/s, 150 ms)"
TARGET_BYTES = 0.35
TARGET_TIME = 0.50


@dataclass
class Row:
    route: str
    profile: str
    bytes: int
    seconds: float
    requests: int
    runs: int


def load(browser, url: str, conditions: dict | None, repeat: bool = False) -> tuple[int, float, int]:
    """Open ``url`` in a fresh context; return (bytes over the network, seconds to first chart, requests).

    With ``repeat``, the context first visits ``url`` once unthrottled, so the measured visit finds
    what that visit left in the browser cache (as a reader coming back the next day).
    """
    context = browser.new_context(viewport={"width": 412, "height": 915}, is_mobile=True, has_touch=True)
    try:
        if repeat:
            first = context.new_page()
            first.goto(url)
            first.wait_for_selector(CHART, timeout=300_000)
            first.wait_for_load_state("networkidle", timeout=120_000)
            first.close()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        if conditions:
            cdp.send("Network.emulateNetworkConditions", conditions)
        received: dict[str, float] = {}
        cdp.on(
            "Network.loadingFinished", lambda e: received.__setitem__(e["requestId"], e["encodedDataLength"])
        )
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        page.wait_for_selector(CHART, timeout=300_000)
        seconds = time.perf_counter() - started
        page.wait_for_load_state("networkidle", timeout=120_000)  # count what loads alongside
        # requests answered from the browser cache transfer 0 bytes and are not counted
        return int(sum(received.values())), seconds, sum(1 for n in received.values() if n > 0)
    finally:
        context.close()


def run(runs: int = 3, data_dir: Path | None = None, python: str = sys.executable) -> list[Row]:
    """Measure every route and profile ``runs`` times; return median rows (direct first)."""
    from playwright.sync_api import sync_playwright

    from etl import build

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="upr-bench-proxy-")))
        database = work / "db" / "upr.duckdb"
        build.run(data_dir or ROOT / "data", database)
        app_port = proxy.free_port()
        direct = stack.enter_context(proxy.streamlit_app(app_port, database, work / "streamlit.log", python))
        routes = {"direct": direct}
        used = [app_port]
        variants = [("proxy, gzip", False)] + (
            [("proxy, gzip + brotli", True)] if proxy.brotli_available() else []
        )
        for name, brotli in variants:
            port = proxy.free_port(exclude=tuple(used))
            used.append(port)
            routes[name] = stack.enter_context(
                proxy.nginx_proxy(port, f"127.0.0.1:{app_port}", work / f"nginx-{port}", brotli=brotli)
            )
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        stack.callback(browser.close)
        for url in routes.values():  # warm the server (first script run, nginx cache), not the browser
            load(browser, url + "/", None)
        rows = []
        for profile, (conditions, repeat) in PROFILES.items():
            for route, url in routes.items():
                samples = [load(browser, url + "/", conditions, repeat) for _ in range(runs)]
                rows.append(
                    Row(
                        route=route,
                        profile=profile,
                        bytes=int(statistics.median(s[0] for s in samples)),
                        seconds=statistics.median(s[1] for s in samples),
                        requests=int(statistics.median(s[2] for s in samples)),
                        runs=runs,
                    )
                )
    return rows


def _size(n: int) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 1e6 else f"{n / 1e3:.1f} kB"


def markdown(rows: list[Row]) -> str:
    """A markdown table with each proxy row compared with the direct row of its profile."""
    direct = {r.profile: r for r in rows if r.route == "direct"}
    lines = [
        "| Profile | Route | Transferred | vs direct | First chart | vs direct | Requests |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        base = direct[r.profile]
        byte_share = r.bytes / base.bytes
        time_share = r.seconds / base.seconds
        lines.append(
            f"| {r.profile} | {r.route} | {_size(r.bytes)} | "
            f"{'–' if r is base else f'{byte_share:.0%}'} | {r.seconds:.2f} s | "
            f"{'–' if r is base else f'{time_share:.0%}'} | {r.requests} |"
        )
    return "\n".join(lines)


def verdicts(rows: list[Row]) -> list[str]:
    """One line per proxy route: are the issue's targets met?"""
    direct = {r.profile: r for r in rows if r.route == "direct"}
    out = []
    for route in dict.fromkeys(r.route for r in rows if r.route != "direct"):
        mine = {r.profile: r for r in rows if r.route == route}
        share = max(mine[p].bytes / direct[p].bytes for p in mine if not PROFILES[p][1])
        speed = mine[SLOW].seconds / direct[SLOW].seconds
        out.append(
            f"{route}: bytes {share:.0%} of direct (target ≤ {TARGET_BYTES:.0%}) "
            f"{'met' if share <= TARGET_BYTES else 'MISSED'}; slow-profile first chart {speed:.0%} of direct "
            f"(target ≤ {TARGET_TIME:.0%}) {'met' if speed <= TARGET_TIME else 'MISSED'}"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.proxy", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold loads per route and profile (median)")
    parser.add_argument("--data-dir", type=Path, default=None, help="canonical CSVs (default: data/)")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    if proxy.nginx_binary() is None:
        print("nginx is not installed (apt-get install nginx)", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a `kill` still stops nginx and Streamlit
    rows = run(args.runs, args.data_dir)
    print(markdown(rows))
    print()
    print("\n".join(verdicts(rows)))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
