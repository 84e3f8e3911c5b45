"""``python -m benchmarks``: measure the ETL, the pages' and the API's server time, the browser and memory,
and many readers through the nginx recipe; print a table.

    python -m benchmarks [--quick] [--json PATH] [--no-browser] [--no-load] [--scale 1.0]

Datasets: the bundled Cambodia data (data/), a generated global set (benchmarks/generate.py) and, where
../shared/upr-data is present, the real UPR Info export (2015) imported with ``python -m etl import``;
and a generated UHRI export (400 MB, 40 with --quick) for the memory of ``python -m etl fetch``'s parse.
The real and global sets are linked (``python -m etl link``, recurring recommendations) before their
ETL is measured, so that is the build of a folder with its links.
The data API's server time at bundled and global scale (benchmarks/api_bench.py); 200 readers for
60 s through the nginx recipe with two republishes, then with a replica killed (benchmarks/load_bench.py;
20 readers for 10 s with --quick; needs nginx).
Targets are reported, not asserted: timings depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import paths
from benchmarks import api_bench, etl_bench, generate, link_bench, load_bench, report, uhri_bench
from benchmarks.harness import PAGES, ROOT, StreamlitServer, chromium_path, launch_chromium


def _quiet_streamlit() -> None:
    """AppTest outside ``streamlit run`` logs a warning per cached call; they would bury the table."""
    os.environ["STREAMLIT_LOGGER_LEVEL"] = "critical"  # AppTest re-reads the config option on each run
    from streamlit import logger

    logger.set_log_level(logging.CRITICAL)


def _real_export(work: Path) -> Path | None:
    """Import the UPR Info export into ``work`` (None where ../shared is absent)."""
    csvs = sorted((paths.shared_data_dir() / "upr-info-export-2015" / "csv").glob("sessions_*.csv"))
    if not csvs:
        return None
    out = work / "upr-info"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "etl", "import", "upr-info", *map(str, csvs), "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    print(f"  imported the UPR Info export in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return out


def _machine() -> dict:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")), platform.processor(),
    )  # fmt: skip
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "load_average": os.getloadavg(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small version that runs in under a minute")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every measurement as JSON")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser and memory measurements")
    parser.add_argument("--no-load", action="store_true", help="skip the load runs through nginx")
    parser.add_argument("--scale", type=float, help="size of the global set (default 1.0; 0.05 with --quick)")
    args = parser.parse_args(argv)
    quick = args.quick
    scale = args.scale or (0.05 if quick else 1.0)
    repeats = {"etl": 1 if quick else 3, "first": 1 if quick else 5, "change": 3 if quick else 15,
               "browser": 1 if quick else 3, "sessions": 3 if quick else 10}  # fmt: skip
    pages = ["overview"] if quick else list(PAGES)
    results: dict = {
        "machine": _machine(),
        "quick": quick,
        "scale": scale,
        "repeats": repeats,
        "datasets": {},
        "linking": {},
    }

    with tempfile.TemporaryDirectory(prefix="upr-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        generate.generate(work / "global", scale=scale)
        results["generate_s"] = time.perf_counter() - started
        datasets = {"bundled": paths.data_dir(), "global": work / "global"}
        if not quick and (real := _real_export(work)):
            datasets["real"] = real
        from benchmarks import server_bench  # imports streamlit: only now are its loggers there to quiet

        _quiet_streamlit()

        # Linking first, so the ETL measured below is the ordinary build of a folder with its links.
        for name in ("real", "global"):
            if name in datasets:
                print(f"{name}: linking recurring recommendations", file=sys.stderr)
                folder = work / f"{name}-link"
                folder.mkdir()
                results["linking"][name] = link_bench.measure(
                    datasets[name], folder, repeats["etl"], include_illustrative=name == "global"
                )
        for name, data_dir in datasets.items():
            print(f"{name}: ETL", file=sys.stderr)
            folder = work / f"{name}-etl"
            folder.mkdir()
            entry = {"etl": etl_bench.measure(data_dir, folder, repeats["etl"])}
            database = Path(entry["etl"]["database"])
            print(f"{name}: server-side page times", file=sys.stderr)
            entry["server"] = server_bench.measure(database, repeats["first"], repeats["change"], pages)
            results["datasets"][name] = entry

        print("UHRI export: generate and parse", file=sys.stderr)
        results["uhri"] = uhri_bench.measure(work, 40 if quick else 400)

        results["api"] = {}
        for name in ("bundled", "global"):
            print(f"{name}: data API server time", file=sys.stderr)
            (work / f"{name}-api").mkdir()
            results["api"][name] = api_bench.measure(
                datasets[name], work / f"{name}-api", 10 if quick else 30
            )

        if not args.no_load:
            (work / "load").mkdir()
            readers, seconds = (20, 10.0) if quick else (200, 60.0)
            results["load"] = load_bench.measure(work / "load", paths.data_dir(), readers, seconds, 2, 0.0, 4)

        if not args.no_browser:
            _browser(results, work, repeats, pages, quick)
        from benchmarks import share_bench

        results["share"] = share_bench.measure(
            {"bundled": paths.data_dir(), "global": work / "global"},
            work,
            1 if quick else 3,
            not args.no_browser,
        )

    print(report.markdown(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n")
    return 0


def _browser(results: dict, work: Path, repeats: dict, pages: list[str], quick: bool) -> None:
    from playwright.sync_api import sync_playwright

    from benchmarks import browser_bench

    if chromium_path() is None:
        print("no Chromium at /usr/bin/chromium: browser measurements skipped", file=sys.stderr)
        return
    minimal_log, logs = work / "minimal.log", work / "logs"
    with (
        sync_playwright() as playwright,
        StreamlitServer(ROOT / "benchmarks" / "minimal_app.py", minimal_log) as minimal,
    ):
        browser = launch_chromium(playwright)
        for name in ("bundled",) if quick else ("bundled", "global"):
            database = results["datasets"][name]["etl"]["database"]
            print(f"{name}: browser and memory", file=sys.stderr)
            with StreamlitServer(ROOT / "app.py", logs / f"{name}.log", {"UPR_DB": database}) as server:
                entry = results["datasets"][name]
                entry["memory"] = browser_bench.memory(browser, server, repeats["sessions"], pages)
                entry["bytes"] = browser_bench.cold_load_bytes(browser, server.url + "/")
                entry["browser"] = browser_bench.time_to_last_chart(
                    browser, server.url, minimal.url, repeats["browser"], pages
                )
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
