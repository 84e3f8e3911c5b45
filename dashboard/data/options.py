"""The choices the shared filters offer, read once per database version."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.db import query
from vocab import ASSESSORS, REGIONAL_GROUPS, STATUSES


@dataclass(frozen=True)
class FilterOptions:
    states_under_review: list[str]
    cycles_of: dict[str, list[int]]
    all_cycles: list[int]
    states: list[str]
    regions: list[str]
    themes: list[str]
    ministry_ids: list[str]
    ministry_names: dict[str, str]
    ministry_names_km: dict[str, str]
    statuses: tuple[str, ...] = STATUSES
    assessors: tuple[str, ...] = ASSESSORS


@st.cache_data(show_spinner=False, max_entries=8)
def filter_options(version: str) -> FilterOptions:
    reviews = query(version, "SELECT DISTINCT state_under_review, cycle FROM recommendations ORDER BY 1, 2")
    cycles_of: dict[str, list[int]] = {}
    for sur, cycle in reviews.itertuples(index=False):
        cycles_of.setdefault(sur, []).append(int(cycle))
    states = query(version, "SELECT DISTINCT state FROM recommendation_states ORDER BY state")[
        "state"
    ].tolist()
    used_regions = set(
        query(
            version,
            "SELECT DISTINCT s.regional_group FROM recommendation_states rs JOIN states s ON s.name = rs.state",
        )["regional_group"]
    )
    themes = query(version, "SELECT name FROM themes ORDER BY name")["name"].tolist()
    ministries = query(version, "SELECT id, name, name_km FROM ministries ORDER BY name")
    return FilterOptions(
        states_under_review=sorted(cycles_of),
        cycles_of=cycles_of,
        all_cycles=sorted({c for cycles in cycles_of.values() for c in cycles}),
        states=states,
        regions=[g for g in REGIONAL_GROUPS if g in used_regions],
        themes=themes,
        ministry_ids=ministries["id"].tolist(),
        ministry_names=dict(zip(ministries["id"], ministries["name"], strict=True)),
        ministry_names_km={
            i: k for i, k in zip(ministries["id"], ministries["name_km"], strict=True) if k == k and k
        },
    )
