"""Progress by ministry, over time and by goal: the Ministries page's sections on how statuses moved
quarter by quarter, and where each Sustainable Development Goal stands.

Both count the *supported* recommendations the reader's filters select (as dashboard/data/ministries.py
does), each once. A status "at the end of a quarter" is the latest assessment on or before its last
day (the rule of ``latest_assessments``: latest date, then status), so the last quarter shows the
statuses of the page itself (on the selection's ``as_of``, or now).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import SDG_GOALS_OF_R, latest, where
from dashboard.db import query
from dashboard.view import Selection

NOT_ASSESSED = "not_assessed"


@st.cache_data(show_spinner=False, max_entries=128)
def status_by_quarter(version: str, f: Selection, today: date) -> pd.DataFrame:
    """Per quarter and assessor, how many selected supported recommendations had each status at the
    quarter's end.

    Quarters run from the first assessment of these recommendations to the quarter of ``f.as_of``
    (or ``today``); the last one ends on that day. Columns: quarter (its first day), quarter_end,
    assessor (those who assessed any of them), status (``not_assessed`` before that assessor's first
    assessment of a recommendation), count, illustrative_rows (how many of those are illustrative).
    Empty when none of them was ever assessed.
    """
    condition, params = where(f)
    day = f.as_of or today
    frame = query(
        version,
        f"WITH sup AS (SELECT r.id, r.illustrative FROM recommendations r WHERE {condition} AND r.response = 'supported'), "  # noqa: S608 (fixed fragments; values are parameters)
        # One status per recommendation, assessor and day (two on one day: the first status, as
        # latest_assessments takes it), up to the view's day.
        "hist AS (SELECT p.recommendation_id, p.assessor, p.date, min(p.status) AS status FROM progress p "
        "JOIN sup ON sup.id = p.recommendation_id WHERE p.date <= ?::DATE GROUP BY ALL), "
        "quarters AS (SELECT CAST(q AS DATE) AS quarter, "
        "least(CAST(q + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE), ?::DATE) AS quarter_end "
        "FROM (SELECT unnest(generate_series(date_trunc('quarter', (SELECT min(date) FROM hist)), "
        "date_trunc('quarter', ?::DATE), INTERVAL 3 MONTH)) AS q)), "
        "grid AS (SELECT q.quarter, q.quarter_end, a.assessor, s.id, s.illustrative FROM quarters q "
        "CROSS JOIN (SELECT DISTINCT assessor FROM hist) a CROSS JOIN sup s) "
        "SELECT g.quarter, g.quarter_end, g.assessor, coalesce(h.status, ?) AS status, count(*) AS count, "
        "count(*) FILTER (WHERE g.illustrative) AS illustrative_rows "
        "FROM grid g ASOF LEFT JOIN hist h ON h.recommendation_id = g.id AND h.assessor = g.assessor "
        "AND g.quarter_end >= h.date GROUP BY ALL ORDER BY g.quarter, g.assessor, status",
        [*params, day, day, day, NOT_ASSESSED],
    )
    return frame.astype({"count": "int64", "illustrative_rows": "int64"})


def wide(frame: pd.DataFrame, statuses: tuple[str, ...]) -> pd.DataFrame:
    """``status_by_quarter`` as one row per quarter and assessor, one column per status (0 when none),
    and illustrative_rows (how many of the line's recommendations are illustrative)."""
    if frame.empty:
        return pd.DataFrame(columns=["quarter", "quarter_end", "assessor", *statuses, "illustrative_rows"])
    keys = ["quarter", "quarter_end", "assessor"]
    # One row per (quarter, assessor, status) already: an unstack, not pivot_table's aggregation.
    table = frame.set_index([*keys, "status"])["count"].unstack("status", fill_value=0)
    table = table.reindex(columns=list(statuses), fill_value=0)
    table["illustrative_rows"] = frame.groupby(keys)["illustrative_rows"].sum()
    table = table.reset_index()
    table.columns.name = None
    return table[[*keys, *statuses, "illustrative_rows"]].astype({s: "int64" for s in statuses})


@st.cache_data(show_spinner=False, max_entries=128)
def status_by_goal(version: str, f: Selection, today: date) -> pd.DataFrame:
    """Per SDG goal and assessor (government, civil society), how many of the selected supported
    recommendations naming that goal had each latest status (on ``f.as_of``, or now;
    ``not_assessed`` when that assessor never assessed one).

    A recommendation naming several goals counts once for each. Columns: goal ("1"–"17"), assessor,
    status, count, illustrative_rows; goals in numeric order. Empty when none of them names a goal.
    """
    condition, params = where(f)
    relation, latest_params = latest(f.as_of)
    frame = query(
        version,
        f"WITH lat AS (SELECT * FROM {relation}), "  # noqa: S608 (fixed fragments; values are parameters)
        f"sup AS (SELECT r.id, r.illustrative, g.goal FROM recommendations r CROSS JOIN unnest({SDG_GOALS_OF_R}) AS g(goal) "
        f"WHERE {condition} AND r.response = 'supported'), "
        "who AS (SELECT unnest(['government', 'civil_society']) AS assessor) "
        "SELECT s.goal, w.assessor, coalesce(l.status, ?) AS status, count(*) AS count, "
        "count(*) FILTER (WHERE s.illustrative) AS illustrative_rows, "
        "CAST(s.goal AS INTEGER) AS n "
        "FROM sup s CROSS JOIN who w LEFT JOIN lat l ON l.recommendation_id = s.id AND l.assessor = w.assessor "
        "GROUP BY ALL ORDER BY n, assessor, status",
        [*latest_params, *params, NOT_ASSESSED],
    )
    return frame.drop(columns=["n"]).astype({"count": "int64", "illustrative_rows": "int64"})
