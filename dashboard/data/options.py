"""What the published data offers the reader to choose from, read once per database version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import SDG_GOALS_OF_R
from dashboard.db import query
from dashboard.i18n import localized
from dashboard.view import Choices
from vocab import REGIONAL_GROUPS


@dataclass(frozen=True)
class FilterOptions:
    """The values each filter offers, and the ministries' names for showing them.

    ``cycles_of``: each state under review's cycles, ascending. Options never depend on other
    filters, so a value chosen once stays valid while the reader narrows the view. ``sdg_goals``: the
    goals ("1"–"17") some recommendation names, in goal order (empty when the data has no SDGs).
    ``first_assessment`` (None when there is none) and ``built`` (the build's day, UTC) bound ``as_of``.
    """

    states_under_review: list[str]
    cycles_of: dict[str, list[int]]
    recommending_states: list[str]
    regional_groups: list[str]
    themes: list[str]
    ministry_ids: list[str]
    ministry_names: dict[str, str]
    ministry_names_km: dict[str, str]
    sdg_goals: tuple[str, ...] = ()
    first_assessment: date | None = None
    built: date | None = None

    def ministry_labels(self, ids) -> dict[str, str]:
        """Each ministry id in ``ids`` → its name in the reader's language (the Khmer one where there is one)."""
        return {m: localized(self.ministry_names.get(m), self.ministry_names_km.get(m)) for m in ids}

    def choices(self, version: str) -> Choices:
        """The same options as the link parser's ``Choices`` (ids are checked against ``version``)."""
        return Choices(
            states_under_review=self.states_under_review,
            cycles_of=self.cycles_of,
            recommending_states=self.recommending_states,
            regional_groups=self.regional_groups,
            themes=self.themes,
            ministries=self.ministry_ids,
            recommendation_exists=lambda rec_id: recommendation_exists(version, rec_id),
            chain_exists=lambda chain_id: chain_exists(version, chain_id),
            first_assessment=self.first_assessment,
            built=self.built,
        )


@st.cache_data(show_spinner=False, max_entries=8)
def filter_options(version: str) -> FilterOptions:
    reviews = query(version, "SELECT DISTINCT state_under_review, cycle FROM recommendations ORDER BY 1, 2")
    cycles_of: dict[str, list[int]] = {}
    for sur, cycle in reviews.itertuples(index=False):
        cycles_of.setdefault(sur, []).append(int(cycle))
    states = query(version, "SELECT DISTINCT state FROM recommendation_states ORDER BY state")[
        "state"
    ].tolist()
    used_groups = set(
        query(
            version,
            "SELECT DISTINCT s.regional_group FROM recommendation_states rs JOIN states s ON s.name = rs.state",
        )["regional_group"]
    )
    themes = query(version, "SELECT name FROM themes ORDER BY name")["name"].tolist()
    ministries = query(version, "SELECT id, name, name_km FROM ministries ORDER BY name")
    goals = query(
        version,
        f"SELECT DISTINCT g FROM (SELECT unnest({SDG_GOALS_OF_R}) AS g FROM recommendations r)",  # noqa: S608 (a fixed fragment)
    )["g"].tolist()
    days = query(
        version,
        "SELECT (SELECT min(date) FROM progress) AS first_assessment, "
        "CAST(timezone('UTC', built_at) AS DATE) AS built FROM build_info",
    ).iloc[0]
    return FilterOptions(
        states_under_review=sorted(cycles_of),
        cycles_of=cycles_of,
        recommending_states=states,
        regional_groups=[g for g in REGIONAL_GROUPS if g in used_groups],
        themes=themes,
        ministry_ids=ministries["id"].tolist(),
        ministry_names=dict(zip(ministries["id"], ministries["name"], strict=True)),
        ministry_names_km={
            i: k for i, k in zip(ministries["id"], ministries["name_km"], strict=True) if k == k and k
        },
        sdg_goals=tuple(sorted(goals, key=int)),
        first_assessment=_day(days["first_assessment"]),
        built=_day(days["built"]),
    )


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


@st.cache_data(show_spinner=False, max_entries=1024)
def recommendation_exists(version: str, rec_id: str) -> bool:
    """Whether ``rec_id`` is a recommendation of ``version`` (a link's ``rec=``)."""
    return not query(version, "SELECT 1 FROM recommendations WHERE id = ?", [rec_id]).empty


@st.cache_data(show_spinner=False, max_entries=1024)
def chain_exists(version: str, chain_id: str) -> bool:
    """Whether ``chain_id`` names a chain of recurring recommendations in ``version`` (a link's ``chain=``)."""
    return not query(version, "SELECT 1 FROM recurrence_chains WHERE chain_id = ?", [chain_id]).empty


@st.cache_data(show_spinner=False, max_entries=8)
def state_codes(version: str) -> dict[str, str]:
    """Every state of ``version``'s states table (under review and recommending) → its ISO 3166 alpha-3
    code as states.csv gives it (for naming it in the reader's language, dashboard/names.py)."""
    frame = query(version, "SELECT name, iso3 FROM states WHERE iso3 IS NOT NULL")
    return dict(zip(frame["name"], frame["iso3"], strict=True))
