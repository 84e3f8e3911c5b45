"""The noted recommendations of the filtered view: the list, with each one's latest assessments."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.data.filtering import STATES_CELL, THEMES_CELL, latest, where
from dashboard.db import query
from dashboard.view import Selection


def only_noted(f: Selection) -> Selection:
    """The reader's filters with the response fixed to noted (this page's subject)."""
    return replace(f, response="noted")


@st.cache_data(show_spinner=False, max_entries=128)
def recommendations(version: str, f: Selection) -> pd.DataFrame:
    """The noted recommendations ``f`` selects, in report order, with their latest assessments.

    Columns: id, cycle, document, paragraph, recommending_states, themes, response_label,
    wg_position, action_category, text (empty when the source has none), civil-society and
    government status with dates, source, illustrative.
    """
    condition, params = where(only_noted(f))
    relation, latest_params = latest(f.as_of)
    return query(
        version,
        f"WITH lat AS (SELECT * FROM {relation}) "  # noqa: S608 (fixed fragments; values are parameters)
        "SELECT r.id, r.cycle, r.document, r.paragraph, "
        f"{STATES_CELL}, "
        f"{THEMES_CELL}, r.response_label, r.wg_position, r.action_category, "
        "r.text, cs.status AS civil_society_status, cs.date AS civil_society_date, "
        "gov.status AS government_status, gov.date AS government_date, r.source, r.illustrative "
        "FROM recommendations r "
        "LEFT JOIN lat cs ON cs.recommendation_id = r.id AND cs.assessor = 'civil_society' "
        "LEFT JOIN lat gov ON gov.recommendation_id = r.id AND gov.assessor = 'government' "
        f"WHERE {condition} "
        "ORDER BY r.cycle, r.document, try_cast(split_part(r.paragraph, '.', 1) AS INTEGER), "
        "try_cast(split_part(r.paragraph, '.', 2) AS INTEGER), r.id",
        [*latest_params, *params],
    )


@st.cache_data(show_spinner=False, max_entries=128)
def wg_positions(version: str, f: Selection) -> pd.DataFrame:
    """How the Working Group report first listed the noted recommendations, where a source says so."""
    condition, params = where(only_noted(f))
    return query(
        version,
        "SELECT r.cycle, r.wg_position, count(*) AS noted FROM recommendations r "  # noqa: S608 (values are parameters)
        f"WHERE {condition} AND r.wg_position IS NOT NULL GROUP BY ALL ORDER BY r.cycle, noted DESC",
        params,
    )


@st.cache_data(show_spinner=False, max_entries=128)
def official_notes(version: str, f: Selection) -> list[str]:
    """The notes of the official totals of the cycles that have noted recommendations in the selection."""
    condition, params = where(only_noted(f))
    return query(
        version,
        "SELECT o.note FROM official_totals o WHERE o.note IS NOT NULL AND o.state_under_review = ? "  # noqa: S608 (values are parameters)
        f"AND o.cycle IN (SELECT r.cycle FROM recommendations r WHERE {condition}) ORDER BY o.cycle",
        [f.state_under_review, *params],
    )["note"].tolist()
