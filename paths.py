"""Where UPR Monitor's files live: one module, no project imports, overridable by environment.

Read the environment inside functions, never at import time, so tests (and AppTest, which shares
``sys.modules`` with pytest) can point the app at another database without leaking config.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The canonical CSV files the ETL builds from (``UPR_DATA_DIR`` overrides)."""
    return Path(os.environ.get("UPR_DATA_DIR", ROOT / "data"))


def db_path() -> Path:
    """The published database: a symlink to the current versioned file (``UPR_DB`` overrides).

    Where ``data/`` is not writable (some hosts mount the repository read-only) the build cannot
    go there, so the default moves to ``upr-monitor-UID/`` in the system temp dir; a database
    already published in ``data/`` is still used.
    """
    if "UPR_DB" in os.environ:
        return Path(os.environ["UPR_DB"])
    default = ROOT / "data" / "upr.duckdb"
    if default.is_symlink() or default.exists() or os.access(default.parent, os.W_OK):
        return default
    user = os.getuid() if hasattr(os, "getuid") else "user"  # /tmp is shared: one folder per user
    return Path(tempfile.gettempdir()) / f"upr-monitor-{user}" / "upr.duckdb"


def shared_data_dir() -> Path:
    """The real source files in ../shared/upr-data, read at run time and never copied."""
    return Path(os.environ.get("UPR_SHARED_DATA", ROOT.parent / "shared" / "upr-data"))


def download_cache_dir() -> Path:
    """Where ``python -m etl fetch`` keeps downloads (``UPR_CACHE_DIR`` overrides).

    The user's cache folder (``~/.cache/upr-monitor`` on Linux, via platformdirs), not ``data/``:
    a 360 MB export must never be committed or deployed with the data, and one download serves
    every checkout and data folder of the same user.
    """
    if "UPR_CACHE_DIR" in os.environ:
        return Path(os.environ["UPR_CACHE_DIR"])
    import platformdirs  # imported here: only the fetch command needs it

    return Path(platformdirs.user_cache_dir("upr-monitor", appauthor=False))


def locale_dir() -> Path:
    """Gettext catalogs for the interface languages."""
    return ROOT / "locales"
