"""``python -m etl link``: suggest recurring recommendations from the texts in a data folder.

Its own step, not part of ``python -m etl``: comparing texts takes seconds to minutes at global scale,
while the build only validates and joins the links file it writes (data/recurrence_links.csv).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import paths
from etl.canonical_csv import read_rows
from etl.recurrence import links_file
from etl.recurrence.linker import DEFAULT_THRESHOLD, link

SOURCE = "python -m etl link: texts in recommendations.csv (threshold {threshold})"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etl link",
        description="Suggest, for each recommendation with a text, the recommendations to the same state "
        "under review in earlier cycles that ask the same; write recurrence_links.csv.",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder of canonical CSVs (default: data/)"
    )
    parser.add_argument(
        "--threshold",
        type=int,
        default=DEFAULT_THRESHOLD,
        help=f"lowest score (0-100) that makes a link (default {DEFAULT_THRESHOLD}; see docs/recurrence.md)",
    )
    parser.add_argument(
        "--include-illustrative",
        action="store_true",
        help="also link illustrative rows (for synthetic test sets; their texts are placeholders)",
    )
    args = parser.parse_args(argv)
    data_dir = args.data_dir or paths.data_dir()
    recommendations = data_dir / "recommendations.csv"
    if not recommendations.exists():
        print(
            f"{recommendations}: not found: expected the folder holding recommendations.csv", file=sys.stderr
        )
        return 2
    if not 0 <= args.threshold <= 100:
        print(f"--threshold {args.threshold}: expected a whole number from 0 to 100", file=sys.stderr)
        return 2
    started = time.perf_counter()
    items = links_file.items_from_rows(read_rows(recommendations), args.include_illustrative)
    links = link(items, args.threshold)
    written, kept = links_file.write_links(
        data_dir, links, {i.id for i in items}, SOURCE.format(threshold=args.threshold)
    )
    states = len({i.state_under_review for i in items})
    print(
        f"compared {len(items):,} recommendations with texts ({states} states under review) in "
        f"{time.perf_counter() - started:.1f} s: {written:,} link(s) at score >= {args.threshold}"
        + (f"; kept {kept:,} link(s) computed from texts not in this folder" if kept else "")
        + f"; wrote {data_dir / links_file.FILENAME}"
    )
    return 0
