"""Atomic publishing: build a new versioned file, then repoint the published path at it.

The published path (``data/upr.duckdb`` by default) is a symlink to ``.builds/upr-<stamp>.duckdb``
beside it. DuckDB caches database instances per path and a reader holding a file blocks writers, so
the ETL never writes a file a reader may have open: it writes a new one and swaps the link with
``os.replace``, which readers see whole or not at all. The app resolves the link on every run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# Readers may still hold the previous versions for a moment: keep a few, drop the rest.
KEEP_VERSIONS = 3


def builds_dir(published: Path) -> Path:
    return published.parent / ".builds"


def new_version_path(published: Path) -> Path:
    """A fresh file name for the next build (never one a reader could have open)."""
    folder = builds_dir(published)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime())
    return folder / f"{published.stem}-{stamp}-{time.time_ns() % 10**9:09d}.duckdb"


def publish(version: Path, published: Path) -> None:
    """Point ``published`` at ``version`` atomically, then prune old versions."""
    temp_link = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    if temp_link.is_symlink() or temp_link.exists():
        temp_link.unlink()
    temp_link.symlink_to(os.path.relpath(version, published.parent))
    os.replace(temp_link, published)
    _prune(published, keep=version)


def discard(version: Path) -> None:
    """Remove a build that failed, so it can never be published by mistake."""
    for path in (version, version.with_name(version.name + ".wal")):
        if path.exists():
            path.unlink()


def _prune(published: Path, keep: Path) -> None:
    versions = sorted(builds_dir(published).glob(f"{published.stem}-*.duckdb"))
    for old in versions[:-KEEP_VERSIONS]:
        if old.resolve() != keep.resolve():
            discard(old)
