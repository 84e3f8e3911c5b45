"""What a reader waits for and what the server holds: browser timings, bytes of a cold load, memory.

- *Time to last chart*: a new browser context (empty cache, a new session) navigates to the page; the
  clock stops when the script is idle and every chart on the page has drawn its SVG. The same is
  measured, interleaved, for benchmarks/minimal_app.py (one small Plotly chart) on its own server:
  the ratio is what the app adds over Streamlit + Plotly themselves on this machine at this moment.
- *Bytes*: the sum of CDP ``Network.loadingFinished.encodedDataLength`` (what went over the wire,
  headers included) for a cold load of the first page, plus the WebSocket payload received.
- *Memory*: the server process's RSS (/proc) after one session has opened every page (so every
  page's cached results are in it), then with ten sessions (browser contexts) open at once, the
  other nine having opened the first page.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.harness import PAGES, wait_for_view

VIEWPORT = {"width": 1280, "height": 900}


def _load(browser, url: str) -> tuple[float, int]:
    """Seconds from navigation to the last chart drawn, in a fresh context; and the chart count."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        charts = wait_for_view(page, settle_ms=0)
        return time.perf_counter() - started, charts
    finally:
        context.close()


def time_to_last_chart(browser, app_url: str, minimal_url: str, runs: int, pages=PAGES) -> dict:
    """{"minimal_s", "elements_s", "elements_ratio", page: {"median_s", "charts", "ratio"}}: medians
    over ``runs`` rounds; "elements" is the minimal page with a dashboard page's kinds of elements."""
    times: dict[str, list[float]] = {"minimal": [], "elements": []}
    charts: dict[str, int] = {}
    _load(browser, minimal_url)  # warm the minimal server's first-run imports, as the app's are warm
    for _ in range(runs):
        times["minimal"].append(_load(browser, minimal_url)[0])
        times["elements"].append(_load(browser, f"{minimal_url}/?elements=1")[0])
        for name in pages:
            seconds, charts[name] = _load(browser, f"{app_url}/{PAGES[name]}")
            times.setdefault(name, []).append(seconds)
    minimal = statistics.median(times["minimal"])
    elements = statistics.median(times["elements"])
    result: dict = {"minimal_s": minimal, "elements_s": elements, "elements_ratio": elements / minimal}
    for name in pages:
        median = statistics.median(times[name])
        result[name] = {"median_s": median, "charts": charts[name], "ratio": median / minimal}
    return result


def cold_load_bytes(browser, url: str) -> dict:
    """Bytes over the wire for a cold load of ``url`` until its charts are drawn."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        totals = {"http": 0, "requests": 0, "websocket": 0}

        def finished(event) -> None:
            totals["http"] += int(event.get("encodedDataLength", 0))
            totals["requests"] += 1

        def frame(event) -> None:
            response = event.get("response", {})
            size = len(response.get("payloadData", ""))
            totals["websocket"] += size * 3 // 4 if response.get("opcode") == 2 else size  # binary is base64

        cdp.on("Network.loadingFinished", finished)
        cdp.on("Network.webSocketFrameReceived", frame)
        page.goto(url, wait_until="commit")
        wait_for_view(page)
        page.wait_for_timeout(500)  # late requests (fonts, icons) after the charts
        return totals
    finally:
        context.close()


def _open_session(browser, app_url: str, pages) -> object:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    for name in pages:
        page.goto(f"{app_url}/{PAGES[name]}")
        wait_for_view(page)
    return context


def memory(browser, server, sessions: int, pages=PAGES) -> dict:
    """Server RSS after one session, and after ``sessions`` sessions open at once."""
    contexts = [_open_session(browser, server.url, pages)]
    one = server.rss_bytes()
    try:
        while len(contexts) < sessions:
            contexts.append(_open_session(browser, server.url, ["overview"]))
        many = server.rss_bytes()
    finally:
        for context in contexts:
            context.close()
    return {
        "rss_1_mb": one / 2**20,
        f"rss_{sessions}_mb": many / 2**20,
        "sessions": sessions,
        "ratio": many / one,
    }
