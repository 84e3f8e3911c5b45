"""Headline figures: each review's counts beside its official totals, and the data's freshness."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data.filtering import where
from dashboard.db import query
from dashboard.view import Selection


@st.cache_data(show_spinner=False, max_entries=64)
def reviews(version: str, sur: str, cycle: int | None = None) -> pd.DataFrame:
    """One row per cycle of ``sur`` (only ``cycle`` if given): loaded counts, official totals (the
    ``official_*`` columns, empty where none are published), whether they reconcile, document and year,
    rate (supported ÷ answered: supported + noted) and difference (received − official received);
    ``rejected``/``official_rejected``: the noted a source calls rejected; ``pending``, ``unclassified``;
    illustrative_rows: how many of the loaded recommendations are illustrative."""
    return query(
        version,
        "SELECT rc.*, rc.supported / nullif(rc.supported + rc.noted, 0) AS rate, "
        "rc.received - rc.official_received AS difference, (SELECT any_value(document) FROM recommendations r WHERE r.state_under_review = rc.state_under_review "
        "AND r.cycle = rc.cycle) AS document, "
        "(SELECT any_value(year) FROM recommendations r WHERE r.state_under_review = rc.state_under_review "
        "AND r.cycle = rc.cycle) AS year, "
        "(SELECT count(*) FILTER (WHERE r.illustrative) FROM recommendations r "
        "WHERE r.state_under_review = rc.state_under_review AND r.cycle = rc.cycle) AS illustrative_rows "
        "FROM reconciliation rc WHERE rc.state_under_review = ? AND (?::INTEGER IS NULL OR rc.cycle = ?) "
        "ORDER BY rc.cycle",
        [sur, cycle, cycle],
    )


@st.cache_data(show_spinner=False, max_entries=256)
def headline(version: str, f: Selection) -> dict:
    """Counts for the selected recommendations: received, supported, noted, pending (awaiting the
    government's answer), unclassified (a position an importer could not read), answered (supported +
    noted), recommending_states, illustrative (rows), and rate: supported ÷ answered (None when none is
    answered). Acceptance is counted over answered recommendations only."""
    condition, params = where(f)
    row = query(
        version,
        f"WITH f AS (SELECT * FROM recommendations r WHERE {condition}) "  # noqa: S608 (values are parameters)
        "SELECT count(*) AS received, count(*) FILTER (WHERE response = 'supported') AS supported, "
        "count(*) FILTER (WHERE response = 'noted') AS noted, count(*) FILTER (WHERE illustrative) AS illustrative, "
        "count(*) FILTER (WHERE response = 'pending') AS pending, "
        "count(*) FILTER (WHERE response = 'unclassified') AS unclassified, "
        "count(*) FILTER (WHERE response IN ('supported', 'noted')) AS answered, "
        "(SELECT count(DISTINCT s) FROM (SELECT unnest(recommending_states) AS s FROM f)) AS recommending_states, "
        "count(*) FILTER (WHERE response = 'supported') "
        "/ nullif(count(*) FILTER (WHERE response IN ('supported', 'noted')), 0) AS rate "
        "FROM f",
        params,
    )
    return row.iloc[0].to_dict()


@st.cache_data(show_spinner=False, max_entries=256)
def plan_coverage(version: str, f: Selection) -> dict[str, int]:
    """Of the selected supported recommendations (``supported``), how many at least one action of the
    government's plan answers (``with_plan``; the rest have no plan), and of those how many are answered
    by an illustrative (made-up) action (``illustrative_plan``)."""
    condition, params = where(f)
    row = query(
        version,
        "SELECT count(*) AS supported, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM action_recommendations ar "  # noqa: S608 (values are parameters)
        "WHERE ar.recommendation_id = r.id)) AS with_plan, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "
        "action_recommendations ar JOIN actions a ON a.id = ar.action_id WHERE ar.recommendation_id = r.id "
        f"AND a.illustrative)) AS illustrative_plan FROM recommendations r WHERE {condition} "
        "AND r.response = 'supported'",
        params,
    ).iloc[0]
    return {key: int(value) for key, value in row.items()}


def official(version: str, f: Selection) -> dict | None:
    """The official totals of the selected review (one cycle), or None: for all cycles, or none published."""
    if f.cycle is None:
        return None
    rows = reviews(version, f.state_under_review, f.cycle)
    if rows.empty or pd.isna(rows.iloc[0]["official_received"]):
        return None
    return rows.iloc[0].to_dict()


@st.cache_data(show_spinner=False, max_entries=8)
def build_info(version: str) -> dict:
    """When the database was built and the date of its latest assessment (every page's source line)."""
    return query(version, "SELECT built_at, latest_assessment FROM build_info").iloc[0].to_dict()
