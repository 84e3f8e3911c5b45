"""The Explorer: the recommendations the filters (and the search box) select, and one in full."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import STATES_CELL, THEMES_CELL, latest, where
from dashboard.data.ministries import NAME
from dashboard.data.plan_rules import judged_on, state_sql
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


@st.cache_data(show_spinner=False, max_entries=256)
def plan_of(version: str, rec_id: str, lang: str, f: Selection) -> pd.DataFrame:
    """The actions of the government's plan answering one recommendation, and their indicators: one row
    per action and indicator (an action with none has one row, its indicator columns empty).

    Columns: action_id, ministry, action, start_date, due_date, plan_state (by civil society's latest
    assessment, judged on ``f``'s day: its ``as_of``, else its ``today``), government_plan_state,
    indicator, unit, baseline, latest_value (on or before ``f.as_of`` if chosen), target, target_date,
    source (the action's), illustrative.
    """
    relation, relation_params = latest(f.as_of)
    day = judged_on(f)
    return query(
        version,
        f"WITH lat AS (SELECT * FROM {relation}) "  # noqa: S608 (fixed fragments)
        f"SELECT a.id AS action_id, {NAME} AS ministry, a.description AS action, a.start_date, a.due_date, "
        f"{state_sql('lat')} AS plan_state, {state_sql('lat', 'government')} AS government_plan_state, "
        "i.description AS indicator, i.unit, i.baseline, (SELECT v.value FROM indicator_values v "
        "WHERE v.indicator_id = i.id AND (?::DATE IS NULL OR v.date <= ?) ORDER BY v.date DESC, v.reported_by "
        "LIMIT 1) AS latest_value, i.target, i.target_date, a.source, "
        "(a.illustrative OR coalesce(i.illustrative, false)) AS illustrative "
        "FROM action_recommendations ar JOIN actions a ON a.id = ar.action_id "
        "JOIN ministries m ON m.id = a.ministry_id LEFT JOIN indicators i ON i.action_id = a.id "
        "WHERE ar.recommendation_id = ? ORDER BY a.due_date, a.id, i.id",
        [*relation_params, lang, day, day, f.as_of, f.as_of, rec_id],
    )
