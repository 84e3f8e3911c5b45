"""About the data: provenance per cycle, what is illustrative, freshness, and the files built from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import overview
from dashboard.db import query


def provenance(version: str, sur: str) -> pd.DataFrame:
    """Per cycle of ``sur``: loaded received/supported/noted beside the official totals, their source and note."""
    columns = ["cycle", "document", "reconciles", "received", "official_received", "supported", "official_supported",
               "noted", "official_noted", "rejected", "official_rejected", "pending", "unclassified",
               "recommending_states", "official_recommending_states", "illustrative_rows",
               "official_source", "official_source_url", "official_note"]  # fmt: skip
    return overview.reviews(version, sur)[columns].rename(
        columns={"official_source": "source", "official_source_url": "source_url", "official_note": "note"}
    )


@st.cache_data(show_spinner=False, max_entries=16)
def recommendation_sources(version: str, sur: str) -> pd.DataFrame:
    """Per cycle of ``sur``, each distinct ``source`` of its recommendations with its row count and how
    many are illustrative (an import's source names the export and its download date)."""
    return query(
        version,
        "SELECT cycle, source, count(*) AS rows, count(*) FILTER (WHERE illustrative) AS illustrative_rows "
        "FROM recommendations WHERE state_under_review = ? GROUP BY ALL ORDER BY cycle, rows DESC, source",
        [sur],
    )


@st.cache_data(show_spinner=False, max_entries=16)
def illustrative_counts(version: str, sur: str) -> pd.DataFrame:
    """For recommendations, assignments, assessments and the government's plan (actions, indicators,
    indicator values) of ``sur``: how many rows, how many illustrative."""
    return query(
        version,
        "WITH r AS (SELECT id, illustrative FROM recommendations WHERE state_under_review = ?) "
        "SELECT 'recommendations' AS rows_of, count(*) AS total, count(*) FILTER (WHERE illustrative) AS illustrative FROM r "
        "UNION ALL SELECT 'assignments', count(*), count(*) FILTER (WHERE a.illustrative) "
        "FROM assignments a JOIN r ON r.id = a.recommendation_id "
        "UNION ALL SELECT 'progress', count(*), count(*) FILTER (WHERE p.illustrative) "
        "FROM progress p JOIN r ON r.id = p.recommendation_id "
        "UNION ALL SELECT 'actions', count(*), count(*) FILTER (WHERE a.illustrative) FROM actions a "
        "WHERE a.id IN (SELECT ar.action_id FROM action_recommendations ar JOIN r ON r.id = ar.recommendation_id) "
        "UNION ALL SELECT 'indicators', count(*), count(*) FILTER (WHERE i.illustrative) FROM indicators i "
        "WHERE i.action_id IN (SELECT ar.action_id FROM action_recommendations ar JOIN r ON r.id = ar.recommendation_id) "
        "UNION ALL SELECT 'indicator_values', count(*), count(*) FILTER (WHERE v.illustrative) "
        "FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
        "WHERE i.action_id IN (SELECT ar.action_id FROM action_recommendations ar JOIN r ON r.id = ar.recommendation_id)",
        [sur],
    )


def illustrative_recommendations(version: str, sur: str) -> int:
    """How many of ``sur``'s recommendations are illustrative."""
    counts = illustrative_counts(version, sur)
    return int(counts.loc[counts["rows_of"] == "recommendations", "illustrative"].sum())


@st.cache_data(show_spinner=False, max_entries=8)
def rows_read(version: str) -> int:
    """How many data rows the build read from all its source files."""
    return int(query(version, "SELECT coalesce(sum(rows), 0) AS n FROM source_files").iloc[0]["n"])


# The files whose rows carry an ``illustrative`` flag, and the published table that holds those rows.
_FLAGGED = (("recommendations.csv", "recommendations"), ("assignments.csv", "assignments"),
            ("progress.csv", "progress"))  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=8)
def source_files(version: str) -> pd.DataFrame:
    """The CSV files this database was built from: rows read, encoding found, a SHA-256 prefix, and
    illustrative_rows (how many of the file's rows are illustrative; 0 for files without the flag)."""
    counts = " UNION ALL ".join(
        f"SELECT '{file}' AS file, count(*) FILTER (WHERE illustrative) AS n FROM {table}"  # noqa: S608 (constants above)
        for file, table in _FLAGGED
    )
    return query(
        version,
        "SELECT f.file, f.rows, f.encoding, left(f.sha256, 12) AS sha256_prefix, "  # noqa: S608 (constant fragments)
        f"coalesce(c.n, 0) AS illustrative_rows FROM source_files f LEFT JOIN ({counts}) c USING (file) "
        "ORDER BY f.file",
    )


def build_sources(version: str) -> tuple[str | None, dict[str, str]]:
    """The folder ``version`` was built from, and the full SHA-256 of each file it read there."""
    info = query(version, "SELECT data_dir FROM build_info")
    files = query(version, "SELECT file, sha256 FROM source_files")
    built_from = None if info.empty else info.iloc[0]["data_dir"]
    return built_from, dict(zip(files["file"], files["sha256"], strict=True))
