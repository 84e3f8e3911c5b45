"""The rules a pair of recommendations must keep to be a recurrence: same state under review, earlier cycle.

Checked on recurrence_links.csv and recurrences.csv before the build (``etl.validate`` adds them to its
row rules), so a pair that breaks them is named by file and line; ``etl.checks`` asserts the same on
the published tables. Pairs whose ids are unknown are left to the reference check, which names them.
"""

from __future__ import annotations

# The two ends of each pair, looked up in recommendations.csv as the reference check does (any case).
_PAIRS = (
    "SELECT d._row, d.earlier_id__raw, l.id AS later, e.cycle AS earlier_cycle, l.cycle AS later_cycle, "
    "e.state_under_review AS earlier_state, l.state_under_review AS later_state FROM {table} d "
    "JOIN clean_recommendations e ON lower(e.id) = lower(d.earlier_id) "
    "JOIN clean_recommendations l ON lower(l.id) = lower(d.later_id)"
)

ROW_RULES = tuple(
    rule
    for table in ("recurrence_links", "recurrences")
    for rule in (
        (
            table,
            "earlier_id",
            f"SELECT _row, earlier_id__raw, later, later_state, earlier_state FROM ({_PAIRS}) "
            "WHERE lower(earlier_state) <> lower(later_state)",
            lambda line_of, value, later, later_state, earlier_state: (
                f"made to {earlier_state}: expected a recommendation to the same state under review as "
                f"later_id {later} ({later_state})"
            ),
        ),
        (
            table,
            "earlier_id",
            f"SELECT _row, earlier_id__raw, later, earlier_cycle, later_cycle FROM ({_PAIRS}) "
            "WHERE lower(earlier_state) = lower(later_state) AND earlier_cycle >= later_cycle",
            lambda line_of, value, later, earlier_cycle, later_cycle: (
                f"from cycle {earlier_cycle}: expected a recommendation from a cycle before that of "
                f"later_id {later} (cycle {later_cycle})"
            ),
        ),
    )
)
