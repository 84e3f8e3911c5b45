"""Progress by ministry: who leads or supports each supported recommendation, and its latest status.

Everything here is about the *supported* recommendations among those the reader's filters select:
noted ones are not assigned to ministries. "Latest status" is the latest assessment of each assessor
(``filtering.latest``: now, or on the selection's ``as_of`` day); "stalled" means nobody had assessed
it for a year or more on that day (today, or ``as_of``).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import assessments, latest, where
from dashboard.db import query
from dashboard.view import Selection
from vocab import MOVED_STATUSES

STALE_DAYS = 365
MOVED = MOVED_STATUSES

# The ministry's name in the reader's language: Khmer when asked for and present, never blank.
# Its one parameter is the language code.
NAME = "CASE WHEN ? = 'km' AND coalesce(trim(m.name_km), '') <> '' THEN m.name_km ELSE m.name END"

# One row per supported recommendation of the filtered set (fixed fragments; ``_supported`` fills
# them in and gives their parameters).
_SUPPORTED = (
    "lat AS (SELECT * FROM {latest}), "
    "seen AS (SELECT recommendation_id, max(date) AS last_assessed FROM {known} p GROUP BY recommendation_id), "
    "sup AS (SELECT r.id, r.cycle, r.document, r.paragraph, r.text, r.source, r.illustrative FROM recommendations r "
    "WHERE {condition} AND r.response = 'supported'), "
    "gov AS (SELECT recommendation_id, status, date, source FROM lat WHERE assessor = 'government'), "
    "cs AS (SELECT recommendation_id, status, date, source FROM lat WHERE assessor = 'civil_society'), "
    "status AS (SELECT sup.*, gov.status AS government_status, gov.date AS government_date, "
    "gov.source AS government_source, cs.status AS civil_society_status, cs.date AS civil_society_date, "
    "cs.source AS civil_society_source, seen.last_assessed, "
    "date_diff('day', seen.last_assessed, ?::DATE) AS days_since_update "
    "FROM sup LEFT JOIN gov ON gov.recommendation_id = sup.id LEFT JOIN cs ON cs.recommendation_id = sup.id "
    "LEFT JOIN seen ON seen.recommendation_id = sup.id)"
)


def _supported(f: Selection, today: date) -> tuple[str, list]:
    """The CTEs of ``_SUPPORTED`` for ``f`` and their parameters, in order. Days since the last
    assessment count to ``f.as_of`` when the reader looks at a past day, else to ``today``."""
    condition, params = where(f)
    relation, latest_params = latest(f.as_of)
    known, known_params = assessments(f.as_of)
    sql = _SUPPORTED.format(latest=relation, known=known, condition=condition)
    return sql, [*latest_params, *known_params, *params, f.as_of or today]


@st.cache_data(show_spinner=False, max_entries=128)
def assignments(version: str, f: Selection, lang: str, today: date) -> pd.DataFrame:
    """One row per (ministry, supported recommendation, role), with both assessors' latest status.

    When the reader picked ministries, only those ministries' rows are kept (the recommendations they
    share with other ministries still count for the picked ones).
    """
    supported, params = _supported(f, today)
    only = ""
    extra: list = []
    if f.ministries:
        only = "WHERE a.ministry_id IN (SELECT unnest(?::VARCHAR[])) "
        extra = [list(f.ministries)]
    sql = (
        "WITH " + supported + " "  # noqa: S608 (fixed fragments; values are parameters)
        f"SELECT a.ministry_id, {NAME} AS ministry, a.role, s.id AS recommendation_id, "
        "s.government_status, s.civil_society_status, s.last_assessed, s.days_since_update, "
        "(s.illustrative OR a.illustrative) AS illustrative "
        "FROM status s JOIN assignments a ON a.recommendation_id = s.id JOIN ministries m ON m.id = a.ministry_id "
        + only
        + "ORDER BY ministry, s.id"
    )
    return query(version, sql, [*params, lang, *extra])


@st.cache_data(show_spinner=False, max_entries=128)
def headline(version: str, f: Selection, today: date) -> dict:
    """The page's figures over the selected supported recommendations: supported, government_moved,
    civil_society_moved (latest status partially or fully implemented) and their ``*_rate`` shares, disagree (both assessed, the
    latest statuses differ), stalled (no assessment for ``STALE_DAYS`` or ever), never_assessed, illustrative."""
    supported, params = _supported(f, today)
    sql = (
        "WITH " + supported + " "  # noqa: S608 (fixed fragments; values are parameters)
        "SELECT count(*) AS supported, "
        "count(*) FILTER (WHERE government_status IN (SELECT unnest(?::VARCHAR[]))) AS government_moved, "
        "count(*) FILTER (WHERE civil_society_status IN (SELECT unnest(?::VARCHAR[]))) AS civil_society_moved, "
        "count(*) FILTER (WHERE government_status <> civil_society_status) AS disagree, "
        "count(*) FILTER (WHERE last_assessed IS NULL OR days_since_update >= ?) AS stalled, "
        "count(*) FILTER (WHERE last_assessed IS NULL) AS never_assessed, "
        "count(*) FILTER (WHERE illustrative) AS illustrative FROM status"
    )
    row = query(version, sql, [*params, list(MOVED), list(MOVED), STALE_DAYS]).iloc[0]
    counts = {key: int(value) for key, value in row.items()}
    for who in ("government", "civil_society"):  # shares of the supported ones (None when there are none)
        counts[f"{who}_moved_rate"] = (
            counts[f"{who}_moved"] / counts["supported"] if counts["supported"] else None
        )
    return counts


def per_ministry(pairs: pd.DataFrame, role: str) -> pd.DataFrame:
    """Each ministry's load (leads, supports) and, over the recommendations it leads (``role="lead"``)
    or leads or supports (``"all"``): how many each assessor says moved, how many they disagree on,
    and how many have had no update for a year or more; illustrative_rows: how many of the ministry's
    assignments (the rows this line counts) are illustrative."""
    if pairs.empty:
        return pd.DataFrame(
            columns=["ministry_id", "ministry", "lead", "supporting", "counted", "illustrative_rows"]
        )
    counted = pairs if role == "all" else pairs[pairs["role"] == "lead"]
    load = pairs.groupby(["ministry_id", "ministry"], as_index=False).agg(
        lead=("role", lambda s: int((s == "lead").sum())),
        supporting=("role", lambda s: int((s == "supporting").sum())),
        illustrative_rows=("illustrative", lambda s: int(s.fillna(False).astype(bool).sum())),
    )
    counted = counted.assign(
        gov_moved=counted["government_status"].isin(MOVED),
        cs_moved=counted["civil_society_status"].isin(MOVED),
        disagree=counted["government_status"].notna()
        & counted["civil_society_status"].notna()
        & (counted["government_status"] != counted["civil_society_status"]),
        stalled=counted["last_assessed"].isna() | (counted["days_since_update"] >= STALE_DAYS),
    )
    progress = counted.groupby("ministry_id", as_index=False).agg(
        counted=("recommendation_id", "nunique"),
        government_moved=("gov_moved", "sum"),
        civil_society_moved=("cs_moved", "sum"),
        disagree=("disagree", "sum"),
        stalled=("stalled", "sum"),
    )
    table = load.merge(progress, on="ministry_id", how="left").fillna(0)
    for column in ("counted", "government_moved", "civil_society_moved", "disagree", "stalled"):
        table[column] = table[column].astype(int)
    table = table[[c for c in table.columns if c != "illustrative_rows"] + ["illustrative_rows"]]
    return table.sort_values(["lead", "supporting", "ministry"], ascending=[False, False, True])


def status_counts(pairs: pd.DataFrame, role: str, assessor: str) -> pd.DataFrame:
    """Per ministry and status, how many of its recommendations ``assessor`` last rated so
    (``not_assessed`` when that assessor never did)."""
    counted = pairs if role == "all" else pairs[pairs["role"] == "lead"]
    status = counted[f"{assessor}_status"].fillna("not_assessed")
    return (
        counted.assign(status=status)
        .groupby(["ministry_id", "ministry", "status"], as_index=False)
        .agg(count=("recommendation_id", "nunique"))
    )


@st.cache_data(show_spinner=False, max_entries=128)
def recommendations(version: str, f: Selection, lang: str, today: date) -> pd.DataFrame:
    """One row per supported recommendation of the filtered set: lead and supporting ministries,
    each assessor's latest status and its date, and when anybody last assessed it."""
    supported, params = _supported(f, today)
    sql = (
        "WITH " + supported + ", "  # noqa: S608 (fixed fragments; values are parameters)
        f"names AS (SELECT a.recommendation_id, a.role, {NAME} AS ministry "
        "FROM assignments a JOIN ministries m ON m.id = a.ministry_id) "
        "SELECT s.id, s.cycle, s.document, s.paragraph, "
        "(SELECT first(ministry) FROM names WHERE names.recommendation_id = s.id AND names.role = 'lead') AS lead_ministry, "
        "(SELECT string_agg(ministry, ', ' ORDER BY ministry) FROM names "
        "WHERE names.recommendation_id = s.id AND names.role = 'supporting') AS supporting_ministries, "
        "s.government_status, s.government_date, s.civil_society_status, s.civil_society_date, "
        "s.government_source, s.civil_society_source, s.last_assessed, s.days_since_update, s.text, s.source, "
        "s.illustrative "
        "FROM status s ORDER BY s.cycle, s.id"
    )
    return query(version, sql, [*params, lang])


def disagreements(recs: pd.DataFrame) -> pd.DataFrame:
    """Recommendations whose latest government status differs from the latest civil-society one,
    with where to read them (document, paragraph), both statuses and their dates."""
    both = recs["government_status"].notna() & recs["civil_society_status"].notna()
    rows = recs[both & (recs["government_status"] != recs["civil_society_status"])]
    return rows[
        [
            "id",
            "document",
            "paragraph",
            "lead_ministry",
            "government_status",
            "government_date",
            "civil_society_status",
            "civil_society_date",
            "text",
            "government_source",
            "civil_society_source",
            "source",
            "illustrative",
        ]
    ]


def stalled(recs: pd.DataFrame) -> pd.DataFrame:
    """Recommendations nobody has assessed for a year or more, or ever (``never_assessed`` says which)."""
    rows = recs[recs["last_assessed"].isna() | (recs["days_since_update"] >= STALE_DAYS)]
    return rows.assign(never_assessed=rows["last_assessed"].isna())[
        [
            "id",
            "document",
            "paragraph",
            "never_assessed",
            "last_assessed",
            "days_since_update",
            "lead_ministry",
            "supporting_ministries",
            "government_status",
            "civil_society_status",
            "text",
            "source",
            "illustrative",
        ]
    ]
