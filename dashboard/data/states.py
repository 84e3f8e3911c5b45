"""What recommending states asked for: a ranking of all of them, and the recommendations of some.

A joint recommendation belongs to each of its states: it counts once in each state's row, and once
in a profile of several states together.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data.filtering import STATES_CELL, THEMES_CELL, chosen_themes, where
from dashboard.db import query
from dashboard.view import Selection


@st.cache_data(show_spinner=False, max_entries=128)
def ranking(version: str, f: Selection) -> pd.DataFrame:
    """One row per recommending state in the view, most recommendations first.

    Columns: state, regional_group, received, supported, noted, rate, cycles (e.g. "1, 3"),
    joint (how many were made with other states), illustrative_rows. When the reader chose states
    or a regional group, only those states are listed (not their joint partners).
    """
    condition, params = where(f)
    own, own_params = [], []
    if f.recommending_states:
        own.append("rs.state IN (SELECT unnest(?::VARCHAR[]))")
        own_params.append(list(f.recommending_states))
    if f.regional_group:
        own.append("s.regional_group = ?")
        own_params.append(f.regional_group)
    frame = query(
        version,
        "SELECT rs.state, s.regional_group, count(*) AS received, "  # noqa: S608 (fixed fragments; values are parameters)
        "count(*) FILTER (WHERE r.response = 'supported') AS supported, "
        "count(*) FILTER (WHERE r.response = 'noted') AS noted, "
        "string_agg(DISTINCT CAST(r.cycle AS VARCHAR), ', ' ORDER BY CAST(r.cycle AS VARCHAR)) AS cycles, "
        "count(*) FILTER (WHERE len(r.recommending_states) > 1) AS joint, "
        "count(*) FILTER (WHERE r.illustrative) AS illustrative_rows "
        "FROM recommendations r JOIN recommendation_states rs ON rs.recommendation_id = r.id "
        "JOIN states s ON s.name = rs.state "
        f"WHERE {condition}{''.join(' AND ' + c for c in own)} "
        "GROUP BY ALL ORDER BY received DESC, supported DESC, rs.state",
        params + own_params,
    )
    counts = ("received", "supported", "noted", "joint", "illustrative_rows")
    frame = frame.astype({c: "int64" for c in counts})
    answered = frame["supported"] + frame["noted"]  # a pending or unread position is in no rate
    return frame.assign(rate=(frame["supported"] / answered).where(answered > 0))


@st.cache_data(show_spinner=False, max_entries=128)
def recommendations(version: str, f: Selection) -> pd.DataFrame:
    """The recommendations ``f`` selects, in report order (one row each, joint ones once).

    Columns: id, cycle, document, paragraph, recommending_states, themes, response, response_label,
    action_category, text (empty when the source has none), source, illustrative.
    """
    condition, params = where(f)
    return query(
        version,
        "SELECT r.id, r.cycle, r.document, r.paragraph, "  # noqa: S608 (values are parameters)
        f"{STATES_CELL}, "
        f"{THEMES_CELL}, r.response, r.response_label, r.action_category, "
        "r.text, r.source, r.illustrative "
        f"FROM recommendations r WHERE {condition} "
        "ORDER BY r.cycle, r.document, try_cast(split_part(r.paragraph, '.', 1) AS INTEGER), "
        "try_cast(split_part(r.paragraph, '.', 2) AS INTEGER), r.id",
        params,
    )


@st.cache_data(show_spinner=False, max_entries=128)
def themes(version: str, f: Selection, limit: int = 20) -> pd.DataFrame:
    """The themes of the recommendations ``f`` selects, most first: theme, supported, noted.

    A recommendation with several themes counts once for each; chosen themes narrow the list to them.
    """
    condition, params = where(f)
    own, own_params = chosen_themes(f)
    params = [*params, *own_params]
    frame = query(
        version,
        "SELECT rt.theme, count(*) FILTER (WHERE r.response = 'supported') AS supported, "  # noqa: S608 (fixed fragments; values are parameters)
        "count(*) FILTER (WHERE r.response = 'noted') AS noted "
        "FROM recommendations r JOIN recommendation_themes rt ON rt.recommendation_id = r.id "
        f"WHERE {condition}{own} GROUP BY rt.theme ORDER BY count(*) DESC, rt.theme LIMIT ?",
        [*params, limit],
    )
    return frame.astype({"supported": "int64", "noted": "int64"})
