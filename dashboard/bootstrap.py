"""Find the published database before a page runs: build it on first start, wait out an update."""

from __future__ import annotations

import streamlit as st

import paths
from dashboard.db import DatabaseUnavailable, current_version
from dashboard.i18n import _


@st.cache_resource(show_spinner=False)
def _first_build() -> str | None:
    """Build data/ once per server process when no database exists yet; return the error if any."""
    from etl import build
    from etl.problems import BuildFailed

    try:
        build.run(paths.data_dir(), paths.db_path())
    except BuildFailed as failed:
        return failed.report()
    return None


def database_version_or_stop() -> str:
    """The database version for this run, or a clear message and a stopped page."""
    try:
        st.session_state["_version"] = current_version()
        return st.session_state["_version"]
    except DatabaseUnavailable:
        st.session_state.pop("_version", None)
    if not paths.db_path().is_symlink():  # never built here: build the bundled data now
        with st.spinner(_("Preparing the data for first use…")):
            error = _first_build()
        if error is None:
            st.session_state["_version"] = current_version()
            return st.session_state["_version"]
        st.error(_("The data could not be built. The problems are:"))
        st.code(error, language=None)
        st.stop()
    st.warning(_("The data is being updated or is unavailable right now. Please reload in a moment."))
    st.stop()
    raise AssertionError("unreachable")
