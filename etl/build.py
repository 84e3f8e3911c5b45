"""Build the database from the canonical CSVs: load inputs, validate and process, save and publish."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from etl import inventory, publish
from etl.checks import DATA_TESTS, reconciliation_report, run_data_tests
from etl.problems import BuildFailed
from etl.schema import FILES
from etl.stage import Staged, stage_file, stage_refused
from etl.validate import validate

SQL_DIR = Path(__file__).parent / "sql"
# The order the table SQL runs in: each file only reads tables made before it.
TABLE_SQL = (
    "states",
    "themes",
    "ministries",
    "recommendations",
    "assignments",
    "progress",
    "official_totals",
    "recurrence_links",
    "actions",
    "indicators",
    "indicator_values",
)
PUBLISHED_TABLES = (
    "states",
    "themes",
    "ministries",
    "recommendations",
    "recommendation_states",
    "recommendation_themes",
    "assignments",
    "progress",
    "latest_assessments",
    "official_totals",
    "reconciliation",
    "recurrence_links",
    "recurrence_chain_members",
    "recurrence_chains",
    "actions",
    "action_recommendations",
    "indicators",
    "indicator_values",
)


@dataclass
class BuildResult:
    database: Path
    version: Path
    row_counts: dict[str, int]
    data_tests: int
    seconds: float
    notes: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"Built {self.database} -> {self.version.name} in {self.seconds:.2f} s"]
        lines += [f"  {table:<24}{count:>9,} rows" for table, count in self.row_counts.items()]
        lines.append(f"  {self.data_tests} data tests passed")
        lines += [f"  note: {note}" for note in self.notes]
        if self.differences:
            lines.append("  counts that differ from the official totals:")
            lines += [f"    {line}" for line in self.differences]
        elif self.row_counts.get("official_totals"):
            lines.append("  every review with official totals reconciles with them")
        else:
            lines.append("  no official totals given (official_totals.csv): counts not reconciled")
        return "\n".join(lines)


def run(data_dir: Path, database: Path) -> BuildResult:
    """Validate ``data_dir`` and publish it at ``database``; raise BuildFailed and publish nothing if bad."""
    started = time.perf_counter()
    con = duckdb.connect()
    version = None
    try:
        with tempfile.TemporaryDirectory(prefix="upr-etl-") as work:
            # 1. Load inputs: which file holds each table, then every file staged as text, structure
            # and header checked. Each file's bytes are read once (decoded and hashed from that read).
            files = inventory.take(data_dir)
            problems = list(files.problems)
            staged: dict[str, Staged] = {}
            for spec in FILES:
                if spec.table in files.refused:
                    staged[spec.table] = stage_refused(con, spec, files.refused[spec.table])
                    continue
                staged[spec.table], found = stage_file(
                    con, spec, files.files.get(spec.table), Path(work), files.sheets.get(spec.table)
                )
                problems += found
            # 2. Process: validate values and references, then build the tables people use.
            found, read_notes = validate(con, staged)
            problems += found
            if problems:
                raise BuildFailed(problems)
            # The tables are written straight into a new versioned file (copying them there from
            # memory afterwards took a fifth of a global-scale build); staging stays in memory.
            version = publish.new_version_path(database)
            _open_output(con, version)
            for name in TABLE_SQL:
                con.execute((SQL_DIR / f"{name}.sql").read_text())
            failures = run_data_tests(con)
            if failures:
                raise RuntimeError("; ".join(failures))
            differences = reconciliation_report(con)
            # 3. Save outputs: provenance beside the tables, then an atomic swap of the published link.
            _save_provenance(con, staged, data_dir)
    except BaseException:
        con.close()
        if version is not None:
            publish.discard(version)
        raise
    con.close()
    publish.publish(version, database)
    with duckdb.connect(str(version), read_only=True) as out:
        counts = {t: out.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PUBLISHED_TABLES}
    return BuildResult(
        database=database,
        version=version,
        row_counts=counts,
        data_tests=len(DATA_TESTS),
        seconds=time.perf_counter() - started,
        notes=files.notes + _notes(staged) + read_notes,
        differences=differences,
    )


def _open_output(con: duckdb.DuckDBPyConnection, version: Path) -> None:
    """Make ``version`` the database new tables go to, while names still find the staging tables."""
    con.execute("ATTACH ? AS out", [str(version)])
    con.execute("USE out")
    con.execute("SET search_path = 'out.main,memory.main'")


def _save_provenance(con: duckdb.DuckDBPyConnection, staged: dict[str, Staged], data_dir: Path) -> None:
    con.execute("CREATE TABLE source_files (file VARCHAR, rows BIGINT, encoding VARCHAR, sha256 VARCHAR)")
    for item in staged.values():
        if item.present and item.decoded is not None:
            rows = con.execute(f"SELECT count(*) FROM raw_{item.spec.table}").fetchone()[0]
            # The hash of the bytes the build read (never a second read that could see a newer file).
            con.execute(
                "INSERT INTO source_files VALUES (?, ?, ?, ?)",
                # The file's own name (a workbook of several tables is one file, hashed once by entry.py).
                [item.path.name, rows, item.decoded.encoding, item.decoded.sha256],
            )
    con.execute(
        "CREATE TABLE build_info AS SELECT ?::TIMESTAMPTZ AS built_at, "
        "(SELECT max(date) FROM progress) AS latest_assessment, ? AS data_dir",
        [datetime.now(UTC), str(data_dir)],
    )
    con.execute("USE memory")
    con.execute("DETACH out")


def _notes(staged: dict[str, Staged]) -> list[str]:
    notes = []
    for item in staged.values():
        name = item.filename
        if not item.present:
            notes.append(f"{name} not found: built with no rows")
            continue
        if item.decoded and item.decoded.lines is not None:
            notes.append(f"{name} was {item.decoded.encoding}; read with the sheet's row numbers")
        elif item.decoded and item.decoded.encoding != "UTF-8":
            notes.append(f"{name} was {item.decoded.encoding}; read and converted to UTF-8")
        if item.decoded and item.decoded.separator_line:
            notes.append(
                f"{name} named its separator on its first line (sep={item.decoded.delimiter}); read as such"
            )
        elif item.decoded and item.decoded.delimiter != ",":
            kind = {"\t": "tab", ";": "semicolon"}.get(item.decoded.delimiter, repr(item.decoded.delimiter))
            notes.append(f"{name} was {kind}-separated; read as such")
        if item.ignored_columns:
            notes.append(f"{name}: unknown column(s) ignored: {', '.join(item.ignored_columns)}")
    return notes
