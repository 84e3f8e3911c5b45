"""Many readers through the nginx recipe: a load run with two republishes, then one with a replica killed.

    python -m benchmarks.load_bench [--readers 200] [--seconds 60] [--replicas 2] [--think 0]
                                    [--processes 4] [--data-dir data] [--json PATH]

Set-up: the bundled data built with the real ETL, ``--replicas`` real app servers
(``streamlit run app.py``, deploy/proxy.py) on it, and the nginx recipe (deploy/nginx/upr-monitor.conf,
rendered for loopback) in front of them.

Readers: ``--readers`` concurrent readers, spread over ``--processes`` client processes (aiohttp,
whose C parser keeps the client's own CPU small: it shares the machine with what it measures). Each reader asks for one
address after another, pausing ``--think`` seconds between (0: as soon as the answer is in, the
hardest reading of "200 concurrent readers"), and keeps the affinity cookie of a browser that has
visited before (a random id of its own). Every reader sends ``Accept-Encoding: gzip`` as browsers do,
so nginx compresses as it would for them. The addresses: data API answers (JSON, CSV, summary) for a
few dozen views, share pages (``/share/...``) where the server has them, and the interactive pages'
HTML (their canonical addresses). A share page is recognised by its ``X-UPR-Data-Version`` header, so
this runs unchanged before and after they land.

Run 1, "republish": ``python -m etl`` publishes the same data again at 1/3 and 2/3 of the run.
Run 2, "failover": one replica is killed (SIGKILL) halfway.

Per kind of address: requests, errors (a status other than 200/304, a dropped connection, a time-out),
throughput, median / p95 / p99 / max latency. Per API and share answer: its data version must be named
(``X-UPR-Data-Version``) and, for JSON, equal the body's ``meta.data.version`` (one answer, one build);
"stale" counts answers from a version older than the one published when the request started (the
published link is watched every 10 ms; the nginx recipe keeps answers one second) and gives the
longest such lag after a republish.

Targets (issue 13): 0 errors, p95 ≤ 300 ms on share pages and the API, every answer from one database
version; with a replica killed, 0 errors on share pages and the API.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path
from urllib.parse import urlencode

import duckdb

import paths
from dashboard.view import PAGE_PATHS
from deploy import proxy

ROOT = Path(__file__).resolve().parent.parent
P95_TARGET_MS = 300.0
KINDS = ("api", "share", "html")
VERSION_IN_JSON = re.compile(rb'"data":\{"version":"([^"]+)"')


# --- what the readers ask for ------------------------------------------------------------------


def views(database: Path, limit: int = 12) -> list[list[tuple[str, str]]]:
    """Link parameters of realistic views of ``database``: states under review with their cycles, all
    cycles, a response, a recommending state (the most frequent ones), a search word."""
    with duckdb.connect(str(database), read_only=True) as con:
        reviews = con.execute(
            "SELECT state_under_review, max(cycle) FROM recommendations GROUP BY 1 ORDER BY count(*) DESC LIMIT 3"
        ).fetchall()
        states = [s for (s,) in con.execute(
            "SELECT state FROM recommendation_states GROUP BY 1 ORDER BY count(*) DESC LIMIT 3").fetchall()]  # fmt: skip
    found = []
    for sur, latest in reviews:
        for cycle in (str(latest), str(max(1, latest - 1)), "all"):
            found.append([("sur", sur), ("cycle", cycle)])
        found.append([("sur", sur), ("cycle", "all"), ("response", "noted")])
        found += [[("sur", sur), ("cycle", "all"), ("state", s)] for s in states]
    return found[:limit]


def api_paths(database: Path) -> list[str]:
    paths_ = []
    for params in views(database):
        query = urlencode(params)
        paths_ += [f"/api/v1/recommendations.json?{query}", f"/api/v1/recommendations.csv?{query}",
                   f"/api/v1/summary.json?{query}"]  # fmt: skip
    return paths_


def page_paths(database: Path, prefix: str) -> list[str]:
    """Every page for the first few views, as ``prefix``/page?query (interactive: prefix "")."""
    found = []
    for params in views(database, limit=3):
        query = urlencode(params)
        found += [f"{prefix}/{page}?{query}".replace("//", "/") for page in PAGE_PATHS]
    return found


def targets(base: str, database: Path) -> dict[str, list[str]]:
    """{kind: addresses}; share pages only where the server answers them as share pages."""
    import httpx

    found = {"api": api_paths(database), "html": page_paths(database, ""), "share": []}
    candidates = page_paths(database, "/share")
    with httpx.Client(base_url=base, timeout=60) as client:
        if client.get(candidates[0]).headers.get("x-upr-data-version"):
            found["share"] = candidates
        for path in [p for kind in KINDS for p in found[kind]]:  # warm every replica's query cache a bit
            client.get(path)
    return found


# --- the readers (in worker processes) ---------------------------------------------------------


async def _reader(
    session, base, addresses, kind_of, until: float, think: float, cookie: str, samples: list
) -> None:
    rng = random.Random(cookie)
    headers = {"Cookie": f"upr_affinity={cookie}", "Accept-Encoding": "gzip"}
    while time.time() < until:
        path = rng.choice(addresses)
        started = time.time()
        status, version, body_version, error, cache = 0, None, None, "", ""
        try:
            # The body is read whole but not unpacked (a browser would; this client only checks it):
            # the readers' CPU is the machine's too.
            async with session.get(base + path, headers=headers) as response:
                status = response.status
                version = response.headers.get("x-upr-data-version")
                cache = response.headers.get("x-cache-status", "")
                body = await response.read()
            if path.startswith("/api/") and ".json" in path and status == 200:
                head = body[:4096]
                if response.headers.get("content-encoding") == "gzip":
                    head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body[:4096], 4096)
                found = VERSION_IN_JSON.search(head)
                body_version = found.group(1).decode() if found else "?"
        except Exception as failure:  # a dropped connection, a time-out: an error for this reader
            error = type(failure).__name__
        samples.append((started, time.time(), kind_of[path], status, version, body_version, error, cache))
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))


def _client_process(base: str, addresses: list[str], kind_of: dict, readers: int, seconds: float,
                    think: float, seed: int, ready, results) -> None:  # fmt: skip
    """``readers`` readers in one process (aiohttp: its C parser keeps the client's own CPU small).

    Waits at ``ready`` (a barrier) once imported, then reads for ``seconds``; puts its samples on
    ``results``.
    """
    import aiohttp

    async def run(until: float) -> list[tuple]:
        samples: list[tuple] = []
        connector = aiohttp.TCPConnector(limit=readers, force_close=False)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, auto_decompress=False, cookie_jar=aiohttp.DummyCookieJar()
        ) as session:
            await asyncio.gather(*(
                _reader(session, base, addresses, kind_of, until, think, f"{seed:04x}{n:028x}", samples)
                for n in range(readers)
            ))  # fmt: skip
        return samples

    ready.wait()
    results.put(asyncio.run(run(time.time() + seconds)))


# --- one run -----------------------------------------------------------------------------------


def _published(database: Path) -> str:
    return Path(os.path.realpath(database)).stem


def run_load(base: str, found: dict[str, list[str]], database: Path, readers: int, seconds: float,
             think: float, processes: int, events: list[tuple[float, object]]) -> dict:  # fmt: skip
    """Load ``base`` for ``seconds``; at each (fraction, action) of ``events`` call the action (in a
    thread). Returns the summary (see ``summarise``)."""
    addresses = [p for kind in KINDS for p in found[kind]]
    kind_of = {p: kind for kind in KINDS for p in found[kind]}
    share = max(1, readers // processes)
    counts = [share] * (readers // share) + ([readers % share] if readers % share else [])
    context = multiprocessing.get_context("spawn")
    ready, results = context.Barrier(len(counts) + 1), context.Queue()
    clients = [
        context.Process(
            target=_client_process, args=(base, addresses, kind_of, n, seconds, think, i, ready, results)
        )  # fmt: skip
        for i, n in enumerate(counts)
    ]
    for client in clients:
        client.start()
    ready.wait(timeout=300)  # every client process imported and ready: the clock starts now
    start = time.time()
    until = start + seconds
    publishes = [(0.0, _published(database))]  # (when the link moved, to which version)

    def scheduled() -> None:
        for fraction, action in events:
            time.sleep(max(0.0, start + fraction * seconds - time.time()))
            action()

    def watch() -> None:
        # The moment a publish happens is when the link moves, well before `python -m etl` exits.
        while time.time() < until + 5:
            version = _published(database)
            if version != publishes[-1][1]:
                publishes.append((time.time(), version))
            time.sleep(0.01)

    timer = threading.Thread(target=scheduled, daemon=True)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    timer.start()
    samples = [s for _ in clients for s in results.get(timeout=seconds + 120)]
    for client in clients:
        client.join(timeout=30)
    timer.join(timeout=120)  # a republish still running ends before the servers stop
    watcher.join(timeout=10)
    summary = summarise(samples, publishes, seconds)
    summary["load_average"] = os.getloadavg()[0]  # the last minute: what else the machine was doing
    return summary


def republish(database: Path, data_dir: Path):
    """An event: ``python -m etl`` on ``data_dir`` into ``database``."""

    def action() -> None:
        subprocess.run(
            [sys.executable, "-m", "etl", "--data-dir", str(data_dir), "--db", str(database)],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip

    return action


def kill(replica: proxy.Replica):
    """An event: kill ``replica`` without warning (SIGKILL)."""

    def action() -> None:
        replica.process.send_signal(signal.SIGKILL)

    return action


def _percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] if ordered else float("nan")


def summarise(samples: list[tuple], publishes: list[tuple[float, str]], seconds: float) -> dict:
    """Per kind: requests, errors (by cause), req/s, latency ms (median, p95, p99, max); for API and share
    answers: missing version headers, body/header mismatches, versions seen, stale answers."""
    order = {version: index for index, (_, version) in enumerate(publishes)}
    out = {}
    for kind in KINDS:
        mine = [s for s in samples if s[2] == kind]
        if not mine:
            continue
        latencies = sorted((end - begin) * 1000 for begin, end, *_ in mine)
        causes: dict[str, int] = {}
        for _, _, _, status, _, _, error, _ in mine:
            if error or status not in (200, 304):
                cause = error or f"HTTP {status}"
                causes[cause] = causes.get(cause, 0) + 1
        entry = {
            "requests": len(mine),
            "errors": sum(causes.values()),
            "causes": causes,
            "per_s": len(mine) / seconds,
            "median_ms": statistics.median(latencies),
            "p95_ms": _percentile(latencies, 0.95),
            "p99_ms": _percentile(latencies, 0.99),
            "max_ms": latencies[-1],
        }
        if kind != "html":
            answered = [s for s in mine if s[3] in (200, 304)]
            entry["unnamed"] = sum(1 for s in answered if not s[4])
            entry["mismatched"] = sum(1 for s in answered if s[5] is not None and s[5] != s[4])
            entry["unknown_versions"] = sum(1 for s in answered if s[4] and s[4] not in order)
            entry["versions"] = sorted({s[4] for s in answered if s[4]})
            stale, by_cache, examples = [], {}, []
            for begin, end, _, _, version, _, _, cache in answered:
                by_cache[cache] = by_cache.get(cache, 0) + 1
                current = max((p for p in publishes if p[0] <= begin), key=lambda p: p[0])
                if version in order and order[version] < order[current[1]]:  # older than published
                    stale.append((begin - current[0], cache))
                    if len(examples) < 10 or begin - current[0] > 3:
                        examples.append({"after_publish_s": begin - current[0], "took_s": end - begin,
                                         "version": version, "current": current[1], "cache": cache})  # fmt: skip
            entry["stale_examples"] = sorted(examples, key=lambda e: -e["after_publish_s"])[:10]
            entry["cache"] = by_cache  # nginx's X-Cache-Status: HIT, MISS, REVALIDATED, EXPIRED, STALE...
            entry["stale"] = len(stale)
            entry["stale_max_s"] = max(lag for lag, _ in stale) if stale else 0.0
            entry["stale_by_cache"] = {c: sum(1 for _, k in stale if k == c) for c in {k for _, k in stale}}
        out[kind] = entry
    return {"kinds": out, "publishes": len(publishes) - 1}


# --- the whole benchmark -----------------------------------------------------------------------


def measure(work: Path, data_dir: Path, readers: int, seconds: float, replicas: int, think: float,
            processes: int) -> dict:  # fmt: skip
    """Build, serve, load twice (republishes; a replica killed); return both runs' summaries."""
    from etl import build

    if proxy.nginx_binary() is None:
        return {"error": "nginx is not installed (apt-get install nginx)"}
    database = work / "published" / "upr.duckdb"
    build.run(data_dir, database)
    results: dict = {"readers": readers, "seconds": seconds, "replicas": replicas, "think": think,
                     "processes": processes}  # fmt: skip
    for name, events_of in (
        (
            "republish",
            lambda rs: [(1 / 3, republish(database, data_dir)), (2 / 3, republish(database, data_dir))],
        ),
        ("failover", lambda rs: [(1 / 2, kill(rs[-1]))]),
    ):
        print(f"load: {name} run, {readers} readers for {seconds:g} s", file=sys.stderr)
        with contextlib.ExitStack() as stack:
            ports: tuple[int, ...] = ()
            running = []
            for index in range(replicas):
                ports += (proxy.free_port(exclude=ports),)
                running.append(stack.enter_context(
                    proxy.streamlit_replica(ports[-1], database, work / name / f"replica-{index}.log")))  # fmt: skip
            port = proxy.free_port(exclude=ports)
            base = stack.enter_context(
                proxy.nginx_proxy(port, [r.address for r in running], work / name / "nginx", brotli=False)
            )
            found = targets(base, database)
            results["addresses"] = {kind: len(found[kind]) for kind in KINDS}
            results[name] = run_load(base, found, database, readers, seconds, think, processes,
                                     events_of(running))  # fmt: skip
    return results


def markdown(results: dict) -> list[str]:
    """The load runs as a markdown table, each figure beside its target."""
    if "error" in results:
        return ["### Load through the nginx recipe", "", f"Not run: {results['error']}"]
    out = [
        "### Load through the nginx recipe (issue 13)",
        "",
        f"{results['readers']} concurrent readers for {results['seconds']:g} s, {results['replicas']} replicas, "
        f"think time {results['think']:g} s, {results['processes']} client processes; addresses: "
        + ", ".join(f"{n} {kind}" for kind, n in results["addresses"].items())
        + ".",
        "",
        "| run | kind | requests | req/s | errors | median ms | p95 ms | p99 ms | max ms | versions | "
        "unnamed / mismatched | stale (max lag) | target |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for run in ("republish", "failover"):
        for kind, e in results[run]["kinds"].items():
            target = ""
            if kind != "html":
                ok = e["errors"] == 0 and (run == "failover" or e["p95_ms"] <= P95_TARGET_MS)
                ok = ok and e["unnamed"] == 0 and e["mismatched"] == 0 and e["unknown_versions"] == 0
                goal = (
                    "0 errors"
                    if run == "failover"
                    else f"0 errors, p95 ≤ {P95_TARGET_MS:g} ms, one version each"
                )
                target = f"{goal}: {'met' if ok else '**missed**'}"
            errors = str(e["errors"]) + (
                f" ({', '.join(f'{k}: {v}' for k, v in e['causes'].items())})" if e["causes"] else ""
            )
            versions = "" if kind == "html" else str(len(e["versions"]))
            named = "" if kind == "html" else f"{e['unnamed']} / {e['mismatched']}"
            stale = "" if kind == "html" else f"{e['stale']} ({e['stale_max_s']:.1f} s)"
            out.append(
                f"| {run} | {kind} | {e['requests']:,} | {e['per_s']:.0f} | {errors} | {e['median_ms']:.0f} | "
                f"{e['p95_ms']:.0f} | {e['p99_ms']:.0f} | {e['max_ms']:.0f} | {versions} | {named} | {stale} | {target} |"
            )
    out += [
        "",
        f"Republish run: {results['republish']['publishes']} publishes by `python -m etl` during the run. "
        "Failover run: one replica killed (SIGKILL) halfway. Interactive HTML is reported, not targeted. "
        f"Load average (1 min) at the end of each run: {results['republish']['load_average']:.1f} and "
        f"{results['failover']['load_average']:.1f} on {os.cpu_count()} cores (readers, nginx and replicas "
        "included).",
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load_bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--think", type=float, default=0.0, help="seconds a reader pauses between requests")
    parser.add_argument(
        "--processes", type=int, default=4, help="client processes the readers are spread over"
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="CSV folder (default: the bundled data)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="upr-load-") as tmp:
        results = measure(Path(tmp), args.data_dir or paths.data_dir(), args.readers, args.seconds,
                          args.replicas, args.think, args.processes)  # fmt: skip
    print("\n".join(markdown(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
