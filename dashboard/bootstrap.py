"""Find the published database before a page runs: build it on first start, rebuild it when the
CSVs it was built from change, wait out an update."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

import paths
from dashboard.data import about
from dashboard.data.overview import build_info
from dashboard.db import DatabaseUnavailable, current_version
from dashboard.i18n import _, fmt_datetime
from etl import entry

# How often a running app compares data/ with its build. Community Cloud pulls a pushed commit into
# the running app, so new CSVs arrive without a restart; self-hosters may edit them in place.
CHECK_SECONDS = 60


def _build() -> str | None:
    """Build the data folder and publish it; the problem report if that failed (nothing is published)."""
    return entry.build_published(paths.data_dir(), paths.db_path())


@st.cache_resource(show_spinner=False)
def _first_build() -> str | None:
    """Build data/ once per server process when no database exists yet; return the error if any."""
    return _build()


@st.cache_resource(show_spinner=False, ttl=CHECK_SECONDS)
def _changed_data(version: str) -> tuple[tuple[str, str], ...] | None:
    """The data folder's files and hashes when they differ from what ``version`` was built from.

    None when they match, when ``UPR_REBUILD_ON_CHANGE=0``, or when ``version`` was built from another
    folder (an import, a benchmark): that database is not the app's to replace.
    """
    if os.environ.get("UPR_REBUILD_ON_CHANGE", "1") == "0":
        return None
    folder = paths.data_dir()
    built_from, published = about.build_sources(version)
    if built_from is None or os.path.realpath(built_from) != os.path.realpath(folder):
        return None
    present = entry.source_files(folder)
    return None if present == published else tuple(sorted(present.items()))


@dataclass(frozen=True)
class Rejected:
    """A data update that was refused: when it was tried (UTC) and the build's report, one
    ``FILE:LINE: column: value: expected`` per line (dashboard/rejections.py reads it)."""

    at: datetime
    report: str


@st.cache_resource(show_spinner=False, max_entries=8)
def _rebuild(version: str, files: tuple[tuple[str, str], ...]) -> Rejected | None:
    """Build changed files once per (published version, file contents): both are only the cache key.

    A failed build publishes nothing, so readers keep the last good data; the report is kept (for
    the About page, which shows it to every visitor: a hosted deployment's log is out of a monitor's
    reach) and printed to the server's log. Returns it, or None after a good build.
    """
    problems = _build()
    if problems is None:
        return None
    print(f"UPR Monitor: the changed data files were not loaded:\n{problems}", file=sys.stderr)
    return Rejected(datetime.now(UTC), problems)


def rejected(version: str) -> Rejected | None:
    """The refused update of the data folder that ``version`` was built from, if its files still
    differ from that build and could not be loaded (None once they are fixed and built)."""
    files = _changed_data(version)
    return None if files is None else _rebuild(version, files)


def _rebuild_if_data_changed(version: str) -> str:
    files = _changed_data(version)
    if files is None:
        return version
    with st.spinner(_("Loading the updated data…")):
        refused = _rebuild(version, files)
    return current_version() if refused is None else version


def rejected_notice(version: str, about, params: list[tuple[str, str]]) -> None:
    """Every page's banner while an update is refused, pointing at the About page (``about``, the
    router's page object, opened with the reader's ``params``), where the problems are listed."""
    refused = rejected(version)
    if refused is None:
        return
    built = build_info(version).get("built_at")
    st.warning(
        _(
            "The data files were changed on {at} but could not be loaded, so this shows the data built "
            "{built}. The problems are listed on the About page."
        ).format(at=fmt_datetime(refused.at) + " UTC", built=fmt_datetime(built) + " UTC")
    )
    st.page_link(about, label=_("See what was wrong"), icon="📋", query_params=params)


def database_version_or_stop() -> str:
    """The database version for this run, or a clear message and a stopped page."""
    try:
        return _rebuild_if_data_changed(current_version())
    except DatabaseUnavailable:
        pass
    if not paths.db_path().is_symlink():  # never built here: build the bundled data now
        with st.spinner(_("Preparing the data for first use…")):
            error = _first_build()
        if error is None:
            return current_version()
        st.error(_("The data could not be built. The problems are:"))
        st.code(error, language=None)
        st.stop()
    st.warning(_("The data is being updated or is unavailable right now. Please reload in a moment."))
    st.stop()
    raise AssertionError("unreachable")
