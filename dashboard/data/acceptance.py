"""Acceptance rates: how many recommendations were supported, per cycle and per group of them.

A joint recommendation counts once for each of its recommending states and once for each regional
group among them; a recommendation with several themes counts once for each theme, one naming several
SDG goals once for each goal (a target such as 16.3 counts for its goal, 16). Group values the reader
chose in the sidebar (states, a regional group, themes, a goal) narrow their own breakdown, so a joint
partner or a second theme does not appear as if it had been chosen.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

from dashboard.data.filtering import SDG_GOALS_OF_R, chosen_themes, where
from dashboard.db import query
from dashboard.view import Selection

Breakdown = Literal["state", "region", "theme", "action_category", "sdg"]

_COUNTS = (
    "count(DISTINCT r.id) AS received, "
    "count(DISTINCT r.id) FILTER (WHERE r.response = 'supported') AS supported, "
    "count(DISTINCT r.id) FILTER (WHERE r.response = 'noted') AS noted, "
    "count(DISTINCT r.id) FILTER (WHERE r.response NOT IN ('supported', 'noted')) AS unanswered, "
    "count(DISTINCT r.id) FILTER (WHERE r.illustrative) AS illustrative_rows"
)
# Fixed fragments per breakdown: the group expression and the joins it needs.
_GROUPS: dict[str, tuple[str, str]] = {
    "state": (
        "rs.state",
        "JOIN recommendation_states rs ON rs.recommendation_id = r.id JOIN states s ON s.name = rs.state",
    ),
    "region": (
        "s.regional_group",
        "JOIN recommendation_states rs ON rs.recommendation_id = r.id JOIN states s ON s.name = rs.state",
    ),
    "theme": ("rt.theme", "JOIN recommendation_themes rt ON rt.recommendation_id = r.id"),
    "action_category": ("CAST(r.action_category AS VARCHAR)", ""),
    "sdg": ("g.goal", f"CROSS JOIN unnest({SDG_GOALS_OF_R}) AS g(goal)"),
}


def _own_choice(f: Selection, by: str) -> tuple[str, list]:
    """Keep a breakdown to the values the reader chose for that same dimension."""
    clauses, params = [], []
    if by in ("state", "region") and f.recommending_states:
        clauses.append("rs.state IN (SELECT unnest(?::VARCHAR[]))")
        params.append(list(f.recommending_states))
    if by in ("state", "region") and f.regional_group:
        clauses.append("s.regional_group = ?")
        params.append(f.regional_group)
    if by == "sdg" and f.sdg:
        clauses.append("g.goal = ?")
        params.append(f.sdg)
    own, own_params = chosen_themes(f) if by == "theme" else ("", [])
    return "".join(f" AND {c}" for c in clauses) + own, params + own_params


@st.cache_data(show_spinner=False, max_entries=256)
def totals(version: str, f: Selection) -> pd.DataFrame:
    """One row per cycle of the selected recommendations: received, supported, noted, unanswered
    (pending or unclassified), answered, rate (supported ÷ answered), illustrative_rows."""
    condition, params = where(f)
    frame = query(
        version,
        f"SELECT r.cycle, {_COUNTS} FROM recommendations r WHERE {condition} "  # noqa: S608 (values are parameters)
        "GROUP BY r.cycle ORDER BY r.cycle",
        params,
    )
    return _with_rate(frame)


@st.cache_data(show_spinner=False, max_entries=256)
def rates(version: str, f: Selection, by: Breakdown) -> pd.DataFrame:
    """Acceptance per cycle and ``by`` group: cycle, group and the columns of ``totals``.

    Sorted by cycle, then most recommendations first. ``action_category`` groups are "1"–"5", or
    empty when the source gives none; ``sdg`` groups are goals "1"–"17" (a recommendation naming no
    goal is in none of them: ``sdg_coverage`` says how many do).
    """
    group, joins = _GROUPS[by]
    condition, params = where(f)
    own, own_params = _own_choice(f, by)
    frame = query(
        version,
        f"SELECT r.cycle, coalesce({group}, '') AS grp, {_COUNTS} "  # noqa: S608 (fixed fragments; values are parameters)
        f"FROM recommendations r {joins} WHERE {condition}{own} "
        "GROUP BY ALL ORDER BY r.cycle, received DESC, grp",
        params + own_params,
    )
    return _with_rate(frame.rename(columns={"grp": "group"}))


def together(version: str, f: Selection) -> dict:
    """All selected cycles at once: the columns of ``totals`` (rate None when none is answered).

    The sum of ``totals``'s rows, not a query of its own: each recommendation belongs to one cycle,
    so the counts per cycle add up (tests/test_acceptance_data.py holds this to the SQL's count).
    """
    frame = totals(version, f)
    sums = {
        c: int(frame[c].sum()) for c in ("received", "supported", "noted", "unanswered", "illustrative_rows")
    }
    answered = sums["supported"] + sums["noted"]
    return sums | {"answered": answered, "rate": sums["supported"] / answered if answered else None}


@st.cache_data(show_spinner=False, max_entries=256)
def sdg_coverage(version: str, f: Selection) -> dict:
    """How many of the selected recommendations name an SDG goal: with_goal, recommendations."""
    condition, params = where(f)
    row = query(
        version,
        f"SELECT count(*) FILTER (WHERE len({SDG_GOALS_OF_R}) > 0) AS with_goal, count(*) AS recommendations "  # noqa: S608 (fixed fragments; values are parameters)
        f"FROM recommendations r WHERE {condition}",
        params,
    ).iloc[0]
    return {key: int(value) for key, value in row.items()}


def illustrative_rows(version: str, f: Selection) -> int:
    """How many of the selected recommendations are illustrative (for the page's notice)."""
    return int(totals(version, f)["illustrative_rows"].sum())


def _with_rate(frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``answered`` (supported + noted) and ``rate`` = supported ÷ answered (None when none is):
    a recommendation awaiting its answer, or whose position could not be read, is in no rate."""
    counts = ("received", "supported", "noted", "unanswered", "illustrative_rows")
    frame = frame.astype({c: "int64" for c in counts})
    answered = frame["supported"] + frame["noted"]
    return frame.assign(answered=answered, rate=(frame["supported"] / answered).where(answered > 0))
