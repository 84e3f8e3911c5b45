"""Linking recurring recommendations at scale (``python -m etl link``), and what its links cost the build.

Linking is its own step: it reads the texts and writes recurrence_links.csv. The ordinary build
(``python -m etl``) then only validates and joins that file; its cost is measured as the build with the
file against the same build without it (target: at most 25 % more), in wall-clock seconds and in
CPU seconds of the process (DuckDB's threads included), which other work on a shared machine
disturbs far less.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from etl import build
from etl.canonical_csv import read_rows
from etl.recurrence import links_file
from etl.recurrence.linker import DEFAULT_THRESHOLD, link

OVERHEAD_TARGET = 0.25
SOURCE = "benchmarks/link_bench.py (threshold {threshold})"


def measure(data_dir: Path, work: Path, repeats: int, include_illustrative: bool) -> dict:
    """Link ``data_dir`` in place (writing its recurrence_links.csv), then time the build with and without it."""
    started = time.perf_counter()
    rows = read_rows(data_dir / "recommendations.csv")
    items = links_file.items_from_rows(rows, include_illustrative)
    links = link(items)
    links_file.write_links(data_dir, links, {i.id for i in items}, SOURCE.format(threshold=DEFAULT_THRESHOLD))
    link_s = time.perf_counter() - started

    without = work / "without-links"
    shutil.copytree(
        data_dir, without, ignore=shutil.ignore_patterns(links_file.FILENAME, "*.duckdb*", ".builds")
    )
    timings: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    for index in range(repeats):
        for kind, folder in (("without", without), ("with", data_dir)):
            cpu = time.process_time()
            result = build.run(folder, work / f"{kind}-{index}" / "upr.duckdb")
            timings[kind].append((result.seconds, time.process_time() - cpu))
    build_with = statistics.median(wall for wall, _ in timings["with"])
    build_without = statistics.median(wall for wall, _ in timings["without"])
    cpu_with = statistics.median(cpu for _, cpu in timings["with"])
    cpu_without = statistics.median(cpu for _, cpu in timings["without"])
    return {
        "recommendations": len(rows),
        "texts": len(items),
        "states": len({i.state_under_review for i in items}),
        "links": len(links),
        "chains": result.row_counts["recurrence_chains"],
        "link_s": link_s,
        "build_with_s": build_with,
        "build_without_s": build_without,
        "overhead": build_with / build_without - 1,
        "build_with_cpu_s": cpu_with,
        "build_without_cpu_s": cpu_without,
        "cpu_overhead": cpu_with / cpu_without - 1,
    }
