"""Headline figures: each review's counts beside its official totals, and the data's freshness."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.data.filtering import where
from dashboard.db import query
from dashboard.filters import Filters


@st.cache_data(show_spinner=False, max_entries=64)
def reviews(version: str, sur: str) -> pd.DataFrame:
    """One row per cycle of ``sur``: loaded counts, official totals, and whether they reconcile."""
    return query(
        version,
        "SELECT rc.*, (SELECT any_value(document) FROM recommendations r WHERE r.state_under_review = rc.state_under_review "
        "AND r.cycle = rc.cycle) AS document, "
        "(SELECT any_value(year) FROM recommendations r WHERE r.state_under_review = rc.state_under_review "
        "AND r.cycle = rc.cycle) AS year "
        "FROM reconciliation rc WHERE rc.state_under_review = ? ORDER BY rc.cycle",
        [sur],
    )


@st.cache_data(show_spinner=False, max_entries=256)
def headline(version: str, f: Filters) -> dict:
    """Counts for the filtered recommendations: received, supported, noted, states, illustrative rows."""
    condition, params = where(f)
    row = query(
        version,
        f"WITH f AS (SELECT * FROM recommendations r WHERE {condition}) "  # noqa: S608 (values are parameters)
        "SELECT count(*) AS received, count(*) FILTER (WHERE response = 'supported') AS supported, "
        "count(*) FILTER (WHERE response = 'noted') AS noted, count(*) FILTER (WHERE illustrative) AS illustrative, "
        "(SELECT count(DISTINCT s) FROM (SELECT unnest(recommending_states) AS s FROM f)) AS recommending_states "
        "FROM f",
        params,
    )
    return row.iloc[0].to_dict()


@st.cache_data(show_spinner=False, max_entries=8)
def build_info(version: str) -> dict:
    """When the database was built and the date of its latest assessment (every page's source line)."""
    return query(version, "SELECT built_at, latest_assessment FROM build_info").iloc[0].to_dict()


@st.cache_data(show_spinner=False, max_entries=256)
def per_cycle(version: str, f: Filters) -> pd.DataFrame:
    """Supported and noted per cycle for every filter but the cycle, beside each cycle's official total."""
    condition, params = where(replace(f, cycle=None))
    return query(
        version,
        "SELECT r.cycle, count(*) AS received, count(*) FILTER (WHERE r.response = 'supported') AS supported, "  # noqa: S608 (values are parameters)
        "count(*) FILTER (WHERE r.response = 'noted') AS noted, count(*) FILTER (WHERE r.illustrative) AS illustrative, "
        "any_value(o.received) AS official_received "
        "FROM recommendations r LEFT JOIN official_totals o ON o.state_under_review = r.state_under_review "
        f"AND o.cycle = r.cycle WHERE {condition} GROUP BY r.cycle ORDER BY r.cycle",
        params,
    )
