"""The write side's one public entry point for the app: build and publish, and what a build reads.

The dashboard builds the bundled data on first start and rebuilds when the files change; it does both
through these two functions and imports nothing else from ``etl`` (ARCHITECTURE.md's contract).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path


def build_published(data_dir: Path, database: Path) -> str | None:
    """Validate ``data_dir`` and publish it at ``database`` (a symlink to a new versioned file).

    Returns None when published, else the report of why not, one ``FILE:LINE: column: value:
    expected`` per line (or the operating system's message, e.g. a read-only folder); then nothing was
    published and the database readers see is unchanged.
    """
    from etl import build
    from etl.problems import BuildFailed

    try:
        build.run(data_dir, database)
    except BuildFailed as failed:
        return failed.report()
    except OSError as error:
        return str(error)
    return None


def source_files(data_dir: Path) -> dict[str, str]:
    """``{file name: SHA-256}`` of every file a build of ``data_dir`` reads or refuses.

    The same names and hashes a successful build records in its ``source_files`` table, so a
    difference means a rebuild is due (a changed table, a new ``progress.xlsx`` beside ``progress.csv``,
    a table saved as ``.xls``). Files named only in notes (copies, lock files) are left out. A hash is
    computed again only when a file's size or modification time changes (a global data set is 140 MB).
    """
    from etl import inventory

    found = {}
    for path in inventory.take(data_dir).looked_at:
        stat = path.stat()
        found[path.name] = _sha256(str(path), stat.st_size, stat.st_mtime_ns)
    return found


@lru_cache(maxsize=64)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    """The file's SHA-256; ``size`` and ``mtime_ns`` are only the cache key."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
