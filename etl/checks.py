"""Data tests run on the built tables before publishing, declared as a list like dbt's.

Validation has already rejected bad rows with their lines; these assert the same promises on the
finished tables, so a mistake in the SQL that builds them can never reach readers.
"""

from __future__ import annotations

import duckdb

from vocab import RESPONSES

# (what is promised, a query returning the rows that break it)
DATA_TESTS: tuple[tuple[str, str], ...] = (
    ("recommendations.id is unique", "SELECT id FROM recommendations GROUP BY id HAVING count(*) > 1"),
    ("recommendations.id is not null", "SELECT * FROM recommendations WHERE id IS NULL"),
    (
        "recommendations have their required values",
        "SELECT id FROM recommendations WHERE state_under_review IS NULL OR cycle IS NULL OR year IS NULL "
        "OR response IS NULL OR source IS NULL OR illustrative IS NULL",
    ),
    (
        f"recommendations.response is one of {', '.join(RESPONSES)}",
        "SELECT id FROM recommendations WHERE response NOT IN ("
        + ", ".join(f"'{r}'" for r in RESPONSES)
        + ")",
    ),
    (
        "every recommendation has a recommending state",
        "SELECT id FROM recommendations WHERE len(recommending_states) = 0 OR recommending_states IS NULL",
    ),
    (
        "recommending states resolve to states",
        "SELECT state FROM recommendation_states WHERE state NOT IN (SELECT name FROM states)",
    ),
    (
        "states under review resolve to states",
        "SELECT id FROM recommendations WHERE state_under_review NOT IN (SELECT name FROM states)",
    ),
    (
        "themes resolve to themes",
        "SELECT theme FROM recommendation_themes WHERE theme NOT IN (SELECT name FROM themes)",
    ),
    (
        "assignments resolve to recommendations and ministries",
        "SELECT * FROM assignments WHERE recommendation_id NOT IN (SELECT id FROM recommendations) "
        "OR ministry_id NOT IN (SELECT id FROM ministries)",
    ),
    (
        "a recommendation has at most one lead institution",
        "SELECT recommendation_id FROM assignments WHERE role = 'lead' GROUP BY 1 HAVING count(*) > 1",
    ),
    (
        "progress resolves to recommendations",
        "SELECT * FROM progress WHERE recommendation_id NOT IN (SELECT id FROM recommendations)",
    ),
    (
        "progress values are accepted values",
        "SELECT * FROM progress WHERE assessor NOT IN ('government', 'civil_society', 'un', 'nhri') "
        "OR status NOT IN ('not_implemented', 'partially_implemented', 'implemented', 'no_information') "
        "OR date IS NULL",
    ),
    (
        "every action answers a supported recommendation and has a ministry",
        "SELECT id FROM actions WHERE len(recommendation_ids) = 0 OR recommendation_ids IS NULL "
        "OR ministry_id NOT IN (SELECT id FROM ministries) OR due_date IS NULL "
        "UNION ALL SELECT action_id FROM action_recommendations "
        "WHERE recommendation_id NOT IN (SELECT id FROM recommendations WHERE response = 'supported')",
    ),
    ("an action is due on or after its start", "SELECT id FROM actions WHERE due_date < start_date"),
    (
        "indicators resolve to actions and have a target",
        "SELECT id FROM indicators WHERE action_id NOT IN (SELECT id FROM actions) OR target IS NULL "
        "OR target_date IS NULL",
    ),
    (
        "indicator values resolve to indicators, in the indicator's unit",
        "SELECT v.indicator_id FROM indicator_values v LEFT JOIN indicators i ON i.id = v.indicator_id "
        "WHERE i.id IS NULL OR v.unit <> i.unit",
    ),
    (
        "official totals add up (supported + noted = received)",
        "SELECT * FROM official_totals WHERE supported + noted <> received",
    ),
    (
        "official totals: the rejected are among the noted",
        "SELECT * FROM official_totals WHERE rejected > noted",
    ),
    (
        "a recurrence links a recommendation to one of an earlier cycle, same state under review",
        "SELECT l.* FROM recurrence_links l JOIN recommendations e ON e.id = l.earlier_id "
        "JOIN recommendations r ON r.id = l.later_id "
        "WHERE e.state_under_review <> r.state_under_review OR e.cycle >= r.cycle",
    ),
    (
        "each recurrence link once, each linked recommendation in one chain",
        "SELECT earlier_id FROM recurrence_links GROUP BY earlier_id, later_id HAVING count(*) > 1 "
        "UNION ALL SELECT recommendation_id FROM recurrence_chain_members GROUP BY 1 HAVING count(*) > 1",
    ),
)


def run_data_tests(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Return one line per broken promise (empty when every data test passes)."""
    failures = []
    for promise, sql in DATA_TESTS:
        broken = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
        if broken:
            failures.append(f"data test failed: {promise} ({broken} row(s))")
    return failures


def reconciliation_report(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per review whose loaded counts differ from its official totals (reported, not fatal)."""
    lines = []
    rows = con.execute(
        "SELECT state_under_review, cycle, received, supported, noted, recommending_states, official_received, "
        "official_supported, official_noted, official_recommending_states, illustrative, pending, unclassified, "
        "rejected, official_rejected "
        "FROM reconciliation WHERE official_received IS NOT NULL AND NOT reconciles"
    ).fetchall()
    for sur, cycle, rec, sup, noted, states, o_rec, o_sup, o_noted, o_states, illustrative, *more in rows:
        pending, unclassified, rejected, o_rejected = more
        lines.append(
            f"{sur} cycle {cycle}: loaded {rec or 0} received / {sup or 0} supported / {noted or 0} noted / "
            f"{states or 0} states; official {o_rec} / {o_sup} / {o_noted} / {o_states}"
            + (f"; loaded {rejected or 0} rejected, official {o_rejected}" if o_rejected is not None else "")
            + (f"; {pending} pending (no answer yet)" if pending else "")
            + (f"; {unclassified} unclassified (position not read)" if unclassified else "")
            + (" (illustrative rows)" if illustrative else "")
        )
    return lines
