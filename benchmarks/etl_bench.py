"""ETL build time beside its floor: DuckDB's bare ``read_csv`` of the same files into tables."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import duckdb

from etl import build

ROW_COUNTS = ("recommendations", "progress", "official_totals")


def read_csv_floor(data_dir: Path, database: Path) -> float:
    """Seconds to load every CSV of ``data_dir`` into tables of a new database file, nothing else."""
    database.unlink(missing_ok=True)
    started = time.perf_counter()
    with duckdb.connect(str(database)) as con:
        for path in sorted(data_dir.glob("*.csv")):
            con.execute(f'CREATE TABLE "{path.stem}" AS SELECT * FROM read_csv(?)', [str(path)])  # noqa: S608 (a file stem)
        con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    database.unlink()
    return seconds


def measure(data_dir: Path, work: Path, repeats: int) -> dict:
    """Median build and floor seconds over ``repeats`` alternating runs, and their ratio."""
    builds, floors = [], []
    for index in range(repeats):
        floors.append(read_csv_floor(data_dir, work / "floor.duckdb"))
        target = work / f"etl-{index}"
        builds.append(build.run(data_dir, target / "upr.duckdb").seconds)
        if index < repeats - 1:
            shutil.rmtree(target)
    build_s, floor_s = statistics.median(builds), statistics.median(floors)
    database = target / "upr.duckdb"
    with duckdb.connect(str(database), read_only=True) as con:
        rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ROW_COUNTS}  # noqa: S608 (fixed names)
    megabytes = sum(p.stat().st_size for p in data_dir.glob("*.csv")) / 2**20
    return {"build_s": build_s, "floor_s": floor_s, "ratio": build_s / floor_s, "database": str(database),
            "rows": rows, "csv_mb": megabytes}  # fmt: skip
