"""Asked again: recommendations that repeat earlier ones, as chains across cycles (docs/recurrence.md).

A **chain** is a group of recommendations linked to each other across cycles (the published
``recurrence_chains``: a connected component of the links), counted once; every recommendation is in
at most one chain. A recommendation **repeats an earlier one** when a link joins it to a
recommendation of an earlier cycle (it is the later end of a link): the same rule in the Explorer's
"asked before", the chart by theme and the counts. What it repeats is everything reached by following
links back in time (a cycle-3 recommendation repeating a cycle-2 one that repeats a cycle-1 one
repeats both); members of the same chain reached only through a later recommendation are not "asked
before" (a cycle-2 text that repeats two different cycle-1 asks does not make them one ask).

The reader's filters pick a chain by its **newest recommendations** (its members in its last cycle):
a chain is listed when at least one of them matches every filter (cycle 2 lists the chains whose
last cycle is 2). Its latest status is, per assessor, the latest assessment of any of those newest
recommendations (on or before the selection's ``as_of``).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.data.filtering import STATES_CELL, THEMES_CELL, chosen_themes, latest, where
from dashboard.db import query
from dashboard.view import Selection
from vocab import MULTI_SEPARATOR

# Report order inside a cycle: paragraph 118.2 before 118.10, then the id.
_PARAGRAPH_ORDER = (
    "try_cast(split_part(r.paragraph, '.', 1) AS INTEGER) NULLS LAST, "
    "try_cast(split_part(r.paragraph, '.', 2) AS INTEGER) NULLS LAST, r.id"
)
# Each chain's newest recommendations: its members in its last cycle.
_NEWEST = (
    "newest AS (SELECT m.chain_id, m.recommendation_id FROM recurrence_chain_members m "
    "JOIN recurrence_chains c USING (chain_id) WHERE m.cycle = c.last_cycle)"
)
# The recommendations that repeat an earlier one: the later end of some link.
_REPEATS = "repeats AS (SELECT DISTINCT later_id AS recommendation_id FROM recurrence_links)"


@st.cache_data(show_spinner=False, max_entries=256)
def around(version: str, rec_id: str, as_of: date | None, earlier: bool = True) -> pd.DataFrame:
    """What ``rec_id`` repeats (``earlier``: every recommendation reached by following links back in
    time) or what repeats it (following them forward), newest first.

    Columns: id, cycle, year, document, paragraph, recommending_states, response, government_status,
    civil_society_status (latest on or before ``as_of``; now when None), origin (``machine`` /
    ``confirmed`` for a direct link, None for one reached through another recommendation), score
    (0–100; None for a link a monitor added, or an indirect one), reasons and instruments (lists,
    empty when indirect), via (the recommendation an indirect one was reached through), text,
    illustrative. Within a cycle: direct links first, confirmed before suggested,
    surest first, then report order. Empty when nothing is linked.
    """
    relation, latest_params = latest(as_of)
    far, near = ("earlier_id", "later_id") if earlier else ("later_id", "earlier_id")
    frame = query(
        version,
        # Links always join two cycles in time order, so the walk ends after as many steps as cycles.
        f"WITH RECURSIVE walk(id, via, depth) AS ("  # noqa: S608 (fixed fragments; values are parameters)
        f"SELECT {far}, NULL::VARCHAR, 1 FROM recurrence_links WHERE {near} = ? "
        f"UNION SELECT l.{far}, w.id, w.depth + 1 FROM walk w JOIN recurrence_links l ON l.{near} = w.id), "
        "reached AS (SELECT id, min(depth) AS depth, arg_min(via, depth) AS via FROM walk GROUP BY id), "
        f"lat AS (SELECT * FROM {relation}) "
        f"SELECT r.id, r.cycle, r.year, r.document, r.paragraph, {STATES_CELL}, r.response, "
        "gov.status AS government_status, cs.status AS civil_society_status, "
        "l.origin, l.score, coalesce(l.reasons, []::VARCHAR[]) AS reasons, "
        "coalesce(l.instruments, []::VARCHAR[]) AS instruments, w.via, r.text, r.illustrative "
        "FROM reached w JOIN recommendations r ON r.id = w.id "
        f"LEFT JOIN recurrence_links l ON w.depth = 1 AND l.{far} = r.id AND l.{near} = ? "
        "LEFT JOIN lat gov ON gov.recommendation_id = r.id AND gov.assessor = 'government' "
        "LEFT JOIN lat cs ON cs.recommendation_id = r.id AND cs.assessor = 'civil_society' "
        f"ORDER BY r.cycle {'DESC' if earlier else 'ASC'}, l.origin IS NULL, l.origin = 'confirmed' DESC, "
        f"l.score DESC NULLS LAST, {_PARAGRAPH_ORDER}",
        [rec_id, *latest_params, rec_id],
    )
    return frame


@st.cache_data(show_spinner=False, max_entries=256)
def chain_of(version: str, rec_id: str) -> dict | None:
    """The chain ``rec_id`` belongs to (the columns of ``recurrence_chains``), or None."""
    rows = query(
        version,
        "SELECT c.* FROM recurrence_chains c JOIN recurrence_chain_members m USING (chain_id) "
        "WHERE m.recommendation_id = ?",
        [rec_id],
    )
    return None if rows.empty else rows.iloc[0].to_dict()


@st.cache_data(show_spinner=False, max_entries=128)
def chains(version: str, f: Selection) -> pd.DataFrame:
    """The chains spanning two or more cycles whose newest recommendations ``f`` selects, most often
    asked first (then in most cycles, then by id).

    Columns: chain_id, recommendations (how often it was asked), cycles (in how many reviews),
    cycle_list ("1, 2"), first_cycle, last_cycle, supported, cycles_supported, links,
    confirmed_links, newest (the first of its newest recommendations in report order),
    newest_count (how many recommendations its last cycle holds), again_count (how many of its
    recommendations repeat an earlier one), themes (of the newest, " | "),
    text (the first newest one's, empty when the source has none), government_status,
    civil_society_status (latest of the newest, on or before ``f.as_of``), illustrative.
    """
    condition, params = where(f)
    relation, latest_params = latest(f.as_of)
    frame = query(
        version,
        f"WITH lat AS (SELECT * FROM {relation}), {_NEWEST}, {_REPEATS}, "  # noqa: S608 (fixed fragments; values are parameters)
        "picked AS (SELECT DISTINCT n.chain_id FROM newest n JOIN recommendations r ON r.id = n.recommendation_id "
        f"WHERE {condition}), "
        "latest_of AS (SELECT n.chain_id, a.assessor, first(a.status ORDER BY a.date DESC, a.status) AS status "
        "FROM newest n JOIN lat a ON a.recommendation_id = n.recommendation_id GROUP BY ALL), "
        f"front AS (SELECT n.chain_id, first(r.id ORDER BY {_PARAGRAPH_ORDER}) AS newest, "
        f"first(r.text ORDER BY {_PARAGRAPH_ORDER}) AS text, count(*) AS newest_count, "
        "list_sort(list_distinct(flatten(list(r.themes)))) AS themes "
        "FROM newest n JOIN recommendations r ON r.id = n.recommendation_id GROUP BY n.chain_id), "
        "spans AS (SELECT m.chain_id, string_agg(DISTINCT CAST(m.cycle AS VARCHAR), ', ' "
        "ORDER BY CAST(m.cycle AS VARCHAR)) AS cycle_list, count(rp.recommendation_id) AS again_count "
        "FROM recurrence_chain_members m LEFT JOIN repeats rp USING (recommendation_id) GROUP BY m.chain_id) "
        "SELECT c.chain_id, c.recommendations, c.cycles, s.cycle_list, c.first_cycle, c.last_cycle, "
        "c.supported, c.cycles_supported, c.links, c.confirmed_links, fr.newest, fr.newest_count, s.again_count, "
        f"array_to_string(fr.themes, '{MULTI_SEPARATOR}') AS themes, fr.text, "
        "gov.status AS government_status, cs.status AS civil_society_status, c.illustrative "
        "FROM recurrence_chains c JOIN picked USING (chain_id) JOIN front fr USING (chain_id) "
        "JOIN spans s USING (chain_id) "
        "LEFT JOIN latest_of gov ON gov.chain_id = c.chain_id AND gov.assessor = 'government' "
        "LEFT JOIN latest_of cs ON cs.chain_id = c.chain_id AND cs.assessor = 'civil_society' "
        "WHERE c.cycles >= 2 "
        "ORDER BY c.recommendations DESC, c.cycles DESC, c.last_cycle DESC, c.chain_id",
        [*latest_params, *params],
    )
    counts = ("recommendations", "cycles", "supported", "cycles_supported", "links", "confirmed_links")
    counts += ("newest_count", "again_count")
    return frame.astype({c: "int64" for c in counts})


def totals(frame: pd.DataFrame) -> dict:
    """What the listed chains (``chains()``) add up to, each chain once: chains, recommendations
    (every member once: a recommendation is in one chain at most), first_asked (linked to nothing
    earlier), asked_again (repeating an earlier one: the later end of a link), links,
    confirmed_links, largest (the most recommendations in one chain), illustrative (chains with an
    illustrative member). ``recommendations == first_asked + asked_again``."""
    keys = ("chains", "recommendations", "first_asked", "asked_again", "links", "confirmed_links")
    if frame.empty:
        return dict.fromkeys(keys, 0) | {"largest": 0, "illustrative": 0}
    again = int(frame["again_count"].sum())
    recommendations = int(frame["recommendations"].sum())
    return {
        "chains": len(frame),
        "recommendations": recommendations,
        "first_asked": recommendations - again,
        "asked_again": again,
        "links": int(frame["links"].sum()),
        "confirmed_links": int(frame["confirmed_links"].sum()),
        "largest": int(frame["recommendations"].max()),
        "illustrative": int(frame["illustrative"].sum()),
    }


@st.cache_data(show_spinner=False, max_entries=128)
def repeats_by_cycle(version: str, f: Selection) -> pd.DataFrame:
    """Per cycle after the state under review's first: how many of the recommendations ``f`` selects
    repeat an earlier one. Columns: cycle, recommendations, repeats, illustrative_rows (each
    recommendation once)."""
    condition, params = where(f)
    frame = query(
        version,
        f"WITH {_REPEATS} "  # noqa: S608 (fixed fragments; values are parameters)
        "SELECT r.cycle, count(*) AS recommendations, count(rp.recommendation_id) AS repeats, "
        "count(*) FILTER (WHERE r.illustrative) AS illustrative_rows "
        "FROM recommendations r LEFT JOIN repeats rp ON rp.recommendation_id = r.id "
        f"WHERE {condition} AND r.cycle > (SELECT min(cycle) FROM recommendations WHERE state_under_review = ?) "
        "GROUP BY r.cycle ORDER BY r.cycle",
        [*params, f.state_under_review],
    )
    return frame.astype({c: "int64" for c in ("recommendations", "repeats", "illustrative_rows")})


@st.cache_data(show_spinner=False, max_entries=128)
def repeats_by_theme(version: str, f: Selection) -> pd.DataFrame:
    """Per cycle (after the first) and theme: recommendations and how many repeat an earlier one.

    A recommendation counts once for each of its themes (so themes add up to more than the cycle);
    chosen themes narrow the list to them. Columns: cycle, theme, recommendations, repeats,
    illustrative_rows. Sorted by cycle, then most repeats.
    """
    condition, params = where(f)
    own, own_params = chosen_themes(f)
    params = [*params, *own_params]
    frame = query(
        version,
        f"WITH {_REPEATS} "  # noqa: S608 (fixed fragments; values are parameters)
        "SELECT r.cycle, rt.theme, count(*) AS recommendations, count(rp.recommendation_id) AS repeats, "
        "count(*) FILTER (WHERE r.illustrative) AS illustrative_rows "
        "FROM recommendations r JOIN recommendation_themes rt ON rt.recommendation_id = r.id "
        "LEFT JOIN repeats rp ON rp.recommendation_id = r.id "
        f"WHERE {condition}{own} AND r.cycle > (SELECT min(cycle) FROM recommendations WHERE state_under_review = ?) "
        "GROUP BY ALL ORDER BY r.cycle, repeats DESC, recommendations DESC, rt.theme",
        [*params, f.state_under_review],
    )
    return frame.astype({"recommendations": "int64", "repeats": "int64", "illustrative_rows": "int64"})


@st.cache_data(show_spinner=False, max_entries=128)
def last_cycles(version: str, sur: str) -> pd.DataFrame:
    """How many chains of ``sur`` end in each cycle (columns last_cycle, chains): where to look when a
    cycle has none."""
    return query(
        version,
        "SELECT last_cycle, count(*) AS chains FROM recurrence_chains WHERE state_under_review = ? "
        "AND cycles >= 2 GROUP BY last_cycle ORDER BY last_cycle",
        [sur],
    )


@st.cache_data(show_spinner=False, max_entries=128)
def members(version: str, chain_id: str, as_of: date | None) -> pd.DataFrame:
    """Every recommendation of one chain, newest cycle first, in report order: id, cycle, year,
    document, paragraph, recommending_states, response, themes, government_status,
    civil_society_status (latest on or before ``as_of``), text, illustrative."""
    relation, latest_params = latest(as_of)
    frame = query(
        version,
        f"WITH lat AS (SELECT * FROM {relation}) "  # noqa: S608 (fixed fragments; values are parameters)
        f"SELECT r.id, r.cycle, r.year, r.document, r.paragraph, {STATES_CELL}, r.response, {THEMES_CELL}, "
        "gov.status AS government_status, cs.status AS civil_society_status, r.text, r.illustrative "
        "FROM recurrence_chain_members m JOIN recommendations r ON r.id = m.recommendation_id "
        "LEFT JOIN lat gov ON gov.recommendation_id = r.id AND gov.assessor = 'government' "
        "LEFT JOIN lat cs ON cs.recommendation_id = r.id AND cs.assessor = 'civil_society' "
        "WHERE m.chain_id = ? ORDER BY r.cycle DESC, " + _PARAGRAPH_ORDER,
        [*latest_params, chain_id],
    )
    return frame


@st.cache_data(show_spinner=False, max_entries=128)
def links(version: str, chain_id: str) -> pd.DataFrame:
    """The links of one chain: later_id, earlier_id, origin, score, reasons, instruments (lists),
    decided_by, note, illustrative; newest first, surest first."""
    return query(
        version,
        "SELECT l.later_id, l.earlier_id, l.origin, l.score, l.reasons, l.instruments, l.decided_by, l.note, "
        "l.illustrative FROM recurrence_links l JOIN recurrence_chain_members m ON m.recommendation_id = l.later_id "
        "WHERE m.chain_id = ? ORDER BY l.later_cycle DESC, l.later_id, l.score DESC NULLS LAST, l.earlier_id",
        [chain_id],
    )
