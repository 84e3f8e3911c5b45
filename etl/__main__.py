"""Command line: ``python -m etl`` builds the database; ``python -m etl import ...`` converts downloads;
``python -m etl fetch ...`` downloads an official export, imports it and builds; ``python -m etl link``
suggests recurring recommendations."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import paths
from etl.problems import BuildFailed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["import"]:
        from etl.importers.cli import main as import_main

        return import_main(argv[1:])
    if argv[:1] == ["fetch"]:
        from etl.fetch.cli import main as fetch_main

        return fetch_main(argv[1:])
    if argv[:1] == ["link"]:
        from etl.recurrence.cli import main as link_main

        return link_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m etl",
        description="Validate the canonical CSVs and publish them as a DuckDB database.",
        epilog="Also: python -m etl import {upr-info,uhri,ohchr-matrix} ... (see python -m etl import --help), "
        "python -m etl fetch uhri --state NAME (see python -m etl fetch --help) "
        "and python -m etl link (suggest recurring recommendations; see python -m etl link --help)",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder of canonical CSVs (default: data/)"
    )
    parser.add_argument(
        "--db", type=Path, default=None, help="published database path (default: data/upr.duckdb)"
    )
    args = parser.parse_args(argv)
    from etl import build

    data_dir = args.data_dir or paths.data_dir()
    database = args.db or paths.db_path()
    if not data_dir.is_dir():
        print(f"{data_dir}: not a folder: expected the folder holding recommendations.csv", file=sys.stderr)
        return 2
    try:
        result = build.run(data_dir, database)
    except BuildFailed as failed:
        print(failed.report(), file=sys.stderr)
        print(
            f"\n{len(failed.problems)} problem(s); nothing was published ({database} is unchanged).",
            file=sys.stderr,
        )
        return 2
    print(result.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
