"""One read-only DuckDB connection per published database version, a cursor per query.

The ETL publishes by repointing a symlink at a new file (etl/publish.py). Resolving that link on
every call gives the version in use; it keys both the connection and every cached result, so a new
build is picked up on the next rerun without a restart, and no result mixes two versions.
"""

from __future__ import annotations

import os

import duckdb
import pandas as pd
import streamlit as st

import paths


class DatabaseUnavailable(Exception):
    """The published database is missing or cannot be opened right now."""


def current_version() -> str:
    """The real path of the published database file: the version every query of this run uses."""
    published = paths.db_path()
    real = os.path.realpath(published)
    if not os.path.isfile(real):
        raise DatabaseUnavailable(f"no database at {published}")
    return real


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(version: str) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(version, read_only=True)


def query(version: str, sql: str, params: list | dict | None = None) -> pd.DataFrame:
    """Run one parameterised query against ``version`` and return its rows."""
    try:
        with _connection(version).cursor() as cursor:
            return cursor.execute(sql, params or []).df()
    except duckdb.IOException as error:
        _connection.clear()
        raise DatabaseUnavailable(str(error)) from error
