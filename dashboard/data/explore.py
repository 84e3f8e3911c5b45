"""The Explorer: the recommendations the filters (and the search box) select, and one in full."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import STATES_CELL, THEMES_CELL, latest, where
from dashboard.data.ministries import NAME
from dashboard.db import query
from dashboard.view import Selection

# Report order: cycle, then paragraph 118.2 before 118.10, then the id (illustrative rows have no paragraph).
ORDER = (
    "r.cycle, try_cast(split_part(r.paragraph, '.', 1) AS INTEGER) NULLS LAST, "
    "try_cast(split_part(r.paragraph, '.', 2) AS INTEGER) NULLS LAST, r.id"
)


@st.cache_data(show_spinner=False, max_entries=128)
def matches(version: str, f: Selection, lang: str) -> pd.DataFrame:
    """The filtered recommendations, one row each, with lead ministry and both latest statuses (as
    they stood on ``f.as_of`` when the reader chose a day).

    Lists (states, themes) are joined with " | " as in data/*.csv, so the table and its CSV agree.
    """
    condition, params = where(f)
    relation, latest_params = latest(f.as_of)
    sql = (
        f"WITH lat AS (SELECT * FROM {relation}) "  # noqa: S608 (fixed fragments; values are parameters)
        f"SELECT r.id, r.cycle, r.document, r.paragraph, "
        f"{STATES_CELL}, r.response, r.response_label, "
        f"{THEMES_CELL}, r.action_category, "
        f"(SELECT first({NAME}) FROM assignments a JOIN ministries m ON m.id = a.ministry_id "
        "WHERE a.recommendation_id = r.id AND a.role = 'lead') AS lead_ministry, "
        "(SELECT first(status) FROM lat WHERE lat.recommendation_id = r.id "
        "AND lat.assessor = 'government') AS government_status, "
        "(SELECT first(status) FROM lat WHERE lat.recommendation_id = r.id "
        "AND lat.assessor = 'civil_society') AS civil_society_status, "
        f"r.text, r.source, r.illustrative FROM recommendations r WHERE {condition} ORDER BY {ORDER}"
    )
    return query(version, sql, [*latest_params, lang, *params])


@st.cache_data(show_spinner=False, max_entries=256)
def recommendation(version: str, rec_id: str) -> dict | None:
    """Every field of one recommendation, or None when there is no such id.

    Lists come as Python lists and a missing value as None (never NaN), so callers can test truth.
    """
    rows = query(version, "SELECT * FROM recommendations WHERE id = ?", [rec_id])
    if rows.empty:
        return None
    row = {}
    for key, value in rows.iloc[0].to_dict().items():
        if key in ("recommending_states", "themes", "sdgs", "affected_persons"):
            row[key] = [] if value is None else list(value)
        else:
            row[key] = None if pd.isna(value) else value
    return row


@st.cache_data(show_spinner=False, max_entries=256)
def ministries_of(version: str, rec_id: str, lang: str) -> pd.DataFrame:
    """The institutions assigned to one recommendation: lead first."""
    return query(
        version,
        f"SELECT {NAME} AS ministry, a.role, a.source, a.illustrative "  # noqa: S608 (fixed fragment)
        "FROM assignments a JOIN ministries m ON m.id = a.ministry_id "
        "WHERE a.recommendation_id = ? ORDER BY a.role, ministry",
        [lang, rec_id],
    )


@st.cache_data(show_spinner=False, max_entries=256)
def history(version: str, rec_id: str, as_of: date | None = None) -> pd.DataFrame:
    """Every assessment of one recommendation, oldest first (up to ``as_of`` when given)."""
    return query(
        version,
        "SELECT date, assessor, status, summary, evidence_url, source, illustrative "
        "FROM progress WHERE recommendation_id = ? AND (?::DATE IS NULL OR date <= ?::DATE) "
        "ORDER BY date, assessor",
        [rec_id, as_of, as_of],
    )
