"""The data API's server time on one replica, at bundled and global scale.

    python -m benchmarks.api_bench [--scale 1.0] [--views 30] [--json PATH]

One real app server (``streamlit run app.py``, no proxy) per database; one client on loopback asks
for one answer at a time, each on a new connection as the nginx recipe does (on a kept-alive
connection Streamlit 1.67 adds ~40 ms of Nagle/delayed-ACK stall to every answer: see the site file),
so the time is the server's (plus well under a millisecond of loopback).
For each endpoint (recommendations JSON and CSV, summary) and a set of realistic views (states under
review, cycles, all cycles, a response, a recommending state):

- *first after a republish*: the first answer from a freshly published version (``python -m etl``'s
  publish, done here with the same ``build.run``): a new DuckDB connection, the filter options and
  the view's queries all run;
- *first*: a view's first answer at this address on a version already in use (the view's queries
  run, except where another endpoint of the same view ran the same query just before: the JSON and
  CSV share the Explorer's query);
- *again*: the same address again (the queries' results are cached; the answer is rendered again);
- *304*: a revalidation with the ETag held (what nginx asks every second for a busy address).

Datasets: the bundled Cambodia data and the generated global set (benchmarks/generate.py, about
150,000 recommendations at scale 1).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import httpx

import paths
from benchmarks import generate
from benchmarks.server_bench import summarise
from deploy import proxy
from etl import build

ENDPOINTS = ("/api/v1/recommendations.json", "/api/v1/recommendations.csv", "/api/v1/summary.json")
TARGETS_MS = {"bundled": 50.0, "global": 200.0}  # issue 13's server-time targets for share pages


def views(database: Path, count: int) -> list[list[tuple[str, str]]]:
    """``count`` distinct, realistic views of ``database``, largest reviews first."""
    with duckdb.connect(str(database), read_only=True) as con:
        reviews = con.execute(
            "SELECT state_under_review, list(DISTINCT cycle ORDER BY cycle) FROM recommendations "
            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 10"
        ).fetchall()
        states = [s for (s,) in con.execute(
            "SELECT state FROM recommendation_states GROUP BY 1 ORDER BY count(*) DESC LIMIT 2").fetchall()]  # fmt: skip
    found = []
    for sur, cycles in reviews:
        for cycle in [*map(str, reversed(cycles)), "all"][:3]:
            found.append([("sur", sur), ("cycle", cycle)])
            found.append([("sur", sur), ("cycle", cycle), ("response", "noted")])
        found += [[("sur", sur), ("cycle", "all"), ("state", s)] for s in states]
    return found[:count]


def _timed(
    client: httpx.Client, url: str, headers: dict[str, str] | None = None
) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = client.get(url, headers=headers)
    seconds = time.perf_counter() - started
    if response.status_code not in (200, 304):
        raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")
    return seconds, response


def measure(data_dir: Path, work: Path, count: int) -> dict:
    """{endpoint: {case: summary}} and the answers' sizes, for the data of ``data_dir``."""
    database = work / "published" / "upr.duckdb"
    build.run(data_dir, database)
    chosen = views(database, count)
    times: dict[str, dict[str, list[float]]] = {e: {"after_republish": [], "first": [], "again": [], "304": []}
                                               for e in ENDPOINTS}  # fmt: skip
    sizes: dict[str, list[int]] = {e: [] for e in ENDPOINTS}
    port = proxy.free_port()
    fresh = httpx.Limits(max_keepalive_connections=0)  # a new connection per answer, as nginx's
    with (
        proxy.streamlit_replica(port, database, work / "replica.log") as replica,
        httpx.Client(timeout=120, limits=fresh) as client,
    ):
        client.get(f"{replica.url}/api/v1/summary.json")  # the server's first answer loads the code
        every = max(2, len(chosen) // 6)  # about six republishes: two first answers per endpoint
        for index, params in enumerate(chosen):
            query = urlencode(params)
            republished = index % every == 0  # the first answer of a new version
            if republished:
                build.run(data_dir, database)
            turn = (index // every) % len(ENDPOINTS)  # which endpoint answers first after a republish
            for position, endpoint in enumerate(ENDPOINTS[turn:] + ENDPOINTS[:turn]):
                url = f"{replica.url}{endpoint}?{query}"
                seconds, response = _timed(client, url)
                times[endpoint]["after_republish" if republished and position == 0 else "first"].append(
                    seconds
                )
                sizes[endpoint].append(len(response.content))
                times[endpoint]["again"].append(_timed(client, url)[0])
                tag = {"If-None-Match": response.headers["etag"]}
                times[endpoint]["304"].append(_timed(client, url, tag)[0])
    return {
        "views": len(chosen),
        "endpoints": {
            e: {
                **{case: summarise(t) for case, t in cases.items() if t},
                "median_kb": statistics.median(sizes[e]) / 1024,
            }  # fmt: skip
            for e, cases in times.items()
        },
    }


def markdown(results: dict) -> list[str]:
    out = [
        "### Data API server time on one replica (no proxy), median / p95 ms",
        "",
        "| dataset | endpoint | first after a republish | first | again (cached queries) | 304 | median answer KB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, entry in results.items():
        for endpoint, cases in entry["endpoints"].items():
            cells = [
                f"{cases[c]['median_ms']:.0f} / {cases[c]['p95_ms']:.0f} ({cases[c]['runs']})"
                if c in cases
                else "–"
                for c in ("after_republish", "first", "again", "304")
            ]
            out.append(
                f"| {name} ({entry['views']} views) | `{endpoint}` | "
                + " | ".join(cells)
                + f" | {cases['median_kb']:.0f} |"
            )
    out += [
        "",
        "(runs) in brackets. For comparison, issue 13's share-page targets: ≤ "
        + " and ≤ ".join(f"{ms:g} ms median on the {name} data" for name, ms in TARGETS_MS.items())
        + ", first request after a republish included.",
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.api_bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--scale", type=float, default=1.0, help="size of the global set (1.0: ~150,000)")
    parser.add_argument("--views", type=int, default=30, help="distinct views per dataset")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    results = {}
    with tempfile.TemporaryDirectory(prefix="upr-api-bench-") as tmp:
        work = Path(tmp)
        generate.generate(work / "global-data", scale=args.scale)
        for name, data_dir in (("bundled", paths.data_dir()), ("global", work / "global-data")):
            print(f"api: {name}", file=sys.stderr)
            (work / name).mkdir()
            results[name] = measure(data_dir, work / name, args.views)
    print("\n".join(markdown(results)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
