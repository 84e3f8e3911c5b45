"""Helpers for the ETL tests: break a copy of the golden data, build it, and fingerprint what was published."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from etl import build
from etl.problems import BuildFailed

# Every line of a failure report: FILE:LINE: column: value: expected (or the "... and N more" line).
MESSAGE = re.compile(r"^[\w.]+:\d+: .+: .*: .+$")
MORE = re.compile(r"^\.\.\. and \d+ more problem\(s\) not shown$")

HEADER = {
    "progress": "recommendation_id,date,assessor,status,summary,evidence_url,source,illustrative",
    "assignments": "recommendation_id,ministry_id,role,source,illustrative",
}
# A valid progress row of the golden fixture, to put beside a bad one.
GOOD_PROGRESS = "ATL-C2-20.2,2016-05-01,government,partially_implemented,Ten schools,,Report,false"


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` exactly (no newline translation)."""
    path.write_bytes(text.encode(encoding))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    write(path, text.replace(old, new, 1))


def fingerprint(published: Path) -> tuple[str, str, str, list[str]]:
    """What a reader sees at ``published``: link target, real path, sha256 of the file, version files."""
    real = os.path.realpath(published)
    digest = hashlib.sha256(Path(real).read_bytes()).hexdigest()
    versions = sorted(p.name for p in (published.parent / ".builds").iterdir())
    return os.readlink(published), real, digest, versions


def copy_published(built: Path, tmp_path: Path) -> Path:
    """A private copy of an already built database folder (link and versions), to rebuild over."""
    folder = shutil.copytree(built.parent, tmp_path / "published", symlinks=True)
    return Path(folder) / built.name


def problems_of(data_dir: Path, database: Path) -> list[str]:
    """Build and expect a failure; return the report's lines (each checked to be well formed)."""
    with pytest.raises(BuildFailed) as failed:
        build.run(data_dir, database)
    lines = failed.value.report().splitlines()
    for line in lines:
        assert MESSAGE.match(line) or MORE.match(line), line
    return lines


def tables(database: Path) -> dict[str, list[tuple]]:
    """Every table and view of a database, as its rows in a stable order."""
    with duckdb.connect(str(database), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}  # noqa: S608
