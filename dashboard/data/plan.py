"""The government's plan (/plan): each action's state for each recommendation it answers, the
supported recommendations no action answers, and how the indicators moved.

Everything is about the *supported* recommendations the reader's filters select (only they are
planned for). An action answering two recommendations is one row per recommendation: every count
here counts it once for each (dashboard/data/plan_rules.py says what each state means).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data.filtering import latest, where
from dashboard.data.ministries import NAME
from dashboard.data.plan_rules import judged_on, state_sql
from dashboard.db import query
from dashboard.view import Selection

PAIR_STATES = ("done", "on_track", "overdue")

# The supported recommendations of the selection (parameters: where(f)).
_SUPPORTED = (
    "sup AS (SELECT r.id, r.cycle, r.document, r.paragraph, r.source, r.illustrative FROM recommendations r "
    "WHERE {condition} AND r.response = 'supported')"
)
# An assessor's latest status of a recommendation, from the CTE ``lat`` (``filtering.latest``).
_STATUS = (
    "(SELECT first(status) FROM lat la WHERE la.recommendation_id = {rec} AND la.assessor = '{assessor}')"
)


def _only_picked(f: Selection, column: str) -> tuple[str, list]:
    """Keep the rows of the ministries the reader picked (their shared recommendations still count)."""
    if not f.ministries:
        return "", []
    return f"WHERE {column} IN (SELECT unnest(?::VARCHAR[])) ", [list(f.ministries)]


@st.cache_data(show_spinner=False, max_entries=128)
def pairs(version: str, f: Selection, lang: str) -> pd.DataFrame:
    """One row per (action, supported recommendation it answers), plus one row per supported
    recommendation no action answers (plan_state ``no_plan``, under its lead ministry, if any).

    Columns: ministry_id, ministry (in ``lang``), action_id, action (what will be done), recommendation_id,
    cycle, paragraph, start_date, due_date, plan_state (by civil society's latest assessment),
    government_plan_state (the same rule by the government's), civil_society_status, government_status
    (latest statuses; all on ``f.as_of`` when the reader chose a day, the plan judged on it too),
    source (the action's; the recommendation's where there is no plan), illustrative (the
    recommendation's or the action's row is made up).
    """
    condition, params = where(f)
    relation, relation_params = latest(f.as_of)
    only, picked = _only_picked(f, "p.ministry_id")
    cs = _STATUS.format(rec="sup.id", assessor="civil_society")
    gov = _STATUS.format(rec="sup.id", assessor="government")
    sql = (
        "WITH " + _SUPPORTED.format(condition=condition) + ", "  # noqa: S608 (fixed fragments; values are parameters)
        f"lat AS (SELECT * FROM {relation}), "
        "p AS ("
        "SELECT a.ministry_id, a.id AS action_id, a.description AS action, sup.id AS recommendation_id, "
        f"sup.cycle, sup.paragraph, a.start_date, a.due_date, {state_sql('lat')} AS plan_state, "
        f"{state_sql('lat', 'government')} AS government_plan_state, {cs} AS civil_society_status, "
        f"{gov} AS government_status, a.source, (sup.illustrative OR a.illustrative) AS illustrative "
        "FROM sup JOIN action_recommendations ar ON ar.recommendation_id = sup.id "
        "JOIN actions a ON a.id = ar.action_id "
        "UNION ALL "
        "SELECT (SELECT first(l.ministry_id) FROM assignments l WHERE l.recommendation_id = sup.id "
        "AND l.role = 'lead'), NULL, NULL, sup.id, sup.cycle, sup.paragraph, NULL, NULL, 'no_plan', 'no_plan', "
        f"{cs}, {gov}, sup.source, sup.illustrative FROM sup "
        "WHERE NOT EXISTS (SELECT 1 FROM action_recommendations ar WHERE ar.recommendation_id = sup.id)) "
        f"SELECT p.ministry_id, {NAME} AS ministry, p.action_id, p.action, p.recommendation_id, p.cycle, "
        "p.paragraph, p.start_date, p.due_date, p.plan_state, p.government_plan_state, p.civil_society_status, "
        "p.government_status, p.source, p.illustrative "
        "FROM p LEFT JOIN ministries m ON m.id = p.ministry_id "
        + only
        + "ORDER BY ministry NULLS LAST, p.due_date NULLS LAST, p.action_id, p.recommendation_id"
    )
    day = judged_on(f)
    return query(version, sql, [*params, *relation_params, day, day, lang, *picked])


def headline(frame: pd.DataFrame) -> dict[str, int]:
    """``pairs()`` in figures: actions, pairs (action × recommendation), done, on_track and overdue
    pairs, recommendations with an overdue action (``overdue_recommendations``), no_plan, illustrative
    (recommendations with a made-up row). pairs = done + on_track + overdue."""
    planned = frame[frame["plan_state"] != "no_plan"]
    counts = {state: int((planned["plan_state"] == state).sum()) for state in PAIR_STATES}
    return counts | {
        "actions": int(planned["action_id"].nunique()),
        "pairs": len(planned),
        "overdue_recommendations": int(
            planned.loc[planned["plan_state"] == "overdue", "recommendation_id"].nunique()
        ),
        "no_plan": int((frame["plan_state"] == "no_plan").sum()),
        "illustrative": int(frame.loc[frame["illustrative"], "recommendation_id"].nunique()),
    }


def per_ministry(frame: pd.DataFrame) -> pd.DataFrame:
    """Per ministry: its actions, the recommendations they answer, each state's count of
    (action, recommendation) pairs, and the supported recommendations it leads with no plan.

    Columns: ministry_id, ministry, actions, with_plan, done, on_track, overdue, no_plan,
    illustrative_rows (how many of its rows, pairs and unplanned recommendations, are illustrative); a
    row's done + on_track + overdue is the number of its action-recommendation pairs.
    """
    columns = [
        "ministry_id",
        "ministry",
        "actions",
        "with_plan",
        *PAIR_STATES,
        "no_plan",
        "illustrative_rows",
    ]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    rows = frame.assign(ministry_id=frame["ministry_id"].fillna(""), ministry=frame["ministry"].fillna(""))
    planned = rows["plan_state"] != "no_plan"
    table = rows.groupby(["ministry_id", "ministry"], as_index=False).agg(
        actions=("action_id", "nunique"),
        with_plan=("recommendation_id", lambda s: s[planned.loc[s.index]].nunique()),
        **{
            state: ("plan_state", lambda s, state=state: int((s == state).sum()))
            for state in (*PAIR_STATES, "no_plan")
        },
        illustrative_rows=("illustrative", lambda s: int(s.fillna(False).astype(bool).sum())),
    )
    return table.sort_values(["overdue", "actions"], ascending=[False, False])[columns]


def state_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Per ministry and state (done, on_track, overdue, no_plan), how many rows of ``pairs()``: the
    chart's bars. Columns: ministry, state, count."""
    named = frame.assign(ministry=frame["ministry"].fillna(""), state=frame["plan_state"])
    return named.groupby(["ministry", "state"], as_index=False).agg(count=("recommendation_id", "size"))


@st.cache_data(show_spinner=False, max_entries=128)
def indicators(version: str, f: Selection, lang: str) -> pd.DataFrame:
    """The indicators of the actions answering the selected supported recommendations, one row each.

    Columns: indicator_id, indicator (what is measured), action_id, ministry, unit, baseline,
    baseline_date, latest_value, latest_date, reported_by (of the latest value), target, target_date,
    source, progress (the share of the way from baseline to target the latest value has come; None
    without a baseline or a value), illustrative.
    """
    condition, params = where(f)
    only, picked = _only_picked(f, "a.ministry_id")
    sql = (
        "WITH " + _SUPPORTED.format(condition=condition) + ", "  # noqa: S608 (fixed fragments; values are parameters)
        "acts AS (SELECT DISTINCT a.id, a.ministry_id, a.illustrative FROM actions a "
        "JOIN action_recommendations ar ON ar.action_id = a.id JOIN sup ON sup.id = ar.recommendation_id "
        + only
        + "), "  # noqa: S608 (fixed fragments; values are parameters)
        "latest AS (SELECT indicator_id, value, date, reported_by FROM indicator_values "
        "WHERE ?::DATE IS NULL OR date <= ? "
        "QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY date DESC, reported_by) = 1) "
        f"SELECT i.id AS indicator_id, i.description AS indicator, i.action_id, {NAME} AS ministry, i.unit, "
        "i.baseline, i.baseline_date, l.value AS latest_value, l.date AS latest_date, l.reported_by, "
        "i.target, i.target_date, i.source, "
        "(l.value - i.baseline) / nullif(i.target - i.baseline, 0) AS progress, "
        "(i.illustrative OR acts.illustrative) AS illustrative "
        "FROM indicators i JOIN acts ON acts.id = i.action_id JOIN ministries m ON m.id = acts.ministry_id "
        "LEFT JOIN latest l ON l.indicator_id = i.id ORDER BY ministry, i.action_id, i.id"
    )
    return query(version, sql, [*params, *picked, f.as_of, f.as_of, lang])


@st.cache_data(show_spinner=False, max_entries=256)
def series(version: str, indicator_id: str, as_of=None) -> pd.DataFrame:
    """One indicator from baseline through every reported value (up to ``as_of``, a date, when given)
    to its target, by date.

    Columns: kind (baseline, value or target), date, value, reported_by (values only), source,
    illustrative. The baseline is left out when the plan gives none.
    """
    return query(
        version,
        "SELECT 'baseline' AS kind, baseline_date AS date, baseline AS value, NULL AS reported_by, source, "
        "illustrative FROM indicators WHERE id = ? AND baseline IS NOT NULL "
        "UNION ALL SELECT 'value', date, value, reported_by, source, illustrative FROM indicator_values "
        "WHERE indicator_id = ? AND (?::DATE IS NULL OR date <= ?) "
        "UNION ALL SELECT 'target', target_date, target, NULL, source, illustrative FROM indicators WHERE id = ? "
        "ORDER BY date, kind",
        [indicator_id, indicator_id, as_of, as_of, indicator_id],
    )


@st.cache_data(show_spinner=False, max_entries=64)
def template_rows(version: str, sur: str, cycle: int | None, ministry_id: str) -> pd.DataFrame:
    """The supported recommendations of one review assigned to ``ministry_id``: what its plan template
    lists. Columns: id, cycle, document, paragraph, text, role, illustrative (report order)."""
    return query(
        version,
        "SELECT r.id, r.cycle, r.document, r.paragraph, r.text, a.role, r.illustrative "
        "FROM recommendations r JOIN assignments a ON a.recommendation_id = r.id "
        "WHERE r.state_under_review = ? AND (?::INTEGER IS NULL OR r.cycle = ?) AND r.response = 'supported' "
        "AND a.ministry_id = ? "
        "ORDER BY r.cycle, try_cast(split_part(r.paragraph, '.', 1) AS INTEGER) NULLS LAST, "
        "try_cast(split_part(r.paragraph, '.', 2) AS INTEGER) NULLS LAST, r.id",
        [sur, cycle, cycle, ministry_id],
    )
